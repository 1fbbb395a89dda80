import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { demoArticles, demoAuthors, demoSections } from '../../src/demo/content/index.ts';
import { databaseKinds, startTestApp, type TestApp } from '../helpers/app.ts';
import { seededAt } from '../helpers/template.ts';
import { type Parsed, parseXml, publishArticle, text, validateSitemap } from './discovery-helpers.ts';

const site = 'http://localhost:3000';
const hour = 3_600_000;

for (const kind of databaseKinds) {
  describe(`sitemaps on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(async () => {
      await t?.close();
    });
    const get = (url: string, headers: Record<string, string> = {}) =>
      t.server.inject({ method: 'GET', url, headers });
    const fetchSitemap = async (url: string) => {
      const res = await get(url.replace(site, ''));
      assert.equal(res.statusCode, 200, url);
      assert.equal(res.headers['content-type'], 'application/xml; charset=utf-8');
      validateSitemap(res.body);
      return parseXml(res.body);
    };

    it('lists every sitemap in a valid index, and every story in a month sitemap', async () => {
      const index: Parsed = (await fetchSitemap('/sitemap.xml')).sitemapindex;
      assert.equal(index['@_xmlns'], 'http://www.sitemaps.org/schemas/sitemap/0.9');
      const locs: string[] = index.sitemap.map((s: Parsed) => text(s.loc));
      for (const name of [
        'sitemaps/pages.xml',
        'sitemaps/topics.xml',
        'sitemaps/authors.xml',
        'sitemap-news.xml',
      ]) {
        assert.ok(locs.includes(`${site}/${name}`), name);
      }
      const months = locs.filter((loc) => /\/sitemaps\/articles-\d{4}-\d{2}\.xml$/.test(loc));
      assert.ok(months.length >= 1);
      const seen = new Map<string, Parsed>();
      const monthOf = new Map<string, string>();
      for (const month of months) {
        const entry = index.sitemap.find((s: Parsed) => text(s.loc) === month);
        assert.ok(Date.parse(text(entry.lastmod)), `${month} has lastmod`);
        const urlset: Parsed = (await fetchSitemap(month)).urlset;
        for (const url of urlset.url) {
          const loc = text(url.loc);
          assert.ok(!seen.has(loc), `${loc} listed once`);
          seen.set(loc, url);
          monthOf.set(loc, month);
          assert.ok(Date.parse(text(url.lastmod)), `${loc} has lastmod`);
        }
      }
      const published = demoArticles.map((a) => `${site}/${a.section}/${a.slug}`);
      for (const demo of demoArticles) {
        // Every story is in the sitemap of the (UTC) month it was published in.
        const loc = `${site}/${demo.section}/${demo.slug}`;
        const month = new Date(seededAt.getTime() - demo.hoursAgo * hour).toISOString().slice(0, 7);
        assert.equal(monthOf.get(loc), `${site}/sitemaps/articles-${month}.xml`, loc);
      }
      const leadUrl = seen.get(published[0] ?? '');
      assert.match(
        text(leadUrl['image:image'][0]['image:loc']),
        /^http:\/\/localhost:3000\/media\/\d+\/\d+\.jpg$/,
      );
      const leadPicture = await get(text(leadUrl['image:image'][0]['image:loc']).replace(site, ''));
      assert.equal(leadPicture.statusCode, 200, 'the image entry is a real picture');
    });

    it('uses the time of the last public change as lastmod', async () => {
      const corrected = demoArticles.find((a) => a.corrections?.length);
      assert.ok(corrected);
      const row = (await t.app.database.db.execute(sql`
        select max(c.corrected_at) as corrected from article_corrections c
        join articles a on a.id = c.article_id where a.slug = ${corrected.slug}`)) as unknown as {
        rows: { corrected: Date | string }[];
      };
      const correctedAt = new Date(row.rows[0]?.corrected ?? 0);
      const index: Parsed = (await fetchSitemap('/sitemap.xml')).sitemapindex;
      const month = index.sitemap
        .map((s: Parsed) => text(s.loc))
        .filter((loc: string) => loc.includes('/articles-'));
      for (const loc of month) {
        const urlset: Parsed = (await fetchSitemap(loc)).urlset;
        const url = urlset.url.find((u: Parsed) => text(u.loc).endsWith(`/${corrected.slug}`));
        if (url) assert.equal(Date.parse(text(url.lastmod)), Math.floor(correctedAt.getTime() / 1000) * 1000);
      }
    });

    it('lists the home page, sections, topics and authors', async () => {
      const pages = (await fetchSitemap('/sitemaps/pages.xml')).urlset as Parsed;
      const pageLocs = pages.url.map((u: Parsed) => text(u.loc));
      assert.deepEqual(pageLocs.slice(0, 2), [`${site}/`, `${site}/latest`]);
      for (const section of demoSections) assert.ok(pageLocs.includes(`${site}/${section.slug}`));
      const topics = ((await fetchSitemap('/sitemaps/topics.xml')).urlset as Parsed).url.map((u: Parsed) =>
        text(u.loc),
      );
      assert.ok(topics.includes(`${site}/tag/nato`));
      assert.ok(topics.every((loc: string) => loc.startsWith(`${site}/tag/`)));
      const authors = ((await fetchSitemap('/sitemaps/authors.xml')).urlset as Parsed).url.map((u: Parsed) =>
        text(u.loc),
      );
      for (const author of demoAuthors)
        assert.ok(authors.includes(`${site}/author/${author.slug}`), author.slug);
      for (const missing of [
        '/sitemaps/articles-1999-01.xml',
        '/sitemaps/articles-2026-13.xml',
        '/sitemaps/nothing.xml',
        '/sitemaps/..%2Fpackage.json',
      ]) {
        assert.equal((await get(missing)).statusCode, 404, missing);
      }
    });

    it('keeps a Google News sitemap of the last two days only, at most 1,000 stories', async () => {
      const now = Date.now();
      await publishArticle(t.app, {
        slug: 'news-sitemap-fresh',
        headline: 'Fresh story & “quotes” for the news sitemap',
        body: ['Published an hour ago.'],
        publishedAt: new Date(now - hour),
      });
      await publishArticle(t.app, {
        slug: 'news-sitemap-yesterday',
        headline: 'Yesterday’s story',
        body: ['Published 47 hours ago.'],
        publishedAt: new Date(now - 47 * hour),
      });
      await publishArticle(t.app, {
        slug: 'news-sitemap-stale',
        headline: 'Three days old',
        body: ['Published three days ago.'],
        publishedAt: new Date(now - 72 * hour),
      });
      const urlset: Parsed = (await fetchSitemap('/sitemap-news.xml')).urlset;
      assert.equal(urlset['@_xmlns:news'], 'http://www.google.com/schemas/sitemap-news/0.9');
      const locs = urlset.url.map((u: Parsed) => text(u.loc));
      assert.deepEqual(locs, [
        `${site}/politics/news-sitemap-fresh`,
        `${site}/politics/news-sitemap-yesterday`,
      ]);
      const fresh = urlset.url[0]['news:news'];
      assert.equal(text(fresh['news:publication']['news:name']), 'Broadsheet');
      assert.equal(text(fresh['news:publication']['news:language']), 'en');
      assert.equal(text(fresh['news:title']), 'Fresh story & “quotes” for the news sitemap');
      assert.equal(
        Date.parse(text(fresh['news:publication_date'])),
        Math.floor((now - hour) / 1000) * 1000,
        'the original publication time',
      );

      // A busy newsroom: 1,001 more stories in the last day. The sitemap keeps the newest 1,000.
      await t.app.database.db.execute(sql`
        insert into articles (slug, status, headline, section_id, published_at)
        select 'bulk-story-' || g, 'published', 'Bulk story ' || g, (select min(id) from sections),
               now() - (g || ' seconds')::interval
        from generate_series(1, 1001) g`);
      t.app.articles.contentChanged();
      const busy: Parsed = (await fetchSitemap('/sitemap-news.xml')).urlset;
      assert.equal(busy.url.length, 1000);
      assert.equal(text(busy.url[0].loc), `${site}/politics/bulk-story-1`);
      const dates = busy.url.map((u: Parsed) => Date.parse(text(u['news:news']['news:publication_date'])));
      assert.deepEqual(
        dates,
        [...dates].sort((a, b) => b - a),
        'newest first',
      );
      assert.ok(!busy.url.some((u: Parsed) => text(u.loc).endsWith('news-sitemap-stale')));
    });

    it('answers conditional requests for sitemaps with 304', async () => {
      for (const url of ['/sitemap.xml', '/sitemaps/pages.xml', '/sitemap-news.xml']) {
        const first = await get(url);
        assert.equal((await get(url, { 'if-none-match': String(first.headers.etag) })).statusCode, 304, url);
        assert.equal(
          (await get(url, { 'if-modified-since': String(first.headers['last-modified']) })).statusCode,
          304,
          url,
        );
      }
    });

    it('lists the sitemaps in robots.txt and keeps crawlers out of search results', async () => {
      const res = await get('/robots.txt');
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'text/plain; charset=utf-8');
      const lines = res.body.split('\n');
      assert.ok(lines.includes('User-agent: *'));
      assert.ok(lines.includes('Disallow: /search$'));
      assert.ok(lines.includes('Disallow: /search?'));
      assert.ok(lines.includes('Disallow: /admin/'));
      assert.ok(lines.includes(`Sitemap: ${site}/sitemap.xml`));
      assert.ok(lines.includes(`Sitemap: ${site}/sitemap-news.xml`));
      assert.ok(!lines.some((l) => /^Disallow: \/$/.test(l)), 'the site itself is open');
    });
  });
}
