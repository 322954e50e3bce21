/**
 * Chains of short digests in one WebAssembly call (src/wasm/chain.wat, written by
 * scripts/wasm/chain.mjs). Perf (issue #8): a cheap salted scheme is a few short digests glued
 * together, and the glue cost more in JavaScript than the digests did in WebAssembly. A chain is
 * compiled once into a program in the module's memory; a run writes the inputs, makes one call
 * (message assembly, padding, compression, hex encoding of intermediate digests all inside) and
 * reads one result.
 *
 * Slots (offset, length pairs the program names): 0..7 the inputs of a run, 8 and 9 the HMAC
 * scratch, 10..25 the results of the steps. A literal is stored with its program, its pair too,
 * and named by minus the pair's address.
 */
import { CHAIN_WASM_BASE64 } from './chain-wasm.generated.js';
import type { DigestName } from './digest.js';
import { instantiateWasm } from './wasm.js';

/** Digest codes of the module (scripts/wasm/chain.mjs ALGS). */
const ALG_CODE: Readonly<Record<DigestName, number>> = { md5: 0, sha1: 1, sha224: 2, sha256: 3, sha384: 4, sha512: 5 };

/** How a step writes its digest: raw bytes, lower-case hex (PHP's md5()/hash()), upper-case hex. */
export type ChainMode = 'raw' | 'hex' | 'HEX';
const MODE_CODE: Readonly<Record<ChainMode, number>> = { raw: 0, hex: 1, HEX: 2 };

/** What a step reads: an input of the run (0..7), a constant, or an earlier step's result. */
export type ChainRef = { input: number } | { literal: Uint8Array } | { step: number };

export type ChainStep =
  | { op: 'digest'; alg: DigestName; mode: ChainMode; parts: readonly ChainRef[] }
  | { op: 'hmac'; alg: DigestName; mode: ChainMode; key: ChainRef; parts: readonly ChainRef[] };

/** Inputs per run, steps per program (the module's slot and result areas). */
export const MAX_CHAIN_INPUTS = 8;
export const MAX_CHAIN_STEPS = 16;
/**
 * Largest run (total input bytes) sent to the module; a longer one returns null and the caller
 * takes its JavaScript path (which also applies the formula value caps). Keeps the memory small.
 */
export const MAX_CHAIN_INPUT_BYTES = 1 << 16;

interface ChainModule {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  run(pc: number, inputEnd: number): number;
  OUT: { value: number };
  SLOTS: { value: number };
  HEAP: { value: number };
  HEAP_END: { value: number };
  INPUT: { value: number };
  FIRST_RESULT: { value: number };
}

const WASM = instantiateWasm(CHAIN_WASM_BASE64) as unknown as ChainModule | null;
const PAGE = 65536;

// The module's addresses, read once (an exported global's `.value` is a getter call).
const OUT = WASM ? WASM.OUT.value : 0;
const SLOTS = WASM ? WASM.SLOTS.value >> 2 : 0;
const INPUT = WASM ? WASM.INPUT.value : 0;
const HEAP_END = WASM ? WASM.HEAP_END.value : 0;
const FIRST_RESULT = WASM ? WASM.FIRST_RESULT.value : 0;

let mem = WASM ? new Uint8Array(WASM.memory.buffer) : new Uint8Array(0);
let words = WASM ? new Int32Array(WASM.memory.buffer) : new Int32Array(0);
/** Next free byte of the program heap (programs are never freed: formulas are compiled once). */
let heapAt = WASM ? WASM.HEAP.value : 0;

/** A compiled chain: run(inputs) is the last step's result. */
export interface ChainProgram {
  /** The result, or null when the inputs are too long for the module (see MAX_CHAIN_INPUT_BYTES). */
  run(inputs: readonly Uint8Array[]): Uint8Array | null;
}

/**
 * Compiles `steps` (each may read the results of the steps before it; the last one's is the
 * program's result). null when there is no WebAssembly or the program does not fit: the caller
 * keeps its JavaScript path.
 */
export function compileChain(steps: readonly ChainStep[]): ChainProgram | null {
  if (WASM === null || steps.length === 0 || steps.length > MAX_CHAIN_STEPS) return null;
  const code: number[] = [];
  const literals: Uint8Array[] = [];
  /** Indexes in `code` of literal references, patched once the literals' pairs have addresses. */
  const literalRefs: number[] = [];
  let inputs = 0;
  const pushRef = (slot: number): void => {
    if (slot < -1) literalRefs.push(code.length);
    code.push(slot);
  };
  const slotOf = (r: ChainRef, before: number): number | undefined => {
    if ('input' in r) {
      if (!(Number.isInteger(r.input) && r.input >= 0 && r.input < MAX_CHAIN_INPUTS)) return undefined;
      inputs = Math.max(inputs, r.input + 1);
      return r.input;
    }
    if ('step' in r) return Number.isInteger(r.step) && r.step >= 0 && r.step < before ? FIRST_RESULT + r.step : undefined;
    literals.push(r.literal);
    return -(literals.length - 1) - 2; // a placeholder, patched below
  };
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i]!;
    const parts = s.parts.map((p) => slotOf(p, i));
    const key = s.op === 'hmac' ? slotOf(s.key, i) : 0;
    if (parts.length === 0 || parts.includes(undefined) || key === undefined) return null;
    code.push(s.op === 'digest' ? 1 : 2, ALG_CODE[s.alg], FIRST_RESULT + i, MODE_CODE[s.mode]);
    if (s.op === 'hmac') pushRef(key);
    code.push(parts.length);
    for (const p of parts) pushRef(p!);
  }
  code.push(0, FIRST_RESULT + steps.length - 1);
  // Layout: the program's words, the literals' (offset, length) pairs, the literals' bytes.
  const pc = heapAt;
  const pairs = pc + code.length * 4;
  let at = pairs + literals.length * 8;
  const need = at - pc + literals.reduce((n, l) => n + l.length, 0);
  if (pc + need > HEAP_END) return null;
  for (const k of literalRefs) code[k] = -(pairs + 8 * (-code[k]! - 2));
  words.set(code, pc >> 2);
  literals.forEach((l, i) => {
    mem.set(l, at);
    words[(pairs >> 2) + 2 * i] = at;
    words[(pairs >> 2) + 2 * i + 1] = l.length;
    at += l.length;
  });
  heapAt = (at + 3) & ~3;
  return { run: (values) => run(pc, values, inputs) };
}

function run(pc: number, values: readonly Uint8Array[], inputs: number): Uint8Array | null {
  const w = WASM!;
  let total = 0;
  for (let i = 0; i < inputs; i++) total += values[i]!.length;
  if (total > MAX_CHAIN_INPUT_BYTES) return null;
  // + 8: the module wipes the inputs 8 bytes at a time.
  if (INPUT + total + 8 > mem.length) {
    w.memory.grow(Math.ceil((INPUT + total + 8 - mem.length) / PAGE));
    mem = new Uint8Array(w.memory.buffer);
    words = new Int32Array(w.memory.buffer);
  }
  let at = INPUT;
  for (let i = 0; i < inputs; i++) {
    const v = values[i]!;
    const n = v.length;
    // Perf: mem.set costs ~20 ns a call whatever the size, a loop ~1-2 ns a byte here.
    if (n < 12) for (let j = 0; j < n; j++) mem[at + j] = v[j]!;
    else mem.set(v, at);
    words[SLOTS + 2 * i] = at;
    words[SLOTS + 2 * i + 1] = n;
    at += n;
  }
  const len = w.run(pc, at); // wipes the inputs and every intermediate
  const result = new Uint8Array(len);
  for (let i = 0; i < len; i++) result[i] = mem[OUT + i]!;
  for (let i = OUT >> 2, end = (OUT + len + 3) >> 2; i < end; i++) words[i] = 0;
  return result;
}

/** The module's memory (tests check that a run leaves no input or intermediate in it). */
export function chainMemoryForTests(): Uint8Array {
  return mem;
}
