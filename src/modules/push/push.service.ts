import type { z } from 'zod';
import { DomainError } from '../../shared/errors.ts';
import type { ArticlesService } from '../articles/index.ts';
import type { Job, JobQueue } from '../jobs/index.ts';
import { type Actor, systemActor, type UsersService } from '../users/index.ts';
import type { NotificationRow, PushRepository } from './push.repository.ts';
import {
  bodyMaxLength,
  endpointProblem,
  messageSchema,
  type PushDraft,
  type PushPayload,
  pushJob,
  subscriptionSchema,
  titleMaxLength,
  unsubscribeSchema,
  type VapidKeys,
} from './push.ts';
import { WindowLimiter } from './rate-limit.ts';
import { generateVapidKeys, type PushTransport } from './web-push.transport.ts';

export interface PushServiceOptions {
  enabled: boolean;
  /** VAPID contact (mailto: or https:). */
  subject: string;
  serviceHosts: readonly string[] | '*';
  allowLoopback: boolean;
  /** Absolute origin of the site, for story URLs. */
  siteUrl: string;
  /** Absolute URL of the brand icon shown on the notification. */
  iconUrl: string;
  clock: () => Date;
  log: { warn(details: object, message: string): void };
}

/** Subscriptions claimed at a time, and messages in flight at once (push services answer in ~100 ms). */
const batchSize = 200;
const concurrency = 16;

/** A job is tried five times: 10 s, 20 s, 40 s, 80 s apart (modules/jobs backoff), then what is left fails. */
const maxAttempts = 5;
/** Pushes in a row a browser may fail before its subscription is dropped. */
const failureLimit = 5;
/** Claim rows of finished pushes are kept a day (a late duplicate job must still see them). */
const keepClaimsMs = 86_400_000;

function parse<T>(schema: z.ZodType<T, unknown>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success)
    throw new DomainError('validation_failed', result.error.issues[0]?.message ?? 'Invalid input.');
  return result.data;
}

/** Runs `work` over `items` with at most `limit` running at once, keeping the order of the results. */
async function mapLimited<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Web Push for breaking news: readers opt in from any page; an editor sends a published story to every
 * subscribed browser. Sending is a durable job, so the editor's click returns at once and publishing is
 * never held up; the job is idempotent per push (claim rows) and retried on transient errors.
 */
export class PushService {
  private readonly perAddress = new WindowLimiter(20, 10 * 60_000);
  private keys: Promise<VapidKeys> | undefined;

  constructor(
    private readonly repo: PushRepository,
    private readonly articles: ArticlesService,
    private readonly users: UsersService,
    private readonly jobs: JobQueue,
    private readonly transport: PushTransport,
    private readonly options: PushServiceOptions,
  ) {}

  get enabled(): boolean {
    return this.options.enabled;
  }

  /** The VAPID public key browsers subscribe with (applicationServerKey). */
  async publicKey(): Promise<string> {
    this.assertEnabled();
    return (await this.vapidKeys()).publicKey;
  }

  async subscribe(input: unknown, address: string): Promise<void> {
    this.assertEnabled();
    this.limit(address);
    const subscription = parse(subscriptionSchema, input);
    const problem = endpointProblem(subscription.endpoint, this.options);
    if (problem) throw new DomainError('validation_failed', problem);
    await this.repo.upsertSubscription(subscription);
  }

  /** Opting out is idempotent: an endpoint we do not know is already unsubscribed. */
  async unsubscribe(input: unknown, address: string): Promise<void> {
    this.limit(address);
    const { endpoint } = parse(unsubscribeSchema, input);
    await this.repo.deleteSubscription(endpoint);
  }

  /** The confirm page: defaults from the story, how many readers will get it, and what was sent before. */
  async draft(actor: Actor, articleId: number): Promise<PushDraft> {
    this.assertEnabled();
    this.users.authorize(actor, 'push.send');
    const article = await this.publishedArticle(articleId);
    const [audience, history] = await Promise.all([this.repo.audience(), this.repo.history(articleId, 20)]);
    return {
      article: {
        id: article.id,
        headline: article.headline,
        standfirst: article.standfirst,
        url: `${this.options.siteUrl}${article.url}`,
        breaking: article.label === 'breaking',
      },
      title: article.headline.slice(0, titleMaxLength),
      body: article.standfirst.slice(0, bodyMaxLength),
      subscribers: audience.count,
      history,
    };
  }

  /** Queues a push about a published story; returns its id. A form sent twice queues one push. */
  async send(actor: Actor, articleId: number, input: unknown): Promise<number> {
    this.assertEnabled();
    this.users.authorize(actor, 'push.send');
    const message = parse(messageSchema, input);
    const article = await this.publishedArticle(articleId);
    const audience = await this.repo.audience();
    const { row, created } = await this.repo.insertNotification(
      {
        articleId,
        title: message.title,
        body: message.body,
        url: `${this.options.siteUrl}${article.url}`,
        sentBy: actor.kind === 'user' ? actor.userId : null,
        requestKey: message.requestKey,
      },
      audience,
    );
    // Enqueued again on a repeated form too: if the first request died between insert and enqueue, the
    // push still goes out (the dedupe key keeps it to one job).
    if (row.status === 'queued') {
      await this.jobs.enqueue(
        pushJob,
        { notificationId: row.id },
        { dedupeKey: `push:${row.id}`, maxAttempts },
      );
    }
    if (created) {
      await this.users.audit(
        actor,
        'push.send',
        articleId,
        `Push ${row.id} "${row.title}" queued for ${row.recipients} subscribers`,
      );
    }
    return row.id;
  }

  /** The job: sends in batches, records every outcome, and throws (to be retried) while some can retry. */
  async deliver(notificationId: number, job: Pick<Job, 'attempts' | 'maxAttempts'>): Promise<void> {
    const notification = await this.repo.notification(notificationId);
    if (!notification || notification.status === 'done' || notification.status === 'cancelled') return;
    // A story taken down after the editor pressed "Send" is not pushed.
    const stillPublished =
      notification.articleId !== null && (await this.articles.publishedById(notification.articleId));
    if (!this.options.enabled || !stillPublished) {
      await this.repo.setStatus(notificationId, 'cancelled', this.options.clock());
      await this.users.audit(
        systemActor,
        'push.cancelled',
        notification.articleId,
        `Push ${notificationId} not sent: ${this.options.enabled ? 'the story is no longer published' : 'push is switched off'}`,
      );
      return;
    }
    await this.repo.setStatus(notificationId, 'sending');
    const finalAttempt = job.attempts >= job.maxAttempts;
    const handedBack = await this.sendAll(notification, finalAttempt);
    if (handedBack > 0) {
      throw new Error(`${handedBack} push deliveries failed for now and will be tried again`);
    }
    const now = this.options.clock();
    await this.repo.setStatus(notificationId, 'done', now);
    await this.repo.pruneDeliveries(new Date(now.getTime() - keepClaimsMs));
    const record = await this.repo.record(notificationId);
    if (record) {
      await this.users.audit(
        systemActor,
        'push.done',
        notification.articleId,
        `Push ${notificationId}: ${record.delivered} delivered, ${record.failed} failed, ${record.removed} expired subscriptions removed`,
      );
    }
  }

  private async sendAll(notification: NotificationRow, finalAttempt: boolean): Promise<number> {
    const keys = await this.vapidKeys();
    const vapid = { ...keys, subject: this.options.subject };
    const payload: PushPayload = {
      title: notification.title,
      body: notification.body,
      url: notification.url,
      icon: this.options.iconUrl,
      tag: `push-${notification.id}`,
    };
    const text = JSON.stringify(payload);
    let afterId = 0;
    let handedBack = 0;
    for (;;) {
      const batch = await this.repo.claimBatch(notification, afterId, batchSize);
      if (batch.lastId === undefined) return handedBack;
      afterId = batch.lastId;
      const results = await mapLimited(batch.targets, concurrency, (target) =>
        this.transport.send(target, text, vapid),
      );
      const problems = results.filter((r) => r.outcome === 'transient' || r.outcome === 'rejected');
      if (problems.length) {
        this.options.log.warn(
          { notificationId: notification.id, problems: problems.length, sample: problems[0] },
          'push deliveries failed',
        );
      }
      handedBack += await this.repo.recordBatch(notification.id, {
        outcomes: batch.targets.map((target, i) => ({
          subscriptionId: target.subscriptionId,
          outcome: results[i]?.outcome ?? 'transient',
        })),
        finalAttempt,
        failureLimit,
        now: this.options.clock(),
      });
    }
  }

  /** Generated once, kept in the database: every instance and every restart signs with the same pair. */
  private vapidKeys(): Promise<VapidKeys> {
    this.keys ??= this.repo
      .vapidKeys()
      .then((stored) => stored ?? this.repo.keepVapidKeys(generateVapidKeys()))
      .catch((error: unknown) => {
        this.keys = undefined;
        throw error;
      });
    return this.keys;
  }

  private async publishedArticle(articleId: number) {
    const article = await this.articles.publishedById(articleId);
    if (!article) {
      throw new DomainError('conflict', 'Only a published story can be pushed. Publish it first.');
    }
    return article;
  }

  private assertEnabled(): void {
    if (!this.options.enabled) {
      throw new DomainError('not_found', 'Push notifications are switched off on this site.');
    }
  }

  private limit(address: string): void {
    if (!this.perAddress.take(address, this.options.clock().getTime())) {
      throw new DomainError('rate_limited', 'Too many requests. Try again in a few minutes.');
    }
  }
}
