import { z } from 'zod';
import type { ListPosition } from '../../modules/articles/index.ts';
import { badRequest } from '../../shared/errors.ts';

/** Page numbers: whole numbers from 1; anything else is a clear 400, never a 500. */
const pageNumber = z
  .string()
  .regex(/^\d{1,6}$/, 'The page number must be a whole number.')
  .transform(Number)
  .refine((n) => n >= 1, 'Pages start at 1.');

/** `?page=N` alone (newsroom lists, live blogs). */
export function parsePage(query: unknown): number {
  const parsed = z.object({ page: pageNumber.optional() }).safeParse(query);
  if (!parsed.success) {
    throw badRequest(parsed.error.issues[0]?.message ?? 'The page number is not valid.');
  }
  return parsed.data.page ?? 1;
}

/** A story's number in a listing cursor (`?before=123`): a PostgreSQL integer id. */
const storyId = z
  .string()
  .regex(/^\d{1,10}$/, 'The position in the list must be a story number.')
  .transform(Number)
  .refine((n) => n >= 1 && n <= 2_147_483_647, 'The position in the list must be a story number.');

/**
 * Where a listing page starts: `?page=N` (whole numbers from 1), or `?before=<id>` / `?after=<id>` for
 * the keyset pages past the numbered ones. Anything else is a clear 400, never a 500.
 */
const listQuery = z
  .object({
    page: pageNumber.optional(),
    before: storyId.optional(),
    after: storyId.optional(),
  })
  .refine(
    (q) => [q.page, q.before, q.after].filter((v) => v !== undefined).length <= 1,
    'Ask for one position in the list: a page, or stories before or after one.',
  );

export function parseListPosition(query: unknown): ListPosition {
  const parsed = listQuery.safeParse(query);
  if (!parsed.success) {
    throw badRequest(parsed.error.issues[0]?.message ?? 'The page number is not valid.');
  }
  const { page, before, after } = parsed.data;
  if (before !== undefined) return { before };
  if (after !== undefined) return { after };
  return { page: page ?? 1 };
}

export const slugParam = z.string().max(120);
