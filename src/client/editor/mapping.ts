import { isSafeHref } from './safe-href.ts';
import type { Block, Inline } from './types.ts';

/**
 * Our block JSON ⇄ the editor's ProseMirror JSON. Pure and DOM-free so it runs (and is tested) in Node.
 * The block list is the only format the server accepts, so everything the editor can hold must map to a
 * block, and everything a block holds must survive the trip into the editor and back.
 */

export interface DocMark {
  type: string;
  attrs?: Record<string, unknown>;
}

/** ProseMirror/Tiptap JSON (`type` optional so Tiptap's own JSONContent is accepted as input). */
export interface DocNode {
  type?: string;
  attrs?: Record<string, unknown>;
  content?: DocNode[];
  text?: string;
  marks?: DocMark[];
}

/** Node names shared with the Tiptap schema (tiptap/*.ts) so both sides stay in step. */
export const N = {
  doc: 'doc',
  paragraph: 'paragraph',
  text: 'text',
  heading: 'heading',
  bulletList: 'bulletList',
  orderedList: 'orderedList',
  listItem: 'listItem',
  quote: 'quote',
  pullquote: 'pullquote',
  image: 'image',
  embed: 'embed',
  readMore: 'readMore',
  teaser: 'teaser',
  factbox: 'factbox',
  divider: 'divider',
} as const;

export const M = { bold: 'bold', italic: 'italic', link: 'link' } as const;

// ---------------------------------------------------------------- blocks → doc

function runToText(run: Inline): DocNode {
  const marks: DocMark[] = [];
  if (run.bold) marks.push({ type: M.bold });
  if (run.italic) marks.push({ type: M.italic });
  if (run.href !== undefined && isSafeHref(run.href)) marks.push({ type: M.link, attrs: { href: run.href } });
  return marks.length > 0 ? { type: N.text, text: run.text, marks } : { type: N.text, text: run.text };
}

/** ProseMirror forbids empty text nodes, so empty runs are dropped here. */
function runsToContent(runs: readonly Inline[]): DocNode[] {
  return runs.filter((run) => run.text.length > 0).map(runToText);
}

function plainContent(text: string): DocNode[] {
  return text.length > 0 ? [{ type: N.text, text }] : [];
}

function textblock(type: string, content: DocNode[], attrs?: Record<string, unknown>): DocNode {
  const node: DocNode = { type };
  if (attrs) node.attrs = attrs;
  if (content.length > 0) node.content = content;
  return node;
}

function listNode(type: string, items: readonly (readonly Inline[])[]): DocNode {
  return {
    type,
    content: items.map((item) => ({
      type: N.listItem,
      content: [textblock(N.paragraph, runsToContent(item))],
    })),
  };
}

function blockToNode(block: Block): DocNode | null {
  switch (block.type) {
    case 'paragraph':
      return textblock(N.paragraph, runsToContent(block.content));
    case 'heading':
      return textblock(N.heading, plainContent(block.text), { level: block.level });
    case 'list':
      return listNode(block.ordered ? N.orderedList : N.bulletList, block.items);
    case 'quote':
      return textblock(N.quote, runsToContent(block.content), { attribution: block.attribution ?? null });
    case 'pullquote':
      return textblock(N.pullquote, plainContent(block.text), { attribution: block.attribution ?? null });
    case 'image':
      return {
        type: N.image,
        attrs: {
          mediaId: block.mediaId,
          alt: block.alt ?? null,
          caption: block.caption ?? null,
          credit: block.credit ?? null,
        },
      };
    case 'embed':
      return {
        type: N.embed,
        attrs: {
          provider: block.provider,
          url: block.url,
          title: block.title,
          caption: block.caption ?? null,
        },
      };
    case 'readMore':
      return { type: N.readMore, attrs: { articleId: block.articleId } };
    case 'teaser':
      return { type: N.teaser, attrs: { articleId: block.articleId, kicker: block.kicker ?? null } };
    case 'factbox':
      return {
        type: N.factbox,
        attrs: { title: block.title },
        content: [listNode(N.bulletList, block.items)],
      };
    case 'divider':
      return { type: N.divider };
    default:
      // A block type this editor does not know (newer server): skipped, like readBody does.
      return null;
  }
}

export function blocksToDoc(blocks: readonly Block[]): DocNode {
  const content = blocks.map(blockToNode).filter((node): node is DocNode => node !== null);
  // A document must hold at least one block; an empty article opens on an empty paragraph.
  return { type: N.doc, content: content.length > 0 ? content : [{ type: N.paragraph }] };
}

// ---------------------------------------------------------------- doc → blocks

function sameStyle(a: Inline, b: Inline): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.href === b.href;
}

function textToRun(node: DocNode): Inline {
  const run: Inline = { text: node.text ?? '' };
  for (const mark of node.marks ?? []) {
    if (mark.type === M.bold) run.bold = true;
    else if (mark.type === M.italic) run.italic = true;
    else if (mark.type === M.link) {
      const href = mark.attrs?.href;
      // Unsafe schemes (javascript:, data:) lose the link and keep the words.
      if (typeof href === 'string' && isSafeHref(href)) run.href = href;
    }
  }
  return run;
}

/** Neighbouring runs with the same style become one, so the output is canonical. */
function mergeRuns(runs: readonly Inline[]): Inline[] {
  const merged: Inline[] = [];
  for (const run of runs) {
    const last = merged.at(-1);
    if (last && sameStyle(last, run)) last.text += run.text;
    else merged.push({ ...run });
  }
  return merged;
}

/** Inline content → runs (text nodes only; the schema allows nothing else inline). */
export function contentToRuns(content: readonly DocNode[] | undefined): Inline[] {
  const texts = (content ?? []).filter((node) => node.type === N.text && node.text);
  return mergeRuns(texts.map(textToRun));
}

function plainText(node: DocNode): string {
  if (node.type === N.text) return node.text ?? '';
  return (node.content ?? []).map(plainText).join('');
}

function isBlank(runs: readonly Inline[]): boolean {
  return runs.every((run) => run.text.trim() === '');
}

/** A list item's words: its paragraphs in order (the schema allows one; pasted junk may hold more). */
function itemRuns(item: DocNode): Inline[] {
  const parts = (item.content ?? []).filter((child) => child.type === N.paragraph);
  const runs = parts.flatMap((part, index) => [
    ...(index > 0 ? [{ text: ' ' }] : []),
    ...contentToRuns(part.content),
  ]);
  return mergeRuns(runs);
}

function listItems(list: DocNode | undefined): Inline[][] {
  return (list?.content ?? []).map(itemRuns).filter((runs) => !isBlank(runs));
}

function optionalText(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function positiveInt(value: unknown): number | null {
  const number = typeof value === 'string' ? Number(value) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) && number > 0 ? number : null;
}

/** Adds optional string fields only when set, so blocks carry no `undefined` keys. */
function withOptional<T extends Block>(block: T, extra: Record<string, string | undefined>): T {
  for (const [key, value] of Object.entries(extra)) {
    if (value !== undefined) Object.assign(block, { [key]: value });
  }
  return block;
}

function nodeToBlock(node: DocNode): Block | null {
  const attrs = node.attrs ?? {};
  switch (node.type) {
    case N.paragraph: {
      const content = contentToRuns(node.content);
      // Empty paragraphs are the editor's spacing, not content: readers never see them.
      return isBlank(content) ? null : { type: 'paragraph', content };
    }
    case N.heading: {
      const text = plainText(node);
      if (text.trim() === '') return null;
      return { type: 'heading', level: attrs.level === 3 ? 3 : 2, text };
    }
    case N.bulletList:
    case N.orderedList: {
      const items = listItems(node);
      return items.length > 0 ? { type: 'list', ordered: node.type === N.orderedList, items } : null;
    }
    case N.quote: {
      const content = contentToRuns(node.content);
      const attribution = optionalText(attrs.attribution);
      if (isBlank(content) && !attribution?.trim()) return null;
      return withOptional({ type: 'quote', content }, { attribution });
    }
    case N.pullquote: {
      const text = plainText(node);
      // The server requires words in a pull quote; an empty one is still being written.
      if (text.trim() === '') return null;
      return withOptional({ type: 'pullquote', text }, { attribution: optionalText(attrs.attribution) });
    }
    case N.image: {
      const mediaId = positiveInt(attrs.mediaId);
      if (mediaId === null) return null;
      return withOptional(
        { type: 'image', mediaId },
        {
          alt: optionalText(attrs.alt),
          caption: optionalText(attrs.caption),
          credit: optionalText(attrs.credit),
        },
      );
    }
    case N.embed: {
      const { provider, url } = attrs;
      if (provider !== 'youtube' && provider !== 'x' && provider !== 'video' && provider !== 'audio')
        return null;
      if (typeof url !== 'string' || url === '') return null;
      const title = optionalText(attrs.title) ?? '';
      return withOptional({ type: 'embed', provider, url, title }, { caption: optionalText(attrs.caption) });
    }
    case N.readMore: {
      const articleId = positiveInt(attrs.articleId);
      return articleId === null ? null : { type: 'readMore', articleId };
    }
    case N.teaser: {
      const articleId = positiveInt(attrs.articleId);
      if (articleId === null) return null;
      return withOptional({ type: 'teaser', articleId }, { kicker: optionalText(attrs.kicker) });
    }
    case N.factbox: {
      const title = optionalText(attrs.title) ?? '';
      const items = listItems(node.content?.find((child) => child.type === N.bulletList));
      if (items.length > 0) return { type: 'factbox', title, items };
      // A titled box whose points are not written yet is kept (one empty point), so the title survives.
      return title.trim() === '' ? null : { type: 'factbox', title, items: [[]] };
    }
    case N.divider:
      return { type: 'divider' };
    default:
      return null;
  }
}

export function docToBlocks(doc: DocNode): Block[] {
  return (doc.content ?? []).map(nodeToBlock).filter((block): block is Block => block !== null);
}
