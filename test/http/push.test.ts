import assert from 'node:assert/strict';
import { createECDH, createPublicKey, type ECDH, randomBytes, verify } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../../src/config/config.ts';
import { demoArticles } from '../../src/demo/content/index.ts';
import { endpointProblem, type PushPayload } from '../../src/modules/push/index.ts';
import { systemActor } from '../../src/modules/users/index.ts';
import { AdminClient, signedIn } from '../helpers/admin-client.ts';
import { databaseKinds, startTestApp, type TestApp } from '../helpers/app.ts';
import { decodeEntities } from '../helpers/html.ts';

/** http_ece is the RFC 8188 library web-push encrypts with; here it decrypts as a browser would. */
const ece = createRequire(import.meta.url)('http_ece') as {
  decrypt(body: Buffer, params: { version: 'aes128gcm'; privateKey: ECDH; authSecret: Buffer }): Buffer;
};

const subject = 'mailto:alerts@example.org';
const found = demoArticles.find((a) => a.label === 'breaking');
if (!found) throw new Error('demo content has no breaking story');
const breakingStory = found;

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A push service on the loopback address: records every message and answers as each test scripts it. */
class FakePushService {
  readonly received: Received[] = [];
  /** Statuses to answer per path, in order; 201 once a path's list is used up. */
  readonly answers = new Map<string, number[]>();
  origin = '';
  private readonly server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '';
      this.received.push({ path, headers: request.headers, body: Buffer.concat(chunks) });
      response.writeHead(this.answers.get(path)?.shift() ?? 201).end();
    });
  });

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('no address');
    this.origin = `http://127.0.0.1:${address.port}`;
  }

  to(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** What a browser makes when a reader subscribes: its own P-256 key pair and auth secret. */
function browserSubscription(endpoint: string) {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return {
    ecdh,
    auth,
    json: {
      endpoint,
      expirationTime: null,
      keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') },
    },
  };
}
type BrowserSubscription = ReturnType<typeof browserSubscription>;

const decodeJson = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

/** Checks `Authorization: vapid t=<JWT>, k=<key>` as a push service does (RFC 8292). */
function assertVapid(header: string | undefined, expected: { publicKey: string; audience: string }): void {
  const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(header ?? '');
  assert.ok(match, `a VAPID authorization header, got ${header}`);
  const [, jwt = '', key = ''] = match;
  assert.equal(key, expected.publicKey, 'signed with the key readers subscribed with');
  const [head = '', claims = '', signature = ''] = jwt.split('.');
  const raw = Buffer.from(key, 'base64url');
  const publicKey = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: raw.subarray(1, 33).toString('base64url'),
      y: raw.subarray(33, 65).toString('base64url'),
    },
    format: 'jwk',
  });
  const valid = verify(
    'sha256',
    Buffer.from(`${head}.${claims}`),
    { key: publicKey, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  assert.ok(valid, 'the JWT signature verifies with the public key');
  assert.equal(decodeJson(head).alg, 'ES256');
  const body = decodeJson(claims) as { aud: string; exp: number; sub: string };
  assert.equal(body.aud, expected.audience, 'aud is the push service origin');
  assert.equal(body.sub, subject, 'sub is PUSH_SUBJECT');
  const seconds = Date.now() / 1000;
  assert.ok(body.exp > seconds && body.exp <= seconds + 86_400, 'exp is in the next 24 hours');
}

function decrypt(received: Received, browser: BrowserSubscription): PushPayload {
  assert.equal(received.headers['content-encoding'], 'aes128gcm');
  const plain = ece.decrypt(received.body, {
    version: 'aes128gcm',
    privateKey: browser.ecdh,
    authSecret: browser.auth,
  });
  return JSON.parse(plain.toString('utf8')) as PushPayload;
}

for (const kind of databaseKinds) {
  describe(`web push on ${kind}`, () => {
    let t: TestApp;
    let now = new Date();
    const fake = new FakePushService();
    let addressCounter = 0;

    before(async () => {
      await fake.start();
      t = await startTestApp(kind, {
        clock: () => now,
        env: { PUSH_ALLOW_LOOPBACK: 'true', PUSH_SUBJECT: subject },
      });
    });
    after(async () => {
      await t?.close();
      await fake.stop();
    });

    const rows = async <T>(query: ReturnType<typeof sql>) =>
      ((await t.app.database.db.execute(query)) as unknown as { rows: T[] }).rows;
    const subscriptionCount = async () =>
      Number((await rows<{ n: number }>(sql`select count(*)::int as n from push_subscriptions`))[0]?.n);
    const notificationCount = async () =>
      Number((await rows<{ n: number }>(sql`select count(*)::int as n from push_notifications`))[0]?.n);

    /** A reader's browser: its own address (the rate limit is per address), cookies, and the push token. */
    async function reader() {
      const client = new AdminClient(t.server);
      const address = `198.51.100.${++addressCounter}`;
      const key = await client.request('GET', '/push/key', { headers: { 'x-forwarded-for': address } });
      assert.equal(key.status, 200);
      const { publicKey, token } = key.json<{ publicKey: string; token: string }>();
      const send = (method: 'POST' | 'DELETE', body: unknown, headers: Record<string, string> = {}) =>
        client.request(method, '/push/subscriptions', {
          json: body,
          headers: {
            'x-forwarded-for': address,
            'x-push-token': token,
            'sec-fetch-site': 'same-origin',
            ...headers,
          },
        });
      return { client, address, publicKey, token, send, keyAnswer: key };
    }

    async function storyId(): Promise<number> {
      const page = await t.app.articles.articlePage(
        { requestId: 't', now },
        breakingStory.section,
        breakingStory.slug,
      );
      return page.article.id;
    }

    it('serves one VAPID public key, kept in the database, with a double-submit token', async () => {
      const first = await reader();
      const raw = Buffer.from(first.publicKey, 'base64url');
      assert.equal(raw.length, 65);
      assert.equal(raw[0], 0x04, 'an uncompressed P-256 point');
      const cookie = String(first.keyAnswer.headers['set-cookie']);
      assert.match(cookie, /^bs_push=[\w-]{32}; Path=\/push; HttpOnly; SameSite=Strict$/);
      assert.equal(first.keyAnswer.headers['cache-control'], 'no-store');
      const second = await reader();
      assert.equal(second.publicKey, first.publicKey, 'generated once');
      assert.notEqual(second.token, first.token, 'each browser its own token');
      const [stored] = await rows<{ value: { publicKey: string; privateKey: string } }>(
        sql`select value from settings where key = 'push.vapid'`,
      );
      assert.equal(stored?.value.publicKey, first.publicKey, 'stored, so restarts and instances share it');
      assert.equal(Buffer.from(stored?.value.privateKey ?? '', 'base64url').length, 32);
    });

    it('subscribes and unsubscribes a browser, once per endpoint', async () => {
      const browser = await reader();
      const before = await subscriptionCount();
      const sub = browserSubscription(`${fake.origin}/s/lifecycle`);
      assert.equal((await browser.send('POST', sub.json)).status, 201);
      assert.equal((await browser.send('POST', sub.json)).status, 201, 'subscribing again is fine');
      assert.equal(await subscriptionCount(), before + 1, 'one row per endpoint');
      const [row] = await rows<{ p256dh: string; auth: string; failure_count: number }>(
        sql`select p256dh, auth, failure_count from push_subscriptions where endpoint = ${sub.json.endpoint}`,
      );
      assert.equal(row?.p256dh, sub.json.keys.p256dh);
      assert.equal(row?.auth, sub.json.keys.auth);
      assert.equal(row?.failure_count, 0);
      const gone = await browser.send('DELETE', { endpoint: sub.json.endpoint });
      assert.equal(gone.status, 204);
      assert.equal(await subscriptionCount(), before);
      assert.equal((await browser.send('DELETE', { endpoint: sub.json.endpoint })).status, 204, 'idempotent');
    });

    it('refuses bad subscriptions with a 4xx and a stable code, changing nothing', async () => {
      const browser = await reader();
      const good = browserSubscription(`${fake.origin}/s/never`).json;
      const before = await subscriptionCount();
      const offCurve = Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 1)]).toString('base64url');
      const cases: { what: string; body: unknown; status: number; code: string }[] = [
        { what: 'no body', body: {}, status: 400, code: 'validation_failed' },
        { what: 'not a URL', body: { ...good, endpoint: 'push me' }, status: 400, code: 'validation_failed' },
        {
          what: 'plain http elsewhere',
          body: { ...good, endpoint: 'http://fcm.googleapis.com/fcm/send/x' },
          status: 400,
          code: 'validation_failed',
        },
        {
          what: 'an unknown host',
          body: { ...good, endpoint: 'https://collector.example.com/x' },
          status: 400,
          code: 'validation_failed',
        },
        {
          what: 'a private address',
          body: { ...good, endpoint: 'https://10.0.0.8/push' },
          status: 400,
          code: 'validation_failed',
        },
        {
          what: 'loopback by name',
          body: { ...good, endpoint: 'http://localhost:9/x' },
          status: 400,
          code: 'validation_failed',
        },
        {
          what: 'a very long endpoint',
          body: { ...good, endpoint: `https://fcm.googleapis.com/fcm/send/${'a'.repeat(2100)}` },
          status: 400,
          code: 'validation_failed',
        },
        {
          what: 'a short p256dh',
          body: { ...good, keys: { ...good.keys, p256dh: good.keys.p256dh.slice(0, 40) } },
          status: 400,
          code: 'validation_failed',
        },
        {
          what: 'a p256dh off the curve',
          body: { ...good, keys: { ...good.keys, p256dh: offCurve } },
          status: 400,
          code: 'validation_failed',
        },
        {
          what: 'an auth secret of the wrong size',
          body: { ...good, keys: { ...good.keys, auth: randomBytes(12).toString('base64url') } },
          status: 400,
          code: 'validation_failed',
        },
        {
          what: 'keys that are not base64url',
          body: { ...good, keys: { ...good.keys, auth: '<script>alert(1)</script>' } },
          status: 400,
          code: 'validation_failed',
        },
        { what: 'no keys', body: { endpoint: good.endpoint }, status: 400, code: 'validation_failed' },
      ];
      for (const c of cases) {
        const res = await browser.send('POST', c.body);
        assert.equal(res.status, c.status, c.what);
        assert.equal(res.json().code, c.code, c.what);
        assert.equal(typeof res.json().message, 'string', c.what);
      }
      const raw = async (payload: string, contentType: string) =>
        browser.client.request('POST', '/push/subscriptions', {
          payload,
          headers: {
            'content-type': contentType,
            'x-push-token': browser.token,
            'x-forwarded-for': browser.address,
          },
        });
      const notJson = await raw('endpoint=x', 'application/x-www-form-urlencoded');
      assert.equal(notJson.status, 415);
      assert.equal(notJson.json().code, 'unsupported_media');
      const broken = await raw('{"endpoint":', 'application/json');
      assert.equal(broken.status, 400);
      assert.equal(broken.json().code, 'bad_request');
      const huge = await raw(JSON.stringify({ ...good, padding: 'x'.repeat(5000) }), 'application/json');
      assert.equal(huge.status, 413);
      assert.equal(huge.json().code, 'too_large');
      assert.equal(await subscriptionCount(), before, 'nothing was stored');
    });

    it('accepts only requests from our own pages (double-submit token, Sec-Fetch-Site)', async () => {
      const browser = await reader();
      const sub = browserSubscription(`${fake.origin}/s/csrf`).json;
      const before = await subscriptionCount();
      const attempts: Record<string, string>[] = [
        { 'x-push-token': '' },
        { 'x-push-token': 'A'.repeat(32) },
        { 'sec-fetch-site': 'cross-site' },
        { 'sec-fetch-site': 'same-site' },
      ];
      for (const headers of attempts) {
        const res = await browser.send('POST', sub, headers);
        assert.equal(res.status, 403, JSON.stringify(headers));
        assert.equal(res.json().code, 'csrf');
      }
      // The right token without its cookie (another browser's token, replayed) is refused too.
      const stranger = await t.server.inject({
        method: 'POST',
        url: '/push/subscriptions',
        headers: { 'content-type': 'application/json', 'x-push-token': browser.token },
        payload: JSON.stringify(sub),
      });
      assert.equal(stranger.statusCode, 403);
      assert.equal(await subscriptionCount(), before);
      const unsubscribe = await browser.send('DELETE', { endpoint: sub.endpoint }, { 'x-push-token': '' });
      assert.equal(unsubscribe.status, 403);
    });

    it('rate-limits subscription changes per address', async () => {
      const browser = await reader();
      const statuses: number[] = [];
      for (let i = 0; i < 21; i++) {
        statuses.push((await browser.send('DELETE', { endpoint: `${fake.origin}/s/none-${i}` })).status);
      }
      assert.deepEqual(statuses.slice(0, 20), Array(20).fill(204));
      assert.equal(statuses[20], 429);
      const other = await reader();
      assert.equal((await other.send('DELETE', { endpoint: `${fake.origin}/s/none` })).status, 204);
    });

    it('serves the service worker at /sw.js, uncached by intermediaries, within the CSP', async () => {
      const res = await t.server.inject({ method: 'GET', url: '/sw.js' });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/javascript/);
      assert.equal(res.headers['cache-control'], 'no-cache');
      assert.equal(res.headers['service-worker-allowed'], undefined, 'served from the root: not needed');
      assert.match(res.body, /showNotification/);
      assert.match(res.body, /notificationclick/);
      const csp = String(res.headers['content-security-policy']);
      // worker-src falls back to script-src, then default-src: both 'self'.
      assert.match(csp, /script-src 'self'/);
      assert.doesNotMatch(csp, /worker-src (?!'self')/);
    });

    it('shows the opt-in on reader pages, hidden until the island reveals it', async () => {
      const res = await t.server.inject({ method: 'GET', url: '/' });
      assert.equal(res.statusCode, 200);
      const optIn = /<div class="push-optin" data-push-optin="true" hidden>[\s\S]*?<\/div>/.exec(
        res.body,
      )?.[0];
      assert.ok(optIn, 'the opt-in is rendered with the hidden attribute');
      assert.match(optIn, /<button type="button" class="push-optin-button" data-push-button="true">/);
      assert.match(optIn, /<script type="module" src="\/assets\/push-optin\.[0-9a-f]{12}\.js">/);
    });

    it('lets editors, not reporters or contributors, push a published story', async () => {
      const id = await storyId();
      const before = await notificationCount();
      for (const role of ['reporter', 'contributor'] as const) {
        const { client } = await signedIn(t.app, t.server, role);
        assert.equal((await client.request('GET', `/admin/articles/${id}/push`)).status, 403, role);
        const post = await client.request('POST', `/admin/articles/${id}/push`, {
          form: { _csrf: client.csrf, title: 'Nope', body: '', requestKey: 'r'.repeat(24) },
        });
        assert.equal(post.status, 403, role);
        const editor = await client.request('GET', `/admin/articles/${id}`);
        assert.doesNotMatch(editor.body, /Send push notification/, `${role} is not offered the button`);
      }
      assert.equal(await notificationCount(), before, 'nothing queued');
      const { client } = await signedIn(t.app, t.server, 'editor');
      const editorPage = await client.request('GET', `/admin/articles/${id}`);
      assert.match(editorPage.body, /Breaking story\./, 'a Breaking story offers the push prominently');
      assert.match(editorPage.body, new RegExp(`href="/admin/articles/${id}/push"`));
      // A draft cannot be pushed.
      const draft = await client.request('POST', '/admin/articles', { form: { _csrf: client.csrf } });
      const draftId = Number(/\/admin\/articles\/(\d+)/.exec(String(draft.headers.location))?.[1]);
      const refused = await client.request('GET', `/admin/articles/${draftId}/push`);
      assert.equal(refused.status, 409);
      assert.match(refused.body, /Only a published story can be pushed/);
      const noCsrf = await client.request('POST', `/admin/articles/${id}/push`, {
        form: { title: 'No token', body: '', requestKey: 'q'.repeat(24) },
      });
      assert.equal(noCsrf.status, 403);
      assert.equal(await notificationCount(), before, 'still nothing queued');
    });

    it('refuses alert text that does not fit, keeping what was typed', async () => {
      const id = await storyId();
      const { client } = await signedIn(t.app, t.server, 'editor');
      const before = await notificationCount();
      const long = 'Very long title '.repeat(10);
      const res = await client.request('POST', `/admin/articles/${id}/push`, {
        form: { _csrf: client.csrf, title: long, body: 'Text', requestKey: 'k'.repeat(24) },
      });
      assert.equal(res.status, 400);
      assert.match(res.body, /The title can have at most 80 characters/);
      assert.ok(decodeEntities(res.body).includes(long.trim()), 'the typed title comes back');
      const empty = await client.request('POST', `/admin/articles/${id}/push`, {
        form: { _csrf: client.csrf, title: '   ', body: 'Text', requestKey: 'k'.repeat(24) },
      });
      assert.equal(empty.status, 400);
      assert.match(empty.body, /Give the alert a title/);
      assert.equal(await notificationCount(), before);
    });

    it('sends an encrypted, VAPID-signed push; drops gone browsers; retries transient failures once each', async () => {
      await t.app.database.db.execute(sql`delete from push_subscriptions`);
      fake.received.length = 0;
      const browsers = new Map<string, BrowserSubscription>();
      for (const name of ['ok-1', 'ok-2', 'gone', 'flaky']) {
        const browser = await reader();
        const sub = browserSubscription(`${fake.origin}/s/${name}`);
        assert.equal((await browser.send('POST', sub.json)).status, 201);
        browsers.set(name, sub);
      }
      const { publicKey } = await reader();
      fake.answers.set('/s/gone', [410]);
      fake.answers.set('/s/flaky', [500]);

      const id = await storyId();
      const { client, user } = await signedIn(t.app, t.server, 'editor');
      const page = await client.request('GET', `/admin/articles/${id}/push`);
      assert.equal(page.status, 200);
      assert.match(page.body, /Send to 4 subscribers/);
      const requestKey = /name="requestKey" value="([\w-]+)"/.exec(page.body)?.[1] ?? '';
      const form = {
        _csrf: client.csrf,
        title: 'Markets fall sharply at the open',
        body: 'Shares dropped in the first minutes of trading.\nMore soon.',
        requestKey,
      };
      const sent = await client.request('POST', `/admin/articles/${id}/push`, { form });
      assert.equal(sent.status, 303);
      const location = String(sent.headers.location);
      const pushId = Number(/sent=(\d+)/.exec(location)?.[1]);
      assert.ok(pushId > 0);
      const again = await client.request('POST', `/admin/articles/${id}/push`, { form });
      assert.equal(again.headers.location, location, 'a double-click makes one push');
      assert.equal(
        Number(
          (
            await rows<{ n: number }>(
              sql`select count(*)::int as n from push_notifications where request_key = ${requestKey}`,
            )
          )[0]?.n,
        ),
        1,
      );
      assert.equal(fake.received.length, 0, 'sending happens in the job, not in the request');

      // First attempt: three answers are final, the 500 is retried later.
      await t.app.jobs.runDue();
      assert.equal(fake.received.length, 4);
      const url = `${t.app.config.siteUrl}/${breakingStory.section}/${breakingStory.slug}`;
      for (const [name, browser] of browsers) {
        const [message] = fake.to(`/s/${name}`);
        assert.ok(message, `${name} got a message`);
        assertVapid(message.headers.authorization, { publicKey, audience: fake.origin });
        assert.equal(message.headers.ttl, '7200');
        assert.equal(message.headers.urgency, 'high');
        assert.equal(message.headers.topic, 'breaking');
        const payload = decrypt(message, browser);
        assert.equal(payload.title, form.title);
        assert.equal(payload.body, form.body);
        assert.equal(payload.url, url);
        assert.equal(payload.icon, `${t.app.config.siteUrl}/brand/icon-144.png`);
        assert.equal(payload.tag, `push-${pushId}`);
      }
      const [gone] = await rows(
        sql`select id from push_subscriptions where endpoint = ${`${fake.origin}/s/gone`}`,
      );
      assert.equal(gone, undefined, 'a 410 removes the subscription');
      const [pending] = await t.app.jobs.recent({ dedupeKey: `push:${pushId}` }, 1);
      assert.equal(pending?.status, 'pending', 'retried later');
      assert.match(pending?.lastError ?? '', /1 push deliveries failed for now/);
      const midway = await client.request('GET', location);
      assert.match(midway.body, /Sending/);
      assert.match(midway.body, /2 delivered · 0 failed · 1 expired subscription removed/);

      // The retry sends only to the browser that failed.
      assert.equal(await t.app.jobs.runDue(), 0, 'not before its backoff');
      now = new Date(now.getTime() + 11_000);
      assert.equal(await t.app.jobs.runDue(), 1);
      assert.equal(fake.to('/s/flaky').length, 2);
      assert.equal(fake.to('/s/ok-1').length, 1, 'never twice to the same browser');
      assert.equal(fake.to('/s/ok-2').length, 1);
      assert.equal(fake.to('/s/gone').length, 1);
      const [record] = await rows<{
        status: string;
        recipients: number;
        delivered: number;
        failed: number;
        removed: number;
        sent_by: number;
      }>(
        sql`select status, recipients, delivered, failed, removed, sent_by from push_notifications where id = ${pushId}`,
      );
      assert.deepEqual(
        { ...record },
        { status: 'done', recipients: 4, delivered: 3, failed: 0, removed: 1, sent_by: user.id },
      );
      const [flaky] = await rows<{ last_success_at: Date | null; failure_count: number }>(
        sql`select last_success_at, failure_count from push_subscriptions where endpoint = ${`${fake.origin}/s/flaky`}`,
      );
      assert.ok(flaky?.last_success_at, 'success recorded');
      assert.equal(flaky.failure_count, 0);
      const done = await client.request('GET', location);
      assert.match(done.body, /Sent/);
      assert.match(done.body, /3 delivered · 0 failed · 1 expired subscription removed/);
      assert.match(done.body, new RegExp(`by ${user.name}`));
      assert.match(done.body, /This story was already pushed/);
      const audit = await rows<{ action: string; details: string }>(
        sql`select action, details from audit_log where article_id = ${id} and action like 'push.%' order by id`,
      );
      assert.deepEqual(
        audit.map((a) => a.action),
        ['push.send', 'push.done'],
      );
      assert.match(audit[1]?.details ?? '', /3 delivered, 0 failed, 1 expired/);
      // Running the job again (a duplicate worker) sends nothing.
      await t.app.push.deliver(pushId, { attempts: 3, maxAttempts: 5 });
      assert.equal(fake.received.length, 5);
    });

    it('counts deliveries still failing on the last attempt as failed, and stops', async () => {
      await t.app.database.db.execute(sql`delete from push_subscriptions`);
      fake.received.length = 0;
      const browser = await reader();
      const sub = browserSubscription(`${fake.origin}/s/down`);
      assert.equal((await browser.send('POST', sub.json)).status, 201);
      fake.answers.set('/s/down', [503, 503, 503, 503, 503]);
      const id = await storyId();
      const { client } = await signedIn(t.app, t.server, 'editor');
      const page = await client.request('GET', `/admin/articles/${id}/push`);
      const requestKey = /name="requestKey" value="([\w-]+)"/.exec(page.body)?.[1] ?? '';
      const sent = await client.request('POST', `/admin/articles/${id}/push`, {
        form: { _csrf: client.csrf, title: 'Second alert', body: '', requestKey },
      });
      const pushId = Number(/sent=(\d+)/.exec(String(sent.headers.location))?.[1]);
      for (let attempt = 1; attempt <= 5; attempt++) {
        await t.app.jobs.runDue();
        now = new Date(now.getTime() + 100_000);
      }
      assert.equal(fake.to('/s/down').length, 5, 'five attempts, then it stops');
      const [record] = await rows<{ status: string; delivered: number; failed: number }>(
        sql`select status, delivered, failed from push_notifications where id = ${pushId}`,
      );
      assert.deepEqual({ ...record }, { status: 'done', delivered: 0, failed: 1 });
      const [row] = await rows<{ failure_count: number }>(
        sql`select failure_count from push_subscriptions where endpoint = ${sub.json.endpoint}`,
      );
      assert.equal(row?.failure_count, 1, 'one failed push counted against the browser');
      assert.equal(await t.app.jobs.runDue(), 0);
    });

    // Last in this suite: it takes the demo story down.
    it('does not push a story that was unpublished before the job ran', async () => {
      fake.received.length = 0;
      const browser = await reader();
      assert.equal(
        (await browser.send('POST', browserSubscription(`${fake.origin}/s/late`).json)).status,
        201,
      );
      const id = await storyId();
      const { client } = await signedIn(t.app, t.server, 'editor');
      const page = await client.request('GET', `/admin/articles/${id}/push`);
      const requestKey = /name="requestKey" value="([\w-]+)"/.exec(page.body)?.[1] ?? '';
      const sent = await client.request('POST', `/admin/articles/${id}/push`, {
        form: { _csrf: client.csrf, title: 'Pulled story', body: '', requestKey },
      });
      const pushId = Number(/sent=(\d+)/.exec(String(sent.headers.location))?.[1]);
      const article = await t.app.editorial.get(systemActor, id);
      await t.app.editorial.unpublish(systemActor, id, article.version);
      await t.app.jobs.runDue();
      assert.equal(fake.received.length, 0, 'nothing was sent');
      const [record] = await rows<{ status: string }>(
        sql`select status from push_notifications where id = ${pushId}`,
      );
      assert.equal(record?.status, 'cancelled');
      const [audit] = await rows<{ details: string }>(
        sql`select details from audit_log where action = 'push.cancelled' and article_id = ${id}`,
      );
      assert.match(audit?.details ?? '', /no longer published/);
    });
  });
}

describe('push configuration', () => {
  it('allows loopback http endpoints only when a test/dev setting says so, never in production', () => {
    const policy = { serviceHosts: ['fcm.googleapis.com'], allowLoopback: false };
    assert.match(endpointProblem('http://127.0.0.1:9000/s/1', policy) ?? '', /https/);
    assert.equal(endpointProblem('http://127.0.0.1:9000/s/1', { ...policy, allowLoopback: true }), undefined);
    assert.equal(endpointProblem('https://fcm.googleapis.com/fcm/send/abc', policy), undefined);
    assert.ok(endpointProblem('https://fcm.googleapis.com.evil.example/x', policy));
    assert.ok(endpointProblem('https://user:pw@fcm.googleapis.com/x', policy));
    assert.throws(
      () => loadConfig({ PUSH_ALLOW_LOOPBACK: 'true', NODE_ENV: 'production' }),
      /PUSH_ALLOW_LOOPBACK is for tests and development/,
    );
    assert.equal(loadConfig({}).push.allowLoopback, false);
  });

  it('takes the VAPID subject from PUSH_SUBJECT, else MAIL_FROM, and can be switched off', () => {
    assert.equal(loadConfig({}).push.subject, 'mailto:newsroom@localhost');
    assert.equal(
      loadConfig({ MAIL_FROM: 'Desk <desk@example.org>' }).push.subject,
      'mailto:desk@example.org',
    );
    assert.equal(
      loadConfig({ PUSH_SUBJECT: 'https://example.org/contact' }).push.subject,
      'https://example.org/contact',
    );
    assert.throws(() => loadConfig({ PUSH_SUBJECT: 'http://example.org' }), /PUSH_SUBJECT/);
    assert.equal(loadConfig({}).push.enabled, true);
    assert.equal(loadConfig({ PUSH_NOTIFICATIONS: 'off' }).push.enabled, false);
  });
});

describe('push switched off', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp('pglite', { env: { PUSH_NOTIFICATIONS: 'off' } });
  });
  after(async () => {
    await t?.close();
  });

  it('offers no opt-in and refuses subscriptions and sending', async () => {
    const home = await t.server.inject({ method: 'GET', url: '/' });
    assert.doesNotMatch(home.body, /data-push-optin/);
    const key = await t.server.inject({ method: 'GET', url: '/push/key' });
    assert.equal(key.statusCode, 404);
    assert.equal(key.json().code, 'not_found');
    const { client } = await signedIn(t.app, t.server, 'editor');
    const page = await client.request('GET', '/admin/articles/1/push');
    assert.equal(page.status, 404);
    assert.match(page.body, /switched off/);
  });
});
