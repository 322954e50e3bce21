/** Shared by the hardening tests and scripts/fuzz.ts: registry access, outcomes, small caps. */
import { ERROR_CODES, LegacyHashError } from '../../src/errors.js';
import type { Limits } from '../../src/limits.js';
import { allSchemes } from '../../src/registry.js';
import type { Scheme, VerifyOptions } from '../../src/types.js';

/**
 * Caps used while fuzzing: far below the defaults so that no mutated vector (a bcrypt cost
 * bumped to 31, phpass count char to 'z', argon2 m=4294967295...) takes long or much memory.
 * Real vectors above them end in ERR_LIMIT_EXCEEDED, which the fuzz accepts.
 */
export const FUZZ_LIMITS: Partial<Limits> = {
  maxBcryptCost: 6,
  maxRounds: 20_000,
  maxPbkdf2Iterations: 20_000,
  maxMemoryBytes: 16 * 1024 * 1024,
  maxArgon2Passes: 4,
  maxParallelism: 4,
  maxChainSteps: 8,
};

/** Every limit that bounds work (all but the length caps). */
export const WORK_LIMIT_KEYS = [
  'maxBcryptCost',
  'maxRounds',
  'maxPbkdf2Iterations',
  'maxMemoryBytes',
  'maxArgon2Passes',
  'maxParallelism',
  'maxChainSteps',
] as const satisfies readonly (keyof Limits)[];

export function schemesWithExamples(): Scheme[] {
  return allSchemes().filter((s) => s.example && typeof s.example.hash === 'string');
}

/** The verify options a scheme's example needs (salt column, pepper...). */
export function exampleOptions(s: Scheme): VerifyOptions {
  const o = s.example.options ?? {};
  const out: VerifyOptions = {};
  if (o.salt !== undefined) out.salt = o.salt;
  if (o.pepper !== undefined) out.pepper = o.pepper;
  if (o.username !== undefined) out.username = o.username;
  if (o.params !== undefined) out.params = o.params;
  if (o.platform !== undefined) out.platform = o.platform;
  return out;
}

export type Outcome = { kind: 'value'; value: unknown } | { kind: 'error'; error: unknown };

export async function outcomeOf(p: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { kind: 'value', value: await p() };
  } catch (error) {
    return { kind: 'error', error };
  }
}

/** Describes why an outcome is not an acceptable verify() result, or undefined when it is. */
export function badVerifyOutcome(o: Outcome): string | undefined {
  if (o.kind === 'value') return typeof o.value === 'boolean' ? undefined : `resolved a non-boolean: ${String(o.value)}`;
  const e = o.error;
  if (!(e instanceof LegacyHashError)) {
    return `threw ${e instanceof Error ? `${e.constructor.name}: ${e.message}` : typeof e}`;
  }
  if (!ERROR_CODES.includes(e.code)) return `unknown error code ${String(e.code)}`;
  if (typeof e.message !== 'string' || e.message.length === 0) return 'error without a message';
  return undefined;
}

export function errorCode(o: Outcome): string {
  if (o.kind === 'value') return `value:${String(o.value)}`;
  return o.error instanceof LegacyHashError ? o.error.code : 'non-LegacyHashError';
}

/** Rejects after `ms`: a hang detector with a wide margin, not a performance assertion. */
export function withinMs<T>(ms: number, p: Promise<T>, what: () => string): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not finish within ${ms} ms: ${what()}`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
