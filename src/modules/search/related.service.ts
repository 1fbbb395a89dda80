import { z } from 'zod';
import { DomainError, notFound } from '../../shared/errors.ts';
import { Memo } from '../../shared/memo.ts';
import { Signal } from '../../shared/signal.ts';
import type { ArticleCard, Block } from '../articles/index.ts';
import { referencedArticleIds } from '../articles/index.ts';
import { type Actor, can } from '../users/index.ts';
import type { Overrides, RelatedRepository } from './related.repository.ts';
import { rankRelated } from './related.ts';
import type { CardSource } from './search.service.ts';

export const relatedListSize = 4;
const maxPinned = 10;
const maxExcluded = 200;
/** Lists kept in memory (a few ids each); the least recently shown is dropped first. */
const cacheLimit = 20_000;
/** Card lists kept between content changes (each a handful of cards). */
const cardListLimit = 2_000;
/** Even without content changes, a list is recomputed (in the background) after this long. */
const maxAgeMs = 30 * 60_000;

const overridesSchema = z
  .object({
    pinned: z.array(z.number().int().positive()).max(maxPinned, `Pin at most ${maxPinned} stories.`),
    excluded: z
      .array(z.number().int().positive())
      .max(maxExcluded, `Exclude at most ${maxExcluded} stories.`),
  })
  .refine((o) => new Set(o.pinned).size === o.pinned.length, 'A story is pinned twice.')
  .refine((o) => new Set(o.excluded).size === o.excluded.length, 'A story is excluded twice.')
  .refine((o) => !o.pinned.some((id) => o.excluded.includes(id)), 'A story cannot be pinned and excluded.');

interface Entry {
  /** Ranked ids (with spares for unpublished pins); cards are read fresh on every page. */
  ids: Promise<number[]>;
  computedAt: number;
  /** False once content changed: still served, and recomputed in the background. */
  fresh: boolean;
  refreshing: boolean;
}

/**
 * "Related stories" under an article: computed from text similarity, shared topics and section, weighted
 * by closeness in time (see related.ts), with editors' pins and exclusions applied and anything the body
 * already links to left out. Lists are computed once per article and kept in memory; after a content
 * change they are recomputed in the background (see `invalidate`).
 *
 * For the admin (newsroom UI, to come):
 * - `overrides(articleId)` → `{ pinned: number[], excluded: number[] }` (article ids, pinned in order);
 * - `setOverrides(actor, articleId, { pinned, excluded })` replaces both lists at once. It needs the
 *   `article.edit` permission on the article; unknown ids, the article itself, duplicates or a story both
 *   pinned and excluded are refused with `validation_failed`, a missing article with `not_found`;
 * - `preview(articleId)` → the cards readers would see now (published stories only), ignoring the cache.
 */

export class RelatedService {
  /** An editor pinned or excluded related stories of an article (its id), after commit. */
  readonly overridesChanged = new Signal<number>();
  private readonly cache = new Map<number, Entry>();
  /** Cards of the lists shown since the last content change, by their ids: a page render costs no query. */
  private readonly cardLists = new Map<string, Promise<ArticleCard[]>>();
  /** The archive's size only sets rarity weights: counting it every few minutes is plenty. */
  private readonly archiveSize: Memo<number>;

  constructor(
    private readonly repo: RelatedRepository,
    private readonly cards: CardSource,
    private readonly log: (error: unknown) => void = (error) => console.error('related stories', error),
  ) {
    this.archiveSize = new Memo(() => this.repo.publishedCount(), 5 * 60_000);
  }

  /**
   * Marks every list stale after a content change (wired to `ArticlesService.onChange`). Stale lists are
   * still shown (their cards are read again after every change, so an unpublished story never appears
   * and headlines are current) while the next reader's visit recomputes them in the background: nobody waits for it.
   * With an id, that article's list is dropped and computed again before it is next shown.
   */
  invalidate(articleId?: number): void {
    this.cardLists.clear();
    if (articleId !== undefined) {
      this.cache.delete(articleId);
      return;
    }
    for (const entry of this.cache.values()) entry.fresh = false;
  }

  /** The related stories for an article page: computed once, then from memory. */
  async forArticle(
    article: { id: number; body: readonly Block[] },
    now = Date.now(),
  ): Promise<ArticleCard[]> {
    const linked = referencedArticleIds(article.body);
    let entry = this.cache.get(article.id);
    if (entry) {
      // Most recently used moves to the end, so the oldest entries are the ones dropped.
      this.cache.delete(article.id);
      this.cache.set(article.id, entry);
      if ((!entry.fresh || now - entry.computedAt > maxAgeMs) && !entry.refreshing) {
        this.refresh(article.id, linked, entry);
      }
    } else {
      entry = { ids: this.rank(article.id, linked), computedAt: now, fresh: true, refreshing: false };
      const created = entry;
      created.ids.catch(() => {
        if (this.cache.get(article.id) === created) this.cache.delete(article.id);
      });
      this.cache.set(article.id, created);
      if (this.cache.size > cacheLimit) {
        const oldest = this.cache.keys().next().value;
        if (oldest !== undefined) this.cache.delete(oldest);
      }
    }
    // The body is checked again: a list computed before a "Read more" link was added never repeats it.
    return this.toCards((await entry.ids).filter((id) => !linked.includes(id)));
  }

  /** What readers would see now, computed afresh (for the admin's preview). */
  async preview(articleId: number, body: readonly Block[] = []): Promise<ArticleCard[]> {
    return this.toCards(await this.rank(articleId, referencedArticleIds(body)));
  }

  overrides(articleId: number): Promise<Overrides> {
    return this.repo.overrides(articleId);
  }

  async setOverrides(actor: Actor, articleId: number, input: unknown): Promise<Overrides> {
    const subject = await this.repo.subject(articleId);
    if (!subject) throw notFound('The article');
    if (!can(actor, 'article.edit', subject)) {
      throw new DomainError('forbidden', 'You may not change the related stories of this article.');
    }
    const parsed = overridesSchema.safeParse(input);
    if (!parsed.success) {
      throw new DomainError(
        'validation_failed',
        parsed.error.issues[0]?.message ?? 'The related stories are not valid.',
        parsed.error.issues,
      );
    }
    const overrides = parsed.data;
    const ids = [...overrides.pinned, ...overrides.excluded];
    if (ids.includes(articleId)) {
      throw new DomainError('validation_failed', 'An article cannot be related to itself.');
    }
    const known = await this.repo.existing(ids);
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new DomainError('validation_failed', `No article has the id ${unknown.join(', ')}.`);
    }
    await this.repo.replaceOverrides(articleId, overrides, actor.kind === 'user' ? actor.userId : null);
    this.cache.delete(articleId);
    this.overridesChanged.emit(articleId);
    return overrides;
  }

  private refresh(articleId: number, linked: number[], entry: Entry): void {
    entry.refreshing = true;
    const started = Date.now();
    this.rank(articleId, linked).then(
      (ids) => {
        // Replace only the entry this refresh was for (it may have been dropped meanwhile).
        if (this.cache.get(articleId) === entry) {
          this.cache.set(articleId, {
            ids: Promise.resolve(ids),
            computedAt: started,
            fresh: true,
            refreshing: false,
          });
        }
      },
      (error: unknown) => {
        entry.refreshing = false;
        this.log(error);
      },
    );
  }

  /** Ranked ids, with spares: a pinned story may have been unpublished since it was pinned. */
  private async rank(articleId: number, linkedFromBody: number[]): Promise<number[]> {
    const subject = await this.repo.subject(articleId);
    if (!subject) return [];
    const [candidates, overrides] = await Promise.all([
      this.archiveSize.get().then((size) => this.repo.candidates(articleId, size)),
      this.repo.overrides(articleId),
    ]);
    return rankRelated(
      subject,
      candidates,
      { ...overrides, linkedFromBody },
      relatedListSize + overrides.pinned.length + 2,
    );
  }

  private toCards(ids: number[]): Promise<ArticleCard[]> {
    if (ids.length === 0) return Promise.resolve([]);
    const key = ids.join(',');
    let cards = this.cardLists.get(key);
    if (!cards) {
      if (this.cardLists.size >= cardListLimit) this.cardLists.clear();
      cards = this.cards.cardsByIds(ids).then((found) => found.slice(0, relatedListSize));
      cards.catch(() => this.cardLists.delete(key));
      this.cardLists.set(key, cards);
    }
    return cards;
  }
}
