/**
 * The formula language: a tiny, closed expression grammar for home-grown salted-digest schemes.
 *
 *   expr   := term ('.' term)*                       concatenation of bytes (PHP's `.`)
 *   term   := INPUT | '$prev' | STRING | call | '(' expr ')'
 *   call   := NAME '(' expr (',' expr)* ')'
 *           | 'repeat' '(' count ',' [expr ','] expr ')'
 *   count  := INT | 'rounds' [('+' | '-') INT]
 *   INPUT  := password | salt | pepper | username
 *   STRING := '...' or "..." with escapes \\ \' \" \n \r \t \0 \xHH (bytes; other chars UTF-8)
 *
 * Functions (closed list, looked up in a Map, never on an object): md5 sha1 sha224 sha256 sha384
 * sha512 (lower-case hex text, as PHP's md5()/hash() return), `<alg>_raw` (raw bytes),
 * `hmac_<alg>(key, data)` and `hmac_<alg>_raw`, upper, lower (ASCII), hex, base64, trim (PHP),
 * html_escape (htmlspecialchars ENT_COMPAT), ipb_escape (IPS legacyEscape), repeat.
 * `repeat(n, body)` evaluates body n times with `$prev` = the previous result ('' at first);
 * `repeat(n, init, body)` starts from init. `lower(username)` etc. are ordinary calls.
 *
 * Nothing is evaluated here: the parser builds a plain AST, bounded in length, depth and size,
 * and every failure is a LegacyHashError ERR_INVALID_ARGUMENT (field `formula`) that names a
 * position, never the formula text (it may hold a literal pepper).
 */
import { LegacyHashError } from '../errors.js';
import type { DigestName } from '../core/digest.js';

export type InputRef = 'password' | 'salt' | 'pepper' | 'username';

export type Node =
  | { k: 'input'; name: InputRef }
  | { k: 'lit'; bytes: Uint8Array }
  | { k: 'prev' }
  | { k: 'concat'; parts: Node[] }
  | { k: 'call'; fn: FunctionName; args: Node[] }
  | { k: 'repeat'; count: Count; init: Node | undefined; body: Node };

/** A repeat count: a literal, or the scheme's `rounds` (from the stored string or params) plus a constant. */
export interface Count {
  rounds: boolean;
  add: number;
}

export type FunctionName =
  | DigestName
  | `${DigestName}_raw`
  | `hmac_${DigestName}`
  | `hmac_${DigestName}_raw`
  | 'upper'
  | 'lower'
  | 'hex'
  | 'base64'
  | 'trim'
  | 'html_escape'
  | 'ipb_escape';

const DIGESTS: readonly DigestName[] = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'];

/** Function name -> arity. A Map, so `constructor`, `__proto__` and friends are simply unknown. */
export const FUNCTIONS: ReadonlyMap<string, number> = new Map<string, number>([
  ...DIGESTS.flatMap((d): [string, number][] => [
    [d, 1],
    [`${d}_raw`, 1],
    [`hmac_${d}`, 2],
    [`hmac_${d}_raw`, 2],
  ]),
  ['upper', 1],
  ['lower', 1],
  ['hex', 1],
  ['base64', 1],
  ['trim', 1],
  ['html_escape', 1],
  ['ipb_escape', 1],
]);

const INPUTS: ReadonlySet<string> = new Set(['password', 'salt', 'pepper', 'username']);

/** Bounds: formulas are configuration, but may come from a file; none of these is near real use. */
export const FORMULA_LIMITS = Object.freeze({
  maxLength: 1024,
  maxDepth: 24,
  maxNodes: 256,
  maxLiteralBytes: 256,
  /** Largest literal repeat count (the engine's maxRounds cap applies on top, per call). */
  maxCount: 100_000_000,
});

type Tok =
  | { t: 'name'; v: string; at: number }
  | { t: 'prev'; at: number }
  | { t: 'str'; v: Uint8Array; at: number }
  | { t: 'int'; v: number; at: number }
  | { t: 'punct'; v: '(' | ')' | ',' | '.' | '+' | '-'; at: number }
  | { t: 'end'; at: number };

/** The nodes directly under `n` (a concat's parts, a call's arguments, a repeat's init and body). */
export function childrenOf(n: Node): readonly Node[] {
  return n.k === 'concat' ? n.parts : n.k === 'call' ? n.args : n.k === 'repeat' ? (n.init ? [n.init, n.body] : [n.body]) : [];
}

export function formulaError(why: string, at?: number): LegacyHashError {
  return new LegacyHashError('ERR_INVALID_ARGUMENT', `formula: ${why}${at === undefined ? '' : ` at offset ${at}`}`, {
    field: 'formula',
  });
}

function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i, i + 64))!;
      if (m[0].length >= 64) throw formulaError('name too long', i);
      toks.push({ t: 'name', v: m[0], at: i });
      i += m[0].length;
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9]+/.exec(src.slice(i, i + 16))!;
      if (m[0].length > 9) throw formulaError('number too large', i);
      toks.push({ t: 'int', v: Number(m[0]), at: i });
      i += m[0].length;
    } else if (c === '$') {
      if (src.slice(i, i + 5) !== '$prev' || /[A-Za-z0-9_]/.test(src[i + 5] ?? '')) throw formulaError('unknown $ name', i);
      toks.push({ t: 'prev', at: i });
      i += 5;
    } else if (c === "'" || c === '"') {
      const [bytes, next] = readString(src, i);
      toks.push({ t: 'str', v: bytes, at: i });
      i = next;
    } else if (c === '(' || c === ')' || c === ',' || c === '.' || c === '+' || c === '-') {
      toks.push({ t: 'punct', v: c, at: i });
      i++;
    } else {
      throw formulaError('unexpected character', i);
    }
  }
  toks.push({ t: 'end', at: src.length });
  return toks;
}

function readString(src: string, start: number): [Uint8Array, number] {
  const quote = src[start]!;
  const out: number[] = [];
  const enc = new TextEncoder();
  let i = start + 1;
  for (;;) {
    if (i >= src.length) throw formulaError('unterminated string', start);
    const c = src[i]!;
    if (c === quote) break;
    if (c === '\\') {
      const e = src[i + 1];
      const simple: Record<string, number> = { '\\': 0x5c, "'": 0x27, '"': 0x22, n: 0x0a, r: 0x0d, t: 0x09, '0': 0 };
      if (e !== undefined && Object.prototype.hasOwnProperty.call(simple, e)) {
        out.push(simple[e]!);
        i += 2;
      } else if (e === 'x' && /^[0-9a-fA-F]{2}$/.test(src.slice(i + 2, i + 4))) {
        out.push(parseInt(src.slice(i + 2, i + 4), 16));
        i += 4;
      } else {
        throw formulaError('bad escape in string', i);
      }
    } else {
      const cp = src.codePointAt(i)!;
      const s = String.fromCodePoint(cp);
      out.push(...enc.encode(s));
      i += s.length;
    }
    if (out.length > FORMULA_LIMITS.maxLiteralBytes) throw formulaError('string literal too long', start);
  }
  return [new Uint8Array(out), i + 1];
}

/** Parses a formula into its AST; throws ERR_INVALID_ARGUMENT on anything else. */
export function parseFormula(src: unknown): Node {
  if (typeof src !== 'string') throw formulaError('must be a string');
  if (src.length === 0) throw formulaError('is empty');
  if (src.length > FORMULA_LIMITS.maxLength) throw formulaError(`longer than ${FORMULA_LIMITS.maxLength} characters`);
  const toks = tokenize(src);
  let pos = 0;
  let nodes = 0;
  const peek = (): Tok => toks[pos]!;
  const next = (): Tok => toks[pos++]!;
  const isPunct = (t: Tok, v: string): boolean => t.t === 'punct' && t.v === v;
  const expect = (v: string): void => {
    const t = next();
    if (!isPunct(t, v)) throw formulaError(`expected '${v}'`, t.at);
  };
  const count = (at: number): void => {
    if (++nodes > FORMULA_LIMITS.maxNodes) throw formulaError('too many terms', at);
  };

  function expr(depth: number): Node {
    if (depth > FORMULA_LIMITS.maxDepth) throw formulaError('nested too deeply', peek().at);
    const parts = [term(depth)];
    while (isPunct(peek(), '.')) {
      next();
      parts.push(term(depth));
    }
    return parts.length === 1 ? parts[0]! : { k: 'concat', parts };
  }

  function term(depth: number): Node {
    const t = next();
    count(t.at);
    if (t.t === 'str') return { k: 'lit', bytes: t.v };
    if (t.t === 'prev') return { k: 'prev' };
    if (isPunct(t, '(')) {
      const e = expr(depth + 1);
      expect(')');
      return e;
    }
    if (t.t !== 'name') throw formulaError('expected a value', t.at);
    if (INPUTS.has(t.v) && !isPunct(peek(), '(')) return { k: 'input', name: t.v as InputRef };
    if (t.v === 'repeat') return repeat(t.at, depth);
    const arity = FUNCTIONS.get(t.v);
    if (arity === undefined) throw formulaError('unknown name', t.at);
    expect('(');
    const args: Node[] = [expr(depth + 1)];
    while (isPunct(peek(), ',')) {
      next();
      args.push(expr(depth + 1));
    }
    expect(')');
    if (args.length !== arity) throw formulaError(`function takes ${arity} argument(s)`, t.at);
    return { k: 'call', fn: t.v as FunctionName, args };
  }

  function repeat(at: number, depth: number): Node {
    expect('(');
    const c = next();
    let cnt: Count;
    if (c.t === 'int') {
      if (c.v < 1 || c.v > FORMULA_LIMITS.maxCount) throw formulaError('repeat count out of range', c.at);
      cnt = { rounds: false, add: c.v };
    } else if (c.t === 'name' && c.v === 'rounds') {
      cnt = { rounds: true, add: 0 };
      const op = peek();
      if (isPunct(op, '+') || isPunct(op, '-')) {
        next();
        const n = next();
        if (n.t !== 'int') throw formulaError('expected a number', n.at);
        cnt.add = isPunct(op, '+') ? n.v : -n.v;
      }
    } else {
      throw formulaError('repeat count must be a number or rounds', c.at);
    }
    expect(',');
    const first = expr(depth + 1);
    let init: Node | undefined;
    let body = first;
    if (isPunct(peek(), ',')) {
      next();
      init = first;
      body = expr(depth + 1);
    }
    expect(')');
    if (!usesPrev(body)) throw formulaError('repeat body must use $prev', at);
    return { k: 'repeat', count: cnt, init, body };
  }

  const root = expr(0);
  const end = peek();
  if (end.t !== 'end') throw formulaError('unexpected input after the formula', end.at);
  checkPrevScope(root, false);
  return root;
}

/** Does `n` read $prev of the repeat it is the body of (not of a nested repeat's body)? */
function usesPrev(n: Node): boolean {
  switch (n.k) {
    case 'prev':
      return true;
    case 'concat':
      return n.parts.some(usesPrev);
    case 'call':
      return n.args.some(usesPrev);
    case 'repeat':
      return n.init !== undefined && usesPrev(n.init);
    default:
      return false;
  }
}

/** $prev outside a repeat body has no value: reject it at parse time. */
function checkPrevScope(n: Node, inRepeat: boolean): void {
  switch (n.k) {
    case 'prev':
      if (!inRepeat) throw formulaError('$prev is only defined inside repeat()');
      return;
    case 'concat':
      for (const p of n.parts) checkPrevScope(p, inRepeat);
      return;
    case 'call':
      for (const a of n.args) checkPrevScope(a, inRepeat);
      return;
    case 'repeat':
      if (n.init) checkPrevScope(n.init, inRepeat);
      checkPrevScope(n.body, true);
      return;
    default:
      return;
  }
}
