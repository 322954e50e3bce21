import { detect, type Fit } from './detect/candidates.js';
import { normalizeStored } from './detect/normalize.js';
import { schemeInputs } from './engine.js';
import { LegacyHashError, toLegacyHashError } from './errors.js';
import { getDefaultLimits } from './limits.js';
import type { Candidate, IdentifyOptions } from './types.js';

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
  let fits: Fit[];
  try {
    fits = detect(normalizeStored(stored), inputs, options?.platform?.toLowerCase()).fits;
  } catch (e) {
    // An unknown platform id is the caller's error (ERR_UNSUPPORTED_SCHEME); a bug is not theirs.
    if (e instanceof LegacyHashError) throw e;
    toLegacyHashError(e, 'engine');
    return [];
  }
  return fits.map((f) => ({
    scheme: f.scheme.id,
    title: f.scheme.title,
    platforms: f.scheme.platforms,
    missing: f.missing,
    params: describe(f),
    score: f.score,
  }));
}

function describe(f: Fit): Record<string, string | number> {
  if (!f.scheme.describe) return {};
  try {
    return f.scheme.describe(f.parsed);
  } catch (e) {
    toLegacyHashError(e, 'describe', f.scheme.id);
    return {};
  }
}
