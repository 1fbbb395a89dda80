import { DomainError } from '../../shared/errors.ts';

/** Something pushed to open pages. `id` is the Server-Sent Events id, increasing in commit order. */
export interface LiveEvent {
  id: number;
  /** `site` (every reader page) or `liveblog:<articleId>`. */
  topic: string;
  type: string;
  data: unknown;
  createdAt: Date;
}

export type LiveEventListener = (event: LiveEvent) => void;

/** The topic every reader page listens to (the breaking-news banner). */
export const siteTopic = 'site';

export const maxTopicsPerConnection = 5;
/** Serialised `data` limit: a rendered live-blog entry fits many times over. */
export const maxDataBytes = 128 * 1024;

const topicPattern = /^[a-z][a-z0-9-]{0,31}(:[a-z0-9-]{1,64})?$/;
const typePattern = /^[a-z][a-z0-9.-]{0,63}$/;

export function isTopic(value: string): boolean {
  return topicPattern.test(value);
}

export function checkTopic(topic: string): string {
  if (!isTopic(topic)) throw new DomainError('bad_request', `"${topic.slice(0, 80)}" is not a live topic.`);
  return topic;
}

export function checkType(type: string): string {
  if (!typePattern.test(type))
    throw new DomainError('bad_request', `"${type.slice(0, 80)}" is not an event type.`);
  return type;
}

/**
 * A subscription's topics from `topics=site,liveblog:12` (commas or spaces): at least one, at most five,
 * each well formed; duplicates are dropped.
 */
export function parseTopics(value: unknown): string[] {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new DomainError('bad_request', 'Say which topics to follow, e.g. ?topics=site.');
  }
  const topics = [...new Set(value.split(/[\s,]+/).filter(Boolean))];
  if (topics.length > maxTopicsPerConnection) {
    throw new DomainError('bad_request', `Follow at most ${maxTopicsPerConnection} topics per connection.`);
  }
  for (const topic of topics) checkTopic(topic);
  return topics;
}

/** `Last-Event-ID` (or `?lastEventId=`): absent → undefined; a non-negative integer; anything else is bad input. */
export function parseLastEventId(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value.trim())) {
    throw new DomainError('bad_request', 'Last-Event-ID must be the id of an event this site sent.');
  }
  return Number(value.trim());
}
