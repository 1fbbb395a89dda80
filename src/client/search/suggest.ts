import { isSuggestResponse, type Suggestion, type SuggestResponse, type TextPiece } from './types.ts';

/**
 * Search-as-you-type for a plain GET search form (the form works the same without this script).
 * The input becomes an ARIA 1.2 combobox with a listbox of suggestions: arrow keys move through them,
 * Enter opens one (or submits the form as usual), Escape closes the list. Text from the server is put
 * into the page with textContent and <mark> elements only, never as HTML.
 */
const minLength = 2;
const debounceMs = 180;
const maxCached = 50;
let instances = 0;

function highlighted(pieces: readonly TextPiece[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const piece of pieces) {
    if (piece.match) {
      const mark = document.createElement('mark');
      mark.textContent = piece.text;
      fragment.append(mark);
    } else {
      fragment.append(document.createTextNode(piece.text));
    }
  }
  return fragment;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = className;
  return el;
}

export function enhance(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]');
  if (!input || form.dataset.enhanced === 'true') return;
  form.dataset.enhanced = 'true';
  const id = `search-suggest-${++instances}`;
  const list = element('ul', 'suggest-list');
  list.id = id;
  list.setAttribute('role', 'listbox');
  list.setAttribute('aria-label', 'Suggested stories');
  list.hidden = true;
  const status = element('p', 'visually-hidden');
  status.setAttribute('role', 'status');
  // The list hangs under the input's own row, so it lines up with the input in any layout.
  const host = input.parentElement ?? form;
  host.classList.add('has-suggest');
  host.append(list);
  form.append(status);

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', id);

  const cache = new Map<string, SuggestResponse>();
  let timer: number | undefined;
  let controller: AbortController | undefined;
  let options: { el: HTMLLIElement; url: string }[] = [];
  let active = -1;

  const setActive = (index: number) => {
    active = index;
    options.forEach((option, i) => {
      option.el.setAttribute('aria-selected', String(i === index));
    });
    const current = options[index];
    if (current) {
      input.setAttribute('aria-activedescendant', current.el.id);
      current.el.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  };

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    setActive(-1);
  };

  const allResultsUrl = (q: string) => {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (typeof value === 'string' && value !== '' && name !== 'q' && name !== 'page')
        params.append(name, value);
    }
    params.set('q', q);
    return `${form.getAttribute('action') ?? '/search'}?${params.toString()}`;
  };

  const render = (q: string, data: SuggestResponse) => {
    list.replaceChildren();
    options = [];
    data.results.forEach((result: Suggestion, i) => {
      const li = element('li', 'suggest-option');
      li.id = `${id}-${i}`;
      li.setAttribute('role', 'option');
      const kicker = element('span', 'suggest-kicker');
      kicker.textContent = result.section.name;
      const headline = element('span', 'suggest-headline');
      headline.append(highlighted(result.headline));
      li.append(kicker, headline);
      list.append(li);
      options.push({ el: li, url: result.url });
    });
    const all = element('li', 'suggest-option suggest-all');
    all.id = `${id}-all`;
    all.setAttribute('role', 'option');
    all.textContent =
      data.total > 0
        ? `See all ${data.total} results for “${q}”`
        : `No stories match “${q}” yet: search anyway`;
    list.append(all);
    options.push({ el: all, url: allResultsUrl(q) });
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    setActive(-1);
    status.textContent =
      data.results.length > 0
        ? `${data.results.length} suggestions. Use the up and down arrow keys to choose one.`
        : 'No suggestions.';
  };

  const lookup = async (q: string) => {
    const cached = cache.get(q);
    if (cached) return render(q, cached);
    controller?.abort();
    controller = new AbortController();
    try {
      const response = await fetch(`/search.json?${new URLSearchParams({ q, limit: '5' })}`, {
        signal: controller.signal,
        headers: { accept: 'application/json' },
        credentials: 'same-origin',
      });
      if (!response.ok) return close();
      const data: unknown = await response.json();
      if (!isSuggestResponse(data)) return close();
      if (cache.size >= maxCached) cache.delete(cache.keys().next().value ?? '');
      cache.set(q, data);
      // Only the latest query's answer is shown, however the responses arrive.
      if (input.value.trim() === q) render(q, data);
    } catch {
      // Aborted or offline: the plain form still works.
    }
  };

  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < minLength) {
      controller?.abort();
      close();
      return;
    }
    timer = window.setTimeout(() => void lookup(q), debounceMs);
  });

  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (list.hidden) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const next = active + step;
      setActive(next < -1 ? options.length - 1 : next >= options.length ? -1 : next);
    } else if (event.key === 'Enter') {
      const current = options[active];
      if (!list.hidden && current) {
        event.preventDefault();
        window.location.assign(current.url);
      }
    } else if (event.key === 'Escape') {
      if (!list.hidden) {
        event.preventDefault();
        close();
      }
    }
  });

  // Keep focus in the input while the pointer picks an option, then follow it.
  list.addEventListener('mousedown', (event) => event.preventDefault());
  list.addEventListener('click', (event) => {
    const target = (event.target as Element).closest('[role="option"]');
    const option = options.find((o) => o.el === target);
    if (option) window.location.assign(option.url);
  });
  input.addEventListener('blur', close);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !list.hidden) close();
  });
}
