/** Werkzeug layouts (src/algorithms/werkzeug.ts): parsers, plain text, caps, live reference. */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { identify, shutdownPool, verify } from '../src/index.js';
import { anyPassword, expectCode, kdfOracle, roundTrip, runProp, saltText } from './helpers/kdf.js';
import { hasPasslib } from './helpers/refs.js';

afterAll(() => shutdownPool());

describe('parsers', () => {
  it.each([
    ['werkzeug-hmac', 'sha256$salt$' + 'ab'.repeat(20)], // sha1-sized digest under sha256
    ['werkzeug-scrypt', 'scrypt:32768:8$salt$' + 'ab'.repeat(64)],
    ['werkzeug-scrypt', 'scrypt:1000:8:1$salt$' + 'ab'.repeat(64)],
    ['werkzeug-scrypt', 'scrypt:1024:8:1$salt$' + 'ab'.repeat(32)],
    ['werkzeug-plain', 'plain$nosecond'],
  ])('%s refuses %s', async (scheme, stored) => {
    await expectCode(verify('x', stored, { scheme }), 'ERR_MALFORMED_HASH');
  });

  it('plain$$: the password itself, any bytes, empty included', async () => {
    expect(await verify('', 'plain$$')).toBe(true);
    expect(await verify('x', 'plain$$')).toBe(false);
    expect(await verify('密码', 'plain$salt$密码')).toBe(true);
    expect(await verify('pa$$', 'plain$$pa$$')).toBe(true);
  });

  it('Django scrypt$ strings are not read as Werkzeug scrypt$ (and vice versa)', () => {
    expect(identify('scrypt$1024$salt$8$1$' + 'A'.repeat(86) + '==').map((c) => c.scheme)).toEqual(['django-scrypt']);
    expect(identify('scrypt$salt$' + 'ab'.repeat(64)).map((c) => c.scheme)).toEqual(['werkzeug-scrypt']);
  });

  it('caps before work', async () => {
    expect((await expectCode(verify('x', 'scrypt:1048576:8:1$s$' + 'ab'.repeat(64)), 'ERR_LIMIT_EXCEEDED')).field).toBe('maxMemoryBytes');
    expect((await expectCode(verify('x', 'scrypt:1024:8:17$s$' + 'ab'.repeat(64)), 'ERR_LIMIT_EXCEEDED')).field).toBe('maxParallelism');
  });
});

describe.skipIf(!hasPasslib())('live reference (Werkzeug formulas via scripts/ref/kdf_oracle.py)', () => {
  const py = kdfOracle();
  afterAll(() => py.close());
  it('HMAC methods (salted) and plain digests (unsalted)', () =>
    runProp(fc.asyncProperty(anyPassword, saltText(1, 16), fc.constantFrom('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'), (pw, salt, method) =>
      // md5$/sha1$ also fit Django: detection may report django-* only when that formula matches too.
      roundTrip(py, { scheme: 'werkzeug-hmac', params: { salt, method } }, pw, 'werkzeug-hmac', {}, method !== 'md5' && method !== 'sha1')) as never));
  it('scrypt:N:r:p', () =>
    runProp(fc.asyncProperty(anyPassword, saltText(0, 16), fc.constantFrom(2, 16, 1024), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 3 }), (pw, salt, n, r, p) =>
      roundTrip(py, { scheme: 'werkzeug-scrypt', params: { salt, n, r, p } }, pw, 'werkzeug-scrypt')) as never, 10));
});
