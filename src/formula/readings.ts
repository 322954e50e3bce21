/**
 * Readings of one chain (perf, issue #8). A scheme's formulas are often one chain over
 * differently cleaned passwords (OpenCart: `sha1(salt . sha1(salt . sha1(R)))` for
 * R = html_escape(password), html_escape(trim(password)), trim(password)), and for most
 * passwords the cleanings change nothing. A formula whose cleaned password has the same bytes as
 * an earlier formula's of the same chain has that formula's result: it is not evaluated again.
 */
import { toHex } from '../core/encoding.js';
import { compileTree, type CompiledFormula, type FormulaEncoding, type FormulaEnv } from './compile.js';
import { childrenOf, type Node } from './parse.js';

/** The functions platforms cleaned a password with (byte-to-byte text transforms of it alone). */
const CLEANING: ReadonlySet<string> = new Set(['trim', 'html_escape', 'ipb_escape', 'upper', 'lower']);

const PASSWORD: Node = { k: 'input', name: 'password' };

/** A formula seen as a chain over a cleaned password. */
export interface Reading {
  /** The formula with its cleaning of the password replaced by the bare password, as text: the chain. */
  chain: string;
  /** The index of the first formula of the scheme with this chain (a cheap comparison per derive). */
  chainId: number;
  /** Computes the cleaned password (value: its bytes). */
  cleaning: CompiledFormula;
  /** The cleaning functions applied to the password, innermost first (none: the bare password). */
  cleanedBy: readonly string[];
  /** The chain, compiled with the formula's encoding: evaluated with the cleaned password, it gives the formula's result. */
  compiled: CompiledFormula;
}

/** Each formula's reading (see readingOf), chains numbered by their first formula. */
export function readingsOf(trees: readonly Node[], encoding: FormulaEncoding): (Reading | undefined)[] {
  const readings: (Reading | undefined)[] = [];
  for (const tree of trees) {
    const r = readingOf(tree, encoding);
    if (r) r.chainId = readings.findIndex((other) => other?.chain === r.chain);
    if (r && r.chainId < 0) r.chainId = readings.length;
    readings.push(r);
  }
  return readings;
}

/**
 * The formula as a chain over a cleaned password: when it reads the password exactly once,
 * through cleaning functions (or bare) that are not the whole formula. Otherwise undefined
 * (the formula is simply evaluated). `chainId` is left to readingsOf.
 */
export function readingOf(root: Node, encoding: FormulaEncoding): Reading | undefined {
  const path = pathsToPassword(root);
  if (path.length !== 1) return undefined;
  // Climb from the password through cleaning calls: `clean` is the cleaned password's node.
  const nodes = path[0]!;
  let at = nodes.length - 1;
  while (at > 0 && isCleaning(nodes[at - 1]!)) at--;
  if (at === 0) return undefined; // the whole formula is a cleaning: nothing to share
  const clean = nodes[at]!;
  const chain = replace(root, clean, PASSWORD);
  const cleanedBy = nodes.slice(at, -1).map((n) => (n as { fn: string }).fn).reverse();
  return { chain: nodeKey(chain), chainId: -1, cleaning: compileTree(clean, 'text'), cleanedBy, compiled: compileTree(chain, encoding) };
}

function isCleaning(n: Node): boolean {
  return n.k === 'call' && CLEANING.has(n.fn);
}

/** Every path (root first) from `n` to a `password` input. */
function pathsToPassword(n: Node): Node[][] {
  if (n.k === 'input') return n.name === 'password' ? [[n]] : [];
  return childrenOf(n).flatMap((k) => pathsToPassword(k).map((p) => [n, ...p]));
}

/** `n` with the node `from` (by identity) replaced by `to`. */
function replace(n: Node, from: Node, to: Node): Node {
  if (n === from) return to;
  switch (n.k) {
    case 'concat':
      return { k: 'concat', parts: n.parts.map((p) => replace(p, from, to)) };
    case 'call':
      return { k: 'call', fn: n.fn, args: n.args.map((a) => replace(a, from, to)) };
    case 'repeat':
      return { k: 'repeat', count: n.count, init: n.init && replace(n.init, from, to), body: replace(n.body, from, to) };
    default:
      return n;
  }
}

/** A text naming the tree exactly (literal bytes as hex), to tell equal chains. */
function nodeKey(n: Node): string {
  return JSON.stringify(n, (_k, v: unknown) => (v instanceof Uint8Array ? toHex(v) : v));
}

/**
 * Every formula's result (as `compared`), each chain evaluated once per distinct cleaned password.
 * `readings[i]` is formula i's reading, if it has one.
 */
export function compareReadings(formulas: readonly CompiledFormula[], readings: readonly (Reading | undefined)[], env: FormulaEnv): Uint8Array[] {
  const out: Uint8Array[] = [];
  const cleaned: (Uint8Array | undefined)[] = [];
  for (let i = 0; i < formulas.length; i++) {
    const r = readings[i];
    if (r === undefined) {
      out.push(formulas[i]!.compared(env));
      continue;
    }
    const pw = (cleaned[i] = r.cleaning.evaluate(env));
    const same = sameReadingBefore(readings, cleaned, i);
    out.push(same >= 0 ? out[same]! : r.compiled.compared({ ...env, password: pw }));
  }
  return out;
}

/** An earlier formula of the same chain whose cleaned password has the same bytes as formula i's, or -1. */
function sameReadingBefore(readings: readonly (Reading | undefined)[], cleaned: readonly (Uint8Array | undefined)[], i: number): number {
  const pw = cleaned[i]!;
  for (let j = 0; j < i; j++) {
    const other = cleaned[j];
    if (other !== undefined && readings[j]!.chainId === readings[i]!.chainId && sameBytes(other, pw)) return j;
  }
  return -1;
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
