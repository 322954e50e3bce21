import { allSchemes, onSchemeRegistered } from './registry.js';
import type { CostParameter, IdentifyOptions, InputName, Scheme } from './types.js';

/** Public, read-only description of one registered scheme. */
export interface SchemeInfo {
  id: string;
  title: string;
  family: string;
  platforms: readonly string[];
  platformIds: readonly string[];
  example: { readonly password: string; readonly hash: string; readonly options?: IdentifyOptions };
  costs: readonly CostParameter[];
  needs: readonly InputName[];
  uses: readonly InputName[];
}

function info(s: Scheme): SchemeInfo {
  return Object.freeze({
    id: s.id,
    title: s.title,
    family: s.family,
    platforms: s.platforms,
    platformIds: s.platformIds,
    example: s.example,
    costs: s.costs ?? [],
    needs: s.needs ?? [],
    uses: s.uses ?? [],
  });
}

const list: SchemeInfo[] = allSchemes().map(info);
// Schemes added with registerScheme() appear here too (the array grows; entries are frozen).
onSchemeRegistered((s) => list.push(info(s)));

/** The registry: one entry per scheme (id, title, platforms, example, cost parameters and bounds). */
export const schemes: readonly SchemeInfo[] = list;
