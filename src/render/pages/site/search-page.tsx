import type { ArticleCard } from '../../../modules/articles/index.ts';
import { type SearchInput, type SearchResults, searchHref } from '../../../modules/search/index.ts';
import { RelativeTime } from '../../components/dates.tsx';
import { Highlighted } from '../../components/highlighted.tsx';
import { Label } from '../../components/label.tsx';
import { ResponsiveImage } from '../../components/responsive-image.tsx';
import { type FilterOption, SearchForm } from '../../components/search-form.tsx';
import { SiteLayout } from '../../layouts/site-layout.tsx';
import type { PageMeta, SiteInfo } from '../../site-info.ts';

export interface SearchPageProps {
  site: SiteInfo;
  input: Partial<SearchInput>;
  results: SearchResults | null;
  /** Why the search could not run (the page is then a 400), in words the reader can act on. */
  error?: string;
  sections: FilterOption[];
  authors: FilterOption[];
  /** Shown when nothing matched, so the page is never a dead end. */
  latest: ArticleCard[];
}

const numberFormat = new Intl.NumberFormat('en-GB');

function plural(n: number, one: string, many: string): string {
  return `${numberFormat.format(n)} ${n === 1 ? one : many}`;
}

function Tips() {
  return (
    <ul class="search-tips">
      <li>Check the spelling, or try a different or more general word.</li>
      <li>
        Put a phrase in quotes: <kbd>"prime minister"</kbd>.
      </li>
      <li>
        Leave a word out with a minus sign: <kbd>nato -summit</kbd>.
      </li>
      <li>
        Find either of two words with "or": <kbd>rates or inflation</kbd>.
      </li>
    </ul>
  );
}

function ActiveFilters({ props }: { props: SearchPageProps }) {
  const { input, sections, authors } = props;
  const chips: { label: string; href: string }[] = [];
  const section = sections.find((s) => s.slug === input.section);
  if (input.section) {
    chips.push({
      label: `Section: ${section?.name ?? input.section}`,
      href: searchHref(input, { section: undefined, page: 1 }),
    });
  }
  const author = authors.find((a) => a.slug === input.author);
  if (input.author) {
    chips.push({
      label: `Author: ${author?.name ?? input.author}`,
      href: searchHref(input, { author: undefined, page: 1 }),
    });
  }
  if (input.from)
    chips.push({ label: `From ${input.from}`, href: searchHref(input, { from: undefined, page: 1 }) });
  if (input.to) chips.push({ label: `To ${input.to}`, href: searchHref(input, { to: undefined, page: 1 }) });
  if (chips.length === 0) return null;
  return (
    <ul class="search-chips" aria-label="Filters in use">
      {chips.map((chip) => (
        <li>
          <a href={chip.href} class="search-chip">
            {chip.label}
            <span class="visually-hidden"> (remove this filter)</span>
            <span aria-hidden="true"> ×</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

function Results({ results, site }: { results: SearchResults; site: SiteInfo }) {
  return (
    <ol class="search-results" start={(results.page - 1) * results.input.limit + 1}>
      {results.hits.map(({ card, headline, snippet }) => (
        <li class="search-result">
          <div class="search-result-text">
            <p class="search-result-kicker">
              <Label label={card.label} />
              <a class="search-result-section" href={`/${card.section.slug}`}>
                {card.section.name}
              </a>
            </p>
            <h2 class="search-result-headline">
              <a href={card.url}>
                <Highlighted pieces={headline} />
              </a>
            </h2>
            <p class="search-result-snippet">
              <Highlighted pieces={snippet} />
            </p>
            <p class="search-result-meta">
              <RelativeTime date={card.publishedAt} now={site.now} timeZone={site.timeZone} />
              {card.authors.length > 0 && <span> · {card.authors.map((a) => a.name).join(' and ')}</span>}
            </p>
          </div>
          {card.image && (
            <ResponsiveImage
              image={card.image}
              alt=""
              sizes="(min-width: 640px) 200px, 96px"
              maxWidth={480}
              class="search-result-thumb"
            />
          )}
        </li>
      ))}
    </ol>
  );
}

function SearchPagination({ results }: { results: SearchResults }) {
  const { page, pageCount, input } = results;
  if (pageCount <= 1) return null;
  return (
    <nav class="pagination" aria-label="Result pages">
      {page > 1 ? (
        <a rel="prev" href={searchHref(input, { page: page - 1 })}>
          ← Previous
        </a>
      ) : (
        <span />
      )}
      <span class="pagination-status">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <a rel="next" href={searchHref(input, { page: page + 1 })}>
          Next →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}

function NothingFound({ props }: { props: SearchPageProps }) {
  const { input, results, latest, site } = props;
  const filtered = Boolean(input.section || input.author || input.from || input.to);
  return (
    <section class="search-empty" aria-labelledby="search-empty-title">
      <h2 id="search-empty-title" class="search-empty-title">
        {results?.ignored === 'stopwords'
          ? `“${input.q}” is too common to search for`
          : `No stories matched “${input.q}”`}
      </h2>
      {filtered && (
        <p>
          You are searching with filters.{' '}
          <a href={searchHref({ q: input.q })}>Search all stories for “{input.q}”</a> instead.
        </p>
      )}
      <Tips />
      {latest.length > 0 && (
        <>
          <h2 class="search-latest-title">Latest stories</h2>
          <ul class="search-latest">
            {latest.slice(0, 5).map((card) => (
              <li>
                <a href={card.url}>{card.headline}</a>{' '}
                <RelativeTime date={card.publishedAt} now={site.now} timeZone={site.timeZone} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

export function searchMeta(props: SearchPageProps): PageMeta {
  const { input, site } = props;
  return {
    title: input.q ? `Search results for “${input.q}”` : 'Search',
    description: `Search every story published by ${site.name}.`,
    path: searchHref(input),
    // Result pages are for readers, not for search engines (robots.txt keeps crawlers out as well).
    noindex: true,
  };
}

export function SearchPage(props: SearchPageProps) {
  const { site, input, results, error } = props;
  const summary =
    results && results.total > 0
      ? `${plural(results.total, 'story', 'stories')} for “${input.q}”${results.pageCount > 1 ? `, page ${results.page} of ${results.pageCount}` : ''}`
      : null;
  return (
    <SiteLayout site={site} meta={searchMeta(props)}>
      <header class="listing-header search-header">
        <h1 class="listing-title">Search</h1>
        <SearchForm input={input} sections={props.sections} authors={props.authors} />
      </header>
      {error && (
        <div class="search-error" role="alert">
          <p class="search-error-title">We could not run that search</p>
          <p>{error}</p>
        </div>
      )}
      {error && (
        <section class="search-intro" aria-labelledby="search-help-title">
          <h2 id="search-help-title" class="search-empty-title">
            How to search
          </h2>
          <Tips />
        </section>
      )}
      {results && (
        <div class="search-body">
          <ActiveFilters props={props} />
          {summary ? (
            <p class="search-summary" role="status">
              {summary}
            </p>
          ) : null}
          {results.hits.length > 0 ? (
            <>
              <Results results={results} site={site} />
              <SearchPagination results={results} />
            </>
          ) : results.total > 0 ? (
            <p class="search-summary">
              There are no more results. <a href={searchHref(input, { page: 1 })}>Back to the first page</a>.
            </p>
          ) : (
            <NothingFound props={props} />
          )}
        </div>
      )}
      {!results && !error && (
        <section class="search-intro" aria-labelledby="search-intro-title">
          <h2 id="search-intro-title" class="search-empty-title">
            Search every story we have published
          </h2>
          <Tips />
        </section>
      )}
    </SiteLayout>
  );
}
