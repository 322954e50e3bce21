import { LegacyHashError, toLegacyHashError } from '../errors.js';
import { allSchemes, schemesForPlatform } from '../registry.js';
import type { InputName, ParsedHash, Scheme, SchemeInputs } from '../types.js';
import { missingInputs, score } from './rank.js';
import { ANY_CLASSES, classMask, compileShape, type CompiledShape } from './shape.js';

/** A scheme that fits a stored string, with its parsed form. */
export interface Fit {
  scheme: Scheme;
  parsed: ParsedHash;
  missing: InputName[];
  score: number;
}

export interface Detection {
  /** Fitting schemes, most likely first. */
  fits: Fit[];
  /** Set when some scheme claimed the string but its body was invalid. */
  malformed?: LegacyHashError;
}

/**
 * Every scheme that recognises `stored` and parses it, ranked. A scheme whose parse throws is
 * remembered as `malformed` (a non-LegacyHashError, i.e. a parser bug, is reported to the
 * internal-error hook and counts as ERR_MALFORMED_HASH); a recognize() that throws does not fit.
 */
export function detect(stored: string, inputs: SchemeInputs, platform?: string): Detection {
  const fits: Fit[] = [];
  const failure = scan(stored, inputs, platform, fits, toFit);
  if (failure === undefined) return { fits };
  if (failure.declined) return new LazyMalformed(fits, failure.scheme, stored, inputs);
  return { fits, malformed: toLegacyHashError(failure.error, 'parse', failure.scheme.id) };
}

/** A fit as detect() returns it: a shared parse is copied, so no fit can change another's. */
function toFit(member: Member, parsed: ParsedHash, shared: boolean, missing: InputName[], score: number): Fit {
  return { scheme: member.scheme, parsed: shared ? { ...parsed } : parsed, missing, score };
}

/** What makes one output item of scan() (a Fit for detect, a Candidate for identify). */
export type FitMaker<T> = (member: Member, parsed: ParsedHash, shared: boolean, missing: InputName[], score: number) => T;

/**
 * One candidate scheme of a dispatch entry, with what scan() reads about it in this entry and,
 * once ranked, for one combination of inputs: one object per candidate in the hot loop (issue #8),
 * not a scheme plus entries of parallel arrays. (The schemes themselves share one object layout,
 * src/core/scheme.ts, so reading their methods stays monomorphic.)
 */
export class Member {
  /** Score and missing inputs (rank.ts) in one ranking (Entry.rankings); 0 and none in Entry.members. */
  score = 0;
  missing: readonly InputName[] = [];

  constructor(
    readonly scheme: Scheme,
    /** Position in the pool (ties and the first failure go by it). */
    readonly at: number,
    /** The shape is exact for this entry's key: recognize() would return true. */
    readonly exact: boolean,
    /** Layout group (an index into the per-call shared parses), or -1. */
    readonly group: number,
  ) {}

  /**
   * This member as ranked for one combination of inputs. Perf (issue #8): the scan loop then
   * reads one object per candidate, not a member plus entries of parallel score/missing arrays.
   */
  ranked(score: number, missing: readonly InputName[]): Member {
    const m = new Member(this.scheme, this.at, this.exact, this.group);
    m.score = score;
    m.missing = missing;
    return m;
  }
}

/** The first failure in pool order: a claiming scheme that declined its opt-in, or a parse that threw. */
export interface ScanFailure {
  scheme: Scheme;
  declined: boolean;
  /** What its parse threw (declined: not run). */
  error?: unknown;
}

/**
 * detect() without building its result: appends `make(...)` for every fit to `out`, best first,
 * and returns the first failure (undefined: none). identify() builds its candidates with it
 * directly (no Fit objects, no copies of shared parses: it only hands them to describe()).
 * `shared` is true when `parsed` is another fit's parse too (Scheme.shape `layout`); `missing`
 * is a fresh array.
 *
 * Exactly what the plain loop over the pool gives (recognize, parse, rank, stable sort; the first
 * failure in pool order is `malformed`), done faster: only the schemes that can claim the string's
 * prefix and shape are asked (candidatesFor), in their ranked order (no sort), recognize() is
 * skipped where the shape is exact, and schemes that read the same layout share one parse.
 */
export function scan<T>(stored: string, inputs: SchemeInputs, platform: string | undefined, out: T[], make: FitMaker<T>): ScanFailure | undefined {
  const pool = platform === undefined ? allSchemes() : schemesForPlatform(platform);
  const entry = entryFor(pool, stored);
  const ranking = rankingOf(entry, inputs, platform);
  // The first failure in pool order decides `malformed`: a claiming scheme that declined its
  // opt-in (Scheme.optIn: its parse would throw, and that error is built only if read), or a
  // parse that threw (converted by the caller, once).
  let failAt = Infinity;
  let failed: Member | undefined;
  let declined = false;
  let failure: unknown;
  // Per layout group: the first member's parse (null: it threw, so every member's parse throws).
  const shared: (ParsedHash | null | undefined)[] | undefined = entry.groups > 0 ? new Array(entry.groups) : undefined;
  const members = ranking.members;
  for (let k = 0; k < members.length; k++) {
    const m = members[k]!;
    const at = m.at;
    const scheme = m.scheme;
    const optedIn = scheme.optIn === undefined || optsIn(scheme, inputs, stored);
    // A declined scheme cannot fit; it only matters as the first failure.
    if (!optedIn && at > failAt) continue;
    if (!m.exact) {
      let claimed: boolean;
      try {
        claimed = scheme.recognize(stored) === true;
      } catch (e) {
        toLegacyHashError(e, 'recognize', scheme.id);
        continue;
      }
      if (!claimed) continue;
    }
    if (!optedIn) {
      failAt = at;
      failed = m;
      declined = true;
      continue;
    }
    const g = m.group;
    const prior = g >= 0 ? shared![g] : undefined;
    let parsed: ParsedHash;
    if (prior) {
      parsed = prior;
    } else if (prior === null && at > failAt) {
      continue; // its parse throws too, and an earlier failure is already known
    } else {
      try {
        parsed = scheme.parse(stored, inputs);
      } catch (e) {
        if (at < failAt) {
          failAt = at;
          failed = m;
          declined = false;
          failure = e;
        }
        if (g >= 0) shared![g] = null;
        continue;
      }
      if (g >= 0 && prior === undefined) shared![g] = parsed;
    }
    out.push(make(m, parsed, g >= 0, copyOf(m.missing), m.score));
  }
  if (failed === undefined) return undefined;
  return declined ? { scheme: failed.scheme, declined } : { scheme: failed.scheme, declined, error: failure };
}

/**
 * A fresh copy of a missing-inputs list (every fit gets its own). Perf (issue #8): nearly all
 * are empty or name one input, and an array literal costs less than a slice() call.
 */
function copyOf(list: readonly InputName[]): InputName[] {
  switch (list.length) {
    case 0:
      return [];
    case 1:
      return [list[0]!];
    default:
      return list.slice();
  }
}

/** optIn() that throws counts as opted in: the parse then runs (and fails) as it always did. */
function optsIn(scheme: Scheme, inputs: SchemeInputs, stored: string): boolean {
  try {
    return scheme.optIn!(inputs, stored) === true;
  } catch {
    return true;
  }
}

/**
 * `malformed` = the error the declined scheme's parse throws, computed once on first read.
 * A class (getter on the prototype): detection builds one for every bcrypt string (the opt-in
 * bcrypt wrappers decline it), and an object literal with its own getter costs a closure each.
 */
class LazyMalformed implements Detection {
  // Private: a Detection never exposes the stored string or the inputs (pepper) it was made from.
  readonly #scheme: Scheme;
  readonly #stored: string;
  readonly #inputs: SchemeInputs;
  #error: LegacyHashError | undefined;

  constructor(
    readonly fits: Fit[],
    scheme: Scheme,
    stored: string,
    inputs: SchemeInputs,
  ) {
    this.#scheme = scheme;
    this.#stored = stored;
    this.#inputs = inputs;
  }

  get malformed(): LegacyHashError {
    if (this.#error === undefined) {
      const scheme = this.#scheme;
      try {
        scheme.parse(this.#stored, this.#inputs);
        // Broken promise (optIn false but parse accepted): still report it as not opted in.
        this.#error = new LegacyHashError('ERR_MISSING_INPUT', `${scheme.id}: not enabled by options.params`, { scheme: scheme.id });
      } catch (e) {
        this.#error = toLegacyHashError(e, 'parse', scheme.id);
      }
    }
    return this.#error;
  }
}

// ---------- dispatch: prefix and shape ----------

/**
 * Schemes of `pool` that may recognise `stored`, in pool order: those whose declared prefixes
 * (`Scheme.prefixes`) include one `stored` starts with and whose declared shape (`Scheme.shape`)
 * admits its length and characters; a scheme that declares neither is always asked. Skipping the
 * others changes nothing but speed (recognize() would return false); test/identify-fast.test.ts
 * compares this with the plain loop over every scheme.
 */
export function candidatesFor(pool: readonly Scheme[], stored: string): readonly Scheme[] {
  return entryFor(pool, stored).schemes;
}

/** The candidates for one dispatch key (longest declared prefix, character classes, length). */
interface Entry {
  /** Candidate schemes, in pool order. */
  schemes: Scheme[];
  /** The same candidates as scan() reads them. */
  members: Member[];
  /** Number of layout groups (Member.group) in this entry. */
  groups: number;
  /** Ranked order, scores and missing inputs per combination of supplied inputs (rankingOf). */
  rankings: (Ranking | undefined)[];
}

interface Ranking {
  platform: string | undefined;
  /** The entry's members with their score and missing inputs, best first (stable: ties keep pool order). */
  members: Member[];
}

interface TrieNode {
  prefix: string;
  terminal: boolean;
  /** Children by ASCII code (most prefixes are ASCII: one array load per character). */
  next: (TrieNode | undefined)[] | undefined;
  /** Children by other UTF-16 code units. */
  nextOther: Map<number, TrieNode> | undefined;
  /** For a terminal node (or the root): what dispatch reads of a string with this prefix. */
  dispatch: NodeDispatch | undefined;
}

/** Dispatch of strings whose longest declared prefix is one node's (filled on first use). */
interface NodeDispatch {
  /** Some candidate's shape reads the characters / the length (else they are not computed). */
  chars: boolean;
  length: boolean;
  /** The entry when neither is read; otherwise entries by (class mask, length). */
  only: Entry | undefined;
  entries: Map<number, Entry> | undefined;
}

interface DispatchIndex {
  /** pool.length when built. */
  size: number;
  /** Every declared prefix of the pool, character by character. */
  root: TrieNode;
  /** pool[i]'s compiled shape (src/detect/shape.ts), or undefined. */
  shapes: (CompiledShape | undefined)[];
  /** Entries cached in the nodes' maps, and those nodes (to clear them all at MAX_ENTRIES). */
  cached: number;
  cachedIn: NodeDispatch[];
}

const indexes = new WeakMap<readonly Scheme[], DispatchIndex>();
// The last pool and its index: nearly every call uses the same pool (allSchemes()).
let lastPool: readonly Scheme[] | undefined;
let lastIndex: DispatchIndex | undefined;
/** Distinct dispatch keys kept per pool; a flood of odd shapes clears the cache, never grows it. */
const MAX_ENTRIES = 4096;
/** Longer strings are dispatched without caching (their length does not fit the key). */
const MAX_KEYED_LENGTH = 2047;

function indexFor(pool: readonly Scheme[]): DispatchIndex {
  // The registry only appends (registerScheme), so a length change means "rebuild".
  if (pool === lastPool && lastIndex!.size === pool.length) return lastIndex!;
  let index = indexes.get(pool);
  if (!index || index.size !== pool.length) {
    index = buildIndex(pool);
    indexes.set(pool, index);
  }
  lastPool = pool;
  lastIndex = index;
  return index;
}

function entryFor(pool: readonly Scheme[], stored: string): Entry {
  const index = indexFor(pool);
  // The longest declared prefix `stored` starts with decides which prefixes it has.
  let node = index.root;
  let matched = node;
  for (let i = 0; i < stored.length; i++) {
    const c = stored.charCodeAt(i);
    const next = c < 128 ? node.next?.[c] : node.nextOther?.get(c);
    if (next === undefined) break;
    node = next;
    if (node.terminal) matched = node;
  }
  const d = (matched.dispatch ??= nodeDispatch(index, pool, matched));
  // Characters and length are read only when some candidate's shape looks at them.
  if (!d.chars && !d.length) return (d.only ??= buildEntry(index, pool, matched, 0, 0));
  const mask = d.chars ? classMask(stored) : 0;
  const length = d.length ? stored.length : 0;
  if (length > MAX_KEYED_LENGTH) return buildEntry(index, pool, matched, mask, length);
  const key = mask * (MAX_KEYED_LENGTH + 1) + length; // < 2^27: a small integer key
  let entry = d.entries?.get(key);
  if (entry === undefined) {
    if (index.cached >= MAX_ENTRIES) {
      for (const n of index.cachedIn) n.entries = undefined;
      index.cached = 0;
      index.cachedIn = [];
    }
    entry = buildEntry(index, pool, matched, mask, length);
    if (d.entries === undefined) {
      d.entries = new Map();
      index.cachedIn.push(d);
    }
    d.entries.set(key, entry);
    index.cached++;
  }
  return entry;
}

/** A usable declaration: a non-empty list of non-empty strings (anything else counts as none). */
function hasPrefixes(scheme: Scheme): boolean {
  const p = scheme.prefixes;
  return Array.isArray(p) && p.length > 0 && p.every((x) => typeof x === 'string' && x !== '');
}

/** `stored` starts with one of the scheme's prefixes exactly when it is a prefix of the longest one. */
function prefixAdmits(scheme: Scheme, matched: TrieNode): boolean {
  return !hasPrefixes(scheme) || scheme.prefixes!.some((p) => matched.prefix.startsWith(p));
}

function nodeDispatch(index: DispatchIndex, pool: readonly Scheme[], matched: TrieNode): NodeDispatch {
  const d: NodeDispatch = { chars: false, length: false, only: undefined, entries: undefined };
  for (let at = 0; at < pool.length; at++) {
    const shape = index.shapes[at];
    if (!shape || !prefixAdmits(pool[at]!, matched)) continue;
    if (shape.allowed !== ANY_CLASSES || shape.required !== 0) d.chars = true;
    if (shape.lengthDeclared) d.length = true;
  }
  return d;
}

function buildIndex(pool: readonly Scheme[]): DispatchIndex {
  const node = (prefix: string): TrieNode => ({ prefix, terminal: false, next: undefined, nextOther: undefined, dispatch: undefined });
  const root = node('');
  for (const scheme of pool) {
    if (!hasPrefixes(scheme)) continue;
    for (const p of scheme.prefixes!) {
      let at = root;
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        let next = c < 128 ? at.next?.[c] : at.nextOther?.get(c);
        if (next === undefined) {
          next = node(p.slice(0, i + 1));
          if (c < 128) (at.next ??= new Array<TrieNode | undefined>(128).fill(undefined))[c] = next;
          else (at.nextOther ??= new Map()).set(c, next);
        }
        at = next;
      }
      at.terminal = true;
    }
  }
  return { size: pool.length, root, shapes: pool.map((s) => compileShape(s.shape)), cached: 0, cachedIn: [] };
}

function buildEntry(index: DispatchIndex, pool: readonly Scheme[], matched: TrieNode, mask: number, length: number): Entry {
  const entry: Entry = { schemes: [], members: [], groups: 0, rankings: [] };
  const at: number[] = [];
  const layouts: (string | undefined)[] = [];
  for (let i = 0; i < pool.length; i++) {
    const scheme = pool[i]!;
    if (!prefixAdmits(scheme, matched)) continue;
    const shape = index.shapes[i];
    if (shape && (!shape.length(length) || (mask & ~shape.allowed) !== 0 || (shape.required !== 0 && (mask & shape.required) === 0))) continue;
    entry.schemes.push(scheme);
    at.push(i);
    layouts.push(shape?.layout);
  }
  // Layout groups: only keys that at least two candidates share.
  const groupOf = new Map<string, number>();
  for (const key of layouts) {
    if (key === undefined || groupOf.has(key) || layouts.indexOf(key) === layouts.lastIndexOf(key)) continue;
    groupOf.set(key, entry.groups++);
  }
  entry.members = entry.schemes.map((scheme, k) => {
    const key = layouts[k];
    const exact = index.shapes[at[k]!]?.exact === true;
    return new Member(scheme, at[k]!, exact, key === undefined ? -1 : (groupOf.get(key) ?? -1));
  });
  return entry;
}

/** Which of salt, pepper, username are supplied: all that score and missingInputs look at. */
function suppliedBits(inputs: SchemeInputs): number {
  return (inputs.salt !== undefined ? 1 : 0) | (inputs.pepper !== undefined ? 2 : 0) | (inputs.username !== undefined ? 4 : 0);
}

function rankingOf(entry: Entry, inputs: SchemeInputs, platform: string | undefined): Ranking {
  const bits = suppliedBits(inputs);
  let ranking = entry.rankings[bits];
  if (ranking === undefined || ranking.platform !== platform) {
    const scores = entry.schemes.map((s) => score(s, inputs, platform));
    const order = scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
    ranking = {
      platform,
      members: order.map((i) => entry.members[i]!.ranked(scores[i]!, missingInputs(entry.schemes[i]!, inputs))),
    };
    entry.rankings[bits] = ranking;
  }
  return ranking;
}
