/** ASP.NET Membership (src/algorithms/aspnet-membership.ts): inputs, readings, live reference. */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { identify, shutdownPool, verify, verifyDetailed } from '../src/index.js';
import { membershipHmacKey } from '../src/algorithms/aspnet-membership.js';
import { expectCode, kdfOracle, roundTrip, runProp, saltBytes, textPassword } from './helpers/kdf.js';
import { hasPasslib } from './helpers/refs.js';

afterAll(() => shutdownPool());

const SALT = 'MDEyMzQ1Njc4OUFCQ0RFRg==';

describe('ASP.NET Membership', () => {
  it('needs the PasswordSalt column', async () => {
    const err = await expectCode(verify('Pässword1!', 'lYnl2b3SGLKFkCJgm237gF4/zuE='), 'ERR_MISSING_INPUT');
    expect(err.field).toBe('salt');
    expect(identify('lYnl2b3SGLKFkCJgm237gF4/zuE=')[0]).toMatchObject({ scheme: 'aspnet-membership', missing: ['salt'] });
  });
  it('tries the plain and the keyed reading of the digest length, or only the named one', async () => {
    expect(await verifyDetailed('Pässword1!', 'b8zFJSJrN2qeYXob1govtT/JwEPJDP63NsOHBdG/yMc=', { salt: SALT })).toMatchObject({ match: true, scheme: 'aspnet-membership' });
    expect(await verify('Pässword1!', 'b8zFJSJrN2qeYXob1govtT/JwEPJDP63NsOHBdG/yMc=', { salt: SALT, params: { membershipHashAlgorithm: 'SHA256' } })).toBe(false);
    expect(await verify('Pässword1!', 'b8zFJSJrN2qeYXob1govtT/JwEPJDP63NsOHBdG/yMc=', { salt: SALT, params: { membershipHashAlgorithm: 'hmacsha256' } })).toBe(true);
    await expectCode(verify('x', 'lYnl2b3SGLKFkCJgm237gF4/zuE=', { scheme: 'aspnet-membership', salt: SALT, params: { membershipHashAlgorithm: 'SHA256' } }), 'ERR_MALFORMED_HASH');
  });
  it('a salt column that is not base64 is an invalid argument; non-UTF-8 passwords never match', async () => {
    await expectCode(verify('x', 'lYnl2b3SGLKFkCJgm237gF4/zuE=', { scheme: 'aspnet-membership', salt: 'not base64!' }), 'ERR_INVALID_ARGUMENT');
    expect(await verify(new Uint8Array([0xff, 0xfe]), 'lYnl2b3SGLKFkCJgm237gF4/zuE=', { salt: SALT })).toBe(false);
  });
  it('HMAC key: salt repeated or cut to the key size', () => {
    expect(Array.from(membershipHmacKey(new Uint8Array([1, 2, 3]), 8))).toEqual([1, 2, 3, 1, 2, 3, 1, 2]);
    expect(membershipHmacKey(new Uint8Array(200), 128).length).toBe(128);
  });
});

describe.skipIf(!hasPasslib())('live reference (EncodePassword with hashlib/hmac via scripts/ref/kdf_oracle.py)', () => {
  const py = kdfOracle();
  afterAll(() => py.close());
  it('every HashAlgorithmType, random salts', () =>
    runProp(fc.asyncProperty(textPassword, saltBytes(1, 40), fc.constantFrom('SHA1', 'MD5', 'SHA256', 'SHA384', 'SHA512', 'HMACSHA1', 'HMACMD5', 'HMACSHA256', 'HMACSHA384', 'HMACSHA512'), (pw, s, algorithm) => {
      const salt = Buffer.from(s).toString('base64');
      return roundTrip(py, { scheme: 'aspnet-membership', params: { salt, algorithm } }, pw, 'aspnet-membership', { salt, platform: 'aspnet-membership' });
    }) as never, 30));
});
