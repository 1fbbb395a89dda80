import { sql } from 'drizzle-orm';
import { index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { articles } from './articles.ts';
import { users } from './users.ts';

/**
 * Breaking-news banners, newest last. The current banner is the newest row that has not been cleared
 * (and whose expiry has not passed); setting a new one clears the previous row, so the table is also the
 * history of what readers were shown and who changed it.
 */
export const breakingBanners = pgTable(
  'breaking_banners',
  {
    id: serial('id').primaryKey(),
    text: text('text').notNull(),
    /** What the banner links to: a site path for one of our articles, otherwise an https URL. */
    url: text('url').notNull(),
    /** Set when the link is one of our articles, so the banner follows the article if its URL changes. */
    articleId: integer('article_id').references(() => articles.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    clearedAt: timestamp('cleared_at', { withTimezone: true }),
    clearedBy: integer('cleared_by').references(() => users.id, { onDelete: 'set null' }),
    /** Why it came down: an editor cleared it, a newer banner replaced it, or it expired. */
    clearedReason: text('cleared_reason', { enum: ['cleared', 'replaced', 'expired'] }),
  },
  (t) => [index('breaking_banners_active_idx').on(t.id).where(sql`cleared_at is null`)],
);
