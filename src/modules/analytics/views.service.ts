import { createHash, randomBytes } from 'node:crypto';
import { isbot } from 'isbot';
import { DomainError } from '../../shared/errors.ts';
import type { ArticleCard } from '../articles/index.ts';
import type { HourCount, ViewsRepository } from './views.repository.ts';

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;
/** A reader reloading a story within this window is counted once. */
const repeatWindowMs = 30 * 60_000;
/** Counts are written in batches: at most this long after they happen … */
const flushEveryMs = 10_000;
/** … or as soon as this many different (article, hour) pairs are waiting. */
const maxPending = 5_000;
/** Memory bound for the repeat filter; past it the oldest keys go first. */
const maxRecentKeys = 200_000;
const mostReadTtlMs = 60_000;
export const mostReadSize = 5;
/** The longest range `viewsByHour` answers (a year of hours). */
const maxChartHours = 366 * 24;

export interface CardSource {
  cardsByIds(ids: readonly number[]): Promise<ArticleCard[]>;
}

export interface ViewInput {
  /** The article id the beacon names (unvalidated input). */
  articleId: unknown;
  userAgent: string | undefined;
  /**
   * Something that tells readers apart for a few minutes (the HTTP layer passes the address). It is
   * hashed with a secret that changes every day and lives only in memory; neither is ever stored.
   */
  client: string;
}

export function hourStart(date: Date): Date {
  return new Date(Math.floor(date.getTime() / hourMs) * hourMs);
}

/** True for crawlers, link previewers, monitors, headless browsers and anything with no user agent. */
export function isAutomated(userAgent: string | undefined): boolean {
  const ua = (userAgent ?? '').trim();
  return ua.length < 10 || isbot(ua);
}

/**
 * First-party readership without cookies or personal data: a beacon from the article page adds one view
 * to that article's current hour. Counts wait in memory and are written in batches (a crash loses at most
 * the last few seconds of counts, never content). Bots are filtered by user agent; a repeat view from the
 * same reader within 30 minutes is not counted again.
 */
export class ViewsService {
  private pending = new Map<string, HourCount>();
  private pendingCount = 0;
  private readonly recent = new Map<string, number>();
  private salt = randomBytes(16);
  private saltDay = -1;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private mostReadCache: { at: number; value: Promise<ArticleCard[]> } | undefined;

  constructor(
    private readonly repo: ViewsRepository,
    private readonly cards: CardSource,
    private readonly options: { autoFlush?: boolean } = {},
  ) {}

  /** Counts one view if it looks like a person reading; returns whether it was counted. */
  record(input: ViewInput, now = new Date()): boolean {
    const id = input.articleId;
    if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) return false;
    if (isAutomated(input.userAgent)) return false;
    if (this.seenRecently(id, input, now)) return false;
    const hour = hourStart(now);
    const key = `${id}:${hour.getTime()}`;
    const entry = this.pending.get(key);
    if (entry) entry.views++;
    else this.pending.set(key, { articleId: id, hour, views: 1 });
    this.pendingCount++;
    if (this.pending.size >= maxPending) void this.flush().catch(() => undefined);
    else this.schedule();
    return true;
  }

  /** Views waiting to be written (for tests and shutdown). */
  get unflushed(): number {
    return this.pendingCount;
  }

  /** Writes waiting counts. Safe to call at any time; calls never overlap. */
  flush(): Promise<void> {
    // A failed write must not stop later ones: each flush starts after the previous, whatever its outcome.
    this.flushing = this.flushing
      .catch(() => undefined)
      .then(async () => {
        if (this.pending.size === 0) return;
        const batch = [...this.pending.values()];
        this.pending = new Map();
        this.pendingCount = 0;
        try {
          await this.repo.add(batch);
        } catch (error) {
          // Put the counts back for the next attempt rather than lose them.
          for (const c of batch) {
            const key = `${c.articleId}:${c.hour.getTime()}`;
            const entry = this.pending.get(key);
            if (entry) entry.views += c.views;
            else this.pending.set(key, c);
            this.pendingCount += c.views;
          }
          throw error;
        }
      });
    return this.flushing;
  }

  /** Stops the timer and writes what is left (called on shutdown). */
  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  /** Drops the cached "most read" list (cards change when content does). */
  invalidate(): void {
    this.mostReadCache = undefined;
  }

  /** The most-read published stories of the 24 hours before `now`, recomputed at most once a minute. */
  mostRead(now = new Date()): Promise<ArticleCard[]> {
    const cached = this.mostReadCache;
    if (cached && now.getTime() - cached.at < mostReadTtlMs && now.getTime() >= cached.at)
      return cached.value;
    const value = this.loadMostRead(now).catch((error: unknown) => {
      if (this.mostReadCache?.value === value) this.mostReadCache = undefined;
      throw error;
    });
    this.mostReadCache = { at: now.getTime(), value };
    return value;
  }

  /**
   * Views of one article per hour in [from, to), every hour present (zero when nobody read it), for the
   * admin's chart. Hours are UTC hour starts; `from` is rounded down and `to` up to whole hours.
   */
  async viewsByHour(articleId: number, from: Date, to: Date): Promise<{ hour: Date; views: number }[]> {
    if (!Number.isSafeInteger(articleId) || articleId < 1) {
      throw new DomainError('bad_request', 'The article id must be a whole number from 1.');
    }
    if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || from >= to) {
      throw new DomainError('bad_request', 'The chart needs a start before its end.');
    }
    const start = hourStart(from);
    const end = hourStart(new Date(to.getTime() + hourMs - 1));
    const hours = (end.getTime() - start.getTime()) / hourMs;
    if (hours > maxChartHours) throw new DomainError('bad_request', 'Charts cover at most a year.');
    await this.flush();
    const stored = new Map(
      (await this.repo.hours(articleId, start, end)).map((r) => [r.hour.getTime(), Number(r.views)]),
    );
    return Array.from({ length: hours }, (_, i) => {
      const hour = new Date(start.getTime() + i * hourMs);
      return { hour, views: stored.get(hour.getTime()) ?? 0 };
    });
  }

  private async loadMostRead(now: Date): Promise<ArticleCard[]> {
    await this.flush().catch(() => undefined);
    const top = await this.repo.mostRead(new Date(now.getTime() - dayMs), mostReadSize);
    return this.cards.cardsByIds(top.map((t) => t.articleId));
  }

  private schedule(): void {
    if (this.timer || this.options.autoFlush === false) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush().catch((error: unknown) => console.error('could not write view counts', error));
    }, flushEveryMs);
    this.timer.unref();
  }

  private seenRecently(articleId: number, input: ViewInput, now: Date): boolean {
    const day = Math.floor(now.getTime() / dayMs);
    if (day !== this.saltDay) {
      // A new secret every day: yesterday's keys can never be linked to today's.
      this.salt = randomBytes(16);
      this.saltDay = day;
      this.recent.clear();
    }
    const key = createHash('sha256')
      .update(this.salt)
      .update(`${articleId}\u0000${input.client}\u0000${input.userAgent ?? ''}`)
      .digest('base64url')
      .slice(0, 22);
    const seenUntil = this.recent.get(key);
    const time = now.getTime();
    if (seenUntil !== undefined && seenUntil > time) return true;
    this.recent.delete(key);
    this.recent.set(key, time + repeatWindowMs);
    if (this.recent.size > maxRecentKeys) {
      for (const [k, until] of this.recent) {
        if (until <= time || this.recent.size > maxRecentKeys) this.recent.delete(k);
        else break;
      }
    }
    return false;
  }
}
