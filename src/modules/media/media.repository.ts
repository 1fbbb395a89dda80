import { count, desc, eq, ilike, inArray, or } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { media, mediaVariants } from '../../db/schema/index.ts';
import type { ImageRef, VariantFormat } from './media.ts';

export type MediaRow = typeof media.$inferSelect;
export type NewMediaRow = typeof media.$inferInsert;

export const imageColumns = {
  id: true,
  width: true,
  height: true,
  alt: true,
  caption: true,
  credit: true,
  focalX: true,
  focalY: true,
} as const;

export class MediaRepository {
  constructor(private readonly db: Database) {}

  async findById(id: number): Promise<MediaRow | undefined> {
    const [row] = await this.db.select().from(media).where(eq(media.id, id)).limit(1);
    return row;
  }

  async findBySha(sha256: string): Promise<MediaRow | undefined> {
    const [row] = await this.db.select().from(media).where(eq(media.sha256, sha256)).limit(1);
    return row;
  }

  async insert(row: NewMediaRow): Promise<MediaRow> {
    const [inserted] = await this.db.insert(media).values(row).returning();
    if (!inserted) throw new Error('media insert returned nothing');
    return inserted;
  }

  async images(ids: readonly number[]): Promise<ImageRef[]> {
    if (ids.length === 0) return [];
    return this.db.query.media.findMany({ columns: imageColumns, where: inArray(media.id, [...ids]) });
  }

  /** Newest first; `q` matches alt text, caption and credit. */
  async search(q: string, limit: number, offset: number): Promise<{ items: ImageRef[]; total: number }> {
    const pattern = `%${q.slice(0, 100).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const where = q
      ? or(ilike(media.alt, pattern), ilike(media.caption, pattern), ilike(media.credit, pattern))
      : undefined;
    const [items, [total]] = await Promise.all([
      this.db
        .select({
          id: media.id,
          width: media.width,
          height: media.height,
          alt: media.alt,
          caption: media.caption,
          credit: media.credit,
          focalX: media.focalX,
          focalY: media.focalY,
        })
        .from(media)
        .where(where)
        .orderBy(desc(media.id))
        .limit(limit)
        .offset(offset),
      this.db.select({ n: count() }).from(media).where(where),
    ]);
    return { items, total: Number(total?.n ?? 0) };
  }

  async update(
    id: number,
    changes: Partial<Pick<MediaRow, 'alt' | 'caption' | 'credit' | 'focalX' | 'focalY'>>,
  ) {
    await this.db.update(media).set(changes).where(eq(media.id, id));
  }

  async recordVariant(v: {
    mediaId: number;
    width: number;
    format: VariantFormat;
    height: number;
    bytes: number;
  }) {
    await this.db.insert(mediaVariants).values(v).onConflictDoNothing();
  }
}
