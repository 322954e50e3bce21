/**
 * SHA-512 (FIPS 180-4) in allocation-free TypeScript with 32-bit high/low halves (no BigInt),
 * for hot loops (Drupal 7 $S$, sha512crypt) and cheap salted digests.
 * Same API shape as src/core/md5.ts: `sha512(data)`, `sha512Parts(parts)`, reusable `Sha512`
 * context, and `sha512Chain(first, pw, count)` for phpass-style loops (h = sha512(h . pw)).
 * Property-tested against node:crypto (test/core-digests.test.ts).
 *
 * The compression runs in WebAssembly (src/wasm/sha512.wat, rounds and schedule unrolled by
 * scripts/wasm/sha512.mjs: native i64 adds and rotates; ~0.25 µs per block in sha512crypt's
 * loop here, against ~1.2 µs for the 32-bit-halves JavaScript below) when available; the
 * JavaScript rounds are the fallback and the readable reference.
 * `sha512Chain` (Drupal 7) and `sha512PatternRounds` (sha512crypt) run their whole loops inside
 * the module (src/core/sha2-wasm.ts is the JavaScript side shared with SHA-256).
 */

import { SHA512_WASM_BASE64 } from './sha512-wasm.generated.js';
import { BlockHash, padMessage, paddedLength, writeWords } from './block-hash.js';
import { loadSha2Wasm, patternRoundsJs } from './sha2-wasm.js';

// Round constants and initial state as [high, low] pairs.
// prettier-ignore
const K = Int32Array.from([
  0x428a2f98, 0xd728ae22, 0x71374491, 0x23ef65cd, 0xb5c0fbcf, 0xec4d3b2f, 0xe9b5dba5, 0x8189dbbc,
  0x3956c25b, 0xf348b538, 0x59f111f1, 0xb605d019, 0x923f82a4, 0xaf194f9b, 0xab1c5ed5, 0xda6d8118,
  0xd807aa98, 0xa3030242, 0x12835b01, 0x45706fbe, 0x243185be, 0x4ee4b28c, 0x550c7dc3, 0xd5ffb4e2,
  0x72be5d74, 0xf27b896f, 0x80deb1fe, 0x3b1696b1, 0x9bdc06a7, 0x25c71235, 0xc19bf174, 0xcf692694,
  0xe49b69c1, 0x9ef14ad2, 0xefbe4786, 0x384f25e3, 0x0fc19dc6, 0x8b8cd5b5, 0x240ca1cc, 0x77ac9c65,
  0x2de92c6f, 0x592b0275, 0x4a7484aa, 0x6ea6e483, 0x5cb0a9dc, 0xbd41fbd4, 0x76f988da, 0x831153b5,
  0x983e5152, 0xee66dfab, 0xa831c66d, 0x2db43210, 0xb00327c8, 0x98fb213f, 0xbf597fc7, 0xbeef0ee4,
  0xc6e00bf3, 0x3da88fc2, 0xd5a79147, 0x930aa725, 0x06ca6351, 0xe003826f, 0x14292967, 0x0a0e6e70,
  0x27b70a85, 0x46d22ffc, 0x2e1b2138, 0x5c26c926, 0x4d2c6dfc, 0x5ac42aed, 0x53380d13, 0x9d95b3df,
  0x650a7354, 0x8baf63de, 0x766a0abb, 0x3c77b2a8, 0x81c2c92e, 0x47edaee6, 0x92722c85, 0x1482353b,
  0xa2bfe8a1, 0x4cf10364, 0xa81a664b, 0xbc423001, 0xc24b8b70, 0xd0f89791, 0xc76c51a3, 0x0654be30,
  0xd192e819, 0xd6ef5218, 0xd6990624, 0x5565a910, 0xf40e3585, 0x5771202a, 0x106aa070, 0x32bbd1b8,
  0x19a4c116, 0xb8d2d0c8, 0x1e376c08, 0x5141ab53, 0x2748774c, 0xdf8eeb99, 0x34b0bcb5, 0xe19b48a8,
  0x391c0cb3, 0xc5c95a63, 0x4ed8aa4a, 0xe3418acb, 0x5b9cca4f, 0x7763e373, 0x682e6ff3, 0xd6b2b8a3,
  0x748f82ee, 0x5defb2fc, 0x78a5636f, 0x43172f60, 0x84c87814, 0xa1f0ab72, 0x8cc70208, 0x1a6439ec,
  0x90befffa, 0x23631e28, 0xa4506ceb, 0xde82bde9, 0xbef9a3f7, 0xb2c67915, 0xc67178f2, 0xe372532b,
  0xca273ece, 0xea26619c, 0xd186b8c7, 0x21c0c207, 0xeada7dd6, 0xcde0eb1e, 0xf57d4f7f, 0xee6ed178,
  0x06f067aa, 0x72176fba, 0x0a637dc5, 0xa2c898a6, 0x113f9804, 0xbef90dae, 0x1b710b35, 0x131c471b,
  0x28db77f5, 0x23047d84, 0x32caab7b, 0x40c72493, 0x3c9ebe0a, 0x15c9bebc, 0x431d67c4, 0x9c100d4c,
  0x4cc5d4be, 0xcb3e42b6, 0x597f299c, 0xfc657e2a, 0x5fcb6fab, 0x3ad6faec, 0x6c44198c, 0x4a475817,
]);
// prettier-ignore
const IV = Int32Array.from([
  0x6a09e667, 0xf3bcc908, 0xbb67ae85, 0x84caa73b, 0x3c6ef372, 0xfe94f82b, 0xa54ff53a, 0x5f1d36f1,
  0x510e527f, 0xade682d1, 0x9b05688c, 0x2b3e6c1f, 0x1f83d9ab, 0xfb41bd6b, 0x5be0cd19, 0x137e2179,
]);

const WH = new Int32Array(80);
const WL = new Int32Array(80);
/** One block as 32 big-endian words. */
const BLOCK = new Int32Array(32);

// ---------- WebAssembly core (src/wasm/sha512.wat): native 64-bit arithmetic ----------
const WASM = loadSha2Wasm(SHA512_WASM_BASE64, 8);

function be32(m: Uint8Array, o: number): number {
  return (m[o]! << 24) | (m[o + 1]! << 16) | (m[o + 2]! << 8) | m[o + 3]!;
}

function compress(s: Int32Array, m: Uint8Array, o: number): void {
  if (WASM) {
    WASM.compressBytes(s, m, o);
    return;
  }
  for (let i = 0; i < 32; i++) BLOCK[i] = be32(m, o + 4 * i);
  compressWords(s, BLOCK, 0);
}

/** Compresses one block given as 32 big-endian words w[wo..wo+32) into state s (16 words). */
function compressWords(s: Int32Array, w: Int32Array, wo: number): void {
  const wh = WH;
  const wl = WL;
  for (let i = 0; i < 16; i++) {
    wh[i] = w[wo + 2 * i]!;
    wl[i] = w[wo + 2 * i + 1]!;
  }
  for (let i = 16; i < 80; i++) {
    // sigma0(w[i-15]) = rotr1 ^ rotr8 ^ shr7
    const xh = wh[i - 15]!;
    const xl = wl[i - 15]!;
    const s0h = ((xh >>> 1) | (xl << 31)) ^ ((xh >>> 8) | (xl << 24)) ^ (xh >>> 7);
    const s0l = ((xl >>> 1) | (xh << 31)) ^ ((xl >>> 8) | (xh << 24)) ^ ((xl >>> 7) | (xh << 25));
    // sigma1(w[i-2]) = rotr19 ^ rotr61 ^ shr6
    const yh = wh[i - 2]!;
    const yl = wl[i - 2]!;
    const s1h = ((yh >>> 19) | (yl << 13)) ^ ((yl >>> 29) | (yh << 3)) ^ (yh >>> 6);
    const s1l = ((yl >>> 19) | (yh << 13)) ^ ((yh >>> 29) | (yl << 3)) ^ ((yl >>> 6) | (yh << 26));
    const lo = (s0l >>> 0) + (s1l >>> 0) + (wl[i - 7]! >>> 0) + (wl[i - 16]! >>> 0);
    wh[i] = (s0h + s1h + wh[i - 7]! + wh[i - 16]! + ((lo * 2.3283064365386963e-10) | 0)) | 0;
    wl[i] = lo | 0;
  }
  let Ah = s[0]!, Al = s[1]!, Bh = s[2]!, Bl = s[3]!, Ch = s[4]!, Cl = s[5]!, Dh = s[6]!, Dl = s[7]!;
  let Eh = s[8]!, El = s[9]!, Fh = s[10]!, Fl = s[11]!, Gh = s[12]!, Gl = s[13]!, Hh = s[14]!, Hl = s[15]!;
  for (let i = 0; i < 80; i++) {
    // Sigma1(e) = rotr14 ^ rotr18 ^ rotr41
    const S1h = ((Eh >>> 14) | (El << 18)) ^ ((Eh >>> 18) | (El << 14)) ^ ((El >>> 9) | (Eh << 23));
    const S1l = ((El >>> 14) | (Eh << 18)) ^ ((El >>> 18) | (Eh << 14)) ^ ((Eh >>> 9) | (El << 23));
    const chh = Gh ^ (Eh & (Fh ^ Gh));
    const chl = Gl ^ (El & (Fl ^ Gl));
    const t1ll = (Hl >>> 0) + (S1l >>> 0) + (chl >>> 0) + (K[2 * i + 1]! >>> 0) + (wl[i]! >>> 0);
    const t1h = (Hh + S1h + chh + K[2 * i]! + wh[i]! + ((t1ll * 2.3283064365386963e-10) | 0)) | 0;
    const t1l = t1ll | 0;
    // Sigma0(a) = rotr28 ^ rotr34 ^ rotr39
    const S0h = ((Ah >>> 28) | (Al << 4)) ^ ((Al >>> 2) | (Ah << 30)) ^ ((Al >>> 7) | (Ah << 25));
    const S0l = ((Al >>> 28) | (Ah << 4)) ^ ((Ah >>> 2) | (Al << 30)) ^ ((Ah >>> 7) | (Al << 25));
    const majh = (Ah & Bh) | (Ch & (Ah | Bh));
    const majl = (Al & Bl) | (Cl & (Al | Bl));
    Hh = Gh; Hl = Gl;
    Gh = Fh; Gl = Fl;
    Fh = Eh; Fl = El;
    const el = (Dl >>> 0) + (t1l >>> 0);
    Eh = (Dh + t1h + ((el * 2.3283064365386963e-10) | 0)) | 0;
    El = el | 0;
    Dh = Ch; Dl = Cl;
    Ch = Bh; Cl = Bl;
    Bh = Ah; Bl = Al;
    const al = (t1l >>> 0) + (S0l >>> 0) + (majl >>> 0);
    Ah = (t1h + S0h + majh + ((al * 2.3283064365386963e-10) | 0)) | 0;
    Al = al | 0;
  }
  add(s, 0, Ah, Al);
  add(s, 2, Bh, Bl);
  add(s, 4, Ch, Cl);
  add(s, 6, Dh, Dl);
  add(s, 8, Eh, El);
  add(s, 10, Fh, Fl);
  add(s, 12, Gh, Gl);
  add(s, 14, Hh, Hl);
}

function add(s: Int32Array, i: number, h: number, l: number): void {
  const lo = (s[i + 1]! >>> 0) + (l >>> 0);
  s[i] = (s[i]! + h + ((lo * 2.3283064365386963e-10) | 0)) | 0;
  s[i + 1] = lo | 0;
}

/**
 * SHA-384 initial state (FIPS 180-4 §5.3.4), as [high, low] pairs. SHA-384 is SHA-512 with this
 * state and the digest truncated to 48 bytes: node:crypto's Hash object costs ~2 µs per short
 * digest here, ~3x the WebAssembly compression (issue #8).
 */
// prettier-ignore
const IV384 = Int32Array.from([
  0xcbbb9d5d, 0xc1059ed8, 0x629a292a, 0x367cd507, 0x9159015a, 0x3070dd17, 0x152fecd8, 0xf70e5939,
  0x67332667, 0xffc00b31, 0x8eb44a87, 0x68581511, 0xdb0c2e0d, 0x64f98fa7, 0x47b5481d, 0xbefa4fa4,
]);

/** Reusable SHA-512 (or, with SHA-384's state and length, SHA-384) context. No allocation after construction. */
export class Sha512 extends BlockHash {
  constructor(iv: Int32Array = IV, outputLen: 64 | 48 = 64) {
    super(iv, 128, outputLen, false, 16);
  }
  protected compress(m: Uint8Array, o: number): void {
    compress(this.state, m, o);
  }
  /** The compression's message schedule and WebAssembly memory saw password bytes. */
  protected override wipeScratch(): void {
    BLOCK.fill(0);
    if (WASM) WASM.wipe(WASM.STATE, WASM.BLOCK + 128);
  }
}

/** SHA-512 state (16 half-words, high first) as its 64 big-endian digest bytes. */
function writeBe(s: Int32Array, out: Uint8Array, off: number): void {
  writeWords(s, out, off, 16, false);
}

const shared = new Sha512();

/** One-shot SHA-512 of `data` (optionally of data[start..end)). */
export function sha512(data: Uint8Array, start = 0, end = data.length): Uint8Array {
  return shared.update(data, start, end).digest();
}

/** One-shot SHA-512 of the concatenation of `parts`. */
export function sha512Parts(parts: readonly Uint8Array[]): Uint8Array {
  return (WASM !== null && WASM.digestShort(parts, SHORT_IV!, 64)) || shared.digestParts(parts);
}

const shared384 = new Sha512(IV384, 48);
/** The initial states as the module's words, for its short digests (src/core/wasm.ts). */
const SHORT_IV = WASM?.nativeWords(IV);
const SHORT_IV384 = WASM?.nativeWords(IV384);

/** One-shot SHA-384 of the concatenation of `parts`. */
export function sha384Parts(parts: readonly Uint8Array[]): Uint8Array {
  return (WASM !== null && WASM.digestShort(parts, SHORT_IV384!, 48)) || shared384.digestParts(parts);
}

/**
 * h = sha512(first . password); then `count` times h = sha512(h . password). Returns the raw
 * final h. The padded message (64 digest bytes + password) is converted to words once; each round
 * copies the 16 state words in as the first message words. Allocation-free inside the loop.
 */
export function sha512Chain(first: Uint8Array, password: Uint8Array, count: number): Uint8Array {
  const ctx = shared;
  ctx.update(first).update(password);
  ctx.finish();
  const h = ctx.state;
  const len = 64 + password.length;
  const total = paddedLength(len, 128, 16);
  const m = new Uint8Array(total);
  m.set(password, 64);
  padMessage(m, 0, len, 128, 16, false);
  const nblocks = total / 128;
  if (WASM?.reserve(WASM.MSG + total)) {
    // Message words in wasm memory; the whole loop runs there.
    WASM.writeWords(m, 0, total, WASM.MSG);
    m.fill(0);
    WASM.stateIn(h, WASM.H);
    WASM.chain!(nblocks, count);
    WASM.stateOut(h, WASM.H);
    WASM.wipe(WASM.H, WASM.MSG + total); // the message holds the password
    const out = new Uint8Array(64);
    writeBe(h, out, 0);
    ctx.reset();
    return out;
  }
  const words = new Int32Array(total / 4);
  for (let i = 0; i < words.length; i++) words[i] = be32(m, 4 * i);
  m.fill(0);
  const s = new Int32Array(16);
  for (let i = 0; i < count; i++) {
    words.set(h);
    s.set(IV);
    for (let o = 0; o < words.length; o += 32) compressWords(s, words, o);
    h.set(s);
  }
  const out = new Uint8Array(64);
  writeBe(h, out, 0);
  words.fill(0);
  WH.fill(0);
  WL.fill(0);
  ctx.reset();
  return out;
}

/**
 * `count` times h = sha512(message of round i), for loops whose messages differ only by where
 * h sits (sha512crypt step 21). `msgs` holds the padded messages as hashed (big-endian bytes,
 * whole blocks; overwritten); round i uses entry i mod 42 of `table`: [byte offset in msgs,
 * blocks, byte offset of h inside that message]. `h` (64 bytes) is read and updated in place.
 * The whole loop runs in WebAssembly when available (see Sha2Wasm.patternRounds).
 */
export function sha512PatternRounds(h: Uint8Array, msgs: Uint8Array, table: Int32Array, count: number): void {
  if (WASM?.patternRounds(h, msgs, table, count)) return;
  patternRoundsJs(h, msgs, table, count, IV, 128, compress);
  BLOCK.fill(0); // the message words and schedule saw password bytes
  WH.fill(0);
  WL.fill(0);
}

// Type feedback for every path before a long first call is optimized mid-loop (see md5.ts).
for (let i = 0; i < 16; i++) {
  sha512Chain(new Uint8Array(8), new Uint8Array(8), 1);
  sha512(new Uint8Array(200));
}
