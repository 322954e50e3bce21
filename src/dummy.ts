/**
 * verifyDummy(): spend what a real verification costs when there is nothing to verify, so that
 * "no such account" / "no legacy hash" is not answered measurably faster than "wrong password".
 */
import { randomBytes } from 'node:crypto';
import { LegacyHashError } from './errors.js';
import { getScheme } from './registry.js';
import type { VerifyOptions } from './types.js';
import { verifyDetailed } from './verify.js';

export interface DummyOptions extends VerifyOptions {
  /**
   * A stored hash shaped like your users' (same scheme and cost): read one at start-up, e.g. the
   * most common format of your export. The dummy derives against it exactly as verify() would
   * (same detection, same worker/native route, same cost) and ignores the outcome.
   * Default: a WordPress/Laravel-style bcrypt `$2y$10$` hash (PHP's default cost), or, with
   * `scheme` alone, a realistic default-cost hash of that scheme (its example otherwise).
   */
  like?: string;
  /** The password the user typed (so its length costs the same); default: a random one. */
  password?: string | Uint8Array;
}

/**
 * Realistic default-cost hashes for schemes whose platforms' defaults differ from the example's
 * (examples are often low-cost test vectors). Nobody knows a password for these.
 */
const DUMMY_HASHES: Readonly<Record<string, string>> = {
  // PHP password_hash(PASSWORD_DEFAULT) cost 10 (the $wp$ example's inner hash, PHP-made).
  bcrypt: '$2y$10$Q1xinFjrZeLWJBvxviIL6u834Fu.evIEFHAUVisQ5O.w9Dm0sMdES',
  wordpress: '$wp$2y$10$Q1xinFjrZeLWJBvxviIL6u834Fu.evIEFHAUVisQ5O.w9Dm0sMdES',
  // WordPress phpass $P$B: 2^13 rounds.
  phpass: '$P$BLegacyHsJg4y0zitGuuXEBhOJjkXj/',
  // PHP PASSWORD_ARGON2ID defaults: 64 MiB, t=4, p=1.
  argon2: '$argon2id$v=19$m=65536,t=4,p=1$bGVnYWN5aGFzaGR1bW15IQ$udiU2BDFUPPUQXbFOPNoWSKplFvli8BXPfOBOEb4EwQ',
};

export const DEFAULT_DUMMY_HASH = DUMMY_HASHES['bcrypt']!;

/**
 * Does the work of one failed verification and resolves `false`, always. Call it where login
 * code would have called verify() but has no legacy hash to check (unknown account, account
 * without a legacy hash, already migrated), so the response time does not tell them apart.
 *
 * Errors are verify()'s: ERR_ABORTED / ERR_QUEUE_FULL under load (handle them as for verify),
 * and, for a `like` string that is not a usable hash, the same error verify() would throw — so
 * call it once at start-up to validate your configuration.
 *
 * @example
 * ```ts
 * const legacy = await loadLegacyRecord(email);
 * const ok = legacy?.hash ? await verify(password, legacy.hash) : await verifyDummy({ password, like: typicalHash });
 * ```
 */
export async function verifyDummy(options: DummyOptions = {}): Promise<false> {
  if (typeof options !== 'object' || options === null) {
    throw new LegacyHashError('ERR_INVALID_ARGUMENT', 'options must be an object', { field: 'options' });
  }
  const { like, password, ...verifyOptions } = options;
  let stored: string;
  if (like !== undefined) {
    if (typeof like !== 'string') throw new LegacyHashError('ERR_INVALID_ARGUMENT', 'like must be a string', { field: 'like' });
    stored = like;
  } else if (verifyOptions.scheme !== undefined) {
    const scheme = getScheme(verifyOptions.scheme);
    stored = DUMMY_HASHES[scheme.id] ?? scheme.example.hash;
    // The example's inputs (salt column, pepper...) unless the caller gave their own.
    verifyOptions.salt ??= scheme.example.options?.salt;
    verifyOptions.username ??= scheme.example.options?.username;
    verifyOptions.pepper ??= scheme.example.options?.pepper;
    verifyOptions.params ??= scheme.example.options?.params;
  } else {
    stored = DEFAULT_DUMMY_HASH;
    verifyOptions.scheme = 'bcrypt';
  }
  const pw = password ?? randomBytes(12).toString('base64');
  await verifyDetailed(pw, stored, verifyOptions);
  return false;
}
