import { LegacyHashError } from './errors.js';

/**
 * Caps applied to every stored hash before any work or allocation: a stored string is hostile
 * input, and its cost fields decide how long we compute and how much memory we take.
 *
 * Each default sits above what any platform shipped as its default (so real data verifies)
 * and below what lets one crafted row stall a login server.
 */
export interface Limits {
  /** Password length in bytes. WordPress, phpBB and Symfony refuse > 4096; we do the same. */
  maxPasswordBytes: number;
  /** Stored string length in characters (the longest real formats are ~200 chars). */
  maxHashLength: number;
  /** bcrypt log2 cost. Platforms ship 10-13 (IPS4: 13); 15 is ~3 s on one core. */
  maxBcryptCost: number;
  /**
   * Iterations of JavaScript-computed loops: phpass (2^n), md5crypt, sha256/512-crypt rounds,
   * stretched digests (Symfony 5000, Authlogic 20). passlib's sha512_crypt default is 656,000.
   */
  maxRounds: number;
  /** PBKDF2 iterations (native OpenSSL). Django 6 ships 1,200,000; ~1.5 s at the cap. */
  maxPbkdf2Iterations: number;
  /** Memory one scrypt or argon2 computation may take, in bytes. Magento/PHP argon2: 64 MiB. */
  maxMemoryBytes: number;
  /** argon2 passes (t). PHP ships 4, libsodium "sensitive" 4, RFC 9106 recommends 1-3. */
  maxArgon2Passes: number;
  /** scrypt p and argon2 lanes. */
  maxParallelism: number;
  /** Steps in an upgraded hash chain (Magento 2 `hash:salt:0:1:2`); real chains have <= 4. */
  maxChainSteps: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxPasswordBytes: 4096,
  maxHashLength: 1024,
  maxBcryptCost: 15,
  maxRounds: 1_000_000,
  maxPbkdf2Iterations: 4_000_000,
  maxMemoryBytes: 256 * 1024 * 1024,
  maxArgon2Passes: 16,
  maxParallelism: 16,
  maxChainSteps: 8,
});

let globalLimits: Readonly<Limits> = DEFAULT_LIMITS;

/** Overrides the process-wide caps (merged over the defaults). Returns the caps now in force. */
export function setDefaultLimits(overrides: Partial<Limits>): Readonly<Limits> {
  globalLimits = Object.freeze({ ...DEFAULT_LIMITS, ...checkLimits(overrides) });
  return globalLimits;
}

export function getDefaultLimits(): Readonly<Limits> {
  return globalLimits;
}

/**
 * The caps for one call: per-call overrides over the process-wide ones. A value of `Infinity`
 * removes a cap (only for trusted data); unknown keys are ignored.
 */
export function resolveLimits(overrides?: Partial<Limits>): Readonly<Limits> {
  if (!overrides) return globalLimits;
  return { ...globalLimits, ...checkLimits(overrides) };
}

function checkLimits(overrides: Partial<Limits>): Partial<Limits> {
  if (typeof overrides !== 'object' || overrides === null) {
    throw new LegacyHashError('ERR_INVALID_ARGUMENT', 'limits must be an object', { field: 'limits' });
  }
  const out: Partial<Limits> = {};
  for (const [k, v] of Object.entries(overrides)) {
    if (!(k in DEFAULT_LIMITS)) continue;
    if (typeof v !== 'number' || !(v >= 0)) {
      throw new LegacyHashError('ERR_INVALID_ARGUMENT', `limits.${k} must be a non-negative number`, { field: k });
    }
    out[k as keyof Limits] = v;
  }
  return out;
}
