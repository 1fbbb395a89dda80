import type { ArticleCard } from '../articles/index.ts';
import {
  maxSearchPage,
  parseSearchInput,
  type SearchInput,
  splitHighlights,
  type TextPiece,
} from './query.ts';
import type { SearchRepository } from './search.repository.ts';
import { makeSnippet } from './snippet.ts';

/** Where search gets article cards from (ArticlesRepository satisfies it): one query per page. */
export interface CardSource {
  cardsByIds(ids: readonly number[]): Promise<ArticleCard[]>;
}

export interface SearchHit {
  card: ArticleCard;
  /** The headline, with the matching words marked. */
  headline: TextPiece[];
  /** A passage around the matches from the standfirst and body. */
  snippet: TextPiece[];
}

export interface SearchResults {
  input: SearchInput;
  hits: SearchHit[];
  total: number;
  page: number;
  pageCount: number;
  /**
   * Why nothing could be searched for although the query has words: "stopwords" when every word is too
   * common to index ("the", "and").
   */
  ignored?: 'stopwords';
}

/**
 * Full-text search over published articles (PostgreSQL's own: the `search_vector` column is kept current
 * by the database on every insert and update, so publish, update and unpublish need no reindexing).
 */
export class SearchService {
  constructor(
    private readonly repo: SearchRepository,
    private readonly cards: CardSource,
    private readonly timeZone: string,
  ) {}

  /** Parses reader input (a Fastify query object); throws a 400 DomainError for hostile or broken input. */
  parse(query: unknown, defaults: { limit?: number } = {}): SearchInput {
    return parseSearchInput(query, defaults);
  }

  async search(input: SearchInput): Promise<SearchResults> {
    const empty: SearchResults = { input, hits: [], total: 0, page: input.page, pageCount: 1 };
    if (input.q === '') return empty;
    if ((await this.repo.lexemeCount(input.q)) === 0) return { ...empty, ignored: 'stopwords' };
    const offset = (input.page - 1) * input.limit;
    const rows = await this.repo.search(input.q, input, this.timeZone, input.limit, offset);
    const total =
      rows[0]?.total ?? (input.page > 1 ? await this.repo.count(input.q, input, this.timeZone) : 0);
    const pageCount = Math.min(maxSearchPage, Math.max(1, Math.ceil(total / input.limit)));
    const cards = new Map((await this.cards.cardsByIds(rows.map((r) => r.id))).map((c) => [c.id, c]));
    const hits = rows.flatMap((row) => {
      const card = cards.get(row.id);
      if (!card) return [];
      return [{ card, headline: splitHighlights(row.headline), snippet: makeSnippet(row.snippet) }];
    });
    return { input, hits, total, page: input.page, pageCount };
  }
}
