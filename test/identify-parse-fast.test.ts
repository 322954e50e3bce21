/**
 * Issue #8 parse/recognize speed-ups that must change nothing but speed:
 * - ldap-sha256 declines Joomla's `{SHA256}<64 hex>:<salt>` (its parse always threw on them):
 *   every string it used to claim is still claimed by it, or fitted by joomla-sha256;
 * - scrypt's decimal() loop equals its regular-expression definition;
 * - formula layouts read their fields by group number, also with capturing groups in `saltPattern`;
 * - the XenForo blob reader gives the same entries for ASCII and non-ASCII blobs;
 * - MediaWiki's canonical-base64 test without the regex and the re-encoding.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joomlaSha256 } from '../src/algorithms/platforms.js';
import { ldapSha256 } from '../src/algorithms/ldap.js';
import { decimal } from '../src/algorithms/scrypt.js';
import { fromBase64, toBase64 } from '../src/core/encoding.js';
import { parsePhpStringArray } from '../src/algorithms/xenforo.js';
import { detect } from '../src/detect/candidates.js';
import { defineFormulaScheme } from '../src/formula/scheme.js';
import { identify, verify } from '../src/index.js';

/** ldap-sha256's claim before issue #8: `{SHA256}` (any case) and a value that is not 64 hex digits. */
const claimedBefore = (s: string): boolean => /^\{sha256\}/i.test(s) && !/^[0-9a-fA-F]{64}$/.test(s.slice(8));

const fitsJoomla = (s: string): boolean => {
  if (!joomlaSha256.recognize(s)) return false;
  joomlaSha256.parse(s, {});
  return true;
};

describe('ldap-sha256 yields Joomla {SHA256} strings', () => {
  const hex64 = fc.stringMatching(/^[0-9a-fA-F]{64}$/);
  const strings = fc.oneof(
    fc.tuple(hex64, fc.string()).map(([h, salt]) => `{SHA256}${h}:${salt}`),
    fc.tuple(fc.constantFrom('{SHA256}', '{sha256}', '{Sha256}'), fc.string({ maxLength: 90 })).map(([p, v]) => p + v),
    fc.tuple(hex64, fc.string()).map(([h, rest]) => `{SHA256}${h}${rest}`),
  );

  it('every string it claimed before is still claimed by it or fitted by joomla-sha256', () => {
    fc.assert(
      fc.property(strings, (s) => {
        if (claimedBefore(s)) expect(ldapSha256.recognize(s) || fitsJoomla(s)).toBe(true);
        else expect(ldapSha256.recognize(s)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('declines only strings whose value is not base64 (its parse would throw)', () => {
    fc.assert(
      fc.property(strings, (s) => {
        if (!claimedBefore(s) || ldapSha256.recognize(s)) return;
        expect(() => ldapSha256.parse(s, {})).toThrow(/not base64/);
      }),
      { numRuns: 500 },
    );
  });

  it('Joomla strings identify as joomla-sha256 without a malformed LDAP reading', () => {
    const s = joomlaSha256.example.hash;
    expect(identify(s).map((c) => c.scheme)).toEqual(['joomla-sha256']);
    expect(detect(s, {}).malformed).toBeUndefined();
  });

  it('a {SHA256} string only LDAP claims is still malformed for ldap-sha256', async () => {
    await expect(verify('password', '{SHA256}not base64!')).rejects.toMatchObject({ code: 'ERR_MALFORMED_HASH', scheme: 'ldap-sha256' });
    await expect(verify('password', ldapSha256.example.hash)).resolves.toBe(true);
    await expect(verify(joomlaSha256.example.password, joomlaSha256.example.hash)).resolves.toBe(true);
    // Forced onto a Joomla string, ldap-sha256 still refuses it as malformed (now: not its form).
    await expect(verify('x', joomlaSha256.example.hash, { scheme: 'ldap-sha256' })).rejects.toMatchObject({ code: 'ERR_MALFORMED_HASH', scheme: 'ldap-sha256' });
  });
});

describe('scrypt decimal()', () => {
  const byRegex = (s: string, digits: number): number | null =>
    new RegExp(`^(?:0|[1-9][0-9]{0,${digits - 1}})$`).test(s) ? Number(s) : null;
  it('equals ^(?:0|[1-9][0-9]{0,digits-1})$', () => {
    const text = fc.oneof(fc.stringMatching(/^[0-9]{0,20}$/), fc.string({ maxLength: 12 }), fc.constantFrom('0', '00', '01', '', ' 1', '1\n', '١'));
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 20 }), (s, digits) => {
        expect(decimal(s, digits)).toBe(byRegex(s, digits));
        expect(decimal(s)).toBe(byRegex(s, 10));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('formula layouts read fields by group number', () => {
  it('finds {hash}, {salt} and {rounds} after capturing groups of a saltPattern', () => {
    const scheme = defineFormulaScheme({
      id: 'test-groups',
      title: 'test',
      formula: 'repeat(rounds, md5(salt . password), md5($prev))',
      layout: ['{salt}${hash}', 'x{rounds}:{salt}:{hash}'],
      rounds: 1,
      saltPattern: '(a|(b))+',
      example: { password: 'p', hash: 'ab$5f4dcc3b5aa765d61d8327deb882cf99' },
    });
    expect(scheme.parse('abba$5f4dcc3b5aa765d61d8327deb882cf99', {})).toMatchObject({ layout: 0, salt: 'abba', rounds: 1 });
    expect(scheme.parse('x7:bab:5f4dcc3b5aa765d61d8327deb882cf99', {})).toMatchObject({ layout: 1, salt: 'bab', rounds: 7 });
    expect(() => scheme.parse('c$5f4dcc3b5aa765d61d8327deb882cf99', {})).toThrow(/layout/);
  });
});

describe('XenForo blob reader', () => {
  it('reads ASCII and non-ASCII blobs alike (byte lengths)', () => {
    const entries = fc.uniqueArray(fc.tuple(fc.string({ unit: 'grapheme-ascii', maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 8 })), {
      minLength: 1,
      maxLength: 8,
      selector: ([k]) => k,
    });
    fc.assert(
      fc.property(entries, (list) => {
        const bytes = (t: string) => new TextEncoder().encode(t);
        const blob = `a:${list.length}:{${list.map(([k, v]) => `s:${bytes(k).length}:"${k}";s:${bytes(v).length}:"${v}";`).join('')}}`;
        const m = parsePhpStringArray(blob);
        if (blob.length > 1024) return;
        expect(m && [...m].map(([k, v]) => [k, new TextDecoder().decode(v)])).toEqual(list);
      }),
      { numRuns: 300 },
    );
  });
});

describe('MediaWiki canonical base64', () => {
  const B64 = /^[A-Za-z0-9+/]*={0,2}$/;
  const before = (t: string): boolean => {
    const h = B64.test(t) ? fromBase64(t) : null;
    return h !== null && toBase64(h) === t;
  };
  const now = (t: string): boolean => t.length % 4 === 0 && fromBase64(t) !== null;
  it('length % 4 === 0 and fromBase64 equals regex + decode + re-encode equality', () => {
    const text = fc.oneof(
      fc.uint8Array({ maxLength: 40 }).map((b) => toBase64(b)),
      fc.uint8Array({ maxLength: 40 }).map((b) => toBase64(b).replace(/=+$/, '')),
      fc.stringMatching(/^[A-Za-z0-9+/]{0,12}={0,3}$/),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(now(t)).toBe(before(t));
        // The salt check: fromBase64 alone accepts no more than the regex allowed.
        if (fromBase64(t) !== null) expect(B64.test(t)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
