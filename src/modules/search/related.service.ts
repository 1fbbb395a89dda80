import { z } from 'zod';
import { DomainError, notFound } from '../../shared/errors.ts';
import type { ArticleCard, Block } from '../articles/index.ts';
import { referencedArticleIds } from '../articles/index.ts';
import { type Actor, can } from '../users/index.ts';
import type { Overrides, RelatedRepository } from './related.repository.ts';
import { rankRelated } from './related.ts';
import type { CardSource } from './search.service.ts';

export const relatedListSize = 4;
const maxPinned = 10;
const maxExcluded = 200;
/** Lists kept in memory; the oldest is dropped first. A list is a handful of cards. */
const cacheLimit = 5_000;

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

/**
 * "Related stories" under an article: computed from text similarity, shared topics and section, weighted
 * by closeness in time (see related.ts), with editors' pins and exclusions applied and anything the body
 * already links to left out. Lists are computed once and kept in memory until content changes.
 *
 * For the admin (newsroom UI, to come):
 * - `overrides(articleId)` → `{ pinned: number[], excluded: number[] }` (article ids, pinned in order);
 * - `setOverrides(actor, articleId, { pinned, excluded })` replaces both lists at once. It needs the
 *   `article.edit` permission on the article; unknown ids, the article itself, duplicates or a story both
 *   pinned and excluded are refused with `validation_failed`, a missing article with `not_found`;
 * - `preview(articleId)` → the cards readers would see now (published stories only), ignoring the cache.
 */
export class RelatedService {
  private readonly cache = new Map<number, Promise<ArticleCard[]>>();

  constructor(
    private readonly repo: RelatedRepository,
    private readonly cards: CardSource,
  ) {}

  /** Forgets every computed list; wired to `ArticlesService.onChange` (any change can move any list). */
  invalidate(): void {
    this.cache.clear();
  }

  /** The related stories for an article page (from memory after the first reader). */
  forArticle(article: { id: number; body: readonly Block[] }): Promise<ArticleCard[]> {
    const cached = this.cache.get(article.id);
    if (cached) {
      // Most recently used moves to the end, so the oldest entries are the ones dropped.
      this.cache.delete(article.id);
      this.cache.set(article.id, cached);
      return cached;
    }
    const work = this.compute(article.id, referencedArticleIds(article.body)).catch((error: unknown) => {
      if (this.cache.get(article.id) === work) this.cache.delete(article.id);
      throw error;
    });
    this.cache.set(article.id, work);
    if (this.cache.size > cacheLimit) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    return work;
  }

  /** What readers would see now, computed afresh (for the admin's preview). */
  async preview(articleId: number, body: readonly Block[] = []): Promise<ArticleCard[]> {
    return this.compute(articleId, referencedArticleIds(body));
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
    return overrides;
  }

  private async compute(articleId: number, linkedFromBody: number[]): Promise<ArticleCard[]> {
    const subject = await this.repo.subject(articleId);
    if (!subject) return [];
    const [candidates, overrides] = await Promise.all([
      this.repo.candidates(articleId),
      this.repo.overrides(articleId),
    ]);
    // Ask for spares: a pinned story may have been unpublished since it was pinned.
    const ids = rankRelated(
      subject,
      candidates,
      { ...overrides, linkedFromBody },
      relatedListSize + overrides.pinned.length,
    );
    const cards = await this.cards.cardsByIds(ids);
    return cards.slice(0, relatedListSize);
  }
}
