import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.ts';
import type { TagOption } from '../types.ts';
import { useDebounced, useUniqueId } from './hooks.ts';
import { Icon } from './icons.tsx';

/**
 * Tags as chips. Type and press Enter or a comma to add; suggestions come from the tags already in use
 * (a combobox: arrow keys to choose). Backspace in the empty box removes the last tag.
 */
export function TagsInput({
  tags,
  onChange,
  disabled,
}: {
  tags: string[];
  onChange(tags: string[]): void;
  disabled?: boolean;
}) {
  const [text, setText] = useState('');
  const [options, setOptions] = useState<TagOption[]>([]);
  const [active, setActive] = useState(-1);
  const settled = useDebounced(text.trim(), 200);
  const id = useUniqueId();

  useEffect(() => {
    if (settled === '') return setOptions([]);
    let stale = false;
    api.tags(settled).then(
      (found) => {
        if (stale) return;
        const taken = new Set(tags.map((tag) => tag.toLowerCase()));
        setOptions(found.filter((tag) => !taken.has(tag.name.toLowerCase())).slice(0, 8));
        setActive(-1);
      },
      () => setOptions([]),
    );
    return () => {
      stale = true;
    };
  }, [settled]);

  const add = (name: string) => {
    const tag = name.trim().replace(/\s+/g, ' ');
    setText('');
    setOptions([]);
    setActive(-1);
    if (!tag || tags.some((one) => one.toLowerCase() === tag.toLowerCase())) return;
    onChange([...tags, tag]);
  };
  const remove = (tag: string) => onChange(tags.filter((one) => one !== tag));

  const onKeyDown = (event: KeyboardEvent) => {
    const open = options.length > 0;
    if (event.key === 'ArrowDown' && open) setActive((active + 1) % options.length);
    else if (event.key === 'ArrowUp' && open) setActive((active - 1 + options.length) % options.length);
    else if (event.key === 'Enter' || event.key === ',') {
      if (text.trim() === '' && event.key === 'Enter') return;
      add(open && active >= 0 ? (options[active]?.name ?? text) : text);
    } else if (event.key === 'Escape' && open) setOptions([]);
    else if (event.key === 'Backspace' && text === '' && tags.length > 0) return remove(tags.at(-1) ?? '');
    else return;
    event.preventDefault();
  };

  const listId = `${id}-list`;
  return (
    <div class="ed-field">
      <label class="ed-field-label" for={`${id}-input`}>
        Tags
      </label>
      <div class="ed-chips">
        <ul class="ed-chip-list" aria-label="Tags on this article">
          {tags.map((tag) => (
            <li key={tag} class="ed-chip">
              {tag}
              <button
                type="button"
                aria-label={`Remove tag ${tag}`}
                disabled={disabled}
                onClick={() => remove(tag)}
              >
                <Icon name="close" />
              </button>
            </li>
          ))}
        </ul>
        <input
          id={`${id}-input`}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={options.length > 0}
          aria-controls={listId}
          aria-activedescendant={active >= 0 && active < options.length ? `${id}-opt-${active}` : undefined}
          value={text}
          disabled={disabled}
          placeholder={tags.length ? 'Add another…' : 'Add a tag…'}
          onInput={(e) => {
            const value = e.currentTarget.value;
            if (value.includes(',')) value.split(',').slice(0, -1).forEach(add);
            setText(value.includes(',') ? (value.split(',').at(-1) ?? '') : value);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setTimeout(() => setOptions([]), 150)}
        />
      </div>
      <div
        id={listId}
        role="listbox"
        class="ed-suggestions"
        aria-label="Suggested tags"
        hidden={options.length === 0}
      >
        {options.map((option, index) => (
          <div
            key={option.slug}
            id={`${id}-opt-${index}`}
            role="option"
            tabIndex={-1}
            aria-selected={index === active}
            class={index === active ? 'ed-suggestion ed-suggestion-active' : 'ed-suggestion'}
            onMouseDown={(event) => {
              event.preventDefault();
              add(option.name);
            }}
          >
            {option.name}
          </div>
        ))}
      </div>
      <span class="ed-hint">Press Enter or type a comma to add a tag.</span>
    </div>
  );
}
