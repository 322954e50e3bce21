/**
 * Live differential tests for the core formats: random passwords (arbitrary bytes, UTF-8 and
 * not) and random parameters go to the reference implementations (PHP 8.2 running each
 * platform's formula, passlib / pyca-bcrypt / argon2-cffi); what they produce must verify, and a
 * different password must not. Skipped where the tools are missing — except in CI.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { shutdownPool, verifyDetailed, verify } from '../../src/index.js';
import { wrongPassword } from '../helpers/vectors.js';
import { phpOracle, pythonOracle, type Oracle } from '../helpers/oracle.js';
import { hasPasslib, hasPhp } from '../helpers/refs.js';

afterAll(() => shutdownPool());

const SEED = 20261123;
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
/** Passwords: arbitrary bytes (legacy data is often not UTF-8) or arbitrary Unicode strings. */
const password = fc.oneof(
  fc.uint8Array({ minLength: 0, maxLength: 90 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }).map((s) => new TextEncoder().encode(s)),
);
/** crypt(3)-based references take C strings: no NUL bytes. */
const cPassword = password.map((b) => b.map((x) => (x === 0 ? 0x41 : x)));
const salt62 = (n: number) => fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'), minLength: n, maxLength: n });

/** Hash with the reference, then check verify() (auto-detected) accepts it and rejects a wrong password. */
async function roundTrip(oracle: Oracle, scheme: string, pw: Uint8Array, params: Record<string, unknown>, expectScheme = scheme) {
  const stored = await oracle.hash({ scheme, passwordHex: hex(pw), params });
  const r = await verifyDetailed(pw, stored);
  expect(r, `${scheme} ${stored} pw=${hex(pw)}`).toMatchObject({ match: true, scheme: expectScheme });
  expect(await verify(wrongPassword(pw), stored), `${scheme} ${stored}`).toBe(false);
}

describe.skipIf(!hasPhp())('PHP 8.2 reference (formulas as each platform writes them)', () => {
  const php = phpOracle();
  afterAll(() => php.close());
  const run = (name: string, prop: fc.IAsyncProperty<never>) => it(name, () => fc.assert(prop, { seed: SEED, numRuns: 25 }));

  run('unsalted digests', fc.asyncProperty(password, fc.constantFrom('md5', 'sha1', 'sha256', 'sha512'), fc.boolean(), (pw, alg, upper) =>
    roundTrip(php, alg, pw, { upper })) as never);
  run('phpass $P$ / $H$', fc.asyncProperty(password, fc.constantFrom('P', 'H'), fc.integer({ min: 7, max: 11 }), (pw, ident, countLog2) =>
    roundTrip(php, 'phpass', pw, { ident, countLog2 })) as never);
  run('WordPress 6.8 $wp$', fc.asyncProperty(password, (pw) => roundTrip(php, 'wordpress', pw, { cost: 4 })) as never);
  run('bcrypt $2y$ $2a$ $2b$ $2x$ (crypt_blowfish)', fc.asyncProperty(cPassword, fc.constantFrom('2y', '2a', '2b', '2x'), (pw, ident) =>
    roundTrip(php, 'bcrypt', pw, { ident, cost: 4 })) as never);
  run('Magento 1 H(salt.pw):salt', fc.asyncProperty(password, fc.constantFrom('md5', 'sha256', 'sha512'), fc.oneof(salt62(2), salt62(32)), (pw, algo, salt) =>
    roundTrip(php, 'magento1', pw, { algo, salt })) as never);
  run('Magento 2 hash:salt:version chains', fc.asyncProperty(password, fc.constantFrom('0', '1', '0:1', '1:2', '2', '3_32_2_67108864'), salt62(32), (pw, versions, salt) =>
    roundTrip(php, 'magento2', pw, { versions, salt })) as never);
  run('argon2 PHC (password_hash)', fc.asyncProperty(cPassword, fc.constantFrom('i', 'id'), (pw, type) =>
    roundTrip(php, 'argon2', pw, { type, m: 1024, t: 1, p: 1 })) as never);
});

describe.skipIf(!hasPasslib())('Python references (passlib, pyca/bcrypt, argon2-cffi)', () => {
  const py = pythonOracle();
  afterAll(() => py.close());
  const run = (name: string, prop: fc.IAsyncProperty<never>) => it(name, () => fc.assert(prop, { seed: SEED, numRuns: 25 }));

  run('passlib phpass', fc.asyncProperty(password, fc.constantFrom('P', 'H'), (pw, ident) =>
    roundTrip(py, 'phpass', pw, { ident, countLog2: 8 })) as never);
  run('pyca/bcrypt $2b$', fc.asyncProperty(cPassword, (pw) => roundTrip(py, 'bcrypt', pw, { cost: 4 })) as never);
  run('argon2-cffi d/i/id, v16/v19, p 1-4', fc.asyncProperty(
    password, fc.constantFrom('d', 'i', 'id'), fc.constantFrom(16, 19), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 4, max: 64 }),
    (pw, type, version, p, hashLen) => roundTrip(py, 'argon2', pw, { type, version, m: 256, t: 1, p, hashLen })) as never);
});
