import { integer, pgTable, serial, text } from 'drizzle-orm/pg-core';

export const sections = pgTable('sections', {
  id: serial('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  /** Order in the navigation and on the home page. */
  position: integer('position').notNull().default(0),
});
