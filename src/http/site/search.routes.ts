import type { FastifyInstance, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { SearchInput, SearchResults } from '../../modules/search/index.ts';
import { maxQueryLength } from '../../modules/search/index.ts';
import type { FilterOption } from '../../render/components/search-form.tsx';
import { SearchPage } from '../../render/pages/site/search-page.tsx';
import { DomainError } from '../../shared/errors.ts';
import { Memo } from '../../shared/memo.ts';
import type { HttpDeps } from '../deps.ts';
import { sendHtml } from '../plugins/html.ts';
import { siteInfo } from './site-info.ts';

/** Suggestions the search-as-you-type island asks for by default. */
const suggestionCount = 5;

/** What the reader typed, cleaned only enough to show it back in the form after a 400. */
function echo(query: unknown): Partial<SearchInput> {
  const raw = (query ?? {}) as Record<string, unknown>;
  const text = (value: unknown) =>
    typeof value === 'string'
      ? // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
        value.replace(/[\u0000-\u001f\u007f-\u009f\uE000\uE001]/g, ' ').slice(0, maxQueryLength)
      : '';
  return { q: text(raw.q) };
}

/** The JSON the island reads: text pieces with `match` flags, never HTML. */
function toJson(results: SearchResults) {
  return {
    query: results.input.q,
    total: results.total,
    page: results.page,
    pageCount: results.pageCount,
    ignored: results.ignored,
    results: results.hits.map(({ card, headline, snippet }) => ({
      id: card.id,
      url: card.url,
      headline,
      snippet,
      section: card.section,
      label: card.label,
      publishedAt: card.publishedAt.toISOString(),
      authors: card.authors.map((a) => a.name),
    })),
  };
}

export function registerSearchRoutes(app: FastifyInstance, deps: HttpDeps): void {
  // Filter choices change rarely; the author list is one query every few minutes, not one per search.
  const authorOptions = new Memo<FilterOption[]>(
    async () => (await deps.authors.list()).map((a) => ({ slug: a.slug, name: a.name })),
    5 * 60_000,
  );

  const page = async (request: FastifyRequest) => {
    const site = await siteInfo(deps, request);
    const authors = await authorOptions.get().catch(() => []);
    return { site, sections: site.sections.map((s) => ({ slug: s.slug, name: s.name })), authors };
  };

  app.get('/search', async (request, reply) => {
    let input: SearchInput;
    try {
      input = deps.search.parse(request.query);
    } catch (error) {
      if (!(error instanceof DomainError) || error.status !== 400) throw error;
      const base = await page(request);
      return sendHtml(
        reply,
        h(SearchPage, {
          ...base,
          input: echo(request.query),
          results: null,
          error: error.message,
          latest: [],
        }),
        400,
      );
    }
    const [base, results] = await Promise.all([
      page(request),
      input.q ? deps.search.search(input) : Promise.resolve(null),
    ]);
    const latest = results && results.total === 0 ? await deps.articles.latest() : [];
    return sendHtml(reply, h(SearchPage, { ...base, input, results, latest }));
  });

  // JSON for the search-as-you-type island. Errors are JSON too, with the same stable codes.
  app.register(async (json) => {
    json.setErrorHandler(async (error: Error & { statusCode?: number }, request, reply) => {
      const status =
        error instanceof DomainError
          ? error.status
          : error.statusCode && error.statusCode >= 400 && error.statusCode < 500
            ? error.statusCode
            : 500;
      if (status >= 500) request.log.error({ err: error }, 'search request failed');
      const code = error instanceof DomainError ? error.code : status >= 500 ? 'server_error' : 'bad_request';
      const message =
        status >= 500 ? 'The search is not available just now. Please try again in a moment.' : error.message;
      return reply.code(status).header('cache-control', 'no-store').send({ error: { code, message } });
    });

    json.get('/search.json', async (request, reply) => {
      const input = deps.search.parse(request.query, { limit: suggestionCount });
      if (!input.q) throw new DomainError('bad_request', 'Type at least one word to search for.');
      const results = await deps.search.search(input);
      return reply
        .header('cache-control', 'public, max-age=60, stale-while-revalidate=60')
        .type('application/json; charset=utf-8')
        .send(toJson(results));
    });
  });
}
