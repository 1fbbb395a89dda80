import { desc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../../db/client.ts';
import { breakingBanners, users } from '../../db/schema/index.ts';
import type { BannerRecord } from './banner.ts';

/** Two editors setting a banner at the same moment take turns, so exactly one banner is ever active. */
const bannerLockKey = 727_455_302;

type ClearedReason = NonNullable<BannerRecord['clearedReason']>;

export interface NewBanner {
  text: string;
  url: string;
  articleId: number | null;
  expiresAt: Date | null;
  createdBy: number | null;
  createdAt: Date;
}

const createdBy = alias(users, 'created_by_user');
const clearedBy = alias(users, 'cleared_by_user');

export class BreakingRepository {
  constructor(private readonly db: Database) {}

  /** The newest banner not yet cleared (it may have expired: the caller compares with its clock). */
  async active(): Promise<BannerRecord | undefined> {
    const [row] = await this.records()
      .where(isNull(breakingBanners.clearedAt))
      .orderBy(desc(breakingBanners.id))
      .limit(1);
    return row && toRecord(row);
  }

  async recent(limit: number): Promise<BannerRecord[]> {
    const rows = await this.records().orderBy(desc(breakingBanners.id)).limit(limit);
    return rows.map(toRecord);
  }

  /** Clears the active banner (as replaced) and inserts the new one, in one transaction. */
  async replace(banner: NewBanner): Promise<{ id: number; replaced: number | null }> {
    return this.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${bannerLockKey})`);
      const previous = await tx
        .update(breakingBanners)
        .set({ clearedAt: banner.createdAt, clearedBy: banner.createdBy, clearedReason: 'replaced' })
        .where(isNull(breakingBanners.clearedAt))
        .returning({ id: breakingBanners.id });
      const [row] = await tx.insert(breakingBanners).values(banner).returning({ id: breakingBanners.id });
      if (!row) throw new Error('banner insert returned nothing');
      return { id: row.id, replaced: previous[0]?.id ?? null };
    });
  }

  /**
   * Takes the active banner down; with `onlyId`, only if that banner is still the active one (the expiry
   * job must not clear a banner set after it was scheduled). Returns the id cleared, if any.
   */
  async clear(
    by: number | null,
    at: Date,
    reason: ClearedReason,
    onlyId?: number,
  ): Promise<number | undefined> {
    return this.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${bannerLockKey})`);
      const rows = await tx
        .update(breakingBanners)
        .set({ clearedAt: at, clearedBy: by, clearedReason: reason })
        .where(
          onlyId === undefined
            ? isNull(breakingBanners.clearedAt)
            : sql`${breakingBanners.clearedAt} is null and ${breakingBanners.id} = ${onlyId}`,
        )
        .returning({ id: breakingBanners.id });
      return rows[0]?.id;
    });
  }

  async byId(id: number): Promise<BannerRecord | undefined> {
    const [row] = await this.records().where(eq(breakingBanners.id, id)).limit(1);
    return row && toRecord(row);
  }

  private records() {
    return this.db
      .select({
        id: breakingBanners.id,
        text: breakingBanners.text,
        url: breakingBanners.url,
        articleId: breakingBanners.articleId,
        expiresAt: breakingBanners.expiresAt,
        createdAt: breakingBanners.createdAt,
        createdByName: createdBy.name,
        clearedAt: breakingBanners.clearedAt,
        clearedByName: clearedBy.name,
        clearedReason: breakingBanners.clearedReason,
      })
      .from(breakingBanners)
      .leftJoin(createdBy, eq(createdBy.id, breakingBanners.createdBy))
      .leftJoin(clearedBy, eq(clearedBy.id, breakingBanners.clearedBy))
      .$dynamic();
  }
}

interface Row {
  id: number;
  text: string;
  url: string;
  articleId: number | null;
  expiresAt: Date | null;
  createdAt: Date;
  createdByName: string | null;
  clearedAt: Date | null;
  clearedByName: string | null;
  clearedReason: ClearedReason | null;
}

function toRecord(row: Row): BannerRecord {
  return {
    id: row.id,
    text: row.text,
    href: row.url,
    articleId: row.articleId,
    expiresAt: row.expiresAt ? row.expiresAt.toISOString() : null,
    createdAt: row.createdAt,
    createdByName: row.createdByName,
    clearedAt: row.clearedAt,
    clearedByName: row.clearedByName,
    clearedReason: row.clearedReason,
  };
}
