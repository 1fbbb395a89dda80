// Starting worker threads (src/shared/worker-thread.ts): from the TypeScript sources, with the data given,
// and with a young generation of their own size while the process keeps the size it was started with.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./fixtures/worker-thread/start-two.ts', import.meta.url));

describe('startWorker', () => {
  it('gives a worker the young generation it asks for, and later workers the process setting', () => {
    const run = spawnSync(process.execPath, ['--max-semi-space-size=8', '--import', 'tsx', script], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(run.status, 0, run.stderr);
    const [small, usual] = JSON.parse(run.stdout) as { label: string; newSpaceMb: number }[];
    assert.equal(small?.label, 'small', 'the worker read the data it was given');
    assert.ok(small && small.newSpaceMb <= 2, `asked for 1 MB semi-spaces, has ${small?.newSpaceMb} MB`);
    // Two semi-spaces of the process's 8 MB, not V8's default of 16 each: the setting was put back.
    assert.equal(usual?.newSpaceMb, 16);
  });
});
