/**
 * The shared engine: everything that is the same for every scheme. Schemes only parse and
 * derive; the engine normalises inputs, enforces limits before any work, decides where the
 * derivation runs (inline, native pool, worker pool) and compares in constant time.
 */
import { constantTimeEqual } from './core/compare.js';
import { optionalBytes } from './core/password.js';
import { LegacyHashError, toLegacyHashError } from './errors.js';
import type { Limits } from './limits.js';
import type { CostCheck, Derived, IdentifyOptions, InlineCost, ParsedHash, Scheme, SchemeInputs, VerifyOptions } from './types.js';
import { ALL_SCHEMES as BUILT_IN_SCHEMES } from './algorithms/index.js';
import { abortable } from './worker/native.js';
import { inlineSaturated, runInline } from './worker/inline.js';
import { poolOptions, runNativeDerive, runOffloaded } from './worker/pool.js';

/** VerifyOptions/IdentifyOptions -> the normalised inputs schemes receive. */
export function schemeInputs(options: VerifyOptions | IdentifyOptions | undefined): SchemeInputs {
  // Perf (issue #8): every inputs object has all four keys, in this order (absent: undefined),
  // so the engine's and the schemes' reads of them see one object layout, not one per
  // combination of options a caller passes.
  const inputs: SchemeInputs = { salt: undefined, username: undefined, pepper: undefined, params: undefined };
  if (!options) return inputs;
  if (options.salt !== undefined) inputs.salt = stringOption(options.salt, 'salt');
  if (options.username !== undefined) inputs.username = stringOption(options.username, 'username');
  inputs.pepper = optionalBytes(options.pepper, 'pepper');
  if (options.params !== undefined) {
    if (typeof options.params !== 'object' || options.params === null) {
      throw new LegacyHashError('ERR_INVALID_ARGUMENT', 'params must be an object', { field: 'params' });
    }
    inputs.params = { ...options.params };
  }
  return inputs;
}

function stringOption(v: unknown, field: string): string {
  if (typeof v !== 'string') throw new LegacyHashError('ERR_INVALID_ARGUMENT', `${field} must be a string`, { field });
  return v;
}

/** Caps on the inputs that come with a call: a salt column is stored data, a username is typed. */
export function enforceInputLimits(inputs: SchemeInputs, limits: Readonly<Limits>): void {
  const over = (field: string, value: number, cap: number, limit: keyof Limits) => {
    if (!(value <= cap)) {
      throw new LegacyHashError('ERR_LIMIT_EXCEEDED', `${field} is longer than ${limit}`, { field: limit, value, limit: cap });
    }
  };
  if (inputs.salt !== undefined) over('salt', inputs.salt.length, limits.maxHashLength, 'maxHashLength');
  if (inputs.username !== undefined) over('username', inputs.username.length, limits.maxPasswordBytes, 'maxPasswordBytes');
  if (inputs.pepper !== undefined) over('pepper', inputs.pepper.length, limits.maxPasswordBytes, 'maxPasswordBytes');
  if (inputs.params !== undefined) {
    for (const v of Object.values(inputs.params)) {
      if (typeof v === 'string') over('a params value', v.length, limits.maxHashLength, 'maxHashLength');
    }
  }
}

/** Caps that bound CPU time or memory of a derivation (maxChainSteps alone bounds a cheap chain). */
const WORK_LIMITS: ReadonlySet<keyof Limits> = new Set<keyof Limits>([
  'maxBcryptCost',
  'maxRounds',
  'maxPbkdf2Iterations',
  'maxMemoryBytes',
  'maxArgon2Passes',
]);

/**
 * Loops counted against maxRounds rehash the password every round (phpass, sha-crypt, stretched
 * digests), so their work grows with its length: each started 256 bytes of password counts the
 * rounds once more. Passwords up to 256 bytes are unaffected; a 4096-byte password against a
 * 656,000-round sha512-crypt hash is refused instead of running for a minute.
 */
export const ROUNDS_PASSWORD_UNIT = 256;

/** The checks of a scheme without cost parameters (shared: nothing to allocate per verify). */
const NO_CHECKS: readonly CostCheck[] = Object.freeze([]);

/**
 * Throws ERR_LIMIT_EXCEEDED when the parsed hash asks for more than the caps allow. Runs before
 * any derivation. Returns the checks (the engine uses them to route heavy native work).
 * `passwordBytes` weighs password-length-dependent loops (see ROUNDS_PASSWORD_UNIT).
 */
export function enforceCosts(
  scheme: Scheme,
  parsed: ParsedHash,
  limits: Readonly<Limits>,
  passwordBytes = 0,
): readonly CostCheck[] {
  if (!scheme.cost) return NO_CHECKS;
  let checks: readonly CostCheck[];
  try {
    const weight = Math.max(1, Math.ceil(passwordBytes / ROUNDS_PASSWORD_UNIT));
    checks = scheme.cost(parsed).map((c) => (c.limit === 'maxRounds' && weight > 1 ? { ...c, value: c.value * weight } : c));
  } catch (e) {
    throw toLegacyHashError(e, 'cost', scheme.id);
  }
  for (const c of checks) {
    const cap = limits[c.limit];
    // NaN, a missing value or an unknown limit name all fail closed.
    if (typeof c.value !== 'number' || typeof cap !== 'number' || !(c.value <= cap)) {
      throw new LegacyHashError('ERR_LIMIT_EXCEEDED', `${scheme.id}: ${c.name} ${c.value} exceeds ${c.limit} ${cap}`, {
        scheme: scheme.id,
        field: c.limit,
        value: c.value,
        limit: cap,
      });
    }
  }
  return checks;
}

let derivations = 0;

/** For the limit tests: how many derivations were started (proves a capped hash did no work). */
export function derivationCount(): number {
  return derivations;
}

/** Where a derivation runs; see deriveFor. */
export type DeriveRoute = 'worker' | 'native' | 'inline';

/**
 * The route for one derivation: `worker` for CPU-heavy JavaScript (scheme.offload), `native`
 * for native async work whose cost is read from the hash (admission-gated libuv pool), `inline`
 * for fixed-cost digests (microseconds), for jobs whose estimated time (Scheme.inlineCost) is
 * within INLINE_BUDGET_US, and when the pool is disabled (`workers: 0`). `estimateUs`: the job's
 * inlineEstimateUs when the caller already has it.
 */
export function routeFor(
  scheme: Scheme,
  parsed: ParsedHash,
  password: Uint8Array,
  checks: readonly CostCheck[],
  inputs: SchemeInputs = {},
  estimateUs = inlineEstimateUs(scheme, checks, password.length, parsed),
): DeriveRoute {
  let offload: boolean;
  try {
    offload = typeof scheme.offload === 'function' ? scheme.offload(parsed, password, inputs) : scheme.offload === true;
  } catch (e) {
    throw toLegacyHashError(e, 'derive', scheme.id);
  }
  const pooled = poolOptions().workers > 0;
  const nativeWork = checks.some((c) => WORK_LIMITS.has(c.limit) && c.limit !== 'maxRounds');
  // Cheaper than a hand-off: run here. Native work only with the scheme's own synchronous form
  // (its async derive would enter libuv's pool past the admission gate; a wrapper's estimate
  // from InlineCost.of does not make the wrapper's derive synchronous).
  const small = estimateUs <= INLINE_BUDGET_US && (!nativeWork || scheme.inlineCost?.deriveSync !== undefined);
  // maxRounds caps JavaScript-computed loops: past a few hundred microseconds of them, the
  // derivation leaves the event loop even if the scheme did not ask (the worker can only run
  // built-in schemes; runtime-registered ones stay inline, bounded by maxRounds).
  const rounds = checks.reduce((n, c) => (c.limit === 'maxRounds' ? Math.max(n, c.value) : n), 0);
  const toWorker = pooled && (offload || (rounds > INLINE_MAX_ROUNDS && isBuiltIn(scheme)));
  // Where the job goes unless it is small; offloaded work with the pool disabled stays here.
  const away: DeriveRoute = toWorker ? 'worker' : nativeWork && !offload ? 'native' : 'inline';
  if (away === 'inline' || !small) return away;
  // A burst (this turn's inline budget spent, src/worker/inline.ts): the rest go where they would
  // without an estimate, so the event loop's share stays one budget per turn. Measured with 1000
  // concurrent md5-crypt verifications: queueing them inline instead kept this thread busy for the
  // whole burst (on a loaded machine the scheduler then preempts it for 10+ ms at a time).
  return inlineSaturated() ? away : 'inline';
}

/** JavaScript loop iterations run inline at most (about a millisecond of digests) without an estimate. */
export const INLINE_MAX_ROUNDS = 1000;

/**
 * Jobs estimated at most this long (Scheme.inlineCost) run on the calling thread. Of the order of
 * a hand-off itself, measured here (2 cores, shared): a round trip to a worker costs 30 µs when
 * both threads are awake and 50-150 µs after a job of 100+ µs (both threads went to sleep); one
 * through libuv's pool 15-30 µs plus its own wake-ups. A job this short gains nothing from leaving,
 * and many at once are spread over event-loop turns by src/worker/inline.ts.
 */
export const INLINE_BUDGET_US = 150;

/** inlineCost is measured for passwords up to this many bytes; each further started unit counts it again. */
export const INLINE_PASSWORD_UNIT = 64;

/**
 * Estimated microseconds of one derivation on this thread (Scheme.inlineCost), from the checked
 * costs only. Infinity (never inline) when the scheme gives no estimate, a cost it names was not
 * checked, or the hash asks for work the estimate does not cover (another work cap).
 */
export function inlineEstimateUs(
  scheme: Scheme,
  checks: readonly CostCheck[],
  passwordBytes: number,
  parsed?: ParsedHash,
): number {
  const est = estimateFor(scheme, parsed);
  if (!est) return Infinity;
  if (checks.some((c) => WORK_LIMITS.has(c.limit) && !est.work.includes(c.limit))) return Infinity;
  let work = 1;
  for (const limit of est.work) {
    let total = 0;
    let found = false;
    for (const c of checks) {
      if (c.limit !== limit) continue;
      total += c.value;
      found = true;
    }
    if (!found) return Infinity;
    work *= total;
  }
  const units = Math.max(1, Math.ceil(passwordBytes / INLINE_PASSWORD_UNIT));
  const us = (est.baseUs + est.usPerUnit * work) * units;
  return us >= 0 ? us : Infinity; // NaN (a bad value) fails closed
}

/** The scheme's estimate, or a wrapper's inner estimate for this parse (InlineCost.of); failures mean none. */
function estimateFor(scheme: Scheme, parsed: ParsedHash | undefined): InlineCost | undefined {
  const est = scheme.inlineCost;
  if (!est?.of) return est;
  if (parsed === undefined) return undefined;
  try {
    const inner = est.of(parsed);
    return inner?.of ? undefined : inner; // one level only
  } catch {
    return undefined;
  }
}

/** The hash asks for work (a cost capped by a work limit). */
function hasWork(checks: readonly CostCheck[]): boolean {
  return checks.some((c) => WORK_LIMITS.has(c.limit));
}

let builtIn: ReadonlySet<Scheme> | undefined;
/** Schemes the worker threads know (registered at import, not through registerScheme()). */
function isBuiltIn(scheme: Scheme): boolean {
  builtIn ??= new Set<Scheme>(BUILT_IN_SCHEMES);
  // 'wrapped' is built by the registry itself (every thread has it); registerScheme() refuses taken ids.
  return builtIn.has(scheme) || scheme.id === 'wrapped';
}

/** Runs the derivation where it belongs (see routeFor). Non-LegacyHashError failures -> ERR_INTERNAL. */
export async function deriveFor(
  scheme: Scheme,
  password: Uint8Array,
  parsed: ParsedHash,
  inputs: SchemeInputs,
  signal?: AbortSignal,
  checks: readonly CostCheck[] = [],
): Promise<Derived> {
  derivations++;
  try {
    const estimateUs = inlineEstimateUs(scheme, checks, password.length, parsed);
    const route = routeFor(scheme, parsed, password, checks, inputs, estimateUs);
    if (route === 'worker') return await runOffloaded(scheme.id, password, parsed, inputs, signal);
    if (route === 'native') return await runNativeDerive(async () => scheme.derive(password, parsed, inputs), signal);
    if (signal?.aborted) throw new LegacyHashError('ERR_ABORTED', 'verification aborted');
    const est = scheme.inlineCost;
    // The synchronous form only for a job the estimate calls small (an inline route can also
    // come from a disabled pool, where a wrapper's long native work must stay async).
    const sync = est?.deriveSync !== undefined && estimateUs <= INLINE_BUDGET_US;
    const run = () => (sync ? est.deriveSync!(password, parsed, inputs) : scheme.derive(password, parsed, inputs));
    // Fixed-cost digests run at once; real work (an estimated small job, a short loop, offloaded
    // work with the pool disabled) goes through the per-turn inline budget.
    const gated = est !== undefined || (scheme.offload ?? false) !== false || hasWork(checks);
    const derived = gated ? runInline(run, poolOptions().maxQueue, signal) : run();
    // Perf (issue #8): with no signal nothing can interrupt an inline derivation; await it
    // directly instead of through abortable(Promise.resolve(...)) (one promise less per verify).
    return signal ? await abortable(Promise.resolve(derived), signal) : await derived;
  } catch (e) {
    throw toLegacyHashError(e, 'derive', scheme.id);
  }
}

/**
 * Constant-time match of a derivation against the stored digest. With several candidate
 * derivations every one is compared (no early exit), and any equal one is a match.
 */
export function matches(derived: Derived, expected: Uint8Array): boolean {
  if (derived instanceof Uint8Array) return constantTimeEqual(derived, expected);
  if (!Array.isArray(derived)) return false;
  let ok = false;
  for (const d of derived) ok = (d instanceof Uint8Array && constantTimeEqual(d, expected)) || ok;
  return ok;
}

/**
 * A scheme's whole-verification fast path (Scheme.check), when it has one and can decide:
 * true/false, or undefined for the general path (parse, checkSchemeFast). Not for offloaded
 * schemes (the general path routes their work); a check only answers for strings whose cost is
 * none (Scheme.check).
 */
export function checkWhole(
  scheme: Scheme,
  password: string | Uint8Array,
  stored: string,
  inputs: SchemeInputs,
  limits: Readonly<Limits>,
): boolean | undefined {
  if (scheme.check === undefined || scheme.offload) return undefined;
  let r: boolean | undefined;
  try {
    r = scheme.check(password, stored, inputs, limits.maxPasswordBytes);
  } catch (e) {
    throw toLegacyHashError(e, 'derive', scheme.id);
  }
  // Anything but a boolean (a registered scheme's check gone wrong) means "cannot say".
  if (r !== true && r !== false) return undefined;
  derivations++;
  return r;
}

/**
 * Derive + compare for one scheme, limits checked first, without a promise when it can: a
 * scheme with no cost parameter and no offload is a fixed-cost digest (microseconds), which
 * deriveFor would also run inline; calling it directly saves the async layers that cost more
 * than the digest itself (issue #8: cheap digests at >= 1 M verify/s per core). Everything else
 * (and any call with a signal) goes through deriveFor. Errors surface as LegacyHashErrors either
 * way: thrown here, or as a rejection of the returned promise.
 */
export function checkSchemeFast(
  scheme: Scheme,
  password: Uint8Array,
  parsed: ParsedHash,
  inputs: SchemeInputs,
  limits: Readonly<Limits>,
  signal?: AbortSignal,
): boolean | Promise<boolean> {
  const checks = enforceCosts(scheme, parsed, limits, password.length);
  if (signal !== undefined || checks.length !== 0 || scheme.offload) {
    return deriveFor(scheme, password, parsed, inputs, signal, checks).then((d) => matches(d, parsed.expected));
  }
  derivations++;
  let derived: Derived | Promise<Derived>;
  try {
    derived = scheme.derive(password, parsed, inputs);
  } catch (e) {
    throw toLegacyHashError(e, 'derive', scheme.id);
  }
  if (derived instanceof Uint8Array || Array.isArray(derived)) return matches(derived, parsed.expected);
  return Promise.resolve(derived).then(
    (d) => matches(d, parsed.expected),
    (e) => {
      throw toLegacyHashError(e, 'derive', scheme.id);
    },
  );
}
