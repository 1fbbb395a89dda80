import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { articles } from './articles.ts';

/**
 * Editors' choices for an article's "Related stories": pinned stories come first in the order given,
 * excluded stories never appear. Everything else is computed (modules/search/related.ts).
 */
export const relatedOverrides = pgTable(
  'related_overrides',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    targetId: integer('target_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['pin', 'exclude'] }).notNull(),
    /** Order of pinned stories (0 first); 0 for exclusions. */
    position: integer('position').notNull().default(0),
    /** The user who made the choice, when known (no foreign key: users may be deleted, choices stay). */
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.targetId] }),
    index('related_overrides_target_idx').on(t.targetId),
    check('related_overrides_not_self', sql`${t.articleId} <> ${t.targetId}`),
  ],
);

/**
 * First-party, cookie-free readership: page views per article per hour. No person, address, agent or
 * identifier is stored; only these counts.
 */
export const articleViewsHourly = pgTable(
  'article_views_hourly',
  {
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    /** The start of the hour (UTC) the views were counted in. */
    hour: timestamp('hour', { withTimezone: true }).notNull(),
    views: integer('views').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.hour] }),
    // "Most read in the last 24 hours" reads a window of hours across all articles.
    index('article_views_hourly_hour_idx').on(t.hour, t.articleId),
  ],
);

/**
 * How many published stories use each search word (a lexeme of `articles.search_vector`): the rarity
 * weights of "Related stories" (modules/search/related.repository.ts). Triggers on `articles` keep it exact
 * as stories are published, edited, unpublished and deleted (migration 0007). Counting the stories of each
 * word through the search index instead cost most of a first view's 0.7 s on a 100,000-story archive.
 */
export const searchTerms = pgTable('search_terms', {
  lexeme: text('lexeme').primaryKey(),
  stories: integer('stories').notNull(),
});
