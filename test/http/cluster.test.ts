import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { loadConfig } from '../../src/config/config.ts';
import {
  databaseWithEditor,
  type Instance,
  Newsroom,
  startInstance,
  stopInstance,
} from '../helpers/instances.ts';
import { adminDatabaseUrl } from '../helpers/template.ts';

/**
 * WORKERS=2 on PostgreSQL: one primary process and two serving workers on one port. Each worker keeps its
 * own page cache; a change made through one is seen through every connection at once, a killed worker is
 * replaced, and SIGTERM stops them all.
 */

/** The primary's worker processes (only they run dist/main.js among its children). */
function workerPids(primary: number): number[] {
  const out = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(primary)], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((line) => line.includes('dist/main.js'))
    .map((line) => Number.parseInt(line.trim(), 10))
    .filter((pid) => pid > 0);
}

/** A request on its own connection, so that successive requests reach different workers. */
async function fetchAlone(url: string): Promise<Response> {
  return fetch(url, {
    headers: { connection: 'close', 'accept-encoding': 'identity' },
    redirect: 'manual',
    signal: AbortSignal.timeout(5000),
  });
}

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

describe('several worker processes on one PostgreSQL database', { timeout: 240_000 }, () => {
  const database = `broadsheet_cluster_${process.pid}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'broadsheet-cluster-'));
  const admin = new pg.Client({ connectionString: adminDatabaseUrl });
  const email = `editor.cluster.${process.pid}@example.org`;
  let site: Instance | undefined;
  let article = { id: 0, url: '' };

  before(async () => {
    await admin.connect();
    article = await databaseWithEditor(admin, database, dataDir, { email, name: 'Cluster Editor' });
    site = await startInstance(database, dataDir, { WORKERS: '2' });
  });

  after(async () => {
    await stopInstance(site);
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves through two workers, and a change made through one is seen on every connection at once', async () => {
    if (!site?.process.pid) throw new Error('not started');
    assert.equal(workerPids(site.process.pid).length, 2, 'the primary runs two workers');
    assert.match(site.output.join(''), /2 worker processes/);
    // Warm both workers' page caches: every connection after the first two is answered from memory.
    const states: string[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await fetchAlone(`${site.base}${article.url}`);
      assert.equal(res.status, 200);
      states.push(res.headers.get('x-page-cache') ?? '');
      await res.arrayBuffer();
    }
    assert.ok(states.filter((s) => s === 'hit').length >= 4, `cached pages served: ${states.join(' ')}`);

    const newsroom = new Newsroom(site.base);
    await newsroom.signIn(email);
    const current = await newsroom.api('GET', `/admin/api/articles/${article.id}`);
    const gone = await newsroom.api('POST', `/admin/api/articles/${article.id}/unpublish`, {
      version: current.json.version,
    });
    assert.equal(gone.status, 200, JSON.stringify(gone.json));
    // The other worker hears of it over LISTEN/NOTIFY within a second.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    for (let i = 0; i < 6; i++) {
      const res = await fetchAlone(`${site.base}${article.url}`);
      assert.equal(res.status, 404, `request ${i + 1} after unpublishing`);
      await res.arrayBuffer();
    }
  });

  it('replaces a worker that dies, and the site keeps answering meanwhile', async () => {
    if (!site?.process.pid) throw new Error('not started');
    const primary = site.process.pid;
    const [victim] = workerPids(primary);
    if (!victim) throw new Error('no worker');
    process.kill(victim, 'SIGKILL');
    // A connection handed to the worker in the instant it died is lost; the next ones go to the survivor.
    let answered = 0;
    for (let i = 0; i < 5; i++) {
      const home = await fetchAlone(`${site.base}/`).catch(() => undefined);
      if (home?.status === 200) answered++;
      await home?.arrayBuffer();
    }
    assert.ok(answered >= 3, `the surviving worker answers (${answered} of 5):\n${site.output.join('')}`);
    const replaced = await until(() => {
      const pids = workerPids(primary);
      return pids.length === 2 && !pids.includes(victim);
    }, 60_000);
    assert.ok(replaced, `a new worker took the place of the killed one:\n${site.output.join('')}`);
    assert.match(site.output.join(''), new RegExp(`worker ${victim} exited`));
  });

  it('stops every worker on SIGTERM and exits cleanly', async () => {
    if (!site?.process.pid) throw new Error('not started');
    const workers = workerPids(site.process.pid);
    const exited = once(site.process, 'exit');
    site.process.kill('SIGTERM');
    const [code] = await exited;
    assert.equal(code, 0);
    for (const pid of workers) {
      assert.throws(() => process.kill(pid, 0), 'worker is gone');
    }
  });
});

describe('WORKERS configuration', () => {
  it('refuses several workers on the embedded database, with a clear message', () => {
    assert.throws(() => loadConfig({ WORKERS: '2' }), /WORKERS above 1 needs DATABASE_URL/);
    assert.equal(loadConfig({ WORKERS: 'auto' }).workers, 1, 'auto means one process on PGlite');
    assert.equal(loadConfig({ WORKERS: '3', DATABASE_URL: 'postgres://x@127.0.0.1/db' }).workers, 3);
    assert.throws(() => loadConfig({ WORKERS: '0' }), /WORKERS/);
  });
});
