import type { InputName, Scheme, SchemeInputs } from '../types.js';

/**
 * Ranking rules for schemes that fit the same string (documented in the README):
 * 1. Start from the scheme's own `rank`: 100 for self-describing formats (unique prefix or
 *    layout), lower for bare digests, ordered by how common each reading is in real exports.
 * 2. A platform hint that names the scheme's platform: +50 (others are dropped before ranking).
 * 3. Every required input the caller supplied: +30 (a salt column says "salted"); every
 *    required input missing: -40 (the candidate is still listed, with what it needs).
 * 4. Every optional input the scheme uses that the caller supplied: +10.
 * 5. A scheme that uses no salt while the caller supplied one: -20.
 * Ties keep registry order (stable sort).
 */
export function score(scheme: Scheme, inputs: SchemeInputs, platform: string | undefined): number {
  let s = scheme.rank;
  if (platform !== undefined && scheme.platformIds.includes(platform)) s += 50;
  for (const need of scheme.needs ?? []) s += supplied(inputs, need) ? 30 : -40;
  for (const use of scheme.uses ?? []) if (supplied(inputs, use)) s += 10;
  const takesSalt = (scheme.needs ?? []).includes('salt') || (scheme.uses ?? []).includes('salt');
  if (!takesSalt && inputs.salt !== undefined) s -= 20;
  return s;
}

export function supplied(inputs: SchemeInputs, name: InputName): boolean {
  return inputs[name] !== undefined;
}

export function missingInputs(scheme: Scheme, inputs: SchemeInputs): InputName[] {
  const missing: InputName[] = [];
  const needs = scheme.needs;
  if (needs) for (let i = 0; i < needs.length; i++) if (inputs[needs[i]!] === undefined) missing.push(needs[i]!);
  return missing;
}
