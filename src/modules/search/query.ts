import { z } from 'zod';
import { badRequest } from '../../shared/errors.ts';
import { slugPattern } from '../../shared/slug.ts';

/**
 * What readers may ask the search for. Everything is validated here, before any SQL: a query that is too
 * long, holds control characters or has no word in it is a clear 400, never a 500 from the database.
 */
export const maxQueryLength = 200;
export const searchPageSize = 10;
export const maxSearchPage = 100;
export const maxSuggestions = 8;

export interface SearchFilters {
  /** Section slug. */
  section?: string;
  /** Author slug. */
  author?: string;
  /** First day (inclusive), YYYY-MM-DD in the site's time zone. */
  from?: string;
  /** Last day (inclusive), YYYY-MM-DD in the site's time zone. */
  to?: string;
}

export interface SearchInput extends SearchFilters {
  /** The reader's words, trimmed; empty means "show the search form". */
  q: string;
  page: number;
  /** Results per page (the page shows 10; the search-as-you-type island asks for fewer). */
  limit: number;
}

// Control characters, including DEL and the C1 range; tabs and newlines are folded to spaces first.
// biome-ignore lint/suspicious/noControlCharactersInRegex: this pattern exists to find them.
const controlCharacters = /[\u0000-\u001f\u007f-\u009f]/;
/** The private-use characters ts_headline marks matches with: never accepted from readers. */
export const highlightStart = '\uE000';
export const highlightStop = '\uE001';
const markerCharacters = /[\uE000\uE001]/;
const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

function single(field: string) {
  return z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value, ctx) => {
      if (Array.isArray(value)) {
        ctx.addIssue({ code: 'custom', message: `Give the ${field} only once.` });
        return z.NEVER;
      }
      return value ?? '';
    });
}

function isRealDay(value: string): boolean {
  if (!dayPattern.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const day = (label: string) =>
  single(label).refine(
    (value) => value === '' || isRealDay(value),
    `The ${label} date must be a real day written as YYYY-MM-DD.`,
  );

const slugFilter = (label: string) =>
  single(label).refine(
    (value) => value === '' || (value.length <= 120 && slugPattern.test(value)),
    `That ${label} is not one we know.`,
  );

const rawSchema = z.object({
  q: single('search').transform((value) => value.normalize('NFC').replace(/[\t\r\n]+/g, ' ')),
  section: slugFilter('section'),
  author: slugFilter('author'),
  from: day('"from"'),
  to: day('"to"'),
  page: single('page number').refine(
    (value) => value === '' || /^\d{1,4}$/.test(value),
    'The page number must be a whole number.',
  ),
  limit: single('limit').refine(
    (value) => value === '' || /^\d{1,2}$/.test(value),
    'The limit must be a whole number.',
  ),
});

/** True when the text has at least one letter or digit, i.e. something a search can match. */
export function hasWord(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text.replace(/\bor\b/gi, ' '));
}

/**
 * Parses a query string (as Fastify hands it over) into search input, or throws a 400 `DomainError` with
 * a message a reader can act on.
 */
export function parseSearchInput(query: unknown, defaults: { limit?: number } = {}): SearchInput {
  const parsed = rawSchema.safeParse(query ?? {});
  if (!parsed.success) throw badRequest(parsed.error.issues[0]?.message ?? 'That search is not valid.');
  const raw = parsed.data;
  const q = raw.q.trim().replace(/ {2,}/g, ' ');
  if (q.length > maxQueryLength) {
    throw badRequest(`Searches can be at most ${maxQueryLength} characters long. Try fewer words.`);
  }
  if (controlCharacters.test(q) || markerCharacters.test(q)) {
    throw badRequest('The search contains characters that cannot be searched for.');
  }
  if (q !== '' && !hasWord(q)) {
    throw badRequest(
      'Type at least one word to search for: quotes, minus signs and "or" alone match nothing.',
    );
  }
  const page = raw.page === '' ? 1 : Number(raw.page);
  if (page < 1 || page > maxSearchPage) {
    throw badRequest(`Search pages run from 1 to ${maxSearchPage}. Try narrowing the search instead.`);
  }
  const limit = raw.limit === '' ? (defaults.limit ?? searchPageSize) : Number(raw.limit);
  if (limit < 1 || limit > Math.max(searchPageSize, maxSuggestions)) {
    throw badRequest(`Ask for between 1 and ${Math.max(searchPageSize, maxSuggestions)} results.`);
  }
  if (raw.from && raw.to && raw.from > raw.to) {
    throw badRequest('The "from" date must not be after the "to" date.');
  }
  const input: SearchInput = { q, page, limit };
  if (raw.section) input.section = raw.section;
  if (raw.author) input.author = raw.author;
  if (raw.from) input.from = raw.from;
  if (raw.to) input.to = raw.to;
  return input;
}

/** A piece of highlighted text: `match` pieces are the words the reader searched for. */
export interface TextPiece {
  text: string;
  match: boolean;
}

/**
 * Splits ts_headline output, marked with private-use characters, into plain and matching pieces. The
 * renderer turns matches into <mark> elements; no HTML string is ever built from article text.
 */
export function splitHighlights(marked: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let match = false;
  let buffer = '';
  const flush = () => {
    if (buffer !== '') {
      const last = pieces.at(-1);
      if (last && last.match === match) last.text += buffer;
      else pieces.push({ text: buffer, match });
    }
    buffer = '';
  };
  for (const char of marked) {
    if (char === highlightStart || char === highlightStop) {
      flush();
      match = char === highlightStart;
    } else {
      buffer += char;
    }
  }
  flush();
  return pieces;
}

/** The filters in use, for links that keep them (pagination) or drop one (the "remove filter" links). */
export function searchHref(input: Partial<SearchInput>, overrides: Partial<SearchInput> = {}): string {
  const merged = { ...input, ...overrides };
  const params = new URLSearchParams();
  if (merged.q) params.set('q', merged.q);
  if (merged.section) params.set('section', merged.section);
  if (merged.author) params.set('author', merged.author);
  if (merged.from) params.set('from', merged.from);
  if (merged.to) params.set('to', merged.to);
  if (merged.page && merged.page > 1) params.set('page', String(merged.page));
  const query = params.toString();
  return query ? `/search?${query}` : '/search';
}
