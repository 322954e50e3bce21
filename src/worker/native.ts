/**
 * Admission control for native asynchronous derivations (node:crypto PBKDF2/scrypt, @node-rs
 * argon2/bcrypt). They run on libuv's thread pool, which is shared with fs, dns.lookup, zlib and
 * every other node:crypto call, is small (UV_THREADPOOL_SIZE, 4 by default) and has an unbounded,
 * uncancellable queue. Handing it 100 argon2 jobs at once would make every file read and DNS
 * lookup of the server wait behind seconds of hashing, and a job abandoned by its caller's
 * deadline would still run when its turn came.
 *
 * So heavy native work waits here instead: at most `nativeConcurrency` jobs are in libuv at once
 * (default: UV_THREADPOOL_SIZE - 1, leaving one thread for the rest of the process), the queue is
 * bounded (`maxQueue`, ERR_QUEUE_FULL beyond) and a waiting job whose signal aborts leaves the
 * queue without ever costing CPU. A running native job cannot be stopped: its caller is released
 * at once, and its slot frees itself when libuv finishes it.
 */
import { LegacyHashError } from '../errors.js';

interface Waiter extends AbortableWaiter {
  start: () => void;
}

/** libuv's thread-pool size for this process (read once: libuv reads it at first use). */
export const UV_THREADPOOL_SIZE = (() => {
  const n = Number(process.env['UV_THREADPOOL_SIZE']);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, 1024) : 4;
})();

export const DEFAULT_NATIVE_CONCURRENCY = Math.max(1, UV_THREADPOOL_SIZE - 1);

let running = 0;
const waiting: Waiter[] = [];

export interface NativeGateStats {
  running: number;
  queued: number;
}

export function nativeGateStats(): NativeGateStats {
  return { running, queued: waiting.length };
}

/**
 * Runs `fn` (which starts native work) when a slot is free. `concurrency` and `maxQueue` are read
 * per call so configurePool() takes effect at once.
 */
export function runNative<T>(
  fn: () => Promise<T>,
  concurrency: number,
  maxQueue: number,
  signal?: AbortSignal,
): Promise<T> {
  if (signal?.aborted) return Promise.reject(aborted());
  const limit = Math.max(1, concurrency);
  if (running < limit && waiting.length === 0) return startNow(fn, signal);
  if (waiting.length >= maxQueue) {
    return Promise.reject(new LegacyHashError('ERR_QUEUE_FULL', 'verification queue is full', { limit: maxQueue }));
  }
  return new Promise<T>((resolve, reject) => {
    const w: Waiter = {
      start: () => startNow(fn, signal).then(resolve, reject),
      reject,
    };
    enqueueAbortable(waiting, w, signal);
  });

  function startNow(f: () => Promise<T>, s: AbortSignal | undefined): Promise<T> {
    running++;
    let work: Promise<T>;
    try {
      work = Promise.resolve(f());
    } catch (e) {
      work = Promise.reject(e);
    }
    // The slot is held until the native work really ends, even if the caller gave up earlier.
    work.then(release, release);
    return abortable(work, s);
  }

  function release(): void {
    running--;
    while (waiting.length > 0 && running < Math.max(1, concurrency)) {
      const next = waiting.shift()!;
      if (next.signal && next.onAbort) next.signal.removeEventListener('abort', next.onAbort);
      next.start();
    }
  }
}

/** Settles with `p`, or rejects with ERR_ABORTED as soon as `signal` aborts. */
export function abortable<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return p;
  if (signal.aborted) {
    p.catch(() => undefined); // the abandoned work's own failure is of no interest
    return Promise.reject(aborted());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      p.catch(() => undefined);
      reject(aborted());
    };
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/** What a queued job needs for enqueueAbortable: how to fail it, and where its abort listener goes. */
export interface AbortableWaiter {
  reject: (e: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

/**
 * Appends `w` to `waiting`; if `signal` aborts first, `w` leaves the queue at once and rejects with
 * ERR_ABORTED (a job whose caller gave up never runs). Whoever dequeues `w` removes its listener.
 */
export function enqueueAbortable<W extends AbortableWaiter>(waiting: W[], w: W, signal: AbortSignal | undefined): void {
  if (signal) {
    w.signal = signal;
    w.onAbort = () => {
      const i = waiting.indexOf(w);
      if (i >= 0) waiting.splice(i, 1);
      w.reject(aborted());
    };
    signal.addEventListener('abort', w.onAbort, { once: true });
  }
  waiting.push(w);
}

export function aborted(): LegacyHashError {
  return new LegacyHashError('ERR_ABORTED', 'verification aborted');
}
