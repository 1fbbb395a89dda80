import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildServer } from '../../src/app/build-server.ts';
import { type App, wire } from '../../src/app/wire.ts';
import { openDatabase } from '../../src/db/client.ts';
import { adminDatabaseUrl, databaseUrl, pgliteDumpPath, pgTemplateName, testConfig } from './template.ts';

export type DatabaseKind = 'pglite' | 'postgres';
export const databaseKinds: DatabaseKind[] = ['pglite', 'postgres'];

export interface TestApp {
  app: App;
  server: FastifyInstance;
  /** The PostgreSQL database behind the app, if any. */
  databaseName?: string;
  /** `keep` leaves a PostgreSQL database in place, to start a second app on it (restart tests). */
  close(keep?: boolean): Promise<void>;
}

let counter = 0;

export interface TestAppOptions {
  clock?: () => Date;
  /** Environment overrides, e.g. MAX_UPLOAD_MB. */
  env?: Record<string, string>;
  /** Receives one-time links that would be mailed. */
  logLink?: (message: string) => void;
  /** A PGlite folder on disk (to test restarts); in memory otherwise. */
  pgliteDir?: string;
  /** Reuse this PostgreSQL database instead of copying the template (to test restarts). */
  postgresDatabase?: string;
}

/** A seeded app on a private copy of the template database: tests may write without disturbing others. */
export async function startTestApp(kind: DatabaseKind, options: TestAppOptions = {}): Promise<TestApp> {
  const wireOptions = { clock: options.clock, logLink: options.logLink ?? (() => {}) };
  const config = testConfig(options.env);
  if (kind === 'pglite') {
    const fresh = !options.pgliteDir || !existsSync(path.join(options.pgliteDir, 'pglite', 'PG_VERSION'));
    const dump = fresh ? new Blob([readFileSync(pgliteDumpPath())]) : undefined;
    const database = await openDatabase({ loadDataDir: dump, dataDir: options.pgliteDir });
    const app = await wire(config, { database, ...wireOptions }).catch(async (error: unknown) => {
      // An open database keeps the test process alive: close it when wiring fails.
      await database.close();
      throw error;
    });
    const server = await buildServer(app, { logLevel: 'silent' });
    return {
      app,
      server,
      close: async () => {
        await server.close();
        await app.close();
      },
    };
  }
  const name = options.postgresDatabase ?? `broadsheet_t_${process.pid}_${++counter}`;
  const admin = new pg.Client({ connectionString: adminDatabaseUrl });
  await admin.connect();
  try {
    if (!options.postgresDatabase) {
      await admin.query(`drop database if exists ${name}`);
      await admin.query(`create database ${name} template ${pgTemplateName()}`);
    }
  } catch (error) {
    // A failed set-up must not leave a connection open, or the test process never exits.
    await admin.end();
    throw error;
  }
  const database = await openDatabase({ url: databaseUrl(name) });
  const app = await wire(config, { database, ...wireOptions }).catch(async (error: unknown) => {
    await database.close();
    await admin.end();
    throw error;
  });
  const server = await buildServer(app, { logLevel: 'silent' });
  return {
    app,
    server,
    databaseName: name,
    close: async (keep = false) => {
      await server.close();
      await app.close();
      if (!keep) await admin.query(`drop database if exists ${name}`);
      await admin.end();
    },
  };
}
