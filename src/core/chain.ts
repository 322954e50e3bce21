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
import { utf8 } from './bytes.js';
import { countModuleComparison } from './compare.js';
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
  memory: { buffer: ArrayBuffer };
  run(pc: number, inputEnd: number): number;
  check(pc: number, inputEnd: number, expected: number, expectedLength: number, digits: number): number;
  decode64(src: number, length: number, dst: number): number;
  OUT: { value: number };
  SLOTS: { value: number };
  HEAP: { value: number };
  HEAP_END: { value: number };
  TEXT: { value: number };
  DECODED: { value: number };
  INPUT: { value: number };
  FIRST_RESULT: { value: number };
}

const instance = instantiateWasm(CHAIN_WASM_BASE64) as unknown as ChainModule | null;

// The module's addresses, read once (an exported global's `.value` is a getter call).
const OUT = instance ? instance.OUT.value : 0;
const SLOTS = instance ? instance.SLOTS.value >> 2 : 0;
const TEXT = instance ? instance.TEXT.value : 0;
const DECODED = instance ? instance.DECODED.value : 0;
const INPUT = instance ? instance.INPUT.value : 0;
const HEAP_END = instance ? instance.HEAP_END.value : 0;
const FIRST_RESULT = instance ? instance.FIRST_RESULT.value : 0;
/** Room for the stored string of a check (TEXT..INPUT) and for a base64 value decoded from it. */
const TEXT_BYTES = INPUT - TEXT;
const DECODED_BYTES = 1024;

/**
 * The module, when it is there and its memory holds the whole input area (+ 8: the module wipes
 * the inputs 8 bytes at a time). The memory never grows, so the views below stay valid.
 */
const WASM = instance && instance.memory.buffer.byteLength >= INPUT + MAX_CHAIN_INPUT_BYTES + 8 ? instance : null;

const mem = WASM ? new Uint8Array(WASM.memory.buffer) : new Uint8Array(0);
const words = WASM ? new Int32Array(WASM.memory.buffer) : new Int32Array(0);
/** Fixed views for TextEncoder.encodeInto, which writes at a view's start. */
const textView = WASM ? new Uint8Array(WASM.memory.buffer, TEXT, TEXT_BYTES) : mem;
const inputView = WASM ? new Uint8Array(WASM.memory.buffer, INPUT, MAX_CHAIN_INPUT_BYTES) : mem;
/** Next free byte of the program heap (programs are never freed: formulas are compiled once). */
let heapAt = WASM ? WASM.HEAP.value : 0;

/** How a check reads the stored digest (ChainProgram.check). */
export type CheckedAs = 'hex' | 'hex-lower' | 'hex-upper' | 'raw' | 'decoded';
/** The module's code for each: which hex digit table, 0 for bytes. */
const CHECKED_AS_CODE: Readonly<Record<CheckedAs, number>> = { raw: 0, decoded: 0, hex: 1, 'hex-lower': 2, 'hex-upper': 3 };

/** A compiled chain: run(inputs) is the last step's result. */
export interface ChainProgram {
  /** The result, or null when the inputs are too long for the module (see MAX_CHAIN_INPUT_BYTES). */
  run(inputs: readonly Uint8Array[]): Uint8Array | null;
  /**
   * Runs the program on the staged inputs (stagePassword and the other stage functions; every
   * input the program reads must have been staged) and compares its result, in constant time,
   * with the stored digest: the staged text from `start` to `end`, as hex digits ('hex' either
   * case, 'hex-lower', 'hex-upper') or raw bytes ('raw'), or the value stageBase64 decoded
   * ('decoded'), from `start` to `end`. true or false; undefined
   * when it cannot say (an input not staged, not a digest of the result's length), the caller
   * then takes its general path. Wipes the staged inputs in every case.
   */
  check(expected: CheckedAs, start: number, end: number): boolean | undefined;
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
  const needs = (1 << inputs) - 1;
  return {
    run: (values) => run(pc, values, inputs),
    check: (expected, start, end) => check(pc, needs, expected, start, end),
  };
}

function run(pc: number, values: readonly Uint8Array[], inputs: number): Uint8Array | null {
  const w = WASM!;
  let total = 0;
  for (let i = 0; i < inputs; i++) total += values[i]!.length;
  if (total > MAX_CHAIN_INPUT_BYTES) return null;
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

// ---------- checks: a whole verification in one call ----------
// Perf (issue #8): verify() of a cheap scheme used to encode the password into a new array,
// decode the stored digest in a JavaScript loop (~2.5 ns a character), copy both into a module
// and compare the result in JavaScript. A check writes the stored string and the password with
// TextEncoder.encodeInto straight into the module's memory (~50 ns each, whatever their length),
// points the salt's slot into the stored string, and the module decodes and compares.

const encoder = new TextEncoder();
/** Longest password encoded by a loop rather than encodeInto (stagePassword). */
const SHORT_PASSWORD = 24;
/** Bytes staged at INPUT so far, and a bit per input slot staged (cleared by check/unstage). */
let staged = 0;
let stagedSlots = 0;

function setSlot(input: number, offset: number, length: number): void {
  words[SLOTS + 2 * input] = offset;
  words[SLOTS + 2 * input + 1] = length;
  stagedSlots |= 1 << input;
}

/**
 * Writes the stored string of a check. false when it cannot be staged: no WebAssembly, longer
 * than the text area, or not all ASCII (a character is then a byte, so string offsets are
 * memory offsets, and bytes are what the general path's UTF-8 encoding of a salt would be).
 */
export function stageText(text: string): boolean {
  if (WASM === null || text.length > TEXT_BYTES) return false;
  const r = encoder.encodeInto(text, textView);
  return r.read === text.length && r.written === text.length;
}

/**
 * Stages the password (UTF-8 of a string, or the bytes given) as input 0; it must be the first
 * input staged. false, with nothing left in memory, when it is over `maxBytes` bytes or the
 * input area (the caller's general path then reports it).
 */
export function stagePassword(password: string | Uint8Array, maxBytes: number): boolean {
  if (WASM === null) return false;
  unstage();
  let n: number;
  if (typeof password === 'string') {
    // Perf: a short password is encoded by a loop (~3 ns a character); encodeInto costs ~55-65 ns
    // a call. The loop takes the one- to three-byte UTF-8 characters; at a surrogate (a four-byte
    // character, or a lone one that becomes U+FFFD) encodeInto does the whole password again.
    const len = password.length;
    let read = 0;
    n = 0;
    if (len <= SHORT_PASSWORD) {
      for (; read < len; read++) {
        const c = password.charCodeAt(read);
        if (c < 0x80) {
          mem[INPUT + n++] = c;
        } else if (c < 0x800) {
          mem[INPUT + n++] = 0xc0 | (c >> 6);
          mem[INPUT + n++] = 0x80 | (c & 0x3f);
        } else if (c < 0xd800 || c > 0xdfff) {
          mem[INPUT + n++] = 0xe0 | (c >> 12);
          mem[INPUT + n++] = 0x80 | ((c >> 6) & 0x3f);
          mem[INPUT + n++] = 0x80 | (c & 0x3f);
        } else {
          break;
        }
      }
    }
    if (read < len) {
      const r = encoder.encodeInto(password, inputView);
      n = r.written; // covers the loop's bytes: they were the same start
      read = r.read;
    }
    if (read !== len || n > maxBytes) {
      inputView.fill(0, 0, n);
      return false;
    }
  } else if (password instanceof Uint8Array) {
    n = password.length;
    if (n > maxBytes || n > MAX_CHAIN_INPUT_BYTES) return false;
    inputView.set(password);
  } else {
    return false; // not a password: the general path says so
  }
  setSlot(0, INPUT, n);
  staged = n;
  return true;
}

/** Stages input `input` as the characters `start` to `end` of the staged text (a salt in the stored string). */
export function stageSpan(input: number, start: number, end: number): void {
  setSlot(input, TEXT + start, end - start);
}

/** Stages input `input` as the bytes input `of` has (staged before it): a value equal to another, not copied. */
export function stageSameAs(input: number, of: number): void {
  setSlot(input, words[SLOTS + 2 * of]!, words[SLOTS + 2 * of + 1]!);
}

/** Stages input `input` as a copy of `bytes`; false when the input area is full (then unstage). */
export function stageBytes(input: number, bytes: Uint8Array): boolean {
  const n = bytes.length;
  if (staged + n > MAX_CHAIN_INPUT_BYTES) return false;
  const at = INPUT + staged;
  if (n < 12) for (let j = 0; j < n; j++) mem[at + j] = bytes[j]!;
  else mem.set(bytes, at);
  setSlot(input, at, n);
  staged += n;
  return true;
}

/**
 * Stages input `input` as the UTF-8 of `text` (a salt or username column); false when the input
 * area is full (then unstage). Perf: an ASCII string is copied by a loop, with no array made.
 */
export function stageString(input: number, text: string): boolean {
  const n = text.length;
  if (staged + n > MAX_CHAIN_INPUT_BYTES) return false;
  const at = INPUT + staged;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return stageBytes(input, utf8(text)); // overwrites the ASCII start
    mem[at + i] = c;
  }
  setSlot(input, at, n);
  staged += n;
  return true;
}

/**
 * Decodes the staged text from `start` to `end` (padded base64) into the module's DECODED area
 * for check('decoded', ...) and for stageDecoded. Returns the bytes decoded, or -1 when the text
 * is not canonical padded base64 or too long (the caller's general path then says why).
 */
export function stageBase64(start: number, end: number): number {
  if (WASM === null || ((end - start) >> 2) * 3 > DECODED_BYTES) return -1;
  return WASM.decode64(TEXT + start, end - start, DECODED);
}

/** Stages input `input` as decoded bytes `start` to `end` (a salt stored after the digest, LDAP {SSHA}). */
export function stageDecoded(input: number, start: number, end: number): void {
  setSlot(input, DECODED + start, end - start);
}

/** Wipes whatever was staged (a caller that gives up before check). */
export function unstage(): void {
  if (staged > 0) inputView.fill(0, 0, staged);
  staged = 0;
  stagedSlots = 0;
}

function check(pc: number, needs: number, expected: CheckedAs, start: number, end: number): boolean | undefined {
  if ((stagedSlots & needs) !== needs || (stagedSlots & 1) === 0) {
    unstage();
    return undefined;
  }
  const at = expected === 'decoded' ? DECODED + start : TEXT + start;
  const r = WASM!.check(pc, INPUT + staged, at, end - start, CHECKED_AS_CODE[expected]); // wipes
  countModuleComparison();
  staged = 0;
  stagedSlots = 0;
  return r < 0 ? undefined : r === 1;
}

/** The module's memory (tests check that a run leaves no input or intermediate in it). */
export function chainMemoryForTests(): Uint8Array {
  return mem;
}

/**
 * The program "alg of these inputs, concatenated in this order": `[0]` is `alg(password)`, `[0, 1]`
 * `alg(password . salt)` with the salt as input 1, `[1, 0]` `alg(salt . password)`. The checks of
 * the one-digest schemes (hex, LDAP, Django, Magento 1...). null without WebAssembly.
 */
export function digestProgram(alg: DigestName, inputs: readonly number[]): ChainProgram | null {
  return compileChain([{ op: 'digest', alg, mode: 'raw', parts: inputs.map((input) => ({ input })) }]);
}

/**
 * The program "HMAC(alg) keyed with input 1, of the password": the checks of the HMAC schemes
 * (Werkzeug, ASP.NET Membership's keyed reading). null without WebAssembly.
 */
export function keyedProgram(alg: DigestName): ChainProgram | null {
  return compileChain([{ op: 'hmac', alg, mode: 'raw', key: { input: 1 }, parts: [{ input: 0 }] }]);
}

/** The first `length` bytes stageBase64 decoded (tests compare them with fromBase64). */
export function decodedForTests(length: number): Uint8Array {
  return mem.slice(DECODED, DECODED + length);
}
