// PGlite on its own thread (src/db/pglite-thread): what Drizzle and the app rely on from PGlite still holds
// across the thread boundary — results, transactions, errors, dumps — and a write that returned is on
// disk even if the process is killed the moment after; and one process at a time opens a folder.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PGlite, types } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../src/db/client.ts';
import { PGliteThread } from '../../src/db/pglite-thread/client.ts';
import { pgliteDumpPath, projectRoot } from '../helpers/template.ts';

const startParams = PGlite.defaultStartParams;

function openTemplate(): Promise<PGliteThread> {
  return PGliteThread.open({ loadDataDir: new Blob([readFileSync(pgliteDumpPath())]), startParams });
}

describe('PGlite on its own thread', () => {
  let db: PGliteThread;
  before(async () => {
    db = await openTemplate();
    await db.query('create table scratch (id int primary key, note text not null, at timestamptz)');
  });
  after(async () => {
    await db?.close();
  });

  it('answers in object and array rows, keeping as text only the types it is asked to', async () => {
    await db.query('insert into scratch values ($1, $2, $3)', [1, 'one', '2026-06-22T08:00:00Z']);
    const objects = await db.query<{ id: number; note: string; at: Date }>('select * from scratch');
    assert.deepEqual(
      objects.rows.map((r) => [r.id, r.note]),
      [[1, 'one']],
    );
    assert.ok(objects.rows[0]?.at instanceof Date, 'timestamps are parsed by default');
    const text = await db.query<unknown[]>('select id, at, $1::jsonb as doc from scratch', ['{"a":[1]}'], {
      rowMode: 'array',
      parsers: { [types.TIMESTAMPTZ]: (value: string) => value },
    });
    const [row] = text.rows;
    assert.equal(row?.[0], 1);
    assert.equal(typeof row?.[1], 'string', 'kept as the text PostgreSQL sent');
    assert.deepEqual(row?.[2], { a: [1] }, 'json is still parsed');
  });

  it('refuses a parser that would change values: it cannot run on the other thread', async () => {
    assert.throws(
      () => db.query('select 1', [], { parsers: { [types.INT4]: (value: string) => Number(value) * 2 } }),
      /only parsers that keep text/,
    );
  });

  it('commits a transaction that resolves and rolls back one that throws', async () => {
    await db.transaction(async (tx) => {
      await tx.query('insert into scratch (id, note) values (2, $1)', ['kept']);
    });
    await assert.rejects(
      db.transaction(async (tx) => {
        await tx.query('insert into scratch (id, note) values (3, $1)', ['dropped']);
        throw new Error('changed my mind');
      }),
      /changed my mind/,
    );
    const ids = await db.query<{ id: number }>('select id from scratch order by id');
    assert.deepEqual(
      ids.rows.map((r) => r.id),
      [1, 2],
    );
  });

  it('makes statements outside an open transaction wait until it ends', async () => {
    const seen: string[] = [];
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const transaction = db.transaction(async (tx) => {
      await tx.query("update scratch set note = 'inside' where id = 1");
      seen.push('updated');
      await held;
      seen.push('committing');
    });
    // Sent while the transaction is open: it must see the committed value, not an intermediate state.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const outside = db.query<{ note: string }>('select note from scratch where id = 1').then((r) => {
      seen.push(`read ${r.rows[0]?.note}`);
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(seen, ['updated'], 'the outside read waits');
    release();
    await Promise.all([transaction, outside]);
    assert.deepEqual(seen, ['updated', 'committing', 'read inside']);
  });

  it('passes database errors over with their code and detail, and goes on answering', async () => {
    const error = await db.query('insert into scratch (id, note) values (1, $1)', ['again']).then(
      () => assert.fail('a duplicate key was accepted'),
      (e: unknown) => e as Error & { code?: string; detail?: string; constraint?: string },
    );
    assert.equal(error.code, '23505');
    assert.equal(error.constraint, 'scratch_pkey');
    assert.match(error.detail ?? '', /Key \(id\)=\(1\) already exists/);
    assert.equal((await db.query('select count(*)::int as n from scratch')).rows.length, 1);
  });

  it('dumps the database, and a new thread opens the dump with the same rows', async () => {
    const dump = await db.dumpDataDir('gzip');
    const copy = await PGliteThread.open({ loadDataDir: dump, startParams });
    try {
      const rows = await copy.query<{ id: number }>('select id from scratch order by id');
      assert.deepEqual(
        rows.rows.map((r) => r.id),
        [1, 2],
      );
    } finally {
      await copy.close();
    }
  });

  it('once closed, refuses further statements with a clear error', async () => {
    const other = await openTemplate();
    await other.close();
    await assert.rejects(other.query('select 1'), /PGlite thread ended/);
  });
});

describe('PGlite on its own thread, killed', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-pglite-kill-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every write that returned before the process was killed', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(projectRoot, 'test/helpers/pglite-writer.ts'), dir],
      { cwd: projectRoot, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let written = 0;
    child.stdout.setEncoding('utf8');
    await new Promise<void>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`the writer ended early (${code})`)));
      child.stdout.on('data', (chunk: string) => {
        const counts = chunk.match(/\d+/g);
        written = Number(counts?.at(-1) ?? written);
        if (written >= 25) resolve();
      });
    });
    child.removeAllListeners('exit');
    child.kill('SIGKILL');
    await once(child, 'exit');
    const reopened = await PGliteThread.open({ dataDir: path.join(dir, 'pglite'), startParams });
    try {
      const stored = await reopened.query<{ n: number }>('select count(*)::int as n from writes');
      assert.ok(stored.rows[0] && stored.rows[0].n >= written, `${stored.rows[0]?.n} of ${written} kept`);
    } finally {
      await reopened.close();
    }
  });
});

describe('one process per PGlite folder', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-pglite-lock-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a second opening while the first is open, and opens again once it is closed', async () => {
    const first = await openDatabase({ dataDir: dir });
    try {
      await assert.rejects(openDatabase({ dataDir: dir }), /is in use by process \d+ \(this one\)/);
      const answer = (await first.db.execute(sql`select 1 as one`)) as unknown as { rows: unknown[] };
      assert.equal(answer.rows.length, 1, 'the first is unharmed');
    } finally {
      await first.close();
    }
    const again = await openDatabase({ dataDir: dir });
    await again.close();
  });

  it('refuses a folder another running process holds, and takes over the lock of one that has ended', async () => {
    const holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    const lockFile = path.join(dir, 'pglite.lock');
    writeFileSync(lockFile, String(holder.pid));
    try {
      await assert.rejects(openDatabase({ dataDir: dir }), new RegExp(`in use by process ${holder.pid}\\.`));
    } finally {
      holder.kill('SIGKILL');
      await once(holder, 'exit');
    }
    const database = await openDatabase({ dataDir: dir });
    assert.equal(readFileSync(lockFile, 'utf8'), String(process.pid));
    await database.close();
    assert.equal(existsSync(lockFile), false, 'released on close');
  });
});
