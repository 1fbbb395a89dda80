/** The JSON /search.json answers (see src/http/site/search.routes.ts). */
export interface TextPiece {
  text: string;
  match: boolean;
}

export interface Suggestion {
  id: number;
  url: string;
  headline: TextPiece[];
  snippet: TextPiece[];
  section: { slug: string; name: string };
  label: string;
  publishedAt: string;
  authors: string[];
}

export interface SuggestResponse {
  query: string;
  total: number;
  results: Suggestion[];
}

export function isSuggestResponse(value: unknown): value is SuggestResponse {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<SuggestResponse>;
  return typeof v.total === 'number' && Array.isArray(v.results);
}
