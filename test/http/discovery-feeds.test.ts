import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { demoArticles } from '../../src/demo/content/index.ts';
import { distributionSettings } from '../../src/modules/feeds/index.ts';
import { databaseKinds, startTestApp, type TestApp } from '../helpers/app.ts';
import { decodeEntities } from '../helpers/html.ts';
import { type Parsed, parseXml, publishArticle, text } from './discovery-helpers.ts';

const site = 'http://localhost:3000';
const lead = demoArticles.find((a) => a.homePosition === 0);
if (!lead) throw new Error('no lead story');
const rfc822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Starts an app with some environment variables set only while it is wired. */
async function startWithEnv(
  kind: (typeof databaseKinds)[number],
  env: Record<string, string>,
): Promise<TestApp> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await startTestApp(kind);
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

for (const kind of databaseKinds) {
  describe(`feeds on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(async () => {
      await t?.close();
    });
    const get = (url: string, headers: Record<string, string> = {}) =>
      t.server.inject({ method: 'GET', url, headers });

    it('serves the site as RSS 2.0 with every required element, full content and images', async () => {
      const res = await get('/feed.xml');
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/rss+xml; charset=utf-8');
      const rss: Parsed = parseXml(res.body).rss;
      assert.equal(rss['@_version'], '2.0');
      const channel = rss.channel;
      assert.equal(text(channel.title), 'Broadsheet');
      assert.equal(text(channel.link), `${site}/`);
      assert.ok(text(channel.description).length > 10);
      assert.match(text(channel.lastBuildDate), rfc822);
      assert.equal(channel['atom:link'][0]['@_href'], `${site}/feed.xml`);
      assert.equal(channel['atom:link'][0]['@_rel'], 'self');
      assert.equal(channel.item.length, 20);
      const guids = new Set<string>();
      let previous = Number.POSITIVE_INFINITY;
      for (const item of channel.item) {
        assert.ok(text(item.title), 'title');
        assert.match(text(item.link), /^http:\/\/localhost:3000\/[a-z-]+\/[a-z0-9-]+$/);
        assert.equal(item.guid['@_isPermaLink'], 'false');
        assert.match(text(item.guid), /^tag:localhost,\d{4}-\d{2}-\d{2}:article:\d+$/);
        guids.add(text(item.guid));
        assert.match(text(item.pubDate), rfc822);
        const time = Date.parse(text(item.pubDate));
        assert.ok(time <= previous, 'newest first');
        previous = time;
        assert.ok(text(item.description), 'standfirst as description');
        assert.match(text(item['content:encoded']), /^<p>/, 'full content');
        assert.ok(item['dc:creator'].length >= 1);
      }
      assert.equal(guids.size, 20, 'guids are unique');
      const withImage = channel.item.find((item: Parsed) => item.enclosure);
      assert.ok(withImage, 'lead pictures as enclosures');
      assert.equal(withImage.enclosure['@_type'], 'image/jpeg');
      const picture = await get(withImage.enclosure['@_url'].replace(site, ''));
      assert.equal(picture.statusCode, 200);
      assert.equal(
        String(picture.rawPayload.length),
        withImage.enclosure['@_length'],
        'length is the real size',
      );
      assert.equal(withImage['media:content']['@_url'], withImage.enclosure['@_url']);
      assert.equal(withImage['media:content']['@_width'], '1200');
      assert.equal(withImage['media:content']['@_height'], '675');
      // Links inside the content are absolute, and nothing executable gets through.
      const content = channel.item.map((item: Parsed) => text(item['content:encoded'])).join('');
      assert.doesNotMatch(content, /href="\/(?!\/)/);
      assert.doesNotMatch(content, /<script|javascript:/i);
    });

    it('serves Atom 1.0 with ids, updated times, authors and alternate links', async () => {
      const res = await get('/atom.xml');
      assert.equal(res.headers['content-type'], 'application/atom+xml; charset=utf-8');
      const feed: Parsed = parseXml(res.body).feed;
      assert.equal(feed['@_xmlns'], 'http://www.w3.org/2005/Atom');
      assert.equal(text(feed.id), `${site}/atom.xml`);
      assert.equal(text(feed.title), 'Broadsheet');
      assert.match(text(feed.updated), rfc3339);
      const links = feed.link.map((l: Parsed) => [l['@_rel'], l['@_href']]);
      assert.deepEqual(links, [
        ['alternate', `${site}/`],
        ['self', `${site}/atom.xml`],
      ]);
      assert.ok(feed.author.length >= 1, 'a feed-level author');
      for (const entry of feed.entry) {
        assert.match(text(entry.id), /^tag:/);
        assert.ok(text(entry.title));
        assert.match(text(entry.updated), rfc3339);
        assert.match(text(entry.published), rfc3339);
        assert.equal(entry.link.find((l: Parsed) => l['@_rel'] === 'alternate')['@_type'], 'text/html');
        assert.equal(entry.content['@_type'], 'html');
      }
    });

    it('serves JSON Feed 1.1', async () => {
      const res = await get('/feed.json');
      assert.equal(res.headers['content-type'], 'application/feed+json; charset=utf-8');
      const feed = res.json() as Parsed;
      assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
      assert.equal(feed.title, 'Broadsheet');
      assert.equal(feed.home_page_url, `${site}/`);
      assert.equal(feed.feed_url, `${site}/feed.json`);
      assert.equal(feed.language, 'en-GB');
      assert.equal(feed.items.length, 20);
      for (const item of feed.items) {
        assert.equal(typeof item.id, 'string');
        assert.ok(item.content_html || item.content_text);
        assert.match(item.url, /^http:\/\/localhost:3000\//);
        assert.ok(Date.parse(item.date_published));
        assert.ok(Array.isArray(item.authors) && item.authors.every((a: Parsed) => a.name && a.url));
      }
      assert.ok(feed.items.some((item: Parsed) => /\/media\/\d+\/crop-16x9-\d+\.jpg$/.test(item.image)));
    });

    it('has feeds for every section, topic and author, with only their stories', async () => {
      const politics: Parsed = parseXml((await get('/feeds/section/politics/rss.xml')).body).rss.channel;
      assert.equal(text(politics.title), 'Politics | Broadsheet');
      assert.equal(text(politics.link), `${site}/politics`);
      assert.ok(politics.item.length > 0);
      assert.ok(politics.item.every((item: Parsed) => text(item.link).startsWith(`${site}/politics/`)));
      const tag = (lead.tags[0] ?? '').toLowerCase();
      const topic: Parsed = parseXml((await get(`/feeds/tag/${tag}/atom.xml`)).body).feed;
      assert.ok(topic.entry.some((e: Parsed) => text(e.title) === lead.headline));
      assert.ok(
        topic.entry.every((e: Parsed) => e.category.some((c: Parsed) => c['@_term'] === lead.tags[0])),
        'every entry carries the topic',
      );
      const author = (await get(`/feeds/author/${lead.authors[0]}/feed.json`)).json() as Parsed;
      assert.equal(author.authors[0].url, `${site}/author/${lead.authors[0]}`);
      assert.ok(
        author.items.every((item: Parsed) =>
          item.authors.some((a: Parsed) => a.url === author.authors[0].url),
        ),
      );
      for (const missing of [
        '/feeds/section/nowhere/rss.xml',
        '/feeds/tag/never-used/atom.xml',
        '/feeds/author/nobody/feed.json',
        '/feeds/section/politics/feed.xml',
        '/feeds/planet/politics/rss.xml',
        '/feeds/section/Politics/rss.xml',
      ]) {
        assert.equal((await get(missing)).statusCode, 404, missing);
      }
    });

    it('answers conditional requests with 304 and changes validators when content changes', async () => {
      for (const url of ['/feed.xml', '/atom.xml', '/feed.json', '/feeds/section/politics/rss.xml']) {
        const first = await get(url);
        const etag = String(first.headers.etag);
        const lastModified = String(first.headers['last-modified']);
        assert.match(etag, /^W\/"/);
        assert.ok(Date.parse(lastModified), `${url} has Last-Modified`);
        assert.match(String(first.headers['cache-control']), /public/);
        const byEtag = await get(url, { 'if-none-match': etag });
        assert.equal(byEtag.statusCode, 304, `${url} If-None-Match`);
        assert.equal(byEtag.body, '');
        assert.equal((await get(url, { 'if-none-match': `"x", ${etag}` })).statusCode, 304, 'a list of tags');
        assert.equal(
          (await get(url, { 'if-modified-since': lastModified })).statusCode,
          304,
          `${url} If-Modified-Since`,
        );
        assert.equal((await get(url, { 'if-none-match': '"stale"' })).statusCode, 200);
        assert.equal(
          (await get(url, { 'if-modified-since': new Date(Date.parse(lastModified) - 1000).toUTCString() }))
            .statusCode,
          200,
        );
      }
      const before = await get('/feed.xml');
      await publishArticle(t.app, {
        slug: 'feeds-test-new-story',
        headline: 'A story published during the feed test',
        body: ['Fresh news.'],
        publishedAt: new Date(Date.now() + 60_000),
      });
      const afterPublish = await get('/feed.xml', { 'if-none-match': String(before.headers.etag) });
      assert.equal(afterPublish.statusCode, 200, 'a new story means new bytes');
      assert.notEqual(afterPublish.headers.etag, before.headers.etag);
      assert.ok(
        Date.parse(String(afterPublish.headers['last-modified'])) >=
          Date.parse(String(before.headers['last-modified'])),
      );
      assert.match(decodeEntities(afterPublish.body), /A story published during the feed test/);
    });

    it('announces its feeds on pages for autodiscovery', async () => {
      const alternates = (html: string) =>
        [...html.matchAll(/<link rel="alternate" type="([^"]+)" title="([^"]+)" href="([^"]+)"/g)].map(
          (m) => [m[1], decodeEntities(m[2] ?? ''), m[3]],
        );
      const home = alternates((await get('/')).body);
      assert.deepEqual(home, [
        ['application/rss+xml', 'Broadsheet (RSS)', `${site}/feed.xml`],
        ['application/atom+xml', 'Broadsheet (Atom)', `${site}/atom.xml`],
        ['application/feed+json', 'Broadsheet (JSON Feed)', `${site}/feed.json`],
      ]);
      const section = alternates((await get('/politics')).body).map((a) => a[2]);
      assert.ok(section.includes(`${site}/feeds/section/politics/rss.xml`));
      const tag = (lead.tags[0] ?? '').toLowerCase();
      assert.ok(
        alternates((await get(`/tag/${tag}`)).body).some((a) => a[2] === `${site}/feeds/tag/${tag}/atom.xml`),
      );
      const author = alternates((await get(`/author/${lead.authors[0]}`)).body);
      assert.ok(author.some((a) => a[2] === `${site}/feeds/author/${lead.authors[0]}/feed.json`));
      const article = alternates((await get(`/${lead.section}/${lead.slug}`)).body).map((a) => a[2]);
      assert.ok(article.includes(`${site}/feeds/section/${lead.section}/rss.xml`));
      // Every advertised feed exists.
      for (const url of new Set([...section, ...article])) {
        assert.equal((await get(String(url).replace(site, ''))).statusCode, 200, url);
      }
    });
  });
}

describe('feed settings', () => {
  it('carries only summaries when FEED_CONTENT=summary', async () => {
    const t = await startWithEnv('pglite', { FEED_CONTENT: 'summary' });
    try {
      const rss: Parsed = parseXml((await t.server.inject('/feed.xml')).body).rss;
      assert.ok(rss.channel.item.every((item: Parsed) => item['content:encoded'] === undefined));
      assert.ok(rss.channel.item.every((item: Parsed) => text(item.description)));
      const json = (await t.server.inject('/feed.json')).json() as Parsed;
      assert.ok(json.items.every((item: Parsed) => item.content_text && !item.content_html));
      const atom: Parsed = parseXml((await t.server.inject('/atom.xml')).body).feed;
      assert.ok(atom.entry.every((entry: Parsed) => entry.content === undefined && text(entry.summary)));
    } finally {
      await t.close();
    }
  });

  it('pings the WebSub hub after a change and advertises it in feeds and headers', async () => {
    const pings: URLSearchParams[] = [];
    const hub: Server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        pings.push(new URLSearchParams(body));
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => hub.listen(0, '127.0.0.1', resolve));
    const hubUrl = `http://127.0.0.1:${(hub.address() as AddressInfo).port}/`;
    const t = await startWithEnv('pglite', { WEBSUB_HUB: hubUrl });
    try {
      const res = await t.server.inject('/feed.xml');
      assert.equal(res.headers.link, `<${hubUrl}>; rel="hub", <${site}/feed.xml>; rel="self"`);
      const channel: Parsed = parseXml(res.body).rss.channel;
      assert.ok(channel['atom:link'].some((l: Parsed) => l['@_rel'] === 'hub' && l['@_href'] === hubUrl));
      const json = (await t.server.inject('/feed.json')).json() as Parsed;
      assert.deepEqual(json.hubs, [{ type: 'WebSub', url: hubUrl }]);
      await t.app.articleEvents.emit({
        type: 'published',
        articleId: 1,
        sectionSlugs: ['politics'],
        authorSlugs: ['eleanor-marsh'],
        tagSlugs: ['nato'],
        at: new Date(),
      });
      await t.app.websub?.flush();
      assert.equal(pings.length, 1);
      assert.equal(pings[0]?.get('hub.mode'), 'publish');
      const urls = pings[0]?.getAll('hub.url') ?? [];
      for (const url of [
        `${site}/feed.xml`,
        `${site}/atom.xml`,
        `${site}/feed.json`,
        `${site}/feeds/section/politics/rss.xml`,
        `${site}/feeds/tag/nato/atom.xml`,
        `${site}/feeds/author/eleanor-marsh/feed.json`,
      ]) {
        assert.ok(urls.includes(url), url);
      }
    } finally {
      await t.close();
      hub.close();
    }
  });

  it('logs a failed ping and carries on', async () => {
    const t = await startWithEnv('pglite', { WEBSUB_HUB: 'http://127.0.0.1:9/' });
    const warn = console.warn;
    const warnings: string[] = [];
    console.warn = (message: string) => warnings.push(String(message));
    try {
      await t.app.articleEvents.emit({
        type: 'updated',
        articleId: 1,
        sectionSlugs: [],
        authorSlugs: [],
        tagSlugs: [],
        at: new Date(),
      });
      await t.app.websub?.flush();
      assert.deepEqual(warnings, ['WebSub ping failed']);
      assert.equal((await t.server.inject('/feed.xml')).statusCode, 200);
    } finally {
      console.warn = warn;
      await t.close();
    }
  });

  it('refuses a bad setting clearly', () => {
    assert.throws(() => distributionSettings({ FEED_CONTENT: 'everything' }), /FEED_CONTENT/);
    assert.throws(() => distributionSettings({ WEBSUB_HUB: 'ftp://hub.example/' }), /WEBSUB_HUB/);
    assert.deepEqual(distributionSettings({}), { feedContent: 'full', websubHub: null });
  });
});
