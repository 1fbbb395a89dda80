import { integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { media } from './media.ts';

/** Bylines. Separate from user accounts so wire copy and guest writers get credit without a login. */
export const authors = pgTable('authors', {
  id: serial('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  jobTitle: text('job_title').notNull().default(''),
  bio: text('bio').notNull().default(''),
  portraitMediaId: integer('portrait_media_id').references(() => media.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
