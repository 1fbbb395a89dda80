import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { demoArticles } from '../../src/demo/content/index.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { formatDateline } from '../../src/shared/dates.ts';
import { databaseKinds, startTestApp, type TestApp } from '../helpers/app.ts';
import { decodeEntities, jsonLdBlocks, metaContent } from '../helpers/html.ts';

const lead = demoArticles.find((a) => a.homePosition === 0);
if (!lead) throw new Error('demo content has no lead story');
const leadPath = `/${lead.section}/${lead.slug}`;
const ctx = { requestId: 'test', now: new Date() };

for (const kind of databaseKinds) {
  describe(`reader site on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(async () => {
      await t?.close();
    });
    const get = (url: string, headers: Record<string, string> = {}) =>
      t.server.inject({ method: 'GET', url, headers });

    it('serves the home page with the lead story, top stories and section blocks', async () => {
      const res = await get('/');
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /text\/html/);
      const html = decodeEntities(res.body);
      assert.ok(html.includes(lead.headline), 'lead headline on the home page');
      assert.match(html, /<title>[^<]+<\/title>/);
      assert.ok(metaContent(res.body, 'description'));
      assert.match(res.body, /<link rel="canonical" href="http:\/\/localhost:3000\/"/);
      for (const top of demoArticles.filter((a) => (a.homePosition ?? 0) > 0)) {
        assert.ok(html.includes(top.headline), `top story ${top.slug}`);
      }
      assert.match(res.body, /<section class="section-block"/);
    });

    it('shows the seed page elements on the lead article', async () => {
      const res = await get(leadPath);
      assert.equal(res.statusCode, 200);
      const html = decodeEntities(res.body);
      const data = await t.app.articles.articlePage(ctx, lead.section, lead.slug);
      const { article } = data;
      assert.equal((res.body.match(/<h1/g) ?? []).length, 1);
      assert.ok(html.includes(`<h1 class="article-headline">${lead.headline}</h1>`));
      assert.ok(html.includes(lead.standfirst));
      const dateline = formatDateline(article.publishedAt, 'Europe/London');
      assert.ok(
        res.body.includes(`<time datetime="${article.publishedAt.toISOString()}">${dateline}</time>`),
        'dateline in a <time datetime>',
      );
      for (const author of article.authors) {
        assert.ok(res.body.includes(`href="/author/${author.slug}"`), `byline link for ${author.slug}`);
        assert.ok(html.includes(`By ${author.name}`));
      }
      assert.match(res.body, /class="byline-portrait"/);
      assert.match(res.body, /<figure class="lead-figure">[\s\S]*?<figcaption>/);
      assert.ok(html.includes(`<span class="caption">${lead.picture.caption}</span>`));
      assert.ok(html.includes(`<span class="credit">Picture: ${lead.picture.credit}</span>`));
      assert.match(res.body, /fetchpriority="high"/);
      const readMores = [...html.matchAll(/<strong>Read more:<\/strong> <a href="([^"]+)">([^<]+)<\/a>/g)];
      assert.equal(readMores.length, 2);
      for (const [, href, headline] of readMores) {
        const target = demoArticles.find((a) => `/${a.section}/${a.slug}` === href);
        assert.ok(target, `read more points at a demo article: ${href}`);
        assert.equal(headline, target.headline);
      }
      assert.match(res.body, /<aside class="teaser"/);
      assert.match(res.body, /<h2 id="rail-title" class="rail-title">More Latest News<\/h2>/);
      const railLinks = [...res.body.matchAll(/class="rail-link" href="([^"]+)"/g)].map((m) => m[1]);
      assert.ok(railLinks.length >= 5);
      assert.ok(!railLinks.includes(leadPath), 'the rail leaves out the article itself');
      assert.match(res.body, /<a href="\/latest">See more<\/a>/);
      assert.match(res.body, /class="rail-thumb"/);
    });

    it('renders "Read more" from the linked article\'s current headline', async () => {
      const before = decodeEntities((await get(leadPath)).body);
      const target = [
        ...before.matchAll(/<strong>Read more:<\/strong> <a href="\/[^/]+\/([^"]+)">/g),
      ][0]?.[1];
      assert.ok(target);
      await t.app.database.db.execute(
        sql`update articles set headline = 'A rewritten headline' where slug = ${target}`,
      );
      t.app.articles.contentChanged();
      const afterHtml = (await get(leadPath)).body;
      assert.match(afterHtml, /<strong>Read more:<\/strong> <a href="[^"]+">A rewritten headline<\/a>/);
    });

    it('describes the article for search engines and social cards', async () => {
      const res = await get(leadPath);
      assert.equal(metaContent(res.body, 'og:type'), 'article');
      assert.equal(metaContent(res.body, 'og:url'), `http://localhost:3000${leadPath}`);
      assert.match(
        metaContent(res.body, 'og:image') ?? '',
        /^http:\/\/localhost:3000\/media\/\d+\/crop-share-1200\.jpg$/,
      );
      assert.match(res.body, /<link rel="canonical" href="http:\/\/localhost:3000\/politics\//);
      const article = jsonLdBlocks(res.body).find((d) => d['@type'] === 'NewsArticle');
      assert.ok(article, 'NewsArticle JSON-LD');
      assert.equal(article.headline, lead.headline);
      const authors = article.author as { '@type': string; name: string; url: string }[];
      assert.equal(authors.length, lead.authors.length);
      for (const [i, slug] of lead.authors.entries()) {
        assert.equal(authors[i]?.url, `http://localhost:3000/author/${slug}`);
        assert.equal(authors[i]?.['@type'], 'Person');
      }
      assert.ok(Date.parse(String(article.datePublished)));
      assert.ok(Date.parse(String(article.dateModified)) >= Date.parse(String(article.datePublished)));
      assert.match(String((article.image as string[])[0]), /^http:\/\/localhost:3000\/media\//);
    });

    it('shows public updates and corrections', async () => {
      const updated = demoArticles.find((a) => a.update);
      const corrected = demoArticles.find((a) => a.corrections?.length);
      assert.ok(updated && corrected);
      const u = decodeEntities((await get(`/${updated.section}/${updated.slug}`)).body);
      assert.match(u, /<time datetime="[^"]+">Updated \d{1,2} \w+ \d{4}, \d\d:\d\d<\/time>/);
      assert.ok(u.includes(updated.update?.note ?? '?'));
      const c = decodeEntities((await get(`/${corrected.section}/${corrected.slug}`)).body);
      assert.ok(c.includes('<h2 id="corrections-title">Corrections</h2>'));
      assert.ok(c.includes(corrected.corrections?.[0]?.text ?? '?'));
    });

    it('lists the latest news with pages, and answers bad page numbers clearly', async () => {
      const first = await get('/latest');
      assert.equal(first.statusCode, 200);
      assert.match(first.body, /<span class="pagination-status">Page 1<\/span>/);
      assert.match(first.body, /<a rel="next" href="\/latest\?page=2">/);
      const second = await get('/latest?page=2');
      assert.equal(second.statusCode, 200);
      assert.match(second.body, /<a rel="prev" href="\/latest">/);
      for (const bad of ['abc', '0', '-1', '1.5', '1e3', '99999999999']) {
        const res = await get(`/latest?page=${encodeURIComponent(bad)}`);
        assert.equal(res.statusCode, 400, `page=${bad}`);
        assert.match(res.body, /That request did not make sense/);
      }
      // Deeper pages are keyset cursors (story ids); bad ones are 400s too, and so is asking for two places.
      for (const bad of ['before=abc', 'before=0', 'after=-3', 'before=99999999999', 'page=2&before=5']) {
        const res = await get(`/latest?${bad}`);
        assert.equal(res.statusCode, 400, bad);
        assert.match(res.body, /That request did not make sense/);
      }
      const past = await get('/latest?page=500');
      assert.equal(past.statusCode, 302);
      assert.match(String(past.headers.location), /^\/latest\?page=\d+$/);
    });

    it('serves section, tag and author pages, paginated', async () => {
      const section = await get('/politics');
      assert.equal(section.statusCode, 200);
      assert.match(section.body, /<h1 class="listing-title">Politics<\/h1>/);
      const tag = lead.tags[0] ?? '';
      const tagSlug = tag.toLowerCase().replace(/[^a-z0-9]+/g, '-');
      const tagPage = await get(`/tag/${tagSlug}`);
      assert.equal(tagPage.statusCode, 200);
      assert.ok(decodeEntities(tagPage.body).includes(lead.headline));
      const author = await get(`/author/${lead.authors[0]}`);
      assert.equal(author.statusCode, 200);
      assert.ok(decodeEntities(author.body).includes(lead.headline));
      assert.match(author.body, /class="author-portrait"/);
      assert.equal((await get('/politics?page=zz')).statusCode, 400);
    });

    it('answers unknown things with the helpful 404 page', async () => {
      for (const url of [
        '/no-such-section',
        '/politics/no-such-story',
        `/world/${lead.slug}-x`,
        '/author/nobody-here',
        '/tag/never-used',
        '/author/%3Cscript%3E',
        '/a/b/c/d',
      ]) {
        const res = await get(url);
        assert.equal(res.statusCode, 404, url);
        assert.match(res.body, /We could not find that page/);
        assert.match(res.body, /<meta name="robots" content="noindex"/);
      }
    });

    it('redirects an article requested under the wrong section to its home', async () => {
      const res = await get(`/sport/${lead.slug}`);
      assert.equal(res.statusCode, 301);
      assert.equal(res.headers.location, leadPath);
    });

    it('supports HEAD and conditional GET on every page', async () => {
      for (const url of ['/', leadPath, '/latest', '/politics', `/author/${lead.authors[0]}`]) {
        const head = await t.server.inject({ method: 'HEAD', url });
        assert.equal(head.statusCode, 200, url);
        assert.equal(head.body, '');
        const full = await get(url);
        const etag = String(full.headers.etag);
        assert.ok(etag, `etag on ${url}`);
        const again = await get(url, { 'if-none-match': etag });
        assert.equal(again.statusCode, 304, url);
        assert.equal(again.body, '');
      }
    });

    it('sends security headers with a strict Content-Security-Policy', async () => {
      const res = await get(leadPath);
      const csp = String(res.headers['content-security-policy']);
      assert.match(csp, /script-src 'self'/);
      assert.doesNotMatch(csp, /script-src[^;]*unsafe-inline/);
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
    });

    it('serves image variants and refuses anything else under /media', async () => {
      const res = await get(leadPath);
      const src = /<img[^>]+src="(\/media\/\d+\/\d+\.jpg)"/.exec(res.body)?.[1];
      assert.ok(src);
      const image = await get(src);
      assert.equal(image.statusCode, 200);
      assert.equal(image.headers['content-type'], 'image/jpeg');
      assert.match(String(image.headers['cache-control']), /immutable/);
      const avif = await get(src.replace('.jpg', '.avif'));
      assert.equal(avif.headers['content-type'], 'image/avif');
      const id = src.split('/')[2];
      for (const bad of [
        `/media/${id}/641.jpg`,
        `/media/${id}/640.png`,
        '/media/..%2F..%2Fetc/passwd',
        `/media/${id}/..%2F..%2F..%2Fpackage.json`,
        '/media/abc/640.jpg',
        '/media/999999/640.jpg',
      ]) {
        const r = await get(bad);
        assert.equal(r.statusCode, 404, bad);
      }
    });

    it('shows a server fault as a generic error page that leaks nothing', async () => {
      const original = t.app.articles.home;
      t.app.articles.home = () => Promise.reject(new Error('connection to secret-db.internal:5432 failed'));
      // A cached copy of the home page would be served instead of rendering it.
      t.app.pageCache?.clear();
      try {
        const res = await get('/');
        assert.equal(res.statusCode, 500);
        assert.match(res.body, /Something went wrong on our side/);
        assert.doesNotMatch(res.body, /secret-db|5432|Error:|at .*\.ts/);
        assert.equal(res.headers['cache-control'], 'no-store');
      } finally {
        t.app.articles.home = original;
      }
    });

    it('seeds idempotently', async () => {
      const count = async () => {
        const r = (await t.app.database.db.execute(
          sql`select count(*)::int as n from articles`,
        )) as unknown as {
          rows: { n: number }[];
        };
        return Number(r.rows[0]?.n);
      };
      const before = await count();
      const result = await seedDemo(t.app);
      assert.equal(result.created, 0);
      assert.equal(await count(), before);
      assert.ok(before >= 40);
    });
  });
}
