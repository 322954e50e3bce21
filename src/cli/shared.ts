/** Helpers shared by the commands that read exports and talk to the registry. */
import { detect } from '../detect/candidates.js';
import { normalizeStored } from '../detect/normalize.js';
import { LegacyHashError } from '../errors.js';
import { platformIds, schemesForPlatform } from '../registry.js';
import { UsageError } from './command.js';

/** Validates --platform against the registry (lower-cased), with the list on error. */
export function checkPlatform(platform: string | undefined): string | undefined {
  if (platform === undefined) return undefined;
  try {
    schemesForPlatform(platform);
  } catch (e) {
    if (e instanceof LegacyHashError) {
      throw new UsageError(`--platform ${platform}: unknown platform (known: ${platformIds().join(', ')})`);
    }
    throw e;
  }
  return platform.toLowerCase();
}

/** Does some registered scheme claim this value (fits or is recognised but malformed)? No hashing. */
export function looksLikeHash(value: string): boolean {
  const t = normalizeStored(value);
  if (t.length < 13 || t.length > 1024) return false;
  const d = detect(t, {});
  return d.fits.length > 0 || d.malformed !== undefined;
}

/** Text of an error for the user (LegacyHashError messages never contain secrets or full hashes). */
export function errorText(e: unknown): string {
  if (e instanceof LegacyHashError) return `${e.code}: ${e.message}`;
  return e instanceof Error ? e.message : String(e);
}
