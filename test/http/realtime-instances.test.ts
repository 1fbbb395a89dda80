import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { wire } from '../../src/app/wire.ts';
import { openDatabase } from '../../src/db/client.ts';
import {
  adminDatabaseUrl,
  databaseUrl,
  pgTemplateName,
  projectRoot,
  testConfig,
} from '../helpers/template.ts';
import { SseClient } from './realtime-sse-client.ts';

/**
 * Two real processes (`node --import tsx src/main.ts`) on one PostgreSQL database: what is published
 * through one reaches readers connected to the other, through LISTEN/NOTIFY, and survives the listening
 * connection dropping.
 */

const password = 'correct horse battery staple';

async function freePort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

interface Instance {
  process: ChildProcess;
  base: string;
  output: string[];
}

async function startInstance(database: string, dataDir: string): Promise<Instance> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl(database),
      PORT: String(port),
      HOST: '127.0.0.1',
      SITE_URL: 'http://localhost:3000',
      DATA_DIR: dataDir,
      SEED_DEMO: 'never',
      TTS_BACKFILL: 'never',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const ready = new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.join('').includes('Broadsheet is serving')) resolve();
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => reject(new Error(`instance exited (${code}):\n${output.join('')}`)));
  });
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`instance did not start:\n${output.join('')}`)), 90_000);
  });
  try {
    await Promise.race([ready, late]);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return { process: child, base: `http://127.0.0.1:${port}`, output };
}

async function stopInstance(instance: Instance | undefined): Promise<void> {
  if (!instance || instance.process.exitCode !== null) return;
  const exited = once(instance.process, 'exit');
  instance.process.kill('SIGTERM');
  const timer = setTimeout(() => instance.process.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** A signed-in newsroom session over real HTTP: cookies by hand, the CSRF token from the page. */
class Newsroom {
  private readonly cookies = new Map<string, string>();
  private csrf = '';

  constructor(private readonly base: string) {}

  private async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(`${this.base}${url}`, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      this.cookies.set(name.trim(), value);
    }
    return res;
  }

  async signIn(email: string): Promise<void> {
    const form = await (await this.fetch('/admin/sign-in')).text();
    const token = /name="_csrf" value="([^"]+)"/.exec(form)?.[1] ?? '';
    const res = await this.fetch('/admin/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: token, email, password }).toString(),
    });
    assert.equal(res.status, 303, 'signed in');
    const admin = await (await this.fetch('/admin')).text();
    this.csrf = /<meta name="csrf-token" content="([^"]+)"/.exec(admin)?.[1] ?? '';
    assert.ok(this.csrf, 'the newsroom page carries a CSRF token');
  }

  async api(
    method: string,
    url: string,
    body?: unknown,
  ): Promise<{ status: number; json: Record<string, unknown> }> {
    const res = await this.fetch(url, {
      method,
      headers: {
        'x-csrf-token': this.csrf,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  }
}

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
    await admin.query(`drop database if exists ${database}`);
    await admin.query(`create database ${database} template ${pgTemplateName()}`);
    // The editor account, made through the same services the app uses.
    const handle = await openDatabase({ url: databaseUrl(database) });
    const app = await wire(testConfig({ DATA_DIR: dataDir }), { database: handle, logLink: () => {} });
    try {
      await app.users.createUser({
        email,
        name: 'Two Instance Editor',
        role: 'editor',
        password,
        authorId: null,
      });
      articleUrl = (await app.articles.latest())[0]?.url ?? '';
    } finally {
      await app.close();
    }
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
