import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { articles, articleViewsHourly } from '../../db/schema/index.ts';

export interface HourCount {
  articleId: number;
  /** Start of the hour, UTC. */
  hour: Date;
  views: number;
}

export class ViewsRepository {
  constructor(private readonly db: Database) {}

  /**
   * Adds counts to their hours in one statement. Ids that are not published articles are dropped by the
   * join, so a forged beacon cannot create rows for drafts or for ids that do not exist.
   */
  async add(counts: readonly HourCount[]): Promise<void> {
    if (counts.length === 0) return;
    const values = sql.join(
      counts.map((c) => sql`(${c.articleId}::int, ${c.hour.toISOString()}::timestamptz, ${c.views}::int)`),
      sql`, `,
    );
    await this.db.execute(sql`
      insert into ${articleViewsHourly} (article_id, hour, views)
      select v.article_id, v.hour, v.views
      from (values ${values}) as v(article_id, hour, views)
      join ${articles} a on a.id = v.article_id and a.status = 'published'
      on conflict (article_id, hour) do update set views = ${articleViewsHourly.views} + excluded.views`);
  }

  /** Published articles with the most views since `since`, most first; ties go to the newer id. */
  async mostRead(since: Date, limit: number): Promise<{ articleId: number; views: number }[]> {
    const result = (await this.db.execute(sql`
      select v.article_id, sum(v.views)::int as views
      from ${articleViewsHourly} v
      join ${articles} a on a.id = v.article_id and a.status = 'published'
      where v.hour >= ${since.toISOString()}::timestamptz
      group by v.article_id
      order by views desc, v.article_id desc
      limit ${limit}`)) as unknown as { rows: { article_id: number; views: number }[] };
    return result.rows.map((r) => ({ articleId: Number(r.article_id), views: Number(r.views) }));
  }

  /** Stored hours of one article in [from, to). */
  async hours(articleId: number, from: Date, to: Date): Promise<{ hour: Date; views: number }[]> {
    return this.db
      .select({ hour: articleViewsHourly.hour, views: articleViewsHourly.views })
      .from(articleViewsHourly)
      .where(
        and(
          eq(articleViewsHourly.articleId, articleId),
          gte(articleViewsHourly.hour, from),
          lt(articleViewsHourly.hour, to),
        ),
      )
      .orderBy(asc(articleViewsHourly.hour));
  }
}
