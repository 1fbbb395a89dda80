import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { articles } from './articles.ts';
import { authors } from './authors.ts';
import { users } from './users.ts';

/**
 * The running state of a live blog. An article is a live blog when its label is "live"; this row appears
 * with its first entry (or when it is ended) and records when coverage started and ended.
 */
export const liveBlogs = pgTable('live_blogs', {
  articleId: integer('article_id')
    .primaryKey()
    .references(() => articles.id, { onDelete: 'cascade' }),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  endedAt: timestamp('ended_at', { withTimezone: true }),
  endedBy: integer('ended_by').references(() => users.id, { onDelete: 'set null' }),
});

/**
 * One update of a live blog. Bodies are the same typed blocks as articles. Entries are never deleted
 * outright: `deleted_at` lets readers who reconnect learn that an entry went away.
 */
export const liveBlogEntries = pgTable(
  'live_blog_entries',
  {
    id: serial('id').primaryKey(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    postedAt: timestamp('posted_at', { withTimezone: true }).notNull().defaultNow(),
    title: text('title'),
    /** Typed blocks (see modules/articles/blocks.ts), never HTML. */
    body: jsonb('body').notNull().default(sql`'[]'::jsonb`),
    /** The byline readers see; null when neither the poster nor the blog has one. */
    authorId: integer('author_id').references(() => authors.id, { onDelete: 'set null' }),
    /** The person who posted it (null for imported content). */
    postedBy: integer('posted_by').references(() => users.id, { onDelete: 'set null' }),
    keyEvent: boolean('key_event').notNull().default(false),
    pinned: boolean('pinned').notNull().default(false),
    /** Public corrections, appended and never edited away: [{ text, at }]. */
    corrections: jsonb('corrections').notNull().default(sql`'[]'::jsonb`),
    /** When the text last changed after posting (the "Edited" marker). */
    editedAt: timestamp('edited_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    /** Optimistic concurrency: every change names the version it edited. */
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('live_blog_entries_article_idx')
      .on(t.articleId, t.postedAt.desc(), t.id.desc())
      .where(sql`deleted_at is null`),
    // At most one pinned entry per blog, enforced by the database as well as the service.
    uniqueIndex('live_blog_entries_pinned_idx').on(t.articleId).where(sql`pinned and deleted_at is null`),
  ],
);
