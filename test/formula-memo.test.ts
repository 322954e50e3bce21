/**
 * A multi-formula scheme shares digests between its formulas through a DigestMemo (issue #8):
 * its derive() gives exactly what each formula computes on its own, whether the readings agree
 * (plain passwords: every digest shared) or not (whitespace, HTML metacharacters, non-UTF-8 bytes).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileFormula, DigestMemo, type FormulaEnv } from '../src/formula/compile.js';
import { defineFormulaScheme } from '../src/formula/scheme.js';
import type { FormulaParsed } from '../src/formula/scheme.js';

const READINGS = ['html_escape(password)', 'html_escape(trim(password))', 'trim(password)'];
const CHAINS = [
  (pw: string) => `sha1(salt . sha1(salt . sha1(${pw})))`,
  (pw: string) => `md5(${pw})`,
  (pw: string) => `upper(sha256(md5_raw(${pw}) . salt . md5(salt)))`,
  (pw: string) => `base64(sha512_raw(repeat(3, $prev . ${pw})))`,
];

/** Passwords whose readings agree or differ: plain text, padding, HTML metacharacters, raw bytes. */
const password = fc.oneof(
  fc.uint8Array({ maxLength: 40 }),
  fc
    .array(fc.constantFrom('a', 'Z', '7', ' ', '\t', '\n', '&', '<', '>', '"', "'", '\0', 'é'), { maxLength: 30 })
    .map((cs) => new TextEncoder().encode(cs.join(''))),
);

describe('DigestMemo in multi-formula schemes', () => {
  CHAINS.forEach((chain, n) => {
    it(`chain ${n}: derive() equals each formula evaluated alone`, () => {
      const formulas = READINGS.map(chain);
      const scheme = defineFormulaScheme({
        id: `memo-test-${n}`,
        title: 'memo test',
        formula: formulas,
        layout: '{hash}:{salt}',
        example: { password: 'x', hash: 'x' },
      });
      const alone = formulas.map((f) => compileFormula(f));
      fc.assert(
        fc.property(password, fc.string({ maxLength: 12 }).filter((s) => !s.includes(':')), (pw, salt) => {
          const parsed: FormulaParsed = { layout: 0, salt, rounds: 0, expected: new Uint8Array(1) };
          const got = scheme.derive(pw, parsed, {}) as Uint8Array[];
          const env: FormulaEnv = { password: pw, salt: new TextEncoder().encode(salt), pepper: new Uint8Array(0), username: new Uint8Array(0), rounds: 0 };
          expect(got.map((b) => Buffer.from(b).toString('hex'))).toEqual(alone.map((f) => Buffer.from(f.compared(env)).toString('hex')));
        }),
        { numRuns: 300 },
      );
    });
  });

  it('returns a remembered digest only for the same algorithm, form and bytes', () => {
    const memo = new DigestMemo();
    const v = Uint8Array.of(1, 2, 3);
    memo.put('md5', true, [Uint8Array.of(9, 8), Uint8Array.of(7)], v);
    expect(memo.get('md5', true, [Uint8Array.of(9), Uint8Array.of(8, 7)])).toBe(v);
    expect(memo.get('md5', false, [Uint8Array.of(9, 8, 7)])).toBeUndefined();
    expect(memo.get('sha1', true, [Uint8Array.of(9, 8, 7)])).toBeUndefined();
    expect(memo.get('md5', true, [Uint8Array.of(9, 8, 6)])).toBeUndefined();
    expect(memo.get('md5', true, [Uint8Array.of(9, 8)])).toBeUndefined();
  });
});

describe('DigestMemo.wipe', () => {
  it('forgets every remembered input (they hold password bytes) but leaves returned digests alone', async () => {
    const { DigestMemo } = await import('../src/formula/compile.js');
    const memo = new DigestMemo();
    const pw = new TextEncoder().encode('secret');
    const digest = new Uint8Array([1, 2, 3]);
    memo.put('md5', true, [pw], digest);
    expect(memo.get('md5', true, [pw])).toBe(digest);
    memo.wipe();
    expect(memo.get('md5', true, [pw])).toBeUndefined();
    expect([...digest]).toEqual([1, 2, 3]);
  });
});
