import { readFileSync } from 'node:fs';
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
  close(): Promise<void>;
}

let counter = 0;

/** A seeded app on a private copy of the template database: tests may write without disturbing others. */
export async function startTestApp(kind: DatabaseKind): Promise<TestApp> {
  if (kind === 'pglite') {
    const dump = new Blob([readFileSync(pgliteDumpPath())]);
    const database = await openDatabase({ loadDataDir: dump });
    const app = await wire(testConfig(), { database });
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
  const name = `broadsheet_t_${process.pid}_${++counter}`;
  const admin = new pg.Client({ connectionString: adminDatabaseUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name} template ${pgTemplateName()}`);
  const database = await openDatabase({ url: databaseUrl(name) });
  const app = await wire(testConfig(), { database });
  const server = await buildServer(app, { logLevel: 'silent' });
  return {
    app,
    server,
    close: async () => {
      await server.close();
      await app.close();
      await admin.query(`drop database if exists ${name}`);
      await admin.end();
    },
  };
}
