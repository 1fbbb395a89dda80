import { sql } from 'drizzle-orm';
import {
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { authors } from './authors.ts';
import { media } from './media.ts';
import { sections } from './sections.ts';
import { tags } from './tags.ts';

export const articleStatus = pgEnum('article_status', [
  'draft',
  'in_review',
  'scheduled',
  'published',
  'unpublished',
]);
export const articleLabel = pgEnum('article_label', [
  'none',
  'exclusive',
  'breaking',
  'live',
  'opinion',
  'analysis',
]);

const tsvector = customType<{ data: string }>({
  dataType: () => 'tsvector',
});

export const articles = pgTable(
  'articles',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    status: articleStatus('status').notNull().default('draft'),
    headline: text('headline').notNull(),
    standfirst: text('standfirst').notNull().default(''),
    label: articleLabel('label').notNull().default('none'),
    sectionId: integer('section_id')
      .notNull()
      .references(() => sections.id),
    leadMediaId: integer('lead_media_id').references(() => media.id, { onDelete: 'set null' }),
    /** Typed blocks (see modules/articles/blocks.ts), never HTML. */
    body: jsonb('body').notNull().default(sql`'[]'::jsonb`),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** The public "Updated" time, set only when an editor marks a change as a public update. */
    publicUpdatedAt: timestamp('public_updated_at', { withTimezone: true }),
    updateNote: text('update_note'),
    seoTitle: text('seo_title'),
    seoDescription: text('seo_description'),
    socialTitle: text('social_title'),
    socialDescription: text('social_description'),
    /** Editors' placement on the home page: 0 is the lead story, then the top stories in order. */
    homePosition: integer('home_position'),
    /** A draft may not be published before this time (embargo). */
    embargoUntil: timestamp('embargo_until', { withTimezone: true }),
    /**
     * Edits to a published article wait here until an editor publishes the update, so autosave never
     * puts half-finished text in front of readers. Null when there is nothing pending.
     */
    pendingChanges: jsonb('pending_changes'),
    /** When a scheduled article will be published by the job queue. */
    scheduledFor: timestamp('scheduled_for', { withTimezone: true }),
    /** The user who created the article (owner for permission checks); null for imported content. */
    createdBy: integer('created_by'),
    /**
     * Full-text search document, kept by PostgreSQL itself: headline weighs most, then standfirst, then
     * every text run of the body blocks.
     */
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      sql`setweight(to_tsvector('english', coalesce(headline, '')), 'A') || setweight(to_tsvector('english', coalesce(standfirst, '')), 'B') || setweight(to_tsvector('english', coalesce(jsonb_path_query_array(body, 'strict $.**.text')::text, '')), 'C')`,
    ),
    /** Optimistic concurrency: every save must name the version it edited. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    modifiedAt: timestamp('modified_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('articles_published_idx').on(t.publishedAt.desc(), t.id.desc()).where(sql`status = 'published'`),
    index('articles_section_published_idx')
      .on(t.sectionId, t.publishedAt.desc(), t.id.desc())
      .where(sql`status = 'published'`),
    index('articles_home_idx').on(t.homePosition).where(sql`home_position is not null`),
    index('articles_search_idx').using('gin', t.searchVector),
    index('articles_status_modified_idx').on(t.status, t.modifiedAt.desc()),
    index('articles_scheduled_idx').on(t.scheduledFor).where(sql`status = 'scheduled'`),
  ],
);

export const articleBylines = pgTable(
  'article_bylines',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    authorId: integer('author_id')
      .notNull()
      .references(() => authors.id),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.authorId] }),
    index('article_bylines_author_idx').on(t.authorId),
  ],
);

export const articleTags = pgTable(
  'article_tags',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.tagId] }), index('article_tags_tag_idx').on(t.tagId)],
);

/** Corrections are appended publicly and never edited away. */
export const articleCorrections = pgTable(
  'article_corrections',
  {
    id: serial('id').primaryKey(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    correctedAt: timestamp('corrected_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('article_corrections_article_idx').on(t.articleId)],
);

/** Old slugs keep working: they answer with a permanent redirect to the current URL. */
export const articleSlugHistory = pgTable('article_slug_history', {
  slug: text('slug').primaryKey(),
  articleId: integer('article_id')
    .notNull()
    .references(() => articles.id, { onDelete: 'cascade' }),
});

/** Every saved state of an article, for a readable history, diffs and restore. */
export const articleRevisions = pgTable(
  'article_revisions',
  {
    id: serial('id').primaryKey(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    /** The editable fields as they were after this save. */
    snapshot: jsonb('snapshot').notNull(),
    userId: integer('user_id'),
    /** What happened: "saved", "published", "restored from version 3" … */
    event: text('event').notNull().default('saved'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('article_revisions_article_idx').on(t.articleId, t.version.desc())],
);
