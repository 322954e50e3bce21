/** Timing helpers shared by bench/run.mjs and bench/cost-growth.mjs. All times in milliseconds. */

/** Median, p95 (nearest rank), mean and count of samples in ms. */
export function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const rank = (p) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
  const mean = s.reduce((a, b) => a + b, 0) / Math.max(1, s.length);
  return { median: rank(0.5), p95: rank(0.95), mean, runs: s.length };
}

/**
 * Latency of one call, sequentially: warm-up first (JIT tiers, worker start-up, lazy tables),
 * then timed calls until `budgetMs` is spent (at least `minRuns`, at most `maxRuns`).
 * Calls that take under ~20 µs are timed in batches (per-call timer overhead would dominate):
 * each sample is then the mean of one batch.
 */
export async function latency(fn, { budgetMs = 1000, minRuns = 5, maxRuns = 5000, warmupMs = 150 } = {}) {
  const warmEnd = performance.now() + warmupMs;
  let warm = 0;
  do {
    await fn();
    warm++;
  } while (performance.now() < warmEnd || warm < 2);
  // Probe: how long is one call?
  let t = performance.now();
  await fn();
  const one = performance.now() - t;
  const batch = one < 0.02 ? Math.max(1, Math.min(2000, Math.floor(0.2 / Math.max(one, 0.0005)))) : 1;
  const samples = [];
  const end = performance.now() + budgetMs;
  while (samples.length < maxRuns && (samples.length < minRuns || performance.now() < end)) {
    t = performance.now();
    for (let i = 0; i < batch; i++) await fn();
    samples.push((performance.now() - t) / batch);
  }
  return samples;
}

/** Synchronous variant (identify, raw derive): batches sized to ~0.2 ms. */
export function latencySync(fn, { budgetMs = 500, minRuns = 5, maxRuns = 5000, warmupMs = 100 } = {}) {
  const warmEnd = performance.now() + warmupMs;
  do fn();
  while (performance.now() < warmEnd);
  let t = performance.now();
  fn();
  const one = performance.now() - t;
  const batch = one < 0.02 ? Math.max(1, Math.min(20000, Math.floor(0.2 / Math.max(one, 0.00005)))) : 1;
  const samples = [];
  const end = performance.now() + budgetMs;
  while (samples.length < maxRuns && (samples.length < minRuns || performance.now() < end)) {
    t = performance.now();
    for (let i = 0; i < batch; i++) fn();
    samples.push((performance.now() - t) / batch);
  }
  return samples;
}

/**
 * Completed calls per second with `concurrency` calls in flight for `durationMs`: whatever
 * parallelism the implementation has (worker pool, libuv pool) is used.
 */
export async function throughput(fn, { concurrency = 8, durationMs = 1000, minOps = 0 } = {}) {
  let count = 0;
  const start = performance.now();
  const end = start + durationMs;
  const lane = async () => {
    while (performance.now() < end || count < minOps) {
      await fn();
      count++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return (count * 1000) / (performance.now() - start);
}

/** Human formatting of a duration in ms. */
export function fmtMs(ms) {
  if (ms === undefined || ms === null || Number.isNaN(ms)) return '—';
  if (ms < 0.001) return `${(ms * 1e6).toFixed(0)} ns`;
  if (ms < 1) return `${(ms * 1000).toFixed(ms < 0.01 ? 2 : 1)} µs`;
  if (ms < 100) return `${ms.toFixed(2)} ms`;
  return `${ms.toFixed(0)} ms`;
}

export function fmtRate(perSec) {
  if (perSec === undefined || perSec === null || Number.isNaN(perSec)) return '—';
  if (perSec >= 1e6) return `${(perSec / 1e6).toFixed(2)} M/s`;
  if (perSec >= 1e3) return `${(perSec / 1e3).toFixed(1)} k/s`;
  return `${perSec.toFixed(perSec < 10 ? 1 : 0)} /s`;
}
