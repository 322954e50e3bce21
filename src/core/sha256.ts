/**
 * SHA-256 (FIPS 180-4) in allocation-free TypeScript, for cheap salted digests and the set-up
 * steps of sha256crypt. Same API shape as src/core/md5.ts: `sha256(data)`, `sha256Parts(parts)`,
 * reusable `Sha256` context. Property-tested against node:crypto (test/core-digests.test.ts).
 *
 * The compression runs in WebAssembly (src/wasm/sha256.wat: rounds and schedule unrolled by
 * scripts/wasm/sha256.mjs) when available, and sha256crypt's 5000+ rounds
 * (`sha256PatternRounds`) run entirely inside the module; src/core/sha2-wasm.ts is the
 * JavaScript side shared with SHA-512. The JavaScript rounds below are the fallback without
 * WebAssembly (`node --jitless`) and the readable reference.
 */

import { BlockHash } from './block-hash.js';
import { loadSha2Wasm, patternRoundsJs } from './sha2-wasm.js';
import { SHA256_WASM_BASE64 } from './sha256-wasm.generated.js';

// prettier-ignore
const K = Int32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
// prettier-ignore
const IV = Int32Array.from([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);

const W = new Int32Array(64);

/** The WebAssembly core (src/wasm/sha256.wat), or null (no WebAssembly). */
const WASM = loadSha2Wasm(SHA256_WASM_BASE64, 4);

function be32(m: Uint8Array, o: number): number {
  return (m[o]! << 24) | (m[o + 1]! << 16) | (m[o + 2]! << 8) | m[o + 3]!;
}

/** Compresses the 64-byte block at m[o..o+64) into state s (8 words). */
function compress(s: Int32Array, m: Uint8Array, o: number): void {
  if (WASM) {
    WASM.compressBytes(s, m, o);
    return;
  }
  const w = W;
  for (let i = 0; i < 16; i++) w[i] = be32(m, o + 4 * i);
  compressW(s);
}

/** Compresses the block already in W[0..16) into state s. */
function compressW(s: Int32Array): void {
  const w = W;
  for (let i = 16; i < 64; i++) {
    const x = w[i - 15]!;
    const y = w[i - 2]!;
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    w[i] = (s1 + w[i - 7]! + s0 + w[i - 16]!) | 0;
  }
  let a = s[0]!, b = s[1]!, c = s[2]!, d = s[3]!, e = s[4]!, f = s[5]!, g = s[6]!, h = s[7]!;
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + S1 + (g ^ (e & (f ^ g))) + K[i]! + w[i]!) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) | (c & (a | b)))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  s[0] = (s[0]! + a) | 0;
  s[1] = (s[1]! + b) | 0;
  s[2] = (s[2]! + c) | 0;
  s[3] = (s[3]! + d) | 0;
  s[4] = (s[4]! + e) | 0;
  s[5] = (s[5]! + f) | 0;
  s[6] = (s[6]! + g) | 0;
  s[7] = (s[7]! + h) | 0;
}

/**
 * SHA-224 initial state (FIPS 180-4 §5.3.2). SHA-224 is SHA-256 with this state and the digest
 * truncated to 28 bytes (cheaper here than a node:crypto Hash object, issue #8).
 */
// prettier-ignore
const IV224 = Int32Array.from([
  0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4,
]);

/** Reusable SHA-256 (or, with SHA-224's state and length, SHA-224) context. No allocation after construction. */
export class Sha256 extends BlockHash {
  constructor(iv: Int32Array = IV, outputLen: 32 | 28 = 32) {
    super(iv, 64, outputLen, false);
  }
  protected compress(m: Uint8Array, o: number): void {
    compress(this.state, m, o);
  }
  /** The compression's block and state in WebAssembly memory saw password bytes. */
  protected override wipeScratch(): void {
    if (WASM) WASM.wipe(WASM.STATE, WASM.BLOCK + 64);
  }
}

const shared = new Sha256();

/** One-shot SHA-256 of `data` (optionally of data[start..end)). */
export function sha256(data: Uint8Array, start = 0, end = data.length): Uint8Array {
  return shared.update(data, start, end).digest();
}

/** One-shot SHA-256 of the concatenation of `parts`. */
export function sha256Parts(parts: readonly Uint8Array[]): Uint8Array {
  return (WASM !== null && WASM.digestShort(parts, SHORT_IV!, 32)) || shared.digestParts(parts);
}

const shared224 = new Sha256(IV224, 28);
/** The initial states as the module's words, for its short digests (src/core/wasm.ts). */
const SHORT_IV = WASM?.nativeWords(IV);
const SHORT_IV224 = WASM?.nativeWords(IV224);

/** One-shot SHA-224 of the concatenation of `parts`. */
export function sha224Parts(parts: readonly Uint8Array[]): Uint8Array {
  return (WASM !== null && WASM.digestShort(parts, SHORT_IV224!, 28)) || shared224.digestParts(parts);
}

/**
 * `count` times h = sha256(message of round i), for loops whose messages differ only by where h
 * sits (sha256crypt step 21). `msgs` holds the padded messages as hashed (big-endian bytes,
 * whole blocks; overwritten); round i uses entry i mod 42 of `table`: [byte offset in msgs,
 * blocks, byte offset of h inside that message]. `h` (32 bytes) is read and updated in place.
 * The whole loop runs in WebAssembly when available (see Sha2Wasm.patternRounds).
 */
export function sha256PatternRounds(h: Uint8Array, msgs: Uint8Array, table: Int32Array, count: number): void {
  if (WASM?.patternRounds(h, msgs, table, count)) return;
  patternRoundsJs(h, msgs, table, count, IV, 64, compress);
  W.fill(0); // the schedule saw password bytes
}
