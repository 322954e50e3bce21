import { type Member, scan } from './detect/candidates.js';
import { normalizeStored } from './detect/normalize.js';
import { schemeInputs } from './engine.js';
import { LegacyHashError, toLegacyHashError } from './errors.js';
import { getDefaultLimits } from './limits.js';
import type { Candidate, IdentifyOptions, InputName, ParsedHash, Scheme } from './types.js';

/**
 * Every scheme that could have produced `stored`, most likely first, with what each still
 * needs. An empty list for an unknown or malformed string. Does no hashing.
 *
 * @example
 * ```ts
 * import { identify } from 'legacy-hash';
 * identify('$P$946647711V1klyitUYhtB8Yw5DMA/w.')[0].scheme; // 'phpass'
 * ```
 */
export function identify(stored: string, options?: IdentifyOptions): Candidate[] {
  if (typeof stored !== 'string') {
    throw new LegacyHashError('ERR_INVALID_ARGUMENT', 'stored hash must be a string', { field: 'stored' });
  }
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new LegacyHashError('ERR_INVALID_ARGUMENT', 'options must be an object', { field: 'options' });
  }
  if (options?.platform !== undefined && typeof options.platform !== 'string') {
    throw new LegacyHashError('ERR_INVALID_ARGUMENT', 'options.platform must be a string', { field: 'platform' });
  }
  const limits = getDefaultLimits();
  if (stored.length > limits.maxHashLength) return [];
  const inputs = schemeInputs(options);
  const out: Candidate[] = [];
  try {
    // Candidates are built as the fits are found (detect/candidates.ts scan): no Fit objects.
    scan(normalizeStored(stored), inputs, options?.platform?.toLowerCase(), out, toCandidate);
  } catch (e) {
    // An unknown platform id is the caller's error (ERR_UNSUPPORTED_SCHEME); a bug is not theirs.
    if (e instanceof LegacyHashError) throw e;
    toLegacyHashError(e, 'engine');
    return [];
  }
  return out;
}

// `parsed` may be shared with other candidates (Scheme.shape `layout`): it goes to describe() only.
function toCandidate(m: Member, parsed: ParsedHash, _shared: boolean, missing: InputName[], score: number): Candidate {
  const scheme = m.scheme;
  return { scheme: scheme.id, title: scheme.title, platforms: scheme.platforms, missing, params: describe(scheme, parsed), score };
}

function describe(scheme: Scheme, parsed: ParsedHash): Record<string, string | number> {
  if (!scheme.describe) return {};
  try {
    return scheme.describe(parsed);
  } catch (e) {
    toLegacyHashError(e, 'describe', scheme.id);
    return {};
  }
}
