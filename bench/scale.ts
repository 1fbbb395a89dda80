// `npm run bench -- --articles 100000`: builds a fresh newsroom with that many articles on PGlite (in a
// temporary folder) and on PostgreSQL (a temporary database on 127.0.0.1:5432), then reports per database:
// - uncached render times (p50/p99, one request at a time through the whole HTTP stack in this process)
//   of the article, home, section, latest, topic and author pages, lists deep in the archive and search,
//   with the SQL statements each page sent;
// - the time to publish one article including invalidation, and to render the pages it changed;
// - requests/s and latency at N connections against the server in its own process (page cache off, and
//   the cached article for comparison), with that process's peak RSS.
// Everything made is removed afterwards, unless `keep` names a folder for the PGlite archive: the first
// run generates it there and later runs with the same --articles reuse it (generating 100,000 articles
// takes minutes). Numbers are for this machine; nothing here is asserted.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildServer } from '../src/app/build-server.ts';
import { type App, wire } from '../src/app/wire.ts';
import { loadConfig } from '../src/config/config.ts';
import { type DatabaseHandle, openDatabase } from '../src/db/client.ts';
import { systemActor } from '../src/modules/users/index.ts';
import { type GeneratedArchive, generateArchive } from './generate.ts';
import { type LoadOptions, load, percentile, round1, round2, startServer, withPeakRss } from './load.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface ScaleOptions extends LoadOptions {
  articles: number;
  databases: DatabaseKind[];
  /** Requests per page for render times (after a warm-up). */
  samples: number;
  port: number;
  /** The PostgreSQL server to create the temporary database on. */
  postgresUrl: string;
  saveHtml?: string | undefined;
  /** A folder to keep the PGlite archive in, generated on the first run and reused afterwards. */
  keep?: string | undefined;
}

interface Target {
  kind: DatabaseKind;
  dataDir: string;
  database: DatabaseHandle;
  /** Environment for a server process on the same database. */
  env: Record<string, string>;
  cleanup(): Promise<void>;
}

async function createTarget(kind: DatabaseKind, options: ScaleOptions): Promise<Target> {
  if (kind === 'pglite') {
    const kept = options.keep ? path.resolve(options.keep) : undefined;
    if (kept) mkdirSync(kept, { recursive: true });
    const dataDir = kept ?? mkdtempSync(path.join(os.tmpdir(), 'broadsheet-bench-'));
    const database = await openDatabase({ dataDir });
    return {
      kind,
      dataDir,
      database,
      env: { DATA_DIR: dataDir },
      cleanup: async () => {
        if (!kept) rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-bench-'));
  const name = `broadsheet_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: options.postgresUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  const url = new URL(options.postgresUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  return {
    kind,
    dataDir,
    database,
    env: { DATA_DIR: dataDir, DATABASE_URL: url.toString() },
    cleanup: async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function rows<T>(database: DatabaseHandle, query: ReturnType<typeof sql>): Promise<T[]> {
  // Both drivers answer raw SQL with `{ rows }`; Drizzle's shared type cannot say so.
  return ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** Pages worth measuring on this archive: the URLs a reader would follow to reach them. */
async function pickPages(target: Target, archive: GeneratedArchive) {
  const one = async <T>(query: ReturnType<typeof sql>) => (await rows<T>(target.database, query))[0];
  const path = (row: { section: string; slug: string } | undefined) => `/${row?.section}/${row?.slug}`;
  const lead = await one<{ section: string; slug: string }>(sql`select s.slug as section, a.slug
    from articles a join sections s on s.id = a.section_id where a.home_position = 0`);
  const archived = await rows<{ section: string; slug: string }>(
    target.database,
    sql`select s.slug as section, a.slug from articles a join sections s on s.id = a.section_id
      where a.status = 'published' and a.id between ${archive.oldestId} and ${archive.middleId * 2}
      order by hashint4(a.id) limit 100`,
  );
  const tag = await one<{ slug: string; n: number }>(sql`select t.slug, count(*)::int as n
    from tags t join article_tags x on x.tag_id = t.id group by t.slug order by count(*) desc limit 1`);
  const author = await one<{ slug: string; n: number }>(sql`select au.slug, count(*)::int as n
    from authors au join article_bylines b on b.author_id = au.id group by au.slug order by count(*) desc limit 1`);
  // The story halfway down "Latest", and the 21st oldest of Politics: lists read from there by cursor.
  const middle = await one<{ id: number }>(sql`select id from articles where status = 'published'
    order by published_at desc, id desc offset ${Math.floor(archive.published / 2)} limit 1`);
  const nearEnd = await one<{ id: number }>(sql`select a.id from articles a
    join sections s on s.id = a.section_id and s.slug = 'politics'
    where a.status = 'published' order by a.published_at asc, a.id asc offset 21 limit 1`);
  return {
    lead: path(lead),
    archived: archived.map(path),
    pages: {
      home: ['/'],
      'section (Politics)': ['/politics'],
      latest: ['/latest'],
      'latest, page 10 (last numbered)': ['/latest?page=10'],
      [`latest, story ${Math.floor(archive.published / 2)} deep`]: [`/latest?before=${middle?.id}`],
      'Politics, oldest stories': [`/politics?before=${nearEnd?.id}`],
      [`topic (${tag?.n} stories)`]: [`/tag/${tag?.slug}`],
      [`author (${author?.n} stories)`]: [`/author/${author?.slug}`],
      search: [
        '/search?q=minister',
        '/search?q=interest+rates',
        '/search?q=%22climate+change%22',
        '/search?q=council+housing+plans',
        '/search?q=election&section=politics',
      ],
    } as Record<string, string[]>,
  };
}

interface Timing {
  page: string;
  p50: number;
  p99: number;
  statements: number;
  status: number;
}

/** Sequential requests through the whole stack (routing, data, render, headers): one at a time. */
async function timeRequests(
  server: FastifyInstance,
  database: DatabaseHandle,
  page: string,
  urls: string[],
  samples: number,
  warmUp = true,
): Promise<Timing> {
  if (warmUp) for (const url of urls) await server.inject({ method: 'GET', url });
  const times: number[] = [];
  let statements = 0;
  let status = 0;
  for (let i = 0; i < samples; i++) {
    const url = urls[i % urls.length] ?? '/';
    const before = database.queries.total;
    const started = performance.now();
    const res = await server.inject({ method: 'GET', url });
    times.push(performance.now() - started);
    statements += database.queries.total - before;
    status = Math.max(status, res.statusCode);
  }
  times.sort((a, b) => a - b);
  return {
    page,
    p50: round2(percentile(times, 50)),
    p99: round2(percentile(times, 99)),
    statements: round1(statements / samples),
    status,
  };
}

/** Slugs of the stories the bench publishes, so they can be taken out again. */
const benchSlugPrefix = 'council-spending-plans-bench-';

/**
 * Deletes the stories the bench published and the jobs they queued (their audio), so the server under
 * load records no speech and a kept archive stays as generated.
 */
async function removePublished(database: DatabaseHandle): Promise<void> {
  await database.db.execute(sql`
    with gone as (delete from articles where slug like ${`${benchSlugPrefix}%`} returning id)
    delete from jobs where status = 'pending' and dedupe_key in (select 'audio:' || id from gone)`);
}

/** The archive description kept beside a reused PGlite archive. */
const archiveFile = 'bench-archive.json';

/** The archive already generated in a kept folder, if it has the size asked for. */
function keptArchive(target: Target, options: ScaleOptions): GeneratedArchive | undefined {
  const file = path.join(target.dataDir, archiveFile);
  if (!options.keep || target.kind !== 'pglite' || !existsSync(file)) return undefined;
  const kept = JSON.parse(readFileSync(file, 'utf8')) as { articles: number; archive: GeneratedArchive };
  if (kept.articles !== options.articles) {
    throw new Error(
      `${target.dataDir} holds an archive of ${kept.articles} articles, not ${options.articles}: keep another folder`,
    );
  }
  return kept.archive;
}

async function generateOrReuse(target: Target, app: App, options: ScaleOptions): Promise<GeneratedArchive> {
  const kept = keptArchive(target, options);
  if (kept) {
    console.log(`Archive: ${kept.published} published articles, reused from ${target.dataDir}`);
    return kept;
  }
  let last = 0;
  const archive = await generateArchive(app, options.articles, (done) => {
    if (done - last >= options.articles / 10 || done === options.articles) {
      process.stdout.write(`  generated ${done} articles\n`);
      last = done;
    }
  });
  if (options.keep && target.kind === 'pglite') {
    writeFileSync(
      path.join(target.dataDir, archiveFile),
      JSON.stringify({ articles: options.articles, archive }),
    );
  }
  console.log(`Archive: ${archive.published} published articles, generated in ${round1(archive.seconds)} s`);
  return archive;
}

/** Writes and publishes one article through the newsroom service, as an editor would. */
async function publishOne(app: App, n: number): Promise<{ id: number; publishMs: number }> {
  const sections = await app.articles.sections();
  const politics = sections.find((s) => s.slug === 'politics') ?? sections[0];
  if (!politics) throw new Error('no sections');
  const draft = await app.editorial.create(systemActor);
  const [author] = await app.authors.list();
  const saved = await app.editorial.save(systemActor, draft.id, {
    version: draft.version,
    headline: `Council publishes its spending plans for the year, part ${n}`,
    standfirst: 'The plans set out where the money goes, line by line.',
    label: 'none',
    sectionId: politics.id,
    tags: ['Local government', 'Budget'],
    authorIds: author ? [author.id] : [],
    leadMediaId: null,
    slug: `${benchSlugPrefix}${process.pid}-${n}`,
    seoTitle: '',
    seoDescription: '',
    socialTitle: '',
    socialDescription: '',
    body: [
      { type: 'paragraph', content: [{ text: 'The council published its plans on Monday.' }] },
      { type: 'paragraph', content: [{ text: 'Councillors will vote on them next month.' }] },
    ],
    embargoUntil: null,
  });
  const started = performance.now();
  await app.editorial.publish(systemActor, draft.id, saved.version);
  return { id: draft.id, publishMs: performance.now() - started };
}

async function measureInProcess(target: Target, app: App, archive: GeneratedArchive, options: ScaleOptions) {
  const server = await buildServer(app, { logLevel: 'silent' });
  try {
    const { lead, archived, pages } = await pickPages(target, archive);
    const timings: Timing[] = [];
    timings.push(
      await timeRequests(server, target.database, 'article (demo lead story)', [lead], options.samples),
    );
    // Each archive story seen for the first time: its related stories are ranked on this request.
    timings.push(
      await timeRequests(
        server,
        target.database,
        `article, ${archived.length} archive stories, first view`,
        archived,
        archived.length,
        false,
      ),
    );
    timings.push(
      await timeRequests(
        server,
        target.database,
        'article, archive stories seen before',
        archived,
        options.samples,
      ),
    );
    for (const [page, urls] of Object.entries(pages)) {
      timings.push(await timeRequests(server, target.database, page, urls, options.samples));
    }
    const rssAfterRenders = Math.round(process.memoryUsage().rss / 1048576);

    // Publishing: the newsroom call (transaction, revision, invalidation), then the pages it changed.
    const publishes: { publishMs: number; homeMs: number; latestMs: number; sectionMs: number }[] = [];
    for (let n = 1; n <= 5; n++) {
      const { publishMs } = await publishOne(app, n);
      const render = async (url: string) => {
        const started = performance.now();
        await server.inject({ method: 'GET', url });
        return performance.now() - started;
      };
      publishes.push({
        publishMs,
        homeMs: await render('/'),
        latestMs: await render('/latest'),
        sectionMs: await render('/politics'),
      });
    }
    const median = (pick: (p: (typeof publishes)[number]) => number) =>
      round1(
        percentile(
          publishes.map(pick).sort((a, b) => a - b),
          50,
        ),
      );
    const html = options.saveHtml ? (await server.inject({ method: 'GET', url: lead })).body : undefined;
    return {
      lead,
      timings,
      rssAfterRenders,
      publish: {
        publishMs: median((p) => p.publishMs),
        homeMs: median((p) => p.homeMs),
        latestMs: median((p) => p.latestMs),
        sectionMs: median((p) => p.sectionMs),
      },
      html,
    };
  } finally {
    await server.close();
  }
}

async function measureUnderLoad(target: Target, lead: string, options: ScaleOptions) {
  const results: Record<string, string | number | undefined>[] = [];
  const pages = { article: lead, home: '/', latest: '/latest', section: '/politics' };
  for (const cache of ['off', 'on'] as const) {
    const server = await startServer(options.port, { ...target.env, PAGE_CACHE: cache, SEED_DEMO: 'never' });
    try {
      const list = cache === 'off' ? Object.entries(pages) : [['article', lead] as const];
      for (const [page, url] of list) {
        // Viewed once first, as the demo bench does: "page cache" measures a page that is in the cache,
        // and neither run measures ranking its related stories for the first time.
        await (await fetch(`${server.base}${url}`)).arrayBuffer();
        const { result, peakMb } = await withPeakRss(server.pid, () => load(`${server.base}${url}`, options));
        results.push({
          page: `${page}${cache === 'on' ? ' (page cache)' : ' (uncached)'}`,
          'req/s': result.requestsPerSecond,
          'p50 ms': result.p50,
          'p99 ms': result.p99,
          errors: result.errors,
          'KB sent': result.kbPerRequest,
          'peak RSS MB': peakMb,
          'start-up s': round2(server.startupMs / 1000),
        });
      }
    } finally {
      await server.stop();
    }
  }
  return results;
}

export async function scaleBench(options: ScaleOptions): Promise<void> {
  for (const kind of options.databases) {
    console.log(`\n=== ${options.articles} generated articles on ${kind} ===`);
    const target = await createTarget(kind, options);
    try {
      const config = loadConfig({
        DATA_DIR: target.dataDir,
        SITE_URL: 'http://localhost:3000',
        LOG_LEVEL: 'silent',
        PAGE_CACHE: 'off',
      });
      const app = await wire(config, { database: target.database });
      let lead = '/';
      try {
        const archive = await generateOrReuse(target, app, options);
        const measured = await measureInProcess(target, app, archive, options);
        await removePublished(target.database);
        lead = measured.lead;
        if (measured.html && options.saveHtml) {
          writeFileSync(options.saveHtml, measured.html);
          console.log(`Saved the article's HTML (${measured.lead}) to ${options.saveHtml}`);
        }
        console.log(
          `\nUncached render times on ${kind}, one request at a time in this process (${options.samples} samples per page):`,
        );
        console.table(
          measured.timings.map((t) => ({
            page: t.page,
            'p50 ms': t.p50,
            'p99 ms': t.p99,
            'SQL/request': t.statements,
            status: t.status,
          })),
        );
        const p = measured.publish;
        console.log(
          `Publishing one article (median of 5): ${p.publishMs} ms for the publish call including invalidation;` +
            ` then home ${p.homeMs} ms, latest ${p.latestMs} ms, section ${p.sectionMs} ms to render afresh.`,
        );
        console.log(`RSS of this process after the renders: ${measured.rssAfterRenders} MB`);
      } finally {
        await app.close();
      }
      console.log(
        `\nUnder load on ${kind}: ${options.connections} connections, ${options.seconds} s per page, server in its own process:`,
      );
      console.table(await measureUnderLoad(target, lead, options));
    } finally {
      await target.cleanup();
    }
  }
}
