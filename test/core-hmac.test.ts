/** src/core/digest.ts hmac() (JavaScript over the fast cores) against node:crypto's HMAC (OpenSSL). */
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hmac, type DigestName } from '../src/core/digest.js';

const ALGS: DigestName[] = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'];
const ref = (alg: DigestName, key: Uint8Array, data: Uint8Array[]) => {
  const h = createHmac(alg, key);
  for (const d of data) h.update(d);
  return Buffer.from(h.digest()).toString('hex');
};
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('hmac', () => {
  for (const alg of ALGS) {
    it(`${alg}: equals node:crypto for keys around the block size and multi-part data`, () => {
      // Keys 0..300 bytes cross the 64- and 128-byte block boundaries (hashed-key branch).
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 300 }), fc.array(fc.uint8Array({ maxLength: 200 }), { minLength: 1, maxLength: 3 }), (key, data) => {
          expect(hex(hmac(alg, key, ...data))).toBe(ref(alg, key, data));
        }),
        { numRuns: 300 },
      );
    });
    it(`${alg}: exact block-size keys and RFC 4231/2202-style edge lengths`, () => {
      for (const n of [0, 1, 63, 64, 65, 127, 128, 129, 4096]) {
        const key = new Uint8Array(n).fill(0xaa);
        const data = new Uint8Array(n).fill(0xdd);
        expect(hex(hmac(alg, key, data))).toBe(ref(alg, key, [data]));
      }
    });
  }
  it('RFC 2202 test case 2 (HMAC-MD5, key "Jefe")', () => {
    const enc = new TextEncoder();
    expect(hex(hmac('md5', enc.encode('Jefe'), enc.encode('what do ya want for nothing?')))).toBe('750c783e6ab0b503eaa86e310a5db738');
  });
});
