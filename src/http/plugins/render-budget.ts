/**
 * Rendering time allowed per turn of the event loop; renders past it wait for the next turn.
 *
 * Why: libuv accepts one new connection per turn, and a saturated process whose turn renders every page
 * whose data has arrived (64 at a time under the bench's load, over 100 ms) left new connections waiting
 * seconds to be accepted: wrk's first requests and a load balancer's health checks alike. With turns kept
 * to about this long, a new connection waits a few turns at most.
 */
const turnBudgetMs = 8;

let spentThisTurn = 0;
let releaseScheduled = false;
const waiting: (() => void)[] = [];

/**
 * Runs `render` now if this turn has rendering time left, otherwise in a later turn (the returned promise
 * settles with its result). Renders run in the order they asked.
 */
export function withinRenderBudget<T>(render: () => T): T | Promise<T> {
  if (waiting.length === 0 && spentThisTurn < turnBudgetMs) return timed(render);
  return new Promise<T>((resolve, reject) => {
    waiting.push(() => {
      try {
        resolve(timed(render));
      } catch (error) {
        reject(error);
      }
    });
    scheduleRelease();
  });
}

function timed<T>(render: () => T): T {
  const started = performance.now();
  try {
    return render();
  } finally {
    spentThisTurn += performance.now() - started;
    scheduleRelease();
  }
}

/** setImmediate runs in this turn's check phase; one scheduled from there runs in the next turn. */
function scheduleRelease(): void {
  if (releaseScheduled) return;
  releaseScheduled = true;
  setImmediate(release);
}

function release(): void {
  releaseScheduled = false;
  spentThisTurn = 0;
  while (waiting.length > 0 && spentThisTurn < turnBudgetMs) waiting.shift()?.();
  if (waiting.length > 0) scheduleRelease();
}
