export interface EnqueueOptions {
  /** When to run; now by default. */
  runAt?: Date;
  /** At most one pending job per key: enqueueing again moves it rather than adding a second. */
  dedupeKey?: string;
  maxAttempts?: number;
}

export interface Job {
  id: number;
  kind: string;
  payload: unknown;
  /** Including the current one. */
  attempts: number;
  maxAttempts: number;
}

export interface JobSummary {
  id: number;
  kind: string;
  status: 'pending' | 'done' | 'failed' | 'cancelled';
  runAt: Date;
  attempts: number;
  lastError: string | null;
  dedupeKey: string | null;
}

export type JobHandler = (payload: unknown, job: Job) => Promise<void>;

/** What other modules use to schedule work. */
export interface JobQueue {
  enqueue(kind: string, payload: unknown, options?: EnqueueOptions): Promise<number>;
  cancel(dedupeKey: string): Promise<void>;
}

/** Exponential backoff: 10 s, 20 s, 40 s … capped at an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(3_600_000, 10_000 * 2 ** Math.max(0, attempts - 1));
}
