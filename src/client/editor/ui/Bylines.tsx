import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.ts';
import type { AuthorOption, Byline } from '../types.ts';
import { useUniqueId } from './hooks.ts';
import { Icon } from './icons.tsx';

/** Ordered bylines: the first name is the lead byline. Reorder with the arrow buttons. */
export function Bylines({
  authors,
  onChange,
  disabled,
}: {
  authors: Byline[];
  onChange(authors: Byline[]): void;
  disabled?: boolean;
}) {
  const [options, setOptions] = useState<AuthorOption[] | null>(null);
  const id = useUniqueId();
  useEffect(() => {
    api.authors().then(setOptions, () => setOptions([]));
  }, []);

  const move = (index: number, by: number) => {
    const next = [...authors];
    const [author] = next.splice(index, 1);
    if (!author) return;
    next.splice(index + by, 0, author);
    onChange(next);
  };
  const chosen = new Set(authors.map((author) => author.id));
  const available = (options ?? []).filter((option) => !chosen.has(option.id));

  return (
    <div class="ed-field">
      <span class="ed-field-label" id={`${id}-label`}>
        Bylines
      </span>
      {authors.length === 0 && <p class="ed-warn-text">No byline yet.</p>}
      <ol class="ed-bylines" aria-labelledby={`${id}-label`}>
        {authors.map((author, index) => (
          <li key={author.id} class="ed-byline">
            <span class="ed-byline-name">{author.name}</span>
            <span class="ed-byline-actions">
              <button
                type="button"
                class="ed-icon-btn"
                aria-label={`Move ${author.name} up`}
                disabled={disabled || index === 0}
                onClick={() => move(index, -1)}
              >
                <Icon name="up" />
              </button>
              <button
                type="button"
                class="ed-icon-btn"
                aria-label={`Move ${author.name} down`}
                disabled={disabled || index === authors.length - 1}
                onClick={() => move(index, 1)}
              >
                <Icon name="down" />
              </button>
              <button
                type="button"
                class="ed-icon-btn ed-danger"
                aria-label={`Remove ${author.name} from the bylines`}
                disabled={disabled}
                onClick={() => onChange(authors.filter((one) => one.id !== author.id))}
              >
                <Icon name="close" />
              </button>
            </span>
          </li>
        ))}
      </ol>
      <select
        aria-label="Add a byline"
        class="ed-select"
        value=""
        disabled={disabled || options === null}
        onChange={(event) => {
          const picked = available.find((option) => option.id === Number(event.currentTarget.value));
          if (picked) onChange([...authors, { id: picked.id, name: picked.name }]);
          event.currentTarget.value = '';
        }}
      >
        <option value="">{options === null ? 'Loading people…' : '+ Add a byline…'}</option>
        {available.map((option) => (
          <option key={option.id} value={option.id}>
            {option.jobTitle ? `${option.name} — ${option.jobTitle}` : option.name}
          </option>
        ))}
      </select>
    </div>
  );
}
