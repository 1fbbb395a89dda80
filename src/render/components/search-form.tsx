import type { SearchInput } from '../../modules/search/index.ts';
import { maxQueryLength } from '../../modules/search/index.ts';
import type { SiteInfo } from '../site-info.ts';

function SearchIcon() {
  return (
    <svg class="search-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" stroke-width="2.2" />
      <path d="M15.5 15.5 21 21" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" />
    </svg>
  );
}

/**
 * The masthead's search: a plain GET form that works without JavaScript. The search island
 * (client/search) finds it by `data-search-suggest` and adds suggestions as the reader types.
 */
export function MastheadSearch({ site, value = '' }: { site: SiteInfo; value?: string }) {
  return (
    <search aria-label="Site">
      <form class="masthead-search" action="/search" method="get" data-search-suggest>
        <label for="masthead-q" class="visually-hidden">
          Search {site.name}
        </label>
        <input
          id="masthead-q"
          type="search"
          name="q"
          value={value}
          placeholder="Search"
          autocomplete="off"
          maxLength={maxQueryLength}
          enterKeyHint="search"
        />
        <button type="submit" class="masthead-search-button">
          <SearchIcon />
          <span class="visually-hidden">Search</span>
        </button>
      </form>
    </search>
  );
}

export interface FilterOption {
  slug: string;
  name: string;
}

/** The search page's form: the words, then optional filters by section, author and dates. */
export function SearchForm(props: {
  input: Partial<SearchInput>;
  sections: readonly FilterOption[];
  authors: readonly FilterOption[];
}) {
  const { input } = props;
  const filtered = Boolean(input.section || input.author || input.from || input.to);
  return (
    <search aria-label="Stories">
      <form class="search-form" action="/search" method="get" data-search-suggest>
        <div class="search-main">
          <label for="search-q" class="search-label">
            Search for
          </label>
          <div class="search-row">
            <input
              id="search-q"
              type="search"
              name="q"
              value={input.q ?? ''}
              autocomplete="off"
              maxLength={maxQueryLength}
              enterKeyHint="search"
              aria-describedby="search-tips-hint"
            />
            <button type="submit" class="search-submit">
              <SearchIcon />
              <span>Search</span>
            </button>
          </div>
          <p id="search-tips-hint" class="search-hint">
            Use quotes for a phrase ("prime minister"), a minus sign to leave a word out (nato -summit) and
            "or" for either word.
          </p>
        </div>
        <details class="search-filters" open={filtered}>
          <summary>Filter results</summary>
          <div class="search-filter-grid">
            <p class="search-field">
              <label for="search-section">Section</label>
              <select id="search-section" name="section">
                <option value="">All sections</option>
                {props.sections.map((s) => (
                  <option value={s.slug} selected={s.slug === input.section}>
                    {s.name}
                  </option>
                ))}
              </select>
            </p>
            <p class="search-field">
              <label for="search-author">Author</label>
              <select id="search-author" name="author">
                <option value="">All authors</option>
                {props.authors.map((a) => (
                  <option value={a.slug} selected={a.slug === input.author}>
                    {a.name}
                  </option>
                ))}
              </select>
            </p>
            <p class="search-field">
              <label for="search-from">From</label>
              <input id="search-from" type="date" name="from" value={input.from ?? ''} />
            </p>
            <p class="search-field">
              <label for="search-to">To</label>
              <input id="search-to" type="date" name="to" value={input.to ?? ''} />
            </p>
          </div>
        </details>
      </form>
    </search>
  );
}
