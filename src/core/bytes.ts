/** Byte helpers shared by every scheme. */

const utf8Encoder = new TextEncoder();

/**
 * Longest string encoded in JavaScript: passwords, salts and usernames are short; beyond this
 * the native encoder's fixed cost is amortised.
 */
const SHORT_STRING = 64;

export function utf8(s: string): Uint8Array {
  // Perf (issue #8): short strings (passwords, salts) are encoded in JavaScript; TextEncoder's
  // native call costs ~0.4 µs, a third of a cheap verify(). Same bytes either way, lone
  // surrogates included (U+FFFD, as TextEncoder): property-tested in test/core-utf8.test.ts.
  const n = s.length;
  if (n > SHORT_STRING) return utf8Encoder.encode(s);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return utf8NonAscii(s); // the common all-ASCII case is one copy
    out[i] = c;
  }
  return out;
}

/** utf8() of a short string with non-ASCII characters: its encoded length, then its bytes. */
function utf8NonAscii(s: string): Uint8Array {
  const n = s.length;
  let len = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) len += 1;
    else if (c < 0x800) len += 2;
    else if (isPairAt(s, i, c)) {
      len += 4;
      i++;
    } else len += 3; // the rest of the BMP, and a lone surrogate (U+FFFD)
  }
  const out = new Uint8Array(len);
  for (let i = 0, o = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      out[o++] = c;
    } else if (c < 0x800) {
      out[o++] = 0xc0 | (c >> 6);
      out[o++] = 0x80 | (c & 63);
    } else if (isPairAt(s, i, c)) {
      c = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(++i) - 0xdc00);
      out[o++] = 0xf0 | (c >> 18);
      out[o++] = 0x80 | ((c >> 12) & 63);
      out[o++] = 0x80 | ((c >> 6) & 63);
      out[o++] = 0x80 | (c & 63);
    } else {
      if ((c & 0xf800) === 0xd800) c = 0xfffd; // a lone surrogate is not text: the replacement character
      out[o++] = 0xe0 | (c >> 12);
      out[o++] = 0x80 | ((c >> 6) & 63);
      out[o++] = 0x80 | (c & 63);
    }
  }
  return out;
}

/** Is s[i] (char code c) a high surrogate followed by a low one (one code point above U+FFFF)? */
function isPairAt(s: string, i: number, c: number): boolean {
  return (c & 0xfc00) === 0xd800 && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
}

/** Latin-1 / binary string -> bytes (each char code 0-255 becomes one byte). */
export function latin1(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

/** ASCII bytes -> string (for encoded digests, never for passwords). */
export function ascii(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]!);
  return s;
}

export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Is `b` valid UTF-8? (Legacy data often is not.) */
export function isUtf8(b: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

/**
 * UTF-16LE of the text whose UTF-8 bytes are `pw` (ASP.NET Membership's EncodePassword hashes
 * Encoding.Unicode.GetBytes of the typed string), or null when `pw` is not valid UTF-8. Same
 * rules as TextDecoder('utf-8', { fatal: true }) (test/perf-chains-aspnet.test.ts compares them):
 * shortest forms only, no surrogate code points, nothing above U+10FFFF, a leading BOM dropped.
 * Decoded here because TextDecoder's native call costs more than a short digest (issue #8).
 */
export function utf16leOfUtf8(pw: Uint8Array): Uint8Array | null {
  let i = pw.length >= 3 && pw[0] === 0xef && pw[1] === 0xbb && pw[2] === 0xbf ? 3 : 0;
  // Sized exactly up front (a subarray of a larger buffer costs more than this count).
  const out = new Uint8Array(2 * utf16Units(pw, i));
  let o = 0;
  while (i < pw.length) {
    const lead = pw[i]!;
    if (lead < 0x80) {
      out[o] = lead; // ASCII: one unit, high byte 0
      o += 2;
      i++;
      continue;
    }
    const n = sequenceLength(lead);
    if (n === 0 || i + n > pw.length) return null;
    // The first continuation byte's range rules out overlong forms, surrogates and > U+10FFFF.
    let lo = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    let hi = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    let cp = lead & (0xff >> (n + 1));
    for (let k = 1; k < n; k++) {
      const c = pw[i + k]!;
      if (c < lo || c > hi) return null;
      cp = (cp << 6) | (c & 0x3f);
      lo = 0x80;
      hi = 0xbf;
    }
    i += n;
    if (cp >= 0x10000) {
      o = putUnit(out, o, 0xd800 | ((cp - 0x10000) >> 10));
      o = putUnit(out, o, 0xdc00 | ((cp - 0x10000) & 0x3ff));
    } else o = putUnit(out, o, cp);
  }
  return out;
}

/** Length of the UTF-8 sequence a lead byte starts (2-4), 0 when it cannot start one. */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/**
 * UTF-16 units of valid UTF-8 from `b[from]`: one per byte that is not a continuation byte, two
 * for a 4-byte sequence. (For invalid input it bounds the units written before the error.)
 */
function utf16Units(b: Uint8Array, from: number): number {
  let n = 0;
  for (let i = from; i < b.length; i++) {
    const c = b[i]!;
    if ((c & 0xc0) !== 0x80) n += c >= 0xf0 ? 2 : 1;
  }
  return n;
}

function putUnit(out: Uint8Array, o: number, unit: number): number {
  out[o] = unit & 0xff;
  out[o + 1] = unit >> 8;
  return o + 2;
}

/** A password as C's crypt(3) sees it: the bytes before the first NUL. */
export function cString(pw: Uint8Array): Uint8Array {
  const nul = pw.indexOf(0);
  return nul < 0 ? pw : pw.subarray(0, nul);
}
