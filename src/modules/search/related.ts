/**
 * Related stories: how candidates are scored. Pure and deterministic (same data, same list), so it can be
 * tested without a database and cached without surprises. The repository supplies the features.
 */

/** What the database knows about one candidate story, relative to the article being read. */
export interface RelatedCandidate {
  id: number;
  publishedAt: Date;
  sameSection: boolean;
  /**
   * Text similarity: the candidate's matches on the article's most distinctive words (tf-idf weighted),
   * as a fraction of the article's own score on them (so 1 means "says everything this one says").
   */
  textSimilarity: number;
  /** Shared topics, each weighted by how rare the topic is (a niche tag says more than "Westminster"). */
  tagWeight: number;
  sharedTags: number;
}

export const relatedWeights = {
  text: 0.5,
  tags: 0.35,
  section: 0.15,
  /** Stories this many days apart keep about 37% of the recency part of their score. */
  recencyDays: 45,
  /** The share of the score that recency can take away. */
  recencyShare: 0.4,
  /** Below this a story is not related enough to show. */
  threshold: 0.12,
} as const;

const dayMs = 86_400_000;

export function relatedScore(subjectPublishedAt: Date, c: RelatedCandidate): number {
  const text = Math.min(1, 2 * Math.max(0, c.textSimilarity));
  const tags = Math.min(1, c.tagWeight / 1.2);
  const relevance =
    relatedWeights.text * text +
    relatedWeights.tags * tags +
    relatedWeights.section * (c.sameSection ? 1 : 0);
  const days = Math.abs(c.publishedAt.getTime() - subjectPublishedAt.getTime()) / dayMs;
  const recency = Math.exp(-days / relatedWeights.recencyDays);
  return relevance * (1 - relatedWeights.recencyShare + relatedWeights.recencyShare * recency);
}

export interface RelatedChoices {
  /** Editors' pinned stories, in order: always first (unless also linked from the body). */
  pinned: readonly number[];
  /** Editors' excluded stories: never shown. */
  excluded: readonly number[];
  /** Stories the body already links to ("Read more", teasers): never repeated in the list. */
  linkedFromBody: readonly number[];
}

/**
 * The ids to show, best first: pinned stories, then the highest scores above the threshold; a tie goes to
 * the newer story, then the higher id, so the order never depends on the order rows arrived in.
 */
export function rankRelated(
  subject: { id: number; publishedAt: Date },
  candidates: readonly RelatedCandidate[],
  choices: RelatedChoices,
  limit: number,
): number[] {
  const never = new Set([subject.id, ...choices.excluded, ...choices.linkedFromBody]);
  const chosen: number[] = [];
  for (const id of choices.pinned) {
    if (!never.has(id) && !chosen.includes(id)) chosen.push(id);
  }
  const scored = candidates
    .filter((c) => !never.has(c.id) && !chosen.includes(c.id))
    .map((c) => ({ c, score: relatedScore(subject.publishedAt, c) }))
    .filter(({ score }) => score >= relatedWeights.threshold)
    .sort(
      (a, b) => b.score - a.score || b.c.publishedAt.getTime() - a.c.publishedAt.getTime() || b.c.id - a.c.id,
    );
  for (const { c } of scored) chosen.push(c.id);
  return chosen.slice(0, limit);
}
