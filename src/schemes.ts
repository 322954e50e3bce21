import { allSchemes } from './registry.js';
import type { CostParameter, IdentifyOptions, InputName } from './types.js';

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

/** The registry: one entry per scheme (id, title, platforms, example, cost parameters and bounds). */
export const schemes: readonly SchemeInfo[] = Object.freeze(
  allSchemes().map((s) =>
    Object.freeze({
      id: s.id,
      title: s.title,
      family: s.family,
      platforms: s.platforms,
      platformIds: s.platformIds,
      example: s.example,
      costs: s.costs ?? [],
      needs: s.needs ?? [],
      uses: s.uses ?? [],
    }),
  ),
);
