import { asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { articles, articleTags, relatedOverrides, searchTerms } from '../../db/schema/index.ts';
import type { RelatedCandidate } from './related.ts';

/** How many of the article's own words are compared with other stories. */
const distinctiveTerms = 12;
/** Words are first shortlisted by weight in the article (headline counts most), then by rarity. */
const shortlistedTerms = 24;
/** Candidates kept from each source (text, topics, section) before scoring. */
const perSource = 150;
/** A word in more than this share of the archive says little about what a story is about. */
const maxShare = 0.1;
/**
 * Stories the text comparison may visit: words are taken in order of weight until the stories they
 * appear in pass this, so its cost stops growing with the archive (each visit reads a row).
 */
const textReach = 10_000;

export interface RelatedSubject {
  id: number;
  publishedAt: Date;
  status: string;
  createdBy: number | null;
}

export interface Overrides {
  pinned: number[];
  excluded: number[];
}

type Row = Record<string, unknown>;

async function rows<T extends Row>(
  db: Pick<Database, 'execute'>,
  query: ReturnType<typeof sql>,
): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export class RelatedRepository {
  constructor(private readonly db: Database) {}

  async subject(articleId: number): Promise<RelatedSubject | undefined> {
    const [row] = await this.db
      .select({
        id: articles.id,
        publishedAt: articles.publishedAt,
        status: articles.status,
        createdBy: articles.createdBy,
      })
      .from(articles)
      .where(eq(articles.id, articleId))
      .limit(1);
    if (!row) return undefined;
    return { ...row, publishedAt: row.publishedAt ?? new Date(0) };
  }

  /** Published stories in the archive (for rarity weights; the service keeps it for a few minutes). */
  async publishedCount(): Promise<number> {
    const [row] = await rows<{ n: number }>(
      this.db,
      sql`select count(*)::int as n from ${articles} where status = 'published'`,
    );
    return Number(row?.n ?? 0);
  }

  /**
   * Scores every plausible candidate in one statement:
   * - text: the article's most distinctive words (weight in the article, headline first, × rarity across
   *   the archive); each is looked up through the GIN index, and a candidate scores the weights of the
   *   words it shares, as a fraction of all of them;
   * - topics: shared tags, each weighted 1 / ln(2 + stories with that tag);
   * - section: the stories of the same section published closest in time.
   * Rarity is each word's count of published stories, kept by triggers in `search_terms`: a lookup per
   * word however large the archive grows. The words compared reach at most about `textReach` stories.
   */
  async candidates(articleId: number, archiveSize: number): Promise<RelatedCandidate[]> {
    const n = Math.max(1, archiveSize);
    const tooCommon = Math.max(3, Math.floor(n * maxShare));
    const found = await rows<{
      id: number;
      published_at: Date | string;
      same_section: boolean;
      text_score: number;
      self_score: number;
      tag_weight: number;
      shared_tags: number;
    }>(
      this.db,
      sql`
      with me as (
        select id, section_id, published_at, search_vector from ${articles} where id = ${articleId}
      ),
      terms as (
        select t.lexeme,
          least(sum(case w when 'A' then 1.0 when 'B' then 0.6 when 'C' then 0.25 else 0.1 end), 4.0) as tf
        from me, unnest(me.search_vector) as t(lexeme, positions, weights), unnest(t.weights) as w
        where length(t.lexeme) > 2 and t.lexeme !~ '^[0-9]+$'
          and position(E'\\\\' in t.lexeme) = 0 and position('''' in t.lexeme) = 0
        group by t.lexeme
        order by tf desc, t.lexeme
        limit ${shortlistedTerms}
      ),
      rated as (
        select lexeme, q, weight from (
          select terms.lexeme, quote_literal(terms.lexeme)::tsquery as q,
            terms.tf * ln(${n}::float8 / st.stories) as weight, st.stories,
            sum(st.stories) over (order by terms.tf * ln(${n}::float8 / st.stories) desc, terms.lexeme)
              as reach
          from terms join ${searchTerms} st on st.lexeme = terms.lexeme
          where st.stories >= 2 and st.stories <= ${tooCommon}
        ) weighed
        where reach - stories < ${textReach}
        order by weight desc, lexeme
        limit ${distinctiveTerms}
      ),
      self as (select coalesce(sum(weight), 0) as score from rated),
      by_text as (
        select a.id, sum(rated.weight) as text_score
        from rated join ${articles} a on a.search_vector @@ rated.q
        where a.status = 'published' and a.id <> ${articleId}
        group by a.id
        order by text_score desc, a.id desc
        limit ${perSource}
      ),
      by_tags as (
        select other.article_id as id, sum(1.0 / ln(2 + tag_size.n)) as tag_weight, count(*)::int as shared_tags
        from ${articleTags} mine
        join ${articleTags} other on other.tag_id = mine.tag_id and other.article_id <> ${articleId}
        join ${articles} a on a.id = other.article_id and a.status = 'published'
        cross join lateral (
          select count(*)::float8 as n from ${articleTags} x where x.tag_id = mine.tag_id
        ) tag_size
        where mine.article_id = ${articleId}
        group by other.article_id
        order by tag_weight desc, other.article_id desc
        limit ${perSource}
      ),
      by_section as (
        -- The closest in time are among the nearest on either side: two short walks of the section's
        -- (published_at, id) index instead of sorting the whole section. The article's section and time
        -- are scalar subqueries so that they bound the index walks (joined from me, the walks started
        -- at the section's newest or oldest story and filtered their way to the article).
        select near.id from (
          (select a.id, a.published_at from ${articles} a
            where a.section_id = (select section_id from me) and a.status = 'published'
              and a.id <> ${articleId}
              and a.published_at <= coalesce((select published_at from me), 'infinity')
            order by a.published_at desc nulls last, a.id desc limit ${perSource})
          union all
          (select a.id, a.published_at from ${articles} a
            where a.section_id = (select section_id from me) and a.status = 'published'
              and a.id <> ${articleId} and a.published_at > (select published_at from me)
            order by a.published_at asc nulls first, a.id asc limit ${perSource})
        ) near, me
        order by abs(extract(epoch from near.published_at - me.published_at)), near.id desc
        limit ${perSource}
      ),
      pool as (
        select id from by_text union select id from by_tags union select id from by_section
      )
      select a.id, a.published_at, (a.section_id = me.section_id) as same_section,
        coalesce(by_text.text_score, 0)::float8 as text_score, (select score from self)::float8 as self_score,
        coalesce(by_tags.tag_weight, 0)::float8 as tag_weight, coalesce(by_tags.shared_tags, 0)::int as shared_tags
      from pool
      join ${articles} a on a.id = pool.id
      cross join me
      left join by_text on by_text.id = pool.id
      left join by_tags on by_tags.id = pool.id
      order by a.id`,
    );
    return found.map((r) => {
      const selfScore = Number(r.self_score);
      return {
        id: Number(r.id),
        publishedAt: r.published_at instanceof Date ? r.published_at : new Date(r.published_at),
        sameSection: Boolean(r.same_section),
        textSimilarity: selfScore > 0 ? Number(r.text_score) / selfScore : 0,
        tagWeight: Number(r.tag_weight),
        sharedTags: Number(r.shared_tags),
      };
    });
  }

  async overrides(articleId: number): Promise<Overrides> {
    const found = await this.db
      .select({ targetId: relatedOverrides.targetId, kind: relatedOverrides.kind })
      .from(relatedOverrides)
      .where(eq(relatedOverrides.articleId, articleId))
      .orderBy(asc(relatedOverrides.position), asc(relatedOverrides.targetId));
    return {
      pinned: found.filter((r) => r.kind === 'pin').map((r) => r.targetId),
      excluded: found.filter((r) => r.kind === 'exclude').map((r) => r.targetId),
    };
  }

  /** Replaces an article's choices in one transaction: never half old, half new. */
  async replaceOverrides(articleId: number, overrides: Overrides, userId: number | null): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.delete(relatedOverrides).where(eq(relatedOverrides.articleId, articleId));
      const values = [
        ...overrides.pinned.map((targetId, position) => ({ kind: 'pin' as const, targetId, position })),
        ...overrides.excluded.map((targetId) => ({ kind: 'exclude' as const, targetId, position: 0 })),
      ].map((v) => ({ ...v, articleId, createdBy: userId }));
      if (values.length > 0) await tx.insert(relatedOverrides).values(values);
    });
  }

  /** Which of these ids are articles at all (any status), to refuse unknown targets clearly. */
  async existing(ids: readonly number[]): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const found = await rows<{ id: number }>(
      this.db,
      sql`select id from ${articles} where id in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
    return new Set(found.map((r) => Number(r.id)));
  }
}
