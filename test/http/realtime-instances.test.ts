import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import {
  databaseWithEditor,
  type Instance,
  Newsroom,
  startInstance,
  stopInstance,
} from '../helpers/instances.ts';
import { adminDatabaseUrl } from '../helpers/template.ts';
import { SseClient } from './realtime-sse-client.ts';

/**
 * Two real processes (`scripts/start.sh`, as `npm start` runs them) on one PostgreSQL database: what is published
 * through one reaches readers connected to the other, through LISTEN/NOTIFY, and survives the listening
 * connection dropping.
 */

describe('two instances on one PostgreSQL database', { timeout: 180_000 }, () => {
  const database = `broadsheet_rt2_${process.pid}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'broadsheet-rt2-'));
  const admin = new pg.Client({ connectionString: adminDatabaseUrl });
  let a: Instance | undefined;
  let b: Instance | undefined;
  const clients: SseClient[] = [];
  const email = `editor.rt2.${process.pid}@example.org`;
  let articleUrl = '';

  before(async () => {
    await admin.connect();
    articleUrl = (await databaseWithEditor(admin, database, dataDir, { email, name: 'Two Instance Editor' }))
      .url;
    const [first, second] = await Promise.allSettled([
      startInstance(database, dataDir),
      startInstance(database, dataDir),
    ]);
    // Whatever started is stopped in after(), even when the other did not start.
    a = first.status === 'fulfilled' ? first.value : undefined;
    b = second.status === 'fulfilled' ? second.value : undefined;
    for (const result of [first, second]) if (result.status === 'rejected') throw result.reason;
  });

  after(async () => {
    for (const client of clients) client.close();
    await Promise.all([stopInstance(a), stopInstance(b)]);
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a banner set through instance A reaches a reader connected to instance B, and B renders it', async () => {
    if (!a || !b) throw new Error('instances not started');
    const onB = await SseClient.open(`${b.base}/live/events?topics=site`);
    clients.push(onB);
    assert.equal(onB.status, 200);
    const newsroom = new Newsroom(a.base);
    await newsroom.signIn(email);

    const set = await newsroom.api('PUT', '/admin/api/breaking', {
      text: 'Ferry service suspended',
      link: articleUrl,
    });
    assert.equal(set.status, 200, JSON.stringify(set.json));
    const banner = set.json.banner as { id: number };
    const pushed = await onB.waitFor((m) => m.type === 'banner');
    assert.deepEqual(pushed.data, {
      banner: { id: banner.id, text: 'Ferry service suspended', href: articleUrl, expiresAt: null },
    });
    // B's own memory took the change from the bus: its pages render the banner with no query of their own.
    const page = await (await fetch(`${b.base}/latest`)).text();
    assert.match(page, /data-banner="\d+"[\s\S]*?Ferry service suspended/);

    const cleared = await newsroom.api('DELETE', '/admin/api/breaking');
    assert.deepEqual(cleared.json, { cleared: true });
    await onB.waitFor((m) => m.type === 'banner' && (m.data as { banner: unknown }).banner === null);
    const section = articleUrl.split('/')[1];
    const after = await (await fetch(`${b.base}/${section}`)).text();
    assert.doesNotMatch(after, /data-banner=/, 'B no longer renders the banner');
  });

  it('an event published while the listening connections were down still reaches B (catch-up on reconnect)', async () => {
    if (!a || !b) throw new Error('instances not started');
    const onB = await SseClient.open(`${b.base}/live/events?topics=site`);
    clients.push(onB);
    const newsroom = new Newsroom(a.base);
    await newsroom.signIn(email);
    // Cut every LISTEN connection on this database (both instances'): announcements now go nowhere.
    const killed = await admin.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
       where datname = $1 and pid <> pg_backend_pid() and query ilike 'listen%'`,
      [database],
    );
    assert.ok((killed.rowCount ?? 0) >= 2, 'both instances were listening');
    const set = await newsroom.api('PUT', '/admin/api/breaking', {
      text: 'Power restored to the city',
      link: articleUrl,
    });
    assert.equal(set.status, 200);
    const pushed = await onB.waitFor(
      (m) =>
        m.type === 'banner' &&
        (m.data as { banner: { text?: string } | null }).banner?.text === 'Power restored to the city',
      15_000,
    );
    assert.ok(pushed.id > 0);
  });
});
