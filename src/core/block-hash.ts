/**
 * The Merkle-Damgard framing MD5, SHA-1, SHA-256 and SHA-512 share: buffer the input into
 * blocks, compress each one, and pad the last with 0x80, zeros and the message length in bits.
 * A subclass gives only what differs: block size, IV, digest length, byte order (MD5
 * little-endian, the SHAs big-endian: for the length field and the digest alike) and compression.
 * Reusable and allocation-free after construction (password hashing calls these in hot loops).
 */
export abstract class BlockHash {
  /** Chaining state, as 32-bit words (SHA-512: high/low halves). */
  readonly state: Int32Array;
  private readonly buf: Uint8Array;
  private bufLen = 0;
  /** Bytes hashed so far (exact up to 2^53; password inputs are tiny). */
  private total = 0;

  protected constructor(
    private readonly iv: Int32Array,
    private readonly blockLen: number,
    /** Digest length in bytes. */
    readonly outputLen: number,
    private readonly littleEndian: boolean,
    /** Size of the length field: 8 bytes (MD5, SHA-1, SHA-256) or 16 (SHA-512). */
    private readonly lengthFieldBytes: 8 | 16 = 8,
  ) {
    this.state = new Int32Array(iv.length);
    this.buf = new Uint8Array(blockLen);
    this.reset();
  }

  /** Compresses the block at m[o..o+blockLen) into `state`. */
  protected abstract compress(m: Uint8Array, o: number): void;
  /** Wipes scratch the compression keeps outside the buffer (SHA-512's WebAssembly memory). */
  protected wipeScratch(): void {}

  reset(): this {
    this.state.set(this.iv);
    this.bufLen = 0;
    this.total = 0;
    return this;
  }

  update(data: Uint8Array, start = 0, end = data.length): this {
    const block = this.blockLen;
    const buf = this.buf;
    let i = start;
    this.total += end - start;
    if (this.bufLen > 0) {
      while (i < end && this.bufLen < block) buf[this.bufLen++] = data[i++]!;
      if (this.bufLen < block) return this;
      this.compress(buf, 0);
      this.bufLen = 0;
    }
    for (; end - i >= block; i += block) this.compress(data, i);
    while (i < end) buf[this.bufLen++] = data[i++]!;
    return this;
  }

  /**
   * Pads and compresses the last block(s); the digest is then in `state`. The length field takes
   * the block's last 8 or 16 bytes; only its low 8 bytes are written (the high ones of
   * SHA-512's 128-bit length stay zero for any real input).
   */
  finish(): void {
    const block = this.blockLen;
    const lengthAt = block - 8;
    const buf = this.buf;
    let n = this.bufLen;
    buf[n++] = 0x80;
    if (n > block - this.lengthFieldBytes) {
      buf.fill(0, n, block);
      this.compress(buf, 0);
      n = 0;
    }
    buf.fill(0, n, lengthAt);
    const bits = this.total * 8;
    const lo = bits % 4294967296;
    const hi = Math.floor(bits / 4294967296);
    if (this.littleEndian) {
      buf[lengthAt] = lo; buf[lengthAt + 1] = lo >>> 8; buf[lengthAt + 2] = lo >>> 16; buf[lengthAt + 3] = lo >>> 24;
      buf[lengthAt + 4] = hi; buf[lengthAt + 5] = hi >>> 8; buf[lengthAt + 6] = hi >>> 16; buf[lengthAt + 7] = hi >>> 24;
    } else {
      buf[lengthAt] = hi >>> 24; buf[lengthAt + 1] = hi >>> 16; buf[lengthAt + 2] = hi >>> 8; buf[lengthAt + 3] = hi;
      buf[lengthAt + 4] = lo >>> 24; buf[lengthAt + 5] = lo >>> 16; buf[lengthAt + 6] = lo >>> 8; buf[lengthAt + 7] = lo;
    }
    this.compress(buf, 0);
    buf.fill(0); // the buffer held password bytes
    this.wipeScratch();
    this.bufLen = 0;
  }

  /** Writes the digest at out[off..] and resets the context. */
  digestInto(out: Uint8Array, off = 0): void {
    this.finish();
    writeWords(this.state, out, off, this.outputLen / 4, this.littleEndian);
    this.reset();
  }

  digest(): Uint8Array {
    const out = new Uint8Array(this.outputLen);
    this.digestInto(out);
    return out;
  }

  /**
   * One-shot digest of the concatenation of `parts` (the context must be fresh: reset or just
   * digested). Perf (issue #8): a message that fits one block with its padding (<= 55 bytes;
   * SHA-512: <= 111) - a password, salt or hex digest, i.e. nearly every cheap scheme's input -
   * is copied straight into the block buffer (all zeros at rest: `finish` wipes it) with its
   * 0x80 byte and length, and compressed once; `update`'s buffering and `finish`'s fills and
   * two-word length arithmetic are skipped. Longer messages take the buffered path.
   */
  digestParts(parts: readonly Uint8Array[]): Uint8Array {
    const block = this.blockLen;
    let n = 0;
    for (let i = 0; i < parts.length; i++) n += parts[i]!.length;
    // The fast path needs a fresh context (nothing hashed yet, so the buffer is all zeros:
    // finish() and this method wipe it) and a message that fits one block with its padding.
    if (this.total !== 0 || this.bufLen !== 0 || n > block - 1 - this.lengthFieldBytes) {
      for (let i = 0; i < parts.length; i++) this.update(parts[i]!);
      return this.digest();
    }
    const buf = this.buf;
    for (let i = 0, o = 0; i < parts.length; i++) {
      const p = parts[i]!;
      for (let j = 0; j < p.length; j++) buf[o++] = p[j]!;
    }
    buf[n] = 0x80;
    // The length in bits fits the field's two lowest bytes (n <= 111); the others stay zero.
    const bits = n * 8;
    if (this.littleEndian) {
      buf[block - 8] = bits;
      buf[block - 7] = bits >>> 8;
    } else {
      buf[block - 1] = bits;
      buf[block - 2] = bits >>> 8;
    }
    this.compress(buf, 0);
    // The buffer held password bytes: zero what was written (the rest stayed zero). Loops, not
    // fill()/set(): for these few bytes a builtin call costs more than the stores.
    for (let i = 0; i <= n; i++) buf[i] = 0;
    buf[block - 1] = 0;
    buf[block - 2] = 0;
    buf[block - 7] = 0;
    buf[block - 8] = 0;
    this.wipeScratch();
    const out = new Uint8Array(this.outputLen);
    writeWords(this.state, out, 0, this.outputLen >> 2, this.littleEndian);
    const state = this.state;
    const iv = this.iv;
    for (let i = 0; i < state.length; i++) state[i] = iv[i]!;
    return out;
  }
}

/** Writes the first `count` 32-bit words of `s` at out[off..] in the given byte order. */
export function writeWords(s: Int32Array, out: Uint8Array, off: number, count: number, littleEndian: boolean): void {
  for (let i = 0; i < count; i++) {
    const w = s[i]!;
    const o = off + 4 * i;
    if (littleEndian) {
      out[o] = w; out[o + 1] = w >>> 8; out[o + 2] = w >>> 16; out[o + 3] = w >>> 24;
    } else {
      out[o] = w >>> 24; out[o + 1] = w >>> 16; out[o + 2] = w >>> 8; out[o + 3] = w;
    }
  }
}

/**
 * Bytes a `len`-byte message takes once padded for hashing: the 0x80 byte, zeros, the length
 * field (8 bytes; SHA-384/512: 16), whole blocks.
 */
export function paddedLength(len: number, blockBytes: number, lengthBytes: 8 | 16): number {
  return Math.floor((len + lengthBytes + blockBytes) / blockBytes) * blockBytes;
}

/**
 * Pads the `len`-byte message at m[off..off+len) in place, as the loops over prebuilt messages
 * hash it (md5crypt, sha-crypt, Drupal's chain); the rest of its padded length must be zero
 * already. The length field ends with the bit count as 8 bytes, little-endian for MD5, big-endian
 * for the SHAs (whose 16-byte field has zeros before it).
 */
export function padMessage(m: Uint8Array, off: number, len: number, blockBytes: number, lengthBytes: 8 | 16, littleEndian: boolean): void {
  const end = off + paddedLength(len, blockBytes, lengthBytes);
  m[off + len] = 0x80;
  const bits = len * 8;
  const lo = bits % 4294967296;
  const hi = Math.floor(bits / 4294967296);
  if (littleEndian) {
    m[end - 8] = lo; m[end - 7] = lo >>> 8; m[end - 6] = lo >>> 16; m[end - 5] = lo >>> 24;
    m[end - 4] = hi; m[end - 3] = hi >>> 8; m[end - 2] = hi >>> 16; m[end - 1] = hi >>> 24;
  } else {
    m[end - 8] = hi >>> 24; m[end - 7] = hi >>> 16; m[end - 6] = hi >>> 8; m[end - 5] = hi;
    m[end - 4] = lo >>> 24; m[end - 3] = lo >>> 16; m[end - 2] = lo >>> 8; m[end - 1] = lo;
  }
}
