// "Related stories" weigh each word by how many published stories use it: the search_terms table, kept by
// triggers on articles (migration 0007). After every kind of change the kept counts must equal a fresh
// count of the published archive.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { systemActor } from '../../src/modules/users/index.ts';
import { databaseKinds, startTestApp, type TestApp } from '../helpers/app.ts';
import { publishArticle } from './discovery-helpers.ts';

for (const kind of databaseKinds) {
  describe(`search word counts on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(async () => {
      await t?.close();
    });

    async function query<T>(statement: ReturnType<typeof sql>): Promise<T[]> {
      return ((await t.app.database.db.execute(statement)) as unknown as { rows: T[] }).rows;
    }

    /** Words whose kept count differs from ts_stat's count over the published stories now. */
    async function mismatches(): Promise<unknown[]> {
      return query(sql`
        with fresh as (
          select word as lexeme, ndoc::int as stories
          from ts_stat('select search_vector from articles where status = ''published''')
        ),
        kept as (select lexeme, stories from search_terms where stories <> 0)
        select lexeme, fresh.stories as fresh, kept.stories as kept
        from fresh full join kept using (lexeme)
        where fresh.stories is distinct from kept.stories`);
    }

    async function stories(lexeme: string): Promise<number> {
      const [row] = await query<{ stories: number }>(
        sql`select stories from search_terms where lexeme = ${lexeme}`,
      );
      return Number(row?.stories ?? 0);
    }

    it('counts the seeded archive exactly', async () => {
      const [row] = await query<{ n: number }>(
        sql`select count(*)::int as n from search_terms where stories > 0`,
      );
      assert.ok(Number(row?.n) > 500, 'the demo archive uses hundreds of words');
      assert.deepEqual(await mismatches(), []);
    });

    it('follows publishing, rewording, unpublishing and deleting', async () => {
      const first = await publishArticle(t.app, {
        slug: 'zorbleflax-survey-counts',
        headline: 'Zorbleflax survey counts the county',
        body: ['Officials said the zorbleflax survey would finish in spring.'],
      });
      const second = await publishArticle(t.app, {
        slug: 'second-zorbleflax-report',
        headline: 'A second zorbleflax report',
        body: ['The wibblenut committee read it.'],
      });
      assert.equal(await stories('zorbleflax'), 2, 'a word counts stories, not mentions');
      assert.equal(await stories('wibblenut'), 1);
      assert.deepEqual(await mismatches(), []);

      // An edit that leaves the words alone changes nothing; one that rewords moves the counts.
      await t.app.database.db.execute(sql`update articles set modified_at = now() where id = ${first}`);
      assert.equal(await stories('zorbleflax'), 2);
      await t.app.database.db.execute(sql`
        update articles set headline = 'Wibblenut survey counts the county',
          body = '[{"type":"paragraph","content":[{"text":"The wibblenut survey ends in spring."}]}]'::jsonb
        where id = ${first}`);
      assert.equal(await stories('zorbleflax'), 1);
      assert.equal(await stories('wibblenut'), 2);
      assert.deepEqual(await mismatches(), []);

      const { version } = await t.app.editorial.get(systemActor, first);
      await t.app.editorial.unpublish(systemActor, first, version);
      assert.equal(await stories('wibblenut'), 1, 'unpublished stories no longer count');
      assert.deepEqual(await mismatches(), []);

      await t.app.database.db.execute(sql`delete from articles where id in (${first}, ${second})`);
      assert.equal(await stories('zorbleflax'), 0);
      assert.equal(await stories('wibblenut'), 0);
      assert.deepEqual(await mismatches(), []);
    });
  });
}
