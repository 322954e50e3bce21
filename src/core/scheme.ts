import type { ParsedHash, Scheme } from '../types.js';

/**
 * Every key of Scheme, in one fixed order. defineScheme gives every scheme all of them (absent
 * ones undefined), so all schemes share one object layout (V8 hidden class). The engine reads
 * scheme.recognize, .parse, .derive, .cost, .offload, .inlineCost... on every verify; with 111
 * layouts those loads go megamorphic. Measured (issue #8): md5 verify fell from 1.30 to 0.71 M/s
 * once a process had verified every scheme; with one layout it stays near the first figure.
 */
const SCHEME_KEYS = [
  'id',
  'title',
  'family',
  'platforms',
  'platformIds',
  'example',
  'costs',
  'needs',
  'uses',
  'rank',
  'prefixes',
  'shape',
  'optIn',
  'recognize',
  'parse',
  'cost',
  'derive',
  'offload',
  'inlineCost',
  'describe',
] as const satisfies readonly (keyof Scheme)[];

/**
 * Freezes a scheme, normalised to the shared layout (SCHEME_KEYS, then any extra own keys), and
 * lets TypeScript infer its parsed type `P`.
 */
export function defineScheme<P extends ParsedHash>(scheme: Scheme<P>): Scheme<P> {
  // An object literal (not keyed stores in a loop): its properties are in-object and the layout
  // is the same for every call.
  const s = scheme;
  const out = {
    id: s.id,
    title: s.title,
    family: s.family,
    platforms: s.platforms,
    platformIds: s.platformIds,
    example: s.example,
    costs: s.costs,
    needs: s.needs,
    uses: s.uses,
    rank: s.rank,
    prefixes: s.prefixes,
    shape: s.shape,
    optIn: s.optIn,
    recognize: s.recognize,
    parse: s.parse,
    cost: s.cost,
    derive: s.derive,
    offload: s.offload,
    inlineCost: s.inlineCost,
    describe: s.describe,
  } satisfies Record<(typeof SCHEME_KEYS)[number], unknown>;
  // Keys outside Scheme (none among the built-ins) are kept, after the shared ones.
  for (const key of Object.keys(s)) {
    if (!SCHEME_KEYS.includes(key as (typeof SCHEME_KEYS)[number])) (out as Record<string, unknown>)[key] = (s as unknown as Record<string, unknown>)[key];
  }
  return Object.freeze(out) as Scheme<P>;
}
