import { asc, inArray, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import {
  articleBylines,
  articleCorrections,
  articles,
  articleTags,
  authors,
  liveBlogEntries,
  media,
  sections,
  tags,
} from '../../db/schema/index.ts';
import type { Block } from '../articles/index.ts';
import { readBody } from '../articles/index.ts';

export interface ItemDetails {
  body: Block[];
  modifiedAt: Date;
  tags: { slug: string; name: string }[];
}

export interface SitemapArticle {
  section: string;
  slug: string;
  headline: string;
  publishedAt: Date;
  lastmod: Date;
  image: { id: number; width: number; height: number; focalX: number; focalY: number } | null;
}

export interface Listed {
  slug: string;
  lastmod: Date | null;
}

/** Both drivers answer raw SQL with `{ rows }`; Drizzle's shared type cannot say so. */
async function rows<T>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

const toDate = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));
const toDateOrNull = (value: unknown): Date | null => (value == null ? null : toDate(value));

/**
 * When a story last changed in a way readers can see: first publication, a public update or a correction
 * (the same moment the page's structured data calls dateModified), or a live blog's newest entry.
 */
const lastmod = sql`greatest(
    ${articles.publishedAt},
    ${articles.publicUpdatedAt},
    (select max(${articleCorrections.correctedAt}) from ${articleCorrections}
      where ${articleCorrections.articleId} = ${articles.id}),
    (select max(${liveBlogEntries.updatedAt}) from ${liveBlogEntries}
      where ${liveBlogEntries.articleId} = ${articles.id})
  )`;

const published = sql`${articles.status} = 'published'`;

type ArticleRow = {
  section: string;
  slug: string;
  headline: string;
  published_at: Date | string;
  lastmod: Date | string;
  media_id: number | null;
  width: number | null;
  height: number | null;
  focal_x: number | null;
  focal_y: number | null;
};

function toSitemapArticle(r: ArticleRow): SitemapArticle {
  return {
    section: r.section,
    slug: r.slug,
    headline: r.headline,
    publishedAt: toDate(r.published_at),
    lastmod: toDate(r.lastmod),
    image:
      r.media_id == null
        ? null
        : {
            id: Number(r.media_id),
            width: Number(r.width),
            height: Number(r.height),
            focalX: Number(r.focal_x),
            focalY: Number(r.focal_y),
          },
  };
}

const articleColumns = sql`${sections.slug} as section, ${articles.slug} as slug, ${articles.headline} as headline,
  ${articles.publishedAt} as published_at, ${lastmod} as lastmod,
  ${media.id} as media_id, ${media.width} as width, ${media.height} as height,
  ${media.focalX} as focal_x, ${media.focalY} as focal_y`;

const articleJoins = sql`from ${articles}
  join ${sections} on ${sections.id} = ${articles.sectionId}
  left join ${media} on ${media.id} = ${articles.leadMediaId}`;

export class FeedsRepository {
  constructor(private readonly db: Database) {}

  /** Bodies, topics and modification times of the given articles, in one query. */
  async details(ids: readonly number[]): Promise<Map<number, ItemDetails>> {
    if (ids.length === 0) return new Map();
    const found = await this.db.query.articles.findMany({
      columns: { id: true, body: true, modifiedAt: true },
      where: inArray(articles.id, [...ids]),
      with: {
        tags: {
          columns: { position: true },
          orderBy: [asc(articleTags.position)],
          with: { tag: { columns: { slug: true, name: true } } },
        },
      },
    });
    return new Map(
      found.map((row) => [
        row.id,
        { body: readBody(row.body), modifiedAt: row.modifiedAt, tags: row.tags.map((t) => t.tag) },
      ]),
    );
  }

  /** Months (UTC) that have published stories, newest first, with their count and latest change. */
  async months(): Promise<{ month: string; count: number; lastmod: Date }[]> {
    const found = await rows<{ month: string; n: number; lastmod: Date | string }>(
      this.db,
      sql`select to_char(${articles.publishedAt} at time zone 'UTC', 'YYYY-MM') as month,
            count(*)::int as n, max(${lastmod}) as lastmod
          from ${articles} where ${published} and ${articles.publishedAt} is not null
          group by 1 order by 1 desc`,
    );
    return found.map((r) => ({ month: r.month, count: Number(r.n), lastmod: toDate(r.lastmod) }));
  }

  /** Published stories of one UTC month, oldest first (stable pages for the split sitemaps). */
  async articlesBetween(start: Date, end: Date, limit: number, offset: number): Promise<SitemapArticle[]> {
    const found = await rows<ArticleRow>(
      this.db,
      sql`select ${articleColumns} ${articleJoins}
          where ${published} and ${articles.publishedAt} >= ${start.toISOString()}::timestamptz
            and ${articles.publishedAt} < ${end.toISOString()}::timestamptz
          order by ${articles.publishedAt}, ${articles.id}
          limit ${limit} offset ${offset}`,
    );
    return found.map(toSitemapArticle);
  }

  /** Stories first published at or after `since`, newest first (the Google News sitemap). */
  async publishedSince(since: Date, limit: number): Promise<SitemapArticle[]> {
    const found = await rows<ArticleRow>(
      this.db,
      sql`select ${articleColumns} ${articleJoins}
          where ${published} and ${articles.publishedAt} >= ${since.toISOString()}::timestamptz
          order by ${articles.publishedAt} desc, ${articles.id} desc
          limit ${limit}`,
    );
    return found.map(toSitemapArticle);
  }

  /** Every section, with the latest change to its stories (null when it has none yet). */
  async sections(): Promise<Listed[]> {
    const found = await rows<{ slug: string; lastmod: Date | string | null }>(
      this.db,
      sql`select ${sections.slug} as slug, max(${lastmod}) as lastmod
          from ${sections}
          left join ${articles} on ${articles.sectionId} = ${sections.id} and ${published}
          group by ${sections.id}, ${sections.slug}, ${sections.position}
          order by ${sections.position}, ${sections.id}`,
    );
    return found.map((r) => ({ slug: r.slug, lastmod: toDateOrNull(r.lastmod) }));
  }

  /** Topics with at least one published story. */
  async tags(limit: number): Promise<Listed[]> {
    const found = await rows<{ slug: string; lastmod: Date | string }>(
      this.db,
      sql`select ${tags.slug} as slug, max(${lastmod}) as lastmod
          from ${tags}
          join ${articleTags} on ${articleTags.tagId} = ${tags.id}
          join ${articles} on ${articles.id} = ${articleTags.articleId} and ${published}
          group by ${tags.slug} order by ${tags.slug} limit ${limit}`,
    );
    return found.map((r) => ({ slug: r.slug, lastmod: toDate(r.lastmod) }));
  }

  /** Authors with at least one published story. */
  async authors(limit: number): Promise<Listed[]> {
    const found = await rows<{ slug: string; lastmod: Date | string }>(
      this.db,
      sql`select ${authors.slug} as slug, max(${lastmod}) as lastmod
          from ${authors}
          join ${articleBylines} on ${articleBylines.authorId} = ${authors.id}
          join ${articles} on ${articles.id} = ${articleBylines.articleId} and ${published}
          group by ${authors.slug} order by ${authors.slug} limit ${limit}`,
    );
    return found.map((r) => ({ slug: r.slug, lastmod: toDate(r.lastmod) }));
  }
}
