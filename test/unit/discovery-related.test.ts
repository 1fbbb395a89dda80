import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type RelatedCandidate, rankRelated, relatedScore } from '../../src/modules/search/index.ts';

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
