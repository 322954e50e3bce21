/**
 * SHA-1 (FIPS 180-4) in allocation-free TypeScript, for hot loops and cheap salted digests.
 * Same API shape as src/core/md5.ts: `sha1(data)`, `sha1Parts(parts)`, reusable `Sha1` context.
 * Bit-exactness against node:crypto is property-tested (test/core-digests.test.ts).
 */

import { BlockHash } from './block-hash.js';
import { SHA1_WASM_BASE64 } from './sha1-wasm.generated.js';
import { instantiateWasm, shortDigest, type ShortDigestLayout } from './wasm.js';

function be32(m: Uint8Array, o: number): number {
  return (m[o]! << 24) | (m[o + 1]! << 16) | (m[o + 2]! << 8) | m[o + 3]!;
}

/**
 * Compresses the 64-byte block at m[o..o+64) into state s (5 words).
 *
 * Spelled out: the 80 rounds, with the message schedule in 16 local words (w[t] replaces
 * w[t - 16] once that is no longer read, FIPS 180-4 §6.1.3), so V8 keeps the whole block in
 * registers. Perf (issue #8): ~120 ns per block here, against ~220 ns for rounds reading an
 * 80-word schedule array (unrolling the rounds alone made no difference). Round constants:
 * K = 0x5a827999, 0x6ed9eba1, 0x8f1bbcdc (written - 0x70e44324) and 0xca62c1d6 (- 0x359d3e2a)
 * for rounds 0-19, 20-39, 40-59, 60-79 (§4.2.1); the last two as negative int32 additions.
 */
function compress(s: Int32Array, m: Uint8Array, o: number): void {
  let w0 = be32(m, o + 0);
  let w1 = be32(m, o + 4);
  let w2 = be32(m, o + 8);
  let w3 = be32(m, o + 12);
  let w4 = be32(m, o + 16);
  let w5 = be32(m, o + 20);
  let w6 = be32(m, o + 24);
  let w7 = be32(m, o + 28);
  let w8 = be32(m, o + 32);
  let w9 = be32(m, o + 36);
  let w10 = be32(m, o + 40);
  let w11 = be32(m, o + 44);
  let w12 = be32(m, o + 48);
  let w13 = be32(m, o + 52);
  let w14 = be32(m, o + 56);
  let w15 = be32(m, o + 60);
  let a = s[0]!, b = s[1]!, c = s[2]!, d = s[3]!, e = s[4]!;
  let t: number;
  let x: number;
  // prettier-ignore
  {
    t = (((a << 5) | (a >>> 27)) + (d ^ (b & (c ^ d))) + 0x5a827999 + e + w0) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    t = (((a << 5) | (a >>> 27)) + (d ^ (b & (c ^ d))) + 0x5a827999 + e + w1) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    t = (((a << 5) | (a >>> 27)) + (d ^ (b & (c ^ d))) + 0x5a827999 + e + w2) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    t = (((a << 5) | (a >>> 27)) + (d ^ (b & (c ^ d))) + 0x5a827999 + e + w3) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    t = (((a << 5) | (a >>> 27)) + (d ^ (b & (c ^ d))) + 0x5a827999 + e + w4) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    t = (((a << 5) | (a >>> 27)) + (d ^ (b & (c ^ d))) + 0x5a827999 + e + w5) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    t = (((a << 5) | (a >>> 27)) + (d ^ (b & (c ^ d))) + 0x5a827999 + e + w6) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    t = (((a << 5) | (a >>> 27)) + (d ^ (b & (c ^ d))) + 0x5a827999 + e + w7) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    t = (((a << 5) | (a >>> 27)) + (d ^ (b & (c ^ d))) + 0x5a827999 + e + w8) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    t = (((a << 5) | (a >>> 27)) + (d ^ (b & (c ^ d))) + 0x5a827999 + e + w9) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    t = (((a << 5) | (a >>> 27)) + (d ^ (b & (c ^ d))) + 0x5a827999 + e + w10) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    t = (((a << 5) | (a >>> 27)) + (d ^ (b & (c ^ d))) + 0x5a827999 + e + w11) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    t = (((a << 5) | (a >>> 27)) + (d ^ (b & (c ^ d))) + 0x5a827999 + e + w12) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    t = (((a << 5) | (a >>> 27)) + (d ^ (b & (c ^ d))) + 0x5a827999 + e + w13) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    t = (((a << 5) | (a >>> 27)) + (d ^ (b & (c ^ d))) + 0x5a827999 + e + w14) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    t = (((a << 5) | (a >>> 27)) + (d ^ (b & (c ^ d))) + 0x5a827999 + e + w15) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w13 ^ w8 ^ w2 ^ w0; w0 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + (d ^ (b & (c ^ d))) + 0x5a827999 + e + w0) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w14 ^ w9 ^ w3 ^ w1; w1 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + (d ^ (b & (c ^ d))) + 0x5a827999 + e + w1) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w15 ^ w10 ^ w4 ^ w2; w2 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + (d ^ (b & (c ^ d))) + 0x5a827999 + e + w2) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w0 ^ w11 ^ w5 ^ w3; w3 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + (d ^ (b & (c ^ d))) + 0x5a827999 + e + w3) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w1 ^ w12 ^ w6 ^ w4; w4 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + 0x6ed9eba1 + e + w4) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w2 ^ w13 ^ w7 ^ w5; w5 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + 0x6ed9eba1 + e + w5) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w3 ^ w14 ^ w8 ^ w6; w6 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + 0x6ed9eba1 + e + w6) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w4 ^ w15 ^ w9 ^ w7; w7 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + 0x6ed9eba1 + e + w7) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w5 ^ w0 ^ w10 ^ w8; w8 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + 0x6ed9eba1 + e + w8) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w6 ^ w1 ^ w11 ^ w9; w9 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + 0x6ed9eba1 + e + w9) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w7 ^ w2 ^ w12 ^ w10; w10 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + 0x6ed9eba1 + e + w10) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w8 ^ w3 ^ w13 ^ w11; w11 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + 0x6ed9eba1 + e + w11) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w9 ^ w4 ^ w14 ^ w12; w12 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + 0x6ed9eba1 + e + w12) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w10 ^ w5 ^ w15 ^ w13; w13 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + 0x6ed9eba1 + e + w13) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w11 ^ w6 ^ w0 ^ w14; w14 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + 0x6ed9eba1 + e + w14) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w12 ^ w7 ^ w1 ^ w15; w15 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + 0x6ed9eba1 + e + w15) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w13 ^ w8 ^ w2 ^ w0; w0 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + 0x6ed9eba1 + e + w0) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w14 ^ w9 ^ w3 ^ w1; w1 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + 0x6ed9eba1 + e + w1) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w15 ^ w10 ^ w4 ^ w2; w2 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + 0x6ed9eba1 + e + w2) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w0 ^ w11 ^ w5 ^ w3; w3 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + 0x6ed9eba1 + e + w3) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w1 ^ w12 ^ w6 ^ w4; w4 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + 0x6ed9eba1 + e + w4) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w2 ^ w13 ^ w7 ^ w5; w5 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + 0x6ed9eba1 + e + w5) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w3 ^ w14 ^ w8 ^ w6; w6 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + 0x6ed9eba1 + e + w6) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w4 ^ w15 ^ w9 ^ w7; w7 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + 0x6ed9eba1 + e + w7) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w5 ^ w0 ^ w10 ^ w8; w8 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + ((b & c) | (d & (b | c))) - 0x70e44324 + e + w8) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w6 ^ w1 ^ w11 ^ w9; w9 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + ((b & c) | (d & (b | c))) - 0x70e44324 + e + w9) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w7 ^ w2 ^ w12 ^ w10; w10 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + ((b & c) | (d & (b | c))) - 0x70e44324 + e + w10) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w8 ^ w3 ^ w13 ^ w11; w11 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + ((b & c) | (d & (b | c))) - 0x70e44324 + e + w11) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w9 ^ w4 ^ w14 ^ w12; w12 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + ((b & c) | (d & (b | c))) - 0x70e44324 + e + w12) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w10 ^ w5 ^ w15 ^ w13; w13 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + ((b & c) | (d & (b | c))) - 0x70e44324 + e + w13) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w11 ^ w6 ^ w0 ^ w14; w14 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + ((b & c) | (d & (b | c))) - 0x70e44324 + e + w14) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w12 ^ w7 ^ w1 ^ w15; w15 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + ((b & c) | (d & (b | c))) - 0x70e44324 + e + w15) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w13 ^ w8 ^ w2 ^ w0; w0 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + ((b & c) | (d & (b | c))) - 0x70e44324 + e + w0) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w14 ^ w9 ^ w3 ^ w1; w1 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + ((b & c) | (d & (b | c))) - 0x70e44324 + e + w1) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w15 ^ w10 ^ w4 ^ w2; w2 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + ((b & c) | (d & (b | c))) - 0x70e44324 + e + w2) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w0 ^ w11 ^ w5 ^ w3; w3 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + ((b & c) | (d & (b | c))) - 0x70e44324 + e + w3) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w1 ^ w12 ^ w6 ^ w4; w4 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + ((b & c) | (d & (b | c))) - 0x70e44324 + e + w4) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w2 ^ w13 ^ w7 ^ w5; w5 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + ((b & c) | (d & (b | c))) - 0x70e44324 + e + w5) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w3 ^ w14 ^ w8 ^ w6; w6 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + ((b & c) | (d & (b | c))) - 0x70e44324 + e + w6) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w4 ^ w15 ^ w9 ^ w7; w7 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + ((b & c) | (d & (b | c))) - 0x70e44324 + e + w7) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w5 ^ w0 ^ w10 ^ w8; w8 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + ((b & c) | (d & (b | c))) - 0x70e44324 + e + w8) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w6 ^ w1 ^ w11 ^ w9; w9 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + ((b & c) | (d & (b | c))) - 0x70e44324 + e + w9) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w7 ^ w2 ^ w12 ^ w10; w10 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + ((b & c) | (d & (b | c))) - 0x70e44324 + e + w10) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w8 ^ w3 ^ w13 ^ w11; w11 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + ((b & c) | (d & (b | c))) - 0x70e44324 + e + w11) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w9 ^ w4 ^ w14 ^ w12; w12 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) - 0x359d3e2a + e + w12) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w10 ^ w5 ^ w15 ^ w13; w13 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) - 0x359d3e2a + e + w13) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w11 ^ w6 ^ w0 ^ w14; w14 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) - 0x359d3e2a + e + w14) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w12 ^ w7 ^ w1 ^ w15; w15 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) - 0x359d3e2a + e + w15) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w13 ^ w8 ^ w2 ^ w0; w0 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) - 0x359d3e2a + e + w0) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w14 ^ w9 ^ w3 ^ w1; w1 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) - 0x359d3e2a + e + w1) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w15 ^ w10 ^ w4 ^ w2; w2 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) - 0x359d3e2a + e + w2) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w0 ^ w11 ^ w5 ^ w3; w3 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) - 0x359d3e2a + e + w3) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w1 ^ w12 ^ w6 ^ w4; w4 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) - 0x359d3e2a + e + w4) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w2 ^ w13 ^ w7 ^ w5; w5 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) - 0x359d3e2a + e + w5) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w3 ^ w14 ^ w8 ^ w6; w6 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) - 0x359d3e2a + e + w6) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w4 ^ w15 ^ w9 ^ w7; w7 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) - 0x359d3e2a + e + w7) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w5 ^ w0 ^ w10 ^ w8; w8 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) - 0x359d3e2a + e + w8) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w6 ^ w1 ^ w11 ^ w9; w9 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) - 0x359d3e2a + e + w9) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w7 ^ w2 ^ w12 ^ w10; w10 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) - 0x359d3e2a + e + w10) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w8 ^ w3 ^ w13 ^ w11; w11 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) - 0x359d3e2a + e + w11) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w9 ^ w4 ^ w14 ^ w12; w12 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) - 0x359d3e2a + e + w12) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w10 ^ w5 ^ w15 ^ w13; w13 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) - 0x359d3e2a + e + w13) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w11 ^ w6 ^ w0 ^ w14; w14 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) - 0x359d3e2a + e + w14) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    x = w12 ^ w7 ^ w1 ^ w15; w15 = (x << 1) | (x >>> 31); t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) - 0x359d3e2a + e + w15) | 0; e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
  }
  s[0] = (s[0]! + a) | 0;
  s[1] = (s[1]! + b) | 0;
  s[2] = (s[2]! + c) | 0;
  s[3] = (s[3]! + d) | 0;
  s[4] = (s[4]! + e) | 0;
}

/** SHA-1 initial state (FIPS 180-4 §5.3.1). */
const IV = Int32Array.of(0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476, 0xc3d2e1f0 | 0);

/** Reusable SHA-1 context. No allocation after construction. */
export class Sha1 extends BlockHash {
  constructor() {
    super(IV, 64, 20, false);
  }
  protected compress(m: Uint8Array, o: number): void {
    compress(this.state, m, o);
  }
}

const shared = new Sha1();

/** One-shot SHA-1 of `data` (optionally of data[start..end)). */
export function sha1(data: Uint8Array, start = 0, end = data.length): Uint8Array {
  return shared.update(data, start, end).digest();
}

/** One-shot SHA-1 of the concatenation of `parts`. */
export function sha1Parts(parts: readonly Uint8Array[]): Uint8Array {
  // Up to two blocks (<= 119 bytes: nearly every cheap scheme's input) through the module's $compress.
  return (WASM !== null && shortDigest(parts, WASM.bytes, WASM.words, WASM.compress, WASM.layout, IV, 20)) || shared.digestParts(parts);
}

// ---------- WebAssembly compression (src/wasm/sha1.wat, generated by scripts/wasm/sha1.mjs) ----------

interface WasmSha1 {
  readonly compress: (state: number, block: number) => void;
  /** Views of the module's memory (one page; it never grows). */
  readonly bytes: Uint8Array;
  readonly words: Int32Array;
  readonly layout: ShortDigestLayout;
}

/** The module, or null (no WebAssembly: the JavaScript compression above does all the work). */
const WASM: WasmSha1 | null = loadWasm();

function loadWasm(): WasmSha1 | null {
  const exports = instantiateWasm(SHA1_WASM_BASE64);
  if (!exports) return null;
  const memory = exports['memory'] as { buffer: ArrayBuffer };
  const at = (name: string) => (exports[name] as { value: number }).value;
  const core: WasmSha1 = {
    compress: exports['compress'] as WasmSha1['compress'],
    bytes: new Uint8Array(memory.buffer),
    words: new Int32Array(memory.buffer),
    // Big-endian 32-bit words: message byte k at BLOCK + (k ^ 3); the length's low word is the last.
    layout: { state: at('STATE'), block: at('BLOCK'), blockBytes: 64, lengthBytes: 8, flip: 3, lengthWordAt: 60 },
  };
  // Spend V8's tier-up budget now (see loadSha2Wasm): the first logins get the optimised code.
  for (let i = 0; i < 256; i++) core.compress(core.layout.state, core.layout.block);
  core.words.fill(0);
  return core;
}
