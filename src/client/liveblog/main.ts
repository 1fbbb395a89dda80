/**
 * Live blog updates on the reader page. Listens to the `broadsheet:live` events the live-stream island
 * dispatches for this blog's topic; every entry arrives as HTML rendered on the server by the same
 * components as the page. New entries go in at once when the reader is at the top of the list, otherwise
 * they wait behind a fixed "N new updates" button (nothing moves under the reader's eyes). Edited entries
 * are replaced in place, deleted ones removed, the key-events list kept in step, and a polite live region
 * says what arrived without moving focus.
 */
interface LiveDetail {
  topic: string;
  type: string;
  id: number;
  data: unknown;
}

interface EntryData {
  id: number;
  version: number;
  postedAt: string;
  pinned: boolean;
  html: string;
  keyEventsHtml?: string;
}

const root = document.querySelector<HTMLElement>('[data-liveblog]');
if (root) follow(root);

function follow(root: HTMLElement): void {
  const topic = `liveblog:${root.dataset.liveblog}`;
  const firstPage = root.dataset.page === '1';
  const list = root.querySelector<HTMLElement>('.lb-entries');
  const heading = root.querySelector<HTMLElement>('.lb-updates-title');
  const newBox = root.querySelector<HTMLElement>('.lb-new');
  const newButton = root.querySelector<HTMLButtonElement>('.lb-new-button');
  const announcer = root.querySelector<HTMLElement>('.lb-announcer');
  const keyNav = root.querySelector<HTMLElement>('.lb-key-events');
  if (!list || !heading || !newBox || !newButton || !announcer) return;
  /** Entries that arrived while the reader was further down, in arrival order. */
  const pending = new Map<number, HTMLElement>();

  const byId = (id: number) => document.getElementById(`update-${id}`);

  const parse = (html: string): HTMLElement | null => {
    const template = document.createElement('template');
    template.innerHTML = html;
    const element = template.content.firstElementChild;
    return element instanceof HTMLElement ? element : null;
  };

  const announce = (text: string) => {
    // Cleared first, so the same words said twice are still read out.
    announcer.textContent = '';
    window.setTimeout(() => {
      announcer.textContent = text;
    }, 100);
  };

  const updatesText = (n: number) => (n === 1 ? '1 new update' : `${n} new updates`);

  const showButton = () => {
    newBox.hidden = pending.size === 0;
    newButton.textContent = `Show ${updatesText(pending.size)}`;
  };

  /** The reader has not scrolled into the list yet: inserting above them moves nothing they read. */
  const atTop = () => heading.getBoundingClientRect().top > -40;

  const pinnedSlot = (): HTMLElement => {
    let slot = root.querySelector<HTMLElement>('.lb-pinned-slot');
    if (!slot) {
      slot = document.createElement('div');
      slot.className = 'lb-pinned-slot';
      list.before(slot);
    }
    return slot;
  };

  /** Puts an entry where the page would have rendered it: the pinned slot, or by time, newest first. */
  const place = (element: HTMLElement) => {
    root.querySelector('.lb-empty')?.remove();
    if (element.classList.contains('lb-pinned')) {
      const slot = pinnedSlot();
      for (const old of [...slot.children]) if (old !== element) list.prepend(old);
      slot.append(element);
      return;
    }
    const posted = element.dataset.posted ?? '';
    const next = [...list.children].find(
      (child) => child instanceof HTMLElement && (child.dataset.posted ?? '') < posted,
    );
    if (next) next.before(element);
    else list.append(element);
  };

  const reveal = () => {
    const arrived = [...pending.values()];
    pending.clear();
    showButton();
    for (const element of arrived) place(element);
    const newest = arrived.at(-1);
    if (newest) {
      // The reader asked for them: take them to the newest, where reading continues.
      newest.tabIndex = -1;
      newest.focus();
    }
  };

  const keyEvents = (html: string | undefined) => {
    // Older pages link key events to permalinks; the pushed list links within the first page.
    if (!keyNav || html === undefined || !firstPage) return;
    const ol = keyNav.querySelector('ol');
    if (ol) ol.innerHTML = html;
    keyNav.hidden = html === '';
  };

  const entryArrived = (data: EntryData, isNew: boolean) => {
    const element = parse(data.html);
    if (!element) return;
    const current = byId(data.id);
    const waiting = pending.get(data.id);
    if (current && Number(current.dataset.version) >= data.version) return; // replayed, already shown
    if (waiting) {
      pending.set(data.id, element);
      return;
    }
    if (current) {
      const moved = current.classList.contains('lb-pinned') !== element.classList.contains('lb-pinned');
      if (moved) {
        current.remove();
        place(element);
      } else current.replaceWith(element);
      return;
    }
    // Only the first page lists the newest entries; older pages and unseen edits are left alone.
    if (!firstPage || (!isNew && !element.classList.contains('lb-pinned'))) return;
    if (isNew && !atTop()) {
      pending.set(data.id, element);
      showButton();
      announce(updatesText(pending.size));
      return;
    }
    place(element);
    if (isNew) announce(updatesText(1));
  };

  newButton.addEventListener('click', reveal);

  // A key event whose entry is still waiting behind the button: show the new entries first.
  keyNav?.addEventListener('click', (event) => {
    const link = (event.target as Element).closest('a');
    const id = Number(link?.getAttribute('href')?.replace('#update-', ''));
    if (pending.has(id)) reveal();
  });

  document.addEventListener('broadsheet:live', (event) => {
    const detail = (event as CustomEvent<LiveDetail>).detail;
    if (!detail || detail.topic !== topic) return;
    const data = (detail.data ?? {}) as Partial<EntryData> & { statusHtml?: string };
    switch (detail.type) {
      case 'entry':
      case 'entry-updated':
        if (typeof data.id === 'number' && typeof data.html === 'string') {
          entryArrived(data as EntryData, detail.type === 'entry');
        }
        keyEvents(data.keyEventsHtml);
        break;
      case 'entry-deleted':
        if (typeof data.id === 'number') {
          byId(data.id)?.remove();
          if (pending.delete(data.id)) showButton();
        }
        keyEvents(data.keyEventsHtml);
        break;
      case 'ended':
      case 'reopened': {
        const status = data.statusHtml ? parse(data.statusHtml) : null;
        if (status) root.querySelector('.lb-status')?.replaceWith(status);
        const badge = document.querySelector('.lb-badge, .lb-badge-ended');
        if (badge) {
          const live = detail.type === 'reopened';
          badge.className = live ? 'label label-live lb-badge' : 'label lb-badge-ended';
          badge.innerHTML = live ? '<span class="lb-dot" aria-hidden="true"></span>Live' : 'Live blog';
        }
        root.dataset.live = String(detail.type === 'reopened');
        announce(detail.type === 'ended' ? 'This live blog has ended.' : 'This live blog is live again.');
        break;
      }
    }
  });
}

export {};
