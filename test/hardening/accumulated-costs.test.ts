/**
 * Costs that add up: a stored string must not multiply work past the caps by repeating a capped
 * step (wrapped inner lists, Magento chains, formula repeats, PBKDF2 output blocks, scrypt p),
 * and password length counts for loops that rehash the password every round.
 * (Findings of the pre-release review; each case failed before its fix.)
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, LegacyHashError, defineFormulaScheme, verify } from '../../src/index.js';
import { enforceCosts, routeFor } from '../../src/engine.js';
import { getScheme } from '../../src/registry.js';

const code = (f: () => unknown): string => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return e instanceof LegacyHashError ? e.code : 'other';
  }
};
const costOf = (id: string, stored: string, pwBytes = 0, opts = {}) => () => {
  const s = getScheme(id);
  return enforceCosts(s, s.parse(stored, opts), DEFAULT_LIMITS, pwBytes);
};
const b64 = (n: number) => Buffer.alloc(n, 7).toString('base64').replace(/=+$/, '');

describe('accumulated costs', () => {
  it('wrapped: an inner scheme may not repeat, and at most 8 are listed', async () => {
    const outer = `argon2id$m=256,t=1,p=1$${b64(16)}$${b64(32)}`;
    await expect(verify('x', `$lhw$1$${outer}$md5,md5$00000000000000000000000000000000`)).rejects.toMatchObject({
      code: 'ERR_MALFORMED_HASH',
    });
  });

  it('wrapped: the outer KDF counts once per inner scheme', () => {
    // t=9 is under maxArgon2Passes (16) once, over it for two inner schemes (sha1$... fits two Django/Werkzeug readings).
    const one = `$lhw$1$argon2id$m=256,t=9,p=1$${b64(16)}$${b64(32)}$md5$00000000000000000000000000000000`;
    expect(code(costOf('wrapped', one))).toBe('ok');
    const two = `$lhw$1$argon2id$m=256,t=9,p=1$${b64(16)}$${b64(32)}$django-sha1,werkzeug-hmac$sha1$abcde$0000000000000000000000000000000000000000`;
    expect(code(costOf('wrapped', two))).toBe('ERR_LIMIT_EXCEEDED');
  });

  it('Magento 2: argon2 passes add up over a chain', () => {
    const hex = 'ab'.repeat(32);
    expect(code(costOf('magento2', `${hex}:saltsaltsaltsalt:3_32_8_67108864`))).toBe('ok');
    expect(code(costOf('magento2', `${hex}:saltsaltsaltsalt:3_32_8_67108864:3_32_9_67108864`))).toBe('ERR_LIMIT_EXCEEDED');
  });

  it('formula: literal repeat counts are capped like stored ones', () => {
    const s = defineFormulaScheme({
      id: 'test-literal-repeat',
      title: 'literal repeat',
      formula: 'repeat(5000000, md5($prev . password))',
      layout: '{hash}',
      example: { password: 'x', hash: '0'.repeat(32) },
      platforms: ['test'],
    });
    expect(code(() => enforceCosts(s, s.parse('0'.repeat(32), {}), DEFAULT_LIMITS))).toBe('ERR_LIMIT_EXCEEDED');
  });

  it('PBKDF2: iterations count once per output block', () => {
    const phc = (len: number) => `$pbkdf2-sha256$i=1000000,l=${len}$${b64(16)}$${b64(len)}`;
    expect(code(costOf('pbkdf2-phc', phc(32)))).toBe('ok');
    expect(code(costOf('pbkdf2-phc', phc(160)))).toBe('ERR_LIMIT_EXCEEDED'); // 5 blocks = 5M > 4M
  });

  it('password length weighs loops that rehash the password every round', () => {
    const sha512crypt = `$6$rounds=600000$saltsalt$${'a'.repeat(86)}`;
    expect(code(costOf('sha512-crypt', sha512crypt, 100))).toBe('ok');
    expect(code(costOf('sha512-crypt', sha512crypt, 4096))).toBe('ERR_LIMIT_EXCEEDED');
  });
});

describe('routing uses the real derivation key', () => {
  it('devise-bcrypt: password . pepper past 255 bytes goes to the worker pool', () => {
    const s = getScheme('devise-bcrypt');
    const parsed = s.parse('$2a$04$abcdefghijklmnopqrstuuqeG5Sc8bqw.2a.SdYTh0/7eRpoXhiIG', {});
    const pepper = new Uint8Array(13).fill(0x70);
    const pw = new Uint8Array(250).fill(0x61);
    expect(routeFor(s, parsed, pw, [], { pepper })).toBe('worker');
    expect(routeFor(s, parsed, pw.subarray(0, 10), [], { pepper })).not.toBe('worker');
  });
});
