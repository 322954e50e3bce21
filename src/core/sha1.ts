/**
 * SHA-1 (FIPS 180-4) in allocation-free TypeScript, for hot loops and cheap salted digests.
 * Same API shape as src/core/md5.ts: `sha1(data)`, `sha1Parts(parts)`, reusable `Sha1` context.
 * Bit-exactness against node:crypto is property-tested (test/core-digests.test.ts).
 */

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

/** Reusable SHA-1 context. No allocation after construction. */
export class Sha1 {
  /** Chaining state (5 big-endian words). */
  readonly state = new Int32Array(5);
  private readonly buf = new Uint8Array(64);
  private bufLen = 0;
  private total = 0;

  constructor() {
    this.reset();
  }

  reset(): this {
    const s = this.state;
    s[0] = 0x67452301;
    s[1] = 0xefcdab89 | 0;
    s[2] = 0x98badcfe | 0;
    s[3] = 0x10325476;
    s[4] = 0xc3d2e1f0 | 0;
    this.bufLen = 0;
    this.total = 0;
    return this;
  }

  update(data: Uint8Array, start = 0, end = data.length): this {
    let i = start;
    this.total += end - start;
    const buf = this.buf;
    if (this.bufLen > 0) {
      while (i < end && this.bufLen < 64) buf[this.bufLen++] = data[i++]!;
      if (this.bufLen < 64) return this;
      compress(this.state, buf, 0);
      this.bufLen = 0;
    }
    for (; end - i >= 64; i += 64) compress(this.state, data, i);
    while (i < end) buf[this.bufLen++] = data[i++]!;
    return this;
  }

  /** Pads and compresses the last block(s); the digest is then in `state`. */
  finish(): void {
    const buf = this.buf;
    let n = this.bufLen;
    buf[n++] = 0x80;
    if (n > 56) {
      buf.fill(0, n, 64);
      compress(this.state, buf, 0);
      n = 0;
    }
    buf.fill(0, n, 56);
    const bits = this.total * 8;
    const lo = bits % 4294967296;
    const hi = Math.floor(bits / 4294967296);
    buf[56] = hi >>> 24; buf[57] = hi >>> 16; buf[58] = hi >>> 8; buf[59] = hi;
    buf[60] = lo >>> 24; buf[61] = lo >>> 16; buf[62] = lo >>> 8; buf[63] = lo;
    compress(this.state, buf, 0);
    buf.fill(0);
    this.bufLen = 0;
  }

  /** Writes the 20-byte digest at out[off..] and resets the context. */
  digestInto(out: Uint8Array, off = 0): void {
    this.finish();
    const s = this.state;
    for (let i = 0; i < 5; i++) {
      const w = s[i]!;
      out[off + 4 * i] = w >>> 24;
      out[off + 4 * i + 1] = w >>> 16;
      out[off + 4 * i + 2] = w >>> 8;
      out[off + 4 * i + 3] = w;
    }
    this.reset();
  }

  digest(): Uint8Array {
    const out = new Uint8Array(20);
    this.digestInto(out);
    return out;
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
