/**
 * Every text encoding of digests and salts used by the supported formats, in one place.
 * Decoders return `null` on invalid input (callers turn that into ERR_MALFORMED_HASH).
 */

// ---------- hex ----------

const HEX = '0123456789abcdef';

export function toHex(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += HEX[b[i]! >> 4]! + HEX[b[i]! & 15]!;
  return s;
}

/** The ASCII codes of the 16 hex digits. */
const HEX_DIGITS = Uint8Array.from(HEX, (c) => c.charCodeAt(0));

/** Lower-case hex of `b` as ASCII bytes (for platforms that feed a hex string into the next step). */
export function toHexBytes(b: Uint8Array): Uint8Array {
  const out = new Uint8Array(b.length * 2);
  // Perf (issue #8): a table load per digit; a `< 10 ?` test per digit mispredicts on digest
  // bytes (measured 75 vs 115 ns for 16 bytes).
  for (let i = 0; i < b.length; i++) {
    out[2 * i] = HEX_DIGITS[b[i]! >> 4]!;
    out[2 * i + 1] = HEX_DIGITS[b[i]! & 15]!;
  }
  return out;
}

/** Value of each hex digit, either case (-1: not hex); a table for allIn(). */
export const HEX_INDEX: Int8Array = (() => {
  const t = new Int8Array(128).fill(-1);
  for (let i = 0; i < 16; i++) t[HEX.charCodeAt(i)] = t[HEX.toUpperCase().charCodeAt(i)] = i;
  return t;
})();

/** Case-insensitive hex decode; null on odd length or a non-hex char. */
export function fromHex(s: string): Uint8Array | null {
  const n = s.length;
  if (n % 2 !== 0) return null;
  const out = new Uint8Array(n / 2);
  for (let i = 0; i < n; i += 2) {
    // Perf (issue #8): one table load per digit (HEX_INDEX), one sign test per byte.
    const hi = valueAt(s, i, HEX_INDEX);
    const lo = valueAt(s, i + 1, HEX_INDEX);
    if ((hi | lo) < 0) return null;
    out[i >> 1] = (hi << 4) | lo;
  }
  return out;
}

/** Value of the character at `i` in the alphabet of `index`, or -1 (also past the end). */
function valueAt(s: string, i: number, index: Int8Array): number {
  const c = s.charCodeAt(i);
  return c < 128 ? index[c]! : -1;
}

/**
 * The characters of `s` from `start` to `end` as bytes (their codes), or null when one is not in
 * the alphabet of `index`: a check and a latin1() copy in one pass.
 */
export function alphabetBytes(s: string, index: Int8Array, start: number, end: number): Uint8Array | null {
  const out = new Uint8Array(end - start);
  for (let i = start; i < end; i++) {
    if (valueAt(s, i, index) < 0) return null;
    out[i - start] = s.charCodeAt(i);
  }
  return out;
}

/** Decimal digits, for allIn(). */
export const DIGIT_INDEX: Int8Array = HEX_INDEX.map((v) => (v < 10 ? v : -1));

/**
 * Whether every character of `s` from `start` to `end` (exclusive) is in the alphabet of
 * `index` (one of the *_INDEX tables here: value >= 0). Perf (issue #8): the hand-written
 * parsers check a field in place with this instead of slicing it out for a `^[...]*$` regex.
 */
export function allIn(s: string, index: Int8Array, start = 0, end = s.length): boolean {
  for (let i = start; i < end; i++) if (valueAt(s, i, index) < 0) return false;
  return true;
}

// ---------- RFC 4648 base64 and its variants ----------


export function toBase64(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');
}

/**
 * Standard base64, padding optional; null when invalid. Strict: the alphabet, the length and
 * canonical trailing bits (no encoder writes non-zero spare bits, so such a string is corrupt;
 * libargon2 rejects them the same way).
 */
export function fromBase64(s: string, start = 0): Uint8Array | null {
  // Perf (issue #8): one pass, no regex, no Buffer round trip; test/identify-perf-parsers.test.ts
  // checks it against the bit-by-bit definition (alphabet, padding, canonical spare bits).
  // `start`: decode s.slice(start) without slicing (a field after a prefix).
  let end = s.length;
  if (end > start && s.charCodeAt(end - 1) === 61 /* = */) end--;
  if (end > start && s.charCodeAt(end - 1) === 61) end--;
  if (end !== s.length && (s.length - start) % 4 !== 0) return null;
  return decodeCanonical(s, start, end, B64_INDEX);
}

/** Standard alphabet without padding (PHC strings: argon2, scrypt). */
export function toBase64NoPad(b: Uint8Array): string {
  return toBase64(b).replace(/=+$/, '');
}

/** `start`, `end`: decode s.slice(start, end) without slicing (a field of a PHC string). */
export function fromBase64NoPad(s: string, start = 0, end = s.length): Uint8Array | null {
  return decodeCanonical(s, start, end, B64_INDEX);
}

/** Value of each base64 character (-1: not in the alphabet). */
export const B64_INDEX = alphabetIndex('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');
/** passlib's adapted base64 reads '.' as '+' (and still accepts '+'). */
const AB64_INDEX = (() => {
  const t = B64_INDEX.slice();
  t[46] = 62; // '.'
  return t;
})();

/**
 * Decodes `s.slice(start, end)` (no padding) with the value table `index`; null on a character
 * outside the alphabet, a length of 4n+1, or non-zero spare bits in the last character (no
 * encoder writes those, so the string is corrupt).
 */
function decodeCanonical(s: string, start: number, end: number, index: Int8Array): Uint8Array | null {
  const rest = (end - start) % 4;
  if (rest === 1 || end < start || end > s.length) return null;
  const out = new Uint8Array(((end - start) * 3) >> 2);
  const whole = end - rest;
  let o = 0;
  // Perf (issue #8): four characters -> three bytes per step (no bit accumulator), one ASCII
  // test for the four (all are inside the string: end <= s.length).
  for (let i = start; i < whole; i += 4) {
    const ca = s.charCodeAt(i);
    const cb = s.charCodeAt(i + 1);
    const cc = s.charCodeAt(i + 2);
    const cd = s.charCodeAt(i + 3);
    if ((ca | cb | cc | cd) >= 128) return null;
    const a = index[ca]!;
    const b = index[cb]!;
    const c = index[cc]!;
    const d = index[cd]!;
    if ((a | b | c | d) < 0) return null;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = n >> 16;
    out[o++] = (n >> 8) & 0xff;
    out[o++] = n & 0xff;
  }
  // A last group of 2 or 3 characters holds 1 or 2 bytes; its spare 4 or 2 bits must be zero.
  if (rest === 2) {
    const a = valueAt(s, whole, index);
    const b = valueAt(s, whole + 1, index);
    if ((a | b) < 0 || (b & 0x0f) !== 0) return null;
    out[o] = (a << 2) | (b >> 4);
  } else if (rest === 3) {
    const a = valueAt(s, whole, index);
    const b = valueAt(s, whole + 1, index);
    const c = valueAt(s, whole + 2, index);
    if ((a | b | c) < 0 || (c & 0x03) !== 0) return null;
    out[o++] = (a << 2) | (b >> 4);
    out[o] = ((b & 0x0f) << 4) | (c >> 2);
  }
  return out;
}

/** passlib's "adapted base64": standard alphabet with '.' for '+', no padding. */
export function fromAb64(s: string): Uint8Array | null {
  return decodeCanonical(s, 0, s.length, AB64_INDEX);
}

export function toAb64(b: Uint8Array): string {
  return toBase64NoPad(b).replace(/\+/g, '.');
}

// ---------- crypt(3) / phpass alphabet, little-endian packing ----------

/** The "./0-9A-Za-z" alphabet of phpass, md5crypt, sha*crypt and DES crypt. */
export const CRYPT64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export const CRYPT64_INDEX = alphabetIndex(CRYPT64);

/** Index of a crypt64 char, or -1. */
export function crypt64Value(c: string): number {
  return valueAt(c, 0, CRYPT64_INDEX);
}

/**
 * phpass `encode64`: groups of 3 bytes, least significant 6 bits first. Also md5crypt's and
 * sha-crypt's per-group packing once their byte orders are applied.
 */
export function encodeCrypt64(input: Uint8Array, count = input.length): string {
  let out = '';
  let i = 0;
  do {
    let value = input[i++]!;
    out += CRYPT64[value & 0x3f];
    if (i < count) value |= input[i]! << 8;
    out += CRYPT64[(value >> 6) & 0x3f];
    if (i++ >= count) break;
    if (i < count) value |= input[i]! << 16;
    out += CRYPT64[(value >> 12) & 0x3f];
    if (i++ >= count) break;
    out += CRYPT64[(value >> 18) & 0x3f];
  } while (i < count);
  return out;
}

export const CRYPT64_RE = /^[./0-9A-Za-z]*$/;

/** Value of crypt64 digits, least significant first (BSDi counts and salts, yescrypt's $7$ fields). */
export function decodeCrypt64Int(s: string): number {
  let v = 0;
  for (let i = s.length - 1; i >= 0; i--) v = v * 64 + crypt64Value(s[i]!);
  return v;
}

// ---------- bcrypt's own base64: "./A-Za-z0-9", big-endian packing ----------

export const BCRYPT64 = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const BCRYPT64_INDEX = alphabetIndex(BCRYPT64);

export function encodeBcrypt64(b: Uint8Array, len = b.length): string {
  let out = '';
  let off = 0;
  while (off < len) {
    let c1 = b[off++]!;
    out += BCRYPT64[(c1 >> 2) & 0x3f];
    c1 = (c1 & 0x03) << 4;
    if (off >= len) {
      out += BCRYPT64[c1 & 0x3f];
      break;
    }
    let c2 = b[off++]!;
    c1 |= (c2 >> 4) & 0x0f;
    out += BCRYPT64[c1 & 0x3f];
    c1 = (c2 & 0x0f) << 2;
    if (off >= len) {
      out += BCRYPT64[c1 & 0x3f];
      break;
    }
    c2 = b[off++]!;
    c1 |= (c2 >> 6) & 0x03;
    out += BCRYPT64[c1 & 0x3f];
    out += BCRYPT64[c2 & 0x3f];
  }
  return out;
}

/** Decodes `maxBytes` bytes of bcrypt64 text; null on a char outside the alphabet. */
export function decodeBcrypt64(s: string, maxBytes: number): Uint8Array | null {
  const out = new Uint8Array(maxBytes);
  let off = 0;
  let olen = 0;
  while (off < s.length - 1 && olen < maxBytes) {
    const c1 = valueAt(s, off++, BCRYPT64_INDEX);
    const c2 = valueAt(s, off++, BCRYPT64_INDEX);
    if (c1 < 0 || c2 < 0) return null;
    out[olen++] = (c1 << 2) | ((c2 & 0x30) >> 4);
    if (olen >= maxBytes || off >= s.length) break;
    const c3 = valueAt(s, off++, BCRYPT64_INDEX);
    if (c3 < 0) return null;
    out[olen++] = ((c2 & 0x0f) << 4) | ((c3 & 0x3c) >> 2);
    if (olen >= maxBytes || off >= s.length) break;
    const c4 = valueAt(s, off++, BCRYPT64_INDEX);
    if (c4 < 0) return null;
    out[olen++] = ((c3 & 0x03) << 6) | c4;
  }
  return olen === maxBytes ? out : null;
}

/** The value table of an ASCII alphabet (each character's position, -1 elsewhere); also for allIn(). */
export function alphabetIndex(alphabet: string): Int8Array {
  const t = new Int8Array(128).fill(-1);
  for (let i = 0; i < alphabet.length; i++) t[alphabet.charCodeAt(i)] = i;
  return t;
}
