import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { jobs } from '../../db/schema/index.ts';
import type { EnqueueOptions, Job, JobSummary } from './job.ts';

export class JobsRepository {
  constructor(private readonly db: Database) {}

  /** Inserts a job; with a dedupe key, a pending job with that key is moved to the new time instead. */
  async enqueue(kind: string, payload: unknown, options: EnqueueOptions, now: Date): Promise<number> {
    const values = {
      kind,
      payload,
      dedupeKey: options.dedupeKey ?? null,
      runAt: options.runAt ?? now,
      maxAttempts: options.maxAttempts ?? 8,
    };
    const query = this.db.insert(jobs).values(values);
    const [row] = options.dedupeKey
      ? await query
          .onConflictDoUpdate({
            target: jobs.dedupeKey,
            targetWhere: sql`status = 'pending'`,
            set: { runAt: values.runAt, payload, attempts: 0, lastError: null },
          })
          .returning({ id: jobs.id })
      : await query.returning({ id: jobs.id });
    if (!row) throw new Error('job insert returned nothing');
    return row.id;
  }

  /** Takes the next due job and leases it; SKIP LOCKED lets several instances share the queue. */
  async claim(now: Date, leaseMs: number): Promise<Job | undefined> {
    const result = (await this.db.execute(sql`
      update ${jobs} set locked_until = ${new Date(now.getTime() + leaseMs)}, attempts = attempts + 1
      where id = (
        select id from ${jobs}
        where status = 'pending' and run_at <= ${now} and (locked_until is null or locked_until < ${now})
        order by run_at, id
        limit 1
        for update skip locked
      )
      returning id, kind, payload, attempts, max_attempts`)) as unknown as {
      rows: { id: number; kind: string; payload: unknown; attempts: number; max_attempts: number }[];
    };
    const row = result.rows[0];
    if (!row) return undefined;
    return {
      id: Number(row.id),
      kind: row.kind,
      payload: row.payload,
      attempts: Number(row.attempts),
      maxAttempts: Number(row.max_attempts),
    };
  }

  async complete(id: number, now: Date): Promise<void> {
    await this.db
      .update(jobs)
      .set({ status: 'done', finishedAt: now, lockedUntil: null })
      .where(eq(jobs.id, id));
  }

  async retryLater(id: number, error: string, runAt: Date): Promise<void> {
    await this.db.update(jobs).set({ lastError: error, runAt, lockedUntil: null }).where(eq(jobs.id, id));
  }

  async fail(id: number, error: string, now: Date): Promise<void> {
    await this.db
      .update(jobs)
      .set({ status: 'failed', lastError: error, finishedAt: now, lockedUntil: null })
      .where(eq(jobs.id, id));
  }

  async cancel(dedupeKey: string): Promise<void> {
    await this.db
      .update(jobs)
      .set({ status: 'cancelled' })
      .where(and(eq(jobs.dedupeKey, dedupeKey), eq(jobs.status, 'pending')));
  }

  async pendingByKey(dedupeKey: string): Promise<JobSummary | undefined> {
    const [row] = await this.recent({ dedupeKey, statuses: ['pending'] }, 1);
    return row;
  }

  recent(
    filter: { dedupeKey?: string; statuses?: JobSummary['status'][] },
    limit: number,
  ): Promise<JobSummary[]> {
    const conditions = [];
    if (filter.dedupeKey) conditions.push(eq(jobs.dedupeKey, filter.dedupeKey));
    if (filter.statuses) conditions.push(inArray(jobs.status, filter.statuses));
    return this.db
      .select({
        id: jobs.id,
        kind: jobs.kind,
        status: jobs.status,
        runAt: jobs.runAt,
        attempts: jobs.attempts,
        lastError: jobs.lastError,
        dedupeKey: jobs.dedupeKey,
      })
      .from(jobs)
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(desc(jobs.id))
      .limit(limit);
  }
}
