import type { Content, Editor } from '@tiptap/core';
import { NodeSelection } from '@tiptap/pm/state';
import { N } from '../mapping.ts';
import type { ArticleHit, EmbedProvider, MediaItem } from '../types.ts';

/**
 * Inserting cards at the cursor (or where the cursor was before a dialog took focus). A freshly inserted
 * card stays selected; inserting again must go after it, never replace it.
 */
function insertCard(editor: Editor, content: Content): void {
  const { selection } = editor.state;
  const chain = editor.chain().focus();
  if (selection instanceof NodeSelection) chain.insertContentAt(selection.to, content);
  else chain.insertContent(content);
  chain.run();
}

export function insertImage(editor: Editor, item: MediaItem): void {
  insertCard(editor, { type: N.image, attrs: { mediaId: item.id, alt: null, caption: null, credit: null } });
}

export function insertEmbed(
  editor: Editor,
  embed: { provider: EmbedProvider; url: string; title: string; caption: string | null },
): void {
  insertCard(editor, { type: N.embed, attrs: embed });
}

export function insertArticleLink(editor: Editor, kind: 'readMore' | 'teaser', hit: ArticleHit): void {
  const attrs = kind === 'teaser' ? { articleId: hit.id, kicker: null } : { articleId: hit.id };
  insertCard(editor, { type: N[kind], attrs });
}

export function insertFactbox(editor: Editor): void {
  insertCard(editor, {
    type: N.factbox,
    attrs: { title: '' },
    content: [{ type: N.bulletList, content: [{ type: N.listItem, content: [{ type: N.paragraph }] }] }],
  });
  // Start with the title: the box around the cursor. Tiptap focuses the body on the next frame, so wait
  // one more before moving focus to the title field.
  const { $from } = editor.state.selection;
  for (let depth = $from.depth; depth > 0; depth -= 1) {
    if ($from.node(depth).type.name !== N.factbox) continue;
    const dom = editor.view.nodeDOM($from.before(depth));
    const title = dom instanceof HTMLElement ? dom.querySelector('input') : null;
    requestAnimationFrame(() => requestAnimationFrame(() => title?.focus()));
    return;
  }
}

export function insertDivider(editor: Editor): void {
  insertCard(editor, { type: N.divider });
}

/** Quote and pull quote toggle like headings: a second press turns the block back into a paragraph. */
export function toggleBlock(editor: Editor, type: 'quote' | 'pullquote'): void {
  editor.chain().focus().toggleNode(N[type], N.paragraph).run();
}
