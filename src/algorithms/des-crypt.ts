/**
 * DES-based crypt(3): traditional Unix crypt (13 chars), BSDi extended DES (`_` + 19 chars) and
 * bigcrypt (HP-UX/Tru64: 2 + 11*n chars).
 *
 * The DES core is a port of FreeSec 1.1 (David Burren, 1994) as maintained by Solar Designer and
 * shipped in PHP (ext/standard/crypt_freesec.c), FreeBSD (secure/lib/libcrypt/crypt-des.c) and
 * NetBSD: table-driven S-box+P lookups on 12-bit halves, salt applied by swapping E-box output
 * bits. Algorithm per format:
 * - traditional: key = first 8 password bytes, each shifted left 1 (bit 7 lost, DES parity bit
 *   ignored); salt = 2 chars (12 bits); 25 DES encryptions of a zero block.
 * - BSDi: `_` + count (4 chars, 24 bits, little-endian) + salt (4 chars, 24 bits); the key folds
 *   the whole password: for every further 8 bytes, key = DES_key(key) XOR (next 8 bytes << 1).
 * - bigcrypt: traditional crypt of each 8-byte chunk; chunk 1 uses the stored salt, chunk k+1
 *   uses the first 2 digest chars of chunk k (passlib bigcrypt, libxcrypt crypt-des.c).
 * Output: the 64-bit block big-endian in 11 crypt64 chars (last char carries 4 bits).
 */
import { latin1 } from '../core/bytes.js';
import { CRYPT64, crypt64Value, decodeCrypt64Int } from '../core/encoding.js';
import { defineScheme } from '../core/scheme.js';
import { recognizeShape } from '../detect/shape.js';
import { malformed } from '../errors.js';
import type { InlineCost, ParsedHash, Scheme } from '../types.js';
import { cString } from './unix-crypt.js';

// ---------- FIPS 46 tables, 1-based bit numbers as published ----------

const IP = [
  58, 50, 42, 34, 26, 18, 10, 2, 60, 52, 44, 36, 28, 20, 12, 4, 62, 54, 46, 38, 30, 22, 14, 6, 64, 56, 48, 40, 32, 24, 16, 8,
  57, 49, 41, 33, 25, 17, 9, 1, 59, 51, 43, 35, 27, 19, 11, 3, 61, 53, 45, 37, 29, 21, 13, 5, 63, 55, 47, 39, 31, 23, 15, 7,
];
/** PC-1: 64-bit key -> 56 bits (parity bits dropped). */
const KEY_PERM = [
  57, 49, 41, 33, 25, 17, 9, 1, 58, 50, 42, 34, 26, 18, 10, 2, 59, 51, 43, 35, 27, 19, 11, 3, 60, 52, 44, 36,
  63, 55, 47, 39, 31, 23, 15, 7, 62, 54, 46, 38, 30, 22, 14, 6, 61, 53, 45, 37, 29, 21, 13, 5, 28, 20, 12, 4,
];
/** Left rotations of the two 28-bit key halves before each of the 16 rounds. */
const KEY_SHIFTS = [1, 1, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 1];
/** PC-2: 56 bits -> 48-bit round key. */
const COMP_PERM = [
  14, 17, 11, 24, 1, 5, 3, 28, 15, 6, 21, 10, 23, 19, 12, 4, 26, 8, 16, 7, 27, 20, 13, 2,
  41, 52, 31, 37, 47, 55, 30, 40, 51, 45, 33, 48, 44, 49, 39, 56, 34, 53, 46, 42, 50, 36, 29, 32,
];
const SBOX = [
  [14, 4, 13, 1, 2, 15, 11, 8, 3, 10, 6, 12, 5, 9, 0, 7, 0, 15, 7, 4, 14, 2, 13, 1, 10, 6, 12, 11, 9, 5, 3, 8,
    4, 1, 14, 8, 13, 6, 2, 11, 15, 12, 9, 7, 3, 10, 5, 0, 15, 12, 8, 2, 4, 9, 1, 7, 5, 11, 3, 14, 10, 0, 6, 13],
  [15, 1, 8, 14, 6, 11, 3, 4, 9, 7, 2, 13, 12, 0, 5, 10, 3, 13, 4, 7, 15, 2, 8, 14, 12, 0, 1, 10, 6, 9, 11, 5,
    0, 14, 7, 11, 10, 4, 13, 1, 5, 8, 12, 6, 9, 3, 2, 15, 13, 8, 10, 1, 3, 15, 4, 2, 11, 6, 7, 12, 0, 5, 14, 9],
  [10, 0, 9, 14, 6, 3, 15, 5, 1, 13, 12, 7, 11, 4, 2, 8, 13, 7, 0, 9, 3, 4, 6, 10, 2, 8, 5, 14, 12, 11, 15, 1,
    13, 6, 4, 9, 8, 15, 3, 0, 11, 1, 2, 12, 5, 10, 14, 7, 1, 10, 13, 0, 6, 9, 8, 7, 4, 15, 14, 3, 11, 5, 2, 12],
  [7, 13, 14, 3, 0, 6, 9, 10, 1, 2, 8, 5, 11, 12, 4, 15, 13, 8, 11, 5, 6, 15, 0, 3, 4, 7, 2, 12, 1, 10, 14, 9,
    10, 6, 9, 0, 12, 11, 7, 13, 15, 1, 3, 14, 5, 2, 8, 4, 3, 15, 0, 6, 10, 1, 13, 8, 9, 4, 5, 11, 12, 7, 2, 14],
  [2, 12, 4, 1, 7, 10, 11, 6, 8, 5, 3, 15, 13, 0, 14, 9, 14, 11, 2, 12, 4, 7, 13, 1, 5, 0, 15, 10, 3, 9, 8, 6,
    4, 2, 1, 11, 10, 13, 7, 8, 15, 9, 12, 5, 6, 3, 0, 14, 11, 8, 12, 7, 1, 14, 2, 13, 6, 15, 0, 9, 10, 4, 5, 3],
  [12, 1, 10, 15, 9, 2, 6, 8, 0, 13, 3, 4, 14, 7, 5, 11, 10, 15, 4, 2, 7, 12, 9, 5, 6, 1, 13, 14, 0, 11, 3, 8,
    9, 14, 15, 5, 2, 8, 12, 3, 7, 0, 4, 10, 1, 13, 11, 6, 4, 3, 2, 12, 9, 5, 15, 10, 11, 14, 1, 7, 6, 0, 8, 13],
  [4, 11, 2, 14, 15, 0, 8, 13, 3, 12, 9, 7, 5, 10, 6, 1, 13, 0, 11, 7, 4, 9, 1, 10, 14, 3, 5, 12, 2, 15, 8, 6,
    1, 4, 11, 13, 12, 3, 7, 14, 10, 15, 6, 8, 0, 5, 9, 2, 6, 11, 13, 8, 1, 4, 10, 7, 9, 5, 0, 15, 14, 2, 3, 12],
  [13, 2, 8, 4, 6, 15, 11, 1, 10, 9, 3, 14, 5, 0, 12, 7, 1, 15, 13, 8, 10, 3, 7, 4, 12, 5, 6, 11, 0, 14, 9, 2,
    7, 11, 4, 1, 9, 12, 14, 2, 0, 6, 10, 13, 15, 3, 5, 8, 2, 1, 14, 7, 4, 10, 8, 13, 15, 12, 9, 0, 3, 5, 6, 11],
];
const PBOX = [16, 7, 20, 21, 29, 12, 28, 17, 1, 15, 23, 26, 5, 18, 31, 10, 2, 8, 24, 14, 32, 27, 3, 9, 19, 13, 30, 6, 22, 11, 4, 25];

// ---------- derived lookup tables (FreeSec _crypt_extended_init), flattened [k * size + i] ----------

/** S-box pairs: 12 input bits -> 8 output bits, S-box rows/columns pre-permuted. */
const M_SBOX = new Uint8Array(4 * 4096);
/** 8 S-box output bits -> their P-box positions in the 32-bit word. */
const PSBOX = new Int32Array(4 * 256);
const IP_L = new Int32Array(8 * 256);
const IP_R = new Int32Array(8 * 256);
const FP_L = new Int32Array(8 * 256);
const FP_R = new Int32Array(8 * 256);
const KEY_PERM_L = new Int32Array(8 * 128);
const KEY_PERM_R = new Int32Array(8 * 128);
const COMP_L = new Int32Array(8 * 128);
const COMP_R = new Int32Array(8 * 128);

/** Bit `i` counted from the MSB of a `width`-bit word. */
const bit = (width: number, i: number): number => (1 << (width - 1 - i)) | 0;

(function initTables(): void {
  const uSbox: number[][] = SBOX.map((box) =>
    Array.from({ length: 64 }, (_, j) => box[(j & 0x20) | ((j & 1) << 4) | ((j >> 1) & 0xf)]!),
  );
  for (let b = 0; b < 4; b++)
    for (let i = 0; i < 64; i++)
      for (let j = 0; j < 64; j++) M_SBOX[b * 4096 + ((i << 6) | j)] = (uSbox[2 * b]![i]! << 4) | uSbox[2 * b + 1]![j]!;

  const initPerm = new Array<number>(64);
  const finalPerm = new Array<number>(64);
  const invKeyPerm = new Array<number>(64).fill(255);
  const invCompPerm = new Array<number>(56).fill(255);
  for (let i = 0; i < 64; i++) initPerm[(finalPerm[i] = IP[i]! - 1)] = i;
  for (let i = 0; i < 56; i++) invKeyPerm[KEY_PERM[i]! - 1] = i;
  for (let i = 0; i < 48; i++) invCompPerm[COMP_PERM[i]! - 1] = i;

  for (let k = 0; k < 8; k++) {
    for (let i = 0; i < 256; i++) {
      let il = 0, ir = 0, fl = 0, fr = 0;
      for (let j = 0; j < 8; j++) {
        if ((i & (0x80 >> j)) === 0) continue;
        const inbit = 8 * k + j;
        const ob = initPerm[inbit]!;
        if (ob < 32) il |= bit(32, ob);
        else ir |= bit(32, ob - 32);
        const fb = finalPerm[inbit]!;
        if (fb < 32) fl |= bit(32, fb);
        else fr |= bit(32, fb - 32);
      }
      IP_L[k * 256 + i] = il;
      IP_R[k * 256 + i] = ir;
      FP_L[k * 256 + i] = fl;
      FP_R[k * 256 + i] = fr;
    }
    for (let i = 0; i < 128; i++) {
      let kl = 0, kr = 0, cl = 0, cr = 0;
      for (let j = 0; j < 7; j++) {
        if ((i & (0x40 >> j)) === 0) continue;
        const kb = invKeyPerm[8 * k + j]!;
        if (kb !== 255) {
          if (kb < 28) kl |= bit(28, kb);
          else kr |= bit(28, kb - 28);
        }
        const cb = invCompPerm[7 * k + j]!;
        if (cb !== 255) {
          if (cb < 24) cl |= bit(24, cb);
          else cr |= bit(24, cb - 24);
        }
      }
      KEY_PERM_L[k * 128 + i] = kl;
      KEY_PERM_R[k * 128 + i] = kr;
      COMP_L[k * 128 + i] = cl;
      COMP_R[k * 128 + i] = cr;
    }
  }
  const unPbox = new Array<number>(32);
  for (let i = 0; i < 32; i++) unPbox[PBOX[i]! - 1] = i;
  for (let b = 0; b < 4; b++)
    for (let i = 0; i < 256; i++) {
      let p = 0;
      for (let j = 0; j < 8; j++) if ((i & (0x80 >> j)) !== 0) p |= bit(32, unPbox[8 * b + j]!);
      PSBOX[b * 256 + i] = p;
    }
})();

// ---------- DES ----------

/** Round keys (48 bits as two 24-bit halves) of the current key; one set per thread. */
const KEYS_L = new Int32Array(16);
const KEYS_R = new Int32Array(16);

/** des_setkey: 8 key bytes (already shifted left by one) -> 16 round keys. */
function setKey(key: Uint8Array): void {
  const k0w = ((key[0]! << 24) | (key[1]! << 16) | (key[2]! << 8) | key[3]!) >>> 0;
  const k1w = ((key[4]! << 24) | (key[5]! << 16) | (key[6]! << 8) | key[7]!) >>> 0;
  const idx = [k0w >>> 25, (k0w >>> 17) & 0x7f, (k0w >>> 9) & 0x7f, (k0w >>> 1) & 0x7f,
    k1w >>> 25, (k1w >>> 17) & 0x7f, (k1w >>> 9) & 0x7f, (k1w >>> 1) & 0x7f];
  let k0 = 0, k1 = 0;
  for (let t = 0; t < 8; t++) {
    k0 |= KEY_PERM_L[t * 128 + idx[t]!]!;
    k1 |= KEY_PERM_R[t * 128 + idx[t]!]!;
  }
  let shifts = 0;
  for (let round = 0; round < 16; round++) {
    shifts += KEY_SHIFTS[round]!;
    const t0 = (k0 << shifts) | (k0 >>> (28 - shifts));
    const t1 = (k1 << shifts) | (k1 >>> (28 - shifts));
    const c = [(t0 >>> 21) & 0x7f, (t0 >>> 14) & 0x7f, (t0 >>> 7) & 0x7f, t0 & 0x7f,
      (t1 >>> 21) & 0x7f, (t1 >>> 14) & 0x7f, (t1 >>> 7) & 0x7f, t1 & 0x7f];
    let l = 0, r = 0;
    for (let t = 0; t < 8; t++) {
      l |= COMP_L[t * 128 + c[t]!]!;
      r |= COMP_R[t * 128 + c[t]!]!;
    }
    KEYS_L[round] = l;
    KEYS_R[round] = r;
  }
}

/** crypt's 24 salt bits -> the E-box output bits to swap (bit 0 of the salt swaps bit 23). */
function saltBits(salt: number): number {
  let bits = 0;
  for (let i = 0; i < 24; i++) if ((salt >>> i) & 1) bits |= 0x800000 >>> i;
  return bits;
}

/** do_des: `count` encryptions of the block (l, r) with the current key; returns [l, r]. */
function desRounds(lIn: number, rIn: number, saltbits: number, count: number, out: Int32Array): void {
  let l = 0, r = 0;
  for (let t = 0; t < 4; t++) {
    const sl = (lIn >>> (24 - 8 * t)) & 0xff;
    const sr = (rIn >>> (24 - 8 * t)) & 0xff;
    l |= IP_L[t * 256 + sl]! | IP_L[(t + 4) * 256 + sr]!;
    r |= IP_R[t * 256 + sl]! | IP_R[(t + 4) * 256 + sr]!;
  }
  let f = 0;
  while (count-- > 0) {
    for (let round = 0; round < 16; round++) {
      // E-box expansion of r into two 24-bit halves.
      let r48l = ((r & 0x00000001) << 23) | ((r & 0xf8000000) >>> 9) | ((r & 0x1f800000) >>> 11) |
        ((r & 0x01f80000) >>> 13) | ((r & 0x001f8000) >>> 15);
      let r48r = ((r & 0x0001f800) << 7) | ((r & 0x00001f80) << 5) | ((r & 0x000001f8) << 3) |
        ((r & 0x0000001f) << 1) | ((r & 0x80000000) >>> 31);
      // The salt swaps the selected bits between the halves; then mix in the round key.
      f = (r48l ^ r48r) & saltbits;
      r48l ^= f ^ KEYS_L[round]!;
      r48r ^= f ^ KEYS_R[round]!;
      f = PSBOX[M_SBOX[r48l >>> 12]!]! | PSBOX[256 + M_SBOX[4096 + (r48l & 0xfff)]!]! |
        PSBOX[512 + M_SBOX[8192 + (r48r >>> 12)]!]! | PSBOX[768 + M_SBOX[12288 + (r48r & 0xfff)]!]!;
      f ^= l;
      l = r;
      r = f;
    }
    r = l;
    l = f;
  }
  let ol = 0, or = 0;
  for (let t = 0; t < 4; t++) {
    const sl = (l >>> (24 - 8 * t)) & 0xff;
    const sr = (r >>> (24 - 8 * t)) & 0xff;
    ol |= FP_L[t * 256 + sl]! | FP_L[(t + 4) * 256 + sr]!;
    or |= FP_R[t * 256 + sl]! | FP_R[(t + 4) * 256 + sr]!;
  }
  out[0] = ol;
  out[1] = or;
}

const block = new Int32Array(2);

/** The 64-bit result as crypt prints it: 11 crypt64 chars, big-endian, 2 zero bits appended. */
function encodeBlock(r0: number, r1: number): string {
  const c = (v: number): string => CRYPT64[v & 0x3f]!;
  let l = r0 >>> 8;
  let s = c(l >>> 18) + c(l >>> 12) + c(l >>> 6) + c(l);
  l = (r0 << 16) | ((r1 >>> 16) & 0xffff);
  s += c(l >>> 18) + c(l >>> 12) + c(l >>> 6) + c(l);
  l = r1 << 2;
  return s + c(l >>> 12) + c(l >>> 6) + c(l);
}

/** Key bytes from up to 8 password bytes starting at `off`, each shifted left one bit. */
function keyBytes(pw: Uint8Array, off: number, into: Uint8Array): void {
  for (let i = 0; i < 8; i++) into[i] = off + i < pw.length ? (pw[off + i]! << 1) & 0xff : 0;
}

/** Traditional crypt of `pw[off..off+8)` with a 12-bit salt: the 11 digest chars. */
function desCryptChunk(pw: Uint8Array, off: number, salt: number): string {
  const key = new Uint8Array(8);
  keyBytes(pw, off, key);
  setKey(key);
  key.fill(0);
  desRounds(0, 0, saltBits(salt), 25, block);
  return encodeBlock(block[0]!, block[1]!);
}


/** BSDi extended DES: the 11 digest chars. */
export function bsdiCryptChunk(password: Uint8Array, count: number, salt: number): string {
  const pw = cString(password);
  const key = new Uint8Array(8);
  keyBytes(pw, 0, key);
  setKey(key);
  for (let off = 8; off < pw.length; off += 8) {
    // Encrypt the key with itself (no salt, one pass), then XOR in the next 8 bytes.
    desRounds(((key[0]! << 24) | (key[1]! << 16) | (key[2]! << 8) | key[3]!) >>> 0,
      ((key[4]! << 24) | (key[5]! << 16) | (key[6]! << 8) | key[7]!) >>> 0, 0, 1, block);
    for (let i = 0; i < 4; i++) {
      key[i] = block[0]! >>> (24 - 8 * i);
      key[4 + i] = block[1]! >>> (24 - 8 * i);
    }
    for (let i = 0; i < 8 && off + i < pw.length; i++) key[i] = key[i]! ^ ((pw[off + i]! << 1) & 0xff);
    setKey(key);
  }
  key.fill(0);
  desRounds(0, 0, saltBits(salt), count, block);
  return encodeBlock(block[0]!, block[1]!);
}

// ---------- schemes ----------

export interface DesCryptParsed extends ParsedHash {
  salt: string;
}

export interface BsdiCryptParsed extends ParsedHash {
  rounds: number;
  salt: string;
}

/** DES and bigcrypt strings start with any crypt64 character (the salt). */
const CRYPT64_FIRST: readonly string[] = [...CRYPT64];
/** 13 crypt64 characters, nothing else: the whole claim of a DES string, as data. */
const DES_SHAPE = Object.freeze({ length: 13, chars: './0-9A-Za-z', exact: true });
const BSDI_SHAPE = /^_[./0-9A-Za-z]{19}$/;
const BIGCRYPT_SHAPE = /^[./0-9A-Za-z]{2}(?:[./0-9A-Za-z]{11}){2,}$/;
/** Its lengths (2 + 11k, k >= 2) and alphabet as data: 32/40/64/128-hex strings are not asked. */
const BIGCRYPT_LAYOUT = Object.freeze({ length: { min: 24, step: 11 }, chars: './0-9A-Za-z' });
/** BSDi's count field is 4 crypt64 chars = 24 bits. */
const BSDI_MAX_ROUNDS = 0xffffff;

/**
 * Routing data (Scheme.inlineCost): one 25-iteration DES crypt costs ~7 µs here, far less than a
 * worker round trip, so it runs inline (src/engine.ts INLINE_BUDGET_US).
 */
export const DES_CRYPT_INLINE_COST: InlineCost = { work: [], usPerUnit: 0, baseUs: 10 };

export const desCrypt = defineScheme<DesCryptParsed>({
  id: 'des-crypt',
  title: 'Traditional DES crypt(3) (13 characters)',
  family: 'des-crypt',
  platforms: [
    'Unix V7 .. Linux/BSD /etc/passwd (pre-1995 default)',
    'PHP crypt() CRYPT_STD_DES, Apache htpasswd -d',
    'MySQL ENCRYPT(), OpenLDAP {CRYPT}, old Perl/CGI sites',
  ],
  platformIds: ['unix', 'linux', 'php', 'apache', 'htpasswd', 'mysql', 'openldap', 'generic'],
  example: { password: 'hashcat', hash: '24leDr0hHfb3A' }, // hashcat mode 1500 example
  // A bare 13-char crypt64 string has no prefix; nothing else we know has this shape.
  rank: 90,
  offload: true,
  inlineCost: DES_CRYPT_INLINE_COST,
  prefixes: CRYPT64_FIRST,
  shape: DES_SHAPE,
  recognize: recognizeShape(DES_SHAPE),
  parse: (s) => ({ salt: s.slice(0, 2), expected: latin1(s.slice(2)) }),
  // Only the first 8 bytes count (7 bits each): later bytes never reach the key.
  derive: (pw, p) => latin1(desCryptChunk(cString(pw), 0, decodeCrypt64Int(p.salt))),
  describe: () => ({ rounds: 25 }),
});

export const bsdiCrypt = defineScheme<BsdiCryptParsed>({
  id: 'bsdi-crypt',
  title: 'BSDi extended DES crypt (_CCCCSSSS...)',
  family: 'des-crypt',
  platforms: ['BSD/OS 2+, FreeBSD/NetBSD/OpenBSD extended DES crypt(3)', 'PHP crypt() CRYPT_EXT_DES (5.3+)'],
  platformIds: ['unix', 'bsd', 'php', 'generic'],
  example: { password: 'hashcat', hash: '_GW..8841inaTltazRsQ' }, // hashcat mode 12400 example
  costs: [{ name: 'rounds', default: 7250, min: 1, max: BSDI_MAX_ROUNDS, limit: 'maxRounds' }],
  rank: 100,
  offload: true,
  prefixes: ['_'],
  recognize: (s) => s.startsWith('_'),
  parse(s) {
    if (!BSDI_SHAPE.test(s)) throw malformed('bsdi-crypt', 'expected _ and 19 characters of ./0-9A-Za-z');
    const rounds = decodeCrypt64Int(s.slice(1, 5));
    // FreeSec returns NULL for a zero count.
    if (rounds === 0) throw malformed('bsdi-crypt', 'zero iteration count');
    return { rounds, salt: s.slice(5, 9), expected: latin1(s.slice(9)) };
  },
  cost: (p) => [{ limit: 'maxRounds', value: p.rounds, name: 'rounds' }],
  derive: (pw, p) => latin1(bsdiCryptChunk(pw, p.rounds, decodeCrypt64Int(p.salt))),
  describe: (p) => ({ rounds: p.rounds }),
});

export interface BigcryptParsed extends ParsedHash {
  salt: string;
  /** Number of 11-char digest segments = password chunks of 8 bytes covered. */
  chunks: number;
}

export const bigcrypt = defineScheme<BigcryptParsed>({
  id: 'bigcrypt',
  title: 'bigcrypt (HP-UX / Tru64 DES crypt of 8-byte chunks)',
  family: 'des-crypt',
  platforms: ['HP-UX trusted systems (bigcrypt)', 'Digital Unix / Tru64 enhanced security', 'libxcrypt bigcrypt'],
  platformIds: ['unix', 'hpux', 'generic'],
  // passlib 1.7.4 bigcrypt.using(salt='ab').hash('password123456789'); re-checked with libxcrypt.
  example: { password: 'password123456789', hash: 'abJnggxhB/yWI5Oupr.oYP.Aq0POnbc3hSo' },
  // Bare crypt64 of 24, 35, ... chars: a distinctive shape, but no prefix.
  rank: 80,
  offload: true,
  prefixes: CRYPT64_FIRST,
  shape: BIGCRYPT_LAYOUT,
  recognize: (s) => BIGCRYPT_SHAPE.test(s),
  parse: (s) => ({ salt: s.slice(0, 2), chunks: (s.length - 2) / 11, expected: latin1(s.slice(2)) }),
  derive(password, p) {
    const pw = cString(password);
    // A password needing another chunk count yields a digest of another length (no match);
    // computing the chunks beyond the stored ones would be wasted work.
    const needed = Math.max(1, Math.ceil(pw.length / 8));
    if (needed !== p.chunks) return new Uint8Array(0);
    let out = '';
    let salt = decodeCrypt64Int(p.salt);
    for (let k = 0; k < needed; k++) {
      const chunk = desCryptChunk(pw, 8 * k, salt);
      out += chunk;
      salt = decodeCrypt64Int(chunk.slice(0, 2));
    }
    return latin1(out);
  },
  describe: (p) => ({ chunks: p.chunks }),
});

export const desCryptSchemes: readonly Scheme[] = [bsdiCrypt, bigcrypt, desCrypt];
