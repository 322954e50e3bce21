/**
 * src/formula/text.ts transforms against straightforward re-statements of the PHP code they
 * follow (IPS Request::legacyEscape's str_replace chain, PHP trim()), over random bytes rich in
 * the characters they touch: the fast paths (nothing to escape / nothing to trim) change nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ipbLegacyEscape, phpTrim } from '../src/formula/text.js';

/** IPS legacyEscape as written in Request.php: str_replace calls in order (str_ireplace for <script). */
function legacyEscapeReference(b: Uint8Array): Uint8Array {
  let s = Buffer.from(b).toString('latin1');
  const steps: [string | RegExp, string][] = [
    ['&', '&amp;'],
    ['<!--', '&#60;&#33;--'],
    ['-->', '--&#62;'],
    [/<script/gi, '&#60;script'],
    ['>', '&gt;'],
    ['<', '&lt;'],
    ['"', '&quot;'],
    ['\n', '<br />'],
    ['$', '&#036;'],
    ['!', '&#33;'],
    ["'", '&#39;'],
    ['\\', '&#092;'],
  ];
  for (const [from, to] of steps) s = typeof from === 'string' ? s.split(from).join(to) : s.replace(from, to);
  return new Uint8Array(Buffer.from(s, 'latin1'));
}

/** PHP trim($s) with the default list " \t\n\r\0\x0B". */
function trimReference(b: Uint8Array): Uint8Array {
  return new Uint8Array(Buffer.from(Buffer.from(b).toString('latin1').replace(/^[ \t\n\r\0\x0B]+|[ \t\n\r\0\x0B]+$/g, ''), 'latin1'));
}

const interesting = fc.constantFrom(...[..."&<>\"\n$!'\\- \t\r\0\x0Bscript<!---->SCRIPT"].map((c) => c.charCodeAt(0)));
const bytes = fc.array(fc.oneof(interesting, fc.integer({ min: 0, max: 255 })), { maxLength: 40 }).map((a) => new Uint8Array(a));

describe('formula text transforms', () => {
  it('ipbLegacyEscape equals the str_replace chain', () => {
    fc.assert(fc.property(bytes, (b) => {
        expect([...ipbLegacyEscape(b)]).toEqual([...legacyEscapeReference(b)]);
      }), { numRuns: 2000 });
    const plain = new TextEncoder().encode('correct horse battery staple');
    expect(ipbLegacyEscape(plain)).toBe(plain); // nothing to escape: the same bytes, no copy
  });
  it('phpTrim equals PHP trim()', () => {
    fc.assert(fc.property(bytes, (b) => {
        expect([...phpTrim(b)]).toEqual([...trimReference(b)]);
      }), { numRuns: 2000 });
  });
});
