/**
 * `defineFormulaScheme`: a home-grown salted-digest scheme described as data — a formula
 * (formula language: parse.ts), how the stored string is laid out, and the usual scheme
 * metadata. It compiles once and then verifies like any built-in scheme (the engine does
 * detection, input checks, the maxRounds cap and the constant-time compare).
 *
 * Layout templates: literal text with the placeholders `{hash}`, `{salt}` and `{rounds}`, e.g.
 * `'{hash}'` (default), `'{hash}:{salt}'`, `'{salt}${hash}'`, `':B:{salt}:{hash}'`,
 * `'{rounds}:{salt}:{hash}'`, `'{SHA256}{hash}:{salt}'` (other `{...}` text is literal).
 * A salt in the layout is read from the string; otherwise a formula that reads `salt` needs
 * `options.salt` (the platform's salt column).
 */
import { utf8 } from '../core/bytes.js';
import { MAX_CHAIN_INPUT_BYTES, stageBytes, stagePassword, stageSameAs, stageSpan, stageString, stageText, unstage } from '../core/chain.js';
import { fromBase64, fromHex } from '../core/encoding.js';
import { passwordBytes, passwordBytesWithin } from '../core/password.js';
import { defineScheme } from '../core/scheme.js';
import { LegacyHashError, malformed } from '../errors.js';
import type { IdentifyOptions, InputName, ParsedHash, Scheme, SchemeInputs, SchemeShape } from '../types.js';
import { compileTree, type CompiledFormula, type FormulaEncoding, type FormulaEnv } from './compile.js';
import { isHtmlEscaped, isTrimmed, keepsEveryByte } from './text.js';
import { parseFormula } from './parse.js';
import { compareReadings, readingsOf, sameBytes } from './readings.js';

export interface FormulaSchemeDefinition {
  /** Stable id, kebab-case (`[a-z0-9-]`, up to 64 chars). */
  id: string;
  title: string;
  /**
   * The formula, or several when the platform accepted several readings of the same password
   * (e.g. escaped and raw): any one matching is a match.
   */
  formula: string | readonly string[];
  /** Layout template(s) of the stored string; the first that matches is used. Default `'{hash}'`. */
  layout?: string | readonly string[];
  /** How `{hash}` is encoded; inferred from the formula (hex digest -> 'hex', base64(...) -> 'base64'). */
  encoding?: FormulaEncoding;
  /** Restrict the hex case `recognize` accepts (a platform that only ever wrote UPPER hex). */
  hexCase?: 'any' | 'lower' | 'upper';
  /** Regular expression source for `{salt}` (default: anything up to the next delimiter). */
  saltPattern?: string;
  /** Default round count for `rounds` when the layout has no `{rounds}`. */
  rounds?: number;
  /** `options.params` key that overrides `rounds` (e.g. `'stretches'`: a config value, not stored). */
  roundsParam?: string;
  /** Inputs the formula reads that may be absent (they are then empty strings). */
  uses?: readonly InputName[];
  /** Required inputs; default: every input the formula reads that is neither in the layout nor in `uses`. */
  needs?: readonly InputName[];
  platforms?: readonly string[];
  platformIds?: readonly string[];
  /** A known answer (from an independent reference). */
  example: { password: string; hash: string; options?: IdentifyOptions };
  /** Ranking weight (see docs/detection.md). Default: 100 when the layout starts with a literal prefix, else 30. */
  rank?: number;
  /** Family name for documentation; default `'formula'`. */
  family?: string;
  /**
   * Run derive on the worker pool. Only for schemes registered at import time in every thread
   * (built-ins); runtime-registered schemes exist only in the thread that registered them.
   */
  offload?: boolean;
}

export interface FormulaParsed extends ParsedHash {
  /** Index of the layout that matched. */
  layout: number;
  /** Salt read from the stored string (undefined: from options.salt). */
  salt?: string;
  rounds: number;
}

interface Layout {
  re: RegExp;
  /** Exact length of every matching string, when the layout fixes it (a bare fixed-size hash). */
  length?: number;
  /** The literal text of the template (Scheme.shape `contains`). */
  literals: string;
  /** The literal text the template starts with ('' when it starts with a placeholder). */
  lead: string;
  /** Shortest and longest matching string (Scheme.shape; max Infinity when a field is open). */
  minLength: number;
  maxLength: number;
  salt: boolean;
  rounds: boolean;
  /**
   * Capture-group numbers of `{hash}`, `{salt}`, `{rounds}` in `re` (0: not in the layout).
   * Perf (issue #8): the groups are unnamed and parse reads `m[n]`: with named groups every
   * match also builds a `groups` object, which cost more than the match.
   */
  hashAt: number;
  saltAt: number;
  roundsAt: number;
  /**
   * The template in order, for offsets from a match: a literal's length (>= 0), or minus the
   * group number of a placeholder (its length is its captured text's).
   */
  pieces: readonly number[];
  /**
   * For check(), when the layout has a fixed-size {hash} and no {rounds}: the template as
   * literal strings, the hash's length (a number > 0) and the salt (-1), whose length is then
   * what the rest leaves (see check()). undefined: check() runs the regex.
   */
  plan?: readonly (string | number)[];
  /** The plan's total length without the salt, and the character the default salt excludes ('' none). */
  fixedLength: number;
  saltStop: string;
  /** A `saltPattern` salt, anchored: the plan tests the salt's span with it (instead of saltStop). */
  saltRe?: RegExp;
}

/** Number of capturing groups in a complete regular-expression source (an empty alternative matches ''). */
function groupCount(src: string): number {
  return new RegExp(`${src}|`).exec('')!.length - 1;
}

const ID_RE = /^[a-z0-9][a-z0-9-]{0,63}$/;
const PLACEHOLDER = /\{(hash|salt|rounds)\}/g;

function definitionError(why: string): LegacyHashError {
  return new LegacyHashError('ERR_INVALID_ARGUMENT', `defineFormulaScheme: ${why}`, { field: 'scheme' });
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The characters of a hex digest of this case, as a class body. */
function hexClass(hexCase: 'any' | 'lower' | 'upper'): string {
  return hexCase === 'upper' ? '0-9A-F' : hexCase === 'lower' ? '0-9a-f' : '0-9a-fA-F';
}

/** Length of the text `{hash}` matches: fixed for a fixed-size hex or base64 digest. */
function hashLength(f: CompiledFormula): { min: number; max: number } {
  if (f.bytes && f.encoding === 'hex') return { min: f.bytes * 2, max: f.bytes * 2 };
  if (f.bytes && f.encoding === 'base64') return { min: Math.ceil(f.bytes / 3) * 4, max: Math.ceil(f.bytes / 3) * 4 };
  return { min: f.encoding === 'hex' ? 2 : 1, max: Infinity };
}

function hashPattern(f: CompiledFormula, hexCase: 'any' | 'lower' | 'upper'): string {
  if (f.encoding === 'hex') {
    const cls = hexClass(hexCase);
    return f.bytes ? `[${cls}]{${f.bytes * 2}}` : `(?:[${cls}]{2})+`;
  }
  if (f.encoding === 'base64') {
    if (!f.bytes) return '[A-Za-z0-9+/]+={0,2}';
    const pad = (3 - (f.bytes % 3)) % 3;
    return `[A-Za-z0-9+/]{${Math.ceil(f.bytes / 3) * 4 - pad}}={${pad}}`;
  }
  return '[\\s\\S]+?';
}

/**
 * What every layout promises about a string's start (types.ts `prefixes`): its leading literal,
 * else the first character of the leading {hash} (a hex or base64 digit) or {rounds} (a decimal
 * digit). undefined when some layout starts with {salt} or a raw hash (no promise).
 */
function layoutPrefixes(templates: readonly string[], f: CompiledFormula, hexCase: 'any' | 'lower' | 'upper'): string[] | undefined {
  const out = new Set<string>();
  for (const t of templates) {
    const [lead, name] = t.split(PLACEHOLDER) as [string, string | undefined];
    if (lead !== '') out.add(lead);
    else if (name === 'rounds') for (const c of '0123456789') out.add(c);
    else if (name === 'hash' && f.encoding === 'hex') {
      const digits = hexCase === 'upper' ? '0123456789ABCDEF' : hexCase === 'lower' ? '0123456789abcdef' : '0123456789abcdefABCDEF';
      for (const c of digits) out.add(c);
    } else if (name === 'hash' && f.encoding === 'base64') {
      for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/') out.add(c);
    } else return undefined;
  }
  return [...out];
}

function compileLayout(template: string, hash: string, hashLen: { min: number; max: number }, saltPattern: string | undefined): Layout {
  const pieces = template.split(PLACEHOLDER); // literal, name, literal, name, ..., literal
  const names = pieces.filter((_, i) => i % 2 === 1);
  const countOf = (n: string) => names.filter((x) => x === n).length;
  if (countOf('hash') !== 1 || countOf('salt') > 1 || countOf('rounds') > 1) {
    throw definitionError('a layout needs exactly one {hash} and at most one {salt} and {rounds}');
  }
  let src = '^';
  let saltStop = '';
  const at = { hash: 0, salt: 0, rounds: 0 };
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    // A placeholder's group comes after every group before it (`hash` and `saltPattern` may have their own).
    if (i % 2 === 1) at[p as keyof typeof at] = groupCount(src) + 1;
    if (i % 2 === 0) {
      src += escapeRe(p);
    } else if (p === 'hash') {
      src += `(${hash})`;
    } else if (p === 'rounds') {
      src += '([0-9]{1,10})';
    } else {
      // Default salt: anything but the delimiter that ends it (or starts it, when it is last).
      const after = pieces[i + 1] ?? '';
      const before = pieces[i - 1] ?? '';
      const stop = after !== '' ? after[0]! : before !== '' ? before[before.length - 1]! : '';
      const salt = saltPattern ?? (stop === '' ? '[\\s\\S]*' : `[^${escapeRe(stop)}]*`);
      src += `(${salt})`;
      saltStop = stop;
    }
  }
  // A layout that is only a fixed-size `{hash}` can reject a string by its length alone
  // (detection asks every such scheme about every bare hex string).
  const fixed = pieces.length === 3 && pieces[0] === '' && pieces[2] === '' ? /^\[[^\]]+\]\{(\d+)\}$/.exec(hash) : null;
  // Lengths for Scheme.shape: literals + the hash + 1..10 rounds digits + an open salt.
  const literals = pieces.filter((_, i) => i % 2 === 0).join('');
  const layout: Layout = {
    re: new RegExp(`${src}$`),
    literals,
    lead: pieces[0]!,
    minLength: literals.length + hashLen.min + (names.includes('rounds') ? 1 : 0),
    maxLength: names.includes('salt') ? Infinity : literals.length + hashLen.max + (names.includes('rounds') ? 10 : 0),
    salt: names.includes('salt'),
    rounds: names.includes('rounds'),
    hashAt: at.hash,
    saltAt: at.salt,
    roundsAt: at.rounds,
    pieces: pieces.map((p, i) => (i % 2 === 0 ? p.length : -at[p as keyof typeof at])),
    fixedLength: literals.length + hashLen.min,
    saltStop,
  };
  const fixedSize = hashLen.min === hashLen.max; // timing-safe: the formula's digest lengths, not digests
  // Every other field has a fixed size, so the salt's span follows from the string's length and
  // the regex could match no other way: the plan reads the same fields.
  if (!names.includes('rounds') && fixedSize) {
    const plan: (string | number)[] = [];
    pieces.forEach((p, i) => {
      if (i % 2 === 1) plan.push(p === 'hash' ? hashLen.min : -1);
      else if (p !== '') plan.push(p);
    });
    layout.plan = plan;
    if (saltPattern !== undefined) layout.saltRe = new RegExp(`^(?:${saltPattern})$`);
  }
  if (fixed) layout.length = Number(fixed[1]);
  return layout;
}

const EMPTY = new Uint8Array(0);

/**
 * What the layouts promise about a whole string (types.ts `shape`), for detection: its lengths;
 * for a lone bare fixed-size hex `{hash}`, also its alphabet, exactly (recognize is then that
 * shape). `layout` names everything parse() depends on, so formula schemes that read the same
 * layouts the same way (the eight 32-hex md5 schemes) share one parse in detection.
 */
function layoutShape(layouts: readonly Layout[], f: CompiledFormula, hexCase: 'any' | 'lower' | 'upper', rounds: unknown): SchemeShape {
  const layout = `formula:${JSON.stringify([layouts.map((l) => l.re.source), f.encoding, rounds])}`;
  const [only] = layouts;
  if (layouts.length === 1 && only!.length !== undefined && f.encoding === 'hex') {
    return Object.freeze({ length: only!.length, chars: hexClass(hexCase), exact: true, layout });
  }
  const min = Math.min(...layouts.map((l) => l.minLength));
  const max = Math.max(...layouts.map((l) => l.maxLength));
  // Literal characters every layout has (the `:` of `{hash}:{salt}`).
  const common = [...(layouts[0]!.literals)].filter((c) => layouts.every((l) => l.literals.includes(c)));
  return Object.freeze({
    length: max === Infinity ? { min } : { min, max },
    ...(common.length > 0 ? { contains: [...new Set(common)].map((c) => (/[A-Za-z0-9]/.test(c) ? c : `\\${c}`)).join('') } : {}),
    layout,
  });
}

/**
 * Whether trim() and html_escape() (text.ts) leave this password's UTF-8 bytes as they are (both
 * change ASCII bytes only: see keepsEveryByte).
 */
function changesNothing(pw: string | Uint8Array): boolean {
  const n = pw.length;
  if (n === 0) return true;
  const at = typeof pw === 'string' ? (i: number) => pw.charCodeAt(i) : (i: number) => pw[i]!;
  return !isTrimmed(at(0)) && !isTrimmed(at(n - 1)) && keepsEveryByte(pw, isHtmlEscaped);
}

/** Compiles a formula scheme once; throws ERR_INVALID_ARGUMENT for a bad definition or formula. */
export function defineFormulaScheme(def: FormulaSchemeDefinition): Scheme<FormulaParsed> {
  if (typeof def !== 'object' || def === null) throw definitionError('definition must be an object');
  if (typeof def.id !== 'string' || !ID_RE.test(def.id)) throw definitionError('id must be kebab-case [a-z0-9-], up to 64 chars');
  if (typeof def.title !== 'string' || def.title === '') throw definitionError('title is required');
  if (!def.example || typeof def.example.password !== 'string' || typeof def.example.hash !== 'string') {
    throw definitionError('example { password, hash } is required');
  }
  const sources = typeof def.formula === 'string' ? [def.formula] : [...(def.formula ?? [])];
  if (sources.length === 0 || sources.length > 8) throw definitionError('formula: 1 to 8 formulas');
  const trees = sources.map((src) => parseFormula(src));
  const formulas = trees.map((t) => compileTree(t, def.encoding));
  const first = formulas[0]!;
  if (formulas.some((f) => f.encoding !== first.encoding || f.bytes !== first.bytes)) {
    throw definitionError('all formulas of a scheme must produce the same encoding and length');
  }

  // Several formulas: chains over cleaned passwords evaluate once per distinct cleaned password.
  const readings = formulas.length > 1 ? readingsOf(trees, first.encoding) : [];
  const templates = def.layout === undefined ? ['{hash}'] : typeof def.layout === 'string' ? [def.layout] : [...def.layout];
  if (templates.length === 0 || templates.length > 8) throw definitionError('layout: 1 to 8 templates');
  const layouts = templates.map((t) => compileLayout(t, hashPattern(first, def.hexCase ?? 'any'), hashLength(first), def.saltPattern));
  const saltInLayout = layouts.every((l) => l.salt);
  if (!saltInLayout && layouts.some((l) => l.salt)) throw definitionError('either every layout or none has {salt}');
  const roundsInLayout = layouts.every((l) => l.rounds);
  const usesRounds = formulas.some((f) => f.usesRounds);
  if (usesRounds && !roundsInLayout && def.rounds === undefined) {
    throw definitionError('the formula uses rounds: give a default `rounds` or a {rounds} layout');
  }
  if (def.rounds !== undefined && !(Number.isInteger(def.rounds) && def.rounds >= 0)) {
    throw definitionError('rounds must be a non-negative integer');
  }

  const read = new Set<InputName>();
  for (const f of formulas) for (const i of f.inputs) read.add(i);
  if (saltInLayout) read.delete('salt');
  const uses = [...(def.uses ?? [])];
  const needs = def.needs ? [...def.needs] : [...read].filter((i) => !uses.includes(i));
  const prefixed = templates.every((t) => !t.startsWith('{hash}') && !t.startsWith('{salt}') && !t.startsWith('{rounds}'));
  // Literal prefixes let detection skip this scheme for other first characters (types.ts `prefixes`).
  // Perf (issue #8): a layout starting with {hash} or {rounds} also promises its first character.
  const prefixes = layoutPrefixes(templates, first, def.hexCase ?? 'any');
  const id = def.id;
  const encoding = first.encoding;
  const anyHexCase = (def.hexCase ?? 'any') === 'any';
  const shape = layoutShape(layouts, first, def.hexCase ?? 'any', usesRounds ? [def.rounds ?? 0, def.roundsParam ?? null] : null);

  // The last match recognize() made: verify() and detection ask recognize() then parse() about
  // the same string, and a layout's regular expression is most of either (issue #8). Holds the
  // stored string and its fields only (never a password); a string matches its layout for good.
  let lastText: string | undefined;
  let lastLayout = -1;
  let lastMatch: RegExpExecArray | null = null;
  function remember(text: string, layout: number, m: RegExpExecArray): void {
    lastText = text;
    lastLayout = layout;
    lastMatch = m;
  }

  function roundsFor(stored: string | undefined, inputs: SchemeInputs): number {
    if (stored !== undefined) return Number(stored);
    const key = def.roundsParam;
    const given = key !== undefined && inputs.params ? inputs.params[key] : undefined;
    if (given === undefined) return def.rounds ?? 0;
    const n = typeof given === 'number' ? given : /^[0-9]{1,10}$/.test(given) ? Number(given) : NaN;
    if (!Number.isInteger(n) || n < 0) {
      throw new LegacyHashError('ERR_INVALID_ARGUMENT', `${id}: params.${key} must be a non-negative integer`, {
        field: key,
        scheme: id,
      });
    }
    return n;
  }

  function envOf(password: Uint8Array, p: FormulaParsed, inputs: SchemeInputs): FormulaEnv {
    const salt = p.salt ?? inputs.salt;
    return {
      password,
      salt: salt === undefined ? EMPTY : utf8(salt),
      pepper: inputs.pepper ?? EMPTY,
      username: inputs.username === undefined ? EMPTY : utf8(inputs.username),
      rounds: p.rounds,
    };
  }

  // The whole verification in one call of the chain machine (Scheme.check): one formula of
  // digests over the password, salt, pepper and username, compared as hex, no rounds.
  // Several formulas: when they are one chain over differently cleaned passwords (readings.ts),
  // that chain's program, run once per distinct cleaned password.
  const oneChain =
    formulas.length > 1 && readings.every((r) => r !== undefined && r.chainId === 0 && r.compiled.chain?.computed.length === 0)
      ? readings[0]!.compiled.chain
      : undefined;
  const chainOfCheck = encoding !== 'hex' || usesRounds ? undefined : formulas.length === 1 ? first.chain : oneChain;
  const checkProgram = chainOfCheck?.program() ?? undefined;
  const chain = checkProgram && chainOfCheck ? { program: checkProgram, computed: chainOfCheck.computed, sameInput: chainOfCheck.sameInput } : undefined;
  // The readings clean the password with trim() and html_escape() only: whether they change a
  // password is known from its characters (changesNothing).
  const plainCleanings = readings.every((r) => r !== undefined && r.cleanedBy.every((fn) => fn === 'trim' || fn === 'html_escape'));
  const checkedAs = def.hexCase === 'upper' ? 'hex-upper' : def.hexCase === 'lower' ? 'hex-lower' : 'hex';
  const needsSalt = needs.includes('salt');
  const needsPepper = needs.includes('pepper');
  const needsUsername = needs.includes('username');

  // Where check() found the digest and the salt in the stored string (-1: no salt there), read by
  // checkOne/checkReadings. A check runs synchronously from start to end, so one set serves.
  let hashStart = -1;
  let hashEnd = 0;
  let saltStart = -1;
  let saltEnd = 0;

  function check(password: string | Uint8Array, s: string, inputs: SchemeInputs, maxPasswordBytes: number): boolean | undefined {
    // Where the digest and the salt are in `s`: the layout parse() would take.
    hashStart = -1;
    saltStart = -1;
    for (let i = 0; i < layouts.length && hashStart < 0; i++) {
      const l = layouts[i]!;
      if (l.length !== undefined) {
        // Hex digits and their case are checked by the module (-1: the general path, which may
        // try the next layout).
        if (l.length === s.length) {
          hashStart = 0;
          hashEnd = s.length;
        }
      } else if (l.plan !== undefined) {
        // Fixed-size fields around at most one salt: every position follows from the length.
        const saltLength = s.length - l.fixedLength;
        if (saltLength < 0 || (!l.salt && saltLength !== 0)) continue;
        let at = 0;
        let fits = true;
        for (let k = 0; k < l.plan.length && fits; k++) {
          const p = l.plan[k]!;
          if (typeof p === 'string') {
            fits = s.startsWith(p, at);
            at += p.length;
          } else if (p > 0) {
            hashStart = at; // hex digits: checked by the module
            hashEnd = at + p;
            at += p;
          } else {
            if (l.saltRe !== undefined) {
              fits = l.saltRe.test(s.slice(at, at + saltLength));
            } else {
              const stop = l.saltStop === '' ? -1 : s.indexOf(l.saltStop, at);
              fits = stop < 0 || stop >= at + saltLength;
            }
            saltStart = at;
            at += saltLength;
            saltEnd = at;
          }
        }
        if (!fits) hashStart = saltStart = -1;
      } else if (s.startsWith(l.lead)) {
        const m = l.re.exec(s);
        if (m === null) continue;
        let at = 0;
        for (let k = 0; k < l.pieces.length; k++) {
          const p = l.pieces[k]!;
          if (p >= 0) {
            at += p;
            continue;
          }
          const len = m[-p]!.length;
          if (-p === l.hashAt) { // timing-safe: capture-group numbers, not digests
            hashStart = at;
            hashEnd = at + len;
          } else if (-p === l.saltAt) {
            saltStart = at;
            saltEnd = at + len;
          }
          at += len;
        }
      }
    }
    if (hashStart < 0) return undefined;
    if ((needsSalt && saltStart < 0 && inputs.salt === undefined) || (needsPepper && inputs.pepper === undefined)) return undefined;
    if (needsUsername && inputs.username === undefined) return undefined;
    if (!stageText(s)) return undefined;
    return readings.length === 0 ? checkOne(password, s, inputs, maxPasswordBytes) : checkReadings(password, s, inputs, maxPasswordBytes);
  }

  /** Stages the salt (from the stored string or options), pepper and username as inputs 1-3. */
  function stageInputs(inputs: SchemeInputs): boolean {
    if (saltStart >= 0) stageSpan(1, saltStart, saltEnd);
    else if (inputs.salt === undefined) stageSpan(1, 0, 0);
    else if (!stageString(1, inputs.salt)) return false;
    return stageBytes(2, inputs.pepper ?? EMPTY) && stageString(3, inputs.username ?? '');
  }

  /** The formula's inputs as bytes, as derive has them (for values computed in JavaScript). */
  function envFor(password: Uint8Array, s: string, inputs: SchemeInputs): FormulaEnv {
    const salt = saltStart >= 0 ? s.slice(saltStart, saltEnd) : undefined;
    return envOf(password, { salt, layout: 0, expected: EMPTY, rounds: 0 }, inputs);
  }

  /** check() of one formula: one run of its program. */
  function checkOne(password: string | Uint8Array, s: string, inputs: SchemeInputs, maxPasswordBytes: number): boolean | undefined {
    if (!stagePassword(password, maxPasswordBytes)) return undefined;
    const { program, computed, sameInput } = chain!;
    // Values computed in JavaScript (a cleaned password, a lower-cased username) need the inputs
    // as bytes; the password's copy is wiped after. A cleaning that changes nothing in the
    // password (or username) is that input itself: its input points at the staged one.
    let env: FormulaEnv | undefined;
    try {
      if (!stageInputs(inputs)) return undefined;
      for (let i = 0; i < computed.length; i++) {
        const same = sameInput[i];
        if (same !== undefined && same.keeps(same.input === 0 ? password : (inputs.username ?? ''))) {
          stageSameAs(4 + i, same.input);
          continue;
        }
        env ??= envFor(passwordBytes(password), s, inputs); // a string or bytes: stagePassword took it
        if (!stageBytes(4 + i, computed[i]!(env))) return undefined;
      }
      return program.check(checkedAs, hashStart, hashEnd);
    } finally {
      unstage(); // nothing left after check(); after an early return, the password
      if (env !== undefined) env.password.fill(0);
    }
  }

  /**
   * check() of one chain read several ways (OpenCart: the password raw, HTML-escaped, trimmed):
   * one run per distinct cleaned password, as derive evaluates it (readings.ts), all of them
   * (no early exit on a match), a match if any matches.
   */
  function checkReadings(password: string | Uint8Array, s: string, inputs: SchemeInputs, maxPasswordBytes: number): boolean | undefined {
    // Perf: most passwords have nothing any cleaning changes; every reading is then the password.
    if (plainCleanings && changesNothing(password)) return checkOne(password, s, inputs, maxPasswordBytes);
    const bytes = passwordBytesWithin(password, maxPasswordBytes);
    if (bytes === undefined) return undefined;
    const env = envFor(bytes, s, inputs);
    const cleaned: Uint8Array[] = [];
    let match = false;
    try {
      for (let i = 0; i < readings.length; i++) {
        const pw = readings[i]!.cleaning.evaluate(env);
        if (cleaned.some((c) => sameBytes(c, pw))) continue;
        cleaned.push(pw);
        // The cap was checked on the password; a cleaned one may be longer (escapes).
        if (!stagePassword(pw, MAX_CHAIN_INPUT_BYTES) || !stageInputs(inputs)) return undefined;
        const r = chain!.program.check(checkedAs, hashStart, hashEnd);
        if (r === undefined) return undefined;
        match = r || match;
      }
      return match;
    } finally {
      unstage();
      bytes.fill(0);
      for (const c of cleaned) c.fill(0);
    }
  }

  return defineScheme<FormulaParsed>({
    id,
    title: def.title,
    family: def.family ?? 'formula',
    platforms: Object.freeze([...(def.platforms ?? [])]),
    platformIds: Object.freeze((def.platformIds ?? []).map((p) => p.toLowerCase())),
    example: def.example,
    ...(usesRounds
      ? { costs: [{ name: 'rounds', default: def.rounds ?? 0, min: 0, max: 2 ** 31, limit: 'maxRounds' as const }] }
      : {}),
    needs: Object.freeze(needs),
    uses: Object.freeze(uses),
    rank: def.rank ?? (prefixed ? 100 : 30),
    ...(prefixes ? { prefixes: Object.freeze(prefixes) } : {}),
    shape,
    offload: def.offload === true,
    recognize(s) {
      for (let i = 0; i < layouts.length; i++) {
        const l = layouts[i]!;
        if (l.length !== undefined) {
          if (l.length === s.length && l.re.test(s)) return true;
        } else if (s.startsWith(l.lead)) {
          const m = l.re.exec(s);
          if (m) {
            remember(s, i, m);
            return true;
          }
        }
      }
      return false;
    },
    parse(s, inputs) {
      // One regex run per layout (not a test() then an exec()), and none where the literal start differs.
      let layout = -1;
      let text: string | undefined;
      let expected: Uint8Array | null = null;
      let salt: string | undefined;
      let rounds: string | undefined;
      for (let i = 0; i < layouts.length && text === undefined; i++) {
        const l = layouts[i]!;
        if (l.length !== undefined) {
          // A bare fixed-size hex `{hash}` (the only layouts with a length) is the whole string.
          // fromHex checks its digits as the regex would (null: not this layout); the regex only
          // runs for a platform's fixed hex case (forced verify() already ran it in recognize).
          if (l.length === s.length && (anyHexCase || l.re.test(s))) {
            expected = fromHex(s);
            if (expected) text = s;
          }
        } else if (s.startsWith(l.lead)) {
          const m = s === lastText && i === lastLayout ? lastMatch : l.re.exec(s);
          if (m) {
            text = m[l.hashAt]!;
            salt = l.saltAt === 0 ? undefined : m[l.saltAt];
            rounds = l.roundsAt === 0 ? undefined : m[l.roundsAt];
          }
        }
        if (text !== undefined) layout = i;
      }
      if (text === undefined) throw malformed(id, 'string does not match the layout');
      expected ??= encoding === 'hex' ? fromHex(text) : encoding === 'base64' ? fromBase64(text) : utf8(text);
      if (!expected || expected.length === 0) throw malformed(id, `invalid ${encoding} digest`);
      const parsed: FormulaParsed = { layout, expected, rounds: usesRounds ? roundsFor(rounds, inputs) : 0 };
      if (salt !== undefined) parsed.salt = salt;
      return parsed;
    },
    // Every formula runs (derive maps over all of them), and literal repeat counts cost as much
    // as stored ones: the total goes against maxRounds.
    cost: (p: FormulaParsed) => {
      const total = formulas.reduce((n, f) => n + f.iterations(p.rounds), 0);
      return total > 0 ? [{ limit: 'maxRounds' as const, value: total, name: 'rounds' }] : [];
    },
    derive(password, p, inputs) {
      const env = envOf(password, p, inputs);
      return formulas.length === 1 ? first.compared(env) : compareReadings(formulas, readings, env);
    },
    describe(p) {
      const d: Record<string, string | number> = {};
      if (p.salt !== undefined) d['saltLength'] = p.salt.length;
      if (usesRounds) d['rounds'] = p.rounds;
      if (templates.length > 1) d['layout'] = templates[p.layout]!;
      return d;
    },
    ...(chain ? { check } : {}),
  });
}
