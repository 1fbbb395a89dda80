import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../api.ts';
import type { ArticleHit } from '../types.ts';
import { useDebounced } from './hooks.ts';
import { Icon } from './icons.tsx';
import { Modal } from './Modal.tsx';
import { StatusPill } from './StatusPill.tsx';

/** Finds another article for a "Read more" link or a teaser. */
export function ArticlePicker(props: {
  purpose: 'readMore' | 'teaser';
  currentId: number;
  onPick(hit: ArticleHit): void;
  onClose(): void;
}) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<ArticleHit[] | null>(null);
  const [error, setError] = useState('');
  const settled = useDebounced(query, 250);

  useEffect(() => {
    let stale = false;
    api.searchArticles(settled.trim()).then(
      (answer) => {
        if (!stale) setHits(answer.filter((hit) => hit.id !== props.currentId));
      },
      (failure: unknown) => {
        if (!stale) setError(messageOf(failure));
      },
    );
    return () => {
      stale = true;
    };
  }, [settled]);

  const title = props.purpose === 'readMore' ? 'Insert a “Read more” link' : 'Insert a related story teaser';
  return (
    <Modal title={title} onClose={props.onClose}>
      <div class="ed-search">
        <Icon name="search" />
        <input
          type="search"
          data-autofocus
          aria-label="Search articles by headline"
          placeholder="Search articles by headline"
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      </div>
      {error && <p class="ed-error-text">{error}</p>}
      <ul class="ed-results" aria-label="Articles" aria-busy={hits === null ? 'true' : undefined}>
        {hits?.map((hit) => (
          <li key={hit.id}>
            <button type="button" class="ed-result" onClick={() => props.onPick(hit)}>
              <span class="ed-result-headline">{hit.headline}</span>
              <span class="ed-result-meta">
                {hit.section} <StatusPill status={hit.status} />
              </span>
            </button>
          </li>
        ))}
      </ul>
      {hits?.length === 0 && <p class="ed-empty">No articles match “{settled}”.</p>}
    </Modal>
  );
}
