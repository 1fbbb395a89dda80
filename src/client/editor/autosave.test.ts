import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from './api.ts';
import { Autosaver, type SaveState } from './autosave.ts';
import type { SaveAnswer } from './types.ts';

/** A clock the test moves by hand, and a server whose answers the test releases one at a time. */
function harness() {
  const timers: { at: number; run: () => void }[] = [];
  let now = 0;
  const sent: number[] = [];
  const pending: { resolve(a: SaveAnswer): void; reject(e: unknown): void }[] = [];
  const states: SaveState['kind'][] = [];
  const saver = new Autosaver(5, {
    save: (version) => {
      sent.push(version);
      return new Promise((resolve, reject) => pending.push({ resolve, reject }));
    },
    onState: (state) => states.push(state.kind),
    later: (run, ms) => {
      const timer = { at: now + ms, run };
      timers.push(timer);
      return () => timers.splice(timers.indexOf(timer), 1);
    },
  });
  const tick = async (ms: number) => {
    now += ms;
    for (const timer of [...timers].filter((t) => t.at <= now)) {
      timers.splice(timers.indexOf(timer), 1);
      timer.run();
    }
    await new Promise((resolve) => setImmediate(resolve));
  };
  const answer = async (version: number) => {
    pending.shift()?.resolve({ version, savedAt: '2025-06-22T14:02:00Z' });
    await new Promise((resolve) => setImmediate(resolve));
  };
  const refuse = async (error: unknown) => {
    pending.shift()?.reject(error);
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { saver, sent, states, tick, answer, refuse, pending };
}

describe('Autosaver', () => {
  it('saves once typing has paused for two seconds, with the current version', async () => {
    const h = harness();
    h.saver.changed();
    await h.tick(1500);
    h.saver.changed();
    await h.tick(1500);
    assert.deepEqual(h.sent, []);
    await h.tick(600);
    assert.deepEqual(h.sent, [5]);
    await h.answer(6);
    assert.equal(h.saver.version, 6);
    assert.deepEqual(h.saver.state, { kind: 'saved', at: '2025-06-22T14:02:00Z' });
  });

  it('never sends two saves at once, and saves edits made meanwhile with the new version', async () => {
    const h = harness();
    h.saver.changed();
    const first = h.saver.flush();
    await h.tick(0);
    h.saver.changed();
    const second = h.saver.flush();
    await h.tick(0);
    assert.deepEqual(h.sent, [5], 'the second save waits for the first answer');
    await h.answer(6);
    await h.tick(0);
    assert.deepEqual(h.sent, [5, 6]);
    await h.answer(7);
    assert.equal(await first, false);
    assert.equal(await second, true);
    assert.equal(h.saver.dirty, false);
  });

  it('stops on a 409 and never saves over the newer version', async () => {
    const h = harness();
    h.saver.changed();
    void h.saver.flush();
    await h.tick(0);
    await h.refuse(new ApiError(409, 'conflict', 'Someone else saved a newer version.'));
    assert.equal(h.saver.state.kind, 'conflict');
    h.saver.changed();
    await h.tick(60_000);
    assert.equal(await h.saver.flush(), false);
    assert.deepEqual(h.sent, [5]);
  });

  it('retries by itself after a network failure, but not after a validation error', async () => {
    const h = harness();
    h.saver.changed();
    void h.saver.flush();
    await h.tick(0);
    await h.refuse(new ApiError(0, 'network', 'offline'));
    assert.deepEqual(h.saver.state, { kind: 'failed', message: 'offline' });
    await h.tick(10_000);
    assert.deepEqual(h.sent, [5, 5]);
    await h.refuse(new ApiError(400, 'validation_failed', 'Headline too long'));
    await h.tick(60_000);
    assert.deepEqual(h.sent, [5, 5], 'a 400 waits for the journalist to change something');
    h.saver.changed();
    await h.tick(2000);
    assert.deepEqual(h.sent, [5, 5, 5]);
  });
});
