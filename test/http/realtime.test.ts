import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/app/build-server.ts';
import { signedIn } from '../helpers/admin-client.ts';
import { databaseKinds, startTestApp, type TestApp } from '../helpers/app.ts';
import { decodeEntities } from '../helpers/html.ts';
import { SseClient, type SseMessage } from './realtime-sse-client.ts';

interface BannerJson {
  id: number;
  text: string;
  href: string;
  expiresAt: string | null;
}

/** The banner block of a reader page, if any. */
function bannerIn(html: string): { id: string; text: string; href: string } | undefined {
  const match =
    /<section class="breaking" aria-label="Breaking news" data-banner="(\d+)"[^>]*>[\s\S]*?<a class="breaking-link" href="([^"]*)">([^<]*)<\/a>/.exec(
      html,
    );
  if (!match) return undefined;
  return { id: match[1] ?? '', href: decodeEntities(match[2] ?? ''), text: decodeEntities(match[3] ?? '') };
}

function bannerEvents(client: SseClient): SseMessage[] {
  return client.messages.filter((m) => m.topic === 'site' && m.type === 'banner');
}

for (const kind of databaseKinds) {
  describe(`realtime and breaking news (${kind})`, () => {
    let t: TestApp;
    /** A server of our own on the test app: a short heartbeat and a small buffer limit, listening. */
    let server: FastifyInstance;
    let base: string;
    /** Moved forward to reach a banner's expiry. */
    let offsetMs = 0;
    const clients: SseClient[] = [];
    /** Published reader pages, each fetched once so no page cache can answer with an older render. */
    let freshPages: string[] = [];

    const sse = async (query: string, headers: Record<string, string> = {}) => {
      const client = await SseClient.open(`${base}/live/events?${query}`, headers);
      clients.push(client);
      return client;
    };
    const freshPage = async () => {
      const url = freshPages.shift();
      if (!url) throw new Error('ran out of demo pages');
      const res = await server.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200, url);
      return res.body;
    };

    before(async () => {
      t = await startTestApp(kind, { clock: () => new Date(Date.now() + offsetMs) });
      server = await buildServer(t.app, {
        logLevel: 'silent',
        live: { heartbeatMs: 150, maxBufferedBytes: 32 * 1024 },
      });
      await server.listen({ port: 0, host: '127.0.0.1' });
      const address = server.server.address();
      if (!address || typeof address === 'string') throw new Error('no address');
      base = `http://127.0.0.1:${address.port}`;
      freshPages = (await t.app.articles.latest()).map((card) => card.url);
    });

    after(async () => {
      for (const client of clients) client.close();
      await server.close();
      await t.close();
    });

    it('streams events to the followers of their topic, as text/event-stream that nothing caches', async () => {
      const site = await sse('topics=site', { 'accept-encoding': 'gzip, br' });
      const blog = await sse('topics=liveblog:41,liveblog:42');
      assert.equal(site.status, 200);
      assert.equal(site.response.headers['content-type'], 'text/event-stream; charset=utf-8');
      assert.match(String(site.response.headers['cache-control']), /no-store/);
      assert.equal(site.response.headers['x-accel-buffering'], 'no');
      assert.equal(site.response.headers['content-encoding'], undefined, 'the stream is never compressed');
      assert.equal(site.response.headers.etag, undefined);
      assert.equal(site.response.headers['surrogate-key'], undefined);

      const first = await t.app.realtime.publish('site', 'notice', { text: 'For every page' });
      const second = await t.app.realtime.publish('liveblog:42', 'entry', { html: '<p>Goal!</p>' });
      await t.app.realtime.publish('liveblog:7', 'entry', { html: '<p>Another blog</p>' });
      const third = await t.app.realtime.publish('liveblog:41', 'entry', { n: 3 });

      assert.deepEqual(await site.waitForMessages(1), [
        { id: first.id, topic: 'site', type: 'notice', data: { text: 'For every page' } },
      ]);
      assert.deepEqual(await blog.waitForMessages(2), [
        { id: second.id, topic: 'liveblog:42', type: 'entry', data: { html: '<p>Goal!</p>' } },
        { id: third.id, topic: 'liveblog:41', type: 'entry', data: { n: 3 } },
      ]);
      assert.equal(site.retry, 3000, 'the stream tells browsers how soon to reconnect');
      assert.ok(second.id > first.id && third.id > second.id, 'ids increase');
      // Nothing for other topics arrived, even after later events did.
      assert.equal(site.messages.length, 1);
      assert.equal(blog.messages.length, 2);
    });

    it('sends heartbeat comments to idle streams', async () => {
      const idle = await sse('topics=liveblog:500');
      await idle.until(() => idle.heartbeats >= 2, 'two heartbeats');
      assert.equal(idle.messages.length, 0);
    });

    it('replays what a reconnecting reader missed from Last-Event-ID, in order, once', async () => {
      const reader = await sse('topics=liveblog:60');
      const seen = await t.app.realtime.publish('liveblog:60', 'entry', { n: 0 });
      await reader.waitForMessages(1);
      reader.close();
      const missed = [];
      for (let n = 1; n <= 3; n++) missed.push(await t.app.realtime.publish('liveblog:60', 'entry', { n }));
      await t.app.realtime.publish('liveblog:61', 'entry', { other: true });

      const back = await sse('topics=liveblog:60', { 'last-event-id': String(seen.id) });
      const replayed = await back.waitForMessages(3);
      assert.deepEqual(
        replayed.map((m) => m.id),
        missed.map((e) => e.id),
      );
      const live = await t.app.realtime.publish('liveblog:60', 'entry', { n: 4 });
      await back.waitForMessages(4);
      assert.equal(back.messages[3]?.id, live.id);

      // A fresh page names the id it was rendered at in the query instead.
      const page = await sse(`topics=liveblog:60&lastEventId=${missed[1]?.id}`);
      const fromPage = await page.waitForMessages(2);
      assert.deepEqual(
        fromPage.map((m) => m.data),
        [{ n: 3 }, { n: 4 }],
      );
      // The header (the browser's own reconnect) wins over the page's starting point.
      const both = await sse(`topics=liveblog:60&lastEventId=0`, { 'last-event-id': String(missed[2]?.id) });
      assert.deepEqual(
        (await both.waitForMessages(1)).map((m) => m.data),
        [{ n: 4 }],
      );
    });

    it('treats a Last-Event-ID from beyond what this server has seen as "now" (a restored database)', async () => {
      const ahead = await sse('topics=liveblog:65', { 'last-event-id': '999999999999' });
      const next = await t.app.realtime.publish('liveblog:65', 'entry', { after: 'restore' });
      assert.deepEqual(
        (await ahead.waitForMessages(1)).map((m) => m.id),
        [next.id],
      );
    });

    it('misses nothing and repeats nothing when events keep coming while a reader reconnects', async () => {
      const topic = 'liveblog:70';
      const reader = await sse(`topics=${topic}`);
      const publishing = (async () => {
        const ids: number[] = [];
        for (let n = 0; n < 40; n++) ids.push((await t.app.realtime.publish(topic, 'entry', { n })).id);
        return ids;
      })();
      await reader.waitForMessages(5);
      reader.close();
      const before = reader.messages.map((m) => m.id);
      const last = before[before.length - 1];
      const back = await sse(`topics=${topic}`, { 'last-event-id': String(last) });
      const published = await publishing;
      const rest = await back.waitForMessages(published.length - before.length);
      assert.deepEqual([...before, ...rest.map((m) => m.id)], published);
      // Nothing more turns up later (no duplicates from the replay/live hand-over).
      await t.app.realtime.publish(topic, 'entry', { n: 'end' });
      await back.waitFor((m) => (m.data as { n: unknown }).n === 'end');
      assert.equal(back.messages.length, published.length - before.length + 1);
    });

    it('drops a reader that stops reading before its buffer grows, and it catches up on reconnect', async () => {
      const topic = 'liveblog:80';
      const slow = await sse(`topics=${topic}`);
      const start = t.app.realtime.latestId();
      slow.pause();
      const droppedBefore = server.liveHub.stats().dropped;
      const big = 'x'.repeat(60_000);
      const ids: number[] = [];
      // Loopback sockets buffer a few megabytes in the kernel before Node has to hold anything.
      for (let n = 0; n < 400 && server.liveHub.stats().dropped === droppedBefore; n++) {
        ids.push((await t.app.realtime.publish(topic, 'entry', { n, big })).id);
        await new Promise((resolve) => setImmediate(resolve));
      }
      assert.equal(server.liveHub.stats().dropped, droppedBefore + 1, 'the slow reader was dropped');
      const back = await sse(`topics=${topic}`, { 'last-event-id': String(start) });
      const replayed = await back.waitForMessages(ids.length, 30_000);
      assert.deepEqual(
        replayed.map((m) => m.id),
        ids,
      );
    });

    it('answers bad subscriptions with 400 and opens no stream', async () => {
      const before = server.liveHub.stats().connections;
      for (const query of [
        '',
        'topics=',
        'topics=Site',
        'topics=site,liveblog:1,liveblog:2,liveblog:3,liveblog:4,liveblog:5',
        `topics=${'a'.repeat(40)}`,
        'topics=site&lastEventId=abc',
        'topics=site&lastEventId=-1',
      ]) {
        const res = await server.inject({ method: 'GET', url: `/live/events?${query}` });
        assert.equal(res.statusCode, 400, query);
        assert.doesNotMatch(String(res.headers['content-type']), /event-stream/, query);
        assert.match(String(res.headers['cache-control']), /no-store/, query);
      }
      const badHeader = await sse('topics=site', { 'last-event-id': 'not-a-number' });
      assert.equal(badHeader.status, 400);
      assert.match(await badHeader.text(), /Last-Event-ID/);
      assert.equal(server.liveHub.stats().connections, before);
    });

    it('gives every reader page the site topic and the id to replay from, with 0 KB of script needed', async () => {
      const latest = t.app.realtime.latestId();
      const html = await freshPage();
      const main = /<main id="main" tabindex="-1" data-live-topics="([^"]*)" data-live-since="(\d+)">/.exec(
        html,
      );
      assert.ok(main, 'the page names its live topics');
      assert.equal(main[1], 'site');
      assert.equal(Number(main[2]), latest);
      assert.match(html, /<div id="breaking-slot" class="breaking-slot"><\/div>/, 'an empty slot, no banner');
      assert.match(html, /<script type="module" src="\/assets\/live\.[0-9a-f]+\.js"><\/script>/);
    });

    it('keeps the banner to editors: reporters may not set or clear it, and nothing changes', async () => {
      const { client: reporter } = await signedIn(t.app, server, 'reporter');
      const latest = t.app.realtime.latestId();
      assert.equal((await reporter.request('GET', '/admin/breaking')).status, 403);
      const put = await reporter.api('PUT', '/admin/api/breaking', {
        text: 'Not allowed',
        link: 'https://example.org/',
      });
      assert.equal(put.status, 403);
      assert.equal(put.json().code, 'forbidden');
      const form = await reporter.request('POST', '/admin/breaking', {
        form: { _csrf: reporter.csrf, text: 'Not allowed', link: 'https://example.org/', expires: '' },
      });
      assert.equal(form.status, 403);
      assert.equal((await reporter.api('DELETE', '/admin/api/breaking')).status, 403);
      assert.equal(t.app.breaking.current(), null);
      assert.equal(t.app.realtime.latestId(), latest, 'no event was published');
      const admin = await reporter.request('GET', '/admin');
      assert.doesNotMatch(admin.body, /href="\/admin\/breaking"/, 'reporters do not see the menu item');
    });

    it('rejects bad banners with a clear 4xx and changes nothing', async () => {
      const { client: editor } = await signedIn(t.app, server, 'editor');
      const latest = t.app.realtime.latestId();
      const article = freshPages[0] ?? '';
      const cases: [Record<string, unknown>, RegExp][] = [
        [{ text: '   ', link: article }, /Write the breaking news line/],
        [{ text: 'x'.repeat(161), link: article }, /160 characters/],
        [{ text: 'Fine', link: '' }, /Link to one of our articles/],
        [{ text: 'Fine', link: 'javascript:alert(1)' }, /Link to one of our articles/],
        [{ text: 'Fine', link: 'http://example.org/story' }, /https/],
        [{ text: 'Fine', link: 'https://user:pw@example.org/' }, /Link to one of our articles/],
        [{ text: 'Fine', link: '//evil.example/' }, /Link to one of our articles/],
        [{ text: 'Fine', link: '/politics/no-such-story-here' }, /not a published article/],
        [{ text: 'Fine', link: article, expiresAt: 'tomorrow' }, /ISO 8601/],
        [
          { text: 'Fine', link: article, expiresAt: new Date(Date.now() - 60_000).toISOString() },
          /already passed/,
        ],
        [
          { text: 'Fine', link: article, expiresAt: new Date(Date.now() + 8 * 86_400_000).toISOString() },
          /7 days/,
        ],
      ];
      for (const [body, message] of cases) {
        const res = await editor.api('PUT', '/admin/api/breaking', body);
        assert.equal(res.status, 400, JSON.stringify(body));
        assert.equal(res.json().code, 'validation_failed');
        assert.match(String(res.json().message), message);
      }
      // The form keeps what was typed and says what is wrong.
      const form = await editor.request('POST', '/admin/breaking', {
        form: { _csrf: editor.csrf, text: 'Storm closes the bridge', link: 'ftp://example.org', expires: '' },
      });
      assert.equal(form.status, 400);
      assert.match(form.body, /role="alert"[^>]*>Link to one of our articles/);
      assert.match(form.body, /value="Storm closes the bridge"/);
      assert.match(form.body, /id="breaking-link"[^>]*aria-invalid="true"/, 'the link field is marked');
      assert.doesNotMatch(form.body, /id="breaking-text"[^>]*aria-invalid/, 'the line is not');
      const oddExpiry = await editor.request('POST', '/admin/breaking', {
        form: { _csrf: editor.csrf, text: 'Storm', link: article, expires: '7' },
      });
      assert.equal(oddExpiry.status, 400);
      // Without the CSRF token nothing happens either.
      const forged = await editor.request('POST', '/admin/breaking', {
        form: { text: 'Forged', link: article, expires: '' },
      });
      assert.equal(forged.status, 403);
      assert.equal(t.app.breaking.current(), null);
      assert.equal((await editor.api('GET', '/admin/api/breaking')).json().banner, null);
      assert.equal(t.app.realtime.latestId(), latest, 'no event was published');
    });

    it('puts a banner up on every page and pushes it to open pages; replaces it; takes it down', async () => {
      const { client: editor, user } = await signedIn(t.app, server, 'editor');
      const open = await sse('topics=site');
      const article = freshPages[0] ?? '';

      const set = await editor.request('POST', '/admin/breaking', {
        form: {
          _csrf: editor.csrf,
          text: 'Bridge closed  after\nstorm damage',
          link: `http://localhost:3000${article}`,
          expires: '',
        },
      });
      assert.equal(set.status, 303);
      assert.equal(set.headers.location, '/admin/breaking?done=set');
      const pushed = await open.waitFor((m) => m.type === 'banner');
      const banner = (pushed.data as { banner: BannerJson }).banner;
      assert.deepEqual(
        { ...banner, id: 0 },
        { id: 0, text: 'Bridge closed after storm damage', href: article, expiresAt: null },
      );

      const page = bannerIn(await freshPage());
      assert.deepEqual(page, {
        id: String(banner.id),
        text: 'Bridge closed after storm damage',
        href: article,
      });
      const adminPage = await editor.request('GET', '/admin/breaking?done=set');
      assert.match(adminPage.body, /The banner is up on every page/);
      assert.match(adminPage.body, /Bridge closed after storm damage/);
      assert.match(adminPage.body, new RegExp(`by ${user.name}`));

      // Replacing: an external https link with an expiry, through the JSON API.
      const expiresAt = new Date(Date.now() + 30 * 60_000).toISOString();
      const put = await editor.api('PUT', '/admin/api/breaking', {
        text: 'Bridge reopens to traffic',
        link: 'https://roads.example.org/bridge?from=broadsheet',
        expiresAt,
      });
      assert.equal(put.status, 200);
      const replaced = put.json<{ banner: BannerJson }>().banner;
      assert.ok(replaced.id > banner.id);
      await open.waitFor(
        (m) => m.type === 'banner' && (m.data as { banner: BannerJson }).banner?.id === replaced.id,
      );
      assert.deepEqual(bannerIn(await freshPage()), {
        id: String(replaced.id),
        text: 'Bridge reopens to traffic',
        href: 'https://roads.example.org/bridge?from=broadsheet',
      });
      const api = (await editor.api('GET', '/admin/api/breaking')).json<{
        banner: BannerJson;
        recent: { id: number; clearedReason: string | null }[];
      }>();
      assert.equal(api.banner.expiresAt, expiresAt);
      assert.equal(api.recent.find((r) => r.id === banner.id)?.clearedReason, 'replaced');

      const clear = await editor.request('POST', '/admin/breaking/clear', { form: { _csrf: editor.csrf } });
      assert.equal(clear.status, 303);
      assert.equal(clear.headers.location, '/admin/breaking?done=cleared');
      await open.waitFor((m) => m.type === 'banner' && (m.data as { banner: unknown }).banner === null);
      assert.equal(bannerIn(await freshPage()), undefined);
      assert.equal(t.app.breaking.current(), null);

      // Clearing again changes nothing and pushes nothing.
      const events = bannerEvents(open).length;
      const again = await editor.api('DELETE', '/admin/api/breaking');
      assert.deepEqual(again.json(), { cleared: false });
      assert.equal(bannerEvents(open).length, events);

      const trail = await t.app.users.auditTrail({ kind: 'system' }, null, 50);
      const actions = trail.map((entry) => entry.action);
      assert.ok(actions.filter((a) => a === 'breaking.set').length >= 2, 'setting is audited');
      assert.ok(actions.includes('breaking.clear'), 'clearing is audited');
    });

    it('takes the banner down at its expiry time through the durable job, and pushes that', async () => {
      const { client: editor } = await signedIn(t.app, server, 'editor');
      const open = await sse('topics=site');
      const set = await editor.request('POST', '/admin/breaking', {
        form: {
          _csrf: editor.csrf,
          text: 'Polls close in one hour',
          link: freshPages[0] ?? '',
          expires: '60',
        },
      });
      assert.equal(set.status, 303);
      const up = await open.waitFor((m) => m.type === 'banner');
      const banner = (up.data as { banner: BannerJson }).banner;
      assert.ok(banner.expiresAt, 'the banner carries its expiry, so open pages hide it on time too');
      assert.match(bannerIn(await freshPage())?.text ?? '', /Polls close/);
      const job = await t.app.jobs.pending('breaking.expire');
      assert.equal(job?.runAt.toISOString(), banner.expiresAt);

      assert.equal(await t.app.jobs.runDue(), 0, 'not due yet');
      offsetMs = 61 * 60_000;
      assert.equal(
        t.app.breaking.current(),
        null,
        'past its time no page renders it, even before the job runs',
      );
      await t.app.jobs.runDue();
      await open.waitFor((m) => m.type === 'banner' && (m.data as { banner: unknown }).banner === null);
      const recent = (await editor.api('GET', '/admin/api/breaking')).json<{
        banner: unknown;
        recent: { id: number; clearedReason: string | null }[];
      }>();
      assert.equal(recent.banner, null);
      assert.equal(recent.recent.find((r) => r.id === banner.id)?.clearedReason, 'expired');
      // The job is idempotent: running it again changes nothing.
      const count = bannerEvents(open).length;
      await t.app.breaking.expire(banner.id);
      assert.equal(bannerEvents(open).length, count);
      offsetMs = 0;
    });

    it('prunes events older than a day in an hourly job', async () => {
      const old = await t.app.realtime.publish('liveblog:90', 'entry', { n: 'old' });
      await t.app.realtime.schedulePrune();
      offsetMs = 25 * 3_600_000;
      const fresh = await t.app.realtime.publish('liveblog:90', 'entry', { n: 'fresh' });
      await t.app.jobs.runDue();
      const left = await t.app.realtime.since(['liveblog:90'], 0);
      assert.deepEqual(
        left.map((e) => e.id),
        [fresh.id],
        'the old event is gone, the fresh one kept',
      );
      assert.ok(old.id < fresh.id);
      const next = await t.app.jobs.recent({ statuses: ['pending'] }, 50);
      assert.ok(
        next.some((job) => job.kind === 'realtime.prune' && job.runAt.getTime() > Date.now() + offsetMs),
        'the next prune is scheduled',
      );
      offsetMs = 0;
    });
  });
}
