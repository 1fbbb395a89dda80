import { z } from 'zod';
import { isSafeHref } from './links.ts';

/**
 * The article body is a typed list of blocks, never HTML. These schemas are the single source of truth:
 * every write is parsed with `bodySchema` (unknown types rejected); every read goes through `readBody`
 * (unknown or damaged blocks skipped, so an old row can never break a page).
 */

export { isSafeHref };

const text = z.string().max(20_000);
const shortText = z.string().trim().max(500);

export const inlineSchema = z.object({
  text: text,
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  href: z.string().max(2000).refine(isSafeHref, 'links must be http(s), mailto or site-relative').optional(),
});
export type Inline = z.infer<typeof inlineSchema>;

const inlines = z.array(inlineSchema).max(500);
const articleRef = z.number().int().positive();
const mediaRef = z.number().int().positive();

export const paragraphBlock = z.object({ type: z.literal('paragraph'), content: inlines });
export const headingBlock = z.object({
  type: z.literal('heading'),
  level: z.union([z.literal(2), z.literal(3)]),
  text: shortText,
});
export const listBlock = z.object({
  type: z.literal('list'),
  ordered: z.boolean(),
  items: z.array(inlines).min(1).max(200),
});
export const quoteBlock = z.object({
  type: z.literal('quote'),
  content: inlines,
  attribution: shortText.optional(),
});
export const pullQuoteBlock = z.object({
  type: z.literal('pullquote'),
  text: z.string().trim().min(1).max(600),
  attribution: shortText.optional(),
});
export const imageBlock = z.object({
  type: z.literal('image'),
  mediaId: mediaRef,
  /** Overrides for this use of the picture; the media library's values apply otherwise. */
  alt: shortText.optional(),
  caption: z.string().trim().max(1000).optional(),
  credit: shortText.optional(),
});
export const embedProviders = ['youtube', 'x', 'video', 'audio'] as const;
export const embedBlock = z.object({
  type: z.literal('embed'),
  provider: z.enum(embedProviders),
  url: z.url({ protocol: /^https$/ }).max(2000),
  title: shortText,
  caption: z.string().trim().max(1000).optional(),
});
export const readMoreBlock = z.object({ type: z.literal('readMore'), articleId: articleRef });
export const teaserBlock = z.object({
  type: z.literal('teaser'),
  articleId: articleRef,
  /** Small kicker above the headline, e.g. "Watch" or "Related". */
  kicker: shortText.optional(),
});
export const factBoxBlock = z.object({
  type: z.literal('factbox'),
  title: shortText,
  items: z.array(inlines).min(1).max(50),
});
export const dividerBlock = z.object({ type: z.literal('divider') });

export const blockSchema = z.discriminatedUnion('type', [
  paragraphBlock,
  headingBlock,
  listBlock,
  quoteBlock,
  pullQuoteBlock,
  imageBlock,
  embedBlock,
  readMoreBlock,
  teaserBlock,
  factBoxBlock,
  dividerBlock,
]);
export type Block = z.infer<typeof blockSchema>;
export type BlockType = Block['type'];

export const bodySchema = z.array(blockSchema).max(2000);

/** Reads stored blocks leniently: anything that no longer validates is skipped, never rendered raw. */
export function readBody(stored: unknown): Block[] {
  if (!Array.isArray(stored)) return [];
  const blocks: Block[] = [];
  for (const item of stored) {
    const parsed = blockSchema.safeParse(item);
    if (parsed.success) blocks.push(parsed.data);
  }
  return blocks;
}

/** Ids of articles this body points at ("Read more" links and teasers), in order of appearance. */
export function referencedArticleIds(blocks: readonly Block[]): number[] {
  const ids: number[] = [];
  for (const block of blocks) {
    if ((block.type === 'readMore' || block.type === 'teaser') && !ids.includes(block.articleId)) {
      ids.push(block.articleId);
    }
  }
  return ids;
}

/** Ids of media used inside the body. */
export function referencedMediaIds(blocks: readonly Block[]): number[] {
  return [...new Set(blocks.flatMap((b) => (b.type === 'image' ? [b.mediaId] : [])))];
}

/** Plain text of inline runs, for word counts, summaries and search. */
export function inlineText(content: readonly Inline[]): string {
  return content.map((run) => run.text).join('');
}
