import { DomainError } from '../../shared/errors.ts';
import type { ArticlesService } from '../articles/index.ts';
import type { JobsService } from '../jobs/index.ts';
import { type LiveEvent, type RealtimeService, siteTopic } from '../realtime/index.ts';
import { type Action, type Actor, systemActor, type UsersService } from '../users/index.ts';
import {
  type BannerEventData,
  type BannerInput,
  type BannerRecord,
  type BannerView,
  bannerEventType,
  checkExpiry,
  cleanText,
  linkField,
  type ParsedLink,
  parseLink,
} from './banner.ts';
import type { BreakingRepository } from './breaking.repository.ts';

export const expireJob = 'breaking.expire';
const expireKey = 'breaking.expire';

/** The banner is front-of-site curation: the people who curate the home page (editors, administrators). */
const manageAction: Action = 'home.curate';

/**
 * `local` is true on the instance where the change was made (an editor's request or the expiry job), false
 * on the others, where it fires once their in-memory banner has taken the change from the bus.
 */
export interface BreakingChange {
  banner: BannerView | null;
  local: boolean;
}
export type BreakingListener = (change: BreakingChange) => void;

export interface BreakingOptions {
  siteUrl: string;
  clock?: () => Date;
  log?: { error(details: object, message: string): void };
}

/**
 * The breaking-news banner. The current banner is held in memory on every instance (reader pages render
 * it with no query) and kept in step through realtime events on the `site` topic: the same event that
 * updates open pages updates every instance's memory, in order, so no instance keeps rendering an old one.
 */
export class BreakingService {
  private banner: BannerView | null = null;
  /** The newest banner event this instance has applied; older ones (replays, echoes) are ignored. */
  private appliedEventId = 0;
  private readonly listeners = new Set<BreakingListener>();
  private stopListening: (() => void) | null = null;
  private readonly clock: () => Date;
  private readonly log: NonNullable<BreakingOptions['log']>;

  constructor(
    private readonly repo: BreakingRepository,
    private readonly users: UsersService,
    private readonly articles: ArticlesService,
    private readonly realtime: RealtimeService,
    private readonly jobs: JobsService,
    private readonly options: BreakingOptions,
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.log = options.log ?? { error: (details, message) => console.error(message, details) };
  }

  /** Loads the current banner and follows changes made on any instance. */
  async start(): Promise<void> {
    this.stopListening = this.realtime.onEvent((event) => this.received(event));
    const seenBefore = this.realtime.latestId();
    const active = await this.repo.active();
    // A banner event that arrived while reading is newer than what was read.
    if (this.appliedEventId === 0) {
      this.banner = active ? viewOf(active) : null;
      this.appliedEventId = seenBefore;
    }
    // A crash between setting a banner and scheduling its expiry must not leave it up for ever.
    if (active?.expiresAt) await this.scheduleExpiry(active.id, new Date(active.expiresAt));
  }

  stop(): void {
    this.stopListening?.();
    this.stopListening = null;
  }

  /** The banner readers see now (no query): null when there is none or it has expired. */
  current(now: Date = this.clock()): BannerView | null {
    const banner = this.banner;
    if (!banner) return null;
    if (banner.expiresAt && Date.parse(banner.expiresAt) <= now.getTime()) return null;
    return banner;
  }

  /** Called on every instance when the banner it shows changes; see BreakingChange. */
  onChange(listener: BreakingListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  canManage(actor: Actor): boolean {
    return this.users.can(actor, manageAction);
  }

  /** The banner as the newsroom sees it (from the database), and the recent ones before it. */
  async overview(actor: Actor, limit = 10): Promise<{ active: BannerRecord | null; recent: BannerRecord[] }> {
    this.users.authorize(actor, manageAction);
    const [active, recent] = await Promise.all([this.repo.active(), this.repo.recent(limit)]);
    const live = active && (!active.expiresAt || Date.parse(active.expiresAt) > this.clock().getTime());
    return { active: live ? active : null, recent };
  }

  /** Puts up a banner, replacing any other. */
  async set(actor: Actor, input: BannerInput): Promise<BannerView> {
    this.users.authorize(actor, manageAction);
    const now = this.clock();
    const text = cleanText(input.text);
    const expiresAt = checkExpiry(
      input.expiresInMinutes ? new Date(now.getTime() + input.expiresInMinutes * 60_000) : input.expiresAt,
      now,
    );
    const link = await this.resolve(parseLink(input.link, this.options.siteUrl));
    const { id } = await this.repo.replace({
      text,
      url: link.href,
      articleId: link.articleId,
      expiresAt,
      createdBy: actor.kind === 'user' ? actor.userId : null,
      createdAt: now,
    });
    if (expiresAt) await this.scheduleExpiry(id, expiresAt);
    else await this.jobs.cancel(expireKey);
    const until = expiresAt ? ` (until ${expiresAt.toISOString()})` : '';
    await this.users.audit(actor, 'breaking.set', link.articleId, `${text} → ${link.href}${until}`);
    const banner: BannerView = { id, text, href: link.href, expiresAt: expiresAt?.toISOString() ?? null };
    await this.announce(banner);
    return banner;
  }

  /** Takes the banner down. Returns false when there was none (nothing changes). */
  async clear(actor: Actor): Promise<boolean> {
    this.users.authorize(actor, manageAction);
    const cleared = await this.repo.clear(
      actor.kind === 'user' ? actor.userId : null,
      this.clock(),
      'cleared',
    );
    if (cleared === undefined) return false;
    await this.jobs.cancel(expireKey);
    await this.users.audit(actor, 'breaking.clear', null, `banner ${cleared}`);
    await this.announce(null);
    return true;
  }

  /** The expiry job: takes banner `bannerId` down if it is still up and its time has come (idempotent). */
  async expire(bannerId: number): Promise<void> {
    const banner = await this.repo.byId(bannerId);
    if (!banner || banner.clearedAt || !banner.expiresAt) return;
    const due = new Date(banner.expiresAt);
    if (due > this.clock()) {
      await this.scheduleExpiry(bannerId, due);
      return;
    }
    const cleared = await this.repo.clear(null, this.clock(), 'expired', bannerId);
    if (cleared === undefined) return;
    await this.users.audit(systemActor, 'breaking.expire', banner.articleId, `banner ${bannerId}`);
    await this.announce(null);
  }

  private scheduleExpiry(bannerId: number, at: Date): Promise<number> {
    return this.jobs.enqueue(expireJob, { bannerId }, { runAt: at, dedupeKey: expireKey });
  }

  private async resolve(link: ParsedLink): Promise<{ href: string; articleId: number | null }> {
    if (link.kind === 'external') return { href: link.url, articleId: null };
    const found = await this.articles.statusBySlug(link.slug);
    const article = found?.status === 'published' ? await this.articles.publishedById(found.id) : undefined;
    if (!article) {
      throw new DomainError(
        'validation_failed',
        'That link is not a published article on this site.',
        linkField,
      );
    }
    return { href: article.url, articleId: article.id };
  }

  /** Pushes the change to open pages and every instance; this instance applies it at once. */
  private async announce(banner: BannerView | null): Promise<void> {
    const data: BannerEventData = { banner };
    try {
      const event = await this.realtime.publish(siteTopic, bannerEventType, data);
      this.apply(banner, event.id, true);
    } catch (error) {
      // The change is committed; this instance shows it now, the others with the next banner event.
      this.log.error({ err: String(error) }, 'could not push the breaking-news change');
      this.apply(banner, this.appliedEventId, true);
    }
  }

  private received(event: LiveEvent): void {
    if (event.topic !== siteTopic || event.type !== bannerEventType || event.id <= this.appliedEventId)
      return;
    const banner = bannerOf(event.data);
    if (banner === undefined) {
      this.log.error({ id: event.id }, 'ignored a malformed banner event');
      return;
    }
    this.apply(banner, event.id, false);
  }

  private apply(banner: BannerView | null, eventId: number, local: boolean): void {
    const changed = !sameBanner(this.banner, banner);
    this.appliedEventId = Math.max(this.appliedEventId, eventId);
    this.banner = banner;
    if (!changed && !local) return;
    for (const listener of this.listeners) {
      try {
        listener({ banner, local });
      } catch (error) {
        this.log.error({ err: String(error) }, 'a breaking-news listener failed');
      }
    }
  }
}

function viewOf(record: BannerRecord): BannerView {
  return { id: record.id, text: record.text, href: record.href, expiresAt: record.expiresAt };
}

function sameBanner(a: BannerView | null, b: BannerView | null): boolean {
  if (a === null || b === null) return a === b;
  return a.id === b.id && a.text === b.text && a.href === b.href && a.expiresAt === b.expiresAt;
}

/** The banner in an event's data; undefined when the data is not a banner event's. */
function bannerOf(data: unknown): BannerView | null | undefined {
  if (!data || typeof data !== 'object' || !('banner' in data)) return undefined;
  const banner = (data as { banner: unknown }).banner;
  if (banner === null) return null;
  if (!banner || typeof banner !== 'object') return undefined;
  const { id, text, href, expiresAt } = banner as Record<string, unknown>;
  if (typeof id !== 'number' || typeof text !== 'string' || typeof href !== 'string') return undefined;
  if (expiresAt !== null && typeof expiresAt !== 'string') return undefined;
  return { id, text, href, expiresAt };
}
