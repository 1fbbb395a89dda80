/** Feeds and sitemaps as data; xml.ts and json-feed.ts turn them into the formats' own syntax. */

export const feedFormats = ['rss', 'atom', 'json'] as const;
export type FeedFormat = (typeof feedFormats)[number];

export const feedContentTypes: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

/** Whose stories a feed carries. */
export type FeedSubject =
  | { kind: 'site' }
  | { kind: 'section'; slug: string }
  | { kind: 'tag'; slug: string }
  | { kind: 'author'; slug: string };

/** Site-relative path of a feed: the site's at the root, the others under /feeds/<kind>/<slug>/. */
export function feedPath(subject: FeedSubject, format: FeedFormat): string {
  const file = format === 'rss' ? 'rss.xml' : format === 'atom' ? 'atom.xml' : 'feed.json';
  if (subject.kind === 'site') return format === 'rss' ? '/feed.xml' : `/${file}`;
  return `/feeds/${subject.kind}/${subject.slug}/${file}`;
}

export interface FeedPerson {
  name: string;
  url: string;
}

export interface FeedImage {
  url: string;
  type: string;
  width: number;
  height: number;
  /** Size of the file in bytes (RSS enclosures must say). */
  bytes: number;
  alt: string;
  caption: string;
  credit: string;
}

export interface FeedItem {
  /** Permanent, unique id (a tag: URI): survives changes of slug or section. */
  id: string;
  url: string;
  title: string;
  /** The standfirst, plain text. */
  summary: string;
  /** The whole article as HTML with absolute links, when feeds carry full content. */
  contentHtml: string | null;
  published: Date;
  /** The last public change (update or first publication), for `updated` and `date_modified`. */
  updated: Date;
  authors: FeedPerson[];
  section: { name: string; url: string };
  tags: { name: string; url: string }[];
  image: FeedImage | null;
}

export interface FeedDocument {
  title: string;
  description: string;
  /** The HTML page the feed mirrors. */
  pageUrl: string;
  /** This feed's own URL, and the sibling formats' (Atom and RSS link them as alternates). */
  selfUrl: string;
  language: string;
  updated: Date;
  /** The publication's name, credited in Atom's feed-level author. */
  publisher: string;
  siteUrl: string;
  /** Square icon (JSON Feed, Atom) and the small logo (RSS <image>), absolute URLs. */
  icon: string;
  smallLogo: { url: string; width: number; height: number };
  hub: string | null;
  /** People the feed belongs to (an author's feed). */
  owners: FeedPerson[];
  items: FeedItem[];
}

export interface SitemapUrl {
  loc: string;
  lastmod?: Date;
  images?: string[];
}

export interface NewsSitemapUrl {
  loc: string;
  title: string;
  published: Date;
  images?: string[];
}

export interface SitemapIndexEntry {
  loc: string;
  lastmod?: Date;
}
