import { and, asc, count, desc, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import {
  articleBylines,
  articleCorrections,
  articleSlugHistory,
  articles,
  articleTags,
  sections,
  tags,
} from '../../db/schema/index.ts';
import { imageColumns } from '../media/index.ts';
import { type ArticleCard, type ArticleView, articlePath } from './article.ts';
import { readBody } from './blocks.ts';

/** One relational query per list: Drizzle turns these `with` trees into a single SQL statement. */
const cardQuery = {
  columns: {
    id: true,
    slug: true,
    headline: true,
    standfirst: true,
    label: true,
    publishedAt: true,
    publicUpdatedAt: true,
  },
  with: {
    section: { columns: { slug: true, name: true } },
    leadMedia: { columns: imageColumns },
    bylines: {
      columns: { position: true },
      orderBy: [asc(articleBylines.position)] as SQL[],
      with: { author: { columns: { slug: true, name: true } } },
    },
  },
} as const;

const published = eq(articles.status, 'published');
const newestFirst = [desc(articles.publishedAt), desc(articles.id)];

type CardRow = {
  id: number;
  slug: string;
  headline: string;
  standfirst: string;
  label: ArticleCard['label'];
  publishedAt: Date | null;
  publicUpdatedAt: Date | null;
  section: { slug: string; name: string };
  leadMedia: ArticleCard['image'];
  bylines: { author: { slug: string; name: string } }[];
};

function toCard(row: CardRow): ArticleCard {
  return {
    id: row.id,
    slug: row.slug,
    url: articlePath(row.section.slug, row.slug),
    headline: row.headline,
    standfirst: row.standfirst,
    label: row.label,
    section: row.section,
    publishedAt: row.publishedAt ?? new Date(0),
    publicUpdatedAt: row.publicUpdatedAt,
    image: row.leadMedia,
    authors: row.bylines.map((b) => b.author),
  };
}

export type ArticleFilter =
  | { kind: 'all' }
  | { kind: 'section'; sectionId: number }
  | { kind: 'tag'; tagId: number }
  | { kind: 'author'; authorId: number };

export class ArticlesRepository {
  constructor(private readonly db: Database) {}

  private filterSql(filter: ArticleFilter): SQL | undefined {
    switch (filter.kind) {
      case 'all':
        return published;
      case 'section':
        return and(published, eq(articles.sectionId, filter.sectionId));
      case 'tag':
        return and(
          published,
          inArray(
            articles.id,
            this.db
              .select({ id: articleTags.articleId })
              .from(articleTags)
              .where(eq(articleTags.tagId, filter.tagId)),
          ),
        );
      case 'author':
        return and(
          published,
          inArray(
            articles.id,
            this.db
              .select({ id: articleBylines.articleId })
              .from(articleBylines)
              .where(eq(articleBylines.authorId, filter.authorId)),
          ),
        );
    }
  }

  async cards(filter: ArticleFilter, limit: number, offset = 0, excludeId?: number): Promise<ArticleCard[]> {
    const where =
      excludeId === undefined
        ? this.filterSql(filter)
        : and(this.filterSql(filter), sql`${articles.id} <> ${excludeId}`);
    const rows = await this.db.query.articles.findMany({
      ...cardQuery,
      where,
      orderBy: newestFirst,
      limit,
      offset,
    });
    return rows.map(toCard);
  }

  async countCards(filter: ArticleFilter): Promise<number> {
    const [row] = await this.db.select({ n: count() }).from(articles).where(this.filterSql(filter));
    return Number(row?.n ?? 0);
  }

  /** Published cards for the given ids, in the order given (missing or unpublished ones dropped). */
  async cardsByIds(ids: readonly number[]): Promise<ArticleCard[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.query.articles.findMany({
      ...cardQuery,
      where: and(published, inArray(articles.id, [...ids])),
    });
    const byId = new Map(rows.map((row) => [row.id, toCard(row)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** The home page's curated stories: position 0 is the lead. */
  async curated(limit: number): Promise<ArticleCard[]> {
    const rows = await this.db.query.articles.findMany({
      ...cardQuery,
      where: and(published, isNotNull(articles.homePosition)),
      orderBy: [asc(articles.homePosition), ...newestFirst],
      limit,
    });
    return rows.map(toCard);
  }

  /** Ids of the newest `perSection` published articles of every section, in one indexed query. */
  async newestIdsPerSection(perSection: number): Promise<{ sectionId: number; id: number }[]> {
    // Both drivers answer raw SQL with `{ rows }`; Drizzle's shared type cannot say so.
    const result = (await this.db.execute(sql`
      select s.id as section_id, a.id
      from ${sections} s
      cross join lateral (
        select id from ${articles}
        where section_id = s.id and status = 'published'
        order by published_at desc, id desc
        limit ${perSection}
      ) a
      order by s.position, s.id`)) as unknown as { rows: { section_id: number; id: number }[] };
    return result.rows.map((r) => ({ sectionId: Number(r.section_id), id: Number(r.id) }));
  }

  async findPublished(by: { slug: string } | { id: number }): Promise<ArticleView | undefined> {
    const match = 'slug' in by ? eq(articles.slug, by.slug) : eq(articles.id, by.id);
    const row = await this.db.query.articles.findFirst({
      where: and(published, match),
      with: {
        section: { columns: { slug: true, name: true } },
        leadMedia: { columns: imageColumns },
        bylines: {
          columns: { position: true },
          orderBy: (b, o) => [o.asc(b.position)],
          with: {
            author: {
              columns: { slug: true, name: true, jobTitle: true },
              with: { portrait: { columns: imageColumns } },
            },
          },
        },
        tags: {
          columns: { position: true },
          orderBy: (t, o) => [o.asc(t.position)],
          with: { tag: { columns: { slug: true, name: true } } },
        },
        corrections: {
          columns: { text: true, correctedAt: true },
          orderBy: (c, o) => [o.asc(c.correctedAt)],
        },
      },
    });
    if (!row) return undefined;
    return {
      ...toCard({ ...row, bylines: [] }),
      authors: row.bylines.map(({ author }) => ({
        slug: author.slug,
        name: author.name,
        jobTitle: author.jobTitle,
        portrait: author.portrait,
      })),
      body: readBody(row.body),
      updateNote: row.updateNote,
      tags: row.tags.map((t) => t.tag),
      corrections: row.corrections,
      modifiedAt: row.modifiedAt,
      seoTitle: row.seoTitle,
      seoDescription: row.seoDescription,
      socialTitle: row.socialTitle,
      socialDescription: row.socialDescription,
    };
  }

  /** Where an old slug now lives, for permanent redirects. */
  async currentPathForOldSlug(slug: string): Promise<string | undefined> {
    const [row] = await this.db
      .select({ slug: articles.slug, section: sections.slug })
      .from(articleSlugHistory)
      .innerJoin(articles, eq(articles.id, articleSlugHistory.articleId))
      .innerJoin(sections, eq(sections.id, articles.sectionId))
      .where(and(eq(articleSlugHistory.slug, slug), published))
      .limit(1);
    return row ? articlePath(row.section, row.slug) : undefined;
  }

  async statusBySlug(slug: string): Promise<{ id: number; status: string } | undefined> {
    const [row] = await this.db
      .select({ id: articles.id, status: articles.status })
      .from(articles)
      .where(eq(articles.slug, slug))
      .limit(1);
    return row;
  }

  async insert(input: NewArticle): Promise<number> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(articles)
        .values({
          slug: input.slug,
          status: input.status,
          headline: input.headline,
          standfirst: input.standfirst,
          label: input.label,
          sectionId: input.sectionId,
          leadMediaId: input.leadMediaId,
          body: input.body,
          publishedAt: input.publishedAt,
          publicUpdatedAt: input.publicUpdatedAt,
          updateNote: input.updateNote,
          homePosition: input.homePosition,
        })
        .returning({ id: articles.id });
      if (!row) throw new Error('article insert returned nothing');
      if (input.authorIds.length > 0) {
        await tx
          .insert(articleBylines)
          .values(input.authorIds.map((authorId, position) => ({ articleId: row.id, authorId, position })));
      }
      if (input.tagIds.length > 0) {
        await tx
          .insert(articleTags)
          .values(input.tagIds.map((tagId, position) => ({ articleId: row.id, tagId, position })));
      }
      if (input.corrections.length > 0) {
        await tx
          .insert(articleCorrections)
          .values(
            input.corrections.map((c) => ({ articleId: row.id, text: c.text, correctedAt: c.correctedAt })),
          );
      }
      return row.id;
    });
  }

  async publishWithBody(id: number, body: unknown): Promise<void> {
    await this.db
      .update(articles)
      .set({ body, status: 'published', modifiedAt: new Date() })
      .where(eq(articles.id, id));
  }
}

export interface NewArticle {
  slug: string;
  status: 'draft' | 'published';
  headline: string;
  standfirst: string;
  label: ArticleCard['label'];
  sectionId: number;
  leadMediaId: number | null;
  body: unknown;
  publishedAt: Date | null;
  publicUpdatedAt: Date | null;
  updateNote: string | null;
  homePosition: number | null;
  authorIds: number[];
  tagIds: number[];
  corrections: { text: string; correctedAt: Date }[];
}

export class TaxonomyRepository {
  constructor(private readonly db: Database) {}

  sections() {
    return this.db.select().from(sections).orderBy(asc(sections.position), asc(sections.id));
  }

  async ensureSection(s: { slug: string; name: string; description: string; position: number }) {
    await this.db.insert(sections).values(s).onConflictDoNothing({ target: sections.slug });
  }

  async tagBySlug(slug: string) {
    const [row] = await this.db.select().from(tags).where(eq(tags.slug, slug)).limit(1);
    return row;
  }

  async ensureTag(slug: string, name: string): Promise<number> {
    await this.db.insert(tags).values({ slug, name }).onConflictDoNothing({ target: tags.slug });
    const row = await this.tagBySlug(slug);
    if (!row) throw new Error(`tag ${slug} vanished after insert`);
    return row.id;
  }
}
