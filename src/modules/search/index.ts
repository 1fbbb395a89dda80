export {
  hasWord,
  highlightStart,
  highlightStop,
  maxQueryLength,
  maxSearchPage,
  maxSuggestions,
  parseSearchInput,
  type SearchFilters,
  type SearchInput,
  searchHref,
  searchPageSize,
  splitHighlights,
  type TextPiece,
} from './query.ts';
export { type Overrides, RelatedRepository } from './related.repository.ts';
export { RelatedService, relatedListSize } from './related.service.ts';
export {
  type RelatedCandidate,
  type RelatedChoices,
  rankRelated,
  relatedScore,
  relatedWeights,
} from './related.ts';
export { SearchRepository } from './search.repository.ts';
export { type CardSource, type SearchHit, type SearchResults, SearchService } from './search.service.ts';
export { makeSnippet } from './snippet.ts';
