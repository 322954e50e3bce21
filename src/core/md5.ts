/**
 * MD5 (RFC 1321) in allocation-free TypeScript, for hot loops.
 *
 * node:crypto pays ~1 µs of object creation and C++ boundary crossing per digest; the
 * computation itself is ~0.1 µs per 64-byte block. Loops of thousands of short digests (phpass,
 * md5crypt) and cheap salted digests on the login path are therefore faster here than through
 * OpenSSL. Bit-exactness against node:crypto is property-tested (test/core-digests.test.ts).
 *
 * - `md5(data)`: one-shot, allocates only the 16-byte result.
 * - `Md5`: reusable context (`reset`, `update(data, start, end)`, `digestInto(out, off)`), no
 *   allocation after construction.
 * - `md5Chain(first, pw, count)`: h = md5(first . pw), then `count` times h = md5(h . pw)
 *   (phpass crypt_private). The digest words stay in registers as the next message words; the
 *   password is written into the block once.
 *
 * The 64 steps are spelled out with their constants inline (T[i] = floor(|sin(i + 1)| * 2^32),
 * RFC 1321 section 3.4), once per block function, so V8 keeps every word in a register.
 */

import { BlockHash, writeWords } from './block-hash.js';

const IV0 = 0x67452301;
const IV1 = 0xefcdab89 | 0;
const IV2 = 0x98badcfe | 0;
const IV3 = 0x10325476;

function le32(m: Uint8Array, o: number): number {
  return m[o]! | (m[o + 1]! << 8) | (m[o + 2]! << 16) | (m[o + 3]! << 24);
}

/** Message words of the block being compressed (wiped after each use: they hold password bytes). */
const WORDS = new Int32Array(16);

/** Compresses the 64-byte block at m[o..o+64) into state s (4 words). */
function compress(s: Int32Array, m: Uint8Array, o: number): void {
  for (let i = 0; i < 16; i++) WORDS[i] = le32(m, o + 4 * i);
  md5CompressWords(s, WORDS, 0);
  WORDS.fill(0);
}

/**
 * Compresses one block given as 16 little-endian message words w[o..o+16) into state s (for
 * loops that keep their padded messages as words, e.g. md5crypt).
 */
export function md5CompressWords(s: Int32Array, w: Int32Array, o: number): void {
  // The rounds are repeated here rather than calling compressWords: passing 16 words as
  // arguments boxes the ones outside the small-integer range (~3x slower in a hot loop).
  const x0 = w[o]!, x1 = w[o + 1]!, x2 = w[o + 2]!, x3 = w[o + 3]!;
  const x4 = w[o + 4]!, x5 = w[o + 5]!, x6 = w[o + 6]!, x7 = w[o + 7]!;
  const x8 = w[o + 8]!, x9 = w[o + 9]!, x10 = w[o + 10]!, x11 = w[o + 11]!;
  const x12 = w[o + 12]!, x13 = w[o + 13]!, x14 = w[o + 14]!, x15 = w[o + 15]!;
  let a = s[0]!, b = s[1]!, c = s[2]!, d = s[3]!;
  let t: number;
    t = (a + (d ^ (b & (c ^ d))) + x0 - 680876936) | 0;
    a = (b + ((t << 7) | (t >>> 25))) | 0;
    t = (d + (c ^ (a & (b ^ c))) + x1 - 389564586) | 0;
    d = (a + ((t << 12) | (t >>> 20))) | 0;
    t = (c + (b ^ (d & (a ^ b))) + x2 + 606105819) | 0;
    c = (d + ((t << 17) | (t >>> 15))) | 0;
    t = (b + (a ^ (c & (d ^ a))) + x3 - 1044525330) | 0;
    b = (c + ((t << 22) | (t >>> 10))) | 0;
    t = (a + (d ^ (b & (c ^ d))) + x4 - 176418897) | 0;
    a = (b + ((t << 7) | (t >>> 25))) | 0;
    t = (d + (c ^ (a & (b ^ c))) + x5 + 1200080426) | 0;
    d = (a + ((t << 12) | (t >>> 20))) | 0;
    t = (c + (b ^ (d & (a ^ b))) + x6 - 1473231341) | 0;
    c = (d + ((t << 17) | (t >>> 15))) | 0;
    t = (b + (a ^ (c & (d ^ a))) + x7 - 45705983) | 0;
    b = (c + ((t << 22) | (t >>> 10))) | 0;
    t = (a + (d ^ (b & (c ^ d))) + x8 + 1770035416) | 0;
    a = (b + ((t << 7) | (t >>> 25))) | 0;
    t = (d + (c ^ (a & (b ^ c))) + x9 - 1958414417) | 0;
    d = (a + ((t << 12) | (t >>> 20))) | 0;
    t = (c + (b ^ (d & (a ^ b))) + x10 - 42063) | 0;
    c = (d + ((t << 17) | (t >>> 15))) | 0;
    t = (b + (a ^ (c & (d ^ a))) + x11 - 1990404162) | 0;
    b = (c + ((t << 22) | (t >>> 10))) | 0;
    t = (a + (d ^ (b & (c ^ d))) + x12 + 1804603682) | 0;
    a = (b + ((t << 7) | (t >>> 25))) | 0;
    t = (d + (c ^ (a & (b ^ c))) + x13 - 40341101) | 0;
    d = (a + ((t << 12) | (t >>> 20))) | 0;
    t = (c + (b ^ (d & (a ^ b))) + x14 - 1502002290) | 0;
    c = (d + ((t << 17) | (t >>> 15))) | 0;
    t = (b + (a ^ (c & (d ^ a))) + x15 + 1236535329) | 0;
    b = (c + ((t << 22) | (t >>> 10))) | 0;
    t = (a + (c ^ (d & (b ^ c))) + x1 - 165796510) | 0;
    a = (b + ((t << 5) | (t >>> 27))) | 0;
    t = (d + (b ^ (c & (a ^ b))) + x6 - 1069501632) | 0;
    d = (a + ((t << 9) | (t >>> 23))) | 0;
    t = (c + (a ^ (b & (d ^ a))) + x11 + 643717713) | 0;
    c = (d + ((t << 14) | (t >>> 18))) | 0;
    t = (b + (d ^ (a & (c ^ d))) + x0 - 373897302) | 0;
    b = (c + ((t << 20) | (t >>> 12))) | 0;
    t = (a + (c ^ (d & (b ^ c))) + x5 - 701558691) | 0;
    a = (b + ((t << 5) | (t >>> 27))) | 0;
    t = (d + (b ^ (c & (a ^ b))) + x10 + 38016083) | 0;
    d = (a + ((t << 9) | (t >>> 23))) | 0;
    t = (c + (a ^ (b & (d ^ a))) + x15 - 660478335) | 0;
    c = (d + ((t << 14) | (t >>> 18))) | 0;
    t = (b + (d ^ (a & (c ^ d))) + x4 - 405537848) | 0;
    b = (c + ((t << 20) | (t >>> 12))) | 0;
    t = (a + (c ^ (d & (b ^ c))) + x9 + 568446438) | 0;
    a = (b + ((t << 5) | (t >>> 27))) | 0;
    t = (d + (b ^ (c & (a ^ b))) + x14 - 1019803690) | 0;
    d = (a + ((t << 9) | (t >>> 23))) | 0;
    t = (c + (a ^ (b & (d ^ a))) + x3 - 187363961) | 0;
    c = (d + ((t << 14) | (t >>> 18))) | 0;
    t = (b + (d ^ (a & (c ^ d))) + x8 + 1163531501) | 0;
    b = (c + ((t << 20) | (t >>> 12))) | 0;
    t = (a + (c ^ (d & (b ^ c))) + x13 - 1444681467) | 0;
    a = (b + ((t << 5) | (t >>> 27))) | 0;
    t = (d + (b ^ (c & (a ^ b))) + x2 - 51403784) | 0;
    d = (a + ((t << 9) | (t >>> 23))) | 0;
    t = (c + (a ^ (b & (d ^ a))) + x7 + 1735328473) | 0;
    c = (d + ((t << 14) | (t >>> 18))) | 0;
    t = (b + (d ^ (a & (c ^ d))) + x12 - 1926607734) | 0;
    b = (c + ((t << 20) | (t >>> 12))) | 0;
    t = (a + (b ^ c ^ d) + x5 - 378558) | 0;
    a = (b + ((t << 4) | (t >>> 28))) | 0;
    t = (d + (a ^ b ^ c) + x8 - 2022574463) | 0;
    d = (a + ((t << 11) | (t >>> 21))) | 0;
    t = (c + (d ^ a ^ b) + x11 + 1839030562) | 0;
    c = (d + ((t << 16) | (t >>> 16))) | 0;
    t = (b + (c ^ d ^ a) + x14 - 35309556) | 0;
    b = (c + ((t << 23) | (t >>> 9))) | 0;
    t = (a + (b ^ c ^ d) + x1 - 1530992060) | 0;
    a = (b + ((t << 4) | (t >>> 28))) | 0;
    t = (d + (a ^ b ^ c) + x4 + 1272893353) | 0;
    d = (a + ((t << 11) | (t >>> 21))) | 0;
    t = (c + (d ^ a ^ b) + x7 - 155497632) | 0;
    c = (d + ((t << 16) | (t >>> 16))) | 0;
    t = (b + (c ^ d ^ a) + x10 - 1094730640) | 0;
    b = (c + ((t << 23) | (t >>> 9))) | 0;
    t = (a + (b ^ c ^ d) + x13 + 681279174) | 0;
    a = (b + ((t << 4) | (t >>> 28))) | 0;
    t = (d + (a ^ b ^ c) + x0 - 358537222) | 0;
    d = (a + ((t << 11) | (t >>> 21))) | 0;
    t = (c + (d ^ a ^ b) + x3 - 722521979) | 0;
    c = (d + ((t << 16) | (t >>> 16))) | 0;
    t = (b + (c ^ d ^ a) + x6 + 76029189) | 0;
    b = (c + ((t << 23) | (t >>> 9))) | 0;
    t = (a + (b ^ c ^ d) + x9 - 640364487) | 0;
    a = (b + ((t << 4) | (t >>> 28))) | 0;
    t = (d + (a ^ b ^ c) + x12 - 421815835) | 0;
    d = (a + ((t << 11) | (t >>> 21))) | 0;
    t = (c + (d ^ a ^ b) + x15 + 530742520) | 0;
    c = (d + ((t << 16) | (t >>> 16))) | 0;
    t = (b + (c ^ d ^ a) + x2 - 995338651) | 0;
    b = (c + ((t << 23) | (t >>> 9))) | 0;
    t = (a + (c ^ (b | ~d)) + x0 - 198630844) | 0;
    a = (b + ((t << 6) | (t >>> 26))) | 0;
    t = (d + (b ^ (a | ~c)) + x7 + 1126891415) | 0;
    d = (a + ((t << 10) | (t >>> 22))) | 0;
    t = (c + (a ^ (d | ~b)) + x14 - 1416354905) | 0;
    c = (d + ((t << 15) | (t >>> 17))) | 0;
    t = (b + (d ^ (c | ~a)) + x5 - 57434055) | 0;
    b = (c + ((t << 21) | (t >>> 11))) | 0;
    t = (a + (c ^ (b | ~d)) + x12 + 1700485571) | 0;
    a = (b + ((t << 6) | (t >>> 26))) | 0;
    t = (d + (b ^ (a | ~c)) + x3 - 1894986606) | 0;
    d = (a + ((t << 10) | (t >>> 22))) | 0;
    t = (c + (a ^ (d | ~b)) + x10 - 1051523) | 0;
    c = (d + ((t << 15) | (t >>> 17))) | 0;
    t = (b + (d ^ (c | ~a)) + x1 - 2054922799) | 0;
    b = (c + ((t << 21) | (t >>> 11))) | 0;
    t = (a + (c ^ (b | ~d)) + x8 + 1873313359) | 0;
    a = (b + ((t << 6) | (t >>> 26))) | 0;
    t = (d + (b ^ (a | ~c)) + x15 - 30611744) | 0;
    d = (a + ((t << 10) | (t >>> 22))) | 0;
    t = (c + (a ^ (d | ~b)) + x6 - 1560198380) | 0;
    c = (d + ((t << 15) | (t >>> 17))) | 0;
    t = (b + (d ^ (c | ~a)) + x13 + 1309151649) | 0;
    b = (c + ((t << 21) | (t >>> 11))) | 0;
    t = (a + (c ^ (b | ~d)) + x4 - 145523070) | 0;
    a = (b + ((t << 6) | (t >>> 26))) | 0;
    t = (d + (b ^ (a | ~c)) + x11 - 1120210379) | 0;
    d = (a + ((t << 10) | (t >>> 22))) | 0;
    t = (c + (a ^ (d | ~b)) + x2 + 718787259) | 0;
    c = (d + ((t << 15) | (t >>> 17))) | 0;
    t = (b + (d ^ (c | ~a)) + x9 - 343485551) | 0;
    b = (c + ((t << 21) | (t >>> 11))) | 0;

  s[0] = (s[0]! + a) | 0;
  s[1] = (s[1]! + b) | 0;
  s[2] = (s[2]! + c) | 0;
  s[3] = (s[3]! + d) | 0;
}

/** Reusable MD5 context. No allocation after construction. */
export class Md5 extends BlockHash {
  constructor() {
    super(Int32Array.of(IV0, IV1, IV2, IV3), 64, 16, true);
  }
  protected compress(m: Uint8Array, o: number): void {
    compress(this.state, m, o);
  }
}

/** MD5 state (4 words) as its 16 little-endian digest bytes. */
function writeLe(s: Int32Array, out: Uint8Array, off: number): void {
  writeWords(s, out, off, 4, true);
}

const shared = new Md5();

/** One-shot MD5 of `data` (optionally of data[start..end)). */
export function md5(data: Uint8Array, start = 0, end = data.length): Uint8Array {
  return shared.update(data, start, end).digest();
}

/** One-shot MD5 of the concatenation of `parts`. */
export function md5Parts(parts: readonly Uint8Array[]): Uint8Array {
  for (let i = 0; i < parts.length; i++) shared.update(parts[i]!);
  return shared.digest();
}

/**
 * h = md5(first . password); then `count` times h = md5(h . password). Returns the raw final h.
 * Allocation-free inside the loop; scratch holding password bytes is wiped before returning.
 */
export function md5Chain(first: Uint8Array, password: Uint8Array, count: number): Uint8Array {
  const ctx = shared;
  ctx.update(first).update(password);
  ctx.finish();
  const h = ctx.state;
  if (16 + password.length <= 55) chainOneBlock(h, password, count);
  else chainBlocks(h, password, count);
  const out = new Uint8Array(16);
  writeLe(h, out, 0);
  ctx.reset();
  return out;
}

const scratch = new Uint8Array(64);

/** (16 + password) fits one padded block: message words 4..15 are constant, 0..3 are h. */
function chainOneBlock(h: Int32Array, password: Uint8Array, count: number): void {
  const m = scratch;
  m.fill(0);
  m.set(password, 16);
  const len = 16 + password.length;
  m[len] = 0x80;
  const bits = len * 8;
  m[56] = bits;
  m[57] = bits >>> 8;
  const x4 = le32(m, 16), x5 = le32(m, 20), x6 = le32(m, 24), x7 = le32(m, 28);
  const x8 = le32(m, 32), x9 = le32(m, 36), x10 = le32(m, 40), x11 = le32(m, 44);
  const x12 = le32(m, 48), x13 = le32(m, 52), x14 = le32(m, 56), x15 = le32(m, 60);
  m.fill(0);
  let x0 = h[0]!, x1 = h[1]!, x2 = h[2]!, x3 = h[3]!;
  for (let i = 0; i < count; i++) {
    let a = IV0, b = IV1, c = IV2, d = IV3;
    let t: number;
      t = (a + (d ^ (b & (c ^ d))) + x0 - 680876936) | 0;
      a = (b + ((t << 7) | (t >>> 25))) | 0;
      t = (d + (c ^ (a & (b ^ c))) + x1 - 389564586) | 0;
      d = (a + ((t << 12) | (t >>> 20))) | 0;
      t = (c + (b ^ (d & (a ^ b))) + x2 + 606105819) | 0;
      c = (d + ((t << 17) | (t >>> 15))) | 0;
      t = (b + (a ^ (c & (d ^ a))) + x3 - 1044525330) | 0;
      b = (c + ((t << 22) | (t >>> 10))) | 0;
      t = (a + (d ^ (b & (c ^ d))) + x4 - 176418897) | 0;
      a = (b + ((t << 7) | (t >>> 25))) | 0;
      t = (d + (c ^ (a & (b ^ c))) + x5 + 1200080426) | 0;
      d = (a + ((t << 12) | (t >>> 20))) | 0;
      t = (c + (b ^ (d & (a ^ b))) + x6 - 1473231341) | 0;
      c = (d + ((t << 17) | (t >>> 15))) | 0;
      t = (b + (a ^ (c & (d ^ a))) + x7 - 45705983) | 0;
      b = (c + ((t << 22) | (t >>> 10))) | 0;
      t = (a + (d ^ (b & (c ^ d))) + x8 + 1770035416) | 0;
      a = (b + ((t << 7) | (t >>> 25))) | 0;
      t = (d + (c ^ (a & (b ^ c))) + x9 - 1958414417) | 0;
      d = (a + ((t << 12) | (t >>> 20))) | 0;
      t = (c + (b ^ (d & (a ^ b))) + x10 - 42063) | 0;
      c = (d + ((t << 17) | (t >>> 15))) | 0;
      t = (b + (a ^ (c & (d ^ a))) + x11 - 1990404162) | 0;
      b = (c + ((t << 22) | (t >>> 10))) | 0;
      t = (a + (d ^ (b & (c ^ d))) + x12 + 1804603682) | 0;
      a = (b + ((t << 7) | (t >>> 25))) | 0;
      t = (d + (c ^ (a & (b ^ c))) + x13 - 40341101) | 0;
      d = (a + ((t << 12) | (t >>> 20))) | 0;
      t = (c + (b ^ (d & (a ^ b))) + x14 - 1502002290) | 0;
      c = (d + ((t << 17) | (t >>> 15))) | 0;
      t = (b + (a ^ (c & (d ^ a))) + x15 + 1236535329) | 0;
      b = (c + ((t << 22) | (t >>> 10))) | 0;
      t = (a + (c ^ (d & (b ^ c))) + x1 - 165796510) | 0;
      a = (b + ((t << 5) | (t >>> 27))) | 0;
      t = (d + (b ^ (c & (a ^ b))) + x6 - 1069501632) | 0;
      d = (a + ((t << 9) | (t >>> 23))) | 0;
      t = (c + (a ^ (b & (d ^ a))) + x11 + 643717713) | 0;
      c = (d + ((t << 14) | (t >>> 18))) | 0;
      t = (b + (d ^ (a & (c ^ d))) + x0 - 373897302) | 0;
      b = (c + ((t << 20) | (t >>> 12))) | 0;
      t = (a + (c ^ (d & (b ^ c))) + x5 - 701558691) | 0;
      a = (b + ((t << 5) | (t >>> 27))) | 0;
      t = (d + (b ^ (c & (a ^ b))) + x10 + 38016083) | 0;
      d = (a + ((t << 9) | (t >>> 23))) | 0;
      t = (c + (a ^ (b & (d ^ a))) + x15 - 660478335) | 0;
      c = (d + ((t << 14) | (t >>> 18))) | 0;
      t = (b + (d ^ (a & (c ^ d))) + x4 - 405537848) | 0;
      b = (c + ((t << 20) | (t >>> 12))) | 0;
      t = (a + (c ^ (d & (b ^ c))) + x9 + 568446438) | 0;
      a = (b + ((t << 5) | (t >>> 27))) | 0;
      t = (d + (b ^ (c & (a ^ b))) + x14 - 1019803690) | 0;
      d = (a + ((t << 9) | (t >>> 23))) | 0;
      t = (c + (a ^ (b & (d ^ a))) + x3 - 187363961) | 0;
      c = (d + ((t << 14) | (t >>> 18))) | 0;
      t = (b + (d ^ (a & (c ^ d))) + x8 + 1163531501) | 0;
      b = (c + ((t << 20) | (t >>> 12))) | 0;
      t = (a + (c ^ (d & (b ^ c))) + x13 - 1444681467) | 0;
      a = (b + ((t << 5) | (t >>> 27))) | 0;
      t = (d + (b ^ (c & (a ^ b))) + x2 - 51403784) | 0;
      d = (a + ((t << 9) | (t >>> 23))) | 0;
      t = (c + (a ^ (b & (d ^ a))) + x7 + 1735328473) | 0;
      c = (d + ((t << 14) | (t >>> 18))) | 0;
      t = (b + (d ^ (a & (c ^ d))) + x12 - 1926607734) | 0;
      b = (c + ((t << 20) | (t >>> 12))) | 0;
      t = (a + (b ^ c ^ d) + x5 - 378558) | 0;
      a = (b + ((t << 4) | (t >>> 28))) | 0;
      t = (d + (a ^ b ^ c) + x8 - 2022574463) | 0;
      d = (a + ((t << 11) | (t >>> 21))) | 0;
      t = (c + (d ^ a ^ b) + x11 + 1839030562) | 0;
      c = (d + ((t << 16) | (t >>> 16))) | 0;
      t = (b + (c ^ d ^ a) + x14 - 35309556) | 0;
      b = (c + ((t << 23) | (t >>> 9))) | 0;
      t = (a + (b ^ c ^ d) + x1 - 1530992060) | 0;
      a = (b + ((t << 4) | (t >>> 28))) | 0;
      t = (d + (a ^ b ^ c) + x4 + 1272893353) | 0;
      d = (a + ((t << 11) | (t >>> 21))) | 0;
      t = (c + (d ^ a ^ b) + x7 - 155497632) | 0;
      c = (d + ((t << 16) | (t >>> 16))) | 0;
      t = (b + (c ^ d ^ a) + x10 - 1094730640) | 0;
      b = (c + ((t << 23) | (t >>> 9))) | 0;
      t = (a + (b ^ c ^ d) + x13 + 681279174) | 0;
      a = (b + ((t << 4) | (t >>> 28))) | 0;
      t = (d + (a ^ b ^ c) + x0 - 358537222) | 0;
      d = (a + ((t << 11) | (t >>> 21))) | 0;
      t = (c + (d ^ a ^ b) + x3 - 722521979) | 0;
      c = (d + ((t << 16) | (t >>> 16))) | 0;
      t = (b + (c ^ d ^ a) + x6 + 76029189) | 0;
      b = (c + ((t << 23) | (t >>> 9))) | 0;
      t = (a + (b ^ c ^ d) + x9 - 640364487) | 0;
      a = (b + ((t << 4) | (t >>> 28))) | 0;
      t = (d + (a ^ b ^ c) + x12 - 421815835) | 0;
      d = (a + ((t << 11) | (t >>> 21))) | 0;
      t = (c + (d ^ a ^ b) + x15 + 530742520) | 0;
      c = (d + ((t << 16) | (t >>> 16))) | 0;
      t = (b + (c ^ d ^ a) + x2 - 995338651) | 0;
      b = (c + ((t << 23) | (t >>> 9))) | 0;
      t = (a + (c ^ (b | ~d)) + x0 - 198630844) | 0;
      a = (b + ((t << 6) | (t >>> 26))) | 0;
      t = (d + (b ^ (a | ~c)) + x7 + 1126891415) | 0;
      d = (a + ((t << 10) | (t >>> 22))) | 0;
      t = (c + (a ^ (d | ~b)) + x14 - 1416354905) | 0;
      c = (d + ((t << 15) | (t >>> 17))) | 0;
      t = (b + (d ^ (c | ~a)) + x5 - 57434055) | 0;
      b = (c + ((t << 21) | (t >>> 11))) | 0;
      t = (a + (c ^ (b | ~d)) + x12 + 1700485571) | 0;
      a = (b + ((t << 6) | (t >>> 26))) | 0;
      t = (d + (b ^ (a | ~c)) + x3 - 1894986606) | 0;
      d = (a + ((t << 10) | (t >>> 22))) | 0;
      t = (c + (a ^ (d | ~b)) + x10 - 1051523) | 0;
      c = (d + ((t << 15) | (t >>> 17))) | 0;
      t = (b + (d ^ (c | ~a)) + x1 - 2054922799) | 0;
      b = (c + ((t << 21) | (t >>> 11))) | 0;
      t = (a + (c ^ (b | ~d)) + x8 + 1873313359) | 0;
      a = (b + ((t << 6) | (t >>> 26))) | 0;
      t = (d + (b ^ (a | ~c)) + x15 - 30611744) | 0;
      d = (a + ((t << 10) | (t >>> 22))) | 0;
      t = (c + (a ^ (d | ~b)) + x6 - 1560198380) | 0;
      c = (d + ((t << 15) | (t >>> 17))) | 0;
      t = (b + (d ^ (c | ~a)) + x13 + 1309151649) | 0;
      b = (c + ((t << 21) | (t >>> 11))) | 0;
      t = (a + (c ^ (b | ~d)) + x4 - 145523070) | 0;
      a = (b + ((t << 6) | (t >>> 26))) | 0;
      t = (d + (b ^ (a | ~c)) + x11 - 1120210379) | 0;
      d = (a + ((t << 10) | (t >>> 22))) | 0;
      t = (c + (a ^ (d | ~b)) + x2 + 718787259) | 0;
      c = (d + ((t << 15) | (t >>> 17))) | 0;
      t = (b + (d ^ (c | ~a)) + x9 - 343485551) | 0;
      b = (c + ((t << 21) | (t >>> 11))) | 0;

    x0 = (a + IV0) | 0;
    x1 = (b + IV1) | 0;
    x2 = (c + IV2) | 0;
    x3 = (d + IV3) | 0;
  }
  h[0] = x0;
  h[1] = x1;
  h[2] = x2;
  h[3] = x3;
}

/** Longer passwords: the padded message is built once; each round rewrites its first 16 bytes. */
function chainBlocks(h: Int32Array, password: Uint8Array, count: number): void {
  const len = 16 + password.length;
  const total = (len + 8 + 64) & ~63;
  const m = new Uint8Array(total);
  m.set(password, 16);
  m[len] = 0x80;
  const bits = len * 8;
  m[total - 8] = bits;
  m[total - 7] = bits >>> 8;
  m[total - 6] = bits >>> 16;
  m[total - 5] = bits >>> 24;
  const s = new Int32Array(4);
  for (let i = 0; i < count; i++) {
    writeLe(h, m, 0);
    s[0] = IV0;
    s[1] = IV1;
    s[2] = IV2;
    s[3] = IV3;
    for (let o = 0; o < total; o += 64) compress(s, m, o);
    h.set(s);
  }
  m.fill(0);
}

// Give every path type feedback before the optimizing compiler sees the long loops: compiled
// on-stack during a first long call, the code after the loop would otherwise lack feedback and
// deoptimize at every call's end (with recompilation stalls of 5-30 ms now and then). V8 only
// allocates a function's feedback after several calls, hence the repetitions (~20 µs in all).
{
  const zeros = new Uint8Array(60);
  for (let i = 0; i < 16; i++) {
    md5Chain(zeros.subarray(0, 8), zeros.subarray(0, 8), 1);
    md5Chain(zeros.subarray(0, 8), zeros, 1);
  }
}
