import { Node } from '@tiptap/core';
import { h } from 'preact';
import { N } from '../mapping.ts';
import type { EditorServices } from '../services.ts';
import { textAttr } from './attrs.ts';
import { FactboxChrome, QuoteChrome } from './cards.tsx';
import { preactView } from './node-view.ts';

/** Quote, pull quote and fact box: blocks with editable text plus a field or two of their own. */

export interface NodeOptions {
  services: EditorServices | null;
}

export const Quote = Node.create<NodeOptions>({
  name: N.quote,
  group: 'block',
  content: 'inline*',
  marks: '_',
  defining: true,
  addOptions: () => ({ services: null }),
  addAttributes: () => ({ attribution: textAttr('attribution') }),
  parseHTML: () => [
    {
      tag: 'blockquote',
      // A quote is one paragraph: read the first <p> of a pasted <blockquote>, or the element itself.
      contentElement: (element) => (element as HTMLElement).querySelector('p') ?? (element as HTMLElement),
    },
  ],
  renderHTML: ({ HTMLAttributes }) => ['blockquote', HTMLAttributes, 0],
  addNodeView: () =>
    preactView({
      tag: 'figure',
      className: 'ed-quote',
      content: { tag: 'blockquote', className: 'ed-quote-text', chrome: 'after' },
      render: (api) => h(QuoteChrome, { api, kind: 'quote' }),
    }),
});

export const PullQuote = Node.create<NodeOptions>({
  name: N.pullquote,
  group: 'block',
  content: 'text*',
  marks: '',
  defining: true,
  // Before Quote, so our own copied pull quotes are not read back as quotes.
  priority: 60,
  addOptions: () => ({ services: null }),
  addAttributes: () => ({ attribution: textAttr('attribution') }),
  parseHTML: () => [{ tag: 'blockquote[data-pullquote]', priority: 60 }],
  renderHTML: ({ HTMLAttributes }) => ['blockquote', { ...HTMLAttributes, 'data-pullquote': '' }, 0],
  addNodeView: () =>
    preactView({
      tag: 'figure',
      className: 'ed-pullquote',
      content: { tag: 'blockquote', className: 'ed-pullquote-text', chrome: 'after' },
      render: (api) => h(QuoteChrome, { api, kind: 'pullquote' }),
    }),
});

export const Factbox = Node.create<NodeOptions>({
  name: N.factbox,
  group: 'block',
  content: N.bulletList,
  isolating: true,
  defining: true,
  addOptions: () => ({ services: null }),
  addAttributes: () => ({ title: textAttr('title', '') }),
  parseHTML: () => [{ tag: 'aside[data-block="factbox"]' }],
  renderHTML: ({ HTMLAttributes }) => ['aside', { ...HTMLAttributes, 'data-block': 'factbox' }, 0],
  addNodeView: () =>
    preactView({
      tag: 'aside',
      className: 'ed-factbox',
      content: { tag: 'div', className: 'ed-factbox-items', chrome: 'before' },
      render: (api) => h(FactboxChrome, { api }),
    }),
});
