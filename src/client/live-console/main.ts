/**
 * The live console: post an update in a few keystrokes (focus starts in the text box; Ctrl/Cmd+Enter
 * posts), and act on the updates below without reloading. The list is always the server's rendering
 * (the same components readers see); it is refreshed after every action and whenever another reporter
 * posts (the blog's live topic), with polling as the fallback when the stream is unavailable.
 */
interface EntryJson {
  id: number;
  version: number;
  title: string | null;
  /** The quick-format text, or null when the update holds blocks it cannot express (pictures…). */
  text: string | null;
  keyEvent: boolean;
  pinned: boolean;
}

interface ConsoleJson {
  live: boolean;
  total: number;
  entries: EntryJson[];
  html: string;
}

const root = document.querySelector<HTMLElement>('.live-console');
if (root) start(root);

function start(root: HTMLElement): void {
  const articleId = root.dataset.articleId ?? '';
  const csrf = document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? '';
  const form = root.querySelector<HTMLFormElement>('.lc-compose');
  const list = root.querySelector<HTMLElement>('.lc-entries');
  if (!form || !list) return;
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement;
  const text = field('text') as HTMLTextAreaElement;
  const title = field('title') as HTMLInputElement;
  const keyEvent = field('keyEvent') as HTMLInputElement;
  const pinned = field('pinned') as HTMLInputElement;
  const correction = field('correction') as HTMLInputElement;
  const correctionField = form.querySelector<HTMLElement>('.lc-correction-field');
  const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  const cancel = form.querySelector<HTMLButtonElement>('[data-action="cancel"]');
  const heading = form.querySelector('h2');
  const message = form.querySelector<HTMLElement>('.lc-message');
  const count = root.querySelector('.lc-count');
  let entries = new Map<number, EntryJson>();
  /** The update being edited, or null when the form posts a new one. */
  let editing: EntryJson | null = null;
  let busy = false;
  /** An ended blog takes no new updates, but its updates can still be edited and corrected. */
  const ended = root.querySelector('.lc-state-ended') !== null;

  const say = (words: string, error = false) => {
    if (!message) return;
    message.textContent = words;
    message.classList.toggle('form-error', error);
  };

  const call = async (method: string, url: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(url, {
      method,
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
    if (response.status === 204) return null;
    const answer: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const words = (answer as { message?: string } | null)?.message ?? 'That did not work. Try again.';
      throw new Error(words);
    }
    return answer;
  };

  const refresh = async () => {
    const data = (await call('GET', `/admin/api/live/${articleId}`)) as ConsoleJson;
    entries = new Map(data.entries.map((entry) => [entry.id, entry]));
    list.innerHTML = data.html;
    if (count) count.textContent = data.total === 1 ? '1 update' : `${data.total} updates`;
  };

  const resetForm = () => {
    editing = null;
    form.reset();
    form.dataset.mode = 'post';
    if (correctionField) correctionField.hidden = true;
    if (cancel) cancel.hidden = true;
    if (submit) {
      submit.textContent = 'Post update';
      submit.disabled = ended;
    }
    text.disabled = ended;
    if (heading) heading.textContent = 'New update';
  };

  const edit = (entry: EntryJson, correcting: boolean) => {
    if (entry.text === null) {
      say('This update has pictures or embeds; only its title and flags can be changed here.', true);
    }
    editing = entry;
    form.dataset.mode = 'edit';
    title.value = entry.title ?? '';
    text.value = entry.text ?? '';
    text.disabled = entry.text === null;
    keyEvent.checked = entry.keyEvent;
    pinned.checked = entry.pinned;
    correction.value = '';
    if (correctionField) correctionField.hidden = !correcting;
    correction.required = correcting;
    if (cancel) cancel.hidden = false;
    if (submit) {
      submit.textContent = correcting ? 'Save correction' : 'Save changes';
      submit.disabled = false;
    }
    if (heading) heading.textContent = correcting ? 'Correct an update' : 'Edit an update';
    (correcting ? correction : entry.text === null ? title : text).focus();
  };

  const send = async () => {
    if (busy || !form.reportValidity()) return;
    busy = true;
    try {
      if (editing) {
        const changes: Record<string, unknown> = {
          version: editing.version,
          title: title.value.trim() || null,
          keyEvent: keyEvent.checked,
          pinned: pinned.checked,
        };
        if (editing.text !== null && text.value !== editing.text) changes.text = text.value;
        if (correction.value.trim()) changes.correction = correction.value.trim();
        await call('PATCH', `/admin/api/live/entries/${editing.id}`, changes);
        say('Saved.');
      } else {
        await call('POST', `/admin/api/live/${articleId}/entries`, {
          title: title.value.trim() || null,
          text: text.value,
          keyEvent: keyEvent.checked,
          pinned: pinned.checked,
        });
        say('Posted. Readers see it now.');
      }
      resetForm();
      text.focus();
      await refresh();
    } catch (error) {
      say((error as Error).message, true);
      // A stale edit: show what the other person saved, keep the text the reporter typed.
      if (editing) await refresh().catch(() => {});
    } finally {
      busy = false;
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void send();
  });
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void send();
    }
  });
  cancel?.addEventListener('click', () => {
    resetForm();
    say('');
    text.focus();
  });

  const act = async (action: string, entry: EntryJson) => {
    switch (action) {
      case 'edit':
      case 'correct':
        edit(entry, action === 'correct');
        return;
      case 'pin':
        await call('PATCH', `/admin/api/live/entries/${entry.id}`, {
          version: entry.version,
          pinned: !entry.pinned,
        });
        say(entry.pinned ? 'Unpinned.' : 'Pinned to the top.');
        break;
      case 'key':
        await call('PATCH', `/admin/api/live/entries/${entry.id}`, {
          version: entry.version,
          keyEvent: !entry.keyEvent,
        });
        say(entry.keyEvent ? 'No longer a key event.' : 'Marked as a key event.');
        break;
      case 'delete':
        if (!window.confirm('Delete this update? Readers will no longer see it.')) return;
        await call('POST', `/admin/api/live/entries/${entry.id}/delete`, { version: entry.version });
        say('Deleted.');
        break;
    }
    await refresh();
  };

  list.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
    const item = button?.closest<HTMLElement>('.lc-item');
    const entry = entries.get(Number(item?.dataset.entryId));
    if (!button || !entry) return;
    act(button.dataset.action ?? '', entry).catch(async (error: unknown) => {
      say((error as Error).message, true);
      await refresh().catch(() => {});
    });
  });

  root
    .querySelector<HTMLButtonElement>('.page-head [data-action]')
    ?.addEventListener('click', async (event) => {
      const button = event.currentTarget as HTMLButtonElement;
      const ending = button.dataset.action === 'end';
      if (ending && !window.confirm('End this live blog? Readers will see that it has ended.')) return;
      try {
        await call('POST', `/admin/api/live/${articleId}/${ending ? 'end' : 'reopen'}`);
        window.location.reload();
      } catch (error) {
        say((error as Error).message, true);
      }
    });

  // Other reporters' posts: the blog's live stream when there is one, a gentle poll otherwise.
  let timer = 0;
  const soon = () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void refresh().catch(() => {}), 300);
  };
  const topic = root.dataset.topic;
  if (topic && 'EventSource' in window) {
    const source = new EventSource(`/live/events?topics=${encodeURIComponent(topic)}`);
    source.onmessage = soon;
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) window.setInterval(soon, 15_000);
    };
  } else window.setInterval(soon, 15_000);

  void refresh().catch(() => {});
  text.focus();
}

export {};
