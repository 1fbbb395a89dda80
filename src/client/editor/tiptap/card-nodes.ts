import { Node } from '@tiptap/core';
import { h } from 'preact';
import { N } from '../mapping.ts';
import { idAttr, textAttr } from './attrs.ts';
import { EmbedCard, ImageCard, ReadMoreCard, TeaserCard } from './cards.tsx';
import { preactView } from './node-view.ts';
import type { NodeOptions } from './text-nodes.ts';

/** Pictures, embeds, "Read more" links and teasers: atoms shown as labelled cards with their own fields. */

const atom = {
  group: 'block',
  atom: true,
  selectable: true,
  draggable: false,
  addOptions: (): NodeOptions => ({ services: null }),
} as const;

function divFor(block: string) {
  return {
    parseHTML: () => [{ tag: `div[data-block="${block}"]` }],
    renderHTML: ({ HTMLAttributes }: { HTMLAttributes: Record<string, unknown> }) =>
      ['div', { ...HTMLAttributes, 'data-block': block }] as const,
  };
}

export const ImageNode = Node.create<NodeOptions>({
  name: N.image,
  ...atom,
  ...divFor('image'),
  addAttributes: () => ({
    mediaId: idAttr('mediaId'),
    alt: textAttr('alt'),
    caption: textAttr('caption'),
    credit: textAttr('credit'),
  }),
  addNodeView() {
    const services = this.options.services;
    return preactView({
      tag: 'figure',
      className: 'ed-card ed-card-image',
      render: (api) => h(ImageCard, { api, services }),
    });
  },
});

export const EmbedNode = Node.create<NodeOptions>({
  name: N.embed,
  ...atom,
  ...divFor('embed'),
  addAttributes: () => ({
    provider: textAttr('provider'),
    url: textAttr('url'),
    title: textAttr('title', ''),
    caption: textAttr('caption'),
  }),
  addNodeView: () =>
    preactView({ tag: 'figure', className: 'ed-card ed-card-embed', render: (api) => h(EmbedCard, { api }) }),
});

export const ReadMoreNode = Node.create<NodeOptions>({
  name: N.readMore,
  ...atom,
  ...divFor('read-more'),
  addAttributes: () => ({ articleId: idAttr('articleId') }),
  addNodeView() {
    const services = this.options.services;
    return preactView({
      tag: 'div',
      className: 'ed-card ed-card-readmore',
      render: (api) => h(ReadMoreCard, { api, services }),
    });
  },
});

export const TeaserNode = Node.create<NodeOptions>({
  name: N.teaser,
  ...atom,
  ...divFor('teaser'),
  addAttributes: () => ({ articleId: idAttr('articleId'), kicker: textAttr('kicker') }),
  addNodeView() {
    const services = this.options.services;
    return preactView({
      tag: 'aside',
      className: 'ed-card ed-card-teaser',
      render: (api) => h(TeaserCard, { api, services }),
    });
  },
});

export const Divider = Node.create({
  name: N.divider,
  group: 'block',
  atom: true,
  selectable: true,
  parseHTML: () => [{ tag: 'hr' }],
  renderHTML: () => ['div', { class: 'ed-divider', 'data-block': 'divider' }, ['hr']],
});
