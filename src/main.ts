import { buildServer } from './app/build-server.ts';
import { wire } from './app/wire.ts';
import { userCommand } from './cli/user-command.ts';
import { loadConfig } from './config/config.ts';
import { seedDemo } from './demo/seed.ts';

/**
 * Process entry. `npm start` serves the site; `npm run seed` only fills the demo content;
 * `npm run user -- create …` manages accounts. On first start the database is created, migrated and,
 * unless SEED_DEMO=never, given the demo newsroom.
 */
async function main(command = 'serve', args: string[] = []): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  const app = await wire(config);
  if (command === 'user') {
    const code = await userCommand(app.users, args);
    await app.close();
    process.exit(code);
  }
  if (command === 'seed' || (config.seedDemo && (await app.articles.sections()).length === 0)) {
    const result = await seedDemo(app);
    console.log(`Demo content: ${result.created} articles created, ${result.existing} already there.`);
  }
  if (command === 'seed') {
    await app.close();
    return;
  }
  const server = await buildServer(app);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    server.log.info({ signal }, 'shutting down');
    await server.close();
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await server.listen({ port: config.port, host: config.host });
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
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(`Broadsheet is serving ${config.siteUrl} (${app.database.kind}, ready in ${seconds} s)`);
  const setupLink = await app.users.firstRunSetupLink();
  if (setupLink) {
    console.log(
      `\nNo newsroom accounts yet. Create the first administrator (link works once, for 24 hours):\n  ${setupLink}\n`,
    );
  } else {
    console.log(`Newsroom: ${config.siteUrl}/admin`);
  }
}

main(process.argv[2], process.argv.slice(3)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
