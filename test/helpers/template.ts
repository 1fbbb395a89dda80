import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Config, loadConfig } from '../../src/config/config.ts';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The fixed "now" the test templates are seeded at, so datelines in tests are predictable. */
export const seededAt = new Date('2026-06-22T08:00:00Z');

export const adminDatabaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/**
 * Changes to migrations or demo content give a new template; old ones are simply not used. The runner
 * fixes the key for a whole run, so files edited while tests run cannot point them at a missing template.
 */
export function templateKey(): string {
  const fixed = process.env.BROADSHEET_TEMPLATE_KEY;
  if (fixed) return fixed;
  const hash = createHash('sha256');
  const inputs = [
    ...filesUnder(path.join(projectRoot, 'migrations')),
    ...filesUnder(path.join(projectRoot, 'src/demo')),
  ].sort();
  for (const file of inputs) hash.update(file).update(readFileSync(file));
  return hash.digest('hex').slice(0, 12);
}

export function cacheDir(): string {
  return path.join(projectRoot, '.test-cache', templateKey());
}

export function pgliteDumpPath(): string {
  return path.join(cacheDir(), 'pglite.tar.gz');
}

export function pgTemplateName(): string {
  return `broadsheet_tpl_${templateKey()}`;
}

export function databaseUrl(name: string): string {
  const url = new URL(adminDatabaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export function testConfig(overrides: Record<string, string> = {}): Readonly<Config> {
  return loadConfig({
    DATA_DIR: cacheDir(),
    SITE_URL: 'http://localhost:3000',
    LOG_LEVEL: 'silent',
    ...overrides,
  });
}
