/**
 * Non-blocking verification: the worker pool and the native admission gate shed load (bounded
 * queues), honour AbortSignal/timeoutMs, replace a worker stuck on an abandoned job, and turn a
 * crashed or misbehaving worker into a LegacyHashError. No timing assertions: slow jobs are
 * thousands of times slower than the deadlines used.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { configurePool, LegacyHashError, poolStats, shutdownPool, verify } from '../../src/index.js';
import { setInternalErrorHook } from '../../src/errors.js';
import { DEFAULT_POOL_OPTIONS, runNativeDerive, runOffloaded, workerThreadsForTest } from '../../src/worker/pool.js';

afterAll(() => shutdownPool());
afterEach(async () => {
  await shutdownPool();
  configurePool({ ...DEFAULT_POOL_OPTIONS });
});

const PHPASS = '$P$946647711V1klyitUYhtB8Yw5DMA/w.'; // hashcat 400 example, "hashcat", 2^11
/** phpass with 2^30 rounds (count char 'S'): many minutes of work; only started with the cap lifted. */
const PHPASS_HUGE = '$P$S46647711V1klyitUYhtB8Yw5DMA/w.';
const UNCAPPED = { maxRounds: Infinity };
const ARGON = '$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc'; // "password"

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'resolved';
  } catch (e) {
    expect(e).toBeInstanceOf(LegacyHashError);
    return (e as LegacyHashError).code;
  }
}

async function until(cond: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('pool configuration', () => {
  it('defaults: one worker per core but one (at least 1), bounded queue, native gate below libuv size', () => {
    expect(DEFAULT_POOL_OPTIONS.workers).toBeGreaterThanOrEqual(1);
    expect(DEFAULT_POOL_OPTIONS.maxQueue).toBeGreaterThan(0);
    expect(DEFAULT_POOL_OPTIONS.nativeConcurrency).toBeGreaterThanOrEqual(1);
  });

  it('rejects invalid settings with ERR_INVALID_ARGUMENT', () => {
    for (const bad of [{ workers: -1 }, { maxQueue: 1.5 }, { nativeConcurrency: 0 }, { maxJobMs: Number.NaN }, { workers: '2' }]) {
      expect(() => configurePool(bad as never)).toThrow(LegacyHashError);
    }
    expect(() => configurePool(null as never)).toThrow(LegacyHashError);
  });
});

describe('worker pool', () => {
  it('a deadline releases the caller at once; a worker still busy past abandonGraceMs is replaced', async () => {
    configurePool({ workers: 1, abandonGraceMs: 50 });
    const before = poolStats().workersReplaced;
    expect(await code(verify('x', PHPASS_HUGE, { limits: UNCAPPED, timeoutMs: 30 }))).toBe('ERR_ABORTED');
    await until(() => poolStats().workersReplaced > before, 'the stuck worker to be replaced');
    // The pool still works afterwards (a fresh worker).
    expect(await verify('hashcat', PHPASS)).toBe(true);
  });

  it('maxJobMs: a derivation running too long is stopped even without a deadline', async () => {
    configurePool({ workers: 1, maxJobMs: 50 });
    const before = poolStats().workersReplaced;
    const err = await verify('x', PHPASS_HUGE, { limits: UNCAPPED }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LegacyHashError);
    expect((err as LegacyHashError).code).toBe('ERR_ABORTED');
    expect(poolStats().workersReplaced).toBe(before + 1);
    configurePool({ maxJobMs: DEFAULT_POOL_OPTIONS.maxJobMs });
    expect(await verify('hashcat', PHPASS)).toBe(true);
  });

  it('bounded queue: beyond maxQueue waiting jobs, ERR_QUEUE_FULL at once; aborted waiting jobs leave the queue', async () => {
    configurePool({ workers: 1, maxQueue: 2, abandonGraceMs: 10 });
    const ctl = new AbortController();
    const running = verify('x', PHPASS_HUGE, { limits: UNCAPPED, signal: ctl.signal }); // occupies the worker
    await until(() => poolStats().busyWorkers === 1, 'the worker to be busy');
    const waiting = [1, 2].map(() => verify('x', PHPASS_HUGE, { limits: UNCAPPED, signal: ctl.signal }));
    expect(poolStats().queued).toBe(2);
    expect(await code(verify('x', PHPASS_HUGE, { limits: UNCAPPED }))).toBe('ERR_QUEUE_FULL');
    ctl.abort();
    expect(await Promise.all([running, ...waiting].map(code))).toEqual(['ERR_ABORTED', 'ERR_ABORTED', 'ERR_ABORTED']);
    expect(poolStats().queued).toBe(0);
    await until(() => poolStats().busyWorkers === 0, 'the stuck worker to be replaced');
  });

  it('an already-aborted signal never enqueues', async () => {
    expect(await code(verify('hashcat', PHPASS, { signal: AbortSignal.abort() }))).toBe('ERR_ABORTED');
    expect(poolStats().queued).toBe(0);
  });

  it('a crashed worker rejects its job with ERR_INTERNAL and is replaced on demand', async () => {
    configurePool({ workers: 1 });
    const seen: unknown[] = [];
    const previous = setInternalErrorHook((e) => seen.push(e));
    try {
      // A parsed form the worker's scheme cannot digest: its derive throws a TypeError there.
      const err = await runOffloaded('phpass', new Uint8Array(1), { expected: new Uint8Array(22), setting: null, countLog2: 7 } as never, {}).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(LegacyHashError);
      expect((err as LegacyHashError).code).toBe('ERR_INTERNAL');
      expect(seen.length).toBe(1);
      // A job that cannot be sent to a worker (not structured-cloneable) fails the same way.
      const bad = await runOffloaded('phpass', new Uint8Array(1), { expected: new Uint8Array(1), f: () => 1 } as never, {}).catch((e: unknown) => e);
      expect((bad as LegacyHashError).code).toBe('ERR_INTERNAL');
    } finally {
      setInternalErrorHook(previous);
    }
    // The worker dies while it runs a job: the job rejects ERR_INTERNAL, a new worker takes over.
    const before = poolStats().workersCrashed;
    const p = code(verify('x', PHPASS_HUGE, { limits: UNCAPPED }));
    await until(() => poolStats().busyWorkers === 1, 'the worker to be busy');
    await Promise.all(workerThreadsForTest().map((w) => w.terminate()));
    expect(await p).toBe('ERR_INTERNAL');
    expect(poolStats().workersCrashed).toBe(before + 1);
    expect(await verify('hashcat', PHPASS)).toBe(true);
    // shutdownPool() during a job: ERR_ABORTED, not a crash.
    const q = code(verify('x', PHPASS_HUGE, { limits: UNCAPPED }));
    await until(() => poolStats().busyWorkers === 1, 'the worker to be busy');
    await shutdownPool();
    expect(await q).toBe('ERR_ABORTED');
    expect(poolStats().workersCrashed).toBe(before + 1);
  });

  it('many concurrent verifications settle correctly through a 1-worker pool', async () => {
    configurePool({ workers: 1 });
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => verify(i % 3 ? 'hashcat' : 'bad', PHPASS)));
    expect(results).toEqual(Array.from({ length: 30 }, (_, i) => i % 3 !== 0));
  });
});

describe('native admission gate (libuv pool)', () => {
  it('at most nativeConcurrency native derivations run at once; the rest wait in a bounded queue', async () => {
    configurePool({ nativeConcurrency: 1, maxQueue: 2 });
    let active = 0;
    let peak = 0;
    const releases: (() => void)[] = [];
    const job = () =>
      runNativeDerive(
        () =>
          new Promise<number>((resolve) => {
            active++;
            peak = Math.max(peak, active);
            releases.push(() => {
              active--;
              resolve(1);
            });
          }),
      );
    const a = job();
    const b = job();
    const c = job();
    expect(await code(job())).toBe('ERR_QUEUE_FULL');
    expect(poolStats().nativeRunning).toBe(1);
    expect(poolStats().nativeQueued).toBe(2);
    while (releases.length || active) {
      releases.shift()?.();
      await new Promise((r) => setTimeout(r, 1));
    }
    expect(await Promise.all([a, b, c])).toEqual([1, 1, 1]);
    expect(peak).toBe(1);
  });

  it('a waiting native job whose signal aborts never starts', async () => {
    configurePool({ nativeConcurrency: 1 });
    let started = 0;
    let release!: () => void;
    const first = runNativeDerive(() => new Promise<void>((r) => ((started++, (release = r)))));
    const ctl = new AbortController();
    const second = runNativeDerive(async () => void started++, ctl.signal);
    ctl.abort();
    expect(await code(second)).toBe('ERR_ABORTED');
    release();
    await first;
    expect(started).toBe(1);
  });

  it('argon2 verifications under a gate of 1 all complete, correctly', async () => {
    configurePool({ nativeConcurrency: 1 });
    const r = await Promise.all([verify('password', ARGON), verify('nope', ARGON), verify('password', ARGON)]);
    expect(r).toEqual([true, false, true]);
    expect(poolStats().nativeRunning).toBe(0);
  });

  it('a deadline while waiting for the gate rejects ERR_ABORTED', async () => {
    configurePool({ nativeConcurrency: 1 });
    let release!: () => void;
    const blocker = runNativeDerive(() => new Promise<void>((r) => (release = r)));
    expect(await code(verify('password', ARGON, { timeoutMs: 20 }))).toBe('ERR_ABORTED');
    release();
    await blocker;
  });
});
