import assert from 'node:assert/strict';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { edgePurgeJob } from '../../src/app/edge-purge.ts';
import type { EditorArticle } from '../../src/modules/articles/index.ts';
import { editable, signedIn } from '../helpers/admin-client.ts';
import { databaseKinds, startTestApp, type TestApp } from '../helpers/app.ts';
import { projectRoot } from '../helpers/template.ts';

/**
 * A real Varnish (Debian's varnish 7.1 and varnish-modules for xkey) runs deploy/varnish/default.vcl in
 * front of the app on loopback. Publishing through the newsroom API must purge exactly the pages that
 * show the story, through the durable purge job, and leave every other page cached.
 */

const vclPath = path.join(projectRoot, 'deploy/varnish/default.vcl');

/** varnishd lives in /usr/sbin, which is not on every PATH. Missing, the suite fails: CI installs it. */
function findVarnishd(): string {
  for (const candidate of ['/usr/sbin/varnishd', '/usr/local/sbin/varnishd']) {
    if (existsSync(candidate)) return candidate;
  }
  try {
    return execFileSync('sh', ['-c', 'command -v varnishd'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(
      'varnishd is not installed: `apt-get install -y varnish varnish-modules` (the Varnish purge test needs a real Varnish)',
    );
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

interface Varnish {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts varnishd in the foreground with the shipped VCL, its backend pointed at `backendPort` (and
 * `edit` applied, to test a setting the operator changes).
 */
async function startVarnish(
  backendPort: number,
  port: number,
  edit: (vcl: string) => string = (vcl) => vcl,
): Promise<Varnish> {
  const varnishd = findVarnishd();
  const dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-varnish-'));
  const vcl = edit(readFileSync(vclPath, 'utf8').replace(/\.port = "\d+";/, `.port = "${backendPort}";`));
  assert.match(vcl, new RegExp(`\\.port = "${backendPort}";`), 'the VCL names its backend port');
  writeFileSync(path.join(dir, 'default.vcl'), vcl);
  const child: ChildProcess = spawn(
    varnishd,
    [
      '-F', // foreground: the test owns the process
      '-j',
      'none', // no privilege separation: the test's user runs it
      '-n',
      path.join(dir, 'work'),
      '-a',
      `127.0.0.1:${port}`,
      '-T',
      'none',
      '-f',
      path.join(dir, 'default.vcl'),
      '-s',
      'malloc,64m',
      '-p',
      'vsl_space=1M',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  // Ready once it answers HTTP (whether the backend is up is for each test to say).
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`varnishd exited (${child.exitCode}):\n${output}`);
    }
    const ok = await fetch(`${url}/robots.txt`)
      .then(async (res) => {
        await res.arrayBuffer();
        return true;
      })
      .catch(() => false);
    if (ok) return { url, stop };
    if (attempt > 150) {
      await stop();
      throw new Error(`varnishd did not answer within 30 s:\n${output}`);
    }
    await sleep(200);
  }
}

interface Seen {
  status: number;
  cache: string;
  keys: string[];
  body: string;
  headers: Headers;
}

// The story updated, and pages that show it; pages about other things must stay cached.
const story = '/politics/ashby-vale-by-election-set-after-mp-steps-down';
const storyPages = [story, '/politics', '/tag/elections', '/author/eleanor-marsh'];
const otherPages = ['/sport', '/tag/cricket', '/author/rhys-pritchard', '/culture'];

for (const kind of databaseKinds) {
  describe(`Varnish in front of the app (${kind})`, () => {
    let t: TestApp;
    let varnish: Varnish;
    before(async () => {
      findVarnishd();
      const varnishPort = await freePort();
      const saved = { EDGE_PURGE: process.env.EDGE_PURGE, VARNISH_PURGE_URL: process.env.VARNISH_PURGE_URL };
      process.env.EDGE_PURGE = 'varnish';
      process.env.VARNISH_PURGE_URL = `http://127.0.0.1:${varnishPort}/`;
      try {
        t = await startTestApp(kind);
      } finally {
        for (const [name, value] of Object.entries(saved)) {
          if (value === undefined) delete process.env[name];
          else process.env[name] = value;
        }
      }
      await t.server.listen({ host: '127.0.0.1', port: 0 });
      const address = t.server.server.address();
      if (!address || typeof address === 'string') throw new Error('app not listening');
      varnish = await startVarnish(address.port, varnishPort);
    });
    after(async () => {
      await varnish?.stop();
      await t?.close();
    });

    async function get(url: string, init: RequestInit = {}): Promise<Seen> {
      const res = await fetch(`${varnish.url}${url}`, { redirect: 'manual', ...init });
      return {
        status: res.status,
        cache: res.headers.get('x-cache') ?? '',
        keys: (res.headers.get('surrogate-key') ?? '').split(' ').filter(Boolean),
        body: await res.text(),
        headers: res.headers,
      };
    }

    /** Fetches each page until Varnish holds it; returns the tags each page carries. */
    async function warm(pages: string[]): Promise<Map<string, string[]>> {
      const keys = new Map<string, string[]>();
      for (const page of pages) {
        const first = await get(page);
        assert.equal(first.status, 200, `${page}: ${first.status}`);
        const second = await get(page);
        assert.equal(second.cache, 'HIT', `${page} is cached after one visit (was ${first.cache})`);
        assert.ok(
          second.keys.includes('site'),
          `${page} carries Surrogate-Key (got ${second.keys.join(' ')})`,
        );
        keys.set(page, second.keys);
      }
      return keys;
    }

    async function cacheStates(pages: string[]): Promise<Record<string, string>> {
      const states: Record<string, string> = {};
      for (const page of pages) states[page] = (await get(page)).cache;
      return states;
    }

    const expect = (pages: string[], state: string) => Object.fromEntries(pages.map((p) => [p, state]));

    /** Runs the queued purge jobs and checks they all reached Varnish. */
    async function runPurges(): Promise<void> {
      await t.app.jobs.runDue();
      const purges = (await t.app.jobs.recent({}, 50)).filter((job) => job.kind === edgePurgeJob);
      assert.ok(purges.length > 0, 'publishing queued an edge purge');
      for (const job of purges) assert.equal(job.status, 'done', `purge job ${job.id}: ${job.lastError}`);
    }

    it('caches reader pages and purges exactly the ones an update changes', async () => {
      const { client } = await signedIn(t.app, t.server, 'editor');
      const found = (await client.api('GET', '/admin/api/articles/search?q=Ashby')).json<
        { id: number; url: string | null }[]
      >();
      const id = found.find((a) => a.url === story)?.id;
      assert.ok(id, 'the demo story is there');
      const home = '/';
      const keys = await warm([...storyPages, home, ...otherPages]);
      for (const page of storyPages) assert.ok(keys.get(page)?.includes(`article:${id}`), `${page} shows it`);
      for (const page of otherPages)
        assert.ok(!keys.get(page)?.includes(`article:${id}`), `${page} does not`);
      const homeShowsIt = keys.get(home)?.includes(`article:${id}`) ?? false;

      const article = (await client.api('GET', `/admin/api/articles/${id}`)).json<EditorArticle>();
      const saved = await client.api('PUT', `/admin/api/articles/${id}`, {
        ...editable(article),
        headline: 'Ashby Vale by-election date confirmed for September',
      });
      assert.equal(saved.status, 200, saved.body);
      const published = await client.api('POST', `/admin/api/articles/${id}/publish`, {
        version: saved.json<{ version: number }>().version,
        updateNote: 'Adds the date of the vote.',
      });
      assert.equal(published.status, 200, published.body);
      // Before the job runs, Varnish still has the old pages: the purge is the job's doing.
      assert.equal((await get(story)).cache, 'HIT');
      await runPurges();

      assert.deepEqual(await cacheStates([...storyPages, ...otherPages]), {
        ...expect(storyPages, 'MISS'),
        ...expect(otherPages, 'HIT'),
      });
      assert.equal(
        (await get(home)).cache,
        homeShowsIt ? 'MISS' : 'HIT',
        'home is purged if it shows the story',
      );
      assert.match((await get(story)).body, /Ashby Vale by-election date confirmed for September/);
      assert.deepEqual(
        await cacheStates(storyPages),
        expect(storyPages, 'HIT'),
        'cached again after one visit',
      );
    });

    it('purges home, latest and the section, not other sections, when a new story is published', async () => {
      const { client } = await signedIn(t.app, t.server, 'editor');
      const model = (await client.api('GET', '/admin/api/articles/search?q=Ashby')).json<
        { id: number }[]
      >()[0];
      const politics = (await client.api('GET', `/admin/api/articles/${model?.id}`)).json<EditorArticle>();
      const sportStory = '/sport/england-name-uncapped-seamer-for-first-test';
      const keys = await warm(['/', '/latest', '/politics', sportStory, ...otherPages]);
      assert.ok(keys.get(sportStory)?.includes('latest'), 'story pages show the Latest rail');

      const created = await client.request('POST', '/admin/articles', { form: { _csrf: client.csrf } });
      const id = Number(/(\d+)$/.exec(String(created.headers.location))?.[1]);
      const draft = (await client.api('GET', `/admin/api/articles/${id}`)).json<EditorArticle>();
      const saved = await client.api('PUT', `/admin/api/articles/${id}`, {
        ...editable(draft),
        headline: 'Council leaders call for a vote on regional mayors',
        standfirst: 'Leaders of six councils want residents to decide before the next election.',
        label: 'none',
        sectionId: politics.sectionId,
        tags: ['Elections'],
        authorIds: politics.authors.map((a) => a.id),
        slug: `regional-mayors-vote-${kind}`,
        body: [
          { type: 'paragraph', content: [{ text: 'Six council leaders wrote to ministers on Monday.' }] },
        ],
      });
      assert.equal(saved.status, 200, saved.body);
      const published = await client.api('POST', `/admin/api/articles/${id}/publish`, {
        version: saved.json<{ version: number }>().version,
      });
      assert.equal(published.status, 200, published.body);
      await runPurges();

      assert.deepEqual(await cacheStates(['/', '/latest', '/politics', sportStory, ...otherPages]), {
        '/': 'MISS',
        '/latest': 'MISS',
        '/politics': 'MISS',
        // Its Latest rail now lists the new story.
        [sportStory]: 'MISS',
        ...expect(otherPages, 'HIT'),
      });
      assert.match((await get('/politics')).body, /Council leaders call for a vote on regional mayors/);
    });

    if (kind === 'pglite') {
      it('shares one copy across campaign tags and cookies, and never caches the newsroom or writes', async () => {
        await warm(['/culture']);
        assert.equal((await get('/culture?utm_source=newsletter&utm_medium=email&fbclid=x1')).cache, 'HIT');
        assert.equal((await get('/culture', { headers: { cookie: 'theme=dark' } })).cache, 'HIT');
        const signIn = await get('/admin/sign-in');
        assert.equal(signIn.cache, 'PASS');
        assert.ok(signIn.headers.get('set-cookie'), 'the newsroom still sets its cookies');
        assert.equal((await get('/admin/sign-in')).cache, 'PASS');
        assert.equal((await get('/culture', { method: 'POST' })).cache, 'PASS');
      });

      it('passes live update streams straight through, as they are written', async () => {
        const abort = new AbortController();
        const res = await fetch(`${varnish.url}/live/events?topics=site`, {
          headers: { accept: 'text/event-stream' },
          signal: abort.signal,
        });
        try {
          assert.equal(res.status, 200);
          assert.match(res.headers.get('content-type') ?? '', /^text\/event-stream/);
          assert.equal(res.headers.get('x-cache'), null, 'piped, not handled by the cache');
          const reader = res.body?.getReader();
          const first = await reader?.read();
          assert.match(new TextDecoder().decode(first?.value), /^retry: \d+/);
        } finally {
          abort.abort();
        }
      });

      it('serves brotli, gzip and plain copies to the readers who ask for them', async () => {
        const asked = {
          br: 'gzip, deflate, br',
          gzip: 'gzip, deflate, br;q=0',
          identity: 'identity',
        };
        for (const [encoding, acceptEncoding] of Object.entries(asked)) {
          const headers = { 'accept-encoding': acceptEncoding };
          await get('/world', { headers });
          const res = await fetch(`${varnish.url}/world`, { headers });
          assert.equal(res.headers.get('x-cache'), 'HIT', encoding);
          assert.equal(res.headers.get('content-encoding') ?? 'identity', encoding);
          assert.match(await res.text(), /<\/html>/);
        }
      });

      it('purges one URL on request (every encoding), or every page with a tag', async () => {
        const br = { headers: { 'accept-encoding': 'gzip, deflate, br' } };
        await warm(['/technology', '/business']);
        await get('/technology', br);
        assert.equal((await get('/technology', br)).cache, 'HIT');
        const purged = await fetch(`${varnish.url}/technology`, { method: 'PURGE' });
        assert.equal(purged.status, 200);
        assert.deepEqual(await cacheStates(['/technology', '/business']), {
          '/technology': 'MISS',
          '/business': 'HIT',
        });
        assert.equal((await get('/technology', br)).cache, 'MISS', 'the brotli copy went too');
        const byTag = await fetch(`${varnish.url}/`, {
          method: 'PURGE',
          headers: { 'xkey-purge': 'section:business' },
        });
        assert.equal(byTag.status, 200);
        assert.match(await byTag.text(), /Purged [1-9]\d* objects/);
        assert.equal((await get('/business')).cache, 'MISS');
      });
    }
  });
}

/**
 * Freshness and failure, against a small stand-in for the app whose pages expire within seconds:
 * stale-while-revalidate serves the old copy once while fetching a new one; past it, readers wait for a
 * fresh copy; while the app fails or is down, stale-if-error keeps serving the old one.
 */
describe('Varnish freshness and failure', () => {
  let backend: Server;
  let varnish: Varnish;
  let version = 0;
  let failing = false;
  before(async () => {
    backend = createHttpServer((request, response) => {
      if (request.url === '/robots.txt') return void response.writeHead(200).end('User-agent: *\n');
      if (failing) return void response.writeHead(500, { 'cache-control': 'no-store' }).end('broken');
      version++;
      response
        .writeHead(200, {
          'content-type': 'text/plain',
          'cache-control': 'public, max-age=0, s-maxage=1, stale-while-revalidate=3, stale-if-error=3600',
          'surrogate-key': 'site page',
        })
        .end(`version ${version}`);
    });
    await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', resolve));
    const address = backend.address();
    if (!address || typeof address === 'string') throw new Error('backend not listening');
    varnish = await startVarnish(address.port, await freePort());
  });
  after(async () => {
    await varnish?.stop();
    if (backend.listening) {
      backend.closeAllConnections();
      await new Promise((resolve) => backend.close(resolve));
    }
  });

  async function page(): Promise<{ cache: string; body: string }> {
    const res = await fetch(`${varnish.url}/page`);
    return { cache: res.headers.get('x-cache') ?? '', body: await res.text() };
  }

  it('serves a just-expired page once while refreshing it, and refetches an older one', async () => {
    assert.deepEqual(await page(), { cache: 'MISS', body: 'version 1' });
    assert.deepEqual(await page(), { cache: 'HIT', body: 'version 1' });
    await sleep(1500); // past s-maxage, within stale-while-revalidate
    assert.deepEqual(await page(), { cache: 'HIT-STALE', body: 'version 1' });
    // The background fetch lands shortly after.
    let next = await page();
    for (let i = 0; i < 50 && next.body === 'version 1'; i++) {
      await sleep(50);
      next = await page();
    }
    assert.deepEqual(next, { cache: 'HIT', body: 'version 2' });
    await sleep(4500); // past s-maxage and stale-while-revalidate, the app up: wait for a fresh copy
    assert.deepEqual(await page(), { cache: 'MISS', body: 'version 3' });
  });

  it('keeps serving the stale page while the app fails or is unreachable', async () => {
    await sleep(4500);
    failing = true;
    assert.deepEqual(await page(), { cache: 'HIT-STALE', body: 'version 3' }, 'the app answers 500');
    backend.closeAllConnections();
    await new Promise((resolve) => backend.close(resolve));
    assert.deepEqual(await page(), { cache: 'HIT-STALE', body: 'version 3' }, 'the app is down');
  });

  it('refuses purges from addresses outside the purgers ACL', async () => {
    const guarded = await startVarnish(await freePort(), await freePort(), (vcl) =>
      vcl.replace(/acl purgers \{[^}]*\}/, 'acl purgers {\n    "192.0.2.1";\n}'),
    );
    try {
      const res = await fetch(`${guarded.url}/`, { method: 'PURGE', headers: { 'xkey-purge': 'site' } });
      assert.equal(res.status, 403);
    } finally {
      await guarded.stop();
    }
  });
});
