import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { PreparedRows } from '../../db/prepared.ts';
import {
  articleBylines,
  articleCorrections,
  articleSlugHistory,
  articles,
  articleTags,
  sections,
  tags,
} from '../../db/schema/index.ts';
import { slugPattern } from '../../shared/slug.ts';
import type { ImageRef } from '../media/index.ts';
import {
  type ArticleCard,
  type ArticleView,
  type AuthorRef,
  articlePath,
  type Byline,
  type TagRef,
} from './article.ts';
import { readBody } from './blocks.ts';

/**
 * Reader queries are hand-written SQL: every page needs one statement (cards with their bylines and
 * pictures; an article with everything around it), and every list walks an index in (published_at, id)
 * order, so a page costs the same with a hundred stories or a million.
 */

const published = eq(articles.status, 'published');

/** Both drivers answer raw SQL with `{ rows }`; Drizzle's shared type cannot say so. */
async function rows<T>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** Article ids are PostgreSQL `integer`s. */
function isArticleId(id: number): boolean {
  return Number.isSafeInteger(id) && id > 0 && id < 2 ** 31;
}

/** A picture as JSON in the shape of `ImageRef`, from the `media` row aliased `m`. */
function imageJson(m: string): string {
  return `case when ${m}.id is null then null else json_build_object('id', ${m}.id, 'width', ${m}.width,
    'height', ${m}.height, 'alt', ${m}.alt, 'caption', ${m}.caption, 'credit', ${m}.credit,
    'focalX', ${m}.focal_x, 'focalY', ${m}.focal_y) end`;
}

/** The bylines (slug and name, in order) of the article aliased `a`, as one JSON array. */
function bylinesJson(a: string): string {
  return `coalesce((select json_agg(json_build_object('slug', au.slug, 'name', au.name) order by b.position)
    from article_bylines b join authors au on au.id = b.author_id where b.article_id = ${a}.id), '[]')`;
}

/** A live blog that has ended is a story like any other: its cards no longer say "Live". */
function cardLabel(a: string): string {
  return `case when ${a}.label = 'live' and exists (select 1 from live_blogs lb
    where lb.article_id = ${a}.id and lb.ended_at is not null) then 'none' else ${a}.label end`;
}

/** The columns every card row starts with, for the article aliased `a` and its section `s`. */
function storyColumns(a: string, s: string, label: string): string {
  return `${a}.id, ${a}.slug, ${a}.headline, ${a}.standfirst, ${label} as label, ${a}.published_at,
    ${a}.public_updated_at, ${s}.slug as section_slug, ${s}.name as section_name`;
}

/** What a card shows, for the article aliased `a` with its section `s` and lead picture `m`. */
function cardColumns(a: string, s: string, m: string): string {
  return `${storyColumns(a, s, cardLabel(a))}, ${imageJson(m)} as image, ${bylinesJson(a)} as authors`;
}

/** The same card as one JSON object (for cards nested in another row). */
function cardJson(a: string, s: string, m: string): string {
  return `json_build_object('id', ${a}.id, 'slug', ${a}.slug, 'headline', ${a}.headline,
    'standfirst', ${a}.standfirst, 'label', ${cardLabel(a)}, 'published_at', ${a}.published_at,
    'public_updated_at', ${a}.public_updated_at, 'section_slug', ${s}.slug, 'section_name', ${s}.name,
    'image', ${imageJson(m)}, 'authors', ${bylinesJson(a)})`;
}

/**
 * Lists are ordered `published_at desc nulls last, id desc`: exactly the order of the (partial) indexes
 * on published stories, so PostgreSQL reads the first rows of an index instead of sorting the archive
 * (plain `desc` means `nulls first`, which those indexes cannot give).
 */

/** Cards for the ids `page` yields: twenty cards, one statement (bylines come from a subquery). */
function cardsOf(page: SQL, order: 'newest' | 'oldest' | 'none' = 'newest'): SQL {
  const orderBy = {
    newest: 'order by c.published_at desc nulls last, c.id desc',
    oldest: 'order by c.published_at asc nulls first, c.id asc',
    none: '',
  }[order];
  return sql`select ${sql.raw(cardColumns('c', 's', 'm'))}
    from (${page}) page
    join ${articles} c on c.id = page.id
    join ${sections} s on s.id = c.section_id
    left join media m on m.id = c.lead_media_id
    ${sql.raw(orderBy)}`;
}

/**
 * Ids named by blocks of these types in the body of the article aliased `a` (whole numbers only), as an
 * array: `id = any(array(…))` is read once and looked up by primary key, where `id in (select …)` lets
 * the planner walk every article and unpack this body for each.
 */
function bodyRefs(types: readonly string[], key: string): string {
  const typeList = types.map((t) => `'${t}'`).join(', ');
  return `array(select (blk->>'${key}')::int
    from jsonb_array_elements(case jsonb_typeof(a.body) when 'array' then a.body else '[]'::jsonb end) blk
    where blk->>'type' in (${typeList}) and blk->>'${key}' ~ '^[0-9]{1,9}$')`;
}

/**
 * The whole article page in one statement: the article with its section, lead picture, bylines (with
 * portraits), topics and corrections, plus the pictures its body shows and the published stories its
 * "Read more" and teaser blocks point at. The page keeps the stored label, where cards of an ended live
 * blog say nothing: its own page shows that it has ended. Linked stories are tested for being published
 * in the aggregate, not the WHERE: there it lets the planner walk the whole partial index of published
 * stories checking each entry's id (PGlite keeps no statistics and chose that at every size we tried)
 * instead of looking them up by primary key.
 */
const articlePageSelect = sql.raw(`select ${storyColumns('a', 's', 'a.label')}, ${imageJson('m')} as image,
  a.body, a.update_note, a.modified_at, a.seo_title, a.seo_description, a.social_title,
  a.social_description,
  coalesce((select json_agg(json_build_object('slug', au.slug, 'name', au.name, 'jobTitle', au.job_title,
      'portrait', ${imageJson('pm')}) order by b.position)
    from article_bylines b join authors au on au.id = b.author_id
    left join media pm on pm.id = au.portrait_media_id
    where b.article_id = a.id), '[]') as authors,
  coalesce((select json_agg(json_build_object('slug', t.slug, 'name', t.name) order by x.position, t.id)
    from article_tags x join tags t on t.id = x.tag_id where x.article_id = a.id), '[]') as tags,
  coalesce((select json_agg(json_build_object('text', k.text, 'correctedAt', k.corrected_at)
      order by k.corrected_at, k.id)
    from article_corrections k where k.article_id = a.id), '[]') as corrections,
  coalesce((select json_agg(${imageJson('bm')})
    from media bm where bm.id = any(${bodyRefs(['image'], 'mediaId')})), '[]') as body_images,
  coalesce((select json_agg(${cardJson('la', 'ls', 'lm')}) filter (where la.status = 'published')
    from articles la join sections ls on ls.id = la.section_id left join media lm on lm.id = la.lead_media_id
    where la.id = any(${bodyRefs(['readMore', 'teaser'], 'articleId')})), '[]')
    as linked
  from articles a
  join sections s on s.id = a.section_id
  left join media m on m.id = a.lead_media_id`);

/**
 * The published article `match` finds, as one JSON column: the drivers then decode one value instead of
 * twenty (on PGlite, decoding them one by one took a quarter of the statement's 1 ms).
 */
function articlePageBy(match: SQL): SQL {
  return sql`select row_to_json(page) as page
    from (${articlePageSelect} where a.status = 'published' and ${match} limit 1) page`;
}

type CardRow = {
  id: number;
  slug: string;
  headline: string;
  standfirst: string;
  label: ArticleCard['label'];
  /** A Date from the drivers; an ISO string when the card came inside JSON. */
  published_at: Date | string | null;
  public_updated_at: Date | string | null;
  section_slug: string;
  section_name: string;
  image: ImageRef | null;
  authors: AuthorRef[];
};

type ArticleRow = Omit<CardRow, 'authors'> & {
  /** The full bylines (job titles, portraits), which the page shows instead of a card's names. */
  authors: Byline[];
  body: unknown;
  update_note: string | null;
  modified_at: Date | string;
  seo_title: string | null;
  seo_description: string | null;
  social_title: string | null;
  social_description: string | null;
  tags: TagRef[];
  corrections: { text: string; correctedAt: string }[];
  body_images: ImageRef[];
  linked: CardRow[];
};

function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

function toCard(row: CardRow): ArticleCard {
  const section = { slug: row.section_slug, name: row.section_name };
  return {
    id: Number(row.id),
    slug: row.slug,
    url: articlePath(section.slug, row.slug),
    headline: row.headline,
    standfirst: row.standfirst,
    label: row.label,
    section,
    publishedAt: row.published_at === null ? new Date(0) : toDate(row.published_at),
    publicUpdatedAt: row.public_updated_at === null ? null : toDate(row.public_updated_at),
    image: row.image,
    authors: row.authors,
  };
}

function toView(row: ArticleRow): ArticleView {
  return {
    ...toCard(row),
    authors: row.authors,
    body: readBody(row.body),
    updateNote: row.update_note,
    tags: row.tags,
    corrections: row.corrections.map((c) => ({ text: c.text, correctedAt: toDate(c.correctedAt) })),
    modifiedAt: toDate(row.modified_at),
    seoTitle: row.seo_title,
    seoDescription: row.seo_description,
    socialTitle: row.social_title,
    socialDescription: row.social_description,
  };
}

export type ArticleFilter =
  | { kind: 'all' }
  | { kind: 'section'; sectionId: number }
  | { kind: 'tag'; tagId: number }
  | { kind: 'author'; authorId: number };

/**
 * Where a list starts: at an offset from its top (the first few numbered pages only, so the offset stays
 * small), or just past a story (keyset: `before` walks to older stories, `after` to newer ones).
 */
export type ListStart = { offset: number } | { before: number } | { after: number };

/** An article page's own data: the article, the cards its body links to and the pictures it shows. */
export interface ArticleWithLinks {
  article: ArticleView;
  linked: ArticleCard[];
  images: ImageRef[];
}

export class ArticlesRepository {
  private readonly pageBySlug: PreparedRows<{ page: ArticleRow }, string>;
  private readonly pageById: PreparedRows<{ page: ArticleRow }, number>;

  constructor(private readonly db: Database) {
    this.pageBySlug = new PreparedRows(db, 'article_page_by_slug', 'text', (slug) =>
      articlePageBy(sql`a.slug = ${slug}`),
    );
    this.pageById = new PreparedRows(db, 'article_page_by_id', 'int', (id) =>
      articlePageBy(sql`a.id = ${id}`),
    );
  }

  /** The filter, for the article aliased `a`. */
  private filterSql(filter: ArticleFilter): SQL {
    const published = sql`a.status = 'published'`;
    switch (filter.kind) {
      case 'all':
        return published;
      case 'section':
        return sql`${published} and a.section_id = ${filter.sectionId}`;
      case 'tag':
        return sql`${published} and exists (select 1 from ${articleTags} x
          where x.article_id = a.id and x.tag_id = ${filter.tagId})`;
      case 'author':
        return sql`${published} and exists (select 1 from ${articleBylines} b
          where b.article_id = a.id and b.author_id = ${filter.authorId})`;
    }
  }

  /**
   * One slice of a list, newest first, in one indexed statement. With `before`/`after` the slice starts
   * just past that story's (published_at, id): no OFFSET however deep the reader goes. A story that is
   * not there (or has no publication time) gives an empty slice.
   */
  async slice(
    filter: ArticleFilter,
    start: ListStart,
    limit: number,
    excludeId?: number,
  ): Promise<ArticleCard[]> {
    const where = [this.filterSql(filter)];
    if (excludeId !== undefined) where.push(sql`a.id <> ${excludeId}`);
    let order = sql`order by a.published_at desc nulls last, a.id desc`;
    let offset = 0;
    if ('offset' in start) offset = start.offset;
    else {
      const key = 'before' in start ? start.before : start.after;
      const cursor = sql`(select k.published_at, k.id from ${articles} k where k.id = ${key})`;
      if ('before' in start) where.push(sql`(a.published_at, a.id) < ${cursor}`);
      else {
        where.push(sql`(a.published_at, a.id) > ${cursor}`);
        order = sql`order by a.published_at asc nulls first, a.id asc`;
      }
    }
    // Numbered pages near the top skip a bounded number of index entries; cursors skip none.
    const skip = offset > 0 ? sql`offset ${offset}` : sql``;
    const page = sql`select a.id from ${articles} a where ${sql.join(where, sql` and `)}
      ${order} limit ${limit} ${skip}`;
    const found = await rows<CardRow>(this.db, cardsOf(page, 'after' in start ? 'oldest' : 'newest'));
    const cards = found.map(toCard);
    return 'after' in start ? cards.reverse() : cards;
  }

  /** How many stories the list has, counting no further than `cap` (so it costs little on any archive). */
  async countUpTo(filter: ArticleFilter, cap: number): Promise<number> {
    const [row] = await rows<{ n: number }>(
      this.db,
      sql`select count(*)::int as n from (select 1 from ${articles} a where ${this.filterSql(filter)}
        limit ${cap}) capped`,
    );
    return Number(row?.n ?? 0);
  }

  /** Every story in the list (exact; admin pages and page counts, not reader pages). */
  async count(filter: ArticleFilter): Promise<number> {
    const [row] = await rows<{ n: number }>(
      this.db,
      sql`select count(*)::int as n from ${articles} a where ${this.filterSql(filter)}`,
    );
    return Number(row?.n ?? 0);
  }

  /** Published cards for the given ids, in the order given (missing or unpublished ones dropped). */
  async cardsByIds(ids: readonly number[]): Promise<ArticleCard[]> {
    const wanted = [...new Set(ids)].filter(isArticleId);
    if (wanted.length === 0) return [];
    const page = sql`select a.id from ${articles} a
      where a.status = 'published' and a.id in (${sql.join(
        wanted.map((id) => sql`${id}`),
        sql`, `,
      )})`;
    const found = await rows<CardRow>(this.db, cardsOf(page, 'none'));
    const byId = new Map(found.map((row) => [Number(row.id), toCard(row)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** The home page's curated stories: position 0 is the lead. */
  async curated(limit: number): Promise<ArticleCard[]> {
    const found = await rows<CardRow & { home_position: number }>(
      this.db,
      sql`select ${sql.raw(cardColumns('c', 's', 'm'))}
        from (select a.id from ${articles} a
          where a.status = 'published' and a.home_position is not null
          order by a.home_position, a.published_at desc nulls last, a.id desc limit ${limit}) page
        join ${articles} c on c.id = page.id
        join ${sections} s on s.id = c.section_id
        left join media m on m.id = c.lead_media_id
        order by c.home_position, c.published_at desc nulls last, c.id desc`,
    );
    return found.map(toCard);
  }

  /**
   * The newest `perSection` published cards of every section, sections in navigation order: one
   * statement, each section read from its own index (a lateral join), whatever the archive's size.
   */
  async newestPerSection(perSection: number): Promise<{ sectionId: number; card: ArticleCard }[]> {
    const found = await rows<CardRow & { section_id: number }>(
      this.db,
      sql`select c.section_id, ${sql.raw(cardColumns('c', 's', 'm'))}
        from ${sections} s
        cross join lateral (
          select a.id from ${articles} a
          where a.section_id = s.id and a.status = 'published'
          order by a.published_at desc nulls last, a.id desc
          limit ${perSection}
        ) page
        join ${articles} c on c.id = page.id
        left join media m on m.id = c.lead_media_id
        order by s.position, s.id, c.published_at desc nulls last, c.id desc`,
    );
    return found.map((row) => ({ sectionId: Number(row.section_id), card: toCard(row) }));
  }

  /** A published article with everything its page shows, in one prepared statement. */
  async articlePage(by: { slug: string } | { id: number }): Promise<ArticleWithLinks | undefined> {
    if ('slug' in by ? !slugPattern.test(by.slug) : !isArticleId(by.id)) return undefined;
    const [found] = 'slug' in by ? await this.pageBySlug.run(by.slug) : await this.pageById.run(by.id);
    if (!found) return undefined;
    const { page } = found;
    return { article: toView(page), linked: page.linked.map(toCard), images: page.body_images };
  }

  async findPublished(by: { slug: string } | { id: number }): Promise<ArticleView | undefined> {
    return (await this.articlePage(by))?.article;
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
