import type { FastifyReply } from 'fastify';
import type { Freshness } from './freshness.ts';

/** What a reader response shows and how fresh it must be, set by the route, read by the cache hooks. */
export interface CacheMark {
  tags: Set<string>;
  freshness: Freshness;
}

const marks = new WeakMap<FastifyReply, CacheMark>();

/** Declares a response cacheable (if its route allows it) with these tags; adds to an earlier mark. */
export function markForCache(reply: FastifyReply, tags: Iterable<string>, freshness: Freshness): void {
  const mark = marks.get(reply);
  if (mark) {
    for (const tag of tags) mark.tags.add(tag);
    mark.freshness = freshness;
    return;
  }
  marks.set(reply, { tags: new Set(tags), freshness });
}

export function cacheMark(reply: FastifyReply): CacheMark | undefined {
  return marks.get(reply);
}
