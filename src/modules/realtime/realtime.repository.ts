import { and, asc, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { liveEvents } from '../../db/schema/index.ts';
import type { LiveEvent } from './live-event.ts';

/**
 * One lock key for every publisher in every instance: holding it while the id is drawn and committed
 * makes ids appear in commit order, so a reader who has seen id N has seen everything below N.
 */
const publishLockKey = 727_455_301;

const columns = {
  id: liveEvents.id,
  topic: liveEvents.topic,
  type: liveEvents.type,
  data: liveEvents.data,
  createdAt: liveEvents.createdAt,
};

export class RealtimeRepository {
  constructor(private readonly db: Database) {}

  insert(topic: string, type: string, data: unknown, createdAt: Date): Promise<LiveEvent> {
    return this.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${publishLockKey})`);
      const [row] = await tx.insert(liveEvents).values({ topic, type, data, createdAt }).returning(columns);
      if (!row) throw new Error('live event insert returned nothing');
      return row;
    });
  }

  /** Every event after `id`, oldest first: what this instance has not fanned out yet. */
  after(id: number, limit: number): Promise<LiveEvent[]> {
    return this.db
      .select(columns)
      .from(liveEvents)
      .where(gt(liveEvents.id, id))
      .orderBy(asc(liveEvents.id))
      .limit(limit);
  }

  /** The events on these topics after `id`, oldest first: what a reconnecting reader missed. */
  since(topics: readonly string[], id: number, limit: number): Promise<LiveEvent[]> {
    return this.db
      .select(columns)
      .from(liveEvents)
      .where(and(inArray(liveEvents.topic, [...topics]), gt(liveEvents.id, id)))
      .orderBy(asc(liveEvents.id))
      .limit(limit);
  }

  async latestId(): Promise<number> {
    const [row] = await this.db.select({ id: sql<string | null>`max(${liveEvents.id})` }).from(liveEvents);
    return Number(row?.id ?? 0);
  }

  async pruneBefore(cutoff: Date): Promise<number> {
    const deleted = await this.db
      .delete(liveEvents)
      .where(lt(liveEvents.createdAt, cutoff))
      .returning({ id: liveEvents.id });
    return deleted.length;
  }
}
