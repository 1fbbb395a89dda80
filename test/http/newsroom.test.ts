import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { demoArticles } from '../../src/demo/content/index.ts';
import { AdminClient, signedIn } from '../helpers/admin-client.ts';
import { databaseKinds, startTestApp, type TestApp } from '../helpers/app.ts';
import { decodeEntities, jsonLdBlocks } from '../helpers/html.ts';

interface EditorArticle {
  id: number;
  version: number;
  status: string;
  slug: string;
  url: string | null;
  permissions: Record<string, boolean>;
  [key: string]: unknown;
}

const found = demoArticles.find((a) => a.section === 'politics' && a.homePosition === undefined);
if (!found) throw new Error('demo content missing');
const target = found;

function draftFields(
  article: EditorArticle,
  authorId: number,
  readMoreId: number,
  mediaId: number,
  slug: string,
) {
  return {
    version: article.version,
    headline: 'Harbour town votes to rebuild its sea wall',
    standfirst: 'Residents backed a ten-year plan after two winters of flooding.',
    label: 'exclusive',
    sectionId: article.sectionId,
    tags: ['Flooding', 'Local government'],
    authorIds: [authorId],
    leadMediaId: mediaId,
    slug,
    seoTitle: '',
    seoDescription: '',
    socialTitle: '',
    socialDescription: '',
    embargoUntil: null,
    body: [
      {
        type: 'paragraph',
        content: [{ text: 'The council approved the plan by a wide margin on Tuesday night.' }],
      },
      { type: 'readMore', articleId: readMoreId },
      { type: 'paragraph', content: [{ text: 'Work is due to begin in the spring.' }] },
    ],
  };
}

async function pngBytes(width = 800, height = 450): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 30, g: 90, b: 160 } } })
    .png()
    .toBuffer();
}

function multipart(fields: Record<string, string>, file: { name: string; type: string; data: Buffer }) {
  const boundary = `----broadsheet${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
  );
  parts.push(file.data, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

for (const kind of databaseKinds) {
  describe(`newsroom on ${kind}`, () => {
    let t: TestApp;
    let now = new Date();
    const links: string[] = [];
    before(async () => {
      t = await startTestApp(kind, {
        clock: () => now,
        logLink: (m) => links.push(m),
        env: { MAX_UPLOAD_MB: '0.5' },
      });
    });
    after(async () => {
      await t?.close();
    });

    async function ids() {
      const lead = await t.app.articles.articlePage({ requestId: 't', now }, target.section, target.slug);
      const author = await t.app.authors.getBySlug(target.authors[0] ?? '');
      return { readMoreId: lead.article.id, mediaId: lead.article.image?.id ?? 0, authorId: author.id };
    }

    it('offers a one-time setup link only while there are no accounts, and it works once', async () => {
      const link = await t.app.users.firstRunSetupLink();
      assert.ok(link, 'a fresh newsroom has a setup link');
      const url = new URL(link).pathname;
      const client = new AdminClient(t.server);
      const res = await client.submitForm(url, {
        name: 'Ada Editor',
        email: 'ada@example.org',
        password: 'a long enough password',
      });
      assert.equal(res.status, 303);
      assert.ok(client.cookie('bs_session'));
      await client.refreshCsrf();
      assert.ok(client.csrf);
      const again = new AdminClient(t.server);
      assert.equal((await again.request('GET', url)).status, 404);
      const replay = await again.submitForm('/admin/sign-in', {});
      assert.equal(replay.status, 401);
      const token =
        /name="_csrf" value="([^"]+)"/.exec((await again.request('GET', '/admin/sign-in')).body)?.[1] ?? '';
      const reuse = await again.request('POST', url, {
        form: { _csrf: token, name: 'Eve', email: 'eve@example.org', password: 'another long password' },
      });
      assert.equal(reuse.status, 404);
      assert.match(reuse.body, /expired/);
      assert.equal(await t.app.users.firstRunSetupLink(), undefined);
    });

    it('signs in with argon2id, rotates the session, and signs out', async () => {
      const { client, email, password } = await signedIn(t.app, t.server, 'reporter');
      // A session id planted before sign-in (session fixation) is replaced, never adopted.
      const victim = new AdminClient(t.server);
      victim.setCookie('bs_session', 'planted-by-an-attacker');
      assert.equal((await victim.signIn(email, password)).status, 303);
      const issued = victim.cookie('bs_session');
      assert.ok(issued && issued !== 'planted-by-an-attacker');
      assert.notEqual(issued, client.cookie('bs_session'), 'every sign-in gets its own session');
      const cookieLine = String(
        (await new AdminClient(t.server).submitForm('/admin/sign-in', { email, password })).headers[
          'set-cookie'
        ],
      );
      assert.match(cookieLine, /bs_session=[^;]+; Max-Age=\d+; Path=\/admin; HttpOnly; SameSite=Lax/);
      const [row] = (
        (await t.app.database.db.execute(
          sql`select password_hash from users where email = ${email}`,
        )) as unknown as { rows: { password_hash: string }[] }
      ).rows;
      assert.match(row?.password_hash ?? '', /^\$argon2id\$/);
      const out = await client.request('POST', '/admin/sign-out', { form: { _csrf: client.csrf } });
      assert.equal(out.status, 303);
      assert.equal((await client.request('GET', '/admin')).status, 303);
    });

    it('refuses wrong passwords and rate-limits guessing per account', async () => {
      const { email } = await signedIn(t.app, t.server, 'contributor');
      const client = new AdminClient(t.server);
      for (let i = 0; i < 5; i++) {
        const res = await client.submitForm('/admin/sign-in', { email, password: `wrong guess ${i}` });
        assert.equal(res.status, 401);
        assert.match(res.body, /do not match an account/);
      }
      const blocked = await client.submitForm('/admin/sign-in', {
        email,
        password: 'correct horse battery staple',
      });
      assert.equal(blocked.status, 429);
      assert.match(blocked.body, /Too many failed sign-ins/);
    });

    it('signs out everywhere', async () => {
      const { client, email, password } = await signedIn(t.app, t.server, 'reporter');
      const other = new AdminClient(t.server);
      await other.signIn(email, password);
      await client.request('POST', '/admin/sign-out-everywhere', { form: { _csrf: client.csrf } });
      assert.equal((await other.request('GET', '/admin')).status, 303);
    });

    it('ends idle and expired sessions', async () => {
      const { client } = await signedIn(t.app, t.server, 'reporter');
      assert.equal((await client.request('GET', '/admin')).status, 200);
      const real = now;
      now = new Date(real.getTime() + 4 * 86_400_000);
      try {
        assert.equal((await client.request('GET', '/admin')).status, 303);
        assert.equal((await client.api('GET', '/admin/api/authors')).status, 401);
      } finally {
        now = real;
      }
    });

    it('rejects state changes without the CSRF token, changing nothing', async () => {
      const { client } = await signedIn(t.app, t.server, 'editor');
      const res = await client.request('POST', '/admin/articles', { form: {} });
      assert.equal(res.status, 403);
      const api = await client.request('PUT', '/admin/api/articles/1', { json: { version: 1 } });
      assert.equal(api.status, 403);
      assert.equal(api.json().code, 'csrf');
      const forged = await client.request('POST', '/admin/articles', { form: { _csrf: 'x'.repeat(43) } });
      assert.equal(forged.status, 403);
      const login = await new AdminClient(t.server).request('POST', '/admin/sign-in', {
        form: { email: 'a@b.c', password: 'x' },
      });
      assert.equal(login.status, 403);
    });

    it('takes an article from draft through review to publication, and refuses a contributor publishing', async () => {
      const contributor = await signedIn(t.app, t.server, 'contributor');
      const editor = await signedIn(t.app, t.server, 'editor');
      const { readMoreId, mediaId, authorId } = await ids();
      const created = await contributor.client.request('POST', '/admin/articles', {
        form: { _csrf: contributor.client.csrf },
      });
      assert.equal(created.status, 303);
      const id = Number(/\/admin\/articles\/(\d+)/.exec(String(created.headers.location))?.[1]);
      let article = (await contributor.client.api('GET', `/admin/api/articles/${id}`)).json<EditorArticle>();
      assert.equal(article.status, 'draft');
      assert.equal(article.permissions.canPublish, false);
      const saved = await contributor.client.api(
        'PUT',
        `/admin/api/articles/${id}`,
        draftFields(article, authorId, readMoreId, mediaId, `sea-wall-${kind}`),
      );
      assert.equal(saved.status, 200, saved.body);
      const version = saved.json<{ version: number }>().version;
      const refused = await contributor.client.api('POST', `/admin/api/articles/${id}/publish`, { version });
      assert.equal(refused.status, 403);
      assert.equal(refused.json().code, 'forbidden');
      const submitted = await contributor.client.api('POST', `/admin/api/articles/${id}/submit`, { version });
      assert.equal(submitted.json<EditorArticle>().status, 'in_review');
      article = (await editor.client.api('GET', `/admin/api/articles/${id}`)).json<EditorArticle>();
      const published = await editor.client.api('POST', `/admin/api/articles/${id}/publish`, {
        version: article.version,
      });
      assert.equal(published.status, 200, published.body);
      const live = published.json<EditorArticle>();
      assert.equal(live.status, 'published');
      const page = await t.server.inject({ url: String(live.url) });
      assert.equal(page.statusCode, 200);
      assert.match(decodeEntities(page.body), /Harbour town votes to rebuild its sea wall/);
      assert.match(page.body, /<strong>Read more:<\/strong>/);
      for (const url of ['/', '/latest', '/politics', `/author/${target.authors[0]}`, '/tag/flooding']) {
        const listing = await t.server.inject({ url });
        assert.match(decodeEntities(listing.body), /Harbour town votes to rebuild its sea wall/, url);
      }
      const trail = await t.app.users.auditTrail({ kind: 'system' }, id);
      assert.deepEqual(
        trail
          .map((e) => e.action)
          .reverse()
          .slice(0, 4),
        ['article.create', 'article.save', 'article.in_review', 'article.publish'],
      );
    });

    it('answers a stale save with 409 and never overwrites', async () => {
      const a = await signedIn(t.app, t.server, 'editor');
      const b = await signedIn(t.app, t.server, 'editor');
      const { readMoreId, mediaId, authorId } = await ids();
      const created = await a.client.request('POST', '/admin/articles', { form: { _csrf: a.client.csrf } });
      const id = Number(/(\d+)$/.exec(String(created.headers.location))?.[1]);
      const loaded = (await a.client.api('GET', `/admin/api/articles/${id}`)).json<EditorArticle>();
      const first = await a.client.api(
        'PUT',
        `/admin/api/articles/${id}`,
        draftFields(loaded, authorId, readMoreId, mediaId, `stale-${kind}`),
      );
      assert.equal(first.status, 200);
      const second = await b.client.api('PUT', `/admin/api/articles/${id}`, {
        ...draftFields(loaded, authorId, readMoreId, mediaId, `stale-${kind}`),
        headline: 'Overwritten?',
      });
      assert.equal(second.status, 409);
      assert.match(second.json<{ message: string }>().message, /Someone else saved this article/);
      const after = (await a.client.api('GET', `/admin/api/articles/${id}`)).json<EditorArticle>();
      assert.equal(after.headline, 'Harbour town votes to rebuild its sea wall');
    });

    it('warns when someone else has the article open', async () => {
      const a = await signedIn(t.app, t.server, 'editor');
      const b = await signedIn(t.app, t.server, 'editor');
      const created = await a.client.request('POST', '/admin/articles', { form: { _csrf: a.client.csrf } });
      const id = Number(/(\d+)$/.exec(String(created.headers.location))?.[1]);
      assert.deepEqual((await a.client.api('POST', `/admin/api/articles/${id}/presence`)).json(), {
        others: [],
      });
      const seen = (await b.client.api('POST', `/admin/api/articles/${id}/presence`)).json<{
        others: { name: string }[];
      }>();
      assert.deepEqual(
        seen.others.map((o) => o.name),
        [a.user.name],
      );
      const real = now;
      now = new Date(real.getTime() + 60_000);
      try {
        const later = (await b.client.api('POST', `/admin/api/articles/${id}/presence`)).json<{
          others: unknown[];
        }>();
        assert.deepEqual(later.others, [], 'someone who closed the article a minute ago is no longer shown');
      } finally {
        now = real;
      }
    });

    it('rejects bad input with 4xx and changes nothing', async () => {
      const { client } = await signedIn(t.app, t.server, 'editor');
      const created = await client.request('POST', '/admin/articles', { form: { _csrf: client.csrf } });
      const id = Number(/(\d+)$/.exec(String(created.headers.location))?.[1]);
      const article = (await client.api('GET', `/admin/api/articles/${id}`)).json<EditorArticle>();
      const { readMoreId, mediaId, authorId } = await ids();
      const good = draftFields(article, authorId, readMoreId, mediaId, `bad-input-${kind}`);
      const cases: [string, unknown, number][] = [
        ['unknown block', { ...good, body: [{ type: 'html', html: '<script>x</script>' }] }, 400],
        [
          'script link',
          { ...good, body: [{ type: 'paragraph', content: [{ text: 'x', href: 'javascript:alert(1)' }] }] },
          400,
        ],
        ['bad slug', { ...good, slug: '../etc' }, 400],
        ['unknown author', { ...good, authorIds: [999999] }, 400],
        ['taken slug', { ...good, slug: target.slug }, 409],
        ['not json object', 'nonsense', 400],
      ];
      for (const [name, body, status] of cases) {
        const res = await client.api('PUT', `/admin/api/articles/${id}`, body);
        assert.equal(res.status, status, name);
        assert.ok(res.json<{ message: string }>().message, name);
      }
      const after = (await client.api('GET', `/admin/api/articles/${id}`)).json<EditorArticle>();
      assert.equal(after.version, article.version);
      assert.equal((await client.api('GET', '/admin/api/articles/abc')).status, 404);
      assert.equal((await client.api('GET', '/admin/api/articles/99999999')).status, 404);
    });

    it('publishes updates with a public note, appends corrections, and unpublishes', async () => {
      const { client } = await signedIn(t.app, t.server, 'editor');
      const { readMoreId, mediaId, authorId } = await ids();
      const created = await client.request('POST', '/admin/articles', { form: { _csrf: client.csrf } });
      const id = Number(/(\d+)$/.exec(String(created.headers.location))?.[1]);
      let a = (await client.api('GET', `/admin/api/articles/${id}`)).json<EditorArticle>();
      const saved = await client.api(
        'PUT',
        `/admin/api/articles/${id}`,
        draftFields(a, authorId, readMoreId, mediaId, `lifecycle-${kind}`),
      );
      a = (
        await client.api('POST', `/admin/api/articles/${id}/publish`, {
          version: saved.json<{ version: number }>().version,
        })
      ).json<EditorArticle>();
      const url = String(a.url);
      // Edits to a live article wait until they are published.
      const pending = await client.api('PUT', `/admin/api/articles/${id}`, {
        ...draftFields(a, authorId, readMoreId, mediaId, `lifecycle-${kind}`),
        headline: 'Sea wall plan wins backing',
      });
      assert.equal(pending.status, 200);
      assert.doesNotMatch((await t.server.inject({ url })).body, /Sea wall plan wins backing/);
      a = (
        await client.api('POST', `/admin/api/articles/${id}/publish`, {
          version: pending.json<{ version: number }>().version,
          updateNote: 'Adds the vote count.',
        })
      ).json<EditorArticle>();
      let html = decodeEntities((await t.server.inject({ url })).body);
      assert.match(html, /Sea wall plan wins backing/);
      assert.match(html, /Updated \d/);
      assert.match(html, /Adds the vote count\./);
      a = (
        await client.api('POST', `/admin/api/articles/${id}/corrections`, {
          text: 'An earlier version gave the wrong year for the last flood.',
        })
      ).json<EditorArticle>();
      html = decodeEntities((await t.server.inject({ url })).body);
      assert.match(html, /An earlier version gave the wrong year/);
      const ld = jsonLdBlocks(html).find((d) => d['@type'] === 'NewsArticle');
      assert.equal(
        (ld?.correction as { text: string }[] | undefined)?.[0]?.text,
        'An earlier version gave the wrong year for the last flood.',
      );
      const revisions = (await client.api('GET', `/admin/api/articles/${id}/revisions`)).json<
        { version: number; event: string }[]
      >();
      assert.ok(revisions.some((r) => r.event === 'published update'));
      const firstSaved = revisions.at(-2)?.version ?? 1;
      const diff = (await client.api('GET', `/admin/api/articles/${id}/revisions/${firstSaved}/diff`)).json<{
        fields: { field: string }[];
      }>();
      assert.ok(Array.isArray(diff.fields));
      const gone = await client.api('POST', `/admin/api/articles/${id}/unpublish`, { version: a.version });
      assert.equal(gone.json<EditorArticle>().status, 'unpublished');
      assert.equal((await t.server.inject({ url })).statusCode, 404);
      assert.doesNotMatch(
        decodeEntities((await t.server.inject({ url: '/' })).body),
        /Sea wall plan wins backing/,
      );
    });

    it('refuses to publish pictures without alternative text, and under embargo', async () => {
      const { client } = await signedIn(t.app, t.server, 'editor');
      const { readMoreId, authorId } = await ids();
      const upload = multipart(
        { caption: 'A test picture.' },
        { name: 'x.png', type: 'image/png', data: await pngBytes() },
      );
      const uploaded = await client.request('POST', '/admin/api/media', {
        payload: upload.payload,
        headers: { 'content-type': upload.contentType, 'x-csrf-token': client.csrf },
      });
      assert.equal(uploaded.status, 201, uploaded.body);
      const media = uploaded.json<{ id: number; thumbUrl: string }>();
      const created = await client.request('POST', '/admin/articles', { form: { _csrf: client.csrf } });
      const id = Number(/(\d+)$/.exec(String(created.headers.location))?.[1]);
      const a = (await client.api('GET', `/admin/api/articles/${id}`)).json<EditorArticle>();
      const saved = await client.api(
        'PUT',
        `/admin/api/articles/${id}`,
        draftFields(a, authorId, readMoreId, media.id, `no-alt-${kind}`),
      );
      const version = saved.json<{ version: number }>().version;
      const refused = await client.api('POST', `/admin/api/articles/${id}/publish`, { version });
      assert.equal(refused.status, 400);
      assert.match(refused.json<{ message: string }>().message, /alternative text/);
      await client.api('PATCH', `/admin/api/media/${media.id}`, {
        alt: 'A blue test card',
        focalX: 0.3,
        focalY: 0.6,
      });
      const embargoed = await client.api('PUT', `/admin/api/articles/${id}`, {
        ...draftFields(a, authorId, readMoreId, media.id, `no-alt-${kind}`),
        version,
        embargoUntil: new Date(now.getTime() + 3_600_000).toISOString(),
      });
      const underEmbargo = await client.api('POST', `/admin/api/articles/${id}/publish`, {
        version: embargoed.json<{ version: number }>().version,
      });
      assert.equal(underEmbargo.status, 409);
      assert.match(underEmbargo.json<{ message: string }>().message, /embargo/);
      // Variants are made by a background job.
      assert.ok((await t.app.jobs.pending(`variants:${media.id}`)) !== undefined);
      await t.app.jobs.runDue();
      assert.equal((await t.server.inject({ url: media.thumbUrl })).statusCode, 200);
    });

    it('sniffs uploads by content and limits their size', async () => {
      const { client } = await signedIn(t.app, t.server, 'reporter');
      const fake = multipart(
        {},
        { name: 'photo.jpg', type: 'image/jpeg', data: Buffer.from('<script>alert(1)</script>') },
      );
      const res = await client.request('POST', '/admin/api/media', {
        payload: fake.payload,
        headers: { 'content-type': fake.contentType, 'x-csrf-token': client.csrf },
      });
      assert.equal(res.status, 415);
      const big = multipart({}, { name: 'big.png', type: 'image/png', data: Buffer.alloc(700_000, 1) });
      const tooBig = await client.request('POST', '/admin/api/media', {
        payload: big.payload,
        headers: { 'content-type': big.contentType, 'x-csrf-token': client.csrf },
      });
      assert.equal(tooBig.status, 413);
      assert.match(tooBig.json<{ message: string }>().message, /too large/);
    });

    it('lets editors curate the home page, and nobody else', async () => {
      const editor = await signedIn(t.app, t.server, 'editor');
      const reporter = await signedIn(t.app, t.server, 'reporter');
      const { readMoreId } = await ids();
      assert.equal((await reporter.client.request('GET', '/admin/home')).status, 403);
      const res = await editor.client.request('POST', '/admin/home', {
        form: { _csrf: editor.client.csrf, [`pos_${readMoreId}`]: '1' },
      });
      assert.equal(res.status, 303);
      const home = decodeEntities((await t.server.inject({ url: '/' })).body);
      const leadHeadline = /<article class="card card-lead">[\s\S]*?<a href="[^"]+">([^<]+)<\/a>/.exec(
        home,
      )?.[1];
      assert.equal(leadHeadline, target.headline);
    });

    it('invites people by one-time link and resets passwords', async () => {
      const admin = await signedIn(t.app, t.server, 'administrator');
      const invited = await admin.client.request('POST', '/admin/users/invite', {
        form: { _csrf: admin.client.csrf, email: `new.${kind}@example.org`, role: 'reporter' },
      });
      assert.equal(invited.status, 200);
      const link = /\/admin\/invite\/[A-Za-z0-9_-]+/.exec(links.join('\n'))?.[0];
      assert.ok(link, 'the invitation link is logged when no SMTP server is configured');
      const joiner = new AdminClient(t.server);
      assert.equal(
        (await joiner.submitForm(link, { name: 'New Reporter', password: 'my own long password' })).status,
        303,
      );
      assert.equal(
        (await new AdminClient(t.server).signIn(`new.${kind}@example.org`, 'my own long password')).status,
        303,
      );
      await new AdminClient(t.server).submitForm('/admin/reset', { email: `new.${kind}@example.org` });
      const reset = /\/admin\/reset\/[A-Za-z0-9_-]+/.exec(links.join('\n'))?.[0];
      assert.ok(reset);
      assert.equal(
        (await new AdminClient(t.server).submitForm(reset, { password: 'a brand new password' })).status,
        303,
      );
      assert.equal(
        (await new AdminClient(t.server).signIn(`new.${kind}@example.org`, 'a brand new password')).status,
        303,
      );
      assert.equal((await new AdminClient(t.server).request('GET', reset)).status, 404);
    });
  });
}

describe('scheduled publishing survives a restart', () => {
  for (const kind of databaseKinds) {
    it(`on ${kind}`, async () => {
      let now = new Date('2026-06-22T09:00:00Z');
      const dir = kind === 'pglite' ? mkdtempSync(path.join(tmpdir(), 'broadsheet-restart-')) : undefined;
      const first = await startTestApp(kind, { clock: () => now, pgliteDir: dir });
      const { client } = await signedIn(first.app, first.server, 'editor');
      const author = await first.app.authors.getBySlug(target.authors[0] ?? '');
      const lead = await first.app.articles.articlePage({ requestId: 't', now }, target.section, target.slug);
      const created = await client.request('POST', '/admin/articles', { form: { _csrf: client.csrf } });
      const id = Number(/(\d+)$/.exec(String(created.headers.location))?.[1]);
      const a = (await client.api('GET', `/admin/api/articles/${id}`)).json<EditorArticle>();
      const saved = await client.api(
        'PUT',
        `/admin/api/articles/${id}`,
        draftFields(a, author.id, lead.article.id, lead.article.image?.id ?? 0, 'scheduled-story'),
      );
      const at = new Date(now.getTime() + 30 * 60_000);
      const scheduled = await client.api('POST', `/admin/api/articles/${id}/schedule`, {
        version: saved.json<{ version: number }>().version,
        at: at.toISOString(),
      });
      assert.equal(scheduled.json<EditorArticle>().status, 'scheduled');
      assert.equal(await first.app.jobs.runDue(), 0, 'nothing is due yet');
      await first.close(true);

      now = new Date(at.getTime() + 1000);
      const second = await startTestApp(kind, {
        clock: () => now,
        pgliteDir: dir,
        postgresDatabase: first.databaseName,
      });
      try {
        assert.equal(await second.app.jobs.runDue(), 1);
        const page = await second.server.inject({ url: `/${target.section}/scheduled-story` });
        assert.equal(page.statusCode, 200);
      } finally {
        await second.close();
        if (dir) rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
