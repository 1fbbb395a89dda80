import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { demoArticles } from '../../src/demo/content/index.ts';
import { hourStart } from '../../src/modules/analytics/index.ts';
import { referencedArticleIds } from '../../src/modules/articles/index.ts';
import { systemActor } from '../../src/modules/users/index.ts';
import { DomainError } from '../../src/shared/errors.ts';
import { databaseKinds, startTestApp, type TestApp } from '../helpers/app.ts';
import { decodeEntities, jsonLdBlocks, metaContent } from '../helpers/html.ts';
import type { Parsed } from './discovery-helpers.ts';
import { publishArticle } from './discovery-helpers.ts';

const site = 'http://localhost:3000';
const lead = demoArticles.find((a) => a.homePosition === 0);
if (!lead) throw new Error('no lead story');
const leadPath = `/${lead.section}/${lead.slug}`;
const browser =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';
const ctx = { requestId: 'test', now: new Date() };

for (const kind of databaseKinds) {
  describe(`structured data, sharing and rails on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(async () => {
      await t?.close();
    });
    const get = (url: string, headers: Record<string, string> = {}) =>
      t.server.inject({ method: 'GET', url, headers });
    const imageSize = async (url: string) => {
      const res = await get(url.replace(site, ''));
      assert.equal(res.statusCode, 200, url);
      assert.equal(res.headers['content-type'], url.endsWith('.png') ? 'image/png' : 'image/jpeg');
      const meta = await sharp(res.rawPayload).metadata();
      return { width: meta.width, height: meta.height };
    };

    it('describes articles as NewsArticle with every byline, dates, crops, publisher logo and corrections', async () => {
      const corrected = demoArticles.find((a) => a.corrections?.length);
      assert.ok(corrected);
      const res = await get(`/${corrected.section}/${corrected.slug}`);
      const data = jsonLdBlocks(res.body);
      const article = data.find((d) => d['@type'] === 'NewsArticle') as Parsed;
      assert.ok(article);
      assert.equal(article.headline, corrected.headline);
      assert.ok(Array.isArray(article.author));
      assert.equal(article.author.length, corrected.authors.length);
      for (const [i, slug] of corrected.authors.entries()) {
        assert.equal(article.author[i]['@type'], 'Person');
        assert.equal(article.author[i].url, `${site}/author/${slug}`);
      }
      assert.match(article.datePublished, /^\d{4}-\d{2}-\d{2}T/);
      assert.ok(Date.parse(article.dateModified) >= Date.parse(article.datePublished));
      assert.equal(article.image.length, 3, '16:9, 4:3 and 1:1');
      const sizes = await Promise.all(article.image.map((url: string) => imageSize(url)));
      assert.deepEqual(sizes, [
        { width: 1200, height: 675 },
        { width: 1200, height: 900 },
        { width: 900, height: 900 },
      ]);
      assert.match(article.image[0], /\/crop-16x9-1200\.jpg$/);
      assert.equal(article.publisher.name, 'Broadsheet');
      assert.equal(article.publisher.logo['@type'], 'ImageObject');
      assert.deepEqual(await imageSize(article.publisher.logo.url), {
        width: article.publisher.logo.width,
        height: article.publisher.logo.height,
      });
      assert.equal(article.correction[0]['@type'], 'CorrectionComment');
      assert.equal(article.correction[0].text, corrected.corrections?.[0]?.text);
      const crumbs = data.find((d) => d['@type'] === 'BreadcrumbList') as Parsed;
      assert.deepEqual(
        crumbs.itemListElement.map((i: Parsed) => i.position),
        [1, 2, 3],
      );
    });

    it('gives the home page a WebSite with a search box and an Organization with a logo', async () => {
      const data = jsonLdBlocks((await get('/')).body);
      const website = data.find((d) => d['@type'] === 'WebSite') as Parsed;
      assert.equal(website.url, `${site}/`);
      assert.equal(website.potentialAction['@type'], 'SearchAction');
      assert.equal(website.potentialAction.target.urlTemplate, `${site}/search?q={search_term_string}`);
      assert.equal(website.potentialAction['query-input'], 'required name=search_term_string');
      const organization = data.find((d) => d['@type'] === 'NewsMediaOrganization') as Parsed;
      assert.equal(organization.name, 'Broadsheet');
      assert.deepEqual(await imageSize(organization.logo.url), { width: 512, height: 512 });
      const searchPage = await get(
        website.potentialAction.target.urlTemplate.replace(site, '').replace('{search_term_string}', 'nato'),
      );
      assert.equal(searchPage.statusCode, 200, 'the search box target works');
    });

    it('has Open Graph and X card tags with a 1200×630 share picture', async () => {
      const html = (await get(leadPath)).body;
      const image = metaContent(html, 'og:image') ?? '';
      assert.match(image, /^http:\/\/localhost:3000\/media\/\d+\/crop-share-1200\.jpg$/);
      assert.deepEqual(await imageSize(image), { width: 1200, height: 630 });
      assert.equal(metaContent(html, 'og:image:width'), '1200');
      assert.equal(metaContent(html, 'og:image:height'), '630');
      assert.equal(metaContent(html, 'og:type'), 'article');
      assert.equal(metaContent(html, 'twitter:card'), 'summary_large_image');
      assert.equal(metaContent(html, 'robots'), 'index, follow, max-image-preview:large');
      assert.match(html, new RegExp(`<link rel="canonical" href="${site}${leadPath}"`));
      const authors = [...html.matchAll(/<meta property="article:author" content="([^"]+)"/g)].map(
        (m) => m[1],
      );
      assert.deepEqual(
        authors,
        lead.authors.map((slug) => `${site}/author/${slug}`),
      );
    });

    it('serves crops in one size each and refuses anything else', async () => {
      const image = metaContent((await get(leadPath)).body, 'og:image') ?? '';
      const id = /\/media\/(\d+)\//.exec(image)?.[1];
      const crop = await get(`/media/${id}/crop-16x9-1200.jpg`);
      assert.equal(crop.statusCode, 200);
      assert.match(String(crop.headers['cache-control']), /immutable/);
      for (const bad of [
        `/media/${id}/crop-16x9-1000.jpg`,
        `/media/${id}/crop-3x2-1200.jpg`,
        `/media/${id}/crop-16x9-1200.png`,
        `/media/${id}/crop-`,
        `/media/999999/crop-1x1-900.jpg`,
        `/media/abc/crop-1x1-900.jpg`,
        '/brand/logo.svg',
        '/brand/..%2F..%2Fpackage.json',
      ]) {
        assert.equal((await get(bad)).statusCode, 404, bad);
      }
      assert.deepEqual(await imageSize(`${site}/brand/icon-144.png`), { width: 144, height: 144 });
    });

    it('is an oEmbed provider, with a discovery link on articles', async () => {
      const html = (await get(leadPath)).body;
      const link = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(html)?.[1];
      assert.ok(link, 'discovery link');
      const res = await get(decodeEntities(link).replace(site, ''));
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/json; charset=utf-8');
      const body = res.json() as Parsed;
      assert.equal(body.version, '1.0');
      assert.equal(body.type, 'rich');
      assert.equal(body.title, lead.headline);
      assert.equal(body.provider_name, 'Broadsheet');
      assert.ok(body.width > 0 && body.height > 0);
      assert.match(body.html, /^<blockquote class="broadsheet-embed"/);
      assert.doesNotMatch(body.html, /<script|<iframe|on\w+=/i);
      assert.equal(body.author_url, `${site}/author/${lead.authors[0]}`);
      const narrow = (
        await get(`/oembed?url=${encodeURIComponent(site + leadPath)}&maxwidth=400`)
      ).json() as Parsed;
      assert.ok(narrow.width <= 400);
      assert.equal(narrow.thumbnail_url, undefined, 'no thumbnail wider than asked');
      const cases: [string, number][] = [
        [`/oembed?url=${encodeURIComponent(`${site}${leadPath}`)}&format=xml`, 501],
        [`/oembed?url=${encodeURIComponent(`https://elsewhere.example${leadPath}`)}`, 404],
        [`/oembed?url=${encodeURIComponent(`${site}/politics/no-such-story`)}`, 404],
        [`/oembed?url=${encodeURIComponent(`${site}/politics`)}`, 404],
        ['/oembed?url=not%20a%20url', 404],
        ['/oembed', 400],
        [`/oembed?url=${encodeURIComponent(site + leadPath)}&maxwidth=wide`, 400],
      ];
      for (const [url, status] of cases) {
        const r = await get(url);
        assert.equal(r.statusCode, status, url);
        assert.ok((r.json() as Parsed).error, 'errors are JSON too');
      }
    });

    it('shows related stories that share topics, never repeating the body’s "Read more" links', async () => {
      const data = await t.app.articles.articlePage(ctx, lead.section, lead.slug);
      const linked = new Set(referencedArticleIds(data.article.body));
      assert.ok(linked.size >= 2, 'the lead story links to others');
      const html = (await get(leadPath)).body;
      assert.match(html, /<h2 id="related-title" class="related-title">Related stories<\/h2>/);
      const related = [...html.matchAll(/class="related-link" href="([^"]+)"/g)].map((m) => m[1] ?? '');
      assert.equal(related.length, 4);
      const linkedUrls = [...data.linked.values()].map((c) => c.url);
      for (const url of related) {
        assert.ok(!linkedUrls.includes(url), `${url} is already linked from the body`);
        assert.notEqual(url, leadPath);
      }
      // The top related stories share a topic with the lead story.
      const tagsOf = (url: string) => demoArticles.find((a) => `/${a.section}/${a.slug}` === url)?.tags ?? [];
      assert.ok(tagsOf(related[0] ?? '').some((tag) => lead.tags.includes(tag)));
    });

    it('prefers shared topics and words over a story that only shares the section', async () => {
      const base = Date.now() - 86_400_000;
      const subject = await publishArticle(t.app, {
        slug: 'ospreys-return-to-loch',
        headline: 'Ospreys return to nest on Scottish loch for the first time in a century',
        body: [
          'A pair of ospreys has nested beside the loch, rangers said, and the osprey chicks are thriving.',
        ],
        section: 'science',
        tags: ['Ospreys', 'Wildlife'],
        publishedAt: new Date(base),
      });
      const topical = await publishArticle(t.app, {
        slug: 'osprey-chicks-ringed',
        headline: 'Osprey chicks ringed as rangers track migration',
        body: ['Rangers ringed three osprey chicks at the loch nest so their migration can be followed.'],
        section: 'world',
        tags: ['Ospreys'],
        publishedAt: new Date(base - 20 * 86_400_000),
      });
      const sameSection = await publishArticle(t.app, {
        slug: 'telescope-mirror-polished',
        headline: 'Telescope mirror polished to record smoothness',
        body: ['Engineers finished polishing the mirror.'],
        section: 'science',
        publishedAt: new Date(base + 60_000),
      });
      const cards = await t.app.related.preview(subject);
      const ids = cards.map((c) => c.id);
      assert.equal(ids[0], topical, 'the story about the same birds comes first');
      assert.ok(!ids.includes(sameSection) || ids.indexOf(sameSection) > ids.indexOf(topical));
      assert.deepEqual(
        (await t.app.related.preview(subject)).map((c) => c.id),
        ids,
        'deterministic',
      );

      // Editors pin and exclude; the page follows at once.
      await t.app.related.setOverrides(systemActor, subject, { pinned: [sameSection], excluded: [topical] });
      assert.deepEqual(await t.app.related.overrides(subject), {
        pinned: [sameSection],
        excluded: [topical],
      });
      const page = (await get('/science/ospreys-return-to-loch')).body;
      const shown = [...page.matchAll(/class="related-link" href="([^"]+)"/g)].map((m) => m[1]);
      assert.equal(shown[0], '/science/telescope-mirror-polished');
      assert.ok(!shown.includes('/world/osprey-chicks-ringed'));

      const contributor = {
        kind: 'user' as const,
        userId: 999,
        role: 'contributor' as const,
        name: 'C',
        authorId: null,
      };
      const refusal = (code: string) => (error: unknown) =>
        error instanceof DomainError && error.code === code;
      await assert.rejects(
        t.app.related.setOverrides(contributor, subject, { pinned: [], excluded: [] }),
        refusal('forbidden'),
      );
      await assert.rejects(
        t.app.related.setOverrides(systemActor, subject, { pinned: [subject], excluded: [] }),
        refusal('validation_failed'),
      );
      await assert.rejects(
        t.app.related.setOverrides(systemActor, subject, { pinned: [topical], excluded: [topical] }),
        refusal('validation_failed'),
      );
      await assert.rejects(
        t.app.related.setOverrides(systemActor, subject, { pinned: [9_999_999], excluded: [] }),
        refusal('validation_failed'),
      );
      await assert.rejects(
        t.app.related.setOverrides(systemActor, 9_999_999, { pinned: [], excluded: [] }),
        refusal('not_found'),
      );
      await assert.rejects(
        t.app.related.setOverrides(systemActor, subject, { pinned: 'x' }),
        refusal('validation_failed'),
      );
      await t.app.related.setOverrides(systemActor, subject, { pinned: [], excluded: [] });
      assert.equal((await t.app.related.preview(subject))[0]?.id, topical);
    });

    it('counts views without cookies, filters bots, aggregates per hour and shows "Most read"', async () => {
      const target = demoArticles[5];
      assert.ok(target);
      const { article } = await t.app.articles.articlePage(ctx, target.section, target.slug);
      const beacon = (headers: Record<string, string>, payload: string) =>
        t.server.inject({
          method: 'POST',
          url: '/views',
          payload,
          headers: { 'content-type': 'text/plain;charset=UTF-8', ...headers },
        });
      const hourNow = hourStart(new Date()).getTime();
      const window = [new Date(hourNow - 3_600_000), new Date(hourNow + 2 * 3_600_000)] as const;
      const before = (await t.app.views.viewsByHour(article.id, ...window)).reduce(
        (sum, h) => sum + h.views,
        0,
      );
      for (let i = 0; i < 3; i++) {
        const res = await beacon(
          { 'user-agent': browser, 'x-forwarded-for': `198.51.100.${i}` },
          JSON.stringify({ id: article.id }),
        );
        assert.equal(res.statusCode, 204);
        assert.equal(res.headers['set-cookie'], undefined, 'no cookie');
      }
      const json = await t.server.inject({
        method: 'POST',
        url: '/views',
        payload: { id: article.id },
        headers: { 'user-agent': browser, 'x-forwarded-for': '198.51.100.9' },
      });
      assert.equal(json.statusCode, 204);
      // Not counted: a reload, bots, other sites, nonsense.
      await beacon(
        { 'user-agent': browser, 'x-forwarded-for': '198.51.100.0' },
        JSON.stringify({ id: article.id }),
      );
      await beacon(
        { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' },
        JSON.stringify({ id: article.id }),
      );
      await beacon({ 'user-agent': 'curl/8.5.0' }, JSON.stringify({ id: article.id }));
      await beacon(
        { 'user-agent': browser, 'sec-fetch-site': 'cross-site', 'x-forwarded-for': '198.51.100.50' },
        JSON.stringify({ id: article.id }),
      );
      assert.equal((await beacon({ 'user-agent': browser }, 'not json')).statusCode, 204);
      assert.equal(
        (await beacon({ 'user-agent': browser }, JSON.stringify({ id: 'DROP TABLE' }))).statusCode,
        204,
      );
      assert.equal((await beacon({ 'user-agent': browser }, JSON.stringify({ id: 987654 }))).statusCode, 204);
      assert.equal(
        (await beacon({ 'user-agent': browser }, 'x'.repeat(5000))).statusCode,
        413,
        'tiny bodies only',
      );
      const chart = await t.app.views.viewsByHour(article.id, ...window);
      assert.equal(chart.length, 3, 'one entry per hour, empty hours included');
      assert.equal(chart.reduce((sum, h) => sum + h.views, 0) - before, 4);
      assert.ok(chart.every((h) => h.hour.getUTCMinutes() === 0 && h.hour.getUTCSeconds() === 0));

      t.app.views.invalidate();
      const home = (await get('/')).body;
      assert.match(home, /<h2 id="home-most-read-title" class="most-read-title">Most read<\/h2>/);
      const first = /class="most-read-link" href="([^"]+)"/.exec(home)?.[1];
      assert.equal(first, `/${target.section}/${target.slug}`);
      const page = (await get(leadPath)).body;
      assert.match(page, /class="most-read-title">Most read<\/h2>/);
      assert.match(page, new RegExp(`class="most-read-link" href="/${target.section}/${target.slug}"`));
      assert.match(
        page,
        new RegExp(
          `data-article-id="${(await t.app.articles.articlePage(ctx, lead.section, lead.slug)).article.id}"`,
        ),
      );
    });

    it('loads the islands from the site, with no inline script', async () => {
      const html = (await get(leadPath)).body;
      const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1] ?? '');
      const external = scripts.filter((attrs) => /src=/.test(attrs));
      assert.ok(external.some((a) => /src="\/assets\/search\.[0-9a-f]+\.js"/.test(a)));
      assert.ok(external.some((a) => /src="\/assets\/views\.[0-9a-f]+\.js"/.test(a)));
      assert.ok(
        scripts.every((attrs) => /src=/.test(attrs) || /type="application\/ld\+json"/.test(attrs)),
        'only data blocks are inline',
      );
      for (const attrs of external) {
        const src = /src="([^"]+)"/.exec(attrs)?.[1] ?? '';
        const res = await get(src);
        assert.equal(res.statusCode, 200, src);
        assert.match(String(res.headers['content-type']), /javascript/);
      }
      const home = (await get('/')).body;
      assert.doesNotMatch(home, /views\.[0-9a-f]+\.js/, 'the beacon is only on articles');
      assert.match(
        home,
        /<search aria-label="Site"><form class="masthead-search" action="\/search" method="get"/,
      );
    });
  });
}
