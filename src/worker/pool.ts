/**
 * A small worker-thread pool for schemes whose derivation is CPU-heavy JavaScript (phpass,
 * crypt(3) loops, bcrypt variants no native library implements). Native async work (node:crypto
 * PBKDF2/scrypt, @node-rs argon2/bcrypt) already runs on libuv's pool and never comes here.
 *
 * - Sized to the machine: one worker per available core (at least 1), created lazily.
 * - Bounded queue: past `maxQueue` waiting jobs, ERR_QUEUE_FULL (shed load, do not pile up).
 * - Cancellable: an aborted job leaves the queue at once; a running one is abandoned (its result
 *   is discarded) and the caller is released immediately.
 * - Workers are unref'd: an idle pool never keeps the process alive.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { LegacyHashError, type ErrorCode } from '../errors.js';
import type { Derived, ParsedHash, SchemeInputs } from '../types.js';

export interface PoolOptions {
  /** Worker threads. 0 runs offloaded schemes inline on the calling thread (tests, CLI batch). */
  workers: number;
  /** Jobs allowed to wait when every worker is busy. */
  maxQueue: number;
}

interface Job {
  id: number;
  schemeId: string;
  password: Uint8Array;
  parsed: ParsedHash;
  inputs: SchemeInputs;
  resolve: (d: Derived) => void;
  reject: (e: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

interface Slot {
  worker: Worker;
  job?: Job;
}

export interface WorkerReply {
  id: number;
  ok: boolean;
  result?: Derived;
  error?: { code?: ErrorCode; message: string };
}

const defaultWorkers = Math.max(1, availableParallelism());

let options: PoolOptions = { workers: defaultWorkers, maxQueue: 10_000 };
const slots: Slot[] = [];
const queue: Job[] = [];
let nextId = 1;

export function configurePool(o: Partial<PoolOptions>): PoolOptions {
  options = { ...options, ...o };
  return options;
}

export function poolOptions(): Readonly<PoolOptions> {
  return options;
}

/** Terminates all workers (tests, graceful shutdown). Pending jobs reject with ERR_ABORTED. */
export async function shutdownPool(): Promise<void> {
  for (const job of queue.splice(0)) job.reject(aborted());
  await Promise.all(slots.splice(0).map((s) => s.worker.terminate()));
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
    return Promise.reject(
      new LegacyHashError('ERR_QUEUE_FULL', 'verification queue is full', { limit: options.maxQueue }),
    );
  }
  return new Promise<Derived>((resolve, reject) => {
    const job: Job = { id: nextId++, schemeId, password, parsed, inputs, resolve, reject };
    if (signal) {
      job.signal = signal;
      job.onAbort = () => {
        const i = queue.indexOf(job);
        if (i >= 0) queue.splice(i, 1);
        reject(aborted());
      };
      signal.addEventListener('abort', job.onAbort, { once: true });
    }
    queue.push(job);
    pump();
  });
}

function pump(): void {
  while (queue.length > 0) {
    let slot = slots.find((s) => !s.job);
    if (!slot && slots.length < options.workers) slot = spawn();
    if (!slot) return;
    const job = queue.shift()!;
    slot.job = job;
    slot.worker.ref();
    slot.worker.postMessage({
      id: job.id,
      schemeId: job.schemeId,
      password: job.password,
      parsed: job.parsed,
      inputs: job.inputs,
    });
  }
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
  const slot: Slot = { worker };
  worker.on('message', (reply: WorkerReply) => finish(slot, reply));
  worker.on('error', (err) => crashed(slot, err));
  worker.on('exit', () => crashed(slot, new Error('worker exited')));
  slots.push(slot);
  return slot;
}

function finish(slot: Slot, reply: WorkerReply): void {
  const job = slot.job;
  slot.job = undefined;
  slot.worker.unref();
  if (job && job.id === reply.id) {
    settle(job);
    if (reply.ok) job.resolve(reply.result!);
    else job.reject(reviveError(reply.error));
  }
  pump();
}

function crashed(slot: Slot, err: unknown): void {
  const i = slots.indexOf(slot);
  if (i >= 0) slots.splice(i, 1);
  if (slot.job) {
    settle(slot.job);
    slot.job.reject(err);
    slot.job = undefined;
  }
  pump();
}

function settle(job: Job): void {
  if (job.signal && job.onAbort) job.signal.removeEventListener('abort', job.onAbort);
}

function reviveError(e: WorkerReply['error']): Error {
  if (e?.code) return new LegacyHashError(e.code, e.message);
  return new Error(e?.message ?? 'worker failed');
}

function aborted(): LegacyHashError {
  return new LegacyHashError('ERR_ABORTED', 'verification aborted');
}
