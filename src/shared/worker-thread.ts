import v8 from 'node:v8';
import { Worker, workerData } from 'node:worker_threads';

export interface StartWorkerOptions {
  /** What the worker reads with `workerInput()` (copied, or moved where `transferList` says). */
  data?: unknown;
  transferList?: ArrayBuffer[];
  /** A smaller young generation than the process's (see `withSemiSpace`), in MB per semi-space. */
  semiSpaceMb?: number;
}

/**
 * Starts the worker module `name` that sits beside the module at `base` (its `import.meta.url`). Compiled
 * (`npm start` runs dist/) that is plain JavaScript; run from the sources (tests, tsx), worker threads do
 * not inherit tsx's loader on Node 20, so a boot file registers it first.
 */
export function startWorker(base: string, name: string, options: StartWorkerOptions = {}): Worker {
  const compiled = base.endsWith('.js');
  const entry = new URL(`./${name}${compiled ? '.js' : '.ts'}`, base);
  const file = compiled ? entry : new URL('./worker-boot.mjs', import.meta.url);
  const start = () =>
    new Worker(file, {
      workerData: { entry: entry.href, data: options.data },
      transferList: options.transferList ?? [],
    });
  return options.semiSpaceMb === undefined ? start() : withSemiSpace(options.semiSpaceMb, start);
}

/** Inside a worker started by `startWorker`: the data it was given. */
export function workerInput<T>(): T {
  return (workerData as { data: T }).data;
}

/**
 * V8 sizes every new isolate's young generation from the process's `--max-semi-space-size` (set by
 * scripts/start.sh for the serving thread), over a worker's own `resourceLimits`. So the flag is changed
 * until the worker's isolate exists (it is made on the new thread, by the time the worker is 'online')
 * and then put back: the serving thread's heap was sized when the process started and does not read it
 * again.
 */
function withSemiSpace(mb: number, start: () => Worker): Worker {
  v8.setFlagsFromString(`--max-semi-space-size=${mb}`);
  // 0 is V8's own default: sized from the heap limit.
  const restore = () => v8.setFlagsFromString(`--max-semi-space-size=${configuredSemiSpaceMb() ?? 0}`);
  try {
    const worker = start();
    worker.once('online', restore);
    worker.once('exit', restore);
    return worker;
  } catch (error) {
    restore();
    throw error;
  }
}

function configuredSemiSpaceMb(): number | undefined {
  const options = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].join(' ');
  const match = /--max[-_]semi[-_]space[-_]size[= ](\d+)/.exec(options);
  return match ? Number(match[1]) : undefined;
}
