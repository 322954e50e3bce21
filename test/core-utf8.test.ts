/**
 * utf8() encodes short strings in JavaScript (issue #8) and long ones with TextEncoder: both give
 * TextEncoder's bytes for any string, lone surrogates (U+FFFD) and astral code points included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8 } from '../src/core/bytes.js';

const ref = new TextEncoder();

describe('utf8()', () => {
  it('matches TextEncoder on arbitrary UTF-16 (unpaired surrogates too), short and long', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (s) => {
        expect(utf8(s)).toEqual(ref.encode(s));
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 80 }), (codes) => {
        const s = String.fromCharCode(...codes);
        expect(utf8(s)).toEqual(ref.encode(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('matches TextEncoder at the edges', () => {
    for (const s of ['', 'a', '\x7f', '\x80', '\u07ff', '\u0800', '\uffff', '\ud800', '\udc00', '\udc00\ud800', '\ud83d\ude00', 'x\ud83d', 'Pässword1!', 'é'.repeat(64), 'é'.repeat(65)]) {
      expect(utf8(s), JSON.stringify(s)).toEqual(ref.encode(s));
    }
  });
});
