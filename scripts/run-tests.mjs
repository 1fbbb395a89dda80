// Runs the test suite with Node's own runner (through tsx for TypeScript).
// `node scripts/run-tests.mjs [unit|http|e2e]` runs one group; no argument runs all of them, in order.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const groups = {
  unit: ['src', 'test/unit'],
  http: ['test/http'],
  e2e: ['test/e2e'],
};

function findTests(folder) {
  let found = [];
  let entries;
  try {
    entries = readdirSync(folder);
  } catch {
    return found;
  }
  for (const name of entries) {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) found = found.concat(findTests(full));
    else if (/\.test\.tsx?$/.test(name)) found.push(full);
  }
  return found.sort();
}

const chosen = process.argv[2] ? [process.argv[2]] : Object.keys(groups);
const files = chosen.flatMap((group) => {
  if (!groups[group]) throw new Error(`unknown test group ${group}`);
  return groups[group].flatMap(findTests);
});

// Templates (a migrated, seeded database) are built once, then cloned by every test file.
const prepare = spawnSync(process.execPath, ['--import', 'tsx', 'test/helpers/prepare.ts'], {
  stdio: 'inherit',
});
if (prepare.status !== 0) process.exit(prepare.status ?? 1);

const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files],
  { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } },
);
process.exit(result.status ?? 1);
