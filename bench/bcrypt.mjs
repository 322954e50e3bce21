/**
 * bcrypt speed, side by side in one run: legacy-hash's pure-TypeScript core (every key mode) vs
 * the native implementations available here (@node-rs/bcrypt verifySync / hashSync, PHP
 * password_verify timed inside its own process), at cost 10 and 12.
 *
 *   node --import tsx bench/bcrypt.mjs            (re-executes itself with --expose-gc)
 *   node --import tsx bench/bcrypt.mjs 10 12 14   (other costs)
 *
 * Runs are interleaved round-robin (ours, native, ours, ...) so drift hits every row alike; each
 * timed call is preceded by a GC so no collection lands inside a measurement. Reported: median
 * and p95 (nearest rank) in ms, and the median's ratio to the fastest native median at that cost.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

if (typeof globalThis.gc !== 'function') {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', self, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exit(r.status ?? 1);
}

const { bcryptRaw } = await import('../src/algorithms/bcrypt-core.ts');
const { encodeBcrypt64 } = await import('../src/core/encoding.ts');
const { hashSync, verifySync } = await import('@node-rs/bcrypt');

const costs = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [10, 12];
/** Timed runs per implementation: enough for a stable median without minutes at cost 12+. */
const runsFor = (cost) => (cost <= 10 ? 15 : cost <= 12 ? 5 : 3);

const password = new Uint8Array(Buffer.from('correct horse battery staple'));
const salt = Uint8Array.from({ length: 16 }, (_, i) => (i * 37 + 11) & 0xff);

function stats(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const rank = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { median: rank(0.5), p95: rank(0.95), runs: s.length };
}

function time(fn) {
  globalThis.gc();
  const t = performance.now();
  fn();
  return performance.now() - t;
}

/** PHP times its own password_verify loop with hrtime (no process start-up in the numbers). */
function phpSamples(cost, runs) {
  const script = `
    $h = password_hash('correct horse battery staple', PASSWORD_BCRYPT, ['cost' => ${cost}]);
    password_verify('correct horse battery staple', $h); // warm-up
    $out = [];
    for ($i = 0; $i < ${runs}; $i++) {
      $t = hrtime(true);
      if (!password_verify('correct horse battery staple', $h)) exit(1);
      $out[] = (hrtime(true) - $t) / 1e6;
    }
    echo json_encode($out);`;
  const r = spawnSync('php', ['-r', script], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return null;
  return { samples: JSON.parse(r.stdout), version: spawnSync('php', ['-r', 'echo PHP_VERSION;'], { encoding: 'utf8' }).stdout };
}

const rows = [];
for (const cost of costs) {
  const runs = runsFor(cost);
  const setting = `$2b$${String(cost).padStart(2, '0')}$${encodeBcrypt64(salt)}`;
  const stored = hashSync(password, { salt: setting });
  const ours = setting + encodeBcrypt64(bcryptRaw(password, salt, cost, 'correct'));
  if (ours !== stored) throw new Error(`mismatch at cost ${cost}: ${ours} vs ${stored}`);

  const impls = [
    ['legacy-hash bcryptRaw correct', () => bcryptRaw(password, salt, cost, 'correct'), false],
    ['legacy-hash bcryptRaw safety', () => bcryptRaw(password, salt, cost, 'safety'), false],
    ['legacy-hash bcryptRaw sign-extension-bug', () => bcryptRaw(password, salt, cost, 'sign-extension-bug'), false],
    ['legacy-hash bcryptRaw openbsd-2a', () => bcryptRaw(password, salt, cost, 'openbsd-2a'), false],
    ['legacy-hash bcryptRaw no-nul', () => bcryptRaw(password, salt, cost, 'no-nul'), false],
    ['@node-rs/bcrypt verifySync (native)', () => verifySync(password, stored), true],
    ['@node-rs/bcrypt hashSync (native)', () => hashSync(password, { salt: setting }), true],
  ];
  const samples = impls.map(() => []);
  for (const [, fn] of impls) fn(); // warm-up (JIT tiers up during the first cost-10 call)
  for (let r = 0; r < runs; r++) impls.forEach(([, fn], i) => samples[i].push(time(fn)));
  impls.forEach(([name, , native], i) => rows.push({ name, cost, native, ...stats(samples[i]) }));

  const php = phpSamples(cost, runs);
  if (php) rows.push({ name: `PHP ${php.version} password_verify (native C)`, cost, native: true, ...stats(php.samples) });
  else rows.push({ name: 'PHP password_verify: php not available', cost, native: true, median: NaN, p95: NaN, runs: 0 });
}

console.log(`node ${process.version}, ${process.arch}; medians over interleaved runs\n`);
const header = ['implementation', 'cost', 'runs', 'median ms', 'p95 ms', 'vs fastest native'];
const table = rows.map((r) => {
  const fastest = Math.min(...rows.filter((x) => x.cost === r.cost && x.native && x.runs).map((x) => x.median));
  return [r.name, String(r.cost), String(r.runs), r.median.toFixed(1), r.p95.toFixed(1), (r.median / fastest).toFixed(2) + 'x'];
});
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of table) console.log(line(row));
