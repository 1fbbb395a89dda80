import type { Editor } from '@tiptap/core';
import { useState } from 'preact/hooks';
import { detectEmbed, providerNames } from '../embeds.ts';
import { insertEmbed } from '../tiptap/commands.ts';
import { Modal } from './Modal.tsx';

/** Paste a link; we say what it is (YouTube, X, a video or audio file) before anything is inserted. */
export function EmbedDialog({ editor, onClose }: { editor: Editor; onClose(): void }) {
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [caption, setCaption] = useState('');
  const [touched, setTouched] = useState(false);
  const guess = url.trim() ? detectEmbed(url) : null;

  const submit = (event: Event) => {
    event.preventDefault();
    setTouched(true);
    if (!guess?.ok) return;
    insertEmbed(editor, {
      provider: guess.provider,
      url: guess.url,
      title: title.trim() || guess.title,
      caption: caption.trim() || null,
    });
    onClose();
  };

  return (
    <Modal title="Embed from a link" onClose={onClose} size="small">
      <form class="ed-form" onSubmit={submit}>
        <label class="ed-field">
          <span class="ed-field-label">Web address</span>
          <input
            type="text"
            inputMode="url"
            data-autofocus
            value={url}
            placeholder="https://www.youtube.com/watch?v=…"
            aria-describedby="ed-embed-detected"
            onInput={(e) => setUrl(e.currentTarget.value)}
          />
        </label>
        <p id="ed-embed-detected" class={guess && !guess.ok ? 'ed-error-text' : 'ed-hint'} aria-live="polite">
          {guess === null
            ? 'YouTube, X (Twitter) posts, and video or audio files over https.'
            : guess.ok
              ? `Recognised: ${providerNames[guess.provider]}. Readers load it only when they choose to.`
              : touched || url.length > 8
                ? guess.message
                : ''}
        </p>
        <label class="ed-field">
          <span class="ed-field-label">Title</span>
          <input
            type="text"
            value={title}
            placeholder={guess?.ok ? guess.title : 'What it shows'}
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
        </label>
        <label class="ed-field">
          <span class="ed-field-label">Caption (optional)</span>
          <input type="text" value={caption} onInput={(e) => setCaption(e.currentTarget.value)} />
        </label>
        <div class="ed-form-actions">
          <button type="submit" class="ed-btn ed-btn-primary" disabled={!guess?.ok}>
            Insert embed
          </button>
        </div>
      </form>
    </Modal>
  );
}
