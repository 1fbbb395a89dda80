import { createHash } from 'node:crypto';
import { notFound } from '../../shared/errors.ts';
import {
  type ArticleCard,
  type ArticleEvent,
  type ArticlesService,
  type Block,
  type ListingSubject,
  referencedArticleIds,
  referencedMediaIds,
} from '../articles/index.ts';
import type { AuthorsService } from '../authors/index.ts';
import { entryLabel, entryPlainText, type LiveEntry } from '../liveblogs/index.ts';
import { type CropService, type ImageRef, variantUrl, widthsFor } from '../media/index.ts';
import { brandAssets } from './brand.ts';
import {
  type FeedDocument,
  type FeedFormat,
  type FeedItem,
  type FeedSubject,
  feedContentTypes,
  feedFormats,
  feedPath,
  type SitemapIndexEntry,
  type SitemapUrl,
} from './feed.ts';
import type { FeedsRepository, SitemapArticle } from './feeds.repository.ts';
import { jsonFeed } from './json-feed.ts';
import type { DistributionSettings } from './settings.ts';
import type { WebSubPublisher } from './websub.ts';
import { atomXml, newsLanguage, newsSitemapXml, rssXml, sitemapIndexXml, sitemapXml } from './xml.ts';

/** A serialised feed or sitemap, ready for conditional HTTP responses. */
export interface Rendered {
  body: string;
  contentType: string;
  /** A weak validator derived from the bytes. */
  etag: string;
  /** When these bytes last changed (never earlier than the newest change to what they list). */
  lastModified: Date;
}

export interface SiteIdentity {
  /** Absolute origin, no trailing slash. */
  url: string;
  name: string;
  language: string;
}

export interface FeedContentContext {
  linked: Map<number, ArticleCard>;
  images: Map<number, ImageRef>;
  siteUrl: string;
}

/** Renders an article body as feed HTML (absolute links, plain <img>); injected by the composition root. */
export type FeedContentRenderer = (body: readonly Block[], ctx: FeedContentContext) => string;

export interface CardSource {
  cardsByIds(ids: readonly number[]): Promise<ArticleCard[]>;
}

/** A live blog's newest entries, for its own feed. */
export interface LiveBlogEntrySource {
  feedEntries(articleId: number, limit: number): Promise<LiveEntry[]>;
}

/** Entries in a live blog's feed. */
const liveBlogFeedSize = 50;

export interface ImageSource {
  imagesById(ids: readonly number[]): Promise<Map<number, ImageRef>>;
}

/** A sitemap file holds at most 50,000 URLs (sitemaps.org). */
export const sitemapLimit = 50_000;
/** Google News: stories from the last two days, at most 1,000 per sitemap. */
export const newsWindowMs = 2 * 24 * 3_600_000;
export const newsLimit = 1_000;
/** Rendered feeds and sitemaps kept in memory until content changes. */
const cacheLimit = 1_000;
/** The Google News sitemap moves with the clock even when nothing is published: rebuilt each minute. */
const newsTtlMs = 60_000;
const staticSitemaps = ['pages', 'topics', 'authors'] as const;

interface CacheEntry {
  value: Promise<Rendered>;
  expires: number;
}

/**
 * RSS 2.0, Atom and JSON Feed 1.1 for the site and for every section, topic and author; sitemaps, the
 * Google News sitemap and robots.txt; WebSub pings. Everything is rendered on first request and kept in
 * memory until content changes (`invalidate`, wired to ArticlesService.onChange).
 */
export class FeedsService {
  private readonly cache = new Map<string, CacheEntry>();
  /** Validators of the last bytes served per URL, kept across invalidations for honest Last-Modified. */
  private readonly versions = new Map<string, { etag: string; lastModified: Date }>();
  private readonly hostname: string;

  constructor(
    private readonly repo: FeedsRepository,
    private readonly articles: ArticlesService,
    private readonly authors: AuthorsService,
    private readonly images: ImageSource,
    private readonly crops: CropService,
    private readonly cards: CardSource,
    private readonly site: SiteIdentity,
    private readonly settings: DistributionSettings,
    private readonly renderContent: FeedContentRenderer,
    private readonly websub: WebSubPublisher | null = null,
    private readonly liveblogs: LiveBlogEntrySource | null = null,
  ) {
    this.hostname = new URL(site.url).hostname;
  }

  get hub(): string | null {
    return this.settings.websubHub;
  }

  get contentMode(): DistributionSettings['feedContent'] {
    return this.settings.feedContent;
  }

  invalidate(): void {
    this.cache.clear();
  }

  /** Tells the WebSub hub which feeds an article change touched (site, its sections, topics, authors). */
  articleChanged(event: ArticleEvent): void {
    if (!this.websub) return;
    const subjects: FeedSubject[] = [
      { kind: 'site' },
      ...event.sectionSlugs.map((slug) => ({ kind: 'section' as const, slug })),
      ...event.tagSlugs.map((slug) => ({ kind: 'tag' as const, slug })),
      ...event.authorSlugs.map((slug) => ({ kind: 'author' as const, slug })),
    ];
    this.websub.notify(
      subjects.flatMap((subject) => feedFormats.map((format) => this.absolute(feedPath(subject, format)))),
    );
  }

  feed(subject: FeedSubject, format: FeedFormat): Promise<Rendered> {
    const path = feedPath(subject, format);
    return this.cached(path, async () => {
      const document = await this.feedDocument(subject, format);
      const body =
        format === 'rss' ? rssXml(document) : format === 'atom' ? atomXml(document) : jsonFeed(document);
      return { body, contentType: feedContentTypes[format], newest: document.updated };
    });
  }

  /**
   * A live blog's own RSS feed: its newest entries, each linking to the entry's permalink. Kept until
   * content changes, like every feed (wire `invalidate` to live-blog changes too).
   */
  liveBlogFeed(
    article: Pick<ArticleCard, 'id' | 'url' | 'headline' | 'standfirst' | 'section' | 'publishedAt'>,
  ) {
    return this.cached(`${article.url}/feed.xml`, async () => {
      const entries = (await this.liveblogs?.feedEntries(article.id, liveBlogFeedSize)) ?? [];
      const bodies = entries.map((e) => e.body);
      const [linkedCards, images] = await Promise.all([
        this.cards.cardsByIds([...new Set(bodies.flatMap((b) => referencedArticleIds(b)))]),
        this.images.imagesById([...new Set(bodies.flatMap((b) => referencedMediaIds(b)))]),
      ]);
      const ctx = { linked: new Map(linkedCards.map((c) => [c.id, c])), images, siteUrl: this.site.url };
      const day = article.publishedAt.toISOString().slice(0, 10);
      const items: FeedItem[] = entries.map((entry) => ({
        id: `tag:${this.hostname},${day}:liveblog:${article.id}:${entry.id}`,
        url: this.absolute(`${article.url}/updates/${entry.id}`),
        title: entryLabel(entry, 110),
        summary: entryPlainText(entry.body).replace(/\s+/g, ' ').slice(0, 300),
        contentHtml: this.renderContent(entry.body, ctx),
        published: entry.postedAt,
        updated: entry.editedAt ?? entry.postedAt,
        authors: entry.author
          ? [{ name: entry.author.name, url: this.absolute(`/author/${entry.author.slug}`) }]
          : [],
        section: { name: article.section.name, url: this.absolute(`/${article.section.slug}`) },
        tags: [],
        image: null,
      }));
      const newest = maxDate(entries.map((e) => e.updatedAt)) ?? article.publishedAt;
      const document: FeedDocument = {
        title: `${article.headline} | ${this.site.name}`,
        description: article.standfirst,
        pageUrl: this.absolute(article.url),
        selfUrl: this.absolute(`${article.url}/feed.xml`),
        ...this.publisherFields(),
        updated: newest,
        hub: null,
        owners: [],
        items,
      };
      return { body: rssXml(document), contentType: feedContentTypes.rss, newest };
    });
  }

  sitemapIndex(): Promise<Rendered> {
    return this.cached('/sitemap.xml', async () => {
      const [months, sections] = await Promise.all([this.repo.months(), this.repo.sections()]);
      const newest = maxDate([...months.map((m) => m.lastmod), ...sections.map((s) => s.lastmod)]);
      const entries: SitemapIndexEntry[] = [
        { loc: this.absolute('/sitemaps/pages.xml'), lastmod: newest ?? undefined },
        { loc: this.absolute('/sitemaps/topics.xml'), lastmod: newest ?? undefined },
        { loc: this.absolute('/sitemaps/authors.xml'), lastmod: newest ?? undefined },
        { loc: this.absolute('/sitemap-news.xml'), lastmod: newest ?? undefined },
      ];
      for (const month of months) {
        const parts = Math.ceil(month.count / sitemapLimit);
        for (let part = 1; part <= parts; part++) {
          entries.push({ loc: this.absolute(articleSitemapPath(month.month, part)), lastmod: month.lastmod });
        }
      }
      return { body: sitemapIndexXml(entries), contentType: xmlType, newest };
    });
  }

  /**
   * One sitemap by name: "pages" (home, latest and sections), "topics", "authors", or
   * "articles-YYYY-MM" (and "articles-YYYY-MM-2"… when a month has more than 50,000 stories).
   */
  sitemap(name: string): Promise<Rendered> {
    const month = /^articles-(\d{4})-(0[1-9]|1[0-2])(?:-([2-9]|[1-9]\d{1,3}))?$/.exec(name);
    if (!month && !(staticSitemaps as readonly string[]).includes(name)) {
      return Promise.reject(notFound('The sitemap'));
    }
    return this.cached(`/sitemaps/${name}.xml`, async () => {
      let urls: SitemapUrl[];
      if (month) {
        const year = Number(month[1]);
        const monthIndex = Number(month[2]) - 1;
        const part = Number(month[3] ?? 1);
        const start = new Date(Date.UTC(year, monthIndex, 1));
        const end = new Date(Date.UTC(year, monthIndex + 1, 1));
        const found = await this.repo.articlesBetween(start, end, sitemapLimit, (part - 1) * sitemapLimit);
        if (found.length === 0) throw notFound('The sitemap');
        urls = found.map((a) => ({
          loc: this.absolute(`/${a.section}/${a.slug}`),
          lastmod: a.lastmod,
          images: a.image ? [this.largestJpeg(a.image)] : [],
        }));
      } else if (name === 'pages') {
        const sections = await this.repo.sections();
        const newest = maxDate(sections.map((s) => s.lastmod)) ?? undefined;
        urls = [
          { loc: this.absolute('/'), lastmod: newest },
          { loc: this.absolute('/latest'), lastmod: newest },
          ...sections.map((s) => ({ loc: this.absolute(`/${s.slug}`), lastmod: s.lastmod ?? undefined })),
        ];
      } else {
        const listed =
          name === 'topics' ? await this.repo.tags(sitemapLimit) : await this.repo.authors(sitemapLimit);
        const prefix = name === 'topics' ? '/tag/' : '/author/';
        urls = listed.map((l) => ({
          loc: this.absolute(`${prefix}${l.slug}`),
          lastmod: l.lastmod ?? undefined,
        }));
      }
      return {
        body: sitemapXml(urls),
        contentType: xmlType,
        newest: maxDate(urls.map((u) => u.lastmod ?? null)),
      };
    });
  }

  /** Google News sitemap: stories first published in the two days before `now`, newest first. */
  newsSitemap(now = new Date()): Promise<Rendered> {
    return this.cached(
      '/sitemap-news.xml',
      async () => {
        const found = await this.repo.publishedSince(new Date(now.getTime() - newsWindowMs), newsLimit);
        const recent = found.filter((a) => a.publishedAt.getTime() <= now.getTime());
        const body = newsSitemapXml(
          { name: this.site.name, language: newsLanguage(this.site.language) },
          recent.map((a) => ({
            loc: this.absolute(`/${a.section}/${a.slug}`),
            title: a.headline,
            published: a.publishedAt,
            images: a.image ? [this.largestJpeg(a.image)] : [],
          })),
        );
        return { body, contentType: xmlType, newest: maxDate(recent.map((a) => a.lastmod)) };
      },
      newsTtlMs,
    );
  }

  robotsTxt(): string {
    return [
      `# ${this.site.name}: crawlers are welcome to the news; search results and the newsroom are not pages.`,
      'User-agent: *',
      // Anchored, so a section or story whose slug merely starts with "search" or "admin" stays open.
      'Disallow: /search$',
      'Disallow: /search?',
      'Disallow: /search.json',
      'Disallow: /admin$',
      'Disallow: /admin/',
      'Disallow: /views$',
      'Allow: /',
      '',
      `Sitemap: ${this.absolute('/sitemap.xml')}`,
      `Sitemap: ${this.absolute('/sitemap-news.xml')}`,
      '',
    ].join('\n');
  }

  private absolute(path: string): string {
    return `${this.site.url}${path}`;
  }

  private largestJpeg(image: NonNullable<SitemapArticle['image']>): string {
    const width = widthsFor(image.width).at(-1) ?? image.width;
    return this.absolute(variantUrl(image.id, width, 'jpeg'));
  }

  /** A permanent id for an article (RFC 4151 tag URI), independent of its slug and section. */
  private itemId(card: ArticleCard): string {
    return `tag:${this.hostname},${card.publishedAt.toISOString().slice(0, 10)}:article:${card.id}`;
  }

  private async resolve(subject: FeedSubject): Promise<{
    listing: ListingSubject;
    title: string;
    description: string;
    pagePath: string;
    owners: { name: string; url: string }[];
  }> {
    const name = this.site.name;
    switch (subject.kind) {
      case 'site':
        return {
          listing: { kind: 'latest' },
          title: name,
          description: `The latest news and analysis from ${name}.`,
          pagePath: '/',
          owners: [],
        };
      case 'section': {
        const section = await this.articles.sectionBySlug(subject.slug);
        return {
          listing: { kind: 'section', section },
          title: `${section.name} | ${name}`,
          description: section.description || `${section.name} news from ${name}.`,
          pagePath: `/${section.slug}`,
          owners: [],
        };
      }
      case 'tag': {
        const tag = await this.articles.tagBySlug(subject.slug);
        return {
          listing: { kind: 'tag', tag },
          title: `${tag.name} | ${name}`,
          description: `News, analysis and comment about ${tag.name} from ${name}.`,
          pagePath: `/tag/${tag.slug}`,
          owners: [],
        };
      }
      case 'author': {
        const author = await this.authors.getBySlug(subject.slug);
        const url = this.absolute(`/author/${author.slug}`);
        return {
          listing: { kind: 'author', authorId: author.id },
          title: `${author.name} | ${name}`,
          description: author.bio || `Stories by ${author.name} for ${name}.`,
          pagePath: `/author/${author.slug}`,
          owners: [{ name: author.name, url }],
        };
      }
    }
  }

  private async feedDocument(subject: FeedSubject, format: FeedFormat): Promise<FeedDocument> {
    const resolved = await this.resolve(subject);
    const page = await this.articles.list(resolved.listing, 1);
    const cards = page.items;
    const details = await this.repo.details(cards.map((c) => c.id));
    const full = this.settings.feedContent === 'full';
    let linked = new Map<number, ArticleCard>();
    let images = new Map<number, ImageRef>();
    if (full) {
      const bodies = [...details.values()].map((d) => d.body);
      const [linkedCards, bodyImages] = await Promise.all([
        this.cards.cardsByIds([...new Set(bodies.flatMap((b) => referencedArticleIds(b)))]),
        this.images.imagesById([...new Set(bodies.flatMap((b) => referencedMediaIds(b)))]),
      ]);
      linked = new Map(linkedCards.map((c) => [c.id, c]));
      images = bodyImages;
    }
    const pictures = await this.enclosures(cards);
    const items: FeedItem[] = cards.map((card) => {
      const detail = details.get(card.id);
      return {
        id: this.itemId(card),
        url: this.absolute(card.url),
        title: card.headline,
        summary: card.standfirst,
        contentHtml:
          full && detail ? this.renderContent(detail.body, { linked, images, siteUrl: this.site.url }) : null,
        published: card.publishedAt,
        updated: card.publicUpdatedAt ?? card.publishedAt,
        authors: card.authors.map((a) => ({ name: a.name, url: this.absolute(`/author/${a.slug}`) })),
        section: { name: card.section.name, url: this.absolute(`/${card.section.slug}`) },
        tags: (detail?.tags ?? []).map((t) => ({ name: t.name, url: this.absolute(`/tag/${t.slug}`) })),
        image: pictures.get(card.id) ?? null,
      };
    });
    const newest = maxDate([
      ...items.map((i) => i.updated),
      ...[...details.values()].map((d) => d.modifiedAt),
    ]);
    return {
      title: resolved.title,
      description: resolved.description,
      pageUrl: this.absolute(resolved.pagePath),
      selfUrl: this.absolute(feedPath(subject, format)),
      ...this.publisherFields(),
      updated: newest ?? new Date(0),
      hub: this.settings.websubHub,
      owners: resolved.owners,
      items,
    };
  }

  /** What every feed says about the publisher: language, name, home page and brand images. */
  private publisherFields(): Pick<FeedDocument, 'language' | 'publisher' | 'siteUrl' | 'icon' | 'smallLogo'> {
    return {
      language: this.site.language,
      publisher: this.site.name,
      siteUrl: this.absolute('/'),
      icon: this.absolute(brandAssets.icon.path),
      smallLogo: {
        url: this.absolute(brandAssets.smallIcon.path),
        width: brandAssets.smallIcon.width,
        height: brandAssets.smallIcon.height,
      },
    };
  }

  /** Lead pictures as 16:9 crops with their sizes in bytes, made a few at a time. */
  private async enclosures(cards: ArticleCard[]): Promise<Map<number, FeedItem['image']>> {
    const result = new Map<number, FeedItem['image']>();
    const withImages = cards.filter((c) => c.image);
    for (let i = 0; i < withImages.length; i += 4) {
      await Promise.all(
        withImages.slice(i, i + 4).map(async (card) => {
          const image = card.image;
          if (!image) return;
          try {
            const made = await this.crops.ensureCrop(image, '16x9');
            result.set(card.id, {
              url: this.absolute(made.url),
              type: 'image/jpeg',
              width: made.width,
              height: made.height,
              bytes: made.bytes,
              alt: image.alt,
              caption: image.caption,
              credit: image.credit,
            });
          } catch {
            // A missing original must not take the whole feed down: the item goes out without a picture.
          }
        }),
      );
    }
    return result;
  }

  private cached(
    key: string,
    build: () => Promise<{ body: string; contentType: string; newest: Date | null }>,
    ttlMs = Number.POSITIVE_INFINITY,
  ): Promise<Rendered> {
    const now = Date.now();
    const hit = this.cache.get(key);
    if (hit && hit.expires > now) return hit.value;
    const value = build().then(({ body, contentType, newest }) =>
      this.version(key, body, contentType, newest),
    );
    const entry = { value, expires: now + ttlMs };
    value.catch(() => {
      if (this.cache.get(key) === entry) this.cache.delete(key);
    });
    this.cache.set(key, entry);
    if (this.cache.size > cacheLimit) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    return value;
  }

  private version(key: string, body: string, contentType: string, newest: Date | null): Rendered {
    const etag = `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    const previous = this.versions.get(key);
    const floor = newest ?? new Date(0);
    let lastModified: Date;
    if (!previous) lastModified = floor;
    else if (previous.etag === etag) lastModified = previous.lastModified;
    // The bytes changed (a story unpublished, a headline fixed): now is when this document changed.
    else lastModified = new Date(Math.max(Date.now(), floor.getTime()));
    lastModified = new Date(Math.floor(lastModified.getTime() / 1000) * 1000);
    this.versions.delete(key);
    this.versions.set(key, { etag, lastModified });
    if (this.versions.size > cacheLimit * 2) {
      const oldest = this.versions.keys().next().value;
      if (oldest !== undefined) this.versions.delete(oldest);
    }
    return { body, contentType, etag, lastModified };
  }
}

const xmlType = 'application/xml; charset=utf-8';

export function articleSitemapPath(month: string, part = 1): string {
  return part > 1 ? `/sitemaps/articles-${month}-${part}.xml` : `/sitemaps/articles-${month}.xml`;
}

function maxDate(dates: readonly (Date | null | undefined)[]): Date | null {
  let max: Date | null = null;
  for (const date of dates) if (date && (!max || date > max)) max = date;
  return max;
}
