import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import type pg from 'pg';
import { wire } from '../../src/app/wire.ts';
import { openDatabase } from '../../src/db/client.ts';
import { databaseUrl, pgTemplateName, projectRoot, testConfig } from './template.ts';

/** Real Broadsheet processes (`scripts/start.sh`, as `npm start` runs them) on a PostgreSQL database. */

export const password = 'correct horse battery staple';

export async function freePort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export interface Instance {
  process: ChildProcess;
  base: string;
  output: string[];
}

export async function startInstance(
  database: string,
  dataDir: string,
  env: Record<string, string> = {},
): Promise<Instance> {
  const port = await freePort();
  // The script execs node in its own process, so signals and the pid reach the server itself.
  const child = spawn('sh', ['scripts/start.sh'], {
    cwd: projectRoot,
    env: {
      ...process.env,
      NODE: process.execPath,
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl(database),
      PORT: String(port),
      HOST: '127.0.0.1',
      SITE_URL: 'http://localhost:3000',
      DATA_DIR: dataDir,
      SEED_DEMO: 'never',
      TTS_BACKFILL: 'never',
      LOG_LEVEL: 'warn',
      ...env,
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

export async function stopInstance(instance: Instance | undefined): Promise<void> {
  if (!instance || instance.process.exitCode !== null) return;
  const exited = once(instance.process, 'exit');
  instance.process.kill('SIGTERM');
  const timer = setTimeout(() => instance.process.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** A signed-in newsroom session over real HTTP: cookies by hand, the CSRF token from the page. */
export class Newsroom {
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

/**
 * A fresh copy of the test template named `database`, with an editor account made through the app's own
 * services; returns the newest published article.
 */
export async function databaseWithEditor(
  admin: pg.Client,
  database: string,
  dataDir: string,
  editor: { email: string; name: string },
): Promise<{ id: number; url: string }> {
  await admin.query(`drop database if exists ${database}`);
  await admin.query(`create database ${database} template ${pgTemplateName()}`);
  const handle = await openDatabase({ url: databaseUrl(database) });
  const app = await wire(testConfig({ DATA_DIR: dataDir }), { database: handle, logLink: () => {} });
  try {
    await app.users.createUser({ ...editor, role: 'editor', password, authorId: null });
    const [latest] = await app.articles.latest();
    if (!latest) throw new Error('the template has no articles');
    return { id: latest.id, url: latest.url };
  } finally {
    await app.close();
  }
}
