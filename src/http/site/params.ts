import { z } from 'zod';
import { badRequest } from '../../shared/errors.ts';

/** Page numbers: whole numbers from 1; anything else is a clear 400, never a 500. */
const pageQuery = z.object({
  page: z
    .string()
    .regex(/^\d{1,6}$/, 'The page number must be a whole number.')
    .transform(Number)
    .refine((n) => n >= 1, 'Pages start at 1.')
    .optional(),
});

export function parsePage(query: unknown): number {
  const parsed = pageQuery.safeParse(query);
  if (!parsed.success) {
    throw badRequest(parsed.error.issues[0]?.message ?? 'The page number is not valid.');
  }
  return parsed.data.page ?? 1;
}

export const slugParam = z.string().max(120);
