// Run by test/http/pglite-thread.test.ts, which kills it: opens a file-backed PGlite (on its thread, as the
// app does) in the folder given, and inserts rows one by one, printing how many have returned so far.
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../src/db/client.ts';

const dir = process.argv[2];
if (!dir) throw new Error('usage: pglite-writer.ts DIR');
const { db } = await openDatabase({ dataDir: dir });
await db.execute(sql`create table writes (n int primary key, at timestamptz not null default now())`);
for (let n = 1; ; n++) {
  await db.execute(sql`insert into writes (n) values (${n})`);
  process.stdout.write(`${n}\n`);
}
