import { create } from 'xmlbuilder2';
import type { FeedDocument, FeedItem, NewsSitemapUrl, SitemapIndexEntry, SitemapUrl } from './feed.ts';

/**
 * XML is built with xmlbuilder2, never by string concatenation: text and attributes are escaped by the
 * library, and characters XML cannot carry (control characters) are dropped rather than breaking a reader.
 */
const ns = {
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  media: 'http://search.yahoo.com/mrss/',
  sitemap: 'http://www.sitemaps.org/schemas/sitemap/0.9',
  image: 'http://www.google.com/schemas/sitemap-image/1.1',
  news: 'http://www.google.com/schemas/sitemap-news/0.9',
} as const;

export const generatorName = 'Broadsheet';

function newDocument() {
  return create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' });
}

/** RFC 822 dates, as RSS 2.0 requires: "Mon, 22 Jun 2026 08:00:00 GMT". */
export function rfc822(date: Date): string {
  return date.toUTCString();
}

/** W3C datetime / RFC 3339 without milliseconds. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** RSS 2.0 with the content, Dublin Core, Media RSS and Atom (self and hub links) namespaces. */
export function rssXml(feed: FeedDocument): string {
  const doc = newDocument();
  const rss = doc.ele('rss', {
    version: '2.0',
    'xmlns:atom': ns.atom,
    'xmlns:content': ns.content,
    'xmlns:dc': ns.dc,
    'xmlns:media': ns.media,
  });
  const channel = rss.ele('channel');
  channel.ele('title').txt(feed.title);
  channel.ele('link').txt(feed.pageUrl);
  channel.ele('description').txt(feed.description);
  channel.ele('language').txt(feed.language.toLowerCase());
  channel.ele('lastBuildDate').txt(rfc822(feed.updated));
  channel.ele('generator').txt(generatorName);
  channel.ele('docs').txt('https://www.rssboard.org/rss-specification');
  channel.ele('ttl').txt('15');
  channel.ele('atom:link', { href: feed.selfUrl, rel: 'self', type: 'application/rss+xml' });
  if (feed.hub) channel.ele('atom:link', { href: feed.hub, rel: 'hub' });
  const image = channel.ele('image');
  image.ele('url').txt(feed.smallLogo.url);
  image.ele('title').txt(feed.title);
  image.ele('link').txt(feed.pageUrl);
  image.ele('width').txt(String(feed.smallLogo.width));
  image.ele('height').txt(String(feed.smallLogo.height));
  for (const item of feed.items) rssItem(channel, item);
  return doc.end({ prettyPrint: true });
}

type Node = ReturnType<typeof newDocument>;

function rssItem(channel: Node, item: FeedItem): void {
  const el = channel.ele('item');
  el.ele('title').txt(item.title);
  el.ele('link').txt(item.url);
  el.ele('guid', { isPermaLink: 'false' }).txt(item.id);
  el.ele('pubDate').txt(rfc822(item.published));
  el.ele('description').txt(item.summary);
  if (item.contentHtml) el.ele('content:encoded').txt(item.contentHtml);
  for (const author of item.authors) el.ele('dc:creator').txt(author.name);
  el.ele('category').txt(item.section.name);
  for (const tag of item.tags) el.ele('category').txt(tag.name);
  if (item.image) {
    el.ele('enclosure', { url: item.image.url, length: String(item.image.bytes), type: item.image.type });
    mediaContent(el, item.image);
  }
}

function mediaContent(parent: Node, image: NonNullable<FeedItem['image']>): void {
  const media = parent.ele('media:content', {
    url: image.url,
    medium: 'image',
    type: image.type,
    width: String(image.width),
    height: String(image.height),
    fileSize: String(image.bytes),
  });
  if (image.caption || image.alt) {
    media.ele('media:description', { type: 'plain' }).txt(image.caption || image.alt);
  }
  if (image.credit) media.ele('media:credit').txt(image.credit);
}

/** Atom 1.0 (RFC 4287), with Media RSS for pictures. */
export function atomXml(feed: FeedDocument): string {
  const doc = newDocument();
  const root = doc.ele(ns.atom, 'feed', { 'xml:lang': feed.language, 'xmlns:media': ns.media });
  root.ele('id').txt(feed.selfUrl);
  root.ele('title', { type: 'text' }).txt(feed.title);
  root.ele('subtitle', { type: 'text' }).txt(feed.description);
  root.ele('updated').txt(isoSeconds(feed.updated));
  root.ele('link', { rel: 'alternate', type: 'text/html', href: feed.pageUrl });
  root.ele('link', { rel: 'self', type: 'application/atom+xml', href: feed.selfUrl });
  if (feed.hub) root.ele('link', { rel: 'hub', href: feed.hub });
  root.ele('icon').txt(feed.icon);
  root.ele('generator').txt(generatorName);
  // A feed-level author makes every entry valid, even a wire story with no byline.
  const owners = feed.owners.length > 0 ? feed.owners : [{ name: feed.publisher, url: feed.siteUrl }];
  for (const owner of owners) {
    const author = root.ele('author');
    author.ele('name').txt(owner.name);
    author.ele('uri').txt(owner.url);
  }
  for (const item of feed.items) {
    const entry = root.ele('entry');
    entry.ele('id').txt(item.id);
    entry.ele('title', { type: 'text' }).txt(item.title);
    entry.ele('link', { rel: 'alternate', type: 'text/html', href: item.url });
    entry.ele('published').txt(isoSeconds(item.published));
    entry.ele('updated').txt(isoSeconds(item.updated));
    for (const person of item.authors) {
      const author = entry.ele('author');
      author.ele('name').txt(person.name);
      author.ele('uri').txt(person.url);
    }
    entry.ele('category', { term: item.section.name });
    for (const tag of item.tags) entry.ele('category', { term: tag.name });
    entry.ele('summary', { type: 'text' }).txt(item.summary);
    if (item.contentHtml) entry.ele('content', { type: 'html' }).txt(item.contentHtml);
    if (item.image) {
      entry.ele('link', {
        rel: 'enclosure',
        type: item.image.type,
        href: item.image.url,
        length: String(item.image.bytes),
      });
      mediaContent(entry, item.image);
    }
  }
  return doc.end({ prettyPrint: true });
}

/** A sitemap (sitemaps.org 0.9) with Google's image extension. */
export function sitemapXml(urls: readonly SitemapUrl[]): string {
  const doc = newDocument();
  const root = doc.ele(ns.sitemap, 'urlset', { 'xmlns:image': ns.image });
  for (const url of urls) {
    const el = root.ele('url');
    el.ele('loc').txt(url.loc);
    if (url.lastmod) el.ele('lastmod').txt(isoSeconds(url.lastmod));
    for (const image of url.images ?? [])
      el.ele(ns.image, 'image:image').ele(ns.image, 'image:loc').txt(image);
  }
  return doc.end({ prettyPrint: true });
}

/** The sitemap index that names every other sitemap. */
export function sitemapIndexXml(entries: readonly SitemapIndexEntry[]): string {
  const doc = newDocument();
  const root = doc.ele(ns.sitemap, 'sitemapindex');
  for (const entry of entries) {
    const el = root.ele('sitemap');
    el.ele('loc').txt(entry.loc);
    if (entry.lastmod) el.ele('lastmod').txt(isoSeconds(entry.lastmod));
  }
  return doc.end({ prettyPrint: true });
}

/** Google News sitemap: publication, publication date and title for each recent story. */
export function newsSitemapXml(
  publication: { name: string; language: string },
  urls: readonly NewsSitemapUrl[],
): string {
  const doc = newDocument();
  const root = doc.ele(ns.sitemap, 'urlset', { 'xmlns:news': ns.news, 'xmlns:image': ns.image });
  for (const url of urls) {
    const el = root.ele('url');
    el.ele('loc').txt(url.loc);
    const news = el.ele(ns.news, 'news:news');
    const pub = news.ele(ns.news, 'news:publication');
    pub.ele(ns.news, 'news:name').txt(publication.name);
    pub.ele(ns.news, 'news:language').txt(publication.language);
    news.ele(ns.news, 'news:publication_date').txt(isoSeconds(url.published));
    news.ele(ns.news, 'news:title').txt(url.title);
    for (const image of url.images ?? [])
      el.ele(ns.image, 'image:image').ele(ns.image, 'image:loc').txt(image);
  }
  return doc.end({ prettyPrint: true });
}

/**
 * Google News wants ISO 639 language codes: two or three letters, except Chinese, which is zh-cn or zh-tw.
 */
export function newsLanguage(language: string): string {
  const lower = language.toLowerCase().replace('_', '-');
  if (lower.startsWith('zh')) return /tw|hant|hk|mo/.test(lower) ? 'zh-tw' : 'zh-cn';
  return lower.split('-')[0] ?? lower;
}
