import type { Worker } from 'node:worker_threads';
import { type QueryOptions, type Results, types } from '@electric-sql/pglite';
import { startWorker } from '../../shared/worker-thread.ts';
import {
  fromWireError,
  type OpenOptions,
  type Reply,
  type Request,
  type WireQueryOptions,
} from './protocol.ts';

/** What a transaction callback is given: the queries Drizzle sends inside a transaction. */
export interface ThreadTransaction {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
}

export interface ThreadOptions {
  dataDir?: string | undefined;
  loadDataDir?: Blob | undefined;
  startParams: string[];
}

/**
 * The thread's young generation, per semi-space. What it allocates (query results on their way to the
 * serving thread) dies at once; the process's 8 MB semi-spaces held 16 MB here for nothing.
 */
const threadSemiSpaceMb = 1;

/**
 * The types Drizzle's PGlite driver keeps as the text PostgreSQL sent (timestamp, timestamptz, interval,
 * date, and the arrays of numeric, timestamp, timestamptz, interval and date): the thread keeps them so
 * without being told each time. Were Drizzle to change its list, queries would still be right, only
 * slower (see parsers.ts).
 */
const drizzleTextTypes = [
  types.TIMESTAMP,
  types.TIMESTAMPTZ,
  types.INTERVAL,
  types.DATE,
  1231,
  1115,
  1185,
  1187,
  1182,
];

/** A sample of what PostgreSQL sends as text for the types Drizzle asks to keep as text (dates, times). */
const textProbe = '2026-01-02 03:04:05.678+00';

/**
 * PGlite on a thread of its own. PGlite runs PostgreSQL compiled to WebAssembly inside the process, and
 * on the serving thread every query stopped rendering, compression and network work for as long as it
 * ran: about half of an uncached article page's time on the serving thread was PostgreSQL's. On its own
 * thread the database works on one core while the server renders on the other, as with a PostgreSQL
 * server. PGlite keeps its own rules: one statement at a time, in the order they reach the thread,
 * except that while a transaction is open, statements outside it wait for it to end.
 *
 * Implements the part of PGlite's interface Drizzle uses (`query`, `transaction`), plus
 * `dumpDataDir` and `close`.
 */
export class PGliteThread {
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private nextId = 0;
  private stopped: Error | null = null;
  private closing = false;

  private constructor(private readonly worker: Worker) {
    // As when PGlite ran on the serving thread, an idle database keeps no process alive; a query under way does.
    worker.unref();
    worker.on('message', (reply: Reply) => this.settle(reply));
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => this.fail(new Error(`the PGlite thread ended (exit code ${code})`)));
  }

  /** Starts the thread and opens the database in it; resolves once PGlite is ready. */
  static async open(options: ThreadOptions): Promise<PGliteThread> {
    const loadDataDir = options.loadDataDir ? await options.loadDataDir.arrayBuffer() : undefined;
    const open: OpenOptions = {
      dataDir: options.dataDir,
      loadDataDir,
      startParams: options.startParams,
      textTypes: drizzleTextTypes,
    };
    const worker = startWorker(import.meta.url, 'worker', {
      data: open,
      transferList: loadDataDir ? [loadDataDir] : [],
      semiSpaceMb: threadSemiSpaceMb,
    });
    await new Promise<void>((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      worker.once('error', onError);
      worker.once('exit', (code) => reject(new Error(`the PGlite thread ended (exit code ${code})`)));
      worker.once('message', () => {
        worker.off('error', onError);
        worker.removeAllListeners('exit');
        resolve();
      });
    });
    return new PGliteThread(worker);
  }

  query<T>(sql: string, params: unknown[] = [], options?: QueryOptions, tx?: number): Promise<Results<T>> {
    return this.call({ op: 'query', sql, params, options: wireOptions(options), tx }) as Promise<Results<T>>;
  }

  /** Runs `callback` in one transaction: committed when it resolves, rolled back when it throws. */
  async transaction<T>(callback: (tx: ThreadTransaction) => Promise<T>): Promise<T> {
    const id = (await this.call({ op: 'begin' })) as number;
    const tx: ThreadTransaction = {
      query: (sql, params, options) => this.query(sql, params, options, id),
    };
    let result: T;
    try {
      result = await callback(tx);
    } catch (error) {
      await this.call({ op: 'rollback', tx: id });
      throw error;
    }
    await this.call({ op: 'commit', tx: id });
    return result;
  }

  async dumpDataDir(compression: 'gzip' | 'none' = 'gzip'): Promise<File> {
    const bytes = (await this.call({ op: 'dump', compression })) as ArrayBuffer;
    return new File([bytes], compression === 'gzip' ? 'pgdata.tar.gz' : 'pgdata.tar');
  }

  /** Closes the database (PGlite writes what it holds) and ends the thread. */
  async close(): Promise<void> {
    if (this.stopped) return;
    this.closing = true;
    const exited = new Promise((resolve) => this.worker.once('exit', resolve));
    await this.call({ op: 'close' });
    this.worker.ref();
    await exited;
  }

  private call(request: Request): Promise<unknown> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = ++this.nextId;
    if (this.pending.size === 0) this.worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, request });
    });
  }

  private settle(reply: Reply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker.unref();
    if (reply.ok) waiting.resolve(reply.value);
    else waiting.reject(fromWireError(reply.error));
  }

  /** The thread is gone: every waiting query fails, and so does every later one. */
  private fail(error: Error): void {
    if (!this.stopped && !this.closing) console.error('the PGlite thread stopped', error);
    this.stopped ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}

/**
 * Query options as plain data. Drizzle passes parsers only to keep some types (timestamps, intervals,
 * dates and their arrays) as the text PostgreSQL sent; any other parser cannot cross to the thread.
 */
function wireOptions(options: QueryOptions | undefined): WireQueryOptions {
  const textTypes = Object.entries(options?.parsers ?? {}).map(([type, parse]) => {
    if (parse(textProbe, Number(type)) !== textProbe) {
      throw new Error(`only parsers that keep text can be used with the PGlite thread (type ${type})`);
    }
    return Number(type);
  });
  if (options?.serializers || options?.blob || options?.onNotice || options?.paramTypes) {
    throw new Error('the PGlite thread takes only rowMode and text-keeping parsers as query options');
  }
  return { rowMode: options?.rowMode, textTypes };
}
