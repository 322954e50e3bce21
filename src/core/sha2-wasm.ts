/**
 * The JavaScript side of the SHA-2 WebAssembly modules (src/wasm/sha256.wat and sha512.wat,
 * written by scripts/wasm/sha2.mjs): loading, memory growth, word conversion, wiping, and the
 * sha-crypt round loop over prebuilt messages (`patternRounds`), with its JavaScript fallback
 * (`patternRoundsJs`) for hosts without WebAssembly (`node --jitless`).
 *
 * Both modules share one memory map, exported by each module as globals (see the generator):
 * IV, H (the state being computed), STATE/BLOCK (one compression called from JavaScript),
 * TABLE (round entries), MID (midstates) and MSG (messages and precomputed schedules, up to the
 * end of memory, grown here).
 */

import { writeWords } from './block-hash.js';
import { instantiateWasm, shortDigest, type ShortDigestLayout } from './wasm.js';

interface WasmMemory {
  buffer: ArrayBuffer;
  grow(pages: number): number;
}

/** WebAssembly page size (bytes): memory grows in these. */
const PAGE = 65536;
/** Calls of $compress and $compress_wk that exhaust V8's tier-up budget for them (see loadSha2Wasm). */
const WARM_UP_CALLS = 256;
/** sha-crypt's rounds repeat every 42 (lcm of 2, 3, 7): the table has 42 entries. */
const PERIOD = 42;
/** Distinct messages among them (odd/even x S or not x second P or not): MID has a slot for each. */
const MAX_LAYOUTS = 8;

export class Sha2Wasm {
  readonly IV: number;
  readonly H: number;
  readonly TABLE: number;
  readonly MID: number;
  readonly STATE: number;
  readonly BLOCK: number;
  readonly MSG: number;
  /** Bytes of one precomputed schedule (see `expand`) and of one TABLE entry. */
  readonly WK_BYTES: number;
  readonly ENTRY_BYTES: number;
  /** state (8 words at byte offset s) += compression of the block of 16 words at byte offset m. */
  readonly compress: (s: number, m: number) => void;
  /** The same with K[t] + W[t] precomputed at byte offset m by `expand` (no message schedule). */
  readonly compressWk: (s: number, m: number) => void;
  /** Writes K[t] + W[t] of the block at byte offset m to byte offset wk (WK_BYTES bytes). */
  private readonly expand: (m: number, wk: number) => void;
  /** sha-crypt step 21 over TABLE (see patternRounds). */
  private readonly crypt: (count: number) => void;
  /** SHA-512 only: `count` times H = H(H . rest) over the `nblocks` blocks at MSG. */
  readonly chain: ((nblocks: number, count: number) => void) | undefined;
  private readonly memory: WasmMemory;
  /**
   * An int32 view of the memory. Only `reserve` grows the memory (the modules never do), and
   * growing detaches the old buffer, so `reserve` makes a new view (reading `memory.buffer`
   * on every call instead would cost a native call per block).
   */
  private view: Int32Array;
  /** The same memory as bytes (made with `view`). */
  private bytes: Uint8Array;
  /** STATE and BLOCK (room for two blocks before TABLE) as src/core/wasm.ts's short digests read them. */
  private readonly short: ShortDigestLayout;
  /** Words of 8 bytes are two int32 views, low half first (wasm is little-endian). */
  private readonly swap: number;

  constructor(
    exports: Record<string, unknown>,
    /** Word size: 4 (SHA-256) or 8 (SHA-512). */
    readonly wordBytes: 4 | 8,
  ) {
    const at = (name: string) => (exports[name] as { value: number }).value;
    this.IV = at('IV');
    this.H = at('H');
    this.TABLE = at('TABLE');
    this.MID = at('MID');
    this.STATE = at('STATE');
    this.BLOCK = at('BLOCK');
    this.MSG = at('MSG');
    this.WK_BYTES = at('WK_BYTES');
    this.ENTRY_BYTES = at('ENTRY_BYTES');
    this.compress = exports['compress'] as Sha2Wasm['compress'];
    this.compressWk = exports['compress_wk'] as Sha2Wasm['compressWk'];
    this.expand = exports['expand'] as Sha2Wasm['expand'];
    this.crypt = exports['crypt'] as Sha2Wasm['crypt'];
    this.chain = exports['chain'] as Sha2Wasm['chain'];
    this.memory = exports['memory'] as WasmMemory;
    this.view = new Int32Array(this.memory.buffer);
    this.bytes = new Uint8Array(this.memory.buffer);
    this.swap = wordBytes === 8 ? 1 : 0;
    const bs = 16 * wordBytes;
    // The length's low 32 bits: the last word's (SHA-512: its low half, the first int32 of it).
    this.short = { state: this.STATE, block: this.BLOCK, blockBytes: bs as 64 | 128, lengthBytes: (2 * wordBytes) as 8 | 16, flip: (wordBytes - 1) as 3 | 7, lengthWordAt: bs - wordBytes };
  }

  /** Makes the memory at least `bytes` long; false if it cannot grow that far. */
  reserve(bytes: number): boolean {
    const have = this.view.byteLength;
    if (bytes <= have) return true;
    try {
      this.memory.grow(Math.ceil((bytes - have) / PAGE));
    } catch {
      return false; // out of memory (or beyond the 4 GiB of wasm32): the caller falls back
    }
    this.view = new Int32Array(this.memory.buffer);
    this.bytes = new Uint8Array(this.memory.buffer);
    return true;
  }

  /** Writes src[start..start+len) (a whole number of words, big-endian) as native words at byte offset `at`. */
  writeWords(src: Uint8Array, start: number, len: number, at: number): void {
    const mem = this.view;
    const base = at >> 2;
    const swap = this.swap;
    for (let i = 0, o = start; i < len >> 2; i++, o += 4) {
      mem[base + (i ^ swap)] = (src[o]! << 24) | (src[o + 1]! << 16) | (src[o + 2]! << 8) | src[o + 3]!;
    }
  }

  /** Reads `len` bytes of native words at byte offset `at` as big-endian bytes into out[off..]. */
  readWords(at: number, len: number, out: Uint8Array, off: number): void {
    const mem = this.view;
    const base = at >> 2;
    const swap = this.swap;
    for (let i = 0, o = off; i < len >> 2; i++, o += 4) {
      const w = mem[base + (i ^ swap)]!;
      out[o] = w >>> 24;
      out[o + 1] = w >>> 16;
      out[o + 2] = w >>> 8;
      out[o + 3] = w;
    }
  }

  /**
   * Copies a state as the JavaScript cores keep it (big-endian 32-bit words; SHA-512: high half
   * first) into wasm memory at byte offset `at`, as native words.
   */
  stateIn(s: Int32Array, at: number): void {
    const mem = this.view;
    const base = at >> 2;
    for (let i = 0; i < s.length; i++) mem[base + (i ^ this.swap)] = s[i]!;
  }

  /** The reverse of `stateIn`. */
  stateOut(s: Int32Array, at: number): void {
    const mem = this.view;
    const base = at >> 2;
    for (let i = 0; i < s.length; i++) s[i] = mem[base + (i ^ this.swap)]!;
  }

  /** Compresses the block at m[o..o+block) into state s (kept as in `stateIn`), through STATE/BLOCK. */
  compressBytes(s: Int32Array, m: Uint8Array, o: number): void {
    this.stateIn(s, this.STATE);
    this.writeWords(m, o, 16 * this.wordBytes, this.BLOCK);
    this.compress(this.STATE, this.BLOCK);
    this.stateOut(s, this.STATE);
  }

  /**
   * The digest (first `outLen` bytes) of the concatenation of `parts` when it fits two blocks with
   * its padding (SHA-256: <= 119 bytes, SHA-512: <= 239), else null; see src/core/wasm.ts.
   * `ivWords`: the initial state as `nativeWords` gives it (SHA-224 and SHA-384 pass theirs).
   */
  digestShort(parts: readonly Uint8Array[], ivWords: Int32Array, outLen: number): Uint8Array | null {
    return shortDigest(parts, this.bytes, this.view, this.compress, this.short, ivWords, outLen);
  }

  /** A state as the JavaScript cores keep it (see `stateIn`), as this module's int32 words. */
  nativeWords(s: Int32Array): Int32Array {
    const out = new Int32Array(s.length);
    for (let i = 0; i < s.length; i++) out[i ^ this.swap] = s[i]!;
    return out;
  }

  /** Zeroes memory [from, to) (byte offsets, multiples of 4): it held password-derived data. */
  wipe(from: number, to: number): void {
    this.view.fill(0, from >> 2, to >> 2);
  }

  /**
   * sha-crypt step 21 in WebAssembly: `count` times h = H(message of round i), where the padded
   * messages in `msgs` (big-endian bytes, whole blocks) differ only by h, and round i uses entry
   * i mod 42 of `table`: [byte offset of its message in msgs, blocks, byte offset of h in it]
   * (the bytes there are overwritten). `h` (the digest, 32 or 64 bytes) is updated in place.
   *
   * Only the blocks that hold h change from round to round; the others are prepared once here.
   * Blocks before h are compressed into a midstate that the round starts from instead of the
   * IV; blocks after h get their message schedule (K[t] + W[t]) precomputed (`expand`), which
   * makes compressing them ~30% cheaper. PHP recomputes both every round: for long passwords
   * the odd rounds (h after P, S, P) shrink to one or two blocks and the even ones (h first)
   * to one block plus precomputed ones.
   * Returns false (nothing done) when the memory cannot hold the messages and schedules.
   */
  patternRounds(h: Uint8Array, msgs: Uint8Array, table: Int32Array, count: number): boolean {
    const bs = 16 * this.wordBytes;
    const sb = 8 * this.wordBytes;
    if (table.length !== 3 * PERIOD || msgs.length % bs !== 0) return false;
    // The distinct layouts (at most 8) and, for each, its blocks before h, holding h, after h.
    const offs: number[] = [];
    const plans: { head: number; live: number; tail: number; at: number }[] = [];
    let tails = 0;
    for (let k = 0; k < PERIOD; k++) {
      const off = table[3 * k]!;
      if (offs.includes(off)) continue;
      const at = table[3 * k + 2]!;
      const head = Math.floor(at / bs);
      const afterH = Math.ceil((at + sb) / bs); // first block entirely after h
      offs.push(off);
      plans.push({ head, live: afterH - head, tail: table[3 * k + 1]! - afterH, at });
      tails += table[3 * k + 1]! - afterH;
    }
    if (offs.length > MAX_LAYOUTS) return false;
    const msgEnd = this.MSG + msgs.length;
    const end = msgEnd + tails * this.WK_BYTES;
    if (!this.reserve(end)) return false;
    this.writeWords(msgs, 0, msgs.length, this.MSG);
    const mem = this.view;
    const entries: number[][] = [];
    let wk = msgEnd;
    plans.forEach(({ head, live, tail, at }, slot) => {
      const msg = this.MSG + offs[slot]!;
      let init = this.IV;
      if (head > 0) {
        init = this.MID + sb * slot;
        mem.copyWithin(init >> 2, this.IV >> 2, (this.IV + sb) >> 2);
        for (let n = 0; n < head; n++) this.compress(init, msg + n * bs);
      }
      entries.push([msg + head * bs, live, at - head * bs, init, wk, tail]);
      for (let n = head + live; n < head + live + tail; n++, wk += this.WK_BYTES) this.expand(msg + n * bs, wk);
    });
    for (let k = 0; k < PERIOD; k++) {
      const e = entries[offs.indexOf(table[3 * k]!)]!;
      const base = (this.TABLE + k * this.ENTRY_BYTES) >> 2;
      for (let j = 0; j < e.length; j++) mem[base + j] = e[j]!;
    }
    this.writeWords(h, 0, sb, this.H);
    this.crypt(count);
    this.readWords(this.H, sb, h, 0);
    this.wipe(this.H, end);
    return true;
  }
}

/** Instantiates a module compiled by scripts/build-wasm.mjs; null without WebAssembly. */
export function loadSha2Wasm(base64: string, wordBytes: 4 | 8): Sha2Wasm | null {
  const exports = instantiateWasm(base64);
  if (!exports) return null;
  try {
    const core = new Sha2Wasm(exports, wordBytes);
    // V8 first runs wasm in its baseline compiler (Liftoff, ~20x slower on this unrolled code)
    // and compiles the optimized code in the background once a function has spent its tier-up
    // budget (~1.8 M budget units, about one per byte of code run: ~200 calls of $compress).
    // Only the two compressions run hot; everything else is cheap even before it tiers up.
    // Spending it now lets that compilation finish before the first real call instead of
    // during it (measured: first sha256crypt call 35-70 ms without, see docs/performance.md).
    for (let i = 0; i < WARM_UP_CALLS; i++) {
      core.compress(core.STATE, core.BLOCK);
      core.compressWk(core.STATE, core.MSG); // (zeros for a schedule: any input will do)
    }
    core.wipe(core.STATE, core.BLOCK + 16 * wordBytes);
    return core;
  } catch {
    return null; // the callers' JavaScript rounds do the same work, slower
  }
}

/**
 * `patternRounds` in JavaScript (no WebAssembly, or memory could not grow): the same loop over
 * the same messages, one `compress(state, bytes, offset)` per block. `state` words are
 * big-endian 32-bit (SHA-512: high half first), as the cores keep them; `msgs` is overwritten.
 */
export function patternRoundsJs(
  h: Uint8Array,
  msgs: Uint8Array,
  table: Int32Array,
  count: number,
  iv: Int32Array,
  blockBytes: number,
  compress: (s: Int32Array, m: Uint8Array, o: number) => void,
): void {
  const s = new Int32Array(iv.length);
  for (let i = 0, k = 0; i < count; i++, k = k === PERIOD - 1 ? 0 : k + 1) {
    const off = table[3 * k]!;
    msgs.set(h, off + table[3 * k + 2]!);
    s.set(iv);
    for (let n = table[3 * k + 1]!, o = off; n > 0; n--, o += blockBytes) compress(s, msgs, o);
    writeWords(s, h, 0, s.length, false);
  }
  s.fill(0);
}
