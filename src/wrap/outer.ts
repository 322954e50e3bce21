/**
 * The modern KDF a wrapped hash puts around the legacy digest. Defaults follow OWASP's
 * password storage guidance: argon2id m=19 MiB, t=2, p=1; scrypt N=2^17, r=8, p=1.
 */
import { randomBytes, scryptSync } from 'node:crypto';
import { LegacyHashError } from '../errors.js';
import { scryptAsync } from '../core/digest.js';
import { fromBase64NoPad, toBase64NoPad } from '../core/encoding.js';
import { malformed } from '../errors.js';
import type { CostCheck, InlineCost } from '../types.js';
import { ARGON2_INLINE_COST, argon2Costs, argon2Raw, argon2RawSync, checkArgon2Params, type Argon2Params } from '../algorithms/argon2.js';
import { SCRYPT_INLINE_COST } from '../algorithms/scrypt.js';

export type OuterKdf =
  | { kdf: 'argon2id'; memoryKiB: number; passes: number; parallelism: number; salt: Uint8Array }
  | { kdf: 'scrypt'; log2N: number; r: number; p: number; salt: Uint8Array };

export const OUTER_OUTPUT_BYTES = 32;
const SALT_BYTES = 16;

/** Outer KDF settings a caller may choose (salt is always fresh). */
export type OuterSettings =
  | { kdf: 'argon2id'; memoryKiB?: number; passes?: number; parallelism?: number }
  | { kdf: 'scrypt'; log2N?: number; r?: number; p?: number };

export function newOuter(settings: OuterSettings = { kdf: 'argon2id' }): OuterKdf {
  const salt = new Uint8Array(randomBytes(SALT_BYTES));
  return settings.kdf === 'argon2id'
    ? {
        kdf: 'argon2id',
        memoryKiB: settings.memoryKiB ?? 19456,
        passes: settings.passes ?? 2,
        parallelism: settings.parallelism ?? 1,
        salt,
      }
    : { kdf: 'scrypt', log2N: settings.log2N ?? 17, r: settings.r ?? 8, p: settings.p ?? 1, salt };
}

function argonParams(o: Extract<OuterKdf, { kdf: 'argon2id' }>): Argon2Params {
  return {
    type: 'argon2id',
    version: 19,
    memoryKiB: o.memoryKiB,
    passes: o.passes,
    parallelism: o.parallelism,
    salt: o.salt,
    outputLength: OUTER_OUTPUT_BYTES,
  };
}

export function outerDerive(o: OuterKdf, input: Uint8Array): Promise<Uint8Array> {
  return o.kdf === 'argon2id' ? argon2Raw(input, argonParams(o)) : scryptAsync(input, o.salt, OUTER_OUTPUT_BYTES, 2 ** o.log2N, o.r, o.p);
}

/** outerDerive on this thread (test-sized settings only: the engine routes by outerInlineCost). */
export function outerDeriveSync(o: OuterKdf, input: Uint8Array): Uint8Array {
  if (o.kdf === 'argon2id') return argon2RawSync(input, argonParams(o));
  return new Uint8Array(scryptSync(input, o.salt, OUTER_OUTPUT_BYTES, { N: 2 ** o.log2N, r: o.r, p: o.p }));
}

/**
 * The outer KDF's time estimate (Scheme.inlineCost numbers of argon2 / scrypt) for `runs`
 * derivations: the per-run work is already multiplied in the cost checks (see the wrapped
 * scheme's cost()), the fixed part is multiplied here.
 */
export function outerInlineCost(o: OuterKdf, runs: number): InlineCost {
  const est = o.kdf === 'argon2id' ? ARGON2_INLINE_COST : SCRYPT_INLINE_COST;
  return { work: est.work, usPerUnit: est.usPerUnit, baseUs: est.baseUs * runs };
}

export function outerCosts(o: OuterKdf): CostCheck[] {
  if (o.kdf === 'argon2id') return argon2Costs(argonParams(o));
  return [
    { limit: 'maxMemoryBytes', value: 128 * 2 ** o.log2N * o.r * o.p, name: 'scrypt memory × parallelism' },
    { limit: 'maxParallelism', value: o.p, name: 'scrypt p' },
  ];
}

/** `argon2id$m=19456,t=2,p=1$<salt>` or `scrypt$ln=17,r=8,p=1$<salt>`. */
/** Validates caller-chosen settings with the same rules as a parsed wrapped string. */
export function checkOuter(o: OuterKdf): void {
  try {
    parseOuter(o.kdf, formatOuter(o).split('$')[1]!, toBase64NoPad(o.salt));
  } catch {
    throw new LegacyHashError('ERR_INVALID_ARGUMENT', 'invalid outer KDF settings', { field: 'outer' });
  }
}

export function formatOuter(o: OuterKdf): string {
  const params = o.kdf === 'argon2id' ? `m=${o.memoryKiB},t=${o.passes},p=${o.parallelism}` : `ln=${o.log2N},r=${o.r},p=${o.p}`;
  return `${o.kdf}$${params}$${toBase64NoPad(o.salt)}`;
}

const ARGON = /^m=(\d{1,10}),t=(\d{1,10}),p=(\d{1,3})$/;
const SCRYPT = /^ln=(\d{1,2}),r=(\d{1,4}),p=(\d{1,4})$/;

export function parseOuter(kdf: string, params: string, saltText: string): OuterKdf {
  const salt = fromBase64NoPad(saltText);
  if (!salt || salt.length < 8) throw malformed('wrapped', 'invalid outer salt');
  if (kdf === 'argon2id') {
    const m = ARGON.exec(params);
    if (!m) throw malformed('wrapped', 'invalid argon2id parameters');
    const o = { kdf, memoryKiB: Number(m[1]), passes: Number(m[2]), parallelism: Number(m[3]), salt } as const;
    checkArgon2Params('wrapped', argonParams(o));
    return o;
  }
  if (kdf === 'scrypt') {
    const m = SCRYPT.exec(params);
    if (!m) throw malformed('wrapped', 'invalid scrypt parameters');
    const o = { kdf, log2N: Number(m[1]), r: Number(m[2]), p: Number(m[3]), salt } as const;
    if (o.log2N < 1 || o.log2N > 40 || o.r < 1 || o.p < 1) throw malformed('wrapped', 'scrypt parameters out of range');
    return o;
  }
  throw malformed('wrapped', 'unknown outer KDF');
}
