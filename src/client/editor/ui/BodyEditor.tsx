import { Editor } from '@tiptap/core';
import { useEffect, useRef, useState } from 'preact/hooks';
import { blocksToDoc, type DocNode, docToBlocks } from '../mapping.ts';
import { cleanPastedHtml } from '../paste.ts';
import type { EditorServices } from '../services.ts';
import type { EditorSession } from '../session.ts';
import { editorExtensions } from '../tiptap/extensions.ts';
import { redrawCards } from '../tiptap/node-view.ts';
import type { BodyHandle } from './body-handle.ts';
import type { Dialogs } from './dialogs.ts';
import { Toolbar } from './Toolbar.tsx';

interface Props {
  session: EditorSession;
  services: EditorServices;
  dialogs: Dialogs;
  handle: BodyHandle;
}

/** The story itself: the toolbar and the Tiptap editor, created once and read back as blocks. */
export function BodyEditor({ session, services, dialogs, handle }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const [editor, setEditor] = useState<Editor | null>(null);

  useEffect(() => {
    const created = new Editor({
      element: host.current,
      extensions: editorExtensions(services),
      content: blocksToDoc(session.article.body),
      editable: session.canEdit,
      // The site's CSP forbids <style> elements; ProseMirror's base styles are in editor.css instead.
      injectCSS: false,
      editorProps: {
        transformPastedHTML: cleanPastedHtml,
        // Keep the caret clear of the sticky top bar and toolbar while typing near the top of the window.
        scrollThreshold: { top: 140, bottom: 48, left: 0, right: 0 },
        scrollMargin: { top: 140, bottom: 48, left: 0, right: 0 },
        attributes: {
          class: 'ed-body',
          'aria-label': 'Article body',
          'aria-multiline': 'true',
          role: 'textbox',
          spellcheck: 'true',
        },
      },
      onUpdate: () => session.bodyChanged(),
      onBlur: () => void session.saver.flush(),
    });
    session.attachBody({
      get: () => docToBlocks(created.getJSON() as DocNode),
      set: (blocks) => created.commands.setContent(blocksToDoc(blocks), { emitUpdate: false }),
    });
    handle.editor = created;
    setEditor(created);
    return () => {
      handle.editor = null;
      created.destroy();
    };
  }, []);

  // Losing the right to edit (a conflict) makes the body read-only until the page is reloaded.
  const editable = session.canEdit;
  useEffect(() => {
    if (!editor || editor.isEditable === editable) return;
    editor.setEditable(editable);
    redrawCards(editor);
  }, [editor, editable]);

  return (
    <section class="ed-body-section" aria-label="Article text">
      {editor && editable && <Toolbar editor={editor} services={services} dialogs={dialogs} />}
      <div ref={host} class="ed-body-host" />
    </section>
  );
}
