/**
 * src/formula/text.ts transforms against straightforward re-statements of the PHP code they
 * follow (IPS Request::legacyEscape's str_replace chain, PHP trim()), over random bytes rich in
 * the characters they touch: the fast paths (nothing to escape / nothing to trim) change nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiLower, asciiUpper, htmlEscapeCompat, ipbLegacyEscape, isHtmlEscaped, isIpbEscaped, keepsEveryByte, phpTrim } from '../src/formula/text.js';

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

/** Text built from the fragments legacyEscape's multi-byte steps look for, in any case mix, plus single bytes. */
const fragment = fc.oneof(
  fc.constantFrom('<!--', '-->', '<!-->', '<script', '<SCRIPT', '<ScRiPt', '<scrip', '--', '->', '<!-', 'script>', '&', '<', '>'),
  interesting.map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c)),
);
const fragments = fc.array(fragment, { maxLength: 16 }).map((a) => new Uint8Array(Buffer.from(a.join(''), 'latin1')));

/** PHP htmlspecialchars($s, ENT_COMPAT) byte-wise: & first, then " < >. */
function htmlEscapeReference(b: Uint8Array): Uint8Array {
  const s = Buffer.from(b).toString('latin1').split('&').join('&amp;').split('"').join('&quot;').split('<').join('&lt;').split('>').join('&gt;');
  return new Uint8Array(Buffer.from(s, 'latin1'));
}

describe('formula text transforms', () => {
  it('ipbLegacyEscape equals the str_replace chain', () => {
    fc.assert(fc.property(bytes, (b) => {
        expect([...ipbLegacyEscape(b)]).toEqual([...legacyEscapeReference(b)]);
      }), { numRuns: 2000 });
    fc.assert(fc.property(fragments, (b) => {
        expect([...ipbLegacyEscape(b)]).toEqual([...legacyEscapeReference(b)]);
      }), { numRuns: 3000 });
    const plain = new TextEncoder().encode('correct horse battery staple');
    expect(ipbLegacyEscape(plain)).toBe(plain); // nothing to escape: the same bytes, no copy
  });
  it('ipbLegacyEscape runs the steps in order (known cases)', () => {
    const esc = (s: string) => Buffer.from(ipbLegacyEscape(new Uint8Array(Buffer.from(s, 'latin1')))).toString('latin1');
    expect(esc('<!-->')).toBe('&#60;&#33;--&#62;');
    expect(esc('<!--->')).toBe('&#60;&#33;---&#62;');
    expect(esc('<SCRIPT>')).toBe('&#60;script&gt;');
    expect(esc('a&<b>"\\n')).toBe('a&amp;&lt;b&gt;&quot;&#092;n');
    expect(esc('\n')).toBe('<br />');
    expect(esc("p@$$w0rd!<\"'&\\")).toBe('p@&#036;&#036;w0rd&#33;&lt;&quot;&#39;&amp;&#092;');
  });
  it('htmlEscapeCompat equals htmlspecialchars ENT_COMPAT', () => {
    fc.assert(fc.property(fc.oneof(bytes, fragments), (b) => {
        expect([...htmlEscapeCompat(b)]).toEqual([...htmlEscapeReference(b)]);
      }), { numRuns: 2000 });
    const plain = new TextEncoder().encode('hashcat');
    expect(htmlEscapeCompat(plain)).toBe(plain);
  });
  it('asciiLower / asciiUpper change ASCII letters only', () => {
    fc.assert(fc.property(bytes, (b) => {
        const s = Buffer.from(b).toString('latin1');
        expect(Buffer.from(asciiLower(b)).toString('latin1')).toBe(s.replace(/[A-Z]/g, (c) => c.toLowerCase()));
        expect(Buffer.from(asciiUpper(b)).toString('latin1')).toBe(s.replace(/[a-z]/g, (c) => c.toUpperCase()));
      }), { numRuns: 1000 });
  });
  it('keepsEveryByte: true exactly when the escape (by its PHP re-statement) leaves the password as it is, read as a string or as bytes', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 20, unit: fc.constantFrom('a', 'é', '\u{1F600}', '\ud800', ...'&<>"\n$!\'\\-x'.split('')) }),
      fc.string({ maxLength: 20, unit: 'binary' }),
    );
    fc.assert(fc.property(text, (pw) => {
        const b = new Uint8Array(Buffer.from(pw, 'utf8'));
        for (const [changed, reference] of [[isIpbEscaped, legacyEscapeReference], [isHtmlEscaped, htmlEscapeReference]] as const) {
          const same = Buffer.from(reference(b)).equals(Buffer.from(b));
          expect(keepsEveryByte(pw, changed), JSON.stringify(pw)).toBe(same);
          expect(keepsEveryByte(b, changed)).toBe(same);
        }
      }), { numRuns: 2000 });
    fc.assert(fc.property(bytes, (b) => {
        expect(keepsEveryByte(b, isIpbEscaped)).toBe(Buffer.from(legacyEscapeReference(b)).equals(Buffer.from(b)));
      }), { numRuns: 2000 });
  });
  it('phpTrim equals PHP trim()', () => {
    fc.assert(fc.property(bytes, (b) => {
        expect([...phpTrim(b)]).toEqual([...trimReference(b)]);
      }), { numRuns: 2000 });
  });
});
