/**
 * Fast paths of the chained/salted schemes (issue #8) against the slower definitions they
 * replaced: ASP.NET Membership's UTF-8 -> UTF-16LE password conversion (was TextDecoder fatal)
 * and its HMAC key rule (was a loop of subarray copies).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { membershipHmacKey } from '../src/algorithms/aspnet-membership.js';
import { utf16leOfUtf8 } from '../src/core/bytes.js';

/** The previous definition: TextDecoder('utf-8', { fatal: true }), then the UTF-16 code units, little-endian. */
function utf16leReference(pw: Uint8Array): number[] | null {
  let s: string;
  try {
    s = new TextDecoder('utf-8', { fatal: true }).decode(pw);
  } catch {
    return null;
  }
  return [...Buffer.from(s, 'utf16le')];
}

/** Bytes around every UTF-8 boundary: overlong leads, surrogates (ED A0..), > U+10FFFF (F4 90..), BOM, truncation. */
const edgy = fc
  .array(
    fc.oneof(
      fc.constantFrom(0x00, 0x7f, 0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff, 0x9f, 0xa0, 0x8f, 0x90, 0xbb),
      fc.integer({ min: 0, max: 255 }),
    ),
    { maxLength: 12 },
  )
  .map((a) => new Uint8Array(a));
const text = fc.string({ unit: 'binary', maxLength: 16 }).map((s) => new TextEncoder().encode(s));
const bom = fc.tuple(fc.constantFrom(new Uint8Array(0), Uint8Array.of(0xef, 0xbb, 0xbf)), fc.oneof(text, edgy)).map(([a, b]) => new Uint8Array([...a, ...b]));

describe('aspnet-membership fast paths', () => {
  it('utf16leOfUtf8 equals TextDecoder (fatal) + UTF-16LE', () => {
    fc.assert(
      fc.property(fc.oneof(edgy, text, bom, fc.uint8Array({ maxLength: 24 })), (pw) => {
        const got = utf16leOfUtf8(pw);
        expect(got === null ? null : [...got]).toEqual(utf16leReference(pw));
      }),
      { numRuns: 5000 },
    );
    for (const bad of [[0xc0, 0x80], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf0, 0x9f, 0x98], [0xff]]) {
      expect(utf16leOfUtf8(Uint8Array.from(bad))).toBeNull();
    }
    expect([...utf16leOfUtf8(new TextEncoder().encode('Pä😀'))!]).toEqual([...Buffer.from('Pä😀', 'utf16le')]);
  });

  it('membershipHmacKey equals the salt repeated (subarray copies) or cut', () => {
    const reference = (salt: Uint8Array, n: number): number[] => {
      if (salt.length >= n) return [...salt.slice(0, n)];
      const key = new Uint8Array(n);
      for (let i = 0; i < n; i += salt.length) key.set(salt.subarray(0, Math.min(salt.length, n - i)), i);
      return [...key];
    };
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 200 }), fc.constantFrom(64, 128), (salt, n) => {
        expect([...membershipHmacKey(salt, n)]).toEqual(reference(salt, n));
      }),
    );
  });
});
