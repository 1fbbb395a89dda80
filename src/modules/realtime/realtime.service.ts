import { DomainError } from '../../shared/errors.ts';
import type { JobsService } from '../jobs/index.ts';
import {
  checkTopic,
  checkType,
  type LiveEvent,
  type LiveEventListener,
  maxDataBytes,
  maxTopicsPerConnection,
} from './live-event.ts';
import type { Announcer } from './ports.ts';
import type { RealtimeRepository } from './realtime.repository.ts';

export const pruneJob = 'realtime.prune';

const hourMs = 3_600_000;
/** Events read per query when an instance catches up or a reader replays. */
const batchSize = 500;

export interface RealtimeOptions {
  clock?: () => Date;
  /** How long events are kept for readers who reconnect (default 24 h). */
  retentionMs?: number;
  /** The bus channel every instance listens on. */
  channel?: string;
  log?: { error(details: object, message: string): void };
}

/**
 * Durable, ordered events for open pages. `publish` stores the event, then announces its id on the bus;
 * every instance (the publisher included) then reads everything after the last id it delivered, once,
 * and hands each event in order to its listeners (the SSE hub, the breaking-news memory). Because the
 * bus only carries a hint, a lost message is repaired by the next one, or by `catchUp` after the bus
 * reconnects.
 */
export class RealtimeService {
  private readonly listeners = new Set<LiveEventListener>();
  private readonly clock: () => Date;
  private readonly retentionMs: number;
  private readonly channel: string;
  private readonly log: NonNullable<RealtimeOptions['log']>;
  private cursor = 0;
  private pulling: Promise<void> | null = null;
  private pullAgain = false;
  private unsubscribe: (() => Promise<void>) | null = null;

  constructor(
    private readonly repo: RealtimeRepository,
    private readonly announcer: Announcer,
    private readonly jobs: JobsService,
    options: RealtimeOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.retentionMs = options.retentionMs ?? 24 * hourMs;
    this.channel = options.channel ?? 'broadsheet_live';
    this.log = options.log ?? { error: (details, message) => console.error(message, details) };
  }

  /** Starts listening: from now on every event published by any instance reaches `onEvent` listeners. */
  async start(): Promise<void> {
    this.cursor = await this.repo.latestId();
    this.unsubscribe = await this.announcer.subscribe(this.channel, () => void this.pull());
    // An event published between reading the newest id and subscribing announced itself to nobody.
    await this.pull();
  }

  async stop(): Promise<void> {
    await this.unsubscribe?.();
    this.unsubscribe = null;
    await this.pulling;
  }

  /** Stores an event for `topic` and pushes it to every open page following that topic, on every instance. */
  async publish(topic: string, type: string, data: unknown): Promise<LiveEvent> {
    checkTopic(topic);
    checkType(type);
    const json = JSON.stringify(data ?? null);
    if (Buffer.byteLength(json) > maxDataBytes) {
      throw new DomainError('too_large', `A live event carries at most ${maxDataBytes / 1024} KB of data.`);
    }
    const event = await this.repo.insert(topic, type, JSON.parse(json), this.clock());
    try {
      await this.announcer.publish(this.channel, JSON.stringify({ id: event.id, topic }));
    } catch (error) {
      // Stored all the same: the next announcement (or a reconnect) makes every instance read it.
      this.log.error({ err: String(error), id: event.id }, 'could not announce a live event');
    }
    return event;
  }

  /** What a reader following `topics` missed after `lastEventId`, oldest first, at most `limit` events. */
  since(topics: readonly string[], lastEventId: number, limit = batchSize): Promise<LiveEvent[]> {
    if (topics.length === 0) return Promise.resolve([]);
    if (topics.length > maxTopicsPerConnection) throw new DomainError('bad_request', 'Too many topics.');
    for (const topic of topics) checkTopic(topic);
    return this.repo.since(topics, lastEventId, Math.min(Math.max(1, limit), batchSize));
  }

  /** The newest event id this instance has delivered: a page rendered now replays from here. */
  latestId(): number {
    return this.cursor;
  }

  /** Every event, once, in id order, on every instance. Returns the unsubscribe function. */
  onEvent(listener: LiveEventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Reads what this instance missed (after the bus reconnected: announcements sent meanwhile are lost). */
  catchUp(): Promise<void> {
    return this.pull();
  }

  /** Deletes events older than the retention period. */
  async prune(): Promise<number> {
    return this.repo.pruneBefore(new Date(this.clock().getTime() - this.retentionMs));
  }

  /**
   * Enqueues the next hourly prune. The key names the hour, so instances starting together share one
   * job, and the running job, which schedules the next hour, never collides with itself.
   */
  async schedulePrune(): Promise<void> {
    const next = new Date((Math.floor(this.clock().getTime() / hourMs) + 1) * hourMs);
    await this.jobs.enqueue(pruneJob, {}, { runAt: next, dedupeKey: `${pruneJob}:${next.toISOString()}` });
  }

  /** The prune job's handler: prunes, then schedules the next run. */
  async pruneAndReschedule(): Promise<void> {
    await this.prune();
    await this.schedulePrune();
  }

  /** Single-flight: one read at a time; announcements arriving meanwhile cause one more pass. */
  private pull(): Promise<void> {
    if (this.pulling) {
      this.pullAgain = true;
      return this.pulling;
    }
    this.pulling = this.drain()
      .catch((error: unknown) => this.log.error({ err: String(error) }, 'could not read live events'))
      .finally(() => {
        this.pulling = null;
      });
    return this.pulling;
  }

  private async drain(): Promise<void> {
    do {
      this.pullAgain = false;
      for (;;) {
        const events = await this.repo.after(this.cursor, batchSize);
        for (const event of events) this.deliver(event);
        if (events.length < batchSize) break;
      }
    } while (this.pullAgain);
  }

  private deliver(event: LiveEvent): void {
    if (event.id <= this.cursor) return;
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        this.log.error({ err: String(error), id: event.id }, 'a live event listener failed');
      }
    }
    this.cursor = event.id;
  }
}
