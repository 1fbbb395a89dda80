import { and, asc, desc, eq, ilike, inArray, isNotNull, ne, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import {
  articleBylines,
  articleCorrections,
  articleRevisions,
  articleSlugHistory,
  articles,
  articleTags,
  authors,
  sections,
  tags,
} from '../../db/schema/index.ts';
import { slugify } from '../../shared/slug.ts';
import { type ArticleStatus, articlePath } from './article.ts';
import type { DashboardRow, EditableFields } from './editorial.ts';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

export interface EditRecord {
  id: number;
  version: number;
  status: ArticleStatus;
  createdBy: number | null;
  fields: EditableFields;
  pending: EditableFields | null;
  sectionSlug: string;
  scheduledFor: Date | null;
  publishedAt: Date | null;
  publicUpdatedAt: Date | null;
  updateNote: string | null;
  corrections: { text: string; correctedAt: Date }[];
}

export class EditorialRepository {
  constructor(private readonly db: Database) {}

  async load(id: number): Promise<EditRecord | undefined> {
    const row = await this.db.query.articles.findFirst({
      where: eq(articles.id, id),
      with: {
        section: { columns: { slug: true } },
        bylines: {
          columns: { authorId: true, position: true },
          orderBy: [asc(articleBylines.position)] as SQL[],
        },
        tags: {
          columns: { position: true },
          orderBy: [asc(articleTags.position)] as SQL[],
          with: { tag: { columns: { name: true } } },
        },
        corrections: {
          columns: { text: true, correctedAt: true },
          orderBy: [asc(articleCorrections.correctedAt)] as SQL[],
        },
      },
    });
    if (!row) return undefined;
    return {
      id: row.id,
      version: row.version,
      status: row.status,
      createdBy: row.createdBy,
      sectionSlug: row.section.slug,
      scheduledFor: row.scheduledFor,
      publishedAt: row.publishedAt,
      publicUpdatedAt: row.publicUpdatedAt,
      updateNote: row.updateNote,
      corrections: row.corrections,
      pending: (row.pendingChanges as EditableFields | null) ?? null,
      fields: {
        headline: row.headline,
        standfirst: row.standfirst,
        label: row.label,
        sectionId: row.sectionId,
        tags: row.tags.map((t) => t.tag.name),
        authorIds: row.bylines.map((b) => b.authorId),
        leadMediaId: row.leadMediaId,
        slug: row.slug,
        seoTitle: row.seoTitle ?? '',
        seoDescription: row.seoDescription ?? '',
        socialTitle: row.socialTitle ?? '',
        socialDescription: row.socialDescription ?? '',
        body: row.body as EditableFields['body'],
        embargoUntil: row.embargoUntil?.toISOString() ?? null,
      },
    };
  }

  async createDraft(input: { fields: EditableFields; createdBy: number | null; now: Date }): Promise<number> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(articles)
        .values({
          slug: input.fields.slug,
          headline: '',
          sectionId: input.fields.sectionId,
          createdBy: input.createdBy,
          status: 'draft',
          createdAt: input.now,
          modifiedAt: input.now,
        })
        .returning({ id: articles.id });
      if (!row) throw new Error('article insert returned nothing');
      await this.writeFields(tx, row.id, input.fields, input.now);
      await this.writeRevision(tx, row.id, 1, input.fields, input.createdBy, 'created', input.now);
      return row.id;
    });
  }

  /**
   * Saves the editable fields if the article is still at `version`; returns the new version, or null when
   * someone saved in between. `pending` keeps the live article untouched (published articles).
   */
  async save(input: {
    id: number;
    version: number;
    fields: EditableFields;
    pending: boolean;
    userId: number | null;
    now: Date;
  }): Promise<number | null> {
    return this.db.transaction(async (tx) => {
      const next = await this.bumpVersion(
        tx,
        input.id,
        input.version,
        input.now,
        input.pending ? { pendingChanges: input.fields } : {},
      );
      if (next === null) return null;
      if (!input.pending) await this.writeFields(tx, input.id, input.fields, input.now);
      await this.writeRevision(
        tx,
        input.id,
        next,
        input.fields,
        input.userId,
        input.pending ? 'saved (not yet public)' : 'saved',
        input.now,
      );
      return next;
    });
  }

  /** Changes status (and, when publishing, applies pending edits) under the same version check. */
  async transition(input: {
    id: number;
    version: number | null;
    status: ArticleStatus;
    apply?: EditableFields;
    /** The fields as they stand after the change, recorded as the revision. */
    snapshot: EditableFields;
    set?: Partial<{
      publishedAt: Date;
      publicUpdatedAt: Date | null;
      updateNote: string | null;
      scheduledFor: Date | null;
      homePosition: number | null;
    }>;
    event: string;
    userId: number | null;
    now: Date;
  }): Promise<number | null> {
    return this.db.transaction(async (tx) => {
      const next = await this.bumpVersion(tx, input.id, input.version, input.now, {
        status: input.status,
        ...(input.apply ? { pendingChanges: null } : {}),
        ...input.set,
      });
      if (next === null) return null;
      if (input.apply) await this.writeFields(tx, input.id, input.apply, input.now);
      await this.writeRevision(tx, input.id, next, input.snapshot, input.userId, input.event, input.now);
      return next;
    });
  }

  async addCorrection(id: number, text: string, now: Date): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.insert(articleCorrections).values({ articleId: id, text, correctedAt: now });
      await tx
        .update(articles)
        .set({ modifiedAt: now, version: sql`${articles.version} + 1` })
        .where(eq(articles.id, id));
    });
  }

  revisions(id: number) {
    return this.db
      .select({
        version: articleRevisions.version,
        event: articleRevisions.event,
        createdAt: articleRevisions.createdAt,
        userId: articleRevisions.userId,
      })
      .from(articleRevisions)
      .where(eq(articleRevisions.articleId, id))
      .orderBy(desc(articleRevisions.version), desc(articleRevisions.id))
      .limit(200);
  }

  async revisionSnapshot(id: number, version: number): Promise<EditableFields | undefined> {
    const [row] = await this.db
      .select({ snapshot: articleRevisions.snapshot })
      .from(articleRevisions)
      .where(and(eq(articleRevisions.articleId, id), eq(articleRevisions.version, version)))
      .orderBy(desc(articleRevisions.id))
      .limit(1);
    return row?.snapshot as EditableFields | undefined;
  }

  async dashboard(
    filter: { status?: ArticleStatus; createdBy?: number; q?: string },
    limit: number,
  ): Promise<DashboardRow[]> {
    const conditions: SQL[] = [];
    if (filter.status) conditions.push(eq(articles.status, filter.status));
    if (filter.createdBy !== undefined) conditions.push(eq(articles.createdBy, filter.createdBy));
    if (filter.q) conditions.push(ilike(articles.headline, `%${escapeLike(filter.q)}%`));
    const rows = await this.db.query.articles.findMany({
      columns: {
        id: true,
        headline: true,
        status: true,
        createdBy: true,
        modifiedAt: true,
        publishedAt: true,
        scheduledFor: true,
        slug: true,
        pendingChanges: true,
      },
      with: {
        section: { columns: { slug: true, name: true } },
        bylines: {
          columns: { position: true },
          orderBy: [asc(articleBylines.position)] as SQL[],
          with: { author: { columns: { name: true } } },
        },
      },
      where: conditions.length ? and(...conditions) : undefined,
      orderBy: [desc(articles.modifiedAt), desc(articles.id)],
      limit,
    });
    return rows.map((r) => ({
      id: r.id,
      headline: r.headline,
      status: r.status,
      section: r.section.name,
      authors: r.bylines.map((b) => b.author.name),
      createdBy: r.createdBy,
      modifiedAt: r.modifiedAt,
      publishedAt: r.publishedAt,
      scheduledFor: r.scheduledFor,
      url: articlePath(r.section.slug, r.slug),
      hasPendingChanges: r.pendingChanges !== null,
    }));
  }

  async searchForPicker(q: string, limit: number) {
    const rows = await this.db
      .select({
        id: articles.id,
        headline: articles.headline,
        status: articles.status,
        slug: articles.slug,
        section: sections.slug,
        sectionName: sections.name,
      })
      .from(articles)
      .innerJoin(sections, eq(sections.id, articles.sectionId))
      .where(and(ne(articles.headline, ''), q ? ilike(articles.headline, `%${escapeLike(q)}%`) : undefined))
      .orderBy(desc(articles.modifiedAt))
      .limit(limit);
    return rows.map((r) => ({
      id: r.id,
      headline: r.headline,
      status: r.status,
      url: articlePath(r.section, r.slug),
      section: r.sectionName,
    }));
  }

  async slugTaken(slug: string, exceptId: number): Promise<boolean> {
    const [row] = await this.db
      .select({ id: articles.id })
      .from(articles)
      .where(and(eq(articles.slug, slug), ne(articles.id, exceptId)))
      .limit(1);
    if (row) return true;
    const [old] = await this.db
      .select({ id: articleSlugHistory.articleId })
      .from(articleSlugHistory)
      .where(and(eq(articleSlugHistory.slug, slug), ne(articleSlugHistory.articleId, exceptId)))
      .limit(1);
    return old !== undefined;
  }

  async authorNames(ids: readonly number[]) {
    if (ids.length === 0) return [];
    const rows = await this.db
      .select({
        id: authors.id,
        name: authors.name,
        slug: authors.slug,
        jobTitle: authors.jobTitle,
        portraitMediaId: authors.portraitMediaId,
      })
      .from(authors)
      .where(inArray(authors.id, [...ids]));
    return ids.flatMap((id) => rows.find((r) => r.id === id) ?? []);
  }

  async sectionExists(id: number): Promise<boolean> {
    const [row] = await this.db
      .select({ id: sections.id })
      .from(sections)
      .where(eq(sections.id, id))
      .limit(1);
    return row !== undefined;
  }

  async tagSuggestions(q: string, limit: number) {
    return this.db
      .select({ slug: tags.slug, name: tags.name })
      .from(tags)
      .where(q ? ilike(tags.name, `${escapeLike(q)}%`) : undefined)
      .orderBy(asc(tags.name))
      .limit(limit);
  }

  async homeCandidates(limit: number) {
    const rows = await this.db
      .select({
        id: articles.id,
        headline: articles.headline,
        homePosition: articles.homePosition,
        publishedAt: articles.publishedAt,
        section: sections.name,
      })
      .from(articles)
      .innerJoin(sections, eq(sections.id, articles.sectionId))
      .where(eq(articles.status, 'published'))
      .orderBy(sql`${articles.homePosition} asc nulls last`, desc(articles.publishedAt))
      .limit(limit);
    return rows;
  }

  /** Replaces the curated order: ids[0] becomes the lead story. */
  async setHomeOrder(ids: readonly number[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.update(articles).set({ homePosition: null }).where(isNotNull(articles.homePosition));
      for (const [position, id] of ids.entries()) {
        await tx
          .update(articles)
          .set({ homePosition: position })
          .where(and(eq(articles.id, id), eq(articles.status, 'published')));
      }
    });
  }

  private async writeRevision(
    tx: Tx,
    id: number,
    version: number,
    fields: object,
    userId: number | null,
    event: string,
    now: Date,
  ) {
    await tx
      .insert(articleRevisions)
      .values({ articleId: id, version, snapshot: fields, userId, event, createdAt: now });
  }

  private async bumpVersion(
    tx: Tx,
    id: number,
    version: number | null,
    now: Date,
    extra: object,
  ): Promise<number | null> {
    const rows = await tx
      .update(articles)
      .set({ ...extra, modifiedAt: now, version: sql`${articles.version} + 1` })
      .where(version === null ? eq(articles.id, id) : and(eq(articles.id, id), eq(articles.version, version)))
      .returning({ version: articles.version });
    return rows[0]?.version ?? null;
  }

  /** Writes the live columns, bylines and tags; an old slug of a published article keeps redirecting. */
  private async writeFields(tx: Tx, id: number, f: EditableFields, now: Date): Promise<void> {
    const [current] = await tx
      .select({ slug: articles.slug, status: articles.status })
      .from(articles)
      .where(eq(articles.id, id));
    if (current && current.slug !== f.slug && current.status === 'published') {
      await tx.insert(articleSlugHistory).values({ slug: current.slug, articleId: id }).onConflictDoNothing();
    }
    await tx
      .delete(articleSlugHistory)
      .where(and(eq(articleSlugHistory.slug, f.slug), eq(articleSlugHistory.articleId, id)));
    await tx
      .update(articles)
      .set({
        headline: f.headline,
        standfirst: f.standfirst,
        label: f.label,
        sectionId: f.sectionId,
        leadMediaId: f.leadMediaId,
        slug: f.slug,
        seoTitle: f.seoTitle || null,
        seoDescription: f.seoDescription || null,
        socialTitle: f.socialTitle || null,
        socialDescription: f.socialDescription || null,
        body: f.body,
        embargoUntil: f.embargoUntil ? new Date(f.embargoUntil) : null,
        modifiedAt: now,
      })
      .where(eq(articles.id, id));
    await tx.delete(articleBylines).where(eq(articleBylines.articleId, id));
    if (f.authorIds.length) {
      await tx
        .insert(articleBylines)
        .values(
          [...new Set(f.authorIds)].map((authorId, position) => ({ articleId: id, authorId, position })),
        );
    }
    await tx.delete(articleTags).where(eq(articleTags.articleId, id));
    const tagIds: number[] = [];
    for (const name of f.tags) {
      const slug = slugify(name);
      if (!slug) continue;
      await tx.insert(tags).values({ slug, name }).onConflictDoNothing({ target: tags.slug });
      const [tag] = await tx.select({ id: tags.id }).from(tags).where(eq(tags.slug, slug));
      if (tag && !tagIds.includes(tag.id)) tagIds.push(tag.id);
    }
    if (tagIds.length)
      await tx
        .insert(articleTags)
        .values(tagIds.map((tagId, position) => ({ articleId: id, tagId, position })));
  }
}

function escapeLike(value: string): string {
  return value.slice(0, 100).replace(/[\\%_]/g, (c) => `\\${c}`);
}
