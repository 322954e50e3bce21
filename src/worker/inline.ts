/**
 * Admission for derivations that run inline on the calling thread although they have a work
 * cost (src/engine.ts `routeFor`: jobs estimated under INLINE_BUDGET_US, short JavaScript loops,
 * offloaded work with the pool disabled). One such job is shorter than a hand-off to another
 * thread, but 100 logins arriving together would add up to one long block of the event loop. So
 * at most INLINE_TURN_BUDGET_MS of them run per turn of the event loop. Past it, routeFor sends
 * small jobs to the worker pool or the native gate (inlineSaturated()); what can only run here
 * waits in a bounded, abortable queue that setImmediate drains, so timers and I/O callbacks run
 * between the batches.
 *
 * Fixed-cost digests (no work cost) never come here: they take microseconds and their own
 * bookkeeping would cost as much as the derivation.
 */
import { LegacyHashError } from '../errors.js';
import { enqueueAbortable, type AbortableWaiter } from './native.js';

/**
 * Inline work allowed per event-loop turn. 1 ms: the resolution of monitorEventLoopDelay, and
 * ~8 small jobs (md5-crypt, tiny scrypt/argon2: 60-150 µs each); a burst of 100 then costs timers
 * and I/O at most ~1 ms of extra latency per turn instead of 10+ ms at once.
 */
export const INLINE_TURN_BUDGET_MS = 1;

interface Waiter extends AbortableWaiter {
  run: () => void;
}

/** Measured inline work since the last drain (wall-clock of the jobs themselves). */
let spentMs = 0;
let drainScheduled = false;
const waiting: Waiter[] = [];

export function inlineQueueDepth(): number {
  return waiting.length;
}

/** This turn's inline budget is spent (or jobs are already waiting): a new job would wait. */
export function inlineSaturated(): boolean {
  return waiting.length > 0 || spentMs >= INLINE_TURN_BUDGET_MS;
}

/**
 * Runs `fn` now when this turn's budget allows and nobody is waiting (its result is returned as
 * is: no promise added on the fast path); otherwise queues it (ERR_QUEUE_FULL past `maxQueue`).
 */
export function runInline<T>(fn: () => T, maxQueue: number, signal?: AbortSignal): T | Promise<T> {
  if (waiting.length === 0 && spentMs < INLINE_TURN_BUDGET_MS) return timed(fn);
  if (waiting.length >= maxQueue) {
    return Promise.reject(new LegacyHashError('ERR_QUEUE_FULL', 'verification queue is full', { limit: maxQueue }));
  }
  return new Promise<T>((resolve, reject) => {
    const w: Waiter = {
      run: () => {
        try {
          resolve(timed(fn));
        } catch (e) {
          reject(e);
        }
      },
      reject,
    };
    enqueueAbortable(waiting, w, signal);
    scheduleDrain();
  });
}

function timed<T>(fn: () => T): T {
  const t = performance.now();
  try {
    return fn();
  } finally {
    spentMs += performance.now() - t;
    scheduleDrain();
  }
}

/** The next turn starts a fresh budget (and runs waiting jobs). */
function scheduleDrain(): void {
  if (drainScheduled) return;
  drainScheduled = true;
  setImmediate(drain);
}

function drain(): void {
  drainScheduled = false;
  spentMs = 0;
  while (waiting.length > 0 && spentMs < INLINE_TURN_BUDGET_MS) {
    const w = waiting.shift()!;
    if (w.signal && w.onAbort) w.signal.removeEventListener('abort', w.onAbort);
    w.run();
  }
  if (waiting.length > 0) scheduleDrain();
}
