// `npm run bench`: settles the demo newsroom (seeded, article audio recorded), then starts the compiled
// Broadsheet on PGlite with the demo content as a separate process, as `npm start` runs it, and drives
// concurrent load (wrk when installed, autocannon otherwise; it says which) at the article page, the home
// page and the latest listing, once with the page cache off (every request renders) and once with it on,
// printing requests/s, p50/p99 latency, the server's peak RSS under load and its start-up time to the
// first page.
//
// Options:
//   --seconds N        seconds of load per page (default 10)
//   --connections N    concurrent connections (default 64)
//   --port N           port for the server under test (default 3999)
//   --save-html FILE   also write the article page's HTML to FILE (to serve the same bytes from nginx)
//   --database-url URL run the demo bench on this PostgreSQL database instead of PGlite (seeded with the
//                      demo newsroom when empty)
//   --workers N        serving processes (WORKERS=N; above 1 needs --database-url); RSS is then the sum of
//                      the primary and its workers
//   --compare URL      only drive the same load at URL (any server) and print the same figures
//   --articles N       the scale bench (bench/scale.ts): a fresh newsroom with N generated articles on
//                      PGlite and PostgreSQL; --databases pglite,postgres picks which; --samples N sets the
//                      requests per page for render times (default 200); --postgres URL names the server
//                      (default postgres://postgres@127.0.0.1:5432/postgres); --keep DIR generates the
//                      PGlite archive in DIR once and reuses it afterwards
//   --audio            text-to-speech instead (bench/audio.ts)
//   --live             live-update delivery to 1,000 and 10,000 SSE clients instead (bench/live.ts; its own
//                      options --counts, --events, --interval-ms follow)
//
// Comparing with a static file server: `npm run bench -- --save-html /tmp/article.html` saves the article
// page; serve that file from nginx on 127.0.0.1 with a precompressed copy (`gzip -k article.html`,
// `gzip_static on`, one worker, access_log off), then
// `npm run bench -- --compare http://127.0.0.1:8080/article.html` measures it with the same generator.
// Use wrk for this: autocannon saturates at about 11k requests/s here, below both servers.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { demoArticles } from '../src/demo/content/index.ts';
import { synthesizeJob } from '../src/modules/audio/index.ts';
import { audioBench } from './audio.ts';
import { load, round2, startServer, withPeakRss } from './load.ts';
import { type DatabaseKind, scaleBench } from './scale.ts';

// The live bench runs in its own process: it may re-run itself under a higher open-files limit.
if (process.argv.includes('--live')) {
  const rest = process.argv.slice(2).filter((arg) => arg !== '--live');
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'bench/live.ts', ...rest], {
    stdio: 'inherit',
  });
  process.exit(child.status ?? 1);
}

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '64' },
    port: { type: 'string', default: '3999' },
    audio: { type: 'boolean', default: false },
    articles: { type: 'string' },
    databases: { type: 'string', default: 'pglite,postgres' },
    samples: { type: 'string', default: '200' },
    postgres: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    compare: { type: 'string' },
    'database-url': { type: 'string' },
    keep: { type: 'string' },
    workers: { type: 'string', default: '1' },
    'save-html': { type: 'string' },
  },
});

function positive(name: string, value: string | undefined, max: number): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1 || n > max) {
    console.error(`--${name} must be a whole number from 1 to ${max}.`);
    process.exit(2);
  }
  return n;
}

// Load is bounded: at most a minute per page, at most 1,000 connections.
const seconds = positive('seconds', values.seconds, 60);
const connections = positive('connections', values.connections, 1000);
const port = positive('port', values.port, 65535);
const loadOptions = { seconds, connections };
const workers = positive('workers', values.workers, 64);
if (workers > 1 && !values['database-url']) {
  console.error('--workers above 1 needs --database-url: PGlite lives inside one process.');
  process.exit(2);
}

function row(name: string, r: Awaited<ReturnType<typeof load>>) {
  return {
    page: name,
    'req/s': r.requestsPerSecond,
    'p50 ms': r.p50,
    'p99 ms': r.p99,
    errors: r.errors,
    'KB sent': r.kbPerRequest,
  };
}

async function compare(url: string): Promise<void> {
  console.log(
    `Load: ${connections} connections, ${seconds} s, compressed responses accepted, against ${url}\n`,
  );
  console.table([row(url, await load(url, loadOptions))]);
}

async function demoBench(): Promise<void> {
  const databaseUrl = values['database-url'];
  // Media files belong with their database: PostgreSQL runs keep theirs apart from PGlite's.
  const dataDir = path.resolve('data', databaseUrl ? 'bench-postgres' : 'bench');
  mkdirSync(dataDir, { recursive: true });
  const lead = demoArticles.find((a) => a.homePosition === 0);
  if (!lead) throw new Error('no lead story in the demo content');
  const pages = { article: `/${lead.section}/${lead.slug}`, home: '/', latest: '/latest' };
  const env = {
    DATA_DIR: dataDir,
    WORKERS: String(workers),
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
  await settleNewsroom(env);
  console.log(
    `Load: ${connections} connections, ${seconds} s per page, compressed responses, load generator on the same machine`,
  );
  console.log(
    `Server: ${databaseUrl ? 'PostgreSQL' : 'PGlite'}, ${workers === 1 ? 'one process' : `${workers} worker processes`}\n`,
  );
  const rows: Record<string, string | number | undefined>[] = [];
  for (const cache of ['off', 'on'] as const) {
    const server = await startServer(port, { ...env, PAGE_CACHE: cache });
    try {
      console.log(
        `Page cache ${cache}: start-up to first served page ${round2(server.startupMs / 1000)} s` +
          ' (the compiled server, as `npm start` runs it)',
      );
      for (const [name, url] of Object.entries(pages)) {
        const html = await (await fetch(`${server.base}${url}`)).text();
        if (name === 'article' && values['save-html']) {
          writeFileSync(values['save-html'], html);
          console.log(`Saved the article's HTML (${url}) to ${values['save-html']}`);
        }
        const { result, peakMb } = await withPeakRss(server.pid, () =>
          load(`${server.base}${url}`, loadOptions),
        );
        rows.push({
          ...row(`${name} (${cache === 'on' ? 'page cache' : 'uncached'})`, result),
          'HTML KB': Math.round(html.length / 102.4) / 10,
          'peak RSS MB': peakMb,
        });
      }
    } finally {
      await server.stop();
    }
  }
  console.log();
  console.table(rows);
}

/**
 * Brings the bench's newsroom to the state a running site settles into before any load: the demo content
 * seeded and the background work its publishing queued (each article's audio) done. Without this the
 * first runs on a new data folder measured pages while the server was still recording speech beside them.
 */
async function settleNewsroom(env: Record<string, string>): Promise<void> {
  const started = performance.now();
  const { loadConfig } = await import('../src/config/config.ts');
  const { wire } = await import('../src/app/wire.ts');
  const app = await wire(loadConfig({ ...process.env, ...env, LOG_LEVEL: 'warn' }));
  try {
    if ((await app.articles.sections()).length === 0) {
      const { seedDemo } = await import('../src/demo/seed.ts');
      await seedDemo(app);
    }
    if (app.tts.backfill) await app.audio.scheduleBackfill();
    let jobs = await app.jobs.runDue();
    // The backfill spaces recordings a few seconds apart (so fresh stories go first); nobody publishes
    // here, so they are brought forward and recorded now.
    await app.database.db.execute(
      sql`update jobs set run_at = now() where status = 'pending' and kind = ${synthesizeJob}`,
    );
    jobs += await app.jobs.runDue();
    const took = round2((performance.now() - started) / 1000);
    console.log(`Newsroom settled: ${jobs} background jobs run (article audio) in ${took} s`);
  } finally {
    await app.close();
  }
}

if (values.audio) {
  await audioBench();
} else if (values.compare) {
  await compare(values.compare);
} else if (values.articles !== undefined) {
  const databases = values.databases.split(',').map((d) => d.trim());
  if (!databases.every((d): d is DatabaseKind => d === 'pglite' || d === 'postgres')) {
    console.error('--databases takes pglite, postgres or both (comma-separated).');
    process.exit(2);
  }
  await scaleBench({
    ...loadOptions,
    articles: positive('articles', values.articles, 5_000_000),
    databases,
    samples: positive('samples', values.samples, 100_000),
    port,
    postgresUrl: values.postgres,
    saveHtml: values['save-html'],
    keep: values.keep,
  });
} else {
  await demoBench();
}
process.exit(0);
