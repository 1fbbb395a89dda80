import { and, asc, count, desc, eq, inArray, isNull, max, ne, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import {
  articleBylines,
  articles,
  authors,
  liveBlogEntries,
  liveBlogs,
  sections,
} from '../../db/schema/index.ts';
import { type Block, readBody } from '../articles/index.ts';
import type {
  BlogArticle,
  EntryCorrection,
  KeyEvent,
  LiveBlogListRow,
  LiveBlogState,
  LiveEntry,
} from './entry.ts';
import { entryLabel } from './entry.ts';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

const entryColumns = {
  id: liveBlogEntries.id,
  articleId: liveBlogEntries.articleId,
  postedAt: liveBlogEntries.postedAt,
  title: liveBlogEntries.title,
  body: liveBlogEntries.body,
  postedBy: liveBlogEntries.postedBy,
  keyEvent: liveBlogEntries.keyEvent,
  pinned: liveBlogEntries.pinned,
  corrections: liveBlogEntries.corrections,
  editedAt: liveBlogEntries.editedAt,
  deletedAt: liveBlogEntries.deletedAt,
  version: liveBlogEntries.version,
  updatedAt: liveBlogEntries.updatedAt,
  authorId: authors.id,
  authorSlug: authors.slug,
  authorName: authors.name,
};

type EntryRow = {
  [K in keyof typeof entryColumns]:
    | (typeof entryColumns)[K]['_']['data']
    | (K extends `author${string}` ? null : never);
};

function readCorrections(stored: unknown): EntryCorrection[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((item) => {
    const { text, at } = (item ?? {}) as { text?: unknown; at?: unknown };
    return typeof text === 'string' && typeof at === 'string' ? [{ text, at: new Date(at) }] : [];
  });
}

function toEntry(row: EntryRow): LiveEntry {
  return {
    id: row.id,
    articleId: row.articleId,
    postedAt: row.postedAt,
    title: row.title,
    body: readBody(row.body),
    author:
      row.authorId !== null && row.authorSlug !== null && row.authorName !== null
        ? { id: row.authorId, slug: row.authorSlug, name: row.authorName }
        : null,
    postedBy: row.postedBy,
    keyEvent: row.keyEvent,
    pinned: row.pinned,
    corrections: readCorrections(row.corrections),
    editedAt: row.editedAt,
    deletedAt: row.deletedAt,
    version: row.version,
    updatedAt: row.updatedAt,
  };
}

const visible = isNull(liveBlogEntries.deletedAt);
const newestFirst = [desc(liveBlogEntries.postedAt), desc(liveBlogEntries.id)];

export interface NewEntry {
  articleId: number;
  postedAt: Date;
  title: string | null;
  body: Block[];
  authorId: number | null;
  postedBy: number | null;
  keyEvent: boolean;
  pinned: boolean;
}

export interface EntryChanges {
  title?: string | null;
  body?: Block[];
  keyEvent?: boolean;
  pinned?: boolean;
  authorId?: number | null;
  /** Appended to the public corrections. */
  correction?: EntryCorrection;
  edited?: boolean;
  deleted?: boolean;
}

/** Outcome of a versioned change: the new version, or why there is none. */
export type ChangeResult =
  | { ok: true; version: number; unpinned: number[] }
  | { ok: false; reason: 'missing' | 'stale' };

export class LiveBlogsRepository {
  constructor(private readonly db: Database) {}

  /** The article behind a blog with its section and byline, in one query. */
  async article(id: number): Promise<BlogArticle | undefined> {
    const row = await this.db.query.articles.findFirst({
      columns: {
        id: true,
        slug: true,
        headline: true,
        label: true,
        status: true,
        createdBy: true,
        publishedAt: true,
      },
      where: eq(articles.id, id),
      with: {
        section: { columns: { slug: true } },
        bylines: { columns: { authorId: true }, orderBy: [asc(articleBylines.position)] as SQL[] },
      },
    });
    if (!row) return undefined;
    return {
      id: row.id,
      slug: row.slug,
      sectionSlug: row.section.slug,
      headline: row.headline,
      label: row.label,
      status: row.status,
      createdBy: row.createdBy,
      publishedAt: row.publishedAt,
      authorIds: row.bylines.map((b) => b.authorId),
    };
  }

  async state(articleId: number): Promise<LiveBlogState | undefined> {
    const [row] = await this.db.select().from(liveBlogs).where(eq(liveBlogs.articleId, articleId));
    return row;
  }

  async authorExists(id: number): Promise<boolean> {
    const [row] = await this.db.select({ id: authors.id }).from(authors).where(eq(authors.id, id));
    return row !== undefined;
  }

  private selectEntries(db: Database | Tx = this.db) {
    return db
      .select(entryColumns)
      .from(liveBlogEntries)
      .leftJoin(authors, eq(authors.id, liveBlogEntries.authorId))
      .$dynamic();
  }

  /** One entry, deleted or not. */
  async entry(id: number): Promise<LiveEntry | undefined> {
    const [row] = await this.selectEntries().where(eq(liveBlogEntries.id, id));
    return row ? toEntry(row as EntryRow) : undefined;
  }

  async entriesByIds(ids: readonly number[]): Promise<LiveEntry[]> {
    if (ids.length === 0) return [];
    const rows = await this.selectEntries().where(inArray(liveBlogEntries.id, [...ids]));
    return rows.map((row) => toEntry(row as EntryRow));
  }

  /** Visible entries newest first; `unpinned` leaves the pinned entry out (it is shown first instead). */
  async entries(
    articleId: number,
    options: { limit: number; offset?: number; unpinned?: boolean; exclude?: number },
  ): Promise<LiveEntry[]> {
    const rows = await this.selectEntries()
      .where(
        and(
          eq(liveBlogEntries.articleId, articleId),
          visible,
          options.unpinned ? eq(liveBlogEntries.pinned, false) : undefined,
          options.exclude !== undefined ? ne(liveBlogEntries.id, options.exclude) : undefined,
        ),
      )
      .orderBy(...newestFirst)
      .limit(options.limit)
      .offset(options.offset ?? 0);
    return rows.map((row) => toEntry(row as EntryRow));
  }

  async pinned(articleId: number): Promise<LiveEntry | undefined> {
    const [row] = await this.selectEntries().where(
      and(eq(liveBlogEntries.articleId, articleId), visible, eq(liveBlogEntries.pinned, true)),
    );
    return row ? toEntry(row as EntryRow) : undefined;
  }

  /** Counts of visible entries (all, and those not pinned) and the newest change, in one statement. */
  async summary(articleId: number): Promise<{ total: number; unpinned: number; lastChange: Date | null }> {
    const [row] = await this.db
      .select({
        total: sql<number>`count(*) filter (where ${liveBlogEntries.deletedAt} is null)`.mapWith(Number),
        unpinned:
          sql<number>`count(*) filter (where ${liveBlogEntries.deletedAt} is null and not ${liveBlogEntries.pinned})`.mapWith(
            Number,
          ),
        lastChange: max(liveBlogEntries.updatedAt),
      })
      .from(liveBlogEntries)
      .where(eq(liveBlogEntries.articleId, articleId));
    return {
      total: row?.total ?? 0,
      unpinned: row?.unpinned ?? 0,
      lastChange: row?.lastChange ? new Date(row.lastChange) : null,
    };
  }

  async keyEvents(articleId: number, limit: number): Promise<KeyEvent[]> {
    const rows = await this.db
      .select({
        id: liveBlogEntries.id,
        postedAt: liveBlogEntries.postedAt,
        title: liveBlogEntries.title,
        body: liveBlogEntries.body,
      })
      .from(liveBlogEntries)
      .where(and(eq(liveBlogEntries.articleId, articleId), visible, eq(liveBlogEntries.keyEvent, true)))
      .orderBy(...newestFirst)
      .limit(limit);
    return rows.map((r) => ({
      id: r.id,
      postedAt: r.postedAt,
      label: entryLabel({ title: r.title, body: readBody(r.body) }),
    }));
  }

  /** Where an entry stands among the visible unpinned entries (0 = newest), for paging to it. */
  async positionOf(entry: LiveEntry): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(liveBlogEntries)
      .where(
        and(
          eq(liveBlogEntries.articleId, entry.articleId),
          visible,
          eq(liveBlogEntries.pinned, false),
          sql`(${liveBlogEntries.postedAt}, ${liveBlogEntries.id}) > (${entry.postedAt.toISOString()}::timestamptz, ${entry.id})`,
        ),
      );
    return row?.n ?? 0;
  }

  /**
   * Adds an entry. A pinned one unpins the previous in the same transaction, serialised on the blog's
   * row, so two editors pinning at once leave exactly one pinned entry.
   */
  async insert(entry: NewEntry): Promise<{ id: number; unpinned: number[] }> {
    return this.db.transaction(async (tx) => {
      await this.lockBlog(tx, entry.articleId, entry.postedAt);
      const unpinned = entry.pinned ? await this.unpinOthers(tx, entry.articleId, null, entry.postedAt) : [];
      const [row] = await tx
        .insert(liveBlogEntries)
        .values({ ...entry, updatedAt: entry.postedAt })
        .returning({ id: liveBlogEntries.id });
      if (!row) throw new Error('live blog entry insert returned nothing');
      return { id: row.id, unpinned };
    });
  }

  /** Changes an entry if it is still at `version` (and not deleted). */
  async change(id: number, version: number, changes: EntryChanges, now: Date): Promise<ChangeResult> {
    return this.db.transaction(async (tx) => {
      const [current] = await tx
        .select({ articleId: liveBlogEntries.articleId, version: liveBlogEntries.version })
        .from(liveBlogEntries)
        .where(and(eq(liveBlogEntries.id, id), visible));
      if (!current) return { ok: false, reason: 'missing' } as const;
      if (current.version !== version) return { ok: false, reason: 'stale' } as const;
      let unpinned: number[] = [];
      if (changes.pinned) {
        await this.lockBlog(tx, current.articleId, now);
        unpinned = await this.unpinOthers(tx, current.articleId, id, now);
      }
      const [row] = await tx
        .update(liveBlogEntries)
        .set({
          ...(changes.title !== undefined ? { title: changes.title } : {}),
          ...(changes.body !== undefined ? { body: changes.body } : {}),
          ...(changes.keyEvent !== undefined ? { keyEvent: changes.keyEvent } : {}),
          ...(changes.pinned !== undefined ? { pinned: changes.pinned } : {}),
          ...(changes.authorId !== undefined ? { authorId: changes.authorId } : {}),
          ...(changes.edited ? { editedAt: now } : {}),
          ...(changes.deleted ? { deletedAt: now, pinned: false } : {}),
          ...(changes.correction
            ? {
                corrections: sql`${liveBlogEntries.corrections} || ${JSON.stringify([
                  { text: changes.correction.text, at: changes.correction.at.toISOString() },
                ])}::jsonb`,
              }
            : {}),
          version: sql`${liveBlogEntries.version} + 1`,
          updatedAt: now,
        })
        .where(and(eq(liveBlogEntries.id, id), eq(liveBlogEntries.version, version), visible))
        .returning({ version: liveBlogEntries.version });
      if (!row) return { ok: false, reason: 'stale' } as const;
      return { ok: true, version: row.version, unpinned } as const;
    });
  }

  /** Marks the blog ended (or running again); false when it already was. */
  async setEnded(articleId: number, endedAt: Date | null, by: number | null, now: Date): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      await this.lockBlog(tx, articleId, now);
      const updated = await tx
        .update(liveBlogs)
        .set({ endedAt, endedBy: endedAt ? by : null })
        .where(
          and(
            eq(liveBlogs.articleId, articleId),
            endedAt ? isNull(liveBlogs.endedAt) : sql`${liveBlogs.endedAt} is not null`,
          ),
        )
        .returning({ articleId: liveBlogs.articleId });
      return updated.length > 0;
    });
  }

  /**
   * Published live blogs that have not ended, newest activity first, with their latest entry's label
   * (the home page's "Live" strip).
   */
  async running(limit: number): Promise<{ articleId: number; latest: KeyEvent | null }[]> {
    const rows = await this.db
      .select({ id: articles.id, endedAt: liveBlogs.endedAt })
      .from(articles)
      .leftJoin(liveBlogs, eq(liveBlogs.articleId, articles.id))
      .where(and(eq(articles.status, 'published'), eq(articles.label, 'live'), isNull(liveBlogs.endedAt)))
      .orderBy(desc(articles.publishedAt))
      .limit(limit);
    const result = [];
    for (const row of rows) {
      const [latest] = await this.entries(row.id, { limit: 1 });
      result.push({
        articleId: row.id,
        latest: latest ? { id: latest.id, postedAt: latest.postedAt, label: entryLabel(latest) } : null,
      });
    }
    return result;
  }

  /** Every article labelled "Live" (any status) with its state and entry count: the newsroom's list. */
  async liveArticles(): Promise<LiveBlogListRow[]> {
    const rows = await this.db
      .select({
        id: articles.id,
        headline: articles.headline,
        status: articles.status,
        slug: articles.slug,
        sectionSlug: sections.slug,
        endedAt: liveBlogs.endedAt,
        entries: sql<number>`(select count(*) from ${liveBlogEntries} e
          where e.article_id = ${articles.id} and e.deleted_at is null)`.mapWith(Number),
        lastPost: sql<Date | null>`(select max(e.posted_at) from ${liveBlogEntries} e
          where e.article_id = ${articles.id} and e.deleted_at is null)`,
      })
      .from(articles)
      .innerJoin(sections, eq(sections.id, articles.sectionId))
      .leftJoin(liveBlogs, eq(liveBlogs.articleId, articles.id))
      .where(eq(articles.label, 'live'))
      .orderBy(sql`${liveBlogs.endedAt} is not null`, desc(articles.modifiedAt))
      .limit(200);
    return rows.map((r) => ({ ...r, lastPost: r.lastPost ? new Date(r.lastPost) : null }));
  }

  /** Creates the blog's state row on first use and locks it for the rest of the transaction. */
  private async lockBlog(tx: Tx, articleId: number, now: Date): Promise<void> {
    await tx
      .insert(liveBlogs)
      .values({
        articleId,
        startedAt: sql`coalesce((select ${articles.publishedAt} from ${articles} where ${articles.id} = ${articleId}), ${now.toISOString()}::timestamptz)`,
      })
      .onConflictDoNothing();
    await tx
      .select({ id: liveBlogs.articleId })
      .from(liveBlogs)
      .where(eq(liveBlogs.articleId, articleId))
      .for('update');
  }

  private async unpinOthers(tx: Tx, articleId: number, keep: number | null, now: Date): Promise<number[]> {
    const rows = await tx
      .update(liveBlogEntries)
      .set({ pinned: false, version: sql`${liveBlogEntries.version} + 1`, updatedAt: now })
      .where(
        and(
          eq(liveBlogEntries.articleId, articleId),
          eq(liveBlogEntries.pinned, true),
          keep === null ? undefined : ne(liveBlogEntries.id, keep),
        ),
      )
      .returning({ id: liveBlogEntries.id });
    return rows.map((r) => r.id);
  }
}
