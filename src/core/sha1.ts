/**
 * SHA-1 (FIPS 180-4) in allocation-free TypeScript, for hot loops and cheap salted digests.
 * Same API shape as src/core/md5.ts: `sha1(data)`, `sha1Parts(parts)`, reusable `Sha1` context.
 * Bit-exactness against node:crypto is property-tested (test/core-digests.test.ts).
 */

import { BlockHash } from './block-hash.js';

const W = new Int32Array(80);

function be32(m: Uint8Array, o: number): number {
  return (m[o]! << 24) | (m[o + 1]! << 16) | (m[o + 2]! << 8) | m[o + 3]!;
}

/** Compresses the 64-byte block at m[o..o+64) into state s (5 words). */
function compress(s: Int32Array, m: Uint8Array, o: number): void {
  const w = W;
  for (let i = 0; i < 16; i++) w[i] = be32(m, o + 4 * i);
  for (let i = 16; i < 80; i++) {
    const x = w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!;
    w[i] = (x << 1) | (x >>> 31);
  }
  let a = s[0]!, b = s[1]!, c = s[2]!, d = s[3]!, e = s[4]!;
  let i = 0;
  for (; i < 20; i++) {
    const t = (((a << 5) | (a >>> 27)) + (d ^ (b & (c ^ d))) + e + w[i]! + 0x5a827999) | 0;
    e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
  }
  for (; i < 40; i++) {
    const t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e + w[i]! + 0x6ed9eba1) | 0;
    e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
  }
  for (; i < 60; i++) {
    const t = (((a << 5) | (a >>> 27)) + ((b & c) | (d & (b | c))) + e + w[i]! - 0x70e44324) | 0;
    e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
  }
  for (; i < 80; i++) {
    const t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e + w[i]! - 0x359d3e2a) | 0;
    e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
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
  for (let i = 0; i < parts.length; i++) shared.update(parts[i]!);
  return shared.digest();
}
