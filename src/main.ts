import { buildServer } from './app/build-server.ts';
import { wire } from './app/wire.ts';
import { loadConfig } from './config/config.ts';
import { seedDemo } from './demo/seed.ts';

/**
 * Process entry. `npm start` serves the site; `npm run seed` only fills the demo content.
 * On first start the database is created, migrated and, unless SEED_DEMO=never, given the demo newsroom.
 */
async function main(command = 'serve'): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  const app = await wire(config);
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
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(`Broadsheet is serving ${config.siteUrl} (${app.database.kind}, ready in ${seconds} s)`);
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
