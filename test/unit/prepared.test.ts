import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { type DatabaseHandle, openDatabase } from '../../src/db/client.ts';
import { PreparedRows } from '../../src/db/prepared.ts';

/**
 * On PGlite a prepared statement is run with `EXECUTE name(literal)`: whatever the argument holds, it is a
 * value, never SQL.
 */
describe('prepared statements on PGlite', () => {
  let database: DatabaseHandle;

  before(async () => {
    database = await openDatabase({});
    await database.db.execute(sql`create table notes (id int primary key, slug text not null)`);
    await database.db.execute(
      sql`insert into notes values (1, 'plain'), (2, 'o''brien'), (3, 'back\\slash')`,
    );
  });

  after(async () => {
    await database.close();
  });

  it('finds rows by text and by number, quotes included', async () => {
    const bySlug = new PreparedRows<{ id: number }, string>(
      database.db,
      'note_by_slug',
      'text',
      (slug) => sql`select id from notes where slug = ${slug}`,
    );
    const byId = new PreparedRows<{ slug: string }, number>(
      database.db,
      'note_by_id',
      'int',
      (id) => sql`select slug from notes where id = ${id}`,
    );
    assert.deepEqual(await bySlug.run('plain'), [{ id: 1 }]);
    assert.deepEqual(await bySlug.run("o'brien"), [{ id: 2 }]);
    assert.deepEqual(await bySlug.run('back\\slash'), [{ id: 3 }]);
    assert.deepEqual(await byId.run(2), [{ slug: "o'brien" }]);
  });

  it('treats hostile text as a value and refuses numbers that are not whole', async () => {
    const bySlug = new PreparedRows<{ id: number }, string>(
      database.db,
      'note_by_slug_hostile',
      'text',
      (slug) => sql`select id from notes where slug = ${slug}`,
    );
    assert.deepEqual(await bySlug.run("x'); drop table notes; --"), []);
    assert.deepEqual(await bySlug.run("\\'); drop table notes; --"), []);
    const byId = new PreparedRows<{ slug: string }, number>(
      database.db,
      'note_by_id_hostile',
      'int',
      (id) => sql`select slug from notes where id = ${id}`,
    );
    await assert.rejects(byId.run(1.5), /not a whole number/);
    const left = await database.db.execute(sql`select count(*)::int as n from notes`);
    assert.deepEqual((left as unknown as { rows: unknown[] }).rows, [{ n: 3 }]);
  });
});
