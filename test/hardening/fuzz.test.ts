/**
 * Fuzz suite (fast-check, fixed seed): hostile, broken and mutated stored strings never make
 * identify() throw, never make verify() throw anything but a LegacyHashError with a known code,
 * never hang, and never make a wrong password verify. Every vector in test/vectors/ is mutated
 * (truncated, extended, characters flipped, case swapped, separators/whitespace/NUL/non-ASCII
 * injected, numbers replaced by huge ones).
 *
 * CI size: FUZZ_CASES (default 10000) cases, FUZZ_SEED (default 42). Longer runs:
 *   node --import tsx scripts/fuzz.ts --runs 200000 --seed 7
 */
import { afterAll, describe, expect, it } from 'vitest';
import { shutdownPool } from '../../src/index.js';
import {
  allVectors,
  checkIdentify,
  identifyProperty,
  mutate,
  planFor,
  prefixedProperty,
  vectorMutationSweep,
  verifyProperty,
} from './fuzz-properties.js';

afterAll(() => shutdownPool());

const SEED = Number(process.env['FUZZ_SEED'] ?? 42);
const CASES = Number(process.env['FUZZ_CASES'] ?? 10000);
const vectorCount = allVectors().length;
const plan = planFor(CASES, SEED, vectorCount);

describe(`fuzz (seed ${SEED}, ~${CASES} cases)`, () => {
  it(`identify() on ${plan.identifyRuns} arbitrary strings`, () => {
    identifyProperty(plan);
  });

  it(`verify() on ${plan.verifyRuns} arbitrary passwords x strings`, async () => {
    await verifyProperty(plan);
  });

  it(`verify()/identify() on ${plan.prefixedRuns} strings starting like a registered scheme's example`, async () => {
    await prefixedProperty(plan);
  });

  it(`every vector (${vectorCount}) mutated ${plan.mutantsPerVector}x`, async () => {
    const n = await vectorMutationSweep(plan);
    expect(n).toBe(vectorCount * plan.mutantsPerVector);
  });

  it('the mutators do what they say', () => {
    expect(mutate('$2y$10$abc', [{ op: 'truncate', at: 0.5 }])).toBe('$2y$1');
    expect(mutate('abc', [{ op: 'swapCase', at: 0, all: true }])).toBe('ABC');
    expect(mutate('$2y$10$abc', [{ op: 'number', which: 1, value: '4294967295' }])).toBe('$2y$4294967295$abc');
    expect(mutate('ab', [{ op: 'pad', before: ' ', after: '\u0000' }])).toBe(' ab\u0000');
    expect(mutate('ab', [{ op: 'inject', at: 0.5, text: ':' }])).toBe('a:b');
  });

  it('the checks can fail: a throwing identify would be reported', () => {
    expect(() => checkIdentify(42 as never)).toThrow(/identify threw/);
  });
});
