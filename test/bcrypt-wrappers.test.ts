/** bcrypt pre-hash wrappers (src/algorithms/bcrypt-wrappers.ts): layouts, opt-in, live reference. */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { identify, shutdownPool, verify, verifyDetailed } from '../src/index.js';
import { anyPassword, expectCode, kdfOracle, roundTrip, runProp } from './helpers/kdf.js';
import { hasPasslib } from './helpers/refs.js';

afterAll(() => shutdownPool());

const VB5 = '$2a$05$/VT2Xs2dMd8GJKfrXhjYP.DkTjOVrY12yDN7/6I8ZV0q/1lEohLru'; // hashcat 25600, "hashcat"
const bcryptChars = fc.string({ unit: fc.constantFrom(...'./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'), minLength: 21, maxLength: 21 });
/** A canonical 22-char bcrypt salt: the last char carries 2 bits. */
const salt22 = fc.tuple(bcryptChars, fc.constantFrom('.', 'O', 'e', 'u')).map(([a, b]) => a + b);

describe('hex pre-hash wrappers are opt-in', () => {
  it('a plain bcrypt string is only read as plain bcrypt by default (one bcrypt run per attempt)', async () => {
    expect(identify(VB5).map((c) => c.scheme)).not.toContain('bcrypt-md5');
    expect(await verifyDetailed('hashcat', VB5)).toEqual({ match: false, tried: ['bcrypt'] });
  });
  it('params.bcryptPrehash makes the wrapper a candidate, tried before plain bcrypt', async () => {
    expect(await verifyDetailed('hashcat', VB5, { params: { bcryptPrehash: 'md5' } })).toMatchObject({ match: true, scheme: 'bcrypt-md5', tried: ['bcrypt-md5'] });
    expect(await verifyDetailed('hashcat', VB5, { platform: 'vbulletin', params: { bcryptPrehash: 'md5' } })).toMatchObject({ match: true, scheme: 'bcrypt-md5' });
  });
  it('forcing the scheme without the opt-in says what is missing', async () => {
    const err = await expectCode(verify('hashcat', VB5, { scheme: 'bcrypt-md5' }), 'ERR_MISSING_INPUT');
    expect(err.field).toBe('params.bcryptPrehash');
    await expectCode(verify('hashcat', VB5, { scheme: 'bcrypt-md5', params: { bcryptPrehash: 'sha1' } }), 'ERR_MISSING_INPUT');
  });
  it('a malformed bcrypt string still reports the bcrypt error first', async () => {
    await expectCode(verify('x', '$2y$10$short', { params: { bcryptPrehash: 'md5' } }), 'ERR_MALFORMED_HASH');
  });
});

describe('layouts', () => {
  it.each([
    ['passlib-bcrypt-sha256', '$bcrypt-sha256$v=3,t=2b,r=12$abcdefghijklmnopqrstuu$pazD5A1m3uApSfe/jHIkCqv4WHNUvBK'],
    ['passlib-bcrypt-sha256', '$bcrypt-sha256$v=2,t=2a,r=12$abcdefghijklmnopqrstuu$pazD5A1m3uApSfe/jHIkCqv4WHNUvBK'],
    ['passlib-bcrypt-sha256', '$bcrypt-sha256$v=2,t=2b,r=04$abcdefghijklmnopqrstuu$pazD5A1m3uApSfe/jHIkCqv4WHNUvBK'],
    ['passlib-bcrypt-sha256', '$bcrypt-sha256$v=2,t=2b,r=12$abcdefghijklmnopqrstuv$pazD5A1m3uApSfe/jHIkCqv4WHNUvBK'], // padding bits
    ['django-bcrypt-sha256', 'bcrypt_sha256$$2b$12$abcdefghijklmnopqrstuuhYwv9z9IANTcEnPMOqwosbefdlet/0'],
    ['django-bcrypt', 'bcrypt$2b$12$abcdefghijklmnopqrstuu13BcWEPU2i2K3i3K8cTWLLTK0IeO09K'],
  ])('%s refuses %s', async (scheme, stored) => {
    await expectCode(verify('x', stored, { scheme }), 'ERR_MALFORMED_HASH');
  });
  it('passlib v1 repairs a salt with padding bits (as passlib does) and verifies', async () => {
    // passlib 1.7.4 bcrypt_sha256 v1 with salt ...stuu; the same hash with ...stuv verifies in passlib (with a warning).
    expect(await verify('Pässword1!', '$bcrypt-sha256$2a,12$abcdefghijklmnopqrstuv$03MkPNjqaC5nygOP1YBLAeox5oArUh.')).toBe(true);
  });
  it('bcrypt cost cap applies to every wrapper before work', async () => {
    await expectCode(verify('x', '$bcrypt-sha256$v=2,t=2b,r=31$abcdefghijklmnopqrstuu$pazD5A1m3uApSfe/jHIkCqv4WHNUvBK'), 'ERR_LIMIT_EXCEEDED');
    await expectCode(verify('x', 'bcrypt_sha256$$2b$20$abcdefghijklmnopqrstuuhYwv9z9IANTcEnPMOqwosbefdlet/0K'), 'ERR_LIMIT_EXCEEDED');
    await expectCode(verify('x', '$2a$16$/VT2Xs2dMd8GJKfrXhjYP.DkTjOVrY12yDN7/6I8ZV0q/1lEohLru', { params: { bcryptPrehash: 'md5' } }), 'ERR_LIMIT_EXCEEDED');
  });
});

describe.skipIf(!hasPasslib())('live reference (passlib / pyca-bcrypt via scripts/ref/kdf_oracle.py)', () => {
  const py = kdfOracle();
  afterAll(() => py.close());
  it('passlib bcrypt_sha256 v1 and v2', () =>
    runProp(fc.asyncProperty(anyPassword, salt22, fc.constantFrom(1, 2), (pw, salt, version) =>
      roundTrip(py, { scheme: 'passlib-bcrypt-sha256', params: { salt22: salt, rounds: 4, version, ident: version === 1 ? '2a' : '2b' } }, pw, 'passlib-bcrypt-sha256')) as never, 15));
  it('Django bcrypt_sha256$ and bcrypt$', () =>
    runProp(fc.asyncProperty(anyPassword.map((b) => b.map((x) => x || 1)), salt22, async (pw, salt) => {
      await roundTrip(py, { scheme: 'django-bcrypt-sha256', params: { setting: `$2b$04$${salt}` } }, pw, 'django-bcrypt-sha256');
      await roundTrip(py, { scheme: 'django-bcrypt', params: { setting: `$2b$04$${salt}` } }, pw, 'django-bcrypt');
    }) as never, 10));
  it('bcrypt over md5/sha1/sha256/sha512 hex', () =>
    runProp(fc.asyncProperty(anyPassword, salt22, fc.constantFrom('md5', 'sha1', 'sha256', 'sha512'), fc.constantFrom('2a', '2b'), (pw, salt, alg, ident) =>
      roundTrip(py, { scheme: 'bcrypt-prehash', params: { alg, setting: `$${ident}$04$${salt}` } }, pw, `bcrypt-${alg}`, { params: { bcryptPrehash: alg } })) as never, 15));
});
