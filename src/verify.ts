import { detect, type Fit } from './detect/candidates.js';
import { normalizeStored } from './detect/normalize.js';
import { missingInputs } from './detect/rank.js';
import { passwordBytes } from './core/password.js';
import { checkSchemeFast, checkWhole, enforceInputLimits, schemeInputs } from './engine.js';
import { LegacyHashError, toLegacyHashError } from './errors.js';
import { resolveLimits, type Limits } from './limits.js';
import { getScheme } from './registry.js';
import type { InputName, ParsedHash, Scheme, SchemeInputs, VerifyOptions } from './types.js';

export interface VerifyResult {
  /** true when the password matches. */
  match: boolean;
  /** The scheme that matched (undefined on a mismatch). */
  scheme?: string;
  /** Schemes that were tried, in order. */
  tried: string[];
}

/**
 * Does `password` match `stored`, exactly as the platform that wrote `stored` would decide?
 * A wrong password resolves to `false`; malformed/unsupported hashes, missing inputs and
 * exceeded limits reject with a LegacyHashError.
 *
 * @example
 * ```ts
 * import { verify } from 'legacy-hash';
 * await verify('hashcat', '$P$946647711V1klyitUYhtB8Yw5DMA/w.'); // true
 * ```
 */
export function verify(password: string | Uint8Array, stored: string, options?: VerifyOptions): Promise<boolean> {
  let r: boolean | VerifyResult | Promise<VerifyResult>;
  try {
    r = run(password, stored, options, false);
  } catch (e) {
    return Promise.reject(toLegacyHashError(e, 'engine'));
  }
  // Perf (issue #8): a verification that finished synchronously (every fixed-cost digest)
  // answers with one of two settled promises instead of making one per call.
  if (typeof r === 'boolean') return r ? RESOLVED_TRUE : RESOLVED_FALSE;
  return (r as Promise<VerifyResult>).then(
    (d) => d.match,
    (e: unknown) => {
      throw toLegacyHashError(e, 'engine');
    },
  );
}

// Frozen: callers share them, so none can hang a property on another's result.
const RESOLVED_TRUE: Promise<boolean> = Object.freeze(Promise.resolve(true));
const RESOLVED_FALSE: Promise<boolean> = Object.freeze(Promise.resolve(false));

/** Like `verify`, but also says which scheme matched and which were tried. */
export async function verifyDetailed(
  password: string | Uint8Array,
  stored: string,
  options?: VerifyOptions,
): Promise<VerifyResult> {
  try {
    return await (run(password, stored, options, true) as VerifyResult | Promise<VerifyResult>);
  } catch (e) {
    // Last line of defence: schemes are wrapped site by site; whatever still slips through
    // (a bug in the engine itself) leaves as a LegacyHashError that quotes nothing.
    throw toLegacyHashError(e, 'engine');
  }
}

/** Shared by both entry points when the caller passes no options (nothing to validate). */
const NO_OPTIONS: VerifyOptions = Object.freeze({});

/**
 * Validation, detection and the candidate loop. Synchronous as long as every derivation is a
 * fixed-cost digest (see checkSchemeFast): a cheap verify() then makes no promise at all
 * (issue #8). A synchronous run returns a bare boolean when `detailed` is false, a VerifyResult
 * when it is true; a promise of a VerifyResult once a derivation went async.
 * Throws LegacyHashErrors (the callers turn them into rejections).
 */
function run(
  password: string | Uint8Array,
  stored: string,
  options: VerifyOptions = NO_OPTIONS,
  detailed: boolean,
): boolean | VerifyResult | Promise<VerifyResult> {
  if (typeof options !== 'object' || options === null) {
    throw new LegacyHashError('ERR_INVALID_ARGUMENT', 'options must be an object', { field: 'options' });
  }
  const limits = resolveLimits(options.limits);
  // Length caps before any copy or encoding: a UTF-8 encoding is never shorter than the
  // string's UTF-16 length, so an over-long string is refused without encoding it.
  if (typeof password === 'string' && password.length > limits.maxPasswordBytes) throw passwordTooLong(password.length, limits);
  if (password instanceof Uint8Array && password.length > limits.maxPasswordBytes) throw passwordTooLong(password.length, limits);
  if (typeof stored !== 'string') {
    throw new LegacyHashError('ERR_INVALID_ARGUMENT', 'stored hash must be a string', { field: 'stored' });
  }
  if (stored.length > limits.maxHashLength) {
    throw new LegacyHashError('ERR_LIMIT_EXCEEDED', 'stored hash is longer than maxHashLength', {
      field: 'maxHashLength',
      value: stored.length,
      limit: limits.maxHashLength,
    });
  }
  const inputs = schemeInputs(options === NO_OPTIONS ? undefined : options);
  enforceInputLimits(inputs, limits);
  const text = normalizeStored(stored);
  const signal = options === NO_OPTIONS ? undefined : deadlineSignal(options);
  if (signal?.aborted) throw new LegacyHashError('ERR_ABORTED', 'verification aborted');
  // A forced scheme (the migration login path: the scheme column is known) is one candidate:
  // checked without the arrays and Fit objects of detection (issue #8: cheap verify at >= 1 M/s),
  // first by its whole-verification fast path when it has one (engine.ts checkWhole).
  const forced = options.scheme === undefined ? undefined : forcedScheme(options.scheme);
  if (forced !== undefined && signal === undefined) {
    const r = checkWhole(forced, password, text, inputs, limits);
    if (r !== undefined) return detailed ? result(r, forced, [forced.id]) : r;
  }

  const pw = passwordBytes(password);
  let pending = false;
  try {
    if (pw.length > limits.maxPasswordBytes) throw passwordTooLong(pw.length, limits);
    if (forced !== undefined) {
      const scheme = forced;
      const parsed = forcedParse(scheme, text, inputs);
      const r = checkSchemeFast(scheme, pw, parsed, inputs, limits, signal);
      if (typeof r === 'boolean') return detailed ? result(r, scheme, [scheme.id]) : r;
      pending = true;
      const fits: Fit[] = [{ scheme, parsed, missing: [], score: 0 }];
      return finishAsync(r, fits, 0, [scheme.id], pw, inputs, limits, signal).finally(() => pw.fill(0));
    }
    const runnable = detectedFits(text, inputs, options);
    const tried: string[] = [];
    for (let i = 0; i < runnable.length; i++) {
      const fit = runnable[i]!;
      tried.push(fit.scheme.id);
      const r = checkSchemeFast(fit.scheme, pw, fit.parsed, inputs, limits, signal);
      if (typeof r !== 'boolean') {
        // A derivation went async: finish this candidate and the rest there; wipe the password after.
        pending = true;
        return finishAsync(r, runnable, i, tried, pw, inputs, limits, signal).finally(() => pw.fill(0));
      }
      if (r) return detailed ? result(true, fit.scheme, tried) : true;
    }
    return detailed ? { match: false, tried } : false;
  } finally {
    if (!pending) pw.fill(0);
  }
}

function result(match: boolean, scheme: Scheme, tried: string[]): VerifyResult {
  return match ? { match, scheme: scheme.id, tried } : { match, tried };
}

/** The forced scheme (options.scheme), or the error verify reports. */
function forcedScheme(id: unknown): Scheme {
  if (typeof id !== 'string') {
    throw new LegacyHashError('ERR_INVALID_ARGUMENT', 'options.scheme must be a string', { field: 'scheme' });
  }
  return getScheme(id);
}

/** The forced scheme's parse of `text` with the inputs it needs, or the error verify reports. */
function forcedParse(scheme: Scheme, text: string, inputs: SchemeInputs): ParsedHash {
  if (!recognizes(scheme, text)) {
    throw new LegacyHashError('ERR_MALFORMED_HASH', `${scheme.id}: string does not have this scheme's form`, {
      scheme: scheme.id,
    });
  }
  let parsed: ParsedHash;
  try {
    parsed = scheme.parse(text, inputs);
  } catch (e) {
    throw toLegacyHashError(e, 'parse', scheme.id);
  }
  const missing = missingInputs(scheme, inputs);
  if (missing.length > 0) throw missingInputError(missing, [scheme]);
  return parsed;
}

/** Detection's candidates that have their inputs, best first (verify without options.scheme). */
function detectedFits(text: string, inputs: SchemeInputs, options: VerifyOptions): Fit[] {
  if (options.platform !== undefined && typeof options.platform !== 'string') {
    throw new LegacyHashError('ERR_INVALID_ARGUMENT', 'options.platform must be a string', { field: 'platform' });
  }
  const found = detect(text, inputs, options.platform?.toLowerCase());
  const fits = found.fits;
  if (fits.length === 0) {
    throw found.malformed ?? new LegacyHashError('ERR_UNKNOWN_FORMAT', 'no supported scheme recognises this hash');
  }
  // Usually every candidate is runnable: no copy then.
  if (fits.every((f) => f.missing.length === 0)) return fits;
  const runnable = fits.filter((f) => f.missing.length === 0);
  if (runnable.length === 0) throw missingInputError(fits.flatMap((f) => f.missing), fits.map((f) => f.scheme));
  return runnable;
}

function missingInputError(missing: readonly InputName[], schemes: readonly Scheme[]): LegacyHashError {
  const need = [...new Set(missing)];
  return new LegacyHashError(
    'ERR_MISSING_INPUT',
    `this hash needs ${need.join(' or ')} (candidates: ${schemes.map((s) => s.id).join(', ')})`,
    { field: need[0], scheme: schemes[0]!.id },
  );
}

/** The candidate loop from `runnable[index]` on, once that candidate's check went async. */
async function finishAsync(
  first: Promise<boolean>,
  runnable: readonly Fit[],
  index: number,
  tried: string[],
  pw: Uint8Array,
  inputs: SchemeInputs,
  limits: Readonly<Limits>,
  signal: AbortSignal | undefined,
): Promise<VerifyResult> {
  if (await first) return { match: true, scheme: runnable[index]!.scheme.id, tried };
  for (let i = index + 1; i < runnable.length; i++) {
    const fit = runnable[i]!;
    tried.push(fit.scheme.id);
    if (await checkSchemeFast(fit.scheme, pw, fit.parsed, inputs, limits, signal)) {
      return { match: true, scheme: fit.scheme.id, tried };
    }
  }
  return { match: false, tried };
}

function recognizes(scheme: Scheme, text: string): boolean {
  try {
    return scheme.recognize(text) === true;
  } catch (e) {
    throw toLegacyHashError(e, 'recognize', scheme.id);
  }
}

function passwordTooLong(length: number, limits: Readonly<Limits>): LegacyHashError {
  return new LegacyHashError('ERR_LIMIT_EXCEEDED', 'password is longer than maxPasswordBytes', {
    field: 'maxPasswordBytes',
    value: length,
    limit: limits.maxPasswordBytes,
  });
}

function deadlineSignal(options: VerifyOptions): AbortSignal | undefined {
  const { signal, timeoutMs } = options;
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new LegacyHashError('ERR_INVALID_ARGUMENT', 'signal must be an AbortSignal', { field: 'signal' });
  }
  if (timeoutMs === undefined) return signal;
  if (typeof timeoutMs !== 'number' || !(timeoutMs >= 0) || timeoutMs > 2 ** 31 - 1) {
    throw new LegacyHashError('ERR_INVALID_ARGUMENT', 'timeoutMs must be a number from 0 to 2^31-1', { field: 'timeoutMs' });
  }
  const timeout = AbortSignal.timeout(timeoutMs);
  return signal ? AbortSignal.any([signal, timeout]) : timeout;
}
