/** scrypt layouts (src/algorithms/scrypt.ts): parsers, Firebase inputs, caps, live reference. */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { shutdownPool, verify } from '../src/index.js';
import { anyPassword, expectCode, kdfOracle, roundTrip, runProp, saltBytes, textPassword } from './helpers/kdf.js';
import { hasPasslib } from './helpers/refs.js';

afterAll(() => shutdownPool());

const FB_HASH = 'lSrfV15cpx95/sZS2W9c9Kp6i/LVgQNDNC/qzrCnh1SAyZvqmZqAjTdn3aoItz+VHjoZilo78198JAdRuid5lQ==';
const FB_SALT = '42xEC+ixf3L2lw==';
const FB_PARAMS = {
  firebaseSignerKey: 'jxspr8Ki0RYycVU8zykbdLGjFQ3McFUH0uiiTvC8pVMXAn210wjLNmdZJzxUECKbm0QsEmYUSDzZvpjeJ9WmXA==',
  firebaseSaltSeparator: 'Bw==',
  firebaseRounds: 8,
  firebaseMemCost: 14,
};

describe('parsers', () => {
  it.each([
    ['passlib-scrypt', '$scrypt$ln=4,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA$5f/Vi+XRWGUNGScbsma6KJ4zLFIke/NJsrvr7lQLAy'], // 31 bytes
    ['passlib-scrypt', '$scrypt$ln=0,r=8,p=1$c2FsdA$5f/Vi+XRWGUNGScbsma6KJ4zLFIke/NJsrvr7lQLAyA'],
    ['passlib-scrypt', '$scrypt$ln=4,r=0,p=1$c2FsdA$5f/Vi+XRWGUNGScbsma6KJ4zLFIke/NJsrvr7lQLAyA'],
    ['scrypt-crypt', '$7$CU..../....abcdefghijklmnop$Sq.34kg1gPTFUeOPpE6fyMzMfdgqET/x8Nv3KaQxh9'],
    ['scrypt-crypt', '$7$.U..../....salt$Sq.34kg1gPTFUeOPpE6fyMzMfdgqET/x8Nv3KaQxh9.'], // N = 2^0
    ['hashcat-scrypt', 'SCRYPT:16385:8:1:OTEyNzU0ODg=:Cc8SPjRH1hFQhuIPCdF51uNGtJ2aOY/isuoMlMUsJ8c='],
    ['hashcat-scrypt', 'SCRYPT:16384:8:1:OTEyNzU0OD=:Cc8SPjRH1hFQhuIPCdF51uNGtJ2aOY/isuoMlMUsJ8c='],
    ['firebase-scrypt', 'lSrfV15cpx95/sZS2W9c9Kp6i/LVgQNDNC/qzrCnh1Q='], // length != signer key
  ])('%s refuses %s', async (scheme, stored) => {
    await expectCode(verify('x', stored, { scheme, salt: FB_SALT, params: FB_PARAMS }), 'ERR_MALFORMED_HASH');
  });

  it('Firebase needs the user salt and the four project parameters', async () => {
    expect(await verify('user1password', FB_HASH, { salt: FB_SALT, params: FB_PARAMS })).toBe(true);
    await expectCode(verify('user1password', FB_HASH, { scheme: 'firebase-scrypt', params: FB_PARAMS }), 'ERR_MISSING_INPUT');
    for (const drop of Object.keys(FB_PARAMS)) {
      const params: Record<string, string | number> = { ...FB_PARAMS };
      delete params[drop];
      const err = await expectCode(verify('user1password', FB_HASH, { scheme: 'firebase-scrypt', salt: FB_SALT, params }), 'ERR_MISSING_INPUT');
      expect(err.field).toBe(`params.${drop}`);
      expect(err.message).not.toContain(FB_PARAMS.firebaseSignerKey.slice(0, 16));
    }
    await expectCode(verify('user1password', FB_HASH, { scheme: 'firebase-scrypt', salt: FB_SALT, params: { ...FB_PARAMS, firebaseSignerKey: 'not base64!' } }), 'ERR_INVALID_ARGUMENT');
  });

  it('caps (memory 128·N·r, parallelism p) before any work', async () => {
    const mem = await expectCode(verify('x', '$scrypt$ln=22,r=8,p=1$c2FsdA$5f/Vi+XRWGUNGScbsma6KJ4zLFIke/NJsrvr7lQLAyA'), 'ERR_LIMIT_EXCEEDED');
    expect(mem).toMatchObject({ field: 'maxMemoryBytes', value: 128 * 2 ** 22 * 8 });
    await expectCode(verify('x', '$7$z/..../....salt$Sq.34kg1gPTFUeOPpE6fyMzMfdgqET/x8Nv3KaQxh9.'), 'ERR_LIMIT_EXCEEDED'); // N = 2^63
    expect((await expectCode(verify('x', 'SCRYPT:1024:1:1000:OTEyNzU0ODg=:Cc8SPjRH1hFQhuIPCdF51uNGtJ2aOY/isuoMlMUsJ8c='), 'ERR_LIMIT_EXCEEDED')).field).toBe('maxParallelism');
    await expectCode(verify('x', FB_HASH, { salt: FB_SALT, params: { ...FB_PARAMS, firebaseMemCost: 30 } }), 'ERR_LIMIT_EXCEEDED');
  });
});

describe.skipIf(!hasPasslib())('live reference (passlib / libxcrypt / hashlib via scripts/ref/kdf_oracle.py)', () => {
  const py = kdfOracle();
  afterAll(() => py.close());
  it('passlib $scrypt$', () =>
    runProp(fc.asyncProperty(anyPassword, saltBytes(0, 24), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 2 }), (pw, s, ln, r, p) =>
      roundTrip(py, { scheme: 'passlib-scrypt', params: { saltHex: Buffer.from(s).toString('hex'), ln, r, p } }, pw, 'passlib-scrypt')) as never, 15));
  it('$7$ (libxcrypt crypt)', () =>
    runProp(fc.asyncProperty(textPassword, fc.string({ unit: fc.constantFrom(...'./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'), minLength: 1, maxLength: 20 }), fc.constantFrom('1', '4', '8'), (pw, salt, nChar) =>
      roundTrip(py, { scheme: 'scrypt-crypt', params: { setting: `$7$${nChar}/..../....${salt}` } }, pw, 'scrypt-crypt')) as never, 10));
  it('hashcat SCRYPT:', () =>
    runProp(fc.asyncProperty(anyPassword, saltBytes(0, 20), fc.constantFrom(2, 16, 64), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 64 }), (pw, s, n, r, dklen) =>
      roundTrip(py, { scheme: 'hashcat-scrypt', params: { saltHex: Buffer.from(s).toString('hex'), n, r, p: 1, dklen } }, pw, 'hashcat-scrypt')) as never, 15));
  it('Firebase (hashlib.scrypt + AES-256-CTR from cryptography)', () =>
    runProp(fc.asyncProperty(anyPassword, saltBytes(1, 16), saltBytes(0, 4), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 }), async (pw, s, sep, rounds, memCost) => {
      const salt = Buffer.from(s).toString('base64');
      const saltSeparator = Buffer.from(sep).toString('base64');
      const params = { firebaseSignerKey: FB_PARAMS.firebaseSignerKey, firebaseSaltSeparator: saltSeparator, firebaseRounds: rounds, firebaseMemCost: memCost };
      await roundTrip(py, { scheme: 'firebase-scrypt', params: { salt, signerKey: FB_PARAMS.firebaseSignerKey, saltSeparator, rounds, memCost } }, pw, 'firebase-scrypt', { salt, params });
    }) as never, 15));
});
