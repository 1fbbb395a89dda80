import type { SentenceMarks } from './script.ts';

/** The job that (re)makes an article's audio; one pending per article (dedupe key `audio:<id>`). */
export const synthesizeJob = 'audio.synthesize';
/** The job that finds published articles without current audio (start-up, voice change). */
export const backfillJob = 'audio.backfill';
export const audioJobKey = (articleId: number) => `audio:${articleId}`;
/** Where the site voice is kept in the settings table. */
export const voiceSettingKey = 'audio.voice';

/** An article's current recording, as stored. */
export interface AudioTrack {
  articleId: number;
  version: string;
  textHash: string;
  engine: string;
  voice: string;
  storageKey: string;
  mimeType: string;
  bytes: number;
  durationMs: number;
  sentenceStarts: number[];
  wordCount: number;
  synthesisMs: number;
  createdAt: Date;
}

/** The public address of a recording: a new version gets a new address, so it may be cached forever. */
export function audioPath(track: Pick<AudioTrack, 'articleId' | 'version' | 'storageKey'>): string {
  const extension = track.storageKey.slice(track.storageKey.lastIndexOf('.') + 1);
  return `/audio/${track.articleId}/${track.version}.${extension}`;
}

/** What the article page needs to show the player and mark the sentences. */
export interface PageAudio {
  url: string;
  mimeType: string;
  durationMs: number;
  sentenceStarts: number[];
  marks: SentenceMarks;
}

export type AudioState = 'none' | 'pending' | 'ready' | 'failed';

/** Audio status of one article, for the newsroom. */
export interface AudioStatus {
  articleId: number;
  state: AudioState;
  /** A recording exists (it may be older than the text while a new one is made or has failed). */
  track: AudioTrack | null;
  /** Does the recording say what the article says now? */
  current: boolean;
  attempts: number;
  lastError: string | null;
  /** When the pending job will next run. */
  nextRunAt: Date | null;
}

/** One episode of the podcast feed. */
export interface FeedEpisode {
  articleId: number;
  title: string;
  summary: string;
  link: string;
  publishedAt: Date;
  authors: string[];
  section: string;
  url: string;
  mimeType: string;
  bytes: number;
  durationMs: number;
  imageUrl: string | null;
}
