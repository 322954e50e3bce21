/**
 * Hand-written parsers of the chained/salted schemes (issue #8) against the regular expressions
 * (and byte copies) they replaced: same strings accepted, same values read, same refusals.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_SCHEMES } from '../src/algorithms/index.js';
import { mysql41 } from '../src/algorithms/mysql.js';
import { werkzeugHmac } from '../src/algorithms/werkzeug.js';
import { parsePhpStringArray } from '../src/algorithms/xenforo.js';
import { defineFormulaScheme } from '../src/formula/scheme.js';
import type { Scheme } from '../src/types.js';

const hex = (s: string): string | null => (/^(?:[0-9a-fA-F]{2})*$/.test(s) ? s.toLowerCase() : null);
const hexOf = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/** parse() as { ok, value } (a refusal is an ERR_MALFORMED_HASH). */
function tryParse(scheme: Scheme, s: string): unknown {
  try {
    const p = scheme.parse(s, {}) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v instanceof Uint8Array ? hexOf(v) : v]));
  } catch (e) {
    expect((e as { code?: string }).code).toBe('ERR_MALFORMED_HASH');
    return 'malformed';
  }
}

/** Strings made of the pieces the parsers look at. */
const pieces = (alphabet: string[]) => fc.array(fc.oneof(fc.constantFrom(...alphabet), fc.string({ maxLength: 3 })), { maxLength: 10 }).map((a) => a.join(''));

describe('werkzeug-hmac parse', () => {
  const SHAPE = /^(md5|sha1|sha224|sha256|sha384|sha512)\$([^$]*)\$([0-9a-fA-F]+)$/;
  const BYTES: Record<string, number> = { md5: 16, sha1: 20, sha224: 28, sha256: 32, sha384: 48, sha512: 64 };
  const reference = (s: string): unknown => {
    const m = SHAPE.exec(s);
    const h = m ? hex(m[3]!) : null;
    return m && h !== null && h.length === BYTES[m[1]!]! * 2 ? { alg: m[1], salt: m[2], expected: h } : 'malformed';
  };
  it('equals the method$salt$hex regex', () => {
    const digest = fc.constantFrom(16, 20, 28, 32, 48, 64, 3).chain((n) => fc.uint8Array({ minLength: n, maxLength: n }).map((b) => hexOf(b)));
    const text = fc.oneof(
      fc.tuple(fc.constantFrom('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha', 'MD5', ''), fc.string({ maxLength: 6 }), digest, fc.constantFrom('', '$', 'x', '0')).map(([m, salt, h, tail]) => `${m}$${salt}$${h}${tail}`),
      pieces(['md5', 'sha1', '$', 'ab', '0f', 'ABCDEF0123456789abcdef0123456789']),
    );
    fc.assert(fc.property(text, (s) => {
      expect(tryParse(werkzeugHmac, s)).toEqual(reference(s));
    }), { numRuns: 3000 });
  });
});

describe('mysql41 parse', () => {
  it('equals /^\\*[0-9a-fA-F]{40}$/', () => {
    const text = fc.oneof(
      fc.uint8Array({ minLength: 20, maxLength: 20 }).map((b) => `*${hexOf(b).toUpperCase()}`),
      fc.tuple(fc.constantFrom('*', '', '**'), fc.stringMatching(/^[0-9a-fA-FgG*]{38,42}$/)).map(([a, b]) => a + b),
    );
    fc.assert(
      fc.property(text, (s) => {
        expect(tryParse(mysql41, s)).toEqual(/^\*[0-9a-fA-F]{40}$/.test(s) ? { expected: s.slice(1).toLowerCase() } : 'malformed');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('formula layouts: bare fixed-size hex read without the regex', () => {
  const fixedHex = (ALL_SCHEMES as readonly Scheme[]).filter((s) => s.shape?.exact === true && s.family !== 'mysql' && 'layout' in (s.shape ?? {}));
  const upper = defineFormulaScheme({ id: 'test-upper', title: 't', formula: 'upper(md5(password))', hexCase: 'upper', example: { password: 'x', hash: 'x' } });
  const lower = defineFormulaScheme({ id: 'test-lower', title: 't', formula: 'sha1(password)', hexCase: 'lower', example: { password: 'x', hash: 'x' } });
  const text = fc.oneof(
    fc.constantFrom(16, 20, 32, 64).chain((n) => fc.uint8Array({ minLength: n, maxLength: n })).map((b) => hexOf(b)),
    fc.constantFrom(16, 20, 32, 64).chain((n) => fc.uint8Array({ minLength: n, maxLength: n })).map((b) => hexOf(b).toUpperCase()),
    fc.stringMatching(/^[0-9a-fA-FgG: ]{30,42}$/),
  );
  it('recognize and parse equal the layout regex, for every case rule', () => {
    expect(fixedHex.length).toBeGreaterThan(5);
    expect([upper, lower].map((s) => (s.shape as { chars: string }).chars)).toEqual(['0-9A-F', '0-9a-f']);
    for (const scheme of [...fixedHex, upper, lower]) {
      const { length: n, chars: cls } = scheme.shape as { length: number; chars: string };
      const re = new RegExp(`^[${cls}]{${n}}$`);
      fc.assert(
        fc.property(text, (s) => {
          expect(scheme.recognize(s)).toBe(re.test(s));
          if (re.test(s)) expect(tryParse(scheme, s)).toMatchObject({ layout: 0, expected: s.toLowerCase() });
          else expect(() => scheme.parse(s, {})).toThrow(/does not match the layout/);
        }),
        { numRuns: 300 },
      );
    }
  });
});

describe('XenForo blob reader', () => {
  /** The previous reader: the blob's UTF-8 bytes, walked byte by byte. */
  function reference(text: string): [string, string][] | null {
    if (text.length > 1024) return null;
    const b = Buffer.from(text, 'utf8');
    let i = 0;
    const lit = (l: string) => (b.subarray(i, i + l.length).toString('latin1') === l ? ((i += l.length), true) : false);
    const int = () => {
      const m = /^[0-9]{1,5}/.exec(b.subarray(i, i + 5).toString('latin1'));
      if (!m || (m[0].length > 1 && m[0][0] === '0')) return null;
      i += m[0].length;
      return Number(m[0]);
    };
    const str = () => {
      if (!lit('s:')) return null;
      const n = int();
      if (n === null || !lit(':"') || i + n > b.length) return null;
      const v = b.subarray(i, i + n).toString('latin1');
      i += n;
      return lit('";') ? v : null;
    };
    if (!lit('a:')) return null;
    const count = int();
    if (count === null || count < 1 || count > 8 || !lit(':{')) return null;
    const out = new Map<string, string>();
    for (let e = 0; e < count; e++) {
      const k = str();
      const v = k === null ? null : str();
      if (k === null || v === null || out.has(k)) return null;
      out.set(k, v);
    }
    return lit('}') && i === b.length ? [...out] : null;
  }
  it('equals the byte-wise reader on ASCII, non-ASCII and broken blobs', () => {
    const value = fc.oneof(fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 4 }));
    const blob = fc
      .array(fc.tuple(value, value, fc.integer({ min: -1, max: 1 })), { minLength: 1, maxLength: 4 })
      .chain((entries) =>
        fc.tuple(fc.constantFrom(0, 1), fc.constantFrom('', 'x', '}')).map(([extra, tail]) => {
          const len = (t: string, d: number) => Buffer.byteLength(t) + d;
          return `a:${entries.length + extra}:{${entries.map(([k, v, d]) => `s:${len(k, 0)}:"${k}";s:${len(v, d)}:"${v}";`).join('')}}${tail === '}' ? '' : tail}`;
        }),
      );
    fc.assert(
      fc.property(fc.oneof(blob, pieces(['a:', '1', ':{', 's:', '4:"hash";', '"', ';', '}', 'ä'])), (text) => {
        const m = parsePhpStringArray(text);
        expect(m && [...m].map(([k, v]) => [k, Buffer.from(v).toString('latin1')])).toEqual(reference(text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('XenForo parse reads the blob as text (empty entries keep their old meaning)', () => {
  const H40 = 'cd'.repeat(20);
  const parse = (scheme: Scheme, s: string): unknown => {
    try {
      return tryParse(scheme, s);
    } catch (e) {
      return (e as Error).message;
    }
  };
  it.each([
    // An empty salt is still a salt; an empty hashFunc is not sha1/sha256; an empty hash is no bcrypt.
    [`a:2:{s:4:"hash";s:40:"${H40}";s:4:"salt";s:0:"";}`, { alg: 'sha1', salt: '', expected: Buffer.from(H40).toString('hex') }],
    [`a:3:{s:4:"hash";s:40:"${H40}";s:4:"salt";s:1:"x";s:8:"hashFunc";s:0:"";}`, 'malformed'],
    [`a:2:{s:4:"hash";s:2:"ä";s:4:"salt";s:1:"x";}`, 'malformed'],
    [`a:2:{s:4:"hash";s:40:"${H40}";s:4:"salt";s:2:"ä";}`, { alg: 'sha1', salt: 'c3a4', expected: Buffer.from(H40).toString('hex') }],
  ])('xenforo1 %s', async (blob, want) => {
    const { xenforo1 } = await import('../src/algorithms/xenforo.js');
    expect(parse(xenforo1, blob)).toEqual(want);
  });
  it('xenforo-core12: an empty hash entry is an unknown hash, not a missing one', async () => {
    const { xenforoCore12 } = await import('../src/algorithms/xenforo.js');
    expect(() => xenforoCore12.parse('a:1:{s:4:"hash";s:0:"";}', {})).toThrow(/neither bcrypt/);
  });
});
