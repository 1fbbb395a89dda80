import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { withinRenderBudget } from '../../src/http/plugins/render-budget.ts';

/** Holds the thread for `ms`, as a long render does. */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // spinning on purpose
  }
}

describe('render budget per event-loop turn', () => {
  it('renders at once while the turn has time left', async () => {
    await nextTurn();
    assert.equal(
      withinRenderBudget(() => 'page'),
      'page',
    );
  });

  it('moves renders past the budget to a later turn, in the order they asked', async () => {
    await nextTurn();
    const order: string[] = [];
    assert.equal(
      withinRenderBudget(() => busy(12)),
      undefined,
      'the first render runs now',
    );
    const later = [1, 2, 3].map((n) =>
      withinRenderBudget(() => {
        order.push(`render ${n}`);
        busy(5);
        return n;
      }),
    );
    assert.ok(later.every((r) => r instanceof Promise));
    order.push('this turn ends');
    assert.deepEqual(await Promise.all(later), [1, 2, 3]);
    assert.deepEqual(order, ['this turn ends', 'render 1', 'render 2', 'render 3']);
  });

  it('lets the event loop turn between deferred renders once a turn is spent', async () => {
    await nextTurn();
    withinRenderBudget(() => busy(12));
    const turns: number[] = [];
    let turn = 0;
    const ticking = setInterval(() => turn++, 0);
    const renders = [1, 2, 3, 4].map(() =>
      withinRenderBudget(() => {
        turns.push(turn);
        busy(10);
      }),
    );
    await Promise.all(renders);
    clearInterval(ticking);
    assert.equal(new Set(turns).size, 4, `each 10 ms render got a turn of its own: ${turns}`);
  });

  it('passes a failed render to its caller', async () => {
    await nextTurn();
    withinRenderBudget(() => busy(12));
    const failed = withinRenderBudget(() => {
      throw new Error('template broke');
    });
    await assert.rejects(Promise.resolve(failed), /template broke/);
    assert.throws(() => {
      withinRenderBudget(() => {
        throw new Error('at once');
      });
    }, /at once/);
  });
});
