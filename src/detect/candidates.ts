import { LegacyHashError, toLegacyHashError } from '../errors.js';
import { allSchemes, schemesForPlatform } from '../registry.js';
import type { InputName, ParsedHash, Scheme, SchemeInputs } from '../types.js';
import { missingInputs, score } from './rank.js';

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
  const pool = platform === undefined ? allSchemes() : schemesForPlatform(platform);
  const fits: Fit[] = [];
  let malformed: LegacyHashError | undefined;
  // The first claiming scheme that declined its opt-in (Scheme.optIn), when no parse had failed
  // before it: its parse would have thrown, and that error is `malformed`, built only if read.
  let declined: Scheme | undefined;
  // Only the schemes that can claim this first character (see candidatesFor); same order as pool.
  for (const scheme of candidatesFor(pool, stored)) {
    const optedIn = scheme.optIn === undefined || optsIn(scheme, inputs, stored);
    // A declined scheme cannot fit; it only matters as the first failure, so once one is known
    // it is not even asked to recognise the string.
    if (!optedIn && (malformed !== undefined || declined !== undefined)) continue;
    let claimed: boolean;
    try {
      claimed = scheme.recognize(stored) === true;
    } catch (e) {
      toLegacyHashError(e, 'recognize', scheme.id);
      continue;
    }
    if (!claimed) continue;
    if (!optedIn) {
      declined = scheme;
      continue;
    }
    let parsed: ParsedHash;
    try {
      parsed = scheme.parse(stored, inputs);
    } catch (e) {
      if (declined === undefined) malformed ??= toLegacyHashError(e, 'parse', scheme.id);
      continue;
    }
    fits.push({ scheme, parsed, missing: missingInputs(scheme, inputs), score: score(scheme, inputs, platform) });
  }
  fits.sort((a, b) => b.score - a.score);
  if (declined !== undefined) return lazyMalformed(fits, declined, stored, inputs);
  return malformed ? { fits, malformed } : { fits };
}

/** optIn() that throws counts as opted in: the parse then runs (and fails) as it always did. */
function optsIn(scheme: Scheme, inputs: SchemeInputs, stored: string): boolean {
  try {
    return scheme.optIn!(inputs, stored) === true;
  } catch {
    return true;
  }
}

/** `malformed` = the error the declined scheme's parse throws, computed once on first read. */
function lazyMalformed(fits: Fit[], scheme: Scheme, stored: string, inputs: SchemeInputs): Detection {
  let error: LegacyHashError | undefined;
  return {
    fits,
    get malformed(): LegacyHashError {
      if (error === undefined) {
        try {
          scheme.parse(stored, inputs);
          // Broken promise (optIn false but parse accepted): still report it as not opted in.
          error = new LegacyHashError('ERR_MISSING_INPUT', `${scheme.id}: not enabled by options.params`, { scheme: scheme.id });
        } catch (e) {
          error = toLegacyHashError(e, 'parse', scheme.id);
        }
      }
      return error;
    },
  };
}

// ---------- first-characters dispatch ----------

/**
 * Schemes of `pool` that may recognise `stored`, in pool order: those with a declared prefix
 * (`Scheme.prefixes`, src/types.ts) that agrees with the string's first two characters, plus
 * every scheme that declares none. Skipping the others changes nothing but speed (recognize()
 * would return false); test/identify-fast.test.ts compares this with the plain loop over every
 * scheme.
 */
export function candidatesFor(pool: readonly Scheme[], stored: string): readonly Scheme[] {
  let index = indexes.get(pool);
  // The registry only appends (registerScheme), so a length change means "rebuild".
  if (!index || index.size !== pool.length) {
    index = buildIndex(pool);
    indexes.set(pool, index);
  }
  const c0 = stored.charCodeAt(0); // NaN for the empty string
  if (!(c0 < 128)) return index.other;
  const c1 = stored.charCodeAt(1);
  if (!(c1 < 128)) return index.byChar[c0]!;
  const key = c0 * 128 + c1;
  let list = index.byTwo.get(key);
  if (!list) {
    list = index.byChar[c0]!.filter((s) => !hasPrefixes(s) || s.prefixes!.some((p) => p.length === 1 || p.charCodeAt(1) === c1));
    index.byTwo.set(key, list);
  }
  return list;
}

interface PrefixIndex {
  /** pool.length when built. */
  size: number;
  /** Schemes to ask for each ASCII first character. */
  byChar: Scheme[][];
  /** Schemes to ask for two ASCII first characters (c0 * 128 + c1), filled on first use. */
  byTwo: Map<number, Scheme[]>;
  /** Schemes to ask for an empty string or a non-ASCII first character. */
  other: Scheme[];
}

const indexes = new WeakMap<readonly Scheme[], PrefixIndex>();

/** A usable declaration: a non-empty list of non-empty strings (anything else counts as none). */
function hasPrefixes(scheme: Scheme): boolean {
  const p = scheme.prefixes;
  return Array.isArray(p) && p.length > 0 && p.every((x) => typeof x === 'string' && x !== '');
}

function buildIndex(pool: readonly Scheme[]): PrefixIndex {
  const byChar: Scheme[][] = Array.from({ length: 128 }, () => []);
  const other: Scheme[] = [];
  for (const scheme of pool) {
    if (!hasPrefixes(scheme)) {
      for (const list of byChar) list.push(scheme);
      other.push(scheme);
      continue;
    }
    const chars = new Set(scheme.prefixes!.map((p) => p.charCodeAt(0)));
    for (const c of chars) {
      if (c < 128) byChar[c]!.push(scheme);
      else if (!other.includes(scheme)) other.push(scheme);
    }
  }
  return { size: pool.length, byChar, byTwo: new Map(), other };
}
