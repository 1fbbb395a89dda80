import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ArticleCard } from '../../src/modules/articles/index.ts';
import {
  type RelatedCandidate,
  type RelatedRepository,
  RelatedService,
  rankRelated,
  relatedScore,
} from '../../src/modules/search/index.ts';

const day = 86_400_000;
const subject = { id: 1, publishedAt: new Date('2026-06-22T08:00:00Z') };
const at = (days: number) => new Date(subject.publishedAt.getTime() + days * day);

function candidate(id: number, over: Partial<RelatedCandidate> = {}): RelatedCandidate {
  return {
    id,
    publishedAt: at(-1),
    sameSection: false,
    textSimilarity: 0,
    tagWeight: 0,
    sharedTags: 0,
    ...over,
  };
}

const none = { pinned: [], excluded: [], linkedFromBody: [] };

describe('related stories', () => {
  it('prefers stories that share topics and words over stories that only share a section', () => {
    const ids = rankRelated(
      subject,
      [
        candidate(2, { sameSection: true }),
        candidate(3, { tagWeight: 1.2, sharedTags: 2, textSimilarity: 0.3 }),
        candidate(4, { textSimilarity: 0.45 }),
        candidate(5, { tagWeight: 0.4, sharedTags: 1, sameSection: true }),
      ],
      none,
      4,
    );
    assert.deepEqual(ids, [3, 4, 5, 2]);
  });

  it('weights recency: of two equally related stories, the one closer in time wins', () => {
    const near = candidate(10, { tagWeight: 1, textSimilarity: 0.2, publishedAt: at(-2) });
    const far = candidate(11, { tagWeight: 1, textSimilarity: 0.2, publishedAt: at(-200) });
    assert.ok(relatedScore(subject.publishedAt, near) > relatedScore(subject.publishedAt, far));
    assert.deepEqual(rankRelated(subject, [far, near], none, 2), [10, 11]);
  });

  it('puts pins first, never shows exclusions, Read more targets or the article itself', () => {
    const candidates = [
      candidate(2, { tagWeight: 2 }),
      candidate(3, { tagWeight: 0.9 }),
      candidate(4, { tagWeight: 0.6 }),
      candidate(1, { tagWeight: 9 }),
    ];
    const ids = rankRelated(
      subject,
      candidates,
      { pinned: [9, 3, 9], excluded: [2], linkedFromBody: [4] },
      4,
    );
    assert.deepEqual(ids, [9, 3]);
    assert.deepEqual(
      rankRelated(subject, candidates, { pinned: [4], excluded: [], linkedFromBody: [4] }, 4),
      [2, 3],
    );
  });

  it('leaves out stories below the relevance threshold', () => {
    assert.deepEqual(rankRelated(subject, [candidate(2, { textSimilarity: 0.01 })], none, 4), []);
  });

  it('is deterministic: ties go to the newer story, then the higher id, whatever the input order', () => {
    const a = candidate(20, { tagWeight: 1, publishedAt: at(-3) });
    const b = candidate(21, { tagWeight: 1, publishedAt: at(3) });
    const c = candidate(22, { tagWeight: 1, publishedAt: at(3) });
    const first = rankRelated(subject, [a, b, c], none, 3);
    assert.deepEqual(first, [22, 21, 20]);
    assert.deepEqual(rankRelated(subject, [c, a, b], none, 3), first);
  });
});

describe('related stories cache', () => {
  const card = (id: number) => ({ id, headline: `Story ${id}` }) as unknown as ArticleCard;

  function fakes() {
    let pool: RelatedCandidate[] = [candidate(2, { tagWeight: 1 }), candidate(3, { tagWeight: 0.8 })];
    let computed = 0;
    const repo = {
      subject: async (id: number) => ({
        id,
        publishedAt: subject.publishedAt,
        status: 'published',
        createdBy: null,
      }),
      publishedCount: async () => 100,
      candidates: async () => {
        computed++;
        return pool;
      },
      overrides: async () => ({ pinned: [], excluded: [] }),
    } as unknown as RelatedRepository;
    const published = new Set([2, 3, 4]);
    const cards = {
      cardsByIds: async (ids: readonly number[]) => ids.filter((id) => published.has(id)).map(card),
    };
    return {
      service: new RelatedService(repo, cards, () => undefined),
      setPool: (next: RelatedCandidate[]) => {
        pool = next;
      },
      computed: () => computed,
      published,
    };
  }

  it('computes once, serves from memory, and reads cards again after any change (unpublished stories vanish at once)', async () => {
    const f = fakes();
    const article = { id: 1, body: [] };
    assert.deepEqual(
      (await f.service.forArticle(article)).map((c) => c.id),
      [2, 3],
    );
    assert.deepEqual(
      (await f.service.forArticle(article)).map((c) => c.id),
      [2, 3],
    );
    assert.equal(f.computed(), 1);
    // Unpublishing is a content change: the service is told (ArticlesService.onChange) and reads cards again.
    f.published.delete(2);
    f.service.invalidate();
    assert.deepEqual(
      (await f.service.forArticle(article)).map((c) => c.id),
      [3],
    );
  });

  it('after a content change, shows the old list while the new one is computed in the background', async () => {
    const f = fakes();
    const article = { id: 1, body: [] };
    await f.service.forArticle(article);
    f.setPool([candidate(4, { tagWeight: 2 })]);
    f.service.invalidate();
    assert.deepEqual(
      (await f.service.forArticle(article)).map((c) => c.id),
      [2, 3],
      'no reader waits',
    );
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(
      (await f.service.forArticle(article)).map((c) => c.id),
      [4],
    );
    assert.equal(f.computed(), 2);
    // A change to the article itself drops its list: the next view computes it first.
    f.setPool([candidate(3, { tagWeight: 2 })]);
    f.service.invalidate(1);
    assert.deepEqual(
      (await f.service.forArticle(article)).map((c) => c.id),
      [3],
    );
  });
});
