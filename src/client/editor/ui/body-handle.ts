import type { Editor } from '@tiptap/core';

/** The live Tiptap editor, for dialogs that insert into the body (set once the editor exists). */
export class BodyHandle {
  editor: Editor | null = null;
}
