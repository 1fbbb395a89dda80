// Builds the seeded test templates once per change of migrations or demo content:
// a PGlite dump and a PostgreSQL template database, both holding the demo newsroom.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { wire } from '../../src/app/wire.ts';
import { openDatabase } from '../../src/db/client.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import {
  adminDatabaseUrl,
  cacheDir,
  databaseUrl,
  pgliteDumpPath,
  pgTemplateName,
  seededAt,
  testConfig,
} from './template.ts';

async function preparePglite(): Promise<void> {
  if (existsSync(pgliteDumpPath())) return;
  const started = Date.now();
  mkdirSync(cacheDir(), { recursive: true });
  const handle = await openDatabase({});
  const app = await wire(testConfig(), { database: handle });
  await seedDemo(app, seededAt);
  if (!handle.pglite) throw new Error('expected a PGlite database');
  const dump = await handle.pglite.dumpDataDir('gzip');
  writeFileSync(pgliteDumpPath(), Buffer.from(await dump.arrayBuffer()));
  await app.close();
  console.log(`test template (PGlite) built in ${Date.now() - started} ms`);
}

async function preparePostgres(): Promise<void> {
  const admin = new pg.Client({ connectionString: adminDatabaseUrl });
  await admin.connect();
  try {
    const name = pgTemplateName();
    // Templates of older migrations or demo content are never used again.
    const stale = await admin.query(
      "select datname from pg_database where datname like 'broadsheet\\_tpl\\_%' and datname <> $1",
      [name],
    );
    for (const row of stale.rows as { datname: string }[]) {
      await admin.query(`drop database if exists "${row.datname}"`);
    }
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount) return;
    const started = Date.now();
    const building = `${name}_building`;
    await admin.query(`drop database if exists ${building}`);
    await admin.query(`create database ${building}`);
    const handle = await openDatabase({ url: databaseUrl(building) });
    const app = await wire(testConfig(), { database: handle });
    await seedDemo(app, seededAt);
    await app.close();
    // Renamed only when complete, so an interrupted build is never used as a template.
    await admin.query(`alter database ${building} rename to ${name}`);
    console.log(`test template (PostgreSQL) built in ${Date.now() - started} ms`);
  } finally {
    await admin.end();
  }
}

await preparePglite();
await preparePostgres();
