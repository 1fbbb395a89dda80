import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { EditorArticle } from '../../src/modules/articles/index.ts';
import { editable, signedIn } from '../helpers/admin-client.ts';
import { databaseKinds, startTestApp, type TestApp } from '../helpers/app.ts';
import { decodeEntities } from '../helpers/html.ts';

type Client = Awaited<ReturnType<typeof signedIn>>['client'];

/** The pages whose caching the invalidation matrix watches. */
const watched = [
  '/',
  '/latest',
  '/politics',
  '/business',
  '/world',
  '/tag/nato',
  '/feed.xml',
  '/sitemap-news.xml',
] as const;

for (const kind of databaseKinds) {
  describe(`page cache and HTTP caching (${kind})`, () => {
    let t: TestApp;
    let editor: Client;
    let politics: { url: string; id: number };

    before(async () => {
      t = await startTestApp(kind);
      editor = (await signedIn(t.app, t.server, 'editor')).client;
      const home = await t.server.inject({ url: '/politics' });
      const url = /href="(\/politics\/[a-z0-9-]+)"/.exec(home.body)?.[1];
      assert.ok(url, 'a politics story on the section page');
      politics = { url, id: await articleId(url) };
    });
    after(() => t.close());

    const get = (url: string, headers: Record<string, string> = {}) => t.server.inject({ url, headers });
    const state = async (url: string) => String((await get(url)).headers['x-page-cache'] ?? 'none');

    async function articleId(url: string): Promise<number> {
      const [, section = '', slug = ''] = url.split('/');
      const data = await t.app.articles.articlePage({ actor: { kind: 'system' } } as never, section, slug);
      return data.article.id;
    }

    async function warm(urls: readonly string[]): Promise<void> {
      for (const url of urls) {
        await get(url);
        assert.equal(await state(url), 'hit', `${url} is cached`);
      }
    }

    async function editorArticle(id: number): Promise<EditorArticle> {
      return (await editor.api('GET', `/admin/api/articles/${id}`)).json<EditorArticle>();
    }

    /** Saves changes to a live article and publishes them as an update. */
    async function publishUpdate(id: number, changes: Partial<ReturnType<typeof editable>>): Promise<void> {
      const saved = await editor.api('PUT', `/admin/api/articles/${id}`, {
        ...editable(await editorArticle(id)),
        ...changes,
      });
      assert.equal(saved.status, 200, saved.body);
      const published = await editor.api('POST', `/admin/api/articles/${id}/publish`, {
        version: saved.json<{ version: number }>().version,
      });
      assert.equal(published.status, 200, published.body);
    }

    it('stores a reader page once and serves it from memory with tags, lifetimes and validators', async () => {
      const first = await get(politics.url);
      assert.equal(first.statusCode, 200);
      assert.equal(first.headers['x-page-cache'], 'miss');
      const second = await get(politics.url, { 'accept-encoding': 'gzip, br' });
      assert.equal(second.headers['x-page-cache'], 'hit');
      const cacheControl = String(second.headers['cache-control']);
      assert.match(
        cacheControl,
        /^public, max-age=\d+, s-maxage=\d+, stale-while-revalidate=\d+, stale-if-error=\d+$/,
      );
      const keys = String(second.headers['surrogate-key']).split(' ');
      for (const tag of [`article:${politics.id}`, 'section:politics', 'latest', 'site']) {
        assert.ok(keys.includes(tag), `Surrogate-Key has ${tag}: ${keys.join(' ')}`);
      }
      assert.ok(
        keys.some((k) => k.startsWith('author:')),
        'the byline is a tag',
      );
      assert.deepEqual(String(second.headers['cache-tag']).split(','), keys);
      assert.equal(second.headers.vary, 'Accept-Encoding');
      assert.match(String(second.headers.etag), /^W\/".+"$/);
      // Compressed once when stored: each encoding decodes to the same page.
      assert.equal(second.headers['content-encoding'], 'br');
      const html = brotliDecompressSync(second.rawPayload).toString();
      const gzipped = await get(politics.url, { 'accept-encoding': 'gzip' });
      assert.equal(gzipped.headers['content-encoding'], 'gzip');
      assert.equal(gunzipSync(gzipped.rawPayload).toString(), html);
      const plain = await get(politics.url, { 'accept-encoding': 'br;q=0, identity' });
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.equal(plain.body, html);
      assert.equal(Number(plain.headers['content-length']), Buffer.byteLength(html));
      // Conditional requests and HEAD from the cache.
      const notModified = await get(politics.url, { 'if-none-match': String(second.headers.etag) });
      assert.equal(notModified.statusCode, 304);
      assert.equal(notModified.body, '');
      const head = await t.server.inject({ method: 'HEAD', url: politics.url });
      assert.equal(head.statusCode, 200);
      assert.equal(head.body, '');
      // Marketing parameters do not make another copy; the page parameter does.
      assert.equal(await state(`${politics.url}?utm_source=newsletter&fbclid=abc`), 'hit');
      await get('/latest');
      assert.equal(await state('/latest?utm_campaign=x'), 'hit');
      assert.equal((await get('/latest?page=2')).headers['x-page-cache'], 'miss');
      assert.equal(await state('/latest?page=2&utm_campaign=x'), 'hit');
    });

    it('gives old stories long lifetimes and listings short ones', async () => {
      const listing = String((await get('/latest')).headers['cache-control']);
      const story = String((await get(politics.url)).headers['cache-control']);
      const sharedAge = (value: string) => Number(/s-maxage=(\d+)/.exec(value)?.[1]);
      assert.ok(sharedAge(story) > sharedAge(listing), `${story} vs ${listing}`);
      assert.match(String((await get('/feed.xml')).headers['surrogate-key']), /\bfeeds\b/);
    });

    it('never caches admin pages, errors, redirects or search', async () => {
      assert.equal((await get('/no-such-section')).statusCode, 404);
      assert.equal(await state('/no-such-section'), 'none');
      assert.equal(await state('/search?q=nato'), 'none');
      const admin = await editor.request('GET', '/admin');
      assert.equal(admin.headers['x-page-cache'], undefined);
      assert.equal(admin.headers['surrogate-key'], undefined);
    });

    it('renders once for concurrent misses of one URL', async () => {
      t.app.pageCache?.clear();
      const before = t.app.pageCache?.stats().misses ?? 0;
      const answers = await Promise.all(Array.from({ length: 12 }, () => get('/world')));
      assert.ok(answers.every((a) => a.statusCode === 200));
      assert.equal((t.app.pageCache?.stats().misses ?? 0) - before, 1);
      assert.equal(new Set(answers.map((a) => a.body)).size, 1);
    });

    it('purges exactly the pages an update touches, and serves nothing stale after it returns', async () => {
      await warm([...watched, politics.url]);
      const headline = `Cabinet reshuffle confirmed ${kind}`;
      await publishUpdate(politics.id, { headline });
      // Its own page, its section's list, the feeds: re-rendered with the new headline.
      const page = await get(politics.url);
      assert.equal(page.headers['x-page-cache'], 'miss');
      assert.match(decodeEntities(page.body), new RegExp(headline));
      assert.equal(await state('/politics'), 'miss');
      assert.equal(await state('/feed.xml'), 'miss');
      // Lists that do not show the story are untouched.
      assert.equal(await state('/business'), 'hit');
      assert.equal(await state('/world'), 'hit');
    });

    it('moves a story between sections and bylines: old and new lists both purged', async () => {
      const a = editable(await editorArticle(politics.id));
      const sections = await t.app.articles.sections();
      const business = sections.find((s) => s.slug === 'business');
      assert.ok(business);
      const authors = await t.app.authors.list();
      const oldAuthor = authors.find((x) => x.id === a.authorIds[0]);
      const newAuthor = authors.find((x) => !a.authorIds.includes(x.id));
      assert.ok(oldAuthor && newAuthor);
      const untouched = authors.find((x) => !a.authorIds.includes(x.id) && x.id !== newAuthor.id);
      assert.ok(untouched);
      const authorPages = [
        `/author/${oldAuthor.slug}`,
        `/author/${newAuthor.slug}`,
        `/author/${untouched.slug}`,
      ];
      await warm(['/politics', '/business', '/world', ...authorPages]);
      await publishUpdate(politics.id, { sectionId: business.id, authorIds: [newAuthor.id] });
      assert.equal(await state('/politics'), 'miss');
      assert.equal(await state('/business'), 'miss');
      assert.equal(await state(authorPages[0] ?? ''), 'miss');
      assert.equal(await state(authorPages[1] ?? ''), 'miss');
      assert.equal(await state(authorPages[2] ?? ''), 'hit');
      assert.equal(await state('/world'), 'hit');
      const moved = (await editorArticle(politics.id)).url;
      assert.match(String(moved), /^\/business\//);
      assert.match(decodeEntities((await get('/business')).body), /Cabinet reshuffle confirmed/);
    });

    it('publishing a new story purges home, latest and the lists it joins; unpublishing takes it away', async () => {
      await warm(['/', '/latest', '/world', '/business', '/sitemap-news.xml']);
      const created = await editor.request('POST', '/admin/articles', { form: { _csrf: editor.csrf } });
      const id = Number(/(\d+)$/.exec(String(created.headers.location))?.[1]);
      const sections = await t.app.articles.sections();
      const world = sections.find((s) => s.slug === 'world');
      assert.ok(world);
      const base = await editorArticle(id);
      const authorIds = editable(await editorArticle(politics.id)).authorIds;
      const saved = await editor.api('PUT', `/admin/api/articles/${id}`, {
        ...editable(base),
        headline: `Ceasefire talks resume ${kind}`,
        standfirst: 'Negotiators return to the table after a week of silence.',
        sectionId: world.id,
        authorIds,
        tags: ['Diplomacy'],
        slug: `ceasefire-talks-resume-${kind}`,
        body: [{ type: 'paragraph', content: [{ text: 'Talks resumed on Monday.' }] }],
      });
      assert.equal(saved.status, 200, saved.body);
      const published = await editor.api('POST', `/admin/api/articles/${id}/publish`, {
        version: saved.json<{ version: number }>().version,
      });
      assert.equal(published.status, 200, published.body);
      for (const url of ['/', '/latest', '/world', '/sitemap-news.xml']) {
        const answer = await get(url);
        assert.equal(answer.headers['x-page-cache'], 'miss', url);
        assert.match(decodeEntities(answer.body), /Ceasefire talks resume/, url);
      }
      assert.equal(await state('/business'), 'hit');
      const live = published.json<EditorArticle>();
      await warm(['/', '/world', '/business']);
      const gone = await editor.api('POST', `/admin/api/articles/${id}/unpublish`, { version: live.version });
      assert.equal(gone.status, 200, gone.body);
      assert.doesNotMatch(decodeEntities((await get('/')).body), /Ceasefire talks resume/);
      assert.doesNotMatch(decodeEntities((await get('/world')).body), /Ceasefire talks resume/);
      assert.equal(await state('/business'), 'hit');
    });

    it('purges the home page when editors reorder it, and pages showing a picture when its credit changes', async () => {
      await warm(['/', '/business']);
      const ids = await Promise.all(
        ['/world', '/business'].map(async (url) => {
          const href = /href="(\/[a-z-]+\/[a-z0-9-]+)"/.exec((await get(url)).body)?.[1];
          assert.ok(href);
          return articleId(href);
        }),
      );
      const saved = await editor.request('POST', '/admin/home', {
        form: { _csrf: editor.csrf, ...Object.fromEntries(ids.map((id, i) => [`pos_${id}`, String(i + 1)])) },
      });
      assert.equal(saved.status, 303);
      assert.equal(await state('/'), 'miss');
      assert.equal(await state('/business'), 'hit');
      // The lead picture of a world story: its page and the lists showing it go, others stay.
      const story = /href="(\/world\/[a-z0-9-]+)"/.exec((await get('/world')).body)?.[1] ?? '';
      const page = (await get(story)).body;
      const mediaId = Number(/<figure class="lead[\s\S]*?\/media\/(\d+)\//.exec(page)?.[1]);
      assert.ok(mediaId > 0, 'the story has a lead picture');
      await warm([story]);
      const changed = await editor.api('PATCH', `/admin/api/media/${mediaId}`, { credit: 'Picture desk' });
      assert.equal(changed.status, 200, changed.body);
      assert.equal(await state(story), 'miss');
      assert.match(decodeEntities((await get(story)).body), /Picture: Picture desk/);
    });
  });
}

describe('two instances on one PostgreSQL purge each other (LISTEN/NOTIFY)', () => {
  let a: TestApp;
  let b: TestApp;

  before(async () => {
    a = await startTestApp('postgres');
    b = await startTestApp('postgres', { postgresDatabase: a.databaseName });
  });
  after(async () => {
    await b.close(true);
    await a.close();
  });

  it('an update published on one instance reaches the other within a second', async () => {
    const section = await b.server.inject({ url: '/business' });
    const url = /href="(\/business\/[a-z0-9-]+)"/.exec(section.body)?.[1];
    assert.ok(url);
    for (const page of [url, '/business', '/world']) {
      await b.server.inject({ url: page });
      assert.equal((await b.server.inject({ url: page })).headers['x-page-cache'], 'hit', page);
    }
    const { client } = await signedIn(a.app, a.server, 'editor');
    const [, sectionSlug = '', slug = ''] = url.split('/');
    const id = (await a.app.articles.articlePage({ actor: { kind: 'system' } } as never, sectionSlug, slug))
      .article.id;
    const article = (await client.api('GET', `/admin/api/articles/${id}`)).json<EditorArticle>();
    const headline = 'Rates held as inflation cools';
    const saved = await client.api('PUT', `/admin/api/articles/${id}`, { ...editable(article), headline });
    assert.equal(saved.status, 200, saved.body);
    const published = await client.api('POST', `/admin/api/articles/${id}/publish`, {
      version: saved.json<{ version: number }>().version,
    });
    assert.equal(published.status, 200, published.body);
    const deadline = Date.now() + 1000;
    let page = await b.server.inject({ url });
    while (page.headers['x-page-cache'] === 'hit' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      page = await b.server.inject({ url });
    }
    assert.notEqual(page.headers['x-page-cache'], 'hit', 'the other instance dropped its copy');
    assert.match(decodeEntities(page.body), new RegExp(headline));
    // Its in-memory lists were refreshed too, and unrelated pages stayed cached.
    assert.match(decodeEntities((await b.server.inject({ url: '/business' })).body), new RegExp(headline));
    assert.equal((await b.server.inject({ url: '/world' })).headers['x-page-cache'], 'hit');
  });
});
