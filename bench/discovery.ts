// `npx tsx bench/discovery.ts [--articles 10000]`: builds an in-memory PGlite newsroom with the demo content
// plus N generated articles, then reports search latency (p50/p99 for typical queries), related-story
// computation time per article, and feed and sitemap generation times. Numbers are for this machine;
// nothing here is asserted. Set DATABASE_URL to measure a PostgreSQL server instead (it must be empty).
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { wire } from '../src/app/wire.ts';
import { loadConfig } from '../src/config/config.ts';
import { openDatabase } from '../src/db/client.ts';
import { articleBylines, articles, articleTags } from '../src/db/schema/index.ts';
import { seedDemo } from '../src/demo/seed.ts';
import type { FeedFormat } from '../src/modules/feeds/index.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    // A folder to keep the generated PGlite database in, so later runs skip the seeding.
    keep: { type: 'string' },
  },
});
const count = Number(values.articles);

/** A small deterministic generator, so every run measures the same archive. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
const rand = random(42);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;

const topics = {
  politics: [
    'minister',
    'parliament',
    'election',
    'vote',
    'budget',
    'reform',
    'coalition',
    'resign',
    'policy',
    'council',
  ],
  world: [
    'summit',
    'treaty',
    'border',
    'ceasefire',
    'embassy',
    'sanctions',
    'refugees',
    'alliance',
    'diplomat',
    'nato',
  ],
  business: [
    'inflation',
    'rates',
    'profits',
    'shares',
    'merger',
    'jobs',
    'exports',
    'wages',
    'bank',
    'retail',
  ],
  technology: [
    'software',
    'chips',
    'startup',
    'privacy',
    'broadband',
    'robot',
    'cyber',
    'data',
    'satellite',
    'ai',
  ],
  science: [
    'climate',
    'research',
    'vaccine',
    'species',
    'telescope',
    'genome',
    'glacier',
    'ocean',
    'fossil',
    'energy',
  ],
  culture: ['festival', 'novel', 'theatre', 'gallery', 'album', 'film', 'museum', 'prize', 'opera', 'poetry'],
  sport: ['match', 'league', 'cup', 'coach', 'striker', 'wicket', 'marathon', 'final', 'transfer', 'injury'],
} as const;
const common = [
  'said',
  'year',
  'people',
  'new',
  'government',
  'week',
  'report',
  'plans',
  'city',
  'country',
  'today',
];

function sentence(words: readonly string[], length: number): string {
  const out = Array.from({ length }, () => (rand() < 0.35 ? pick(words) : pick(common)));
  const text = out.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function time<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await work();
  return [performance.now() - started, result];
}

const database = await openDatabase({ url: process.env.DATABASE_URL, dataDir: values.keep });
const app = await wire(
  loadConfig({ SITE_URL: 'http://localhost:3000', LOG_LEVEL: 'silent', DATA_DIR: 'data/bench-discovery' }),
  {
    database,
  },
);
const { db } = database;
const existing = (await db.execute(sql`select count(*)::int as n from articles`)) as unknown as {
  rows: { n: number }[];
};
const alreadySeeded = Number(existing.rows[0]?.n ?? 0) > count;
console.log(`Database: ${database.kind}. Seeding the demo newsroom and ${count} generated articles…`);
await seedDemo(app);
const sections = await app.articles.sections();
const authorIds = (await app.authors.list()).map((a) => a.id);
const tagIds = new Map<string, number>();
for (const [slug, words] of Object.entries(topics)) {
  for (const word of words)
    tagIds.set(`${slug}:${word}`, await app.articles.ensureTag(`bench-${word}`, word));
}
const [seedMs] = await time(async () => {
  if (alreadySeeded) return;
  const now = Date.now();
  for (let start = 0; start < count; start += 250) {
    const batch = Array.from({ length: Math.min(250, count - start) }, (_, k) => {
      const i = start + k;
      const section = pick(sections);
      const words = topics[section.slug as keyof typeof topics] ?? topics.politics;
      const body = Array.from({ length: 8 + Math.floor(rand() * 8) }, () => ({
        type: 'paragraph',
        content: [{ text: `${sentence(words, 14)} ${sentence(words, 12)}` }],
      }));
      return {
        slug: `bench-${i}`,
        status: 'published' as const,
        headline: sentence(words, 9).replace(/\.$/, ''),
        standfirst: sentence(words, 22),
        sectionId: section.id,
        body,
        publishedAt: new Date(now - Math.floor(rand() * 400 * 24) * 3_600_000),
        words,
      };
    });
    const inserted = await db
      .insert(articles)
      .values(batch.map(({ words: _w, ...row }) => row))
      .returning({ id: articles.id, sectionId: articles.sectionId });
    const bylines = inserted.map((row) => ({ articleId: row.id, authorId: pick(authorIds), position: 0 }));
    await db.insert(articleBylines).values(bylines);
    const tags = inserted.flatMap((row, k) => {
      const section = sections.find((s) => s.id === row.sectionId)?.slug ?? 'politics';
      const words = batch[k]?.words ?? [];
      const chosen = new Set([pick(words), pick(words)]);
      return [...chosen].flatMap((word, position) => {
        const tagId = tagIds.get(`${section}:${word}`);
        return tagId ? [{ articleId: row.id, tagId, position }] : [];
      });
    });
    if (tags.length > 0) await db.insert(articleTags).values(tags);
  }
  await db.execute(sql`analyze`);
  app.articles.contentChanged();
});
console.log(`Generated ${count} articles in ${(seedMs / 1000).toFixed(1)} s.\n`);

// Search: typical reader queries, each run several times (the first run of each warms the cache of pages).
const queries = [
  'minister',
  'inflation rates',
  '"climate research"',
  'nato -summit',
  'festival or album',
  'resigned',
  'cup final',
  'broadband privacy',
  'glacier',
  'government plans',
];
const searchTimes: number[] = [];
for (let round = 0; round < 5; round++) {
  for (const q of queries) {
    const input = app.search.parse({ q });
    const [ms] = await time(() => app.search.search(input));
    if (round > 0) searchTimes.push(ms);
  }
}
const pageTwo: number[] = [];
for (const q of queries)
  pageTwo.push((await time(() => app.search.search(app.search.parse({ q, page: '2' }))))[0]);
searchTimes.sort((a, b) => a - b);
pageTwo.sort((a, b) => a - b);

// Related stories: computed afresh (no cache) for a sample of articles.
const sample = (await db.execute(
  sql`select id from articles where status = 'published' order by id desc limit 40`,
)) as unknown as {
  rows: { id: number }[];
};
const relatedTimes: number[] = [];
for (const row of sample.rows) relatedTimes.push((await time(() => app.related.preview(Number(row.id))))[0]);
relatedTimes.sort((a, b) => a - b);

// Feeds and sitemaps: generated with an empty cache each time.
const generation: { what: string; ms: number; kb: number }[] = [];
const measure = async (what: string, work: () => Promise<{ body: string }>) => {
  app.feeds.invalidate();
  const [ms, doc] = await time(work);
  generation.push({ what, ms: Math.round(ms), kb: Math.round(doc.body.length / 1024) });
};
for (const format of ['rss', 'atom', 'json'] as FeedFormat[]) {
  await measure(`site feed (${format}), cold picture crops`, () => app.feeds.feed({ kind: 'site' }, format));
  await measure(`site feed (${format})`, () => app.feeds.feed({ kind: 'site' }, format));
}
await measure('section feed (rss)', () => app.feeds.feed({ kind: 'section', slug: 'politics' }, 'rss'));
await measure('tag feed (atom)', () => app.feeds.feed({ kind: 'tag', slug: 'bench-minister' }, 'atom'));
await measure('sitemap index', () => app.feeds.sitemapIndex());
const month = new Date().toISOString().slice(0, 7);
await measure(`article sitemap ${month}`, () => app.feeds.sitemap(`articles-${month}`));
await measure('topics sitemap', () => app.feeds.sitemap('topics'));
await measure('Google News sitemap', () => app.feeds.newsSitemap());

const ms = (n: number) => `${n.toFixed(1)} ms`;
console.log(`Search over ${count + 48} articles (${searchTimes.length} queries after warm-up):`);
console.log(`  p50 ${ms(percentile(searchTimes, 50))}, p99 ${ms(percentile(searchTimes, 99))}`);
console.log(`  page 2: p50 ${ms(percentile(pageTwo, 50))}, max ${ms(pageTwo.at(-1) ?? 0)}`);
console.log(`Related stories, computed without cache (${relatedTimes.length} articles):`);
console.log(`  p50 ${ms(percentile(relatedTimes, 50))}, p99 ${ms(percentile(relatedTimes, 99))}`);
console.log('Feeds and sitemaps, generated from an empty cache:');
console.table(generation);
await app.close();
