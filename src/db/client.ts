import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Logger } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
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
  /** The embedded database itself, for dumps and clones (absent on PostgreSQL). */
  pglite?: PGlite;
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

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.url) {
    const queries = new QueryCounter();
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    const db = drizzlePg(pool, { schema, logger: queries }) as unknown as Database;
    return { db, kind: 'postgres', queries, pool, url: options.url, close: () => pool.end() };
  }
  let dataDir: string | undefined;
  if (options.dataDir) {
    dataDir = path.join(options.dataDir, 'pglite');
    mkdirSync(dataDir, { recursive: true });
  }
  const client = await PGlite.create({ dataDir, loadDataDir: options.loadDataDir });
  const queries = new QueryCounter();
  const db = drizzlePglite(client, { schema, logger: queries }) as unknown as Database;
  return { db, kind: 'pglite', queries, pglite: client, close: () => client.close() };
}

export { schema };
