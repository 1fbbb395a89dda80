import { z } from 'zod';
import { slugPattern } from '../../shared/slug.ts';
import type { ImageRef } from '../media/index.ts';
import type { ArticleStatus } from './article.ts';
import { type Block, bodySchema } from './blocks.ts';
import { labels } from './labels.ts';

/** Everything an editor can change in one save. Validated at the boundary, stored as a revision snapshot. */
export const editableFieldsSchema = z.object({
  headline: z.string().trim().max(300, 'Headlines can have at most 300 characters.'),
  standfirst: z.string().trim().max(600, 'The standfirst can have at most 600 characters.'),
  label: z.enum(labels),
  sectionId: z.number().int().positive(),
  tags: z.array(z.string().trim().min(1).max(60)).max(20, 'At most 20 topics.'),
  authorIds: z.array(z.number().int().positive()).max(10, 'At most 10 bylines.'),
  leadMediaId: z.number().int().positive().nullable(),
  slug: z.string().trim().max(80).regex(slugPattern, 'Slugs use lower-case letters, digits and hyphens.'),
  seoTitle: z.string().trim().max(300),
  seoDescription: z.string().trim().max(600),
  socialTitle: z.string().trim().max(300),
  socialDescription: z.string().trim().max(600),
  body: bodySchema,
  embargoUntil: z.iso.datetime({ offset: true }).nullable(),
});
export type EditableFields = z.infer<typeof editableFieldsSchema>;

export const saveSchema = editableFieldsSchema.extend({ version: z.number().int().positive() });

export interface EditorMediaItem extends ImageRef {
  thumbUrl: string;
  previewUrl: string;
}

/** The editor's view of an article (see docs/admin-api.md). */
export interface EditorArticle extends Omit<EditableFields, 'authorIds' | 'leadMediaId'> {
  id: number;
  version: number;
  status: ArticleStatus;
  url: string | null;
  authors: { id: number; name: string }[];
  leadMedia: EditorMediaItem | null;
  scheduledFor: string | null;
  publishedAt: string | null;
  publicUpdatedAt: string | null;
  updateNote: string | null;
  corrections: { text: string; correctedAt: string }[];
  /** True when a published article has saved changes readers do not see yet. */
  hasPendingChanges: boolean;
  permissions: { canEdit: boolean; canSubmit: boolean; canPublish: boolean; canUnpublish: boolean };
}

export interface DashboardRow {
  id: number;
  headline: string;
  status: ArticleStatus;
  section: string;
  authors: string[];
  createdBy: number | null;
  modifiedAt: Date;
  publishedAt: Date | null;
  scheduledFor: Date | null;
  url: string;
  hasPendingChanges: boolean;
}

export function wordCount(blocks: readonly Block[]): number {
  let words = 0;
  for (const block of blocks) {
    const texts: string[] = [];
    if (block.type === 'paragraph' || block.type === 'quote') texts.push(...block.content.map((r) => r.text));
    if (block.type === 'heading' || block.type === 'pullquote') texts.push(block.text);
    if (block.type === 'list' || block.type === 'factbox')
      texts.push(...block.items.flat().map((r) => r.text));
    for (const text of texts) words += text.split(/\s+/).filter(Boolean).length;
  }
  return words;
}
