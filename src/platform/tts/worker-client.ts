import type { Worker } from 'node:worker_threads';
import { startWorker } from '../../shared/worker-thread.ts';
import type { WorkerJob, WorkerReply } from './worker-protocol.ts';

interface Pending {
  resolve(reply: Extract<WorkerReply, { ok: true }>): void;
  reject(error: Error): void;
}

/**
 * One worker thread for speech and encoding, started on first use and stopped after five idle minutes (it
 * holds the compiled engine, tens of MB). A worker that dies fails the requests it had; the next request
 * starts a new one, and the job queue retries the failed work.
 */
export class TtsWorker {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(private readonly idleMs = 5 * 60_000) {}

  request(job: WorkerJob, transfer: ArrayBuffer[] = []): Promise<Extract<WorkerReply, { ok: true }>> {
    const worker = this.ensure();
    const id = this.nextId++;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    // Referenced while it has work, so a caller awaiting it keeps the process alive.
    worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ ...job, id }, transfer);
    });
  }

  async close(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker(import.meta.url, 'tts-worker');
    worker.unref();
    worker.on('message', (reply: WorkerReply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply);
      else waiting.reject(new Error(reply.message));
      if (this.pending.size === 0) {
        worker.unref();
        this.scheduleIdle();
      }
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const [id, waiting] of this.pending) {
        this.pending.delete(id);
        waiting.reject(error);
      }
    };
    worker.on('error', (error) => fail(error));
    worker.on('exit', (code) => fail(new Error(`speech worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private scheduleIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.pending.size === 0) void this.close();
    }, this.idleMs);
    this.idleTimer.unref();
  }
}
