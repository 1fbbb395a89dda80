import { z } from 'zod';
import { DomainError, notFound } from '../../shared/errors.ts';
import { Memo } from '../../shared/memo.ts';
import { type ArticleCard, type Block, bodySchema } from '../articles/index.ts';
import { type Actor, systemActor, type UsersService } from '../users/index.ts';
import {
  type BlogArticle,
  entriesPerPage,
  type KeyEvent,
  type LiveBlogEvent,
  type LiveBlogState,
  type LiveBlogView,
  type LiveEntry,
} from './entry.ts';
import { LiveBlogEvents, type LiveBlogListener } from './events.ts';
import type { EntryChanges, LiveBlogsRepository } from './liveblogs.repository.ts';
import { textToBlocks } from './text.ts';

const keyEventsShown = 20;
const consoleEntries = 100;
/** The home page's strip is refreshed on every change; the TTL bounds drift between instances. */
const runningTtlMs = 15_000;

const title = z.string().trim().max(200, 'Keep the title under 200 characters.');
const version = z.number().int().positive();
const entryFields = {
  title: title.nullable().optional(),
  /** Blocks, exactly as articles store them. */
  body: z.unknown().optional(),
  /** Or the live console's quick text format (see text.ts). */
  text: z.string().max(20_000, 'That update is too long.').optional(),
  keyEvent: z.boolean().optional(),
  pinned: z.boolean().optional(),
  authorId: z.number().int().positive().nullable().optional(),
};
const postSchema = z.strictObject(entryFields);
const editSchema = z.strictObject({
  ...entryFields,
  version,
  /** A public correction note, shown with the entry. */
  correction: z.string().trim().min(1, 'Say what was corrected.').max(1000).optional(),
});
const versionSchema = z.strictObject({ version });

export type PostInput = z.input<typeof postSchema>;

/** What the home page shows of a running blog. */
export interface RunningBlog {
  card: ArticleCard;
  latest: KeyEvent | null;
}

export interface CardSource {
  cardsByIds(ids: readonly number[]): Promise<ArticleCard[]>;
}

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input ?? {});
  if (!result.success) {
    const first = result.error.issues[0];
    throw new DomainError(
      'validation_failed',
      first?.message && !first.message.startsWith('Invalid') ? first.message : 'The update is not valid.',
      result.error.issues,
    );
  }
  return result.data;
}

/** Blocks from either field; undefined when neither was sent. */
function bodyOf(input: { body?: unknown; text?: string | undefined }): Block[] | undefined {
  let blocks: unknown;
  if (input.body !== undefined) blocks = input.body;
  else if (input.text !== undefined) blocks = textToBlocks(input.text);
  else return undefined;
  const parsed = bodySchema.safeParse(blocks);
  if (!parsed.success) {
    throw new DomainError('validation_failed', 'The update’s text is not valid.', parsed.error.issues);
  }
  if (parsed.data.length === 0) throw new DomainError('validation_failed', 'Write something to post.');
  return parsed.data;
}

const stale = () =>
  new DomainError(
    'conflict',
    'Someone else changed this update after you opened it. Reload it to see their change; yours was not saved.',
  );

/**
 * Live blogs: an article labelled "Live" gets a stream of entries that reporters post and edit while it
 * runs; editors delete entries and end the blog. Every change is checked against the policy, versioned
 * (409 on a stale edit), and told to listeners after commit.
 */
export class LiveBlogsService {
  private readonly events = new LiveBlogEvents();
  private readonly runningMemo: Memo<RunningBlog[]>;

  constructor(
    private readonly repo: LiveBlogsRepository,
    private readonly users: UsersService,
    private readonly cards: CardSource,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.runningMemo = new Memo(() => this.loadRunning(), runningTtlMs);
    this.events.on(() => this.runningMemo.invalidate());
  }

  /** Subscribes to every committed change (entries posted, edited, deleted; blogs ended or reopened). */
  onChange(listener: LiveBlogListener): void {
    this.events.on(listener);
  }

  /** Forgets what is derived from articles (a label changed, a blog published); wired to articles. */
  invalidate(): void {
    this.runningMemo.invalidate();
  }

  /** Whether an article is a live blog: its label says "Live". */
  static isLiveBlog(article: { label: string }): boolean {
    return article.label === 'live';
  }

  /** A blog's state; a blog without entries yet has been running since its article was published. */
  async state(article: { id: number; publishedAt: Date | null }): Promise<LiveBlogState> {
    return (
      (await this.repo.state(article.id)) ?? {
        articleId: article.id,
        startedAt: article.publishedAt ?? this.clock(),
        endedAt: null,
      }
    );
  }

  /** What a reader page shows: pinned entry, a page of entries, key events; optionally one highlighted. */
  async readerView(
    article: { id: number; publishedAt: Date | null },
    page = 1,
    highlightId?: number,
  ): Promise<LiveBlogView> {
    if (!Number.isSafeInteger(page) || page < 1) {
      throw new DomainError('bad_request', 'The page number must be a whole number from 1 upwards.');
    }
    const highlighted =
      highlightId === undefined ? null : await this.entryForReaders(article.id, highlightId);
    const [state, summary, pinned, entries, keyEvents] = await Promise.all([
      this.state(article),
      this.repo.summary(article.id),
      page === 1 ? this.repo.pinned(article.id) : Promise.resolve(undefined),
      this.repo.entries(article.id, {
        limit: entriesPerPage,
        offset: (page - 1) * entriesPerPage,
        unpinned: true,
        exclude: highlighted?.id,
      }),
      this.repo.keyEvents(article.id, keyEventsShown),
    ]);
    const pageCount = Math.max(1, Math.ceil(summary.unpinned / entriesPerPage));
    if (page > pageCount) throw notFound('That page of updates');
    const lastChange = latest(summary.lastChange, state.endedAt);
    return {
      articleId: article.id,
      live: state.endedAt === null,
      startedAt: state.startedAt,
      endedAt: state.endedAt,
      pinned: pinned && pinned.id !== highlighted?.id ? pinned : null,
      entries,
      keyEvents,
      page,
      pageCount,
      total: summary.total,
      lastChange,
      highlighted,
    };
  }

  /** A visible entry of this blog, for its permalink; deleted or foreign entries are not found. */
  async entryForReaders(articleId: number, entryId: number): Promise<LiveEntry> {
    const entry = Number.isSafeInteger(entryId) ? await this.repo.entry(entryId) : undefined;
    if (!entry || entry.articleId !== articleId || entry.deletedAt) throw notFound('That update');
    return entry;
  }

  /** Any entry, deleted ones included: the realtime bridge renders what changed. */
  async entry(entryId: number): Promise<LiveEntry | undefined> {
    return this.repo.entry(entryId);
  }

  /** The page of the blog an entry is on ("Older updates" pages hold the rest). */
  async pageOf(entry: LiveEntry): Promise<number> {
    if (entry.pinned) return 1;
    return Math.floor((await this.repo.positionOf(entry)) / entriesPerPage) + 1;
  }

  /** The newest visible entries, for the blog's own feed. */
  async feedEntries(articleId: number, limit: number): Promise<LiveEntry[]> {
    return this.repo.entries(articleId, { limit });
  }

  /** Key events of a blog, newest first (the reader page keeps its list in step with these). */
  keyEvents(articleId: number): Promise<KeyEvent[]> {
    return this.repo.keyEvents(articleId, keyEventsShown);
  }

  /** Published blogs still running, with their latest entry: the home page's "Live" strip. */
  running(): Promise<RunningBlog[]> {
    return this.runningMemo.get();
  }

  // ── The newsroom ────────────────────────────────────────────────────────────────────────────────

  /** Articles labelled "Live", running ones first. */
  async newsroomList(actor: Actor) {
    this.users.authorize(actor, 'liveblog.post');
    return this.repo.liveArticles();
  }

  /** The live console: the blog, its state and its newest entries as readers see them. */
  async console(actor: Actor, articleId: number) {
    this.users.authorize(actor, 'liveblog.post');
    const article = await this.blogArticle(articleId);
    const [state, entries, summary] = await Promise.all([
      this.state(article),
      this.repo.entries(articleId, { limit: consoleEntries }),
      this.repo.summary(articleId),
    ]);
    return {
      article,
      state,
      entries,
      total: summary.total,
      canManage: this.users.can(actor, 'liveblog.manage'),
    };
  }

  async post(actor: Actor, articleId: number, input: unknown, postedAt?: Date): Promise<LiveEntry> {
    this.users.authorize(actor, 'liveblog.post');
    const fields = parse(postSchema, input);
    const body = bodyOf(fields);
    if (!body) throw new DomainError('validation_failed', 'Write something to post.');
    const article = await this.blogArticle(articleId);
    const state = await this.repo.state(articleId);
    if (state?.endedAt) {
      throw new DomainError('conflict', 'This live blog has ended. An editor can reopen it to post again.');
    }
    const authorId = await this.bylineFor(actor, article, fields.authorId);
    const now = postedAt ?? this.clock();
    const { id, unpinned } = await this.repo.insert({
      articleId,
      postedAt: now,
      title: fields.title || null,
      body,
      authorId,
      postedBy: actor.kind === 'user' ? actor.userId : null,
      keyEvent: fields.keyEvent ?? false,
      pinned: fields.pinned ?? false,
    });
    await this.tell({ type: 'entry-posted', articleId, entryId: id, at: now }, unpinned);
    return this.mustFind(id);
  }

  /** Edits an entry: text, title, flags, byline, and optionally a public correction note. */
  async edit(actor: Actor, entryId: number, input: unknown): Promise<LiveEntry> {
    this.users.authorize(actor, 'liveblog.post');
    const fields = parse(editSchema, input);
    const body = bodyOf(fields);
    const entry = await this.visibleEntry(entryId);
    const changes: EntryChanges = {};
    if (fields.title !== undefined) changes.title = fields.title || null;
    if (body) changes.body = body;
    if (fields.keyEvent !== undefined) changes.keyEvent = fields.keyEvent;
    if (fields.pinned !== undefined) changes.pinned = fields.pinned;
    if (fields.authorId !== undefined) {
      changes.authorId =
        fields.authorId === null ? null : await this.bylineFor(actor, undefined, fields.authorId);
    }
    const now = this.clock();
    if (fields.correction) changes.correction = { text: fields.correction, at: now };
    changes.edited =
      (changes.title !== undefined && changes.title !== entry.title) ||
      (changes.body !== undefined && JSON.stringify(changes.body) !== JSON.stringify(entry.body));
    if (Object.keys(changes).length === 1 && !changes.edited) {
      throw new DomainError('validation_failed', 'There is nothing to change.');
    }
    await this.apply(entry, fields.version, changes, now, 'entry-updated');
    return this.mustFind(entryId);
  }

  /** Removes an entry from the blog (kept, marked deleted, so reconnecting readers learn it went). */
  async remove(actor: Actor, entryId: number, input: unknown): Promise<void> {
    this.users.authorize(actor, 'liveblog.manage');
    const { version: v } = parse(versionSchema, input);
    const entry = await this.visibleEntry(entryId);
    await this.apply(entry, v, { deleted: true }, this.clock(), 'entry-deleted');
  }

  async end(actor: Actor, articleId: number): Promise<LiveBlogState> {
    return this.setEnded(actor, articleId, true);
  }

  async reopen(actor: Actor, articleId: number): Promise<LiveBlogState> {
    return this.setEnded(actor, articleId, false);
  }

  /**
   * Demo content and imports: adds entries to a blog that has none (so running it twice adds nothing).
   * Returns how many were added.
   */
  async importEntries(
    articleId: number,
    entries: (PostInput & { postedAt: Date; corrections?: { text: string; at: Date }[] })[],
  ): Promise<number> {
    if ((await this.repo.summary(articleId)).total > 0) return 0;
    for (const { postedAt, corrections, ...input } of [...entries].sort(
      (a, b) => a.postedAt.getTime() - b.postedAt.getTime(),
    )) {
      const entry = await this.post(systemActor, articleId, input, postedAt);
      let current = entry.version;
      for (const correction of corrections ?? []) {
        const result = await this.repo.change(entry.id, current, { correction, edited: true }, correction.at);
        if (result.ok) current = result.version;
      }
    }
    return entries.length;
  }

  private async setEnded(actor: Actor, articleId: number, ended: boolean): Promise<LiveBlogState> {
    this.users.authorize(actor, 'liveblog.manage');
    const article = await this.blogArticle(articleId);
    const now = this.clock();
    const changed = await this.repo.setEnded(
      articleId,
      ended ? now : null,
      actor.kind === 'user' ? actor.userId : null,
      now,
    );
    if (changed) await this.tell({ type: ended ? 'ended' : 'reopened', articleId, at: now }, []);
    return this.state(article);
  }

  private async apply(
    entry: LiveEntry,
    expected: number,
    changes: EntryChanges,
    now: Date,
    type: 'entry-updated' | 'entry-deleted',
  ): Promise<void> {
    const result = await this.repo.change(entry.id, expected, changes, now);
    if (!result.ok) throw result.reason === 'missing' ? notFound('That update') : stale();
    await this.tell({ type, articleId: entry.articleId, entryId: entry.id, at: now }, result.unpinned);
  }

  /** The change itself, then entries that lost their pin (their pages change too). */
  private async tell(event: LiveBlogEvent, unpinned: number[]): Promise<void> {
    await this.events.emit(event);
    for (const entryId of unpinned) {
      await this.events.emit({ type: 'entry-updated', articleId: event.articleId, entryId, at: event.at });
    }
  }

  private async blogArticle(articleId: number): Promise<BlogArticle> {
    const article = Number.isSafeInteger(articleId) ? await this.repo.article(articleId) : undefined;
    if (!article) throw notFound('The live blog');
    if (!LiveBlogsService.isLiveBlog(article)) {
      throw new DomainError('conflict', 'This article is not a live blog. Give it the “Live” label first.');
    }
    return article;
  }

  private async visibleEntry(entryId: number): Promise<LiveEntry> {
    const entry = Number.isSafeInteger(entryId) ? await this.repo.entry(entryId) : undefined;
    if (!entry || entry.deletedAt) throw notFound('That update');
    return entry;
  }

  private async mustFind(entryId: number): Promise<LiveEntry> {
    const entry = await this.repo.entry(entryId);
    if (!entry) throw notFound('That update');
    return entry;
  }

  /** The byline of a new entry: the one asked for, else the poster's own, else the blog's first. */
  private async bylineFor(
    actor: Actor,
    article: BlogArticle | undefined,
    requested: number | null | undefined,
  ): Promise<number | null> {
    if (requested) {
      if (!(await this.repo.authorExists(requested))) {
        throw new DomainError('validation_failed', 'That byline does not exist.');
      }
      return requested;
    }
    if (actor.kind === 'user' && actor.authorId) return actor.authorId;
    return article?.authorIds[0] ?? null;
  }

  private async loadRunning(): Promise<RunningBlog[]> {
    const running = await this.repo.running(3);
    const cards = new Map(
      (await this.cards.cardsByIds(running.map((r) => r.articleId))).map((c) => [c.id, c]),
    );
    return running.flatMap((r) => {
      const card = cards.get(r.articleId);
      return card ? [{ card, latest: r.latest }] : [];
    });
  }
}

function latest(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}
