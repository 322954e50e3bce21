/**
 * Shared by the KDF family tests (pbkdf2, django, werkzeug, scrypt, bcrypt-wrappers,
 * aspnet-membership, mysql, postgres): the live Python oracle scripts/ref/kdf_oracle.py,
 * password arbitraries, a round-trip check and error-code assertions.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { derivationCount } from '../../src/engine.js';
import { LegacyHashError, verify, verifyDetailed } from '../../src/index.js';
import type { VerifyOptions } from '../../src/types.js';
import { Oracle } from './oracle.js';
import { wrongPassword } from './vectors.js';

export const kdfOracle = (): Oracle => new Oracle('/usr/bin/python3', 'kdf_oracle.py');

export const SEED = 20261123;
export const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/** Arbitrary bytes (legacy data is often not UTF-8) or arbitrary Unicode text. */
export const anyPassword = fc.oneof(
  fc.uint8Array({ minLength: 0, maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }).map((s) => new TextEncoder().encode(s)),
);
/** Text passwords (platforms that receive a str / .NET string), no NUL (C-string references). */
export const textPassword = fc.string({ unit: 'grapheme', maxLength: 30 }).map((s) => new TextEncoder().encode(s.replace(/\0/g, 'A')));
export const saltText = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'), minLength: min, maxLength: max });
export const saltBytes = (min: number, max: number) => fc.uint8Array({ minLength: min, maxLength: max });

/** The reference's hash must verify (forced and auto-detected) and a different password must not. */
export async function roundTrip(
  oracle: Oracle,
  req: { scheme: string; params: Record<string, unknown> },
  pw: Uint8Array,
  scheme: string,
  options: VerifyOptions = {},
  detect = true,
): Promise<void> {
  const stored = await oracle.hash({ scheme: req.scheme, passwordHex: hex(pw), params: req.params });
  const label = `${scheme} ${stored} pw=${hex(pw)}`;
  expect(await verify(pw, stored, { ...options, scheme }), label).toBe(true);
  if (detect) expect(await verifyDetailed(pw, stored, options), label).toMatchObject({ match: true, scheme });
  expect(await verify(wrongPassword(pw), stored, { ...options, scheme }), label).toBe(false);
}

/** Rejects with this LegacyHashError code (and, for limits, before any derivation started). */
export async function expectCode(p: Promise<unknown> | (() => Promise<unknown>), code: string): Promise<LegacyHashError> {
  const before = derivationCount();
  let err: unknown;
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    err = e;
  }
  expect(err, `expected ${code}`).toBeInstanceOf(LegacyHashError);
  expect((err as LegacyHashError).code).toBe(code);
  if (code === 'ERR_LIMIT_EXCEEDED' || code === 'ERR_MALFORMED_HASH' || code === 'ERR_MISSING_INPUT') {
    expect(derivationCount(), 'no derivation may start').toBe(before);
  }
  return err as LegacyHashError;
}

export const runProp = (prop: fc.IAsyncPropertyWithHooks<never> | fc.IAsyncProperty<never>, numRuns = 20) =>
  fc.assert(prop as fc.IAsyncProperty<never>, { seed: SEED, numRuns });
