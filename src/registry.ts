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
// Built-ins first; registerScheme() appends (so built-ins win ranking ties).
const WRAPPED = makeWrappedScheme((id) => byId.get(id));
const ALL_SCHEMES: Scheme[] = [WRAPPED, ...BUILT_IN];
for (const s of ALL_SCHEMES) index(s);

function index(s: Scheme): void {
  if (byId.has(s.id)) throw new Error(`duplicate scheme id ${s.id}`);
  byId.set(s.id, s);
  for (const p of s.platformIds) {
    // A wrapped hash can hold any platform's hash, so every platform's pool starts with it
    // (verify(pw, wrapped, { platform: 'opencart' }) must still find it).
    const list = byPlatform.get(p) ?? (s === WRAPPED ? [] : [WRAPPED]);
    list.push(s);
    byPlatform.set(p, list);
  }
}

const listeners: ((s: Scheme) => void)[] = [];

/** Called for every scheme registered at runtime (schemes.ts keeps the public list current). */
export function onSchemeRegistered(fn: (s: Scheme) => void): void {
  listeners.push(fn);
}

const REGISTERED_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * Adds a user-defined scheme (e.g. from `defineFormulaScheme`) to the registry: from then on
 * verify(), identify() and `schemes` see it like a built-in one (after the built-ins in ranking
 * ties). Throws ERR_INVALID_ARGUMENT for a duplicate or badly formed id. Registered schemes
 * exist only in this thread: they must not set `offload` (the worker pool could not find them).
 */
export function registerScheme(scheme: Scheme): void {
  const bad = (why: string) => new LegacyHashError('ERR_INVALID_ARGUMENT', `registerScheme: ${why}`, { field: 'scheme' });
  if (typeof scheme !== 'object' || scheme === null) throw bad('scheme must be an object');
  if (typeof scheme.id !== 'string' || !REGISTERED_ID.test(scheme.id)) throw bad('id must be kebab-case [a-z0-9-]');
  if (byId.has(scheme.id)) throw bad(`a scheme with id "${scheme.id}" already exists`);
  if (typeof scheme.recognize !== 'function' || typeof scheme.parse !== 'function' || typeof scheme.derive !== 'function') {
    throw bad('recognize, parse and derive are required');
  }
  if (scheme.offload !== undefined && scheme.offload !== false) throw bad('runtime-registered schemes cannot offload');
  if (scheme.check !== undefined && typeof scheme.check !== 'function') throw bad('check must be a function');
  if (!Array.isArray(scheme.platformIds) || scheme.platformIds.some((p) => typeof p !== 'string' || p !== p.toLowerCase())) {
    throw bad('platformIds must be lower-case strings');
  }
  index(scheme);
  ALL_SCHEMES.push(scheme);
  for (const fn of listeners) fn(scheme);
}

export function allSchemes(): readonly Scheme[] {
  return ALL_SCHEMES;
}

/** The scheme with this id, or ERR_UNSUPPORTED_SCHEME. */
export function getScheme(id: string): Scheme {
  // Perf (issue #8): a login path forces the same scheme call after call; the last answer is
  // kept (ids are never unregistered, so it stays right).
  if (id === lastId) return lastScheme!;
  const s = byId.get(id);
  if (!s) throw new LegacyHashError('ERR_UNSUPPORTED_SCHEME', `no scheme with id "${String(id).slice(0, 64)}"`);
  lastId = id;
  lastScheme = s;
  return s;
}

let lastId: string | undefined;
let lastScheme: Scheme | undefined;

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
