import { sql } from 'drizzle-orm';
import {
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
