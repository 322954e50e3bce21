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

/** Hex of `b` as ASCII bytes (for platforms that feed a hex string into the next step). */
export function toHexBytes(b: Uint8Array, upper = false): Uint8Array {
  const out = new Uint8Array(b.length * 2);
  const base = upper ? 55 : 87; // 'A' - 10, 'a' - 10
  for (let i = 0; i < b.length; i++) {
    const hi = b[i]! >> 4;
    const lo = b[i]! & 15;
    out[2 * i] = hi < 10 ? 48 + hi : base + hi;
    out[2 * i + 1] = lo < 10 ? 48 + lo : base + lo;
  }
  return out;
}

/** Case-insensitive hex decode; null on odd length or a non-hex char. */
export function fromHex(s: string): Uint8Array | null {
  if (s.length % 2 !== 0) return null;
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < out.length; i++) {
    const hi = hexVal(s.charCodeAt(2 * i));
    const lo = hexVal(s.charCodeAt(2 * i + 1));
    if (hi < 0 || lo < 0) return null;
    out[i] = (hi << 4) | lo;
  }
  return out;
}

function hexVal(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

export const HEX_RE = /^[0-9a-fA-F]+$/;

// ---------- RFC 4648 base64 and its variants ----------


export function toBase64(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');
}

/**
 * Standard base64, padding optional; null when invalid. Strict: the alphabet, the length and
 * canonical trailing bits (no encoder writes non-zero spare bits, so such a string is corrupt;
 * libargon2 rejects them the same way).
 */
export function fromBase64(s: string): Uint8Array | null {
  // Perf (issue #8): one pass, no regex, no Buffer round trip; test/encoding-base64.test.ts
  // checks it against the regex + Buffer definition (alphabet, padding, canonical spare bits).
  let end = s.length;
  if (end > 0 && s.charCodeAt(end - 1) === 61 /* = */) end--;
  if (end > 0 && s.charCodeAt(end - 1) === 61) end--;
  if (end !== s.length && s.length % 4 !== 0) return null;
  return decodeCanonical(s, end, B64_INDEX);
}

/** Standard alphabet without padding (PHC strings: argon2, scrypt). */
export function toBase64NoPad(b: Uint8Array): string {
  return toBase64(b).replace(/=+$/, '');
}

export function fromBase64NoPad(s: string): Uint8Array | null {
  return decodeCanonical(s, s.length, B64_INDEX);
}

/** Value of each base64 character (-1: not in the alphabet). */
const B64_INDEX = indexOf('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');
/** passlib's adapted base64 reads '.' as '+' (and still accepts '+'). */
const AB64_INDEX = (() => {
  const t = B64_INDEX.slice();
  t[46] = 62; // '.'
  return t;
})();

/**
 * Decodes `s.slice(0, end)` (no padding) with the value table `index`; null on a character
 * outside the alphabet, a length of 4n+1, or non-zero spare bits in the last character (no
 * encoder writes those, so the string is corrupt).
 */
function decodeCanonical(s: string, end: number, index: Int8Array): Uint8Array | null {
  if (end % 4 === 1) return null;
  const out = new Uint8Array((end * 3) >> 2);
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < end; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? index[c]! : -1;
    if (v < 0) return null;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  // Left-over bits (2 or 4) must be zero.
  return (acc & ((1 << bits) - 1)) === 0 ? out : null;
}

/** passlib's "adapted base64": standard alphabet with '.' for '+', no padding. */
export function fromAb64(s: string): Uint8Array | null {
  return decodeCanonical(s, s.length, AB64_INDEX);
}

export function toAb64(b: Uint8Array): string {
  return toBase64NoPad(b).replace(/\+/g, '.');
}

// ---------- crypt(3) / phpass alphabet, little-endian packing ----------

/** The "./0-9A-Za-z" alphabet of phpass, md5crypt, sha*crypt and DES crypt. */
export const CRYPT64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

const CRYPT64_INDEX = indexOf(CRYPT64);

/** Index of a crypt64 char, or -1. */
export function crypt64Value(c: string): number {
  const code = c.charCodeAt(0);
  return code < 128 ? CRYPT64_INDEX[code]! : -1;
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
const BCRYPT64_INDEX = indexOf(BCRYPT64);

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
  const val = (i: number): number => {
    const c = s.charCodeAt(i);
    return c < 128 ? BCRYPT64_INDEX[c]! : -1;
  };
  while (off < s.length - 1 && olen < maxBytes) {
    const c1 = val(off++);
    const c2 = val(off++);
    if (c1 < 0 || c2 < 0) return null;
    out[olen++] = (c1 << 2) | ((c2 & 0x30) >> 4);
    if (olen >= maxBytes || off >= s.length) break;
    const c3 = val(off++);
    if (c3 < 0) return null;
    out[olen++] = ((c2 & 0x0f) << 4) | ((c3 & 0x3c) >> 2);
    if (olen >= maxBytes || off >= s.length) break;
    const c4 = val(off++);
    if (c4 < 0) return null;
    out[olen++] = ((c3 & 0x03) << 6) | c4;
  }
  return olen === maxBytes ? out : null;
}

export const BCRYPT64_RE = /^[./A-Za-z0-9]*$/;

function indexOf(alphabet: string): Int8Array {
  const t = new Int8Array(128).fill(-1);
  for (let i = 0; i < alphabet.length; i++) t[alphabet.charCodeAt(i)] = i;
  return t;
}
