import { detect } from './detect/candidates.js';
import { normalizeStored } from './detect/normalize.js';
import { schemeInputs } from './engine.js';
import { LegacyHashError } from './errors.js';
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
  if (stored.length > getDefaultLimits().maxHashLength) return [];
  const inputs = schemeInputs(options);
  const { fits } = detect(normalizeStored(stored), inputs, options?.platform?.toLowerCase());
  return fits.map((f) => ({
    scheme: f.scheme.id,
    title: f.scheme.title,
    platforms: f.scheme.platforms,
    missing: f.missing,
    params: f.scheme.describe ? f.scheme.describe(f.parsed) : {},
    score: f.score,
  }));
}
