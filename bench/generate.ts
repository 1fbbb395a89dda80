// Fills a fresh database with a large archive, fast: the demo newsroom first (real pictures, bylines and
// bodies), then generated authors, topics and articles written by a few `INSERT … SELECT generate_series`
// statements, so 100,000 articles take seconds to a minute rather than hours through the service.
import { sql } from 'drizzle-orm';
import type { App } from '../src/app/wire.ts';
import { demoArticles } from '../src/demo/content/index.ts';
import { seedDemo } from '../src/demo/seed.ts';

/** Articles written per statement: big enough to be quick, small enough for PGlite's memory. */
const batchSize = 5_000;
const generatedAuthors = 400;
const generatedTags = 2_000;
const paragraphPool = 4_000;
const headlinePool = 20_000;
/** Generated stories are spread over this many days before the demo newsroom's own. */
const archiveDays = 5 * 365;

/** A small deterministic generator, so every run builds the same archive. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Words of the demo articles in their natural frequencies, so generated text reads (and searches) like news. */
function demoWords(): string[] {
  const texts: string[] = [];
  for (const article of demoArticles) {
    texts.push(article.headline, article.standfirst);
    for (const block of article.body) {
      if (block.type === 'paragraph') texts.push(block.content.map((run) => run.text).join(''));
    }
  }
  return texts
    .join(' ')
    .toLowerCase()
    .split(/[^a-z']+/)
    .filter((word) => word.length > 1 && !word.startsWith("'"));
}

function textPools(rand: () => number) {
  const words = demoWords();
  const pick = () => words[Math.floor(rand() * words.length)] ?? 'news';
  const sentence = (length: number) => {
    const text = Array.from({ length }, pick).join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const between = (low: number, high: number) => low + Math.floor(rand() * (high - low + 1));
  const paragraphs = Array.from({ length: paragraphPool }, () =>
    Array.from({ length: between(2, 4) }, () => sentence(between(10, 22))).join(' '),
  );
  const headlines = Array.from({ length: headlinePool }, () => sentence(between(6, 11)).slice(0, -1));
  const standfirsts = Array.from({ length: headlinePool }, () => sentence(between(16, 28)));
  const titleCase = (word: string) => `${word.charAt(0).toUpperCase()}${word.slice(1)}`;
  const longWords = [...new Set(words.filter((w) => w.length > 4 && !w.includes("'")))];
  const tagNames = new Set<string>();
  while (tagNames.size < generatedTags) {
    const first = titleCase(longWords[Math.floor(rand() * longWords.length)] ?? 'news');
    const second = longWords[Math.floor(rand() * longWords.length)] ?? 'today';
    tagNames.add(tagNames.size < 300 ? first : `${first} ${second}`);
  }
  return { paragraphs, headlines, standfirsts, tagNames: [...tagNames] };
}

const givenNames = ['Amara', 'Ben', 'Chloe', 'Dev', 'Elif', 'Farah', 'Gus', 'Hana', 'Ivo', 'Jun', 'Kofi'];
const familyNames = ['Adeyemi', 'Brennan', 'Castillo', 'Dvořák', 'Eriksen', 'Fontaine', 'Gallo', 'Haddad'];

export interface GeneratedArchive {
  /** Published articles in the database afterwards (demo ones included). */
  published: number;
  seconds: number;
  /** Id of the oldest generated article (deep in every list). */
  oldestId: number;
  /** Id of a generated article in the middle of the archive. */
  middleId: number;
}

/** Ints only (ids read back from the database), so they can be written into SQL as an array literal. */
function intArray(values: readonly number[]) {
  if (!values.every(Number.isSafeInteger)) throw new Error('expected integer ids');
  return sql.raw(`(array[${values.join(',')}]::int[])`);
}

async function rows<T>(app: App, query: ReturnType<typeof sql>): Promise<T[]> {
  // Both drivers answer raw SQL with `{ rows }`; Drizzle's shared type cannot say so.
  return ((await app.database.db.execute(query)) as unknown as { rows: T[] }).rows;
}

/**
 * Seeds the demo newsroom, then adds `count` generated articles (with bylines and topics) through plain
 * SQL. `progress` hears about each batch.
 */
export async function generateArchive(
  app: App,
  count: number,
  progress: (done: number) => void = () => {},
): Promise<GeneratedArchive> {
  const started = performance.now();
  const { db } = app.database;
  await seedDemo(app);
  const rand = random(2026);
  const pools = textPools(rand);

  // Text pools live in a scratch table while the articles are written (every pool connection sees it).
  await db.execute(sql`drop table if exists bench_text`);
  await db.execute(
    sql`create unlogged table bench_text (kind text not null, i int not null, text text not null, primary key (kind, i))`,
  );
  for (const [kind, list] of [
    ['p', pools.paragraphs],
    ['h', pools.headlines],
    ['s', pools.standfirsts],
  ] as const) {
    await db.execute(sql`insert into bench_text (kind, i, text)
      select ${kind}, (t.ord - 1)::int, t.value
      from jsonb_array_elements_text(${JSON.stringify(list)}::jsonb) with ordinality as t(value, ord)`);
  }

  const authorNames = Array.from(
    { length: generatedAuthors },
    (_, i) =>
      `${givenNames[i % givenNames.length]} ${familyNames[Math.floor(i / givenNames.length) % familyNames.length]} ${i + 1}`,
  );
  await db.execute(sql`insert into authors (slug, name, job_title)
    select 'staff-' || t.ord, t.value, case when t.ord % 5 = 0 then 'Correspondent' else 'Reporter' end
    from jsonb_array_elements_text(${JSON.stringify(authorNames)}::jsonb) with ordinality as t(value, ord)
    on conflict (slug) do nothing`);
  await db.execute(sql`insert into tags (slug, name)
    select trim(both '-' from regexp_replace(lower(t.value), '[^a-z0-9]+', '-', 'g')), t.value
    from jsonb_array_elements_text(${JSON.stringify(pools.tagNames)}::jsonb) as t(value)
    on conflict (slug) do nothing`);

  const ids = async (query: ReturnType<typeof sql>) =>
    (await rows<{ id: number }>(app, query)).map((r) => Number(r.id));
  const sectionIds = await ids(sql`select id from sections order by position, id`);
  const mediaIds = await ids(sql`select id from media where width >= 1200 order by id`);
  const authorIds = await ids(sql`select id from authors order by id`);
  const tagIds = await ids(sql`select id from tags order by id`);
  const [first] = await rows<{ base: number; oldest: string }>(
    app,
    sql`select coalesce(max(id), 0)::int as base, min(published_at) as oldest from articles`,
  );
  const base = Number(first?.base ?? 0);
  // Generated stories end a day before the oldest demo story, so the demo newsroom stays on top.
  const end = new Date(first?.oldest ?? Date.now()).getTime() - 86_400_000;
  const spacingSeconds = (archiveDays * 86_400) / count;

  // Secondary indexes are dropped while the rows go in and built again afterwards, in one pass each (the
  // usual way to bulk-load PostgreSQL): the same definitions, read back from the catalogue.
  const indexes = await rows<{ name: string; definition: string }>(
    app,
    sql`select c.relname as name, pg_get_indexdef(i.indexrelid) as definition
      from pg_index i join pg_class c on c.oid = i.indexrelid join pg_class t on t.oid = i.indrelid
      where t.relname in ('articles', 'article_bylines', 'article_tags')
        and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)`,
  );
  for (const index of indexes) await db.execute(sql`drop index ${sql.identifier(index.name)}`);

  for (let from = 1; from <= count; from += batchSize) {
    const to = Math.min(count, from + batchSize - 1);
    // hashint4 gives a repeatable pseudo-random number per article; `u(n)` below is it scaled to [0, 1).
    await db.execute(sql`
      insert into articles (id, slug, status, headline, standfirst, label, section_id, lead_media_id, body,
        published_at, created_at, modified_at)
      select ${base} + g,
        trim(both '-' from left(regexp_replace(lower(h.text), '[^a-z0-9]+', '-', 'g'), 60)) || '-' || (${base} + g),
        'published', h.text, s.text,
        (array['none','none','none','none','none','none','analysis','opinion','exclusive','none']::article_label[])[1 + abs(hashint4(g * 7)) % 10],
        ${intArray(sectionIds)}[1 + abs(hashint4(g * 11)) % ${sectionIds.length}],
        case when abs(hashint4(g * 13)) % 10 < 8
          then ${intArray(mediaIds)}[1 + abs(hashint4(g * 17)) % ${mediaIds.length}] end,
        (select jsonb_agg(jsonb_build_object('type', 'paragraph',
                 'content', jsonb_build_array(jsonb_build_object('text', p.text))) order by k)
           from generate_series(0, 4 + abs(hashint4(g * 19)) % 6) k
           join bench_text p on p.kind = 'p' and p.i = abs(hashint4(g * 23 + k)) % ${paragraphPool})
          || case when g > 50 and g % 4 = 0
               then jsonb_build_array(jsonb_build_object('type', 'readMore', 'articleId', ${base} + g - 1 - abs(hashint4(g * 29)) % 50))
               else '[]'::jsonb end,
        ts, ts, ts
      from generate_series(${from}::int, ${to}::int) g
      cross join lateral (
        select to_timestamp(${end / 1000}::float8 - (${count}::int - g) * ${spacingSeconds}::float8 - abs(hashint4(g * 31)) % 600) as ts
      ) t
      join bench_text h on h.kind = 'h' and h.i = abs(hashint4(g * 37)) % ${headlinePool}
      join bench_text s on s.kind = 's' and s.i = abs(hashint4(g * 41)) % ${headlinePool}`);
    // Bylines: a few prolific writers and a long tail; one story in six has a second writer.
    await db.execute(sql`
      insert into article_bylines (article_id, author_id, position)
      select ${base} + g, ${intArray(authorIds)}[1 + floor(${authorIds.length} * power((abs(hashint4(g * 43)) % 1000000) / 1000000.0, 2))::int], 0
      from generate_series(${from}::int, ${to}::int) g
      union all
      select ${base} + g, ${intArray(authorIds)}[1 + abs(hashint4(g * 47)) % ${authorIds.length}], 1
      from generate_series(${from}::int, ${to}::int) g where g % 6 = 0
      on conflict do nothing`);
    // Topics: one to four per story, a few very common ones and a long tail of rare ones.
    await db.execute(sql`
      insert into article_tags (article_id, tag_id, position)
      select ${base} + g, ${intArray(tagIds)}[1 + floor(${tagIds.length} * power((abs(hashint4(g * 53 + k)) % 1000000) / 1000000.0, 3))::int], k
      from generate_series(${from}::int, ${to}::int) g
      cross join lateral generate_series(0, abs(hashint4(g * 59)) % 4) k
      on conflict do nothing`);
    progress(to);
  }
  await db.execute(
    sql`select setval(pg_get_serial_sequence('articles', 'id'), (select max(id) from articles))`,
  );
  await db.execute(sql`drop table bench_text`);
  for (const index of indexes) await db.execute(sql.raw(index.definition));
  await db.execute(sql`analyze`);
  app.articles.contentChanged();
  const [totals] = await rows<{ n: number }>(
    app,
    sql`select count(*)::int as n from articles where status = 'published'`,
  );
  return {
    published: Number(totals?.n ?? 0),
    seconds: (performance.now() - started) / 1000,
    oldestId: base + 1,
    middleId: base + Math.ceil(count / 2),
  };
}
