import type { Editor } from '@tiptap/core';
import { useState } from 'preact/hooks';
import { normaliseHref } from '../links.ts';
import { M } from '../mapping.ts';
import { Modal } from './Modal.tsx';

/** Add, change or remove a link (Ctrl/Cmd+K). With nothing selected it inserts the linked words too. */
export function LinkDialog({ editor, onClose }: { editor: Editor; onClose(): void }) {
  const current = editor.getAttributes(M.link).href;
  const hasLink = typeof current === 'string';
  const needsText = editor.state.selection.empty && !hasLink;
  const [href, setHref] = useState(hasLink ? current : '');
  const [text, setText] = useState('');
  const [error, setError] = useState('');

  const apply = (event: Event) => {
    event.preventDefault();
    const result = normaliseHref(href);
    if (!result.ok) return setError(result.message);
    const chain = editor.chain().focus();
    if (needsText) {
      const words = text.trim() || result.href;
      chain.insertContent({
        type: 'text',
        text: words,
        marks: [{ type: M.link, attrs: { href: result.href } }],
      });
    } else {
      chain.extendMarkRange(M.link).setLink({ href: result.href });
    }
    chain.run();
    onClose();
  };
  const remove = () => {
    editor.chain().focus().extendMarkRange(M.link).unsetLink().run();
    onClose();
  };

  return (
    <Modal title={hasLink ? 'Edit link' : 'Add link'} onClose={onClose} size="small">
      <form class="ed-form" onSubmit={apply}>
        {needsText && (
          <label class="ed-field">
            <span class="ed-field-label">Words to show</span>
            <input type="text" value={text} onInput={(e) => setText(e.currentTarget.value)} />
          </label>
        )}
        <label class="ed-field">
          <span class="ed-field-label">Link to</span>
          <input
            type="text"
            inputMode="url"
            data-autofocus
            value={href}
            placeholder="https://… or /section/article"
            aria-invalid={error ? 'true' : undefined}
            aria-describedby="ed-link-error"
            onInput={(e) => {
              setHref(e.currentTarget.value);
              setError('');
            }}
          />
        </label>
        <p id="ed-link-error" class="ed-error-text" role="alert">
          {error}
        </p>
        <div class="ed-form-actions">
          {hasLink && (
            <button type="button" class="ed-btn ed-btn-quiet ed-danger" onClick={remove}>
              Remove link
            </button>
          )}
          <button type="submit" class="ed-btn ed-btn-primary">
            {hasLink ? 'Update link' : 'Add link'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
