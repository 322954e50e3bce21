/**
 * bcrypt speed, side by side in one run: legacy-hash's two schedules, WebAssembly (the default
 * engine; every key mode) and TypeScript (the fallback), vs the native implementations available
 * here (@node-rs/bcrypt verifySync / hashSync, PHP password_verify timed inside a PHP process
 * that stays up), at cost 10 and 12.
 *
 *   node --import tsx bench/bcrypt.mjs            (re-executes itself with --expose-gc)
 *   node --import tsx bench/bcrypt.mjs 10 12 14   (other costs)
 *   BENCH_RUNS=31 node --import tsx bench/bcrypt.mjs   (more timed runs per row)
 *
 * Runs are interleaved round-robin (wasm, js, native, PHP, wasm, ...) so drift and load from other
 * processes hit every row alike; each timed call is preceded by a GC so no collection lands inside
 * a measurement. Reported: wall-clock median and p95 (nearest rank) in ms, the median CPU time of
 * the measuring thread/process (getrusage: stable when other processes load the machine, which
 * wall time is not), and each median's ratio to the fastest native median at that cost.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
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
const runsFor = (cost) => Number(process.env.BENCH_RUNS) || (cost <= 10 ? 21 : cost <= 12 ? 9 : 3);

const password = new Uint8Array(Buffer.from('correct horse battery staple'));
const salt = Uint8Array.from({ length: 16 }, (_, i) => (i * 37 + 11) & 0xff);

function stats(samples) {
  const rank = (xs, p) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  };
  const wall = samples.map((x) => x.wall);
  const cpu = samples.map((x) => x.cpu);
  return { median: rank(wall, 0.5), p95: rank(wall, 0.95), cpu: rank(cpu, 0.5), runs: samples.length };
}

/** CPU time (user + system) this process has used, in ms. */
function cpuNow() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function time(fn) {
  globalThis.gc();
  const c = cpuNow();
  const t = performance.now();
  fn();
  const wall = performance.now() - t;
  return { wall, cpu: cpuNow() - c };
}

/**
 * A PHP process that stays up for the whole run: given a cost on stdin, it times one
 * password_verify with hrtime (no process start-up in the numbers) and prints the ms. null when
 * php is not installed.
 */
async function startPhp() {
  const version = spawnSync('php', ['-r', 'echo PHP_VERSION;'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) return null;
  const script = `
    $pw = 'correct horse battery staple';
    $hashes = [];
    while (($line = fgets(STDIN)) !== false) {
      $cost = (int) $line;
      if (!isset($hashes[$cost])) {
        $hashes[$cost] = password_hash($pw, PASSWORD_BCRYPT, ['cost' => $cost]);
        password_verify($pw, $hashes[$cost]); // warm-up
      }
      $r = getrusage();
      $t = hrtime(true);
      if (!password_verify($pw, $hashes[$cost])) exit(1);
      $wall = (hrtime(true) - $t) / 1e6;
      $q = getrusage();
      $cpu = ($q['ru_utime.tv_sec'] - $r['ru_utime.tv_sec'] + $q['ru_stime.tv_sec'] - $r['ru_stime.tv_sec']) * 1e3
        + ($q['ru_utime.tv_usec'] - $r['ru_utime.tv_usec'] + $q['ru_stime.tv_usec'] - $r['ru_stime.tv_usec']) / 1e3;
      echo $wall, ' ', $cpu, "\n";
    }`;
  const child = spawn('php', ['-r', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    version: version.stdout,
    async sample(cost) {
      child.stdin.write(`${cost}\n`);
      const { value, done } = await lines.next();
      if (done) throw new Error('php exited');
      const [wall, cpu] = value.split(' ').map(Number);
      return { wall, cpu };
    },
    stop: () => child.stdin.end(),
  };
}

const php = await startPhp();
const rows = [];
for (const cost of costs) {
  const runs = runsFor(cost);
  const setting = `$2b$${String(cost).padStart(2, '0')}$${encodeBcrypt64(salt)}`;
  const stored = hashSync(password, { salt: setting });
  for (const engine of ['wasm', 'js']) {
    const ours = setting + encodeBcrypt64(bcryptRaw(password, salt, cost, 'correct', engine));
    if (ours !== stored) throw new Error(`${engine} mismatch at cost ${cost}: ${ours} vs ${stored}`);
  }

  const ourRow = (engine, mode) => [`legacy-hash ${engine} ${mode}`, () => bcryptRaw(password, salt, cost, mode, engine), false];
  const impls = [
    ...['correct', 'safety', 'sign-extension-bug', 'openbsd-2a', 'no-nul'].map((mode) => ourRow('wasm', mode)),
    ourRow('js', 'correct'),
    ourRow('js', 'safety'),
    ['@node-rs/bcrypt verifySync (native)', () => verifySync(password, stored), true],
    ['@node-rs/bcrypt hashSync (native)', () => hashSync(password, { salt: setting }), true],
  ];
  const samples = impls.map(() => []);
  const phpSamples = [];
  for (const [, fn] of impls) fn(); // warm-up (JIT and wasm tier-up during the first calls)
  for (let r = 0; r < runs; r++) {
    impls.forEach(([, fn], i) => samples[i].push(time(fn)));
    if (php) phpSamples.push(await php.sample(cost));
  }
  impls.forEach(([name, , native], i) => rows.push({ name, cost, native, ...stats(samples[i]) }));
  if (php) rows.push({ name: `PHP ${php.version} password_verify (native C)`, cost, native: true, ...stats(phpSamples) });
  else rows.push({ name: 'PHP password_verify: php not available', cost, native: true, median: NaN, p95: NaN, cpu: NaN, runs: 0 });
}
php?.stop();

console.log(`node ${process.version}, ${process.arch}; medians over interleaved runs\n`);
const header = ['implementation', 'cost', 'runs', 'median ms', 'p95 ms', 'vs fastest native', 'cpu ms', 'cpu vs fastest native'];
const table = rows.map((r) => {
  const natives = rows.filter((x) => x.cost === r.cost && x.native && x.runs);
  const fastest = Math.min(...natives.map((x) => x.median));
  const fastestCpu = Math.min(...natives.map((x) => x.cpu));
  return [
    r.name, String(r.cost), String(r.runs), r.median.toFixed(1), r.p95.toFixed(1), (r.median / fastest).toFixed(2) + 'x',
    r.cpu.toFixed(1), (r.cpu / fastestCpu).toFixed(2) + 'x',
  ];
});
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of table) console.log(line(row));
