/** Django hashers (src/algorithms/django.ts): parsers, caps, collisions, live reference. */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { identify, shutdownPool, verify, verifyDetailed } from '../src/index.js';
import { anyPassword, expectCode, kdfOracle, roundTrip, runProp, saltBytes, saltText, textPassword } from './helpers/kdf.js';
import { hasPasslib } from './helpers/refs.js';

afterAll(() => shutdownPool());

describe('parsers and detection', () => {
  it.each([
    ['django-sha1', 'sha1$fe76b$02d5916550edf7fc8c886f044887f4b1abf9b01'], // 39 hex
    ['django-md5', 'md5$salt$' + 'a'.repeat(40)],
    ['django-crypt', 'crypt$$24leDr0hHfb3'],
    ['django-argon2', 'argon2$argon2id$v=19$m=512,t=2,p=2$c2FsdA$'],
    ['django-scrypt', 'scrypt$1000$salt$8$1$' + 'A'.repeat(86) + '=='], // N not a power of two
    ['django-scrypt', 'scrypt$01024$salt$8$1$' + 'A'.repeat(86) + '=='],
    ['django-scrypt', 'scrypt$1024$salt$8$1$' + 'A'.repeat(43) + '='], // 32-byte key
  ])('%s refuses %s', async (scheme, stored) => {
    await expectCode(verify('x', stored, { scheme }), 'ERR_MALFORMED_HASH');
  });

  it('sha1$ and md5$ are claimed only in their full shape', () => {
    expect(identify('sha1$unknown$format')).toEqual([]);
    expect(identify('md5$')).toEqual([]);
  });

  it('sha1$salt$hex fits Django (plain digest) and Werkzeug (HMAC): both are tried, Django first', async () => {
    expect(identify('sha1$fe76b$02d5916550edf7fc8c886f044887f4b1abf9b013').map((c) => c.scheme)).toEqual(['django-sha1', 'werkzeug-hmac']);
    expect(await verifyDetailed('hashcat', 'sha1$fe76b$02d5916550edf7fc8c886f044887f4b1abf9b013')).toMatchObject({ match: true, scheme: 'django-sha1' });
    expect(await verifyDetailed('Pässword1!', 'sha1$saltsalt$ba8947f68e3e1f75f4e0ec36320db392668cb326')).toMatchObject({
      match: true,
      scheme: 'werkzeug-hmac',
      tried: ['django-sha1', 'werkzeug-hmac'],
    });
  });

  it('unsalted sha1$$ / md5$$ and UPPER-case hex (compared as bytes, unlike Django)', async () => {
    expect(await verify('Pässword1!', 'sha1$$90bf629ea159bc5c4c1997c97b75438088004aa0')).toBe(true);
    expect(await verify('password', 'md5$$5f4dcc3b5aa765d61d8327deb882cf99')).toBe(true);
    expect(await verify('password', 'md5$$5F4DCC3B5AA765D61D8327DEB882CF99')).toBe(true);
  });

  it('caps: argon2 memory and scrypt memory / parallelism before any work', async () => {
    await expectCode(verify('x', 'argon2$argon2id$v=19$m=4194304,t=2,p=8$c2FsdHNhbHRzYWx0c2FsdA$aZ0Kxirv9x56jGW+nn1JRZ/mOdOo0RkNs90hlV8rzsw'), 'ERR_LIMIT_EXCEEDED');
    const b64 = 'A'.repeat(86) + '==';
    expect((await expectCode(verify('x', `scrypt$1048576$salt$8$1$${b64}`), 'ERR_LIMIT_EXCEEDED')).field).toBe('maxMemoryBytes');
    expect((await expectCode(verify('x', `scrypt$1024$salt$8$64$${b64}`), 'ERR_LIMIT_EXCEEDED')).field).toBe('maxParallelism');
  });
});

describe.skipIf(!hasPasslib())('live reference (Django formulas via scripts/ref/kdf_oracle.py)', () => {
  const py = kdfOracle();
  afterAll(() => py.close());
  it('sha1$ / md5$ salted and unsalted', () =>
    runProp(fc.asyncProperty(anyPassword, fc.oneof(saltText(5, 5), saltText(12, 12), fc.constant('')), fc.constantFrom('sha1', 'md5'), (pw, salt, alg) =>
      roundTrip(py, { scheme: `django-${alg}`, params: { salt } }, pw, `django-${alg}`)) as never));
  it('crypt$$ (libxcrypt DES)', () =>
    runProp(fc.asyncProperty(textPassword, saltText(2, 2), (pw, salt) => roundTrip(py, { scheme: 'django-crypt', params: { salt } }, pw, 'django-crypt')) as never, 10));
  it('argon2$ (argon2-cffi)', () =>
    runProp(fc.asyncProperty(anyPassword, saltBytes(8, 24), fc.constantFrom('i', 'id'), fc.integer({ min: 1, max: 4 }), (pw, s, type, p) =>
      roundTrip(py, { scheme: 'django-argon2', params: { saltHex: Buffer.from(s).toString('hex'), t: 1, m: 64, p, type } }, pw, 'django-argon2')) as never, 10));
  it('scrypt$ (hashlib.scrypt)', () =>
    runProp(fc.asyncProperty(anyPassword, saltText(1, 24), fc.constantFrom(2, 16, 256), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 3 }), (pw, salt, n, r, p) =>
      roundTrip(py, { scheme: 'django-scrypt', params: { salt, n, r, p } }, pw, 'django-scrypt')) as never, 10));
});
