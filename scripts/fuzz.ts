/**
 * The fuzz suite of test/hardening/fuzz.test.ts at any size and seed (CI runs 10,000 cases, seed 42).
 *
 *   node --import tsx scripts/fuzz.ts --runs 200000 --seed 7
 *   node --import tsx scripts/fuzz.ts --runs 50000 --seed random
 *
 * --runs N   total cases, split as in CI: 30% identify(), 15% verify() on arbitrary input, 20%
 *            strings starting like each scheme's example, 35% mutants of every vector.
 * --seed S   integer, or `random` (printed, so a failure can be replayed).
 * Exit code 1 on the first failure, with the counterexample.
 */
import { shutdownPool } from '../src/index.js';
import {
  allVectors,
  identifyProperty,
  planFor,
  prefixedProperty,
  vectorMutationSweep,
  verifyProperty,
} from '../test/hardening/fuzz-properties.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

const runs = Number(arg('runs', '200000'));
const seedArg = arg('seed', '42');
const seed = seedArg === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(seedArg);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  console.error('usage: node --import tsx scripts/fuzz.ts [--runs N] [--seed S|random]');
  process.exit(2);
}

const vectors = allVectors().length;
const plan = { ...planFor(runs, seed, vectors), concurrency: 16 };
console.log(`fuzz: seed ${seed}, ${runs} cases (${vectors} vectors x ${plan.mutantsPerVector} mutants)`);

const t0 = performance.now();
const step = async (name: string, n: number, f: () => unknown) => {
  const t = performance.now();
  await f();
  console.log(`  ok  ${name}: ${n} cases in ${((performance.now() - t) / 1000).toFixed(1)} s`);
};
try {
  await step('identify(arbitrary)', plan.identifyRuns, () => identifyProperty(plan));
  await step('verify(arbitrary)', plan.verifyRuns, () => verifyProperty(plan));
  await step('scheme-prefixed strings', plan.prefixedRuns, () => prefixedProperty(plan));
  await step('vector mutants', vectors * plan.mutantsPerVector, () => vectorMutationSweep(plan));
  console.log(`fuzz passed in ${((performance.now() - t0) / 1000).toFixed(1)} s (seed ${seed})`);
} catch (e) {
  console.error(`fuzz FAILED (seed ${seed}):\n${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
} finally {
  await shutdownPool();
}
