import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Logger } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.ts';
import { PGliteThread } from './pglite-thread/client.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** The one database type the repositories see, whichever driver is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

/**
 * Counts the statements sent through Drizzle (every repository query, raw SQL included), so tests and
 * the bench can see how many queries a page costs and catch N+1 patterns. Counting is one increment per
 * statement; statement texts are kept only while `record` runs.
 */
export class QueryCounter implements Logger {
  /** Statements sent since the database was opened. */
  total = 0;
  private readonly recorders = new Set<string[]>();

  logQuery(query: string): void {
    this.total++;
    for (const statements of this.recorders) statements.push(query);
  }

  /** Runs `work` and returns the statements sent meanwhile (by anything, so run it alone). */
  async record<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
    const statements: string[] = [];
    this.recorders.add(statements);
    try {
      return { result: await work(), statements };
    } finally {
      this.recorders.delete(statements);
    }
  }
}

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** Statements sent through `db`, for query-count tests and the bench. */
  queries: QueryCounter;
  /** The embedded database's thread, for dumps and clones (absent on PostgreSQL). */
  pglite?: PGliteThread;
  /** The server connection pool (absent on PGlite), for LISTEN/NOTIFY. */
  pool?: pg.Pool;
  /** The server's URL (absent on PGlite), for the dedicated LISTEN connection. */
  url?: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL server URL; when absent the embedded PGlite database is used. */
  url?: string | undefined;
  /** Folder for PGlite's files; absent means in memory (tests). */
  dataDir?: string | undefined;
  /** A PGlite data dump to start from (tests clone one migrated template). */
  loadDataDir?: Blob | File | undefined;
}

/**
 * PostgreSQL settings for the embedded database, added to PGlite's own start-up parameters (file-backed
 * and in-memory alike). PostgreSQL's defaults suit a server of its own; PGlite runs it inside this
 * process, in one WebAssembly memory that never shrinks, where every page once touched stays resident.
 * Measured on a 100,000-article archive (bench/scale.ts):
 * - shared_buffers: the default 128 MB is all touched at start-up; 16 MB saves about 120 MB. Pages it
 *   does not hold come from the operating system's file cache: page renders are as fast, and ranking an
 *   archive story's related stories for the first time (the one query that reads thousands of pages)
 *   takes about 0.1 s at the median.
 * - maintenance_work_mem: building a GIN index on that archive (a migration runs in the serving process)
 *   touched 105 MB with the default 64 MB, 28 MB with 16 MB, and took 10% longer.
 * work_mem (4 MB) stays: no page's queries grew the memory with it.
 */
const pgliteSettings: Readonly<Record<string, string>> = {
  shared_buffers: '16MB',
  maintenance_work_mem: '16MB',
};

function pgliteStartParams(): string[] {
  const settings = Object.entries(pgliteSettings).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
  return [...PGlite.defaultStartParams, ...settings];
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.url) {
    const queries = new QueryCounter();
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    const db = drizzlePg(pool, { schema, logger: queries }) as unknown as Database;
    return { db, kind: 'postgres', queries, pool, url: options.url, close: () => pool.end() };
  }
  let dataDir: string | undefined;
  let unlock = () => {};
  if (options.dataDir) {
    dataDir = path.join(options.dataDir, 'pglite');
    mkdirSync(dataDir, { recursive: true });
    unlock = lockDataDir(dataDir);
  }
  const client = await PGliteThread.open({
    dataDir,
    loadDataDir: options.loadDataDir,
    startParams: pgliteStartParams(),
  }).catch((error: unknown) => {
    unlock();
    throw error;
  });
  const queries = new QueryCounter();
  // Drizzle's PGlite driver calls only `query` and `transaction`, which the thread's client provides.
  const pgliteClient = client as unknown as PGlite;
  const db = drizzlePglite({ client: pgliteClient, schema, logger: queries }) as unknown as Database;
  const close = async () => {
    await client.close();
    unlock();
  };
  return { db, kind: 'pglite', queries, pglite: client, close };
}

export { schema };
