import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  atomXml,
  type FeedDocument,
  jsonFeed,
  newsLanguage,
  newsSitemapXml,
  rfc822,
  rssXml,
  sitemapIndexXml,
  sitemapXml,
  WebSubPublisher,
} from '../../src/modules/feeds/index.ts';
import { type Parsed, parseXml, text, validateSitemap } from '../http/discovery-helpers.ts';

const published = new Date('2026-06-22T06:00:00Z');
const feed: FeedDocument = {
  title: 'Broadsheet & Co <news>',
  description: 'The latest news.',
  pageUrl: 'https://news.example/',
  selfUrl: 'https://news.example/feed.xml',
  language: 'en-GB',
  updated: new Date('2026-06-22T07:00:00Z'),
  publisher: 'Broadsheet',
  siteUrl: 'https://news.example/',
  icon: 'https://news.example/brand/icon-512.png',
  smallLogo: { url: 'https://news.example/brand/icon-144.png', width: 144, height: 144 },
  hub: 'https://hub.example/',
  owners: [],
  items: [
    {
      id: 'tag:news.example,2026-06-22:article:1',
      url: 'https://news.example/politics/a-story',
      title: 'A story with “quotes”, <tags> & a \u0001control character',
      summary: 'What happened.',
      contentHtml: '<p>Body with <a href="https://news.example/x">a link</a> and ]]> inside.</p>',
      published,
      updated: published,
      authors: [
        { name: 'Eleanor Marsh', url: 'https://news.example/author/eleanor-marsh' },
        { name: 'Daniel Okafor', url: 'https://news.example/author/daniel-okafor' },
      ],
      section: { name: 'Politics', url: 'https://news.example/politics' },
      tags: [{ name: 'NATO', url: 'https://news.example/tag/nato' }],
      image: {
        url: 'https://news.example/media/1/crop-16x9-1200.jpg',
        type: 'image/jpeg',
        width: 1200,
        height: 675,
        bytes: 51234,
        alt: 'Westminster',
        caption: 'The Palace of Westminster.',
        credit: 'Alamy',
      },
    },
  ],
};

describe('feed serialisers', () => {
  it('writes RSS 2.0 with the required channel and item elements', () => {
    const xml = rssXml(feed);
    const rss: Parsed = parseXml(xml).rss;
    assert.equal(rss['@_version'], '2.0');
    const channel = rss.channel;
    assert.equal(text(channel.title), feed.title, 'escaped, and read back intact');
    assert.equal(text(channel.link), feed.pageUrl);
    assert.equal(text(channel.description), feed.description);
    assert.equal(text(channel.language), 'en-gb');
    const self = channel['atom:link'].find((l: Record<string, string>) => l['@_rel'] === 'self');
    assert.equal(self['@_href'], feed.selfUrl);
    assert.equal(
      channel['atom:link'].find((l: Record<string, string>) => l['@_rel'] === 'hub')['@_href'],
      feed.hub,
    );
    assert.ok(Number(text(channel.image.width)) <= 144);
    const [item] = channel.item;
    assert.equal(
      text(item.title),
      'A story with “quotes”, <tags> & a control character',
      'control character dropped',
    );
    assert.equal(text(item.guid), feed.items[0]?.id);
    assert.equal(item.guid['@_isPermaLink'], 'false');
    assert.equal(text(item.pubDate), 'Mon, 22 Jun 2026 06:00:00 GMT');
    assert.equal(text(item['content:encoded']), feed.items[0]?.contentHtml);
    assert.deepEqual(item['dc:creator'].map(text), ['Eleanor Marsh', 'Daniel Okafor']);
    assert.deepEqual(item.category.map(text), ['Politics', 'NATO']);
    assert.equal(item.enclosure['@_length'], '51234');
    assert.equal(item.enclosure['@_type'], 'image/jpeg');
    assert.equal(item['media:content']['@_url'], feed.items[0]?.image?.url);
    assert.equal(item['media:content']['@_medium'], 'image');
    assert.equal(text(item['media:content']['media:credit']), 'Alamy');
    assert.match(xml, /xmlns:media="http:\/\/search\.yahoo\.com\/mrss\/"/);
  });

  it('writes Atom 1.0 with ids, titles, updated, links and authors', () => {
    const root: Parsed = parseXml(atomXml(feed)).feed;
    assert.equal(root['@_xmlns'], 'http://www.w3.org/2005/Atom');
    assert.equal(root['@_xml:lang'], 'en-GB');
    assert.equal(text(root.id), feed.selfUrl);
    assert.equal(text(root.title), feed.title);
    assert.equal(text(root.updated), '2026-06-22T07:00:00Z');
    const rels = Object.fromEntries(root.link.map((l: Record<string, string>) => [l['@_rel'], l['@_href']]));
    assert.deepEqual(rels, { alternate: feed.pageUrl, self: feed.selfUrl, hub: feed.hub });
    assert.equal(text(root.author[0].name), 'Broadsheet', 'a feed-level author covers unsigned entries');
    const [entry] = root.entry;
    assert.equal(text(entry.id), feed.items[0]?.id);
    assert.equal(text(entry.published), '2026-06-22T06:00:00Z');
    assert.equal(text(entry.updated), '2026-06-22T06:00:00Z');
    assert.deepEqual(
      entry.author.map((a: Record<string, unknown>) => text(a.name)),
      ['Eleanor Marsh', 'Daniel Okafor'],
    );
    assert.equal(entry.content['@_type'], 'html');
    assert.equal(text(entry.content), feed.items[0]?.contentHtml);
    const enclosure = entry.link.find((l: Record<string, string>) => l['@_rel'] === 'enclosure');
    assert.equal(enclosure['@_href'], feed.items[0]?.image?.url);
  });

  it('writes JSON Feed 1.1 with its required keys', () => {
    const doc = JSON.parse(jsonFeed(feed));
    assert.equal(doc.version, 'https://jsonfeed.org/version/1.1');
    assert.equal(doc.title, feed.title);
    assert.equal(doc.feed_url, feed.selfUrl);
    assert.deepEqual(doc.hubs, [{ type: 'WebSub', url: feed.hub }]);
    const [item] = doc.items;
    assert.equal(typeof item.id, 'string');
    assert.equal(item.content_html, feed.items[0]?.contentHtml);
    assert.equal(item.date_published, '2026-06-22T06:00:00.000Z');
    assert.deepEqual(
      item.authors.map((a: { name: string }) => a.name),
      ['Eleanor Marsh', 'Daniel Okafor'],
    );
    assert.equal(item.author, undefined, '1.1 uses authors, not the deprecated author');
    const summary = JSON.parse(
      jsonFeed({ ...feed, hub: null, items: feed.items.map((item) => ({ ...item, contentHtml: null })) }),
    );
    assert.equal(summary.items[0].content_text, 'What happened.');
    assert.equal(summary.items[0].content_html, undefined);
    assert.equal(summary.hubs, undefined);
  });

  it('writes sitemaps that validate against the sitemap, image and news schemas', () => {
    const urls = [
      {
        loc: 'https://news.example/politics/a?b=1&c=2',
        lastmod: published,
        images: ['https://news.example/media/1/1600.jpg'],
      },
    ];
    const xml = sitemapXml(urls);
    validateSitemap(xml);
    assert.match(xml, /<loc>https:\/\/news\.example\/politics\/a\?b=1&amp;c=2<\/loc>/);
    validateSitemap(
      sitemapIndexXml([{ loc: 'https://news.example/sitemaps/pages.xml', lastmod: published }]),
    );
    validateSitemap(
      newsSitemapXml({ name: 'Broadsheet', language: newsLanguage('en-GB') }, [
        { loc: 'https://news.example/a/b', title: 'T & <u>', published, images: [] },
      ]),
    );
    validateSitemap(newsSitemapXml({ name: 'Broadsheet', language: 'en' }, []));
    assert.throws(() => validateSitemap(sitemapXml([{ loc: 'not a url' }])));
  });

  it('maps site languages to Google News codes', () => {
    assert.equal(newsLanguage('en-GB'), 'en');
    assert.equal(newsLanguage('fr'), 'fr');
    assert.equal(newsLanguage('zh-Hant-TW'), 'zh-tw');
    assert.equal(newsLanguage('zh-CN'), 'zh-cn');
    assert.equal(rfc822(published), 'Mon, 22 Jun 2026 06:00:00 GMT');
  });
});

describe('WebSub', () => {
  it('batches feed URLs into one publish ping and logs a refusal instead of throwing', async () => {
    const calls: { url: string; body: string }[] = [];
    const warnings: string[] = [];
    let status = 204;
    const publisher = new WebSubPublisher(
      'https://hub.example/',
      { warn: (_details, message) => warnings.push(message) },
      {
        delayMs: 60_000,
        fetch: async (url, init) => {
          calls.push({ url, body: String(init.body) });
          return new Response(null, { status });
        },
      },
    );
    publisher.notify(['https://news.example/feed.xml', 'https://news.example/atom.xml']);
    publisher.notify(['https://news.example/feed.xml']);
    await publisher.flush();
    assert.equal(calls.length, 1);
    const body = new URLSearchParams(calls[0]?.body);
    assert.equal(body.get('hub.mode'), 'publish');
    assert.deepEqual(body.getAll('hub.url'), [
      'https://news.example/feed.xml',
      'https://news.example/atom.xml',
    ]);
    status = 500;
    publisher.notify(['https://news.example/feed.json']);
    await publisher.flush();
    assert.deepEqual(warnings, ['WebSub hub refused a ping']);
  });
});
