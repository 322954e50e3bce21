/**
 * The JavaScript side all the WebAssembly digest modules share: instantiation, and short
 * digests through a module's compression (MD5, SHA-1, SHA-256, SHA-512). For a short digest the
 * message bytes go straight into the module's memory in the word layout it reads, the
 * compression runs once or twice from the initial state, and the digest bytes come straight out
 * of its state. Perf (issue #8): nearly every cheap scheme hashes short messages (a password, a
 * salted password, hex digests, an HMAC's key block and message); this skips the JavaScript
 * block buffer and word conversions of the general path (BlockHash), and WebAssembly code keeps
 * its speed where V8 may drop optimised JavaScript (see scripts/wasm/md5.mjs).
 */

/** The part of the WebAssembly API used here (the project's TypeScript libs do not declare it). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}

/**
 * The exports of a module compiled by scripts/build-wasm.mjs (base64), or null when there is no
 * WebAssembly (`node --jitless`, an embedder that forbids code generation) or it refuses the
 * module. `int32Views`: the caller writes words through Int32Array views, in the host's byte
 * order, while wasm memory is little-endian: null on a big-endian host too. Callers then use
 * their JavaScript fallbacks.
 */
export function instantiateWasm(base64: string, int32Views = true): Record<string, unknown> | null {
  const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  const littleEndian = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;
  if (!wasm || (int32Views && !littleEndian)) return null;
  try {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    return new wasm.Instance(new wasm.Module(bytes), {}).exports;
  } catch {
    return null;
  }
}

/** Where a module keeps the state and the (two) blocks of a short digest, and how it reads bytes. */
export interface ShortDigestLayout {
  /** Byte offsets of the state and of two blocks' room; the state lies below the blocks. */
  readonly state: number;
  readonly block: number;
  readonly blockBytes: 64 | 128;
  /** Bytes of the length field at the end of the last block (8, or SHA-512's 16). */
  readonly lengthBytes: 8 | 16;
  /**
   * Message byte k goes to block + (k ^ flip): 0 when the algorithm's words are little-endian like
   * wasm's (MD5), 3 or 7 when they are big-endian 32- or 64-bit words (the SHAs).
   */
  readonly flip: 0 | 3 | 7;
  /** Offset, from a block's start, of the int32 that holds the low 32 bits of the length in bits. */
  readonly lengthWordAt: number;
}

/**
 * The digest (its first `outLen` bytes) of the concatenation of `parts` when it fits two blocks
 * with its padding (MD5/SHA-1/SHA-256: <= 119 bytes, SHA-512: <= 239), else null (the caller
 * takes its general path). Two, not one: an HMAC's inner and outer hashes are a key block plus a
 * short message, and chained formats hash two hex digests (64 bytes). `ivWords`: the initial
 * state as the module's int32 words. Wipes the blocks and the state after use (password, digest).
 */
export function shortDigest(
  parts: readonly Uint8Array[],
  mem: Uint8Array,
  words: Int32Array,
  compress: (state: number, block: number) => void,
  layout: ShortDigestLayout,
  ivWords: Int32Array,
  outLen: number,
): Uint8Array | null {
  const { state, block, blockBytes, flip } = layout;
  let n = 0;
  for (let i = 0; i < parts.length; i++) n += parts[i]!.length;
  const blocks = n + 1 + layout.lengthBytes <= blockBytes ? 1 : 2;
  if (n + 1 + layout.lengthBytes > 2 * blockBytes) return null;
  const end = block + blocks * blockBytes;
  // Not assumed empty: a module's general path (e.g. a context mid-message) may use the block.
  words.fill(0, block >> 2, end >> 2);
  for (let i = 0, k = 0; i < parts.length; i++) {
    const p = parts[i]!;
    for (let j = 0; j < p.length; j++, k++) mem[block + (k ^ flip)] = p[j]!;
  }
  mem[block + (n ^ flip)] = 0x80;
  words[(end - blockBytes + layout.lengthWordAt) >> 2] = n * 8;
  const s = state >> 2;
  for (let i = 0; i < ivWords.length; i++) words[s + i] = ivWords[i]!;
  compress(state, block);
  if (blocks === 2) compress(state, block + blockBytes);
  const out = new Uint8Array(outLen);
  for (let k = 0; k < outLen; k++) out[k] = mem[state + (k ^ flip)]!;
  words.fill(0, s, end >> 2); // the state held the digest, the blocks the password
  return out;
}
