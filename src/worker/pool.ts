/**
 * A small worker-thread pool for schemes whose derivation is CPU-heavy JavaScript (phpass,
 * crypt(3) loops, bcrypt variants no native library implements). Native async work (node:crypto
 * PBKDF2/scrypt, @node-rs argon2/bcrypt) runs on libuv's pool behind the admission gate of
 * ./native.ts and never comes here.
 *
 * - Sized to the machine: one worker per core but one (the event loop keeps a core), at least 1,
 *   created lazily, unref'd when idle (an idle pool never keeps the process alive).
 * - Bounded queue: past `maxQueue` waiting jobs, ERR_QUEUE_FULL (shed load, do not pile up).
 * - Cancellable: an aborted job leaves the queue at once; a running one is abandoned (the caller
 *   is released immediately, the result discarded). A JavaScript loop cannot be interrupted, so
 *   a worker still busy with an abandoned job `abandonGraceMs` later is terminated and replaced:
 *   a crafted or buggy derivation cannot hold a worker hostage.
 * - `maxJobMs`: hard ceiling on one derivation (even without a deadline): the worker is
 *   terminated and the job rejects with ERR_ABORTED.
 * - A worker that crashes rejects its job with ERR_INTERNAL and is replaced on demand.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { LegacyHashError, toLegacyHashError, type ErrorCode } from '../errors.js';
import type { Derived, ParsedHash, SchemeInputs } from '../types.js';
import { inlineQueueDepth } from './inline.js';
import { aborted, DEFAULT_NATIVE_CONCURRENCY, nativeGateStats, runNative } from './native.js';

export interface PoolOptions {
  /** Worker threads. 0 runs offloaded schemes inline on the calling thread (tests, CLI batch). */
  workers: number;
  /** Jobs allowed to wait (worker, native and inline queues each) when every slot is busy. */
  maxQueue: number;
  /**
   * Native derivations (argon2, scrypt, PBKDF2, standard bcrypt) allowed in libuv's thread pool at
   * once. Default UV_THREADPOOL_SIZE - 1 (3), so fs, dns and other crypto keep a thread.
   */
  nativeConcurrency: number;
  /** A worker still running a job its caller abandoned this long ago is replaced. */
  abandonGraceMs: number;
  /** Longest one worker job may run before its worker is replaced (ERR_ABORTED). */
  maxJobMs: number;
}

interface Job {
  id: number;
  schemeId: string;
  password: Uint8Array;
  parsed: ParsedHash;
  inputs: SchemeInputs;
  resolve: (d: Derived) => void;
  reject: (e: unknown) => void;
  settled: boolean;
  signal?: AbortSignal;
  onAbort?: () => void;
}

interface Slot {
  worker: Worker;
  job?: Job;
  /** Timers of the running job (abandon grace, maxJobMs). */
  timers: ReturnType<typeof setTimeout>[];
  dead: boolean;
}

export interface WorkerReply {
  id: number;
  ok: boolean;
  result?: Derived;
  error?: { code?: ErrorCode; message: string };
}

/** Counters for monitoring and tests. */
export interface PoolStats {
  workers: number;
  busyWorkers: number;
  queued: number;
  nativeRunning: number;
  nativeQueued: number;
  /** Small inline derivations waiting for the next event-loop turn (src/worker/inline.ts). */
  inlineQueued: number;
  /** Workers terminated because an abandoned or over-long job kept running. */
  workersReplaced: number;
  /** Workers that crashed (error/exit while running). */
  workersCrashed: number;
}

const cores = Math.max(1, availableParallelism());
export const DEFAULT_POOL_OPTIONS: Readonly<PoolOptions> = Object.freeze({
  workers: Math.max(1, cores - 1),
  maxQueue: 1024,
  nativeConcurrency: DEFAULT_NATIVE_CONCURRENCY,
  abandonGraceMs: 2000,
  maxJobMs: 60_000,
});

let options: PoolOptions = { ...DEFAULT_POOL_OPTIONS };
const slots: Slot[] = [];
const queue: Job[] = [];
let nextId = 1;
let replaced = 0;
let crashedCount = 0;

/** Changes pool settings (merged over the current ones); returns the settings now in force. */
export function configurePool(o: Partial<PoolOptions>): PoolOptions {
  if (typeof o !== 'object' || o === null) {
    throw new LegacyHashError('ERR_INVALID_ARGUMENT', 'pool options must be an object', { field: 'pool' });
  }
  const next = { ...options };
  for (const key of Object.keys(DEFAULT_POOL_OPTIONS) as (keyof PoolOptions)[]) {
    const v = o[key];
    if (v === undefined) continue;
    const min = key === 'nativeConcurrency' ? 1 : 0;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min) {
      throw new LegacyHashError('ERR_INVALID_ARGUMENT', `pool.${key} must be an integer >= ${min}`, { field: key });
    }
    next[key] = v;
  }
  options = next;
  // Fewer workers: retire idle ones now, busy ones when their job ends (see finish()).
  for (const slot of [...slots]) if (!slot.job && slots.length > options.workers) retire(slot);
  pump();
  return { ...options };
}

export function poolOptions(): Readonly<PoolOptions> {
  return options;
}

export function poolStats(): PoolStats {
  const native = nativeGateStats();
  return {
    workers: slots.length,
    busyWorkers: slots.filter((s) => s.job).length,
    queued: queue.length,
    nativeRunning: native.running,
    nativeQueued: native.queued,
    inlineQueued: inlineQueueDepth(),
    workersReplaced: replaced,
    workersCrashed: crashedCount,
  };
}

/** Test hook: the live worker threads (to simulate a crash). Not part of the public API. */
export function workerThreadsForTest(): Worker[] {
  return slots.map((s) => s.worker);
}

/** Terminates all workers (tests, graceful shutdown). Pending jobs reject with ERR_ABORTED. */
export async function shutdownPool(): Promise<void> {
  for (const job of queue.splice(0)) fail(job, aborted());
  const all = slots.splice(0);
  for (const s of all) {
    s.dead = true;
    clearTimers(s);
    if (s.job) fail(s.job, aborted());
    s.job = undefined;
  }
  await Promise.all(all.map((s) => s.worker.terminate().catch(() => undefined)));
}

/** Runs native async work behind the libuv admission gate (see ./native.ts). */
export function runNativeDerive<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  return runNative(fn, options.nativeConcurrency, options.maxQueue, signal);
}

export function runOffloaded(
  schemeId: string,
  password: Uint8Array,
  parsed: ParsedHash,
  inputs: SchemeInputs,
  signal?: AbortSignal,
): Promise<Derived> {
  if (signal?.aborted) return Promise.reject(aborted());
  if (queue.length >= options.maxQueue) {
    return Promise.reject(new LegacyHashError('ERR_QUEUE_FULL', 'verification queue is full', { limit: options.maxQueue }));
  }
  return new Promise<Derived>((resolve, reject) => {
    // The password is copied: the caller wipes its own copy when it is done (even if it gave up).
    const job: Job = { id: nextId++, schemeId, password: new Uint8Array(password), parsed, inputs, resolve, reject, settled: false };
    if (signal) {
      job.signal = signal;
      job.onAbort = () => abandon(job);
      signal.addEventListener('abort', job.onAbort, { once: true });
    }
    queue.push(job);
    pump();
  });
}

function pump(): void {
  while (queue.length > 0) {
    let slot = slots.find((s) => !s.job && !s.dead);
    if (!slot && slots.length < options.workers) slot = spawn();
    if (!slot) return;
    const job = queue.shift()!;
    dispatch(slot, job);
  }
}

function dispatch(slot: Slot, job: Job): void {
  slot.job = job;
  slot.worker.ref();
  const hard = setTimeout(() => {
    if (slot.job !== job) return;
    fail(job, new LegacyHashError('ERR_ABORTED', `${job.schemeId}: derivation ran past maxJobMs`, { scheme: job.schemeId, limit: options.maxJobMs }));
    replace(slot);
  }, options.maxJobMs);
  hard.unref();
  slot.timers.push(hard);
  try {
    // Transfer the password copy: no second copy stays in this thread.
    slot.worker.postMessage(
      { id: job.id, schemeId: job.schemeId, password: job.password, parsed: job.parsed, inputs: job.inputs },
      [job.password.buffer as ArrayBuffer],
    );
  } catch (e) {
    // Not cloneable (a scheme's parsed form broke the structured-clone rule): a bug.
    job.password.fill(0);
    slot.job = undefined;
    clearTimers(slot);
    slot.worker.unref();
    fail(job, toLegacyHashError(e, 'worker', job.schemeId));
  }
}

/** The caller gave up: drop a waiting job; release a running one and watch its worker. */
function abandon(job: Job): void {
  const i = queue.indexOf(job);
  if (i >= 0) {
    queue.splice(i, 1);
    job.password.fill(0);
    fail(job, aborted());
    return;
  }
  fail(job, aborted());
  const slot = slots.find((s) => s.job === job);
  if (!slot) return;
  const grace = setTimeout(() => {
    if (slot.job === job) replace(slot);
  }, options.abandonGraceMs);
  grace.unref();
  slot.timers.push(grace);
}

function spawn(): Slot {
  const url = import.meta.url;
  // From dist the worker is JavaScript beside this file. From source (the test suite runs the
  // TypeScript directly) it is worker.ts, loaded through tsx's loader registered in the thread.
  const worker = url.endsWith('.ts')
    ? new Worker(
        `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(new URL('./worker.ts', url).href)}); });`,
        { eval: true },
      )
    : new Worker(new URL('./worker.js', url));
  worker.unref();
  const slot: Slot = { worker, timers: [], dead: false };
  worker.on('message', (reply: WorkerReply) => finish(slot, reply));
  worker.on('error', (err) => crashed(slot, err));
  worker.on('exit', (code) => crashed(slot, new Error(`worker exited with code ${code}`)));
  slots.push(slot);
  return slot;
}

function finish(slot: Slot, reply: WorkerReply): void {
  const job = slot.job;
  if (!job || job.id !== reply.id) return;
  slot.job = undefined;
  clearTimers(slot);
  slot.worker.unref();
  if (reply.ok) succeed(job, reply.result!);
  else fail(job, reviveError(reply.error, job.schemeId));
  if (slots.length > options.workers) retire(slot);
  pump();
}

function crashed(slot: Slot, err: unknown): void {
  if (slot.dead) return;
  slot.dead = true;
  clearTimers(slot);
  remove(slot);
  if (slot.job) {
    crashedCount++;
    fail(slot.job, toLegacyHashError(err, 'worker', slot.job.schemeId));
    slot.job = undefined;
  }
  pump();
}

/** Terminates a worker stuck on a job nobody waits for any more; a fresh one replaces it on demand. */
function replace(slot: Slot): void {
  if (slot.dead) return;
  replaced++;
  slot.dead = true;
  slot.job = undefined;
  clearTimers(slot);
  remove(slot);
  void slot.worker.terminate().catch(() => undefined);
  pump();
}

function retire(slot: Slot): void {
  slot.dead = true;
  clearTimers(slot);
  remove(slot);
  void slot.worker.terminate().catch(() => undefined);
}

function remove(slot: Slot): void {
  const i = slots.indexOf(slot);
  if (i >= 0) slots.splice(i, 1);
}

function clearTimers(slot: Slot): void {
  for (const t of slot.timers) clearTimeout(t);
  slot.timers = [];
}

function succeed(job: Job, d: Derived): void {
  if (job.settled) return;
  job.settled = true;
  unlisten(job);
  job.resolve(d);
}

function fail(job: Job, e: unknown): void {
  if (job.settled) return;
  job.settled = true;
  unlisten(job);
  job.reject(e);
}

function unlisten(job: Job): void {
  if (job.signal && job.onAbort) job.signal.removeEventListener('abort', job.onAbort);
}

/** Only a LegacyHashError's code and message cross back; anything else becomes ERR_INTERNAL. */
function reviveError(e: WorkerReply['error'], schemeId: string): LegacyHashError {
  if (e?.code) return new LegacyHashError(e.code, e.message, { scheme: schemeId });
  // The raw message goes to the internal-error hook only, never into the thrown error.
  return toLegacyHashError(new Error(e?.message ?? 'derive failed in the worker'), 'derive', schemeId);
}
