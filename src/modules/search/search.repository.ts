import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { articleBylines, articles, authors, sections } from '../../db/schema/index.ts';
import { highlightStart, highlightStop, maxSearchPage, type SearchFilters, searchPageSize } from './query.ts';

export interface SearchRow {
  id: number;
  rank: number;
  total: number;
  /** The headline with every match between the highlight markers. */
  headline: string;
  /** Standfirst and body with every match marked the same way (snippet.ts picks the passage). */
  snippet: string;
}

/** Both drivers answer raw SQL with `{ rows }`; Drizzle's shared type cannot say so. */
async function rows<T>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

const markers = `${highlightStart}${highlightStop}`;
const headlineOptions = `HighlightAll=true, StartSel=${highlightStart}, StopSel=${highlightStop}`;
// Every match is marked and the passage chosen in snippet.ts: ts_headline's own fragment choice differs
// between PostgreSQL versions (15 and the 18 inside PGlite disagree), its marking does not.
const snippetOptions = headlineOptions;
/**
 * Snippets come from the first few thousand characters (the standfirst and the top of the story, where
 * news puts what matters): marking a whole long article costs more than the search itself.
 */
const snippetSource = 4000;
/**
 * Matches ranked per query: the newest this many, as many as readers can page through. Ranking reads each
 * match's whole search document; on a 100,000-story archive a common word ("minister", 56,000 stories)
 * took 1.8 s to rank in full, where finding and counting its matches takes about a tenth of that.
 */
const rankedMatches = maxSearchPage * searchPageSize;

/**
 * Ranking: matches in the headline always come first, then the standfirst, then cover density
 * (`ts_rank_cd`, scaled into 0..1) orders within each group; the newest story wins a tie. Ranks are
 * rounded so PGlite and PostgreSQL order identically even if their floating point differs in the last bit.
 */
function rankSql(query: SQL): SQL {
  return sql`round((
      ts_rank_cd(${articles.searchVector}, ${query}, 32)
      + case when ts_filter(${articles.searchVector}, '{a}') @@ ${query} then 1 else 0 end
      + case when ts_filter(${articles.searchVector}, '{b}') @@ ${query} then 0.5 else 0 end
    )::numeric, 6)`;
}

/** Plain text of every text run in the body, for snippets (the search document uses the same runs). */
const bodyText = sql`coalesce((
    select string_agg(t #>> '{}', ' ')
    from jsonb_array_elements(jsonb_path_query_array(${articles.body}, 'strict $.**.text')) t
  ), '')`;

export class SearchRepository {
  constructor(private readonly db: Database) {}

  /** How many lexemes the query has after stemming and stop words ("the" alone has none). */
  async lexemeCount(q: string): Promise<number> {
    const [row] = await rows<{ n: number }>(
      this.db,
      sql`select numnode(websearch_to_tsquery('english', ${q}))::int as n`,
    );
    return Number(row?.n ?? 0);
  }

  private filters(filters: SearchFilters, timeZone: string): SQL[] {
    const where: SQL[] = [sql`${articles.status} = 'published'`];
    if (filters.section) {
      where.push(
        sql`${articles.sectionId} = (select ${sections.id} from ${sections} where ${sections.slug} = ${filters.section})`,
      );
    }
    if (filters.author) {
      where.push(sql`exists (
        select 1 from ${articleBylines}
        join ${authors} on ${authors.id} = ${articleBylines.authorId}
        where ${articleBylines.articleId} = ${articles.id} and ${authors.slug} = ${filters.author})`);
    }
    // Days are the site's days: "from 1 June" starts at midnight in the newsroom's time zone.
    if (filters.from) {
      where.push(sql`${articles.publishedAt} >= (${filters.from}::date)::timestamp at time zone ${timeZone}`);
    }
    if (filters.to) {
      where.push(
        sql`${articles.publishedAt} < (${filters.to}::date + 1)::timestamp at time zone ${timeZone}`,
      );
    }
    return where;
  }

  /**
   * One page of matches, best first among the newest `rankedMatches`, with highlighted headline and
   * snippet and the count of all matches; one statement. The matches are found on their own (a
   * materialised CTE) through the search index: every one is read for the count anyway, and left with the
   * ordering, PostgreSQL's planner walked the whole date index testing each story instead (0.4 s for a
   * phrase with two matches in 100,000 stories).
   */
  async search(
    q: string,
    filters: SearchFilters,
    timeZone: string,
    limit: number,
    offset: number,
  ): Promise<SearchRow[]> {
    const query = sql`websearch_to_tsquery('english', ${q})`;
    const where = sql.join(
      [...this.filters(filters, timeZone), sql`${articles.searchVector} @@ ${query}`],
      sql` and `,
    );
    const found = await rows<SearchRow>(
      this.db,
      sql`
      with found as materialized (
        select ${articles.id} as id, ${articles.publishedAt} as published_at
        from ${articles}
        where ${where}
      ),
      matches as (
        select id, published_at, count(*) over () as total
        from found
        order by published_at desc nulls last, id desc
        limit ${rankedMatches}
      ),
      hits as (
        select matches.id, matches.published_at, matches.total, ${rankSql(query)} as rank
        from matches join ${articles} on ${articles.id} = matches.id
        order by rank desc, matches.published_at desc, matches.id desc
        limit ${limit} offset ${offset}
      )
      select hits.id, hits.rank::float8 as rank, hits.total::int as total,
        ts_headline('english', translate(${articles.headline}, ${markers}, ''), ${query}, ${headlineOptions}) as headline,
        ts_headline('english',
          translate(left(${articles.standfirst} || ' ' || ${bodyText}, ${snippetSource}), ${markers}, ''),
          ${query}, ${snippetOptions}) as snippet
      from hits join ${articles} on ${articles.id} = hits.id
      order by hits.rank desc, hits.published_at desc, hits.id desc`,
    );
    return found.map((row) => ({
      id: Number(row.id),
      rank: Number(row.rank),
      total: Number(row.total),
      headline: row.headline,
      snippet: row.snippet,
    }));
  }

  /** Number of matches, for a page past the end (the page query itself returns no rows to count). */
  async count(q: string, filters: SearchFilters, timeZone: string): Promise<number> {
    const query = sql`websearch_to_tsquery('english', ${q})`;
    const where = sql.join(
      [...this.filters(filters, timeZone), sql`${articles.searchVector} @@ ${query}`],
      sql` and `,
    );
    const [row] = await rows<{ n: number }>(
      this.db,
      sql`select count(*)::int as n from ${articles} where ${where}`,
    );
    return Number(row?.n ?? 0);
  }
}
