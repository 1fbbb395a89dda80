import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { edgePurgeJob } from '../../src/app/edge-purge.ts';
import {
  CloudflarePurger,
  EdgePurgeError,
  FastlyPurger,
  VarnishPurger,
} from '../../src/platform/edge-purge/index.ts';
import { databaseKinds, startTestApp, type TestApp } from '../helpers/app.ts';

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

interface Answer {
  status: number;
  body?: unknown;
}

/**
 * A stand-in for the Fastly or Cloudflare API (or a Varnish) on loopback: it records every request and
 * answers from a script, then with `fallback`.
 */
class FakeApi {
  readonly received: Received[] = [];
  readonly script: Answer[] = [];
  fallback: Answer = { status: 200, body: { success: true, errors: [], result: { id: 'purge-1' } } };
  /** Requests to leave unanswered (to test the time limit). */
  silent = false;
  private readonly server: Server;

  constructor() {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.received.push({
          method: request.method ?? '',
          url: request.url ?? '',
          headers: request.headers,
          body: Buffer.concat(chunks).toString(),
        });
        if (this.silent) return;
        const answer = this.script.shift() ?? this.fallback;
        const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? {});
        response.writeHead(answer.status, { 'content-type': 'application/json' }).end(text);
      });
    });
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  json(index: number): Record<string, unknown> {
    return JSON.parse(this.received[index]?.body ?? 'null') as Record<string, unknown>;
  }
}

const zone = '0123456789abcdef0123456789abcdef';
const tags = (n: number) => Array.from({ length: n }, (_, i) => `article:${i + 1}`);

async function rejection(promise: Promise<unknown>): Promise<EdgePurgeError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof EdgePurgeError, String(error));
    return error;
  }
  assert.fail('expected the purge to fail');
}

describe('Fastly adapter', () => {
  const api = new FakeApi();
  let url = '';
  before(async () => {
    url = await api.start();
  });
  after(() => api.stop());

  it('purges up to 256 surrogate keys per request, authenticated by Fastly-Key', async () => {
    const purger = new FastlyPurger({
      serviceId: 'SU1Z0isxPaozGVKXdv0eY',
      apiToken: 'fastly-token',
      apiUrl: url,
      soft: false,
      timeoutMs: 5000,
    });
    await purger.purge([...tags(300), 'article:1', 'home']);
    assert.equal(api.received.length, 2);
    for (const request of api.received) {
      assert.equal(request.method, 'POST');
      assert.equal(request.url, '/service/SU1Z0isxPaozGVKXdv0eY/purge');
      assert.equal(request.headers['fastly-key'], 'fastly-token');
      assert.equal(request.headers['content-type'], 'application/json');
      assert.equal(request.headers['fastly-soft-purge'], undefined);
    }
    const first = api.json(0).surrogate_keys as string[];
    const second = api.json(1).surrogate_keys as string[];
    assert.equal(first.length, 256);
    assert.deepEqual([...first, ...second], [...tags(300), 'home']);
  });

  it('asks for a soft purge when configured', async () => {
    api.received.length = 0;
    const purger = new FastlyPurger({
      serviceId: 'abc',
      apiToken: 't',
      apiUrl: url,
      soft: true,
      timeoutMs: 5000,
    });
    await purger.purge(['section:politics']);
    assert.equal(api.received[0]?.headers['fastly-soft-purge'], '1');
    assert.deepEqual(api.json(0), { surrogate_keys: ['section:politics'] });
  });

  it('fails on an error answer, with the status and without the token', async () => {
    api.script.push({ status: 401, body: { msg: 'Provided credentials are missing or invalid' } });
    const purger = new FastlyPurger({
      serviceId: 'abc',
      apiToken: 'very-secret-token',
      apiUrl: url,
      soft: false,
      timeoutMs: 5000,
    });
    const error = await rejection(purger.purge(['home']));
    assert.equal(error.status, 401);
    assert.match(error.message, /Fastly answered 401: .*credentials are missing/);
    assert.doesNotMatch(error.message, /very-secret-token/);
  });
});

describe('Cloudflare adapter', () => {
  const api = new FakeApi();
  let url = '';
  before(async () => {
    url = await api.start();
  });
  after(() => api.stop());

  const purger = (batchSize = 30) =>
    new CloudflarePurger({ zoneId: zone, apiToken: 'cf-token', apiUrl: url, batchSize, timeoutMs: 5000 });

  it('purges by cache tag, a batch per call, with a bearer token', async () => {
    await purger().purge(tags(65));
    assert.equal(api.received.length, 3);
    for (const request of api.received) {
      assert.equal(request.method, 'POST');
      assert.equal(request.url, `/zones/${zone}/purge_cache`);
      assert.equal(request.headers.authorization, 'Bearer cf-token');
      assert.equal(request.headers['content-type'], 'application/json');
    }
    assert.deepEqual(
      api.received.map((_, i) => (api.json(i).tags as string[]).length),
      [30, 30, 5],
    );
    assert.deepEqual(
      api.received.flatMap((_, i) => api.json(i).tags as string[]),
      tags(65),
    );
    api.received.length = 0;
    await purger(100).purge(tags(65));
    assert.equal(api.received.length, 1);
  });

  it('fails when Cloudflare refuses, even with a 200', async () => {
    api.script.push({
      status: 200,
      body: { success: false, errors: [{ code: 1134, message: 'Purge by tag is not available' }] },
    });
    const refused = await rejection(purger().purge(['home']));
    assert.match(refused.message, /Cloudflare refused the purge: 1134 Purge by tag is not available/);
    api.script.push({
      status: 429,
      body: { success: false, errors: [{ code: 971, message: 'Please wait' }] },
    });
    const limited = await rejection(purger().purge(['home']));
    assert.equal(limited.status, 429);
    assert.match(limited.message, /Cloudflare answered 429/);
    api.script.push({ status: 502, body: '<html>Bad gateway</html>' });
    assert.equal((await rejection(purger().purge(['home']))).status, 502);
  });
});

describe('Varnish adapter', () => {
  const first = new FakeApi();
  const second = new FakeApi();
  let urls: string[] = [];
  before(async () => {
    urls = [await first.start(), await second.start()];
    first.fallback = second.fallback = { status: 200, body: 'Purged 3 objects' };
  });
  after(() => Promise.all([first.stop(), second.stop()]));

  it('tells every Varnish, with the tags in an xkey-purge header', async () => {
    await new VarnishPurger({ urls, soft: false, timeoutMs: 5000 }).purge(['article:12', 'home', 'home']);
    for (const fake of [first, second]) {
      assert.equal(fake.received.length, 1);
      assert.equal(fake.received[0]?.method, 'PURGE');
      assert.equal(fake.received[0]?.headers['xkey-purge'], 'article:12 home');
    }
    await new VarnishPurger({ urls: urls.slice(0, 1), soft: true, timeoutMs: 5000 }).purge(['home']);
    assert.equal(first.received[1]?.headers['xkey-softpurge'], 'home');
    assert.equal(first.received[1]?.headers['xkey-purge'], undefined);
  });

  it('keeps each header under Varnish’s request header limit', async () => {
    first.received.length = 0;
    const many = Array.from({ length: 150 }, (_, i) => `author:a-rather-long-author-slug-number-${i}`);
    await new VarnishPurger({ urls: urls.slice(0, 1), soft: false, timeoutMs: 5000 }).purge(many);
    assert.ok(first.received.length > 1);
    const sent = first.received.map((r) => String(r.headers['xkey-purge']));
    assert.ok(sent.every((header) => header.length <= 6000));
    assert.deepEqual(sent.join(' ').split(' '), many);
  });

  it('fails if any Varnish fails, is unreachable or does not answer in time', async () => {
    second.script.push({ status: 403, body: 'Purging is not allowed from this address' });
    const refused = await rejection(
      new VarnishPurger({ urls, soft: false, timeoutMs: 5000 }).purge(['home']),
    );
    assert.match(refused.message, new RegExp(`Varnish ${urls[1]} answered 403: .*not allowed`));
    assert.doesNotMatch(refused.message, new RegExp(String(urls[0])));

    const closed = new FakeApi();
    const closedUrl = await closed.start();
    await closed.stop();
    const unreachable = await rejection(
      new VarnishPurger({ urls: [closedUrl], soft: false, timeoutMs: 5000 }).purge(['home']),
    );
    assert.match(unreachable.message, /could not reach .*ECONNREFUSED/);

    first.silent = true;
    const slow = await rejection(
      new VarnishPurger({ urls: urls.slice(0, 1), soft: false, timeoutMs: 200 }).purge(['home']),
    );
    first.silent = false;
    assert.match(slow.message, /no answer in 200 ms/);
  });
});

/** Runs `start` with extra environment variables (wire reads EDGE_PURGE_* from process.env). */
async function withEnv<T>(vars: Record<string, string>, start: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((name) => [name, process.env[name]]));
  Object.assign(process.env, vars);
  try {
    return await start();
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

for (const kind of databaseKinds) {
  describe(`edge purge jobs (${kind})`, () => {
    const api = new FakeApi();
    let t: TestApp;
    let now = new Date('2026-06-22T09:00:00Z');
    before(async () => {
      const url = await api.start();
      t = await withEnv(
        {
          EDGE_PURGE: 'cloudflare',
          CLOUDFLARE_ZONE_ID: zone,
          CLOUDFLARE_API_TOKEN: 'cf-token',
          CLOUDFLARE_API_URL: url,
          CLOUDFLARE_PURGE_BATCH: '3',
        },
        () => startTestApp(kind, { clock: () => now }),
      );
    });
    after(async () => {
      await t?.close();
      await api.stop();
    });

    /** Purge jobs queued after job `afterId`, newest first. */
    const purgeJobs = async (afterId = 0) =>
      (await t.app.jobs.recent({}, 200)).filter((job) => job.kind === edgePurgeJob && job.id > afterId);
    const lastJobId = async () => (await t.app.jobs.recent({}, 1))[0]?.id ?? 0;

    it('queues one durable job per batch, which the worker sends', async () => {
      await t.app.jobs.runDue();
      const since = await lastJobId();
      api.received.length = 0;
      assert.equal(t.app.edgePurge.target, 'cloudflare');
      await t.app.edgePurge.enqueue(['article:12', 'section:politics', 'home', 'latest', 'article:12']);
      const queued = await purgeJobs(since);
      assert.equal(queued.length, 2);
      assert.ok(queued.every((job) => job.status === 'pending'));
      assert.equal(api.received.length, 0, 'nothing is sent before the worker runs');
      await t.app.jobs.runDue();
      assert.deepEqual(
        api.received.map((_, i) => api.json(i).tags),
        [['article:12', 'section:politics', 'home'], ['latest']],
      );
      assert.deepEqual(
        (await purgeJobs(since)).map((job) => job.status),
        ['done', 'done'],
      );
    });

    it('retries a failed purge later, with backoff, until the edge confirms it', async () => {
      api.received.length = 0;
      api.script.push({ status: 503, body: { success: false, errors: [{ code: 10000, message: 'busy' }] } });
      const since = await lastJobId();
      await t.app.edgePurge.enqueue(['tag:nato']);
      await t.app.jobs.runDue();
      let [job] = await purgeJobs(since);
      assert.equal(job?.status, 'pending');
      assert.equal(job?.attempts, 1);
      assert.match(String(job?.lastError), /Cloudflare answered 503/);
      assert.ok(job && job.runAt > now, 'the retry waits');
      assert.equal(await t.app.jobs.runDue(), 0, 'not before its time');
      now = new Date((job?.runAt ?? now).getTime() + 1000);
      await t.app.jobs.runDue();
      [job] = await purgeJobs(since);
      assert.equal(job?.status, 'done');
      assert.equal(api.received.length, 2);
      assert.deepEqual(api.json(1).tags, ['tag:nato']);
    });

    it('queues the good tags and reports a malformed one', async () => {
      api.received.length = 0;
      await assert.rejects(t.app.edgePurge.enqueue(['home', 'tag:two words']), /tag:two words/);
      await t.app.jobs.runDue();
      assert.deepEqual(api.json(0).tags, ['home']);
    });
  });
}

describe('edge purge set-up', () => {
  it('queues nothing when nothing sits in front of the site', async () => {
    const t = await withEnv({ EDGE_PURGE: 'none' }, () => startTestApp('pglite'));
    try {
      assert.equal(t.app.edgePurge.target, 'none');
      await t.app.edgePurge.enqueue(['home']);
      const jobs = await t.app.jobs.recent({}, 200);
      assert.equal(jobs.filter((job) => job.kind === edgePurgeJob).length, 0);
    } finally {
      await t.close();
    }
  });

  it('refuses to start with an incomplete adapter setting', async () => {
    await assert.rejects(
      withEnv({ EDGE_PURGE: 'fastly', FASTLY_SERVICE_ID: 'abc' }, () => startTestApp('pglite')),
      /Invalid configuration: FASTLY_API_TOKEN: is required/,
    );
  });
});
