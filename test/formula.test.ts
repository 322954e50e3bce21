/**
 * The formula language: parser, compiler, scheme definition, runtime registration, limits, and
 * robustness (fast-check: arbitrary input never throws anything but LegacyHashError, never hangs).
 * Known answers are published values (hashcat example hashes), not our own output.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8 } from '../src/core/bytes.js';
import { toHex } from '../src/core/encoding.js';
import { compileFormula, type FormulaEnv } from '../src/formula/compile.js';
import { FORMULA_LIMITS, parseFormula } from '../src/formula/parse.js';
import { defineFormulaScheme, identify, LegacyHashError, registerScheme, schemes, verify, verifyDetailed } from '../src/index.js';

const env = (o: Partial<Record<'password' | 'salt' | 'pepper' | 'username', string>> & { rounds?: number } = {}): FormulaEnv => ({
  password: utf8(o.password ?? ''),
  salt: utf8(o.salt ?? ''),
  pepper: utf8(o.pepper ?? ''),
  username: utf8(o.username ?? ''),
  rounds: o.rounds ?? 0,
});
const text = (f: string, e: FormulaEnv) => new TextDecoder().decode(compileFormula(f).evaluate(e));

function invalid(f: unknown): LegacyHashError {
  try {
    parseFormula(f);
  } catch (e) {
    expect(e).toBeInstanceOf(LegacyHashError);
    expect((e as LegacyHashError).code).toBe('ERR_INVALID_ARGUMENT');
    expect((e as LegacyHashError).field).toBe('formula');
    return e as LegacyHashError;
  }
  throw new Error('formula was accepted');
}

describe('formula evaluation (published known answers)', () => {
  it('nested digests feed lower-case hex, as PHP md5()/sha1() return', () => {
    // hashcat 2611 vBulletin, 2811 MyBB, 13900 OpenCart, 4521 Redmine, 121 SMF
    expect(text('md5(md5(password) . salt)', env({ password: 'hashcat', salt: '308' }))).toBe('28f9975808ae2bdc5847b1cda26033ea');
    expect(text('md5(md5(salt) . md5(password))', env({ password: 'hashcat', salt: '67588' }))).toBe('022f7e02b3314f7d0968f73c00ba759f');
    expect(text('sha1(salt . sha1(salt . sha1(password)))', env({ password: 'hashcat', salt: '827500576' }))).toBe(
      '058c1c3773340c8563421e2b17e60eb7c916787e',
    );
    expect(text('sha1(lower(username) . password)', env({ password: 'hashcat', username: '25551135' }))).toBe(
      'd27c0a627a45db487af161fcc3a4005d88eb8a1f',
    );
  });

  it('raw digests, base64, hmac, upper, literals with escapes', () => {
    expect(text('base64(sha1_raw(password))', env({ password: 'hashcat' }))).toBe('uJ6qx+YUFzQbcQtyd2gpTQ5qJ3s='); // hashcat 101
    expect(text('hmac_md5(salt, password)', env({ password: 'hashcat', salt: '84143' }))).toBe('7f51edecfa6fb401a0b5e63d33fc8c0e'); // hashcat 30000
    expect(text("md5(salt . '-' . md5(password))", env({ password: 'hashcat', salt: '2152187716' }))).toBe('8c8b39c3602b194eeeb6cac78eea2742'); // 3711
    expect(text('upper(md5(password))', env({ password: 'hashcat' }))).toBe('8743B52063CD84097A65D1633F5C74F5');
    expect(toHex(compileFormula("'a\\x00\\'\"b'").evaluate(env()))).toBe('6100272262');
  });

  it('repeat: $prev starts empty or at init; rounds comes from the scheme', () => {
    // devise-encryptable authlogic_sha512 test vector: 20 x sha512hex from pw . salt
    const f = compileFormula('repeat(rounds, password . salt, sha512($prev))');
    expect(toHex(f.compared(env({ password: '123mudar', salt: 'usZK_z_EAaF61Gwkw-ed', rounds: 20 })))).toBe(
      'b623c3bc9c775b0eb8edb218a382453396fec4146422853e66ecc4b6bc32d7162ee42074dcb5f180a770dc38b5df15812f09bbf497a4a1b95fe5e7d2b8eb7eb4',
    );
    expect(f.encoding).toBe('hex');
    expect(f.bytes).toBe(64);
    expect(f.iterations(20)).toBe(20);
    expect(compileFormula('repeat(rounds + 1, sha256($prev . password))').iterations(1000)).toBe(1001);
    expect(compileFormula('repeat(3, repeat(4, md5($prev)) . $prev)').iterations(0)).toBe(12);
  });

  it('reports the inputs a formula reads', () => {
    expect([...compileFormula('md5(pepper . password . lower(username))').inputs].sort()).toEqual(['pepper', 'username']);
  });
});

describe('formula errors', () => {
  it('rejects names outside the closed list, including JavaScript ones', () => {
    for (const f of [
      'constructor',
      '__proto__',
      'process',
      'process.exit(1)',
      'require("fs")',
      'eval(password)',
      'toString(password)',
      'constructor(password)',
      '__proto__(password)',
      'hasOwnProperty(password)',
      'md5.constructor',
      'this',
      'globalThis',
      'Function("x")',
    ]) {
      invalid(f);
    }
  });

  it('rejects syntax errors, misuse of $prev, arity, and oversized input', () => {
    for (const f of ['', 'md5(', 'md5()', 'md5(password', 'md5(password))', 'password .', '. password', "md5('x)", "'\\q'", '$prev', 'md5($prev)',
      'repeat(3, md5(password))', 'repeat(0, md5($prev))', 'repeat(x, md5($prev))', 'hmac_sha1(password)', 'md5(a, b)', 'password salt', '$$',
      'md5(password) # comment', '1234567890', `md5(${'('.repeat(40)}password${')'.repeat(40)})`, 'x'.repeat(FORMULA_LIMITS.maxLength + 1)]) {
      invalid(f);
    }
    invalid(42);
    invalid(null);
    const e = invalid(`md5('my-secret-pepper' . `);
    expect(e.message).not.toContain('my-secret-pepper'); // messages name offsets, never formula text
  });

  it('bounds nesting depth and term count', () => {
    let deep = 'password';
    for (let i = 0; i < FORMULA_LIMITS.maxDepth + 2; i++) deep = `md5(${deep})`;
    invalid(deep);
    invalid(Array(FORMULA_LIMITS.maxNodes + 1).fill('password').join(' . '));
  });

  it('never throws anything but LegacyHashError on arbitrary strings, and never hangs', () => {
    const alphabet = fc.constantFrom(...'md5sha1256_raw()., \'"\\$prev repeat rounds+-0123 password salt pepper username upper lower hmac'.split(''));
    const arbitraries = [fc.string({ maxLength: 300 }), fc.string({ unit: alphabet, maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 100 })];
    for (const arb of arbitraries) {
      fc.assert(
        fc.property(arb, (s) => {
          const start = performance.now();
          try {
            parseFormula(s);
          } catch (e) {
            if (!(e instanceof LegacyHashError)) throw e;
          }
          return performance.now() - start < 200;
        }),
        { numRuns: 2000 },
      );
    }
  });

  it('evaluating any well-formed formula is bounded (intermediate values capped)', async () => {
    const s = defineFormulaScheme({
      id: 'test-blowup',
      title: 'blow-up',
      formula: "repeat(40, 'x', $prev . $prev)",
      encoding: 'text',
      example: { password: '', hash: 'x' },
    });
    expect(() => s.derive(new Uint8Array(0), s.parse('abc', {}), {})).toThrow(LegacyHashError);
    const hex = compileFormula(`${'hex('.repeat(24)}password${')'.repeat(24)}`); // doubles per level
    expect(() => hex.evaluate(env({ password: 'x'.repeat(100) }))).toThrow(LegacyHashError);
  });
});

describe('defineFormulaScheme + registerScheme', () => {
  const custom = defineFormulaScheme({
    id: 'acme-shop',
    title: 'ACME shop sha1(pepper . password . salt), upper-case hex, salt$hash',
    formula: 'upper(sha1(pepper . password . salt))',
    layout: '{salt}${hash}',
    platformIds: ['acme'],
    platforms: ['ACME Shop 1.x'],
    // PHP 8.2: strtoupper(sha1('pep' . 'hashcat' . 'NaCl'))
    example: { password: 'hashcat', hash: 'NaCl$E73DFB71DBC136E7CC789F7A23CF869D649F75A5', options: { pepper: 'pep' } },
  });

  it('compiles once: needs, layout, rank and recognition are derived from the definition', () => {
    expect(custom.needs).toEqual(['pepper']);
    expect(custom.rank).toBe(30);
    expect(custom.recognize('NaCl$E73DFB71DBC136E7CC789F7A23CF869D649F75A5')).toBe(true);
    expect(custom.recognize('E73DFB71DBC136E7CC789F7A23CF869D649F75A5')).toBe(false);
    expect(custom.parse('NaCl$E73DFB71DBC136E7CC789F7A23CF869D649F75A5', {}).salt).toBe('NaCl');
  });

  it('a registered scheme is visible to verify, identify and schemes', async () => {
    registerScheme(custom);
    expect(schemes.some((s) => s.id === 'acme-shop')).toBe(true);
    const stored = custom.example.hash;
    const want = await verifyDetailed('hashcat', stored, { pepper: 'pep' }).catch((e: unknown) => e);
    // The expected value is from PHP; if the example is wrong this fails loudly (no self-reference).
    expect(want).toMatchObject({ match: true, scheme: 'acme-shop' });
    expect(await verify('hashcaT', stored, { pepper: 'pep' })).toBe(false);
    expect(identify(stored, { platform: 'acme' })[0]).toMatchObject({ scheme: 'acme-shop', missing: ['pepper'] });
    await expect(verify('hashcat', stored, { platform: 'acme' })).rejects.toMatchObject({ code: 'ERR_MISSING_INPUT' });
    expect(() => registerScheme(custom)).toThrow(LegacyHashError);
  });

  it('rejects bad definitions and schemes the worker pool could not run', () => {
    const base = { id: 'x-y', title: 't', formula: 'md5(password)', example: { password: '', hash: '' } };
    expect(() => defineFormulaScheme({ ...base, id: 'Bad Id' })).toThrow(LegacyHashError);
    expect(() => defineFormulaScheme({ ...base, formula: 'md5(' })).toThrow(LegacyHashError);
    expect(() => defineFormulaScheme({ ...base, layout: '{salt}' })).toThrow(LegacyHashError);
    expect(() => defineFormulaScheme({ ...base, formula: 'repeat(rounds, md5($prev))' })).toThrow(LegacyHashError);
    expect(() => registerScheme(defineFormulaScheme({ ...base, id: 'x-offload', offload: true }))).toThrow(LegacyHashError);
  });

  it('round counts from the stored string go through cost() and the maxRounds cap', async () => {
    const sw = defineFormulaScheme({
      id: 'test-rounds',
      title: 'rounds',
      formula: 'repeat(rounds + 1, sha256($prev . password . salt))',
      layout: '{rounds}:{salt}:{hash}',
      example: { password: '', hash: '' },
    });
    registerScheme(sw);
    const stored = `2000000:abc:${'0'.repeat(64)}`;
    await expect(verify('x', stored, { scheme: 'test-rounds' })).rejects.toMatchObject({ code: 'ERR_LIMIT_EXCEEDED', field: 'maxRounds' });
    // formats.md §6 [V-gen] (PHP 8.2 and Shopware's own encoder) through a user-defined scheme
    expect(
      await verify('Pässword1!', '1000:abcdefghijklmnopqrstuv:52535542be2ae8c982b4f664e0c45db08bdc66f1e8b97d49759a3a88ba8d8a81', {
        scheme: 'test-rounds',
      }),
    ).toBe(true);
  });
});
