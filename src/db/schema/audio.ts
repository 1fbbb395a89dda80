import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { articles } from './articles.ts';

/**
 * The spoken version of each published article: one current file per article. `version` is part of the
 * file's URL (a new text, voice or engine gives a new URL, so the old one can be cached forever);
 * `textHash` covers only the spoken words, so the page shows the player only when the audio says what
 * the article says now.
 */
export const articleAudio = pgTable('article_audio', {
  articleId: integer('article_id')
    .primaryKey()
    .references(() => articles.id, { onDelete: 'cascade' }),
  version: text('version').notNull(),
  textHash: text('text_hash').notNull(),
  engine: text('engine').notNull(),
  voice: text('voice').notNull(),
  /** Where the file lives inside the media folder (audio/<article id>/<version>.mp3). */
  storageKey: text('storage_key').notNull(),
  mimeType: text('mime_type').notNull(),
  bytes: integer('bytes').notNull(),
  durationMs: integer('duration_ms').notNull(),
  /** When each sentence starts, in milliseconds, in reading order (see modules/audio/script.ts). */
  sentenceStarts: jsonb('sentence_starts').$type<number[]>().notNull(),
  wordCount: integer('word_count').notNull(),
  /** Wall-clock time the synthesis took, for the admin and the benchmark. */
  synthesisMs: integer('synthesis_ms').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
