/**
 * Readings (src/formula/readings.ts, issue #8): a multi-formula scheme evaluates each chain once
 * per distinct cleaned password and reuses that result for the formulas whose cleaned password
 * has the same bytes. derive() must give exactly what every formula computes on its own, whether
 * the readings agree (plain passwords) or not (whitespace, HTML metacharacters, raw bytes).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileFormula, type FormulaEnv } from '../src/formula/compile.js';
import { parseFormula } from '../src/formula/parse.js';
import { readingOf, readingsOf } from '../src/formula/readings.js';
import { defineFormulaScheme, type FormulaParsed } from '../src/formula/scheme.js';

const SCHEMES: string[][] = [
  // OpenCart's three readings, and the same chain with a bare password and IPS escaping.
  ['sha1(salt . sha1(salt . sha1(html_escape(password))))', 'sha1(salt . sha1(salt . sha1(html_escape(trim(password)))))', 'sha1(salt . sha1(salt . sha1(trim(password))))'],
  ['md5(md5(salt) . md5(password))', 'md5(md5(salt) . md5(ipb_escape(password)))', 'md5(md5(salt) . md5(trim(ipb_escape(password))))'],
  // Different chains in one scheme, case changes, repeat, and formulas without a reading.
  ['upper(sha256(lower(password) . salt))', 'upper(sha256(upper(password) . salt))', 'sha256(password . salt)', 'upper(sha256(password . salt))'],
  ['base64(sha512_raw(repeat(3, $prev . trim(password))))', 'base64(sha512_raw(repeat(3, $prev . password)))', 'base64(sha512_raw(repeat(2, $prev . password)))'],
  ['md5(password . md5(trim(password)))', 'md5(trim(password) . md5(trim(password)))', 'md5(trim(password))', 'md5(password)'],
  // OpenCart's three readings over other chains: raw and hex digests, a salt digest, a repeat.
  ...[
    (pw: string) => `md5(${pw})`,
    (pw: string) => `upper(sha256(md5_raw(${pw}) . salt . md5(salt)))`,
    (pw: string) => `base64(sha512_raw(repeat(3, $prev . ${pw})))`,
  ].map((chain) => ['html_escape(password)', 'html_escape(trim(password))', 'trim(password)'].map(chain)),
];

const password = fc.oneof(
  fc.uint8Array({ maxLength: 24 }),
  fc
    .array(fc.constantFrom('a', 'Z', '7', ' ', '\t', '\n', '&', '<', '>', '"', "'", '$', '!', '\\', '\0', 'é', '<!--', '-->'), { maxLength: 20 })
    .map((cs) => new TextEncoder().encode(cs.join(''))),
);

describe('readings of one chain', () => {
  it('finds the chain of cleaned-password formulas, and only those', () => {
    const chain = (src: string) => readingOf(parseFormula(src), 'hex')?.chain;
    const [a, b, c] = SCHEMES[0]!.map(chain);
    expect(a).toBeDefined();
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(chain('md5(password . md5(trim(password)))')).toBeUndefined(); // two reads of the password
    expect(chain('trim(password)')).toBeUndefined(); // the whole formula is the cleaning
    expect(chain('md5(upper(password))')).toBe(chain('md5(password)'));
    expect(chain('md5(password . salt)')).not.toBe(chain('md5(salt . password)'));
    expect(chain("md5(password . 'a')")).not.toBe(chain("md5(password . 'b')"));
  });

  it('numbers the chains by their first formula', () => {
    const trees = SCHEMES[2]!.map((s) => parseFormula(s));
    expect(readingsOf(trees, 'hex').map((r) => r?.chainId)).toEqual([0, 0, 2, 0]); // upper(sha256(password . salt)) is the first chain, uncleaned
  });

  SCHEMES.forEach((formulas, n) => {
    it(`scheme ${n}: derive() equals each formula evaluated alone`, () => {
      const scheme = defineFormulaScheme({ id: `readings-test-${n}`, title: 't', formula: formulas, layout: '{hash}:{salt}', example: { password: 'x', hash: 'x' } });
      const alone = formulas.map((f) => compileFormula(f));
      fc.assert(
        fc.property(password, fc.string({ maxLength: 10 }).filter((s) => !s.includes(':')), (pw, salt) => {
          const parsed: FormulaParsed = { layout: 0, salt, rounds: 0, expected: new Uint8Array(1) };
          const got = scheme.derive(pw, parsed, {}) as Uint8Array[];
          const env: FormulaEnv = { password: pw, salt: new TextEncoder().encode(salt), pepper: new Uint8Array(0), username: new Uint8Array(0), rounds: 0 };
          expect(got.map((b) => Buffer.from(b).toString('hex'))).toEqual(alone.map((f) => Buffer.from(f.compared(env)).toString('hex')));
        }),
        { numRuns: 400 },
      );
    });
  });
});
