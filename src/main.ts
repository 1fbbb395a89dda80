import v8 from 'node:v8';
import { announceWorkerReady, isClusterWorker, isFirstWorker, runPrimary } from './app/cluster.ts';
import type { App } from './app/wire.ts';
import { type Config, loadConfig } from './config/config.ts';

// V8 lets garbage grow the heap by a large factor before collecting; at 100% the resident memory under
// load measured about 80 MB lower at the same requests/s. On PGlite, whose database shares the process,
// 50% keeps a 100,000-article site's serving heap about 15 MB smaller under load (65 MB against 80) for
// 2-8% fewer uncached pages per second; lower values cost more throughput.
v8.setFlagsFromString(`--heap-growing-percent=${process.env.DATABASE_URL ? 100 : 50}`);
// PGlite's WebAssembly is compiled by the optimising compiler only, not first by the baseline one and
// again when hot: about 20 MB less resident memory at the same requests/s, for about a second more at
// start-up. (The young generation can only be sized on the command line: scripts/start.sh does it.)
v8.setFlagsFromString('--no-liftoff');

// The app is imported on demand: a cluster's primary process never loads it, and stays small.
const wire = async (config: Readonly<Config>) => (await import('./app/wire.ts')).wire(config);

/**
 * Process entry. `npm start` serves the site; `npm run seed` only fills the demo content;
 * `npm run user -- create …` manages accounts. On first start the database is created, migrated and,
 * unless SEED_DEMO=never, given the demo newsroom. With WORKERS above 1 this process prepares the
 * database and forks that many serving processes (src/app/cluster.ts).
 */
async function main(command = 'serve', args: string[] = []): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  if (command === 'serve' && config.workers > 1) {
    if (isClusterWorker()) return serveAsWorker(config);
    const code = await runPrimary({
      workers: config.workers,
      onReady: (newsroom) => {
        console.log(ready(config, `postgres, ${config.workers} worker processes`, started));
        console.log(newsroom);
      },
    });
    process.exit(code);
  }
  const app = await wire(config);
  if (command === 'user') {
    const { userCommand } = await import('./cli/user-command.ts');
    const code = await userCommand(app.users, args);
    await app.close();
    process.exit(code);
  }
  await seedIfNeeded(app, config, command === 'seed');
  if (command === 'seed') {
    await app.close();
    return;
  }
  await serve(app, config);
  console.log(ready(config, app.database.kind, started));
  console.log(await newsroomLink(app, config));
}

async function seedIfNeeded(app: App, config: Readonly<Config>, asked: boolean): Promise<void> {
  if (!asked && !(config.seedDemo && (await app.articles.sections()).length === 0)) return;
  const { seedDemo } = await import('./demo/seed.ts');
  const result = await seedDemo(app);
  console.log(`Demo content: ${result.created} articles created, ${result.existing} already there.`);
}

/** One of several serving processes; the first also prepares the database, as a single process does. */
async function serveAsWorker(config: Readonly<Config>): Promise<void> {
  const app = await wire(config);
  const first = isFirstWorker();
  if (first) await seedIfNeeded(app, config, false);
  await serve(app, config);
  announceWorkerReady(first ? await newsroomLink(app, config) : undefined);
}

/** Listens and starts the background work of one serving process. */
async function serve(app: App, config: Readonly<Config>): Promise<void> {
  const { buildServer } = await import('./app/build-server.ts');
  const { listen } = await import('./http/page-cache/index.ts');
  const server = await buildServer(app);
  let listener: Awaited<ReturnType<typeof listen>> | undefined;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    server.log.info({ signal }, 'shutting down');
    // Stop accepting and drop idle connections first; Fastify then ends live streams and busy requests.
    await listener?.close();
    await server.close();
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  // Fresh page-cache hits are answered by the fast lane below Node's HTTP layer; the rest reach Fastify.
  listener = await listen(server, app.pageCache, { port: config.port, host: config.host });
  app.jobs.start();
  // Live events are kept for a day for readers who reconnect; an hourly job deletes older ones.
  app.realtime
    .schedulePrune()
    .catch((error: unknown) => console.error('could not schedule the live event pruning', error));
  // Articles without audio (the demo content on first start) are recorded in the background.
  if (app.tts.backfill) {
    app.audio
      .scheduleBackfill()
      .catch((error: unknown) => console.error('could not schedule article audio', error));
  }
}

function ready(config: Readonly<Config>, how: string, started: number): string {
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  return `Broadsheet is serving ${config.siteUrl} (${how}, ready in ${seconds} s)`;
}

/** Where the newsroom is; on first run, the one-time link that creates the first administrator. */
async function newsroomLink(app: App, config: Readonly<Config>): Promise<string> {
  const setupLink = await app.users.firstRunSetupLink();
  if (!setupLink) return `Newsroom: ${config.siteUrl}/admin`;
  return `\nNo newsroom accounts yet. Create the first administrator (link works once, for 24 hours):\n  ${setupLink}\n`;
}

main(process.argv[2], process.argv.slice(3)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
