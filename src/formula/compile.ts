/**
 * Compiles a formula AST (parse.ts) into a closure tree once; evaluation is plain function calls
 * over byte arrays. No eval, no Function, no property lookups driven by formula text.
 */
import { concatBytes } from '../core/bytes.js';
import { compileChain, MAX_CHAIN_INPUTS, type ChainProgram, type ChainRef, type ChainStep } from '../core/chain.js';
import { digestParts, DIGEST_BYTES, hmac, type DigestName } from '../core/digest.js';
import { fromBase64, fromHex, toBase64, toHexBytes } from '../core/encoding.js';
import { LegacyHashError } from '../errors.js';
import type { InputName } from '../types.js';
import { childrenOf, formulaError, parseFormula, type Count, type InputRef, type Node } from './parse.js';
import { asciiLower, asciiUpper, htmlEscapeCompat, ipbLegacyEscape, isHtmlEscaped, isIpbEscaped, keepsEveryByte, phpTrim } from './text.js';

/** What a formula reads when it runs. Absent optional inputs are empty byte strings. */
export interface FormulaEnv {
  password: Uint8Array;
  salt: Uint8Array;
  pepper: Uint8Array;
  username: Uint8Array;
  /** The scheme's round count (from the stored string, params or the scheme default). */
  rounds: number;
}

/** How the formula's final text is compared with the stored hash. */
export type FormulaEncoding = 'hex' | 'base64' | 'text';

export interface CompiledFormula {
  /** The formula's result as the platform produced it (hex text, base64 text, raw...). */
  evaluate(env: FormulaEnv): Uint8Array;
  /**
   * The bytes to compare: for 'hex'/'base64' the decoded digest (so hex case does not matter),
   * computed directly when the outermost call is a digest (no encode/decode round trip).
   */
  compared(env: FormulaEnv): Uint8Array;
  encoding: FormulaEncoding;
  /** Length in bytes of `compared` when fixed (a digest), else undefined. */
  bytes: number | undefined;
  /** `compared` runs on the chain machine (src/core/chain.ts), not on the closures. */
  chained: boolean;
  /**
   * The chain program of `compared`, for a whole verification in one call (ChainProgram.check):
   * its inputs are 0 password, 1 salt, 2 pepper, 3 username, then 4.. the values of `computed`
   * (arguments without a digest inside, computed by closures: `lower(username)`). undefined when
   * the formula is not a chain of digests, or there is no WebAssembly. `program()` compiles a
   * one-digest program on its first call (programs are never freed).
   */
  chain:
    | {
        program: () => ChainProgram | null;
        computed: readonly ((env: FormulaEnv) => Uint8Array)[];
        /** Per computed value: when it is an input itself (a cleaning that changes nothing), or undefined. */
        sameInput: readonly (KeptInput | undefined)[];
      }
    | undefined;
  /** Inputs the formula reads (besides the password). */
  inputs: ReadonlySet<InputName>;
  usesRounds: boolean;
  /** Total number of repeat-body evaluations for a given round count (for the maxRounds cap). */
  iterations(rounds: number): number;
}

type Ev = (env: FormulaEnv, prev: Uint8Array) => Uint8Array;

const EMPTY = new Uint8Array(0);

/**
 * Largest intermediate value (bytes). Real formulas handle a password plus a few digests; the cap
 * stops `repeat(n, $prev . $prev)` or nested escapes from growing without bound.
 */
export const MAX_VALUE_BYTES = 1 << 20;

function tooLarge(n: number): LegacyHashError {
  return new LegacyHashError('ERR_LIMIT_EXCEEDED', 'formula: intermediate value too large', {
    field: 'formula',
    value: n,
    limit: MAX_VALUE_BYTES,
  });
}

function capped(b: Uint8Array): Uint8Array {
  if (b.length > MAX_VALUE_BYTES) throw tooLarge(b.length);
  return b;
}

function digestOf(fn: string): { alg: DigestName; raw: boolean; hmac: boolean } | undefined {
  const m = /^(hmac_)?(md5|sha1|sha224|sha256|sha384|sha512)(_raw)?$/.exec(fn);
  if (!m) return undefined;
  return { alg: m[2] as DigestName, raw: m[3] !== undefined, hmac: m[1] !== undefined };
}

function countOf(c: Count, rounds: number): number {
  return c.rounds ? Math.max(0, rounds + c.add) : c.add;
}

/**
 * One reader per input: a fixed property access each (`env[name]` from one shared closure
 * would be a keyed load that sees every input name).
 */
const READ_INPUT: Readonly<Record<InputRef, Ev>> = {
  password: (env) => env.password,
  salt: (env) => env.salt,
  pepper: (env) => env.pepper,
  username: (env) => env.username,
};

function build(n: Node): Ev {
  switch (n.k) {
    case 'input':
      return READ_INPUT[n.name];
    case 'lit': {
      const bytes = n.bytes;
      return () => bytes;
    }
    case 'prev':
      return (_env, prev) => prev;
    case 'concat': {
      const parts = concatParts(n.parts);
      return (env, prev) => concatBytes(...parts(env, prev));
    }
    case 'repeat': {
      const init = n.init ? build(n.init) : undefined;
      const body = build(n.body);
      const count = n.count;
      return (env, prev) => {
        let v = init ? init(env, prev) : EMPTY;
        for (let i = countOf(count, env.rounds); i > 0; i--) v = capped(body(env, v));
        return v;
      };
    }
    case 'call': {
      const args = n.args.map(build);
      const a0 = args[0]!;
      const d = digestOf(n.fn);
      if (d) {
        const { alg, raw } = d;
        if (d.hmac) {
          const a1 = args[1]!;
          return raw
            ? (env, prev) => hmac(alg, a0(env, prev), a1(env, prev))
            : (env, prev) => toHexBytes(hmac(alg, a0(env, prev), a1(env, prev)));
        }
        const input = digestInput(n.args[0]!);
        return raw ? (env, prev) => digestParts(alg, input(env, prev)) : (env, prev) => toHexBytes(digestParts(alg, input(env, prev)));
      }
      const unary = UNARY.get(n.fn);
      if (!unary) throw formulaError('unknown function'); // unreachable: the parser checked
      return (env, prev) => capped(unary(a0(env, prev)));
    }
  }
}

/** The values of a concat's parts, their total length checked against MAX_VALUE_BYTES. */
function concatParts(nodes: readonly Node[]): (env: FormulaEnv, prev: Uint8Array) => Uint8Array[] {
  const parts = nodes.map(build);
  return (env, prev) => {
    const vals = new Array<Uint8Array>(parts.length);
    let n = 0;
    for (let i = 0; i < parts.length; i++) n += (vals[i] = parts[i]!(env, prev)).length;
    if (n > MAX_VALUE_BYTES) throw tooLarge(n);
    return vals;
  };
}

/**
 * A digest's input as a list of parts: a concat's parts are hashed in sequence instead of being
 * copied into one array first (issue #8: chained forum formulas are mostly digests of concats).
 */
function digestInput(n: Node): (env: FormulaEnv, prev: Uint8Array) => Uint8Array[] {
  if (n.k === 'concat') return concatParts(n.parts);
  const one = build(n);
  return (env, prev) => [one(env, prev)];
}

const UNARY: ReadonlyMap<string, (b: Uint8Array) => Uint8Array> = new Map([
  ['upper', asciiUpper],
  ['lower', asciiLower],
  ['hex', (b: Uint8Array) => toHexBytes(b)],
  ['base64', (b: Uint8Array) => new TextEncoder().encode(toBase64(b))],
  ['trim', phpTrim],
  ['html_escape', htmlEscapeCompat],
  ['ipb_escape', ipbLegacyEscape],
]);

/**
 * The digest a node's value always is (raw or hex, as asked), looking through upper()/lower()
 * (hex only: case does not change the decoded bytes) and repeat() (its value is its body's).
 */
function digestResult(n: Node, raw: boolean): DigestName | undefined {
  if (!raw) n = unwrapCase(n);
  if (n.k === 'repeat') return digestResult(n.body, raw);
  if (n.k !== 'call') return undefined;
  const d = digestOf(n.fn);
  return d && d.raw === raw ? d.alg : undefined;
}

/** Strips case changes around a hex digest: they do not change the decoded bytes. */
function unwrapCase(n: Node): Node {
  while (n.k === 'call' && (n.fn === 'upper' || n.fn === 'lower')) n = n.args[0]!;
  return n;
}

function collectInputs(n: Node, out: Set<InputName>): void {
  if (n.k === 'input' && n.name !== 'password') out.add(n.name);
  if (n.k === 'concat') n.parts.forEach((p) => collectInputs(p, out));
  if (n.k === 'call') n.args.forEach((a) => collectInputs(a, out));
  if (n.k === 'repeat') {
    if (n.init) collectInputs(n.init, out);
    collectInputs(n.body, out);
  }
}

/** Work units for `rounds`: each repeat multiplies the work of its body. */
function work(n: Node, rounds: number): number {
  switch (n.k) {
    case 'concat':
      return n.parts.reduce((s, p) => s + work(p, rounds), 0);
    case 'call':
      return n.args.reduce((s, a) => s + work(a, rounds), 0);
    case 'repeat':
      return (n.init ? work(n.init, rounds) : 0) + countOf(n.count, rounds) * Math.max(1, work(n.body, rounds));
    default:
      return 0;
  }
}

function hasRounds(n: Node): boolean {
  if (n.k === 'repeat') return n.count.rounds || hasRounds(n.body) || (n.init !== undefined && hasRounds(n.init));
  if (n.k === 'concat') return n.parts.some(hasRounds);
  if (n.k === 'call') return n.args.some(hasRounds);
  return false;
}

function hasRepeat(n: Node): boolean {
  if (n.k === 'repeat') return true;
  if (n.k === 'concat') return n.parts.some(hasRepeat);
  if (n.k === 'call') return n.args.some(hasRepeat);
  return false;
}

/** The inputs a chain run reads, in its input slots 0..3 (4..7: values computed in JavaScript). */
const CHAIN_INPUTS: readonly InputRef[] = ['password', 'salt', 'pepper', 'username'];

/** A formula's value as a chain program: see chainOf. */
interface Chain {
  /** The program (compiled on first call for one digest; null: the program area is full). */
  program: () => ChainProgram | null;
  /** Digest steps in the program. */
  steps: number;
  /** Inputs 4.. of a run: values computed by closures (none: the program reads inputs 0..3 only). */
  computed: ((env: FormulaEnv) => Uint8Array)[];
  sameInput: (KeptInput | undefined)[];
  /** `compared` on the chain machine (the closures when the inputs are too long for it). */
  compared: (env: FormulaEnv) => Uint8Array;
}

/**
 * `compared` as one program of the chain machine (src/core/chain.ts), when the value is a chain
 * of digests whose arguments are digests, inputs, literals and concatenations of them; an
 * argument without a digest inside (`lower(username)`, a cleaned password) is computed by its
 * closure and passed as an input. undefined when the formula has another shape or there is no
 * WebAssembly (its closures then run). Perf (issue #8): one call per derive instead of a copy, a
 * padding and an allocation per digest, and hex encoded inside the module.
 */
function chainOf(top: Node): Chain | undefined {
  const steps: ChainStep[] = [];
  const computed: Ev[] = [];
  const sameInput: (KeptInput | undefined)[] = [];
  const refOf = (n: Node): ChainRef | undefined => {
    if (n.k === 'input') return { input: CHAIN_INPUTS.indexOf(n.name) };
    if (n.k === 'lit') return { literal: n.bytes };
    const step = stepOf(n);
    if (step !== undefined) return step;
    if (hasDigest(n) || CHAIN_INPUTS.length + computed.length >= MAX_CHAIN_INPUTS) return undefined;
    computed.push(build(n));
    sameInput.push(keptInput(n));
    return { input: CHAIN_INPUTS.length + computed.length - 1 };
  };
  const partsOf = (n: Node): ChainRef[] | undefined => {
    const list = n.k === 'concat' ? n.parts : [n];
    const out: ChainRef[] = [];
    for (const p of list) {
      const r = p.k === 'concat' ? partsOf(p) : refOf(p);
      if (r === undefined) return undefined;
      if (Array.isArray(r)) out.push(...r);
      else out.push(r);
    }
    return out;
  };
  /** A digest call (in upper(), lower() or hex() where that is its hex) as a step's result. */
  const stepOf = (n: Node): ChainRef | undefined => {
    let mode: 'raw' | 'hex' | 'HEX' | undefined;
    let at = n;
    if (at.k === 'call' && (at.fn === 'upper' || at.fn === 'lower')) {
      const inner = at.args[0]!;
      const di = inner.k === 'call' ? digestOf(inner.fn) : undefined;
      if (!di || di.raw) return undefined;
      mode = at.fn === 'upper' ? 'HEX' : 'hex';
      at = inner;
    } else if (at.k === 'call' && at.fn === 'hex' && at.args[0]!.k === 'call' && digestOf(at.args[0]!.fn)?.raw) {
      mode = 'hex';
      at = at.args[0]!;
    }
    if (at.k !== 'call') return undefined;
    const dg = digestOf(at.fn);
    if (!dg) return undefined;
    mode ??= dg.raw ? 'raw' : 'hex';
    const parts = partsOf(dg.hmac ? at.args[1]! : at.args[0]!);
    if (!parts) return undefined;
    if (dg.hmac) {
      // One slot: a key with a digest inside must itself be a digest (refOf computes any other).
      const key = refOf(at.args[0]!);
      if (key === undefined) return undefined;
      steps.push({ op: 'hmac', alg: dg.alg, mode, key, parts });
    } else {
      steps.push({ op: 'digest', alg: dg.alg, mode, parts });
    }
    return { step: steps.length - 1 };
  };
  const last = stepOf(top);
  if (last === undefined || top.k !== 'call' || !digestOf(top.fn)) return undefined;
  // The compared value is the outermost digest's raw bytes.
  const final = steps[steps.length - 1]!;
  steps[steps.length - 1] = { ...final, mode: 'raw' };
  // Programs are never freed (src/core/chain.ts): one digest alone, which derive runs on the
  // closures, is compiled only when a check asks for it (CompiledFormula.chain.program()).
  let program: ChainProgram | null | undefined = steps.length >= 2 ? compileChain(steps) : undefined;
  if (program === null) return undefined;
  const programOf = (): ChainProgram | null => (program ??= compileChain(steps));
  const fallback = build({ ...top, fn: `${digestOf(top.fn)!.hmac ? 'hmac_' : ''}${digestOf(top.fn)!.alg}_raw` as never });
  const values: Uint8Array[] = new Array<Uint8Array>(CHAIN_INPUTS.length + computed.length);
  const computedValues = computed.map((ev) => (env: FormulaEnv) => capped(ev(env, EMPTY)));
  const compared = (env: FormulaEnv): Uint8Array => {
    values[0] = env.password;
    values[1] = env.salt;
    values[2] = env.pepper;
    values[3] = env.username;
    for (let i = 0; i < computedValues.length; i++) values[CHAIN_INPUTS.length + i] = computedValues[i]!(env);
    const out = programOf()!.run(values); // compiled above: compared() serves two steps or more
    values[0] = EMPTY; // no reference to the password outlives the call
    for (let i = 0; i < computed.length; i++) values[CHAIN_INPUTS.length + i] = EMPTY;
    // Inputs too long for the module: the closures (which also apply MAX_VALUE_BYTES).
    return out ?? fallback(env, EMPTY);
  };
  return { program: programOf, steps: steps.length, computed: computedValues, sameInput, compared };
}

/**
 * A computed value that is a cleaning of the password or the username (`ipb_escape(password)`,
 * `lower(username)`): which (0 password, 3 username) and a test telling the cleaned value is that
 * input itself (none of its bytes is one the cleaning changes).
 */
export interface KeptInput {
  input: 0 | 3;
  keeps: (value: string | Uint8Array) => boolean;
}

/** Cleanings that change ASCII bytes only, and which bytes (text.ts). */
const CHANGED_BY: ReadonlyMap<string, (c: number) => boolean> = new Map([
  ['html_escape', isHtmlEscaped],
  ['ipb_escape', isIpbEscaped],
  ['lower', (c: number) => c >= 0x41 && c <= 0x5a],
  ['upper', (c: number) => c >= 0x61 && c <= 0x7a],
]);

/**
 * For a cleaning of the password or the username, when the cleaned value is that input itself.
 * Perf (issue #8): a check then points the value's input at the input instead of computing it
 * (most passwords have nothing to escape; many usernames have no capital).
 */
function keptInput(n: Node): KeptInput | undefined {
  const changed = n.k === 'call' && n.args.length === 1 ? CHANGED_BY.get(n.fn) : undefined;
  const arg = n.k === 'call' ? n.args[0] : undefined;
  if (changed === undefined || arg?.k !== 'input' || (arg.name !== 'password' && arg.name !== 'username')) return undefined;
  return { input: arg.name === 'password' ? 0 : 3, keeps: (value) => keepsEveryByte(value, changed) };
}

/** Whether a digest (or HMAC) call is anywhere in `n`. */
function hasDigest(n: Node): boolean {
  if (n.k === 'call' && digestOf(n.fn)) return true;
  return childrenOf(n).some(hasDigest);
}

/**
 * Compiles `source`. `encoding` defaults from the outermost call: a hex digest (optionally in
 * upper()/lower()) -> 'hex'; base64(...) -> 'base64'; anything else -> 'text' (exact bytes).
 */
export function compileFormula(source: string, encoding?: FormulaEncoding): CompiledFormula {
  return compileTree(parseFormula(source), encoding);
}

/** compileFormula of a parsed formula. */
export function compileTree(root: Node, encoding?: FormulaEncoding): CompiledFormula {
  const evaluate = build(root);
  const inputs = new Set<InputName>();
  collectInputs(root, inputs);

  const core = unwrapCase(root);
  const d = core.k === 'call' ? digestOf(core.fn) : undefined;
  const hexAlg = digestResult(root, false);
  const b64Inner = root.k === 'call' && root.fn === 'base64' ? root.args[0]! : undefined;
  const b64Alg = b64Inner ? digestResult(b64Inner, true) : undefined;
  const enc: FormulaEncoding = encoding ?? (hexAlg ? 'hex' : b64Inner ? 'base64' : 'text');

  let compared: (env: FormulaEnv) => Uint8Array;
  let bytes: number | undefined;
  // The digest whose raw bytes are compared (hex: the outermost call; base64: its argument).
  const chain = enc === 'hex' && d && !d.raw ? chainOf(core) : enc === 'base64' && b64Alg ? chainOf(b64Inner!) : undefined;
  // One digest alone stays on the closures for derive: src/core/wasm.ts shortDigest was 5-11%
  // faster for it than a run of the chain machine (a check uses the program either way).
  if (chain && chain.steps >= 2) {
    compared = chain.compared;
    bytes = DIGEST_BYTES[(d && !d.raw ? d.alg : b64Alg)!];
  } else if (enc === 'hex' && d && !d.raw && core.k === 'call') {
    // The outermost call is a hex digest: evaluate it raw (same bytes as decoding its hex).
    const raw = build({ k: 'call', fn: `${d.hmac ? 'hmac_' : ''}${d.alg}_raw` as never, args: core.args });
    compared = (env) => raw(env, EMPTY);
    bytes = DIGEST_BYTES[d.alg];
  } else if (enc === 'base64' && b64Inner) {
    const inner = build(b64Inner);
    compared = (env) => inner(env, EMPTY);
    bytes = b64Alg ? DIGEST_BYTES[b64Alg] : undefined;
  } else if (enc === 'hex') {
    compared = (env) => fromHex(new TextDecoder().decode(evaluate(env, EMPTY))) ?? EMPTY;
    bytes = hexAlg ? DIGEST_BYTES[hexAlg] : undefined;
  } else if (enc === 'base64') {
    compared = (env) => fromBase64(new TextDecoder().decode(evaluate(env, EMPTY))) ?? EMPTY;
  } else {
    compared = (env) => evaluate(env, EMPTY);
  }

  return {
    evaluate: (env) => evaluate(env, EMPTY),
    compared,
    chained: chain !== undefined && chain.steps >= 2,
    chain: chain && { program: chain.program, computed: chain.computed, sameInput: chain.sameInput },
    encoding: enc,
    bytes,
    inputs,
    usesRounds: hasRounds(root),
    iterations: hasRepeat(root) ? (rounds) => work(root, rounds) : () => 0,
  };
}
