import { Extension, type Extensions } from '@tiptap/core';
import Bold from '@tiptap/extension-bold';
import Document from '@tiptap/extension-document';
import Heading from '@tiptap/extension-heading';
import Italic from '@tiptap/extension-italic';
import Link from '@tiptap/extension-link';
import { BulletList, ListItem, OrderedList } from '@tiptap/extension-list';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';
import { Dropcursor } from '@tiptap/extensions/drop-cursor';
import { Gapcursor } from '@tiptap/extensions/gap-cursor';
import { Placeholder } from '@tiptap/extensions/placeholder';
import { TrailingNode } from '@tiptap/extensions/trailing-node';
import { UndoRedo } from '@tiptap/extensions/undo-redo';
import { N } from '../mapping.ts';
import { isSafeHref } from '../safe-href.ts';
import type { EditorServices } from '../services.ts';
import { Divider, EmbedNode, ImageNode, ReadMoreNode, TeaserNode } from './card-nodes.ts';
import { Factbox, PullQuote, Quote } from './text-nodes.ts';

/**
 * The editor's schema: exactly what a block can hold, nothing more. Headings and pull quotes take no
 * formatting; list items hold one paragraph (our lists are flat); links must pass the same isSafeHref
 * check the server applies. Node views need the page's services; without them (tests) the schema is the same.
 */
export function schemaExtensions(services: EditorServices | null = null): Extensions {
  return [
    Document,
    Text,
    Paragraph,
    Heading.extend({ marks: '' }).configure({ levels: [2, 3] }),
    Bold,
    Italic,
    // Not inclusive: typing straight after a link must not stretch it over the next words.
    Link.extend({ inclusive: false }).configure({
      openOnClick: false,
      autolink: true,
      linkOnPaste: true,
      defaultProtocol: 'https',
      HTMLAttributes: { rel: 'noopener noreferrer', target: null },
      isAllowedUri: (url) => isSafeHref(url),
    }),
    BulletList,
    OrderedList,
    ListItem.extend({ content: N.paragraph }),
    Quote.configure({ services }),
    PullQuote.configure({ services }),
    Factbox.configure({ services }),
    ImageNode.configure({ services }),
    EmbedNode.configure({ services }),
    ReadMoreNode.configure({ services }),
    TeaserNode.configure({ services }),
    Divider,
  ];
}

/** Ctrl/Cmd+K opens the link box (Ctrl/Cmd+S is handled page-wide, so it also works in the form fields). */
function shortcuts(services: EditorServices) {
  return Extension.create({
    name: 'broadsheetShortcuts',
    addKeyboardShortcuts: () => ({
      'Mod-k': () => {
        services.openLinkDialog();
        return true;
      },
    }),
  });
}

export function editorExtensions(services: EditorServices): Extensions {
  return [
    ...schemaExtensions(services),
    UndoRedo,
    Dropcursor.configure({ color: '#1a73e8', width: 2 }),
    Gapcursor,
    // Always leave an empty paragraph after a card, so there is somewhere to keep typing.
    TrailingNode.configure({ node: N.paragraph }),
    Placeholder.configure({ placeholder: 'Write the story…' }),
    shortcuts(services),
  ];
}
