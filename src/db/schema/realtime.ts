import { bigserial, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Everything pushed to open pages (live-blog entries, the breaking-news banner), kept for a day so a
 * reader who reconnects with `Last-Event-ID` misses nothing. The id is the Server-Sent Events id: ids
 * are given out in commit order (publishers take an advisory lock), so "after id N" is exact.
 */
export const liveEvents = pgTable(
  'live_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** `site` (every reader page) or `liveblog:<articleId>`. */
    topic: text('topic').notNull(),
    type: text('type').notNull(),
    data: jsonb('data').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('live_events_topic_idx').on(t.topic, t.id), index('live_events_created_idx').on(t.createdAt)],
);
