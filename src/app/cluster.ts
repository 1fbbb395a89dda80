import cluster, { type Worker } from 'node:cluster';

/**
 * Several worker processes on one PostgreSQL server (WORKERS=N): each is a whole Broadsheet instance with
 * its own page cache, kept in step with the others through the database bus exactly as separate machines
 * are. One Node process is bound to one core; this is how a single machine uses all of its cores.
 * The primary holds no app of its own (it stays small): the first worker prepares the database (migrations,
 * demo content) and starts serving, then the others start. The primary restarts workers that die and
 * passes shutdown signals on.
 */

const readyType = 'broadsheet:ready';
const firstWorkerEnv = 'BROADSHEET_FIRST_WORKER';

/** What a worker tells the primary once it is listening. */
interface ReadyMessage {
  type: typeof readyType;
  /** From the first worker: what to print about the newsroom (its address or the first-run link). */
  newsroom?: string;
}

function isReadyMessage(message: unknown): message is ReadyMessage {
  return typeof message === 'object' && message !== null && (message as ReadyMessage).type === readyType;
}

/** More deaths than this within the window means something is wrong with every worker: stop, do not spin. */
const crashLimit = 5;
const crashWindowMs = 30_000;
const stopGraceMs = 10_000;

export function isClusterWorker(): boolean {
  return cluster.isWorker;
}

/** The first worker migrates and seeds before serving; the others (and replacements) only serve. */
export function isFirstWorker(): boolean {
  return cluster.isWorker && process.env[firstWorkerEnv] === '1';
}

/** Called by a worker when it is listening. */
export function announceWorkerReady(newsroom?: string): void {
  const message: ReadyMessage = { type: readyType, newsroom };
  process.send?.(message);
}

export interface PrimaryOptions {
  workers: number;
  /** Called once every worker is listening, with the first worker's newsroom line. */
  onReady(newsroom: string): void;
}

/** Forks the workers and keeps them running until SIGTERM or SIGINT; resolves when all have exited. */
export function runPrimary(options: PrimaryOptions): Promise<number> {
  const live = new Set<Worker>();
  const crashes: number[] = [];
  let waiting = options.workers;
  let newsroom = '';
  let stopping = false;

  return new Promise((resolve) => {
    const fork = (first = false) => {
      const worker = cluster.fork(first ? { [firstWorkerEnv]: '1' } : {});
      live.add(worker);
      worker.on('message', (message: unknown) => {
        if (!isReadyMessage(message)) return;
        if (first) {
          newsroom = message.newsroom ?? '';
          for (let i = 1; i < options.workers; i++) fork();
        }
        if (--waiting === 0) options.onReady(newsroom);
      });
    };

    const stop = (code: number) => {
      if (stopping) return;
      stopping = true;
      if (live.size === 0) resolve(code);
      for (const worker of live) worker.process.kill('SIGTERM');
      const timer = setTimeout(() => {
        for (const worker of live) worker.process.kill('SIGKILL');
      }, stopGraceMs);
      timer.unref();
      cluster.on('exit', () => {
        if (live.size === 0) resolve(code);
      });
    };

    cluster.on('exit', (worker, code, signal) => {
      live.delete(worker);
      if (stopping) return;
      const now = Date.now();
      crashes.push(now);
      while (crashes.length && (crashes[0] ?? now) < now - crashWindowMs) crashes.shift();
      console.error(`worker ${worker.process.pid} exited (${signal ?? `code ${code}`})`);
      if (crashes.length > crashLimit) {
        console.error(`${crashes.length} workers died within ${crashWindowMs / 1000} s: stopping.`);
        stop(1);
        return;
      }
      // A first worker that died before it was ready is replaced by another first worker.
      fork(waiting === options.workers);
    });
    process.on('SIGTERM', () => stop(0));
    process.on('SIGINT', () => stop(0));
    fork(true);
  });
}
