import type { EnqueueOptions, JobHandler, JobQueue, JobSummary } from './job.ts';
import { retryDelayMs } from './job.ts';
import type { JobsRepository } from './jobs.repository.ts';

export interface JobLogger {
  error(details: object, message: string): void;
}

/**
 * The durable queue and its worker. Handlers are registered by kind (in app/wire.ts); every handler must
 * be idempotent, because a job whose worker died is run again when its lease runs out.
 */
export class JobsService implements JobQueue {
  private readonly handlers = new Map<string, JobHandler>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;

  constructor(
    private readonly repo: JobsRepository,
    private readonly clock: () => Date = () => new Date(),
    private readonly log: JobLogger = { error: (d, m) => console.error(m, d) },
    private readonly leaseMs = 5 * 60_000,
  ) {}

  register(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  enqueue(kind: string, payload: unknown, options: EnqueueOptions = {}): Promise<number> {
    const id = this.repo.enqueue(kind, payload, options, this.clock());
    // Work due now starts soon, without waiting for the next poll.
    if (!this.stopped && (!options.runAt || options.runAt <= this.clock())) setImmediate(() => this.kick());
    return id;
  }

  cancel(dedupeKey: string): Promise<void> {
    return this.repo.cancel(dedupeKey);
  }

  pending(dedupeKey: string): Promise<JobSummary | undefined> {
    return this.repo.pendingByKey(dedupeKey);
  }

  recent(filter: { dedupeKey?: string; statuses?: JobSummary['status'][] } = {}, limit = 50) {
    return this.repo.recent(filter, limit);
  }

  /** Runs every job that is due, one at a time, until none is left. Returns how many ran. */
  async runDue(): Promise<number> {
    let count = 0;
    for (;;) {
      const job = await this.repo.claim(this.clock(), this.leaseMs);
      if (!job) return count;
      count++;
      const handler = this.handlers.get(job.kind);
      try {
        if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
        await handler(job.payload, job);
        await this.repo.complete(job.id, this.clock());
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.log.error({ jobId: job.id, kind: job.kind, attempts: job.attempts, err: message }, 'job failed');
        if (job.attempts >= job.maxAttempts) await this.repo.fail(job.id, message, this.clock());
        else
          await this.repo.retryLater(
            job.id,
            message,
            new Date(this.clock().getTime() + retryDelayMs(job.attempts)),
          );
      }
    }
  }

  /** Polls for due jobs every `intervalMs` until stopped. */
  start(intervalMs = 1000): void {
    this.stopped = false;
    const tick = () => {
      if (this.stopped) return;
      this.kick();
      this.timer = setTimeout(tick, intervalMs);
      this.timer.unref();
    };
    tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  private kick(): void {
    if (this.running) return;
    this.running = this.runDue()
      .then(() => undefined)
      .catch((error: unknown) => this.log.error({ err: String(error) }, 'job worker failed'))
      .finally(() => {
        this.running = undefined;
      });
  }
}
