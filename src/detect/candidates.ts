import { LegacyHashError } from '../errors.js';
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
 * Every scheme that recognises `stored` and parses it, ranked. A scheme whose parse throws a
 * LegacyHashError is remembered as `malformed`; anything else thrown is a bug and propagates.
 */
export function detect(stored: string, inputs: SchemeInputs, platform?: string): Detection {
  const pool = platform === undefined ? allSchemes() : schemesForPlatform(platform);
  const fits: Fit[] = [];
  let malformed: LegacyHashError | undefined;
  for (const scheme of pool) {
    if (!scheme.recognize(stored)) continue;
    let parsed: ParsedHash;
    try {
      parsed = scheme.parse(stored, inputs);
    } catch (e) {
      if (e instanceof LegacyHashError) {
        malformed ??= e;
        continue;
      }
      throw e;
    }
    fits.push({ scheme, parsed, missing: missingInputs(scheme, inputs), score: score(scheme, inputs, platform) });
  }
  fits.sort((a, b) => b.score - a.score);
  return malformed ? { fits, malformed } : { fits };
}
