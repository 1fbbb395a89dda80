import { eq, inArray } from 'drizzle-orm';
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
