/**
 * Event-loop responsiveness under load: for each heavy scheme, N (default 100) concurrent
 * verifications through the BUILT library, with perf_hooks.monitorEventLoopDelay (1 ms
 * resolution) recording how late the event loop ran, plus a libuv probe (an fs read and a
 * 1-iteration PBKDF2 every 20 ms, both on libuv's thread pool) to show whether hashing starves
 * the rest of the process. Then all schemes at once (mixed load).
 *
 *   npx tsup && node bench/event-loop.mjs            (table)
 *   node bench/event-loop.mjs --json                 (machine-readable)
 *   node bench/event-loop.mjs --n 50 --only bcrypt-10,argon2id-64m
 *   node bench/event-loop.mjs --native-concurrency 1000   (no admission gate: compare)
 *
 * Target (issue #4): p99 event-loop delay under 20 ms while 100 concurrent verifications of
 * every heavy scheme run. Schemes not registered in this build are skipped.
 */
import { pbkdf2 } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism, cpus } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

// LH_BENCH_DIST: a private build (a directory holding index.js, e.g. bench/_dist), as for bench/run.mjs.
const dist = process.env.LH_BENCH_DIST
  ? new URL(`${process.env.LH_BENCH_DIST.replace(/\/?$/, '/')}index.js`, `file://${process.cwd()}/`)
  : new URL('../dist/index.js', import.meta.url);
if (!existsSync(fileURLToPath(dist))) {
  console.error('bench/event-loop.mjs runs against the built library: run `npx tsup` first.');
  process.exit(1);
}
const lib = await import(dist.href);
const { hashSync } = await import('@node-rs/bcrypt');

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}
const N = Number(arg('n', '100'));
const JSON_OUT = process.argv.includes('--json');
const ONLY = arg('only', '')
  .split(',')
  .filter(Boolean);
const poolOverrides = {};
if (arg('native-concurrency', '')) poolOverrides.nativeConcurrency = Number(arg('native-concurrency', ''));
if (arg('workers', '')) poolOverrides.workers = Number(arg('workers', ''));
lib.configurePool(poolOverrides);

// ---------- the heavy schemes, with realistic default costs ----------

const bcrypt10 = hashSync('correct horse', { cost: 10 }).replace(/^\$2b\$/, '$2y$');
const wrapScrypt = await lib.wrap('57ab8499d08c59a7211c77f557bf9425:4247', { outer: { kdf: 'scrypt', log2N: 17, r: 8, p: 1 } }).catch(() => undefined);
const b64 = (n, fill = 0) => Buffer.alloc(n, fill).toString('base64').replace(/=+$/, '');
const ab64 = (n, fill = 0) => b64(n, fill).replace(/\+/g, '.');
const exampleOf = (id) => lib.schemes.find((s) => s.id === id)?.example;

/** name, scheme id expected from detection, stored string, password, what it stands for. */
const CANDIDATES = [
  { name: 'bcrypt-10', scheme: 'bcrypt', stored: bcrypt10, password: 'correct horse', note: '$2y$10$ native (@node-rs, libuv)' },
  { name: 'bcrypt-2x-8bit', scheme: 'bcrypt', stored: bcrypt10.replace('$2y$', '$2x$'), password: 'pässwörd', note: '$2x$10$ 8-bit password: JS/wasm core, worker' },
  { name: 'phpass-P-B', scheme: 'phpass', stored: '$P$BLegacyHsJg4y0zitGuuXEBhOJjkXj/', password: 'hashcat', note: 'WordPress $P$B, 2^13 md5, worker' },
  { name: 'drupal7-S-D', scheme: 'drupal7', stored: `$S$D${'LegacyHs'}${'a'.repeat(43)}`, password: 'x', note: 'Drupal 7 $S$D, 2^15 sha512, worker' },
  {
    name: 'argon2id-64m',
    scheme: 'argon2',
    stored: '$argon2id$v=19$m=65536,t=4,p=1$bGVnYWN5aGFzaGR1bW15IQ$udiU2BDFUPPUQXbFOPNoWSKplFvli8BXPfOBOEb4EwQ',
    password: 'x',
    note: 'PHP ARGON2ID default 64 MiB t=4 (native, libuv)',
  },
  { name: 'magento2-argon', scheme: 'magento2', stored: exampleOf('magento2')?.hash, password: 'x', note: 'Magento 2.4 argon2id 64 MiB t=2 (native)' },
  { name: 'scrypt-wrapped', scheme: 'wrapped', stored: wrapScrypt, password: 'hashcat', note: 'wrap() scrypt N=2^17 r=8 (node:crypto, libuv)' },
  { name: 'scrypt-passlib', scheme: 'passlib-scrypt', stored: `$scrypt$ln=16,r=8,p=1$${ab64(16, 7)}$${ab64(32)}`, password: 'x', note: 'passlib scrypt N=2^16' },
  { name: 'pbkdf2-sha256-600k', scheme: 'django-pbkdf2', stored: `pbkdf2_sha256$600000$legacyhashsalt$${b64(32)}=`, password: 'x', note: 'Django PBKDF2-SHA256 600k (node:crypto)' },
  { name: 'pbkdf2-sha256-600k', scheme: 'ldap-pbkdf2-sha256', stored: `{PBKDF2-SHA256}600000$${ab64(16, 7)}$${ab64(32)}`, password: 'x', note: 'passlib ldap_pbkdf2_sha256 600k (node:crypto)' },
  { name: 'sha512-crypt', scheme: 'sha512-crypt', stored: exampleOf('sha512-crypt')?.hash, password: 'x', note: '$6$ glibc default 5000 rounds, worker' },
  { name: 'md5-crypt', scheme: 'md5-crypt', stored: exampleOf('md5-crypt')?.hash, password: 'x', note: '$1$ 1000 rounds, worker' },
];

const available = [];
const skipped = [];
const seen = new Set();
for (const c of CANDIDATES) {
  if (seen.has(c.name) || (ONLY.length && !ONLY.includes(c.name))) continue;
  const found = typeof c.stored === 'string' ? lib.identify(c.stored).map((x) => x.scheme) : [];
  if (!found.includes(c.scheme)) {
    skipped.push(`${c.name} (${c.scheme} not registered)`);
    continue;
  }
  seen.add(c.name);
  available.push({ ...c, options: { scheme: c.scheme } });
}

// ---------- measurement ----------

const ms = (ns) => Math.round((ns / 1e6) * 10) / 10;

/** A libuv probe every 20 ms: an fs read and a 1-iteration PBKDF2 (both on the thread pool). */
function startProbe() {
  const lat = [];
  let stop = false;
  const loop = async () => {
    while (!stop) {
      const t = performance.now();
      await Promise.all([
        readFile(new URL('../package.json', import.meta.url)),
        new Promise((r) => pbkdf2('p', 's', 1, 32, 'sha256', r)),
      ]);
      lat.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const done = loop();
  return async () => {
    stop = true;
    await done;
    lat.sort((a, b) => a - b);
    const q = (p) => (lat.length ? Math.round(lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] * 10) / 10 : 0);
    return { p50: q(0.5), max: q(1) };
  };
}

async function run(label, jobs) {
  // Warm-up: workers spawned, wasm compiled, first native call done.
  await Promise.all(jobs.slice(0, Math.min(jobs.length, 2)).map((j) => lib.verify(j.password, j.stored, j.options).catch(() => undefined)));
  const h = monitorEventLoopDelay({ resolution: 1 });
  const endProbe = startProbe();
  h.enable();
  const t0 = performance.now();
  const results = await Promise.all(jobs.map((j) => lib.verify(j.password, j.stored, j.options).then(() => 'ok', (e) => e?.code ?? 'error')));
  const elapsed = performance.now() - t0;
  h.disable();
  const probe = await endProbe();
  const errors = results.filter((r) => r !== 'ok');
  return {
    scheme: label,
    verifications: jobs.length,
    errors: errors.length ? [...new Set(errors)].join(',') : '',
    totalMs: Math.round(elapsed),
    perSecond: Math.round((jobs.length / elapsed) * 1000 * 10) / 10,
    loopP50: ms(h.percentile(50)),
    loopP99: ms(h.percentile(99)),
    loopMax: ms(h.max),
    libuvProbeP50: probe.p50,
    libuvProbeMax: probe.max,
  };
}

const rows = [];
for (const c of available) rows.push({ ...(await run(c.name, Array.from({ length: N }, () => c))), note: c.note });
if (available.length > 1 && !ONLY.length) {
  const mixed = available.flatMap((c) => Array.from({ length: N }, () => c));
  rows.push({ ...(await run(`ALL (${available.length} x ${N})`, mixed)), note: 'every scheme above at once' });
}
await lib.shutdownPool();

const env = {
  node: process.version,
  cpus: availableParallelism(),
  cpuModel: cpus()[0]?.model ?? '?',
  uvThreadpoolSize: Number(process.env.UV_THREADPOOL_SIZE) || 4,
  pool: lib.configurePool({}),
  concurrent: N,
  skipped,
};

if (JSON_OUT) {
  console.log(JSON.stringify({ env, rows }, null, 2));
} else {
  console.log(
    `event-loop bench: ${N} concurrent verifications per scheme; node ${env.node}, ${env.cpus} CPUs (${env.cpuModel}), ` +
      `UV_THREADPOOL_SIZE ${env.uvThreadpoolSize}, workers ${env.pool.workers}, nativeConcurrency ${env.pool.nativeConcurrency}`,
  );
  const head = ['scheme', 'verif/s', 'total ms', 'loop p50', 'loop p99', 'loop max', 'libuv probe p50/max', 'errors'];
  const body = rows.map((r) => [r.scheme, r.perSecond, r.totalMs, r.loopP50, r.loopP99, r.loopMax, `${r.libuvProbeP50}/${r.libuvProbeMax}`, r.errors]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => String(b[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const b of body) console.log(line(b));
  console.log('(event-loop delay in ms, monitorEventLoopDelay resolution 1 ms; libuv probe = fs read + 1-iteration PBKDF2, ms)');
  if (skipped.length) console.log(`skipped: ${skipped.join('; ')}`);
  const worst = Math.max(...rows.map((r) => r.loopP99));
  console.log(worst < 20 ? `target met: worst p99 ${worst} ms < 20 ms` : `TARGET MISSED: worst p99 ${worst} ms >= 20 ms`);
}
