/**
 * The shared engine: everything that is the same for every scheme. Schemes only parse and
 * derive; the engine normalises inputs, enforces limits before any work, decides where the
 * derivation runs (inline, native pool, worker pool) and compares in constant time.
 */
import { constantTimeEqual } from './core/compare.js';
import { optionalBytes } from './core/password.js';
import { LegacyHashError } from './errors.js';
import type { Limits } from './limits.js';
import type { Derived, ParsedHash, Scheme, SchemeInputs, VerifyOptions, IdentifyOptions } from './types.js';
import { poolOptions, runOffloaded } from './worker/pool.js';

/** VerifyOptions/IdentifyOptions -> the normalised inputs schemes receive. */
export function schemeInputs(options: VerifyOptions | IdentifyOptions | undefined): SchemeInputs {
  const inputs: SchemeInputs = {};
  if (!options) return inputs;
  if (options.salt !== undefined) inputs.salt = stringOption(options.salt, 'salt');
  if (options.username !== undefined) inputs.username = stringOption(options.username, 'username');
  const pepper = optionalBytes(options.pepper, 'pepper');
  if (pepper) inputs.pepper = pepper;
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

/** Throws ERR_LIMIT_EXCEEDED when the parsed hash asks for more than the caps allow. */
export function enforceCosts(scheme: Scheme, parsed: ParsedHash, limits: Readonly<Limits>): void {
  if (!scheme.cost) return;
  for (const c of scheme.cost(parsed)) {
    const cap = limits[c.limit];
    if (!(c.value <= cap)) {
      throw new LegacyHashError('ERR_LIMIT_EXCEEDED', `${scheme.id}: ${c.name} ${c.value} exceeds ${c.limit} ${cap}`, {
        scheme: scheme.id,
        field: c.limit,
        value: c.value,
        limit: cap,
      });
    }
  }
}

/** Runs the derivation where it belongs: worker pool for CPU-heavy JS, else here (native async). */
export async function deriveFor(
  scheme: Scheme,
  password: Uint8Array,
  parsed: ParsedHash,
  inputs: SchemeInputs,
  signal?: AbortSignal,
): Promise<Derived> {
  const offload = typeof scheme.offload === 'function' ? scheme.offload(parsed, password) : scheme.offload === true;
  if (offload && poolOptions().workers > 0) {
    return runOffloaded(scheme.id, password, parsed, inputs, signal);
  }
  return abortable(Promise.resolve(scheme.derive(password, parsed, inputs)), signal);
}

/**
 * Constant-time match of a derivation against the stored digest. With several candidate
 * derivations every one is compared (no early exit), and any equal one is a match.
 */
export function matches(derived: Derived, expected: Uint8Array): boolean {
  if (derived instanceof Uint8Array) return constantTimeEqual(derived, expected);
  let ok = false;
  for (const d of derived) ok = constantTimeEqual(d, expected) || ok;
  return ok;
}

/** Derive + compare for one scheme, limits checked first. */
export async function checkScheme(
  scheme: Scheme,
  password: Uint8Array,
  parsed: ParsedHash,
  inputs: SchemeInputs,
  limits: Readonly<Limits>,
  signal?: AbortSignal,
): Promise<boolean> {
  enforceCosts(scheme, parsed, limits);
  const derived = await deriveFor(scheme, password, parsed, inputs, signal);
  return matches(derived, parsed.expected);
}

function abortable<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return p;
  if (signal.aborted) return Promise.reject(new LegacyHashError('ERR_ABORTED', 'verification aborted'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new LegacyHashError('ERR_ABORTED', 'verification aborted'));
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
