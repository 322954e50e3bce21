import type { ParsedHash, Scheme } from '../types.js';

/** Identity function that lets TypeScript infer a scheme's parsed type `P`. */
export function defineScheme<P extends ParsedHash>(scheme: Scheme<P>): Scheme<P> {
  return Object.freeze(scheme);
}
