/**
 * The scheme registry. Adding a format = one file under src/algorithms/ exporting its schemes,
 * plus one line in src/algorithms/index.ts. Order breaks ranking ties (earlier wins).
 */
import { LegacyHashError } from './errors.js';
import { ALL_SCHEMES as BUILT_IN } from './algorithms/index.js';
import { makeWrappedScheme } from './algorithms/wrapped.js';
import type { Scheme } from './types.js';

const byId = new Map<string, Scheme>();
const byPlatform = new Map<string, Scheme[]>();
// Wrapped hashes (src/wrap/) hold any other scheme inside; they look schemes up by id here.
const ALL_SCHEMES: readonly Scheme[] = [makeWrappedScheme((id) => byId.get(id)), ...BUILT_IN];
for (const s of ALL_SCHEMES) {
  if (byId.has(s.id)) throw new Error(`duplicate scheme id ${s.id}`);
  byId.set(s.id, s);
  for (const p of s.platformIds) {
    const list = byPlatform.get(p) ?? [];
    list.push(s);
    byPlatform.set(p, list);
  }
}

export function allSchemes(): readonly Scheme[] {
  return ALL_SCHEMES;
}

/** The scheme with this id, or ERR_UNSUPPORTED_SCHEME. */
export function getScheme(id: string): Scheme {
  const s = byId.get(id);
  if (!s) throw new LegacyHashError('ERR_UNSUPPORTED_SCHEME', `no scheme with id "${String(id).slice(0, 64)}"`);
  return s;
}

export function hasScheme(id: string): boolean {
  return byId.has(id);
}

/** Schemes a platform is known to store, or ERR_UNSUPPORTED_SCHEME for an unknown platform id. */
export function schemesForPlatform(platform: string): readonly Scheme[] {
  const list = byPlatform.get(platform.toLowerCase());
  if (!list) {
    throw new LegacyHashError('ERR_UNSUPPORTED_SCHEME', `unknown platform "${String(platform).slice(0, 64)}"`, {
      field: 'platform',
    });
  }
  return list;
}

/** Every platform id the registry knows, sorted. */
export function platformIds(): string[] {
  return [...byPlatform.keys()].sort();
}
