/**
 * PBKDF2 layouts (src/algorithms/pbkdf2.ts): parser edge cases, caps before work, and live
 * differential checks against scripts/ref/kdf_oracle.py (hashlib / passlib).
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { identify, shutdownPool, verify } from '../src/index.js';
import { anyPassword, expectCode, kdfOracle, roundTrip, runProp, saltBytes, saltText, textPassword } from './helpers/kdf.js';
import { hasPasslib } from './helpers/refs.js';

afterAll(() => shutdownPool());

const DJANGO = 'pbkdf2_sha256$10000$1135411628$bFYX62rfJobJ07VwrUMXfuffLfj2RDM2G6/BrTrUWkE='; // hashcat 10000
const PHC = '$pbkdf2-sha256$i=4096,l=40$c2FsdFNBTFRzYWx0U0FMVHNhbHRTQUxUc2FsdFNBTFRzYWx0$NIyJ28vTKy8y2BS4EW6EzysXNH68GAAYHE4qH7jdU+HGNVGMfaxH6Q';
const KC_VALUE = 'JMgOZGTvMM/U5ZcCHkX2HnFlPxt1SoDGthpIy9sFbD00GGG6D5F0gbYTORZqTQYH0+AeRkHhIMkcYRLK+8SFPA==';
const KC_SALT = 'MDEyMzQ1Njc4OWFiY2RlZg==';

describe('parsers', () => {
  it.each([
    ['django-pbkdf2', 'pbkdf2_sha256$010000$1135411628$bFYX62rfJobJ07VwrUMXfuffLfj2RDM2G6/BrTrUWkE='], // zero-padded count
    ['django-pbkdf2', 'pbkdf2_sha256$10000$$bFYX62rfJobJ07VwrUMXfuffLfj2RDM2G6/BrTrUWkE='], // empty salt
    ['django-pbkdf2', 'pbkdf2_sha256$10000$salt$iaNAoHEF+gEw4PNU9yF6GHRylbs='], // sha1-sized key
    ['django-pbkdf2', 'pbkdf2_sha256$0$salt$bFYX62rfJobJ07VwrUMXfuffLfj2RDM2G6/BrTrUWkE='],
    ['passlib-pbkdf2', '$pbkdf2-sha256$29000$x9h7j/Ge8x6DMEao1VqrdQ$kra3R1wEnY8mPdDWOpTqOTINaAmZvRMcYd8u5OBQP9'], // short checksum
    ['passlib-pbkdf2', '$pbkdf2$0131000$r5WythYixPgfQ2jt3buXcg$8Kdr.QQEOaZIXNOrrru36I/.6Po'],
    ['pbkdf2-phc', '$pbkdf2-sha256$i=4096,l=32$c2FsdA$NIyJ28vTKy8y2BS4EW6EzysXNH68GAAYHE4qH7jdU+HGNVGMfaxH6Q'], // l != length
    ['pbkdf2-phc', '$pbkdf2-sha256$l=40$c2FsdA$NIyJ28vTKy8y2BS4EW6EzysXNH68GAAYHE4qH7jdU+HGNVGMfaxH6Q'], // no i
    ['pbkdf2-phc', '$pbkdf2-sha256$i=1,x=2$c2FsdA$NIyJ28vTKy8y2BS4EW6EzysXNH68GAAYHE4qH7jdU+HGNVGMfaxH6Q'],
    ['werkzeug-pbkdf2', 'pbkdf2:whirlpool:1000$salt$' + 'ab'.repeat(64)],
    ['werkzeug-pbkdf2', 'pbkdf2:sha256:1000$salt$' + 'ab'.repeat(31)],
    ['aspnet-identity-v3', 'AQAAAAMAACcQAAAAEDAxMjM0NTY3ODlhYmNkZWZhxyz/0AzLwVz3paqO4hkQRnuiZ5B7eh/cwoK8/yamIQ=='], // prf 3
    ['aspnet-identity-v3', 'AQAAAAEAACcQAAAADzAxMjM0NTY3ODlhYmNkZWZhxyz/0AzLwVz3paqO4hkQRnuiZ5B7eh/cwoK8/yamIQ=='], // salt 15
    ['aspnet-identity-v3', 'AQAAAAEAAAAAAAAAEDAxMjM0NTY3ODlhYmNkZWZhxyz/0AzLwVz3paqO4hkQRnuiZ5B7eh/cwoK8/yamIQ=='], // 0 iterations
    ['aspnet-identity-v3', 'AQAAAAEAACcQAAAAEDAxMjM0NTY3ODlhYmNkZWZhxyz/0AzLwVz3'], // subkey < 16
    ['atlassian-pkcs5s2', '{PKCS5S2}NTczNTY0NDY2NjQyNzU1Mx8gGiRGobaZYwumctGHbn2ZOHB8LkwzH+Z1gkWfy1z'],
    ['keycloak', '{"value": "x"'],
    ['keycloak', '{"value":"' + KC_VALUE + '","salt":"' + KC_SALT + '","hashIterations":27500,"algorithm":"argon2"}'],
    ['keycloak', '{"value":"' + KC_VALUE + '","salt":"' + KC_SALT + '","hashIterations":-1,"algorithm":"pbkdf2"}'],
    ['keycloak', '{"secretData":"{not json","credentialData":{}}'],
  ])('%s refuses %s', async (scheme, stored) => {
    await expectCode(verify('x', stored, { scheme }), 'ERR_MALFORMED_HASH');
  });

  it('hex and base64 may be upper-case / any case where only bytes matter', async () => {
    const wz = 'pbkdf2:sha256:600000$saltsaltsaltsalt$14907a3dce6101c659fa35e166d8067572a48918ba6b4944db810a8f916f5f13';
    const upper = wz.slice(0, wz.lastIndexOf('$') + 1) + wz.slice(wz.lastIndexOf('$') + 1).toUpperCase();
    expect(await verify('Pässword1!', upper)).toBe(true);
  });

  it('Werkzeug without an iteration count tries each historic default (or the pinned one)', async () => {
    // pbkdf2:sha256:1000 written without the count: a Werkzeug 0.9-0.11 reader's default.
    const stored = 'pbkdf2:sha256$AbCd1234$' + (await sha256Pbkdf2('secret', 'AbCd1234', 1000));
    expect(identify(stored)[0]).toMatchObject({ scheme: 'werkzeug-pbkdf2', params: { iterations: '1000|50000|150000|260000|600000|1000000' } });
    expect(await verify('secret', stored)).toBe(true);
    expect(await verify('secret', stored, { params: { werkzeugIterations: 1000 } })).toBe(true);
    expect(await verify('secret', stored, { params: { werkzeugIterations: 50000 } })).toBe(false);
    // The sum of the candidates is what the cap sees.
    await expectCode(verify('secret', stored, { limits: { maxPbkdf2Iterations: 2_060_999 } }), 'ERR_LIMIT_EXCEEDED');
  });

  it('Keycloak: realm export, DB columns and flat JSON; bare value needs salt and hashIterations', async () => {
    const secret = JSON.stringify({ value: KC_VALUE, salt: KC_SALT, additionalParameters: {} });
    const cred = JSON.stringify({ hashIterations: 27500, algorithm: 'pbkdf2-sha256', additionalParameters: {} });
    expect(await verify('Pässword1!', JSON.stringify({ type: 'password', secretData: secret, credentialData: cred }))).toBe(true);
    expect(await verify('Pässword1!', JSON.stringify({ secret_data: JSON.parse(secret), credential_data: JSON.parse(cred) }))).toBe(true);
    await expectCode(verify('Pässword1!', KC_VALUE, { scheme: 'keycloak-pbkdf2', salt: KC_SALT }), 'ERR_MISSING_INPUT');
    await expectCode(verify('Pässword1!', KC_VALUE, { scheme: 'keycloak-pbkdf2', params: { hashIterations: 27500 } }), 'ERR_MISSING_INPUT');
    expect(await verify('Pässword1!', KC_VALUE, { salt: KC_SALT, params: { hashIterations: 27500 } })).toBe(true);
  });
});

describe('caps are checked before any work', () => {
  it.each([
    ['pbkdf2_sha256$2000000000$salt$bFYX62rfJobJ07VwrUMXfuffLfj2RDM2G6/BrTrUWkE=', {}],
    ['$pbkdf2-sha512$2147483647$LyWE0HrP2RsjZCxlDGFMKQ$1vC5Ohk2mCS9b6akqsEfgeb4l74SF8XjH.SljXf3dMLHdlY1GK9ojcCKts6/asR4aPqBmk74nCDddU3tvSCJvw', {}],
    ['$pbkdf2-sha256$i=99999999,l=40$c2FsdFNBTFRzYWx0U0FMVHNhbHRTQUxUc2FsdFNBTFRzYWx0$NIyJ28vTKy8y2BS4EW6EzysXNH68GAAYHE4qH7jdU+HGNVGMfaxH6Q', {}],
    ['pbkdf2:sha256:4000001$salt$' + 'ab'.repeat(32), {}],
    ['AQAAAAIATEtAAAAAEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==', {}], // v3, 5,000,000 iterations
    ['5000000:00112233:' + 'ab'.repeat(64), {}],
  ])('%s', async (stored, options) => {
    const err = await expectCode(verify('x', stored, options), 'ERR_LIMIT_EXCEEDED');
    expect(err.field).toBe('maxPbkdf2Iterations');
  });

  it('node:crypto refuses counts past 2^31-1: such strings are malformed, never a crash', async () => {
    await expectCode(verify('x', 'pbkdf2_sha256$2147483648$salt$bFYX62rfJobJ07VwrUMXfuffLfj2RDM2G6/BrTrUWkE=', { limits: { maxPbkdf2Iterations: Infinity } }), 'ERR_MALFORMED_HASH');
  });
});

async function sha256Pbkdf2(pw: string, salt: string, n: number): Promise<string> {
  const { pbkdf2Sync } = await import('node:crypto');
  return pbkdf2Sync(pw, salt, n, 32, 'sha256').toString('hex');
}

describe.skipIf(!hasPasslib())('live reference (scripts/ref/kdf_oracle.py)', () => {
  const py = kdfOracle();
  afterAll(() => py.close());
  const alg = fc.constantFrom('sha1', 'sha256', 'sha512');

  it('Django pbkdf2_sha256 / pbkdf2_sha1', () =>
    runProp(fc.asyncProperty(anyPassword, saltText(1, 30), fc.integer({ min: 1, max: 300 }), fc.constantFrom('sha1', 'sha256'), (pw, salt, iterations, a) =>
      roundTrip(py, { scheme: 'django-pbkdf2', params: { salt, iterations, alg: a } }, pw, 'django-pbkdf2')) as never));
  it('passlib $pbkdf2*$', () =>
    runProp(fc.asyncProperty(anyPassword, saltBytes(0, 32), fc.integer({ min: 1, max: 300 }), alg, (pw, s, rounds, a) =>
      roundTrip(py, { scheme: 'passlib-pbkdf2', params: { saltHex: Buffer.from(s).toString('hex'), rounds, alg: a } }, pw, 'passlib-pbkdf2')) as never));
  it('PHC $pbkdf2-*$i=,l=', () =>
    runProp(fc.asyncProperty(anyPassword, saltBytes(4, 32), fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 64 }), alg, fc.boolean(), (pw, s, rounds, length, a, withL) =>
      roundTrip(py, { scheme: 'pbkdf2-phc', params: { saltHex: Buffer.from(s).toString('hex'), rounds, length, alg: a, withL } }, pw, 'pbkdf2-phc')) as never));
  it('Werkzeug pbkdf2:<hash>:<n>', () =>
    runProp(fc.asyncProperty(anyPassword, saltText(0, 16), fc.integer({ min: 1, max: 300 }), fc.constantFrom('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'), (pw, salt, n, a) =>
      roundTrip(py, { scheme: 'werkzeug-pbkdf2', params: { salt, method: `pbkdf2:${a}:${n}` } }, pw, 'werkzeug-pbkdf2')) as never));
  it('ASP.NET Identity v2 and v3', () =>
    runProp(fc.asyncProperty(textPassword, saltBytes(16, 16), saltBytes(16, 40), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 300 }), fc.integer({ min: 16, max: 64 }), async (pw, s2, s3, prf, iterations, keyLen) => {
      await roundTrip(py, { scheme: 'aspnet-identity-v2', params: { saltHex: Buffer.from(s2).toString('hex') } }, pw, 'aspnet-identity-v2');
      await roundTrip(py, { scheme: 'aspnet-identity-v3', params: { saltHex: Buffer.from(s3).toString('hex'), prf, iterations, keyLen } }, pw, 'aspnet-identity-v3');
    }) as never, 10));
  it('Atlassian {PKCS5S2} (passlib atlassian_pbkdf2_sha1)', () =>
    runProp(fc.asyncProperty(anyPassword, saltBytes(16, 16), (pw, s) =>
      roundTrip(py, { scheme: 'atlassian-pkcs5s2', params: { saltHex: Buffer.from(s).toString('hex') } }, pw, 'atlassian-pkcs5s2')) as never, 5));
  it('Hybris and Keycloak', () =>
    runProp(fc.asyncProperty(textPassword, saltBytes(1, 32), fc.integer({ min: 1, max: 200 }), fc.integer({ min: 1, max: 64 }), fc.constantFrom('pbkdf2', 'pbkdf2-sha256', 'pbkdf2-sha512'), async (pw, s, iterations, keyBytes, algorithm) => {
      const saltHex = Buffer.from(s).toString('hex');
      await roundTrip(py, { scheme: 'hybris-pbkdf2', params: { saltHex, iterations, keyBits: keyBytes * 8 } }, pw, 'hybris-pbkdf2', {}, false);
      await roundTrip(py, { scheme: 'keycloak', params: { saltHex, iterations, algorithm, keyBits: keyBytes * 8 } }, pw, 'keycloak');
    }) as never, 10));
});
