import { createHash } from 'node:crypto';
import { DomainError, notFound } from '../../shared/errors.ts';
import type { ArticleCard, ArticleEvent, ArticlesService, ArticleView, Page } from '../articles/index.ts';
import type { JobQueue, JobSummary } from '../jobs/index.ts';
import { variantUrl } from '../media/index.ts';
import type { Actor, UsersService } from '../users/index.ts';
import { assemble } from './assemble.ts';
import type { AudioRepository } from './audio.repository.ts';
import {
  type AudioStatus,
  type AudioTrack,
  audioJobKey,
  audioPath,
  backfillJob,
  type FeedEpisode,
  type PageAudio,
  synthesizeJob,
} from './audio.ts';
import type { AudioEncoder, AudioStorage, SpeechEngine, VoiceInfo } from './ports.ts';
import { type SpeechScript, speechScript } from './script.ts';

/** The queue as this module uses it: enqueue, cancel, and read a job's outcome for the newsroom. */
export interface AudioJobs extends JobQueue {
  recent(
    filter: { dedupeKey?: string; statuses?: JobSummary['status'][] },
    limit?: number,
  ): Promise<JobSummary[]>;
}

export interface AudioLogger {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface AudioOptions {
  clock?: () => Date;
  log?: AudioLogger;
  /**
   * Publishing is often followed at once by a quick fix, and edits arrive in bursts: the job waits this
   * long (2 s after publishing, 5 s after an update) so a burst makes one recording.
   */
  publishDelayMs?: number;
  updateDelayMs?: number;
  /** Spacing of back-filled jobs, so a fresh publish is never stuck behind the whole archive. */
  backfillSpacingMs?: number;
}

const cacheTtlMs = 30_000;
const cacheSize = 2000;

interface Cached<T> {
  value: T;
  at: number;
}

/** A small map that forgets the oldest entries and anything older than the TTL. */
class Recent<K, V> {
  private readonly entries = new Map<K, Cached<V>>();
  constructor(
    private readonly size: number,
    private readonly ttlMs: number,
  ) {}
  get(key: K): V | undefined {
    const hit = this.entries.get(key);
    if (!hit || Date.now() - hit.at > this.ttlMs) return undefined;
    return hit.value;
  }
  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value, at: Date.now() });
    if (this.entries.size > this.size) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }
  delete(key: K): void {
    this.entries.delete(key);
  }
  clear(): void {
    this.entries.clear();
  }
}

/**
 * "Listen to this article": every published article is read aloud by the configured engine, in the
 * background, whenever what it says changes. Publishing never waits for audio and never fails because
 * of it; a failed recording is retried by the queue with backoff and shown in the newsroom.
 */
export class AudioService {
  private readonly clock: () => Date;
  private readonly log: AudioLogger;
  private readonly tracks = new Recent<number, { track: AudioTrack | null; published: boolean }>(
    cacheSize,
    cacheTtlMs,
  );
  private readonly scripts = new Recent<string, SpeechScript>(500, 10 * 60_000);
  private voiceCache: Cached<string> | undefined;
  private readonly changeListeners = new Set<(articleId: number) => void>();

  constructor(
    private readonly repo: AudioRepository,
    private readonly articles: ArticlesService,
    private readonly jobs: AudioJobs,
    private readonly storage: AudioStorage,
    private readonly engine: SpeechEngine,
    private readonly encoder: AudioEncoder,
    private readonly users: UsersService,
    private readonly options: AudioOptions = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.log = options.log ?? { info: () => {}, error: (d, m) => console.error(m, d) };
  }

  get engineId(): string {
    return this.engine.id;
  }

  /** The engine's name for the newsroom ("Amazon Polly (neural)"). */
  get engineLabel(): string {
    return this.engine.label ?? this.engine.id;
  }

  /**
   * Called after an article's published recording changed: a new one was stored, or the one it had was
   * removed. Article pages show "Listen to this article" only when there is audio, so a page cache
   * drops that article's pages (and the podcast feed) here. Returns the unsubscribe function.
   */
  onRecordingChanged(listener: (articleId: number) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Subscribed to article events in app/wire.ts: schedules work, never does it. */
  async onArticleEvent(event: ArticleEvent): Promise<void> {
    this.forget(event.articleId);
    if (event.type === 'unpublished') {
      await this.jobs.cancel(audioJobKey(event.articleId));
      await this.takeDown(event.articleId);
      return;
    }
    const delay =
      event.type === 'updated' ? (this.options.updateDelayMs ?? 5000) : (this.options.publishDelayMs ?? 2000);
    await this.jobs.enqueue(
      synthesizeJob,
      { articleId: event.articleId },
      { dedupeKey: audioJobKey(event.articleId), runAt: new Date(this.clock().getTime() + delay) },
    );
  }

  /**
   * The job: makes the article's recording unless the current one already says the same thing with the
   * same voice (metadata-only edits end here). Idempotent; safe to run twice.
   */
  async synthesize(articleId: number, options: { force?: boolean } = {}): Promise<AudioTrack | null> {
    const article = await this.articles.publishedById(articleId);
    if (!article) {
      await this.takeDown(articleId);
      return null;
    }
    const script = this.scriptOf(article);
    const voice = await this.voice();
    const version = this.versionOf(script, voice);
    const existing = await this.repo.track(articleId);
    if (!options.force && existing?.version === version && (await this.storage.exists(existing.storageKey))) {
      return existing;
    }
    const started = performance.now();
    const spoken = script.sentences.map((s) => s.spoken);
    const speech = await this.engine.synthesize(spoken, voice);
    if (speech.clips.length !== spoken.length) {
      throw new Error(
        `the ${this.engine.id} engine returned ${speech.clips.length} clips for ${spoken.length} sentences`,
      );
    }
    const recording = assemble(
      speech.clips,
      script.sentences.map((s) => s.pause),
      speech.sampleRate,
    );
    const file = await this.encoder.encode(recording.pcm, recording.sampleRate);
    const storageKey = `audio/${articleId}/${version}.${this.encoder.extension}`;
    await this.storage.put(storageKey, file);
    const track: Omit<AudioTrack, 'createdAt'> = {
      articleId,
      version,
      textHash: script.textHash,
      engine: this.engine.id,
      voice,
      storageKey,
      mimeType: this.encoder.mimeType,
      bytes: file.length,
      durationMs: recording.durationMs,
      sentenceStarts: recording.sentenceStarts,
      wordCount: script.wordCount,
      synthesisMs: Math.round(performance.now() - started),
    };
    const now = this.clock();
    await this.repo.save(track, now);
    this.forget(articleId);
    this.changed(articleId);
    // Only now that the new recording is committed: a crash before this line leaves the old file behind,
    // never an article whose row points at a deleted file.
    if (existing && existing.storageKey !== storageKey) await this.deleteFile(articleId, existing.storageKey);
    this.log.info(
      { articleId, seconds: Math.round(track.durationMs / 1000), tookMs: track.synthesisMs, voice },
      'article audio ready',
    );
    return { ...track, createdAt: now };
  }

  /**
   * The job run at start-up and after a voice change: schedules a recording for every published article
   * that has none, or one in another voice or engine. Jobs are spaced out so newly published articles,
   * which are scheduled for "now", go first.
   */
  async backfill(): Promise<number> {
    const voice = await this.voice();
    const recorded = new Map((await this.repo.voices()).map((r) => [r.articleId, r]));
    const spacing = this.options.backfillSpacingMs ?? 5000;
    let scheduled = 0;
    for (let page = 1; ; page++) {
      const listing = await this.articles.list({ kind: 'latest' }, page);
      for (const card of listing.items) {
        const current = recorded.get(card.id);
        if (current && current.engine === this.engine.id && current.voice === voice) continue;
        const runAt = new Date(this.clock().getTime() + spacing * (scheduled + 1));
        await this.jobs.enqueue(
          synthesizeJob,
          { articleId: card.id },
          { dedupeKey: audioJobKey(card.id), runAt },
        );
        scheduled++;
      }
      if (page >= listing.pageCount) break;
    }
    if (scheduled) this.log.info({ scheduled }, 'article audio scheduled');
    return scheduled;
  }

  /** Queues a backfill (start-up): returns at once. */
  async scheduleBackfill(): Promise<void> {
    await this.jobs.enqueue(backfillJob, {}, { dedupeKey: backfillJob });
  }

  /** For the article page: the recording, if it says what the page says now. */
  async pageAudio(article: ArticleView): Promise<PageAudio | null> {
    const { track } = await this.cachedTrack(article.id, true);
    if (!track) return null;
    const script = this.scriptOf(article);
    if (script.textHash !== track.textHash || track.sentenceStarts.length !== script.sentences.length)
      return null;
    return {
      url: audioPath(track),
      mimeType: track.mimeType,
      durationMs: track.durationMs,
      sentenceStarts: track.sentenceStarts,
      marks: script.marks,
    };
  }

  /**
   * For the file route: the recording of a published article. `version` is the one in the URL; an older
   * version gives `moved` (the current address) so stale pages still play.
   */
  async file(
    articleId: number,
    version: string,
  ): Promise<{ path: string; mimeType: string; bytes: number } | { moved: string }> {
    let { track, published } = await this.cachedTrack(articleId, false);
    if (track && published && !(await this.storage.exists(track.storageKey))) {
      // Replaced since this instance cached it (another instance made a new recording and deleted the
      // old file): look again rather than answer with a missing file.
      this.forget(articleId);
      ({ track, published } = await this.cachedTrack(articleId, false));
      // Still no file: it was lost (not replaced), and there is nothing to send.
      if (track && !(await this.storage.exists(track.storageKey))) throw notFound('The recording');
    }
    if (!track || !published) throw notFound('The recording');
    if (track.version !== version) return { moved: audioPath(track) };
    return { path: this.storage.localPath(track.storageKey), mimeType: track.mimeType, bytes: track.bytes };
  }

  /** The newest episodes for the podcast feed. */
  async feed(limit = 50): Promise<FeedEpisode[]> {
    const episodes: FeedEpisode[] = [];
    for (let page = 1; episodes.length < limit && page <= 10; page++) {
      const listing = await this.articles.list({ kind: 'latest' }, page);
      const tracks = new Map(
        (await this.repo.tracks(listing.items.map((c) => c.id))).map((t) => [t.articleId, t]),
      );
      for (const card of listing.items) {
        const track = tracks.get(card.id);
        if (!track || episodes.length >= limit) continue;
        episodes.push({
          articleId: card.id,
          title: card.headline,
          summary: card.standfirst,
          link: card.url,
          publishedAt: card.publishedAt,
          authors: card.authors.map((a) => a.name),
          section: card.section.name,
          url: audioPath(track),
          mimeType: track.mimeType,
          bytes: track.bytes,
          durationMs: track.durationMs,
          imageUrl: card.image ? variantUrl(card.image.id, Math.min(1600, card.image.width), 'jpeg') : null,
        });
      }
      if (page >= listing.pageCount) break;
    }
    return episodes;
  }

  /** Audio status of each article, for the newsroom. */
  async statuses(articleIds: readonly number[]): Promise<AudioStatus[]> {
    const tracks = new Map((await this.repo.tracks(articleIds)).map((t) => [t.articleId, t]));
    return Promise.all(
      articleIds.map(async (articleId) => {
        const [job] = await this.jobs.recent({ dedupeKey: audioJobKey(articleId) }, 1);
        const track = tracks.get(articleId) ?? null;
        const article = track ? await this.articles.publishedById(articleId) : undefined;
        const current = Boolean(track && article && this.scriptOf(article).textHash === track.textHash);
        const state =
          job?.status === 'pending'
            ? 'pending'
            : job?.status === 'failed' && !current
              ? 'failed'
              : track && current
                ? 'ready'
                : 'none';
        return {
          articleId,
          state,
          track,
          current,
          attempts: job?.attempts ?? 0,
          lastError: job?.lastError ?? null,
          nextRunAt: job?.status === 'pending' ? job.runAt : null,
        } satisfies AudioStatus;
      }),
    );
  }

  /** One page of published articles, newest first, with their audio status (the newsroom's list). */
  async statusPage(page: number): Promise<Page<AudioStatus & { article: ArticleCard }>> {
    const listing = await this.articles.list({ kind: 'latest' }, page);
    const statuses = await this.statuses(listing.items.map((card) => card.id));
    return {
      ...listing,
      items: listing.items.flatMap((article, i) => {
        const status = statuses[i];
        return status ? [{ ...status, article }] : [];
      }),
    };
  }

  /** Makes an article's recording again (after a failure, or to replace a bad one). */
  async regenerate(actor: Actor, articleId: number): Promise<void> {
    this.users.authorize(actor, 'article.correct', { createdBy: null, status: 'published' });
    if (!(await this.articles.publishedById(articleId))) throw notFound('The published article');
    await this.jobs.enqueue(synthesizeJob, { articleId, force: true }, { dedupeKey: audioJobKey(articleId) });
    await this.users.audit(actor, 'audio.regenerate', articleId);
  }

  voices(): readonly VoiceInfo[] {
    return this.engine.voices;
  }

  /** The site voice: the newsroom's choice if the engine has it, else the engine's default. */
  async voice(): Promise<string> {
    if (this.voiceCache && Date.now() - this.voiceCache.at < cacheTtlMs) return this.voiceCache.value;
    const chosen = await this.repo.voiceSetting();
    const voice = this.engine.voices.some((v) => v.id === chosen)
      ? (chosen as string)
      : this.engine.defaultVoice;
    this.voiceCache = { value: voice, at: Date.now() };
    return voice;
  }

  /** Chooses the site voice; every article is then read again in it, in the background. */
  async setVoice(actor: Actor, voice: string): Promise<void> {
    this.users.authorize(actor, 'settings.manage');
    if (!this.engine.voices.some((v) => v.id === voice)) {
      throw new DomainError(
        'validation_failed',
        `There is no voice called "${voice}" in the ${this.engine.id} engine.`,
      );
    }
    await this.repo.saveVoiceSetting(voice, this.clock());
    this.voiceCache = undefined;
    await this.users.audit(actor, 'audio.voice', null, voice);
    await this.scheduleBackfill();
  }

  /** The spoken script of an article (cached: the page needs it on every view). */
  scriptOf(
    article: Pick<ArticleView, 'id' | 'headline' | 'standfirst' | 'body' | 'modifiedAt'>,
  ): SpeechScript {
    const key = `${article.id}:${article.modifiedAt.getTime()}`;
    const cached = this.scripts.get(key);
    if (cached) return cached;
    const script = speechScript(article);
    this.scripts.set(key, script);
    return script;
  }

  private versionOf(script: SpeechScript, voice: string): string {
    return createHash('sha256')
      .update([script.textHash, this.engine.id, voice, this.encoder.mimeType].join('\n'))
      .digest('hex')
      .slice(0, 16);
  }

  private async cachedTrack(
    articleId: number,
    knownPublished: boolean,
  ): Promise<{ track: AudioTrack | null; published: boolean }> {
    const hit = this.tracks.get(articleId);
    if (hit && (knownPublished || hit.published)) return hit;
    const [track, article] = await Promise.all([
      this.repo.track(articleId),
      knownPublished ? Promise.resolve(undefined) : this.articles.publishedById(articleId),
    ]);
    const entry = { track: track ?? null, published: knownPublished || Boolean(article) };
    this.tracks.set(articleId, entry);
    return entry;
  }

  private forget(articleId: number): void {
    this.tracks.delete(articleId);
  }

  /**
   * An unpublished (or deleted) article loses its recording: the row first, then the file. The file is
   * deleted rather than kept for a possible republication, which records it again in a few seconds:
   * a story taken down (for legal reasons, say) leaves no copy of itself read aloud on the server.
   */
  private async takeDown(articleId: number): Promise<void> {
    const existing = await this.repo.track(articleId);
    await this.repo.remove(articleId);
    this.forget(articleId);
    if (!existing) return;
    this.changed(articleId);
    await this.deleteFile(articleId, existing.storageKey);
  }

  /** A file that cannot be deleted is logged, not fatal: it is no longer served either way. */
  private async deleteFile(articleId: number, key: string): Promise<void> {
    try {
      await this.storage.delete(key);
    } catch (error) {
      this.log.error({ articleId, key, err: String(error) }, 'could not delete an old recording');
    }
  }

  private changed(articleId: number): void {
    for (const listener of this.changeListeners) {
      try {
        listener(articleId);
      } catch (error) {
        this.log.error({ articleId, err: String(error) }, 'a recording-changed listener failed');
      }
    }
  }
}
