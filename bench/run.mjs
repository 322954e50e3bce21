/**
 * legacy-hash benchmark (issue #8): for every scheme at its platform's default cost — and at the
 * costs found in an export with --export — median and p95 latency of one verify(), throughput
 * with every core busy, and the same computation in the fastest reference on this machine
 * (OpenSSL through node:crypto, @node-rs/bcrypt, @node-rs/argon2, PHP's C implementations in a
 * child process that times itself), measured in the same run, with the ratio and PASS/MISS.
 *
 *   npm run bench                      (builds, then runs this)
 *   node bench/run.mjs [--quick] [--json] [--filter REGEX] [--export FILE.csv] [--out FILE.json]
 *
 * Absolute times depend on the machine; the ratios are the result. Hashes not at the default
 * cost in the scheme's example are made at runtime by PHP, never by legacy-hash.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { classify, costLabel, defaultCase, PASSWORD, referencesFor, TARGETS } from './lib/cases.mjs';
import { fmtMs, fmtRate, latency, latencySync, stats, throughput } from './lib/measure.mjs';
import { phpVersion } from './lib/php.mjs';

// LH_BENCH_DIST: a private build (a directory holding index.js, e.g. bench/_dist) so a concurrent `tsup` cannot pull dist/ away mid-run.
const LIB_URL = process.env.LH_BENCH_DIST
  ? new URL(`${process.env.LH_BENCH_DIST.replace(/\/?$/, '/')}index.js`, `file://${process.cwd()}/`).href
  : new URL('../dist/index.js', import.meta.url).href;
const lib = await import(LIB_URL);
const require = createRequire(import.meta.url);

// ---------- arguments ----------
const argv = process.argv.slice(2);
const flag = (n) => argv.includes(n);
const value = (n) => {
  const i = argv.indexOf(n);
  return i >= 0 ? argv[i + 1] : undefined;
};
if (flag('--help') || flag('-h')) {
  console.log('usage: node bench/run.mjs [--quick] [--json] [--filter REGEX] [--export FILE.csv] [--out FILE.json]');
  process.exit(0);
}
const QUICK = flag('--quick');
const JSON_OUT = flag('--json');
const FILTER = value('--filter') ? new RegExp(value('--filter')) : null;
const EXPORT = value('--export');
const OUT = value('--out');
const B = QUICK
  ? { latency: 300, throughput: 300, ref: 300, identify: 150 }
  : { latency: 1200, throughput: 1000, ref: 1200, identify: 400 };
const CORES = availableParallelism();
/**
 * Rounds in which ours and the references take turns. The ratio is paired by round (see
 * pairedRatio): this shared VM's speed drifts by 10-40% over seconds, and a drift between our
 * samples and the reference's would otherwise land in the ratio.
 */
const ROUNDS = QUICK ? 1 : 5;
const log = (...a) => {
  if (!JSON_OUT) console.error(...a);
};

// ---------- environment ----------
const pkgVersion = (name) => {
  try {
    return require(`${name}/package.json`).version;
  } catch {
    return undefined;
  }
};
const env = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: CORES,
  php: phpVersion() ?? null,
  openssl: process.versions.openssl,
  '@node-rs/bcrypt': pkgVersion('@node-rs/bcrypt'),
  '@node-rs/argon2': pkgVersion('@node-rs/argon2'),
  quick: QUICK,
  /** 1-minute load average at start and end: other processes on the machine skew absolute times. */
  loadStart: loadavg()[0],
};

// ---------- raw derive + compare (cheap schemes), through the TypeScript sources ----------
let raw = null;
try {
  const { register } = await import('tsx/esm/api');
  register();
  const registry = await import('../src/registry.ts');
  const engine = await import('../src/engine.ts');
  raw = { registry, engine };
} catch (e) {
  log(`(raw derive+compare rates skipped: ${e.message.slice(0, 80)})`);
}

function rawRate(schemeId, hash, password, options) {
  if (!raw) return undefined;
  try {
    const scheme = raw.registry.getScheme(schemeId);
    const inputs = raw.engine.schemeInputs(options);
    const parsed = scheme.parse(hash, inputs);
    const pw = new TextEncoder().encode(password);
    let ok = true;
    const s = stats(
      latencySync(
        () => {
          const d = scheme.derive(pw, parsed, inputs);
          ok = raw.engine.matches(d, parsed.expected) && ok;
        },
        { budgetMs: B.identify },
      ),
    );
    return ok ? 1000 / s.median : undefined;
  } catch {
    return undefined;
  }
}

// ---------- one case ----------
async function runCase(c) {
  const scheme = c.scheme;
  const row = {
    scheme: scheme.id,
    source: c.source,
    made: c.made,
    cost: c.costLabel,
    class: c.cls,
    target: TARGETS[c.cls].text,
    note: c.note || '',
  };
  const call = () => lib.verify(c.password, c.hash, c.options);
  try {
    const first = await call();
    if (first !== c.expect) throw new Error(`verify returned ${first}, expected ${c.expect}`);
  } catch (e) {
    row.error = e.message.slice(0, 160);
    return row;
  }
  // Ours and every reference take turns (ROUNDS rounds), so load from other processes, which
  // comes and goes, falls on both sides alike.
  // Samples per round: oursByRound[round], refByRound[ref][round].
  const oursByRound = [];
  const refByRound = c.refs.map(() => []);
  const refErrors = c.refs.map(() => undefined);
  try {
    for (let round = 0; round < ROUNDS; round++) {
      oursByRound.push(await latency(call, { budgetMs: B.latency / ROUNDS, minRuns: Math.ceil(5 / ROUNDS) }));
      for (const [i, ref] of c.refs.entries()) {
        if (refErrors[i]) continue;
        try {
          refByRound[i].push(await ref.run(B.ref / ROUNDS));
        } catch (e) {
          refErrors[i] = e.message.slice(0, 120);
        }
      }
    }
    const ours = stats(oursByRound.flat());
    row.median = ours.median;
    row.p95 = ours.p95;
    row.runs = ours.runs;
    row.perCorePerSec = 1000 / ours.median;
    row.throughput = await throughput(call, { concurrency: Math.max(8, 4 * CORES), durationMs: B.throughput, minOps: 2 * CORES });
  } catch (e) {
    row.error = e.message.slice(0, 160);
    return row;
  }
  row.identifyPerSec = 1000 / stats(latencySync(() => lib.identify(c.hash, c.options), { budgetMs: B.identify })).median;
  if (c.cls === 'cheap') {
    row.rawPerSec = rawRate(scheme.id, c.hash, c.password, c.options);
    // The same verification without options.scheme: detection and every runnable candidate.
    const { scheme: _forced, ...auto } = c.options;
    try {
      row.autoDetectMedian = stats(await latency(() => lib.verify(c.password, c.hash, auto), { budgetMs: B.identify })).median;
    } catch {
      row.autoDetectMedian = undefined;
    }
  }

  row.references = c.refs.map((ref, i) => {
    if (refErrors[i]) return { name: ref.name, error: refErrors[i] };
    const st = stats(refByRound[i].flat());
    return { name: ref.name, median: st.median, p95: st.p95, runs: st.runs, ratio: pairedRatio(oursByRound, refByRound[i]) };
  });
  const ok = row.references.filter((r) => r.median !== undefined).sort((a, b) => a.median - b.median);
  if (ok.length > 0) {
    row.fastestReference = ok[0].name;
    row.referenceMedian = ok[0].median;
    row.ratio = ok[0].ratio;
  }
  const t = TARGETS[c.cls];
  if (t.kind === 'ratio') row.verdict = row.ratio === undefined ? 'NO REF' : row.ratio <= t.max ? 'PASS' : 'MISS';
  // Per core = one verification after another on one thread (1 / median): robust to other
  // processes, unlike wall-clock throughput, which loses every time slice they take.
  else if (t.kind === 'rate') row.verdict = row.perCorePerSec >= t.min ? 'PASS' : 'MISS';
  else row.verdict = 'info';
  return row;
}

/**
 * Our time over the reference's, paired by round: the median over rounds of (our median in the
 * round / the reference's median in the same round). Both sides of a pair ran seconds apart, so a
 * drift of the machine's speed between rounds cancels out; with one round it is the plain ratio
 * of medians.
 */
function pairedRatio(oursByRound, refByRound) {
  const ratios = refByRound.map((ref, round) => stats(oursByRound[round]).median / stats(ref).median);
  return stats(ratios).median;
}

// ---------- cases: every scheme at its default cost ----------
function schemeById(id) {
  return lib.schemes.find((s) => s.id === id);
}

function caseFor(scheme, source, h) {
  const params = lib.identify(h.hash, h.options).find((x) => x.scheme === scheme.id)?.params ?? {};
  const cls = classify(scheme, params);
  return {
    scheme,
    source,
    made: h.made,
    note: h.note,
    password: h.password,
    hash: h.hash,
    options: { ...h.options, scheme: scheme.id },
    expect: h.expect ?? true,
    cls,
    costLabel: costLabel(params),
    refs: referencesFor(cls, scheme, params, h.hash, h.password, h.expect === false ? undefined : h.options ?? {}),
  };
}

const cases = [];
if (!EXPORT) {
  for (const scheme of lib.schemes) {
    if (FILTER && !FILTER.test(scheme.id)) continue;
    cases.push(caseFor(scheme, 'default', defaultCase(lib, scheme)));
  }
} else {
  cases.push(...exportCases(EXPORT));
}

/** Costs found in an export CSV: the hash column is the one identify() recognises most often. */
function exportCases(file) {
  const rows = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map(splitCsv);
  const width = Math.max(...rows.map((r) => r.length));
  let best = -1;
  let bestHits = 0;
  for (let col = 0; col < width; col++) {
    const hits = rows.slice(0, 500).filter((r) => r[col] && lib.identify(r[col]).length > 0).length;
    if (hits > bestHits) [best, bestHits] = [col, hits];
  }
  if (best < 0) throw new Error('no column of recognisable hashes in the export');
  const seen = new Map();
  for (const r of rows) {
    const hash = r[best]?.trim();
    if (!hash) continue;
    const cand = lib.identify(hash).find((c) => c.missing.length === 0);
    if (!cand) continue;
    const key = `${cand.scheme} ${costLabel(cand.params)}`;
    const entry = seen.get(key) ?? { scheme: cand.scheme, hash, count: 0 };
    entry.count++;
    seen.set(key, entry);
  }
  log(`export: hash column ${best + 1}, ${seen.size} scheme/cost combinations`);
  return [...seen.values()]
    .filter((e) => !FILTER || FILTER.test(e.scheme))
    .map((e) => {
      const c = caseFor(schemeById(e.scheme), `export (${e.count} rows)`, {
        // The export's passwords are unknown; a wrong password costs the same full derivation.
        password: 'not-the-password',
        hash: e.hash,
        options: {},
        expect: false,
        made: 'export',
        note: '',
      });
      return c;
    });
}

function splitCsv(line) {
  const out = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (q) {
      if (ch === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (ch === '"') q = false;
      else cur += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',' || ch === ';' || ch === '\t') out.push(cur), (cur = '');
    else cur += ch;
  }
  out.push(cur);
  return out;
}

// ---------- run ----------
log(`legacy-hash bench: ${cases.length} cases, ${env.cpu}, ${CORES} cores, Node ${env.node}, PHP ${env.php ?? 'absent'}${QUICK ? ' (quick)' : ''}`);
const results = [];
for (const c of cases) {
  const row = await runCase(c);
  results.push(row);
  log(line(row));
}

// The CPU-heavy JavaScript schemes once more with the worker pool off (configurePool({ workers: 0 })):
// the same computation on the calling thread, without the thread hand-offs (which a loaded
// machine makes slow: each hand-off waits for the scheduler).
const INLINE_CLASSES = new Set(['phpass', 'md5crypt', 'shacrypt', 'des', 'stretched']);
if (results.some((r) => INLINE_CLASSES.has(r.class) && !r.error)) {
  lib.configurePool({ workers: 0 });
  for (const [i, c] of cases.entries()) {
    const row = results[i];
    if (!INLINE_CLASSES.has(row.class) || row.error) continue;
    try {
      row.inlineMedian = stats(await latency(() => lib.verify(c.password, c.hash, c.options), { budgetMs: B.ref })).median;
      if (row.referenceMedian) row.inlineRatio = row.inlineMedian / row.referenceMedian;
    } catch {
      row.inlineMedian = undefined;
    }
  }
  lib.configurePool({ workers: CORES });
}

// Cheap digests once more, each in a fresh thread that verifies only that format (bench/lib/
// alone.mjs): what a server migrating one platform's customers sees. The verdict stays on the
// figure measured here, after every scheme ran in this thread.
for (const [i, c] of cases.entries()) {
  const row = results[i];
  if (row.class === 'cheap' && !row.error) row.alonePerCorePerSec = await alone(c);
}

/** 1 / median verify() latency of case `c` in a new worker thread; undefined if it failed. */
function alone(c) {
  return new Promise((resolve) => {
    const w = new Worker(new URL('./lib/alone.mjs', import.meta.url), {
      workerData: { libUrl: LIB_URL, password: c.password, hash: c.hash, options: c.options, budgetMs: B.latency },
    });
    let rate;
    w.once('message', (r) => (rate = r));
    w.once('error', () => w.terminate());
    w.once('exit', () => resolve(rate));
  });
}

// identify() over a mix of every case's hash (one string each, round-robin).
const mix = cases.map((c) => [c.hash, c.options.scheme ? { ...c.options, scheme: undefined } : c.options]);
let k = 0;
const identifyMix = 1000 / stats(latencySync(() => {
  const [h, o] = mix[k++ % mix.length];
  lib.identify(h, o);
}, { budgetMs: B.identify * 2 })).median;
const prefixed = mix.filter(([h]) => /^[$:{_U]/.test(h));
k = 0;
const identifyPrefixed = prefixed.length
  ? 1000 / stats(latencySync(() => {
      const [h, o] = prefixed[k++ % prefixed.length];
      lib.identify(h, o);
    }, { budgetMs: B.identify * 2 })).median
  : undefined;

// A yardstick for identify(): one JavaScript pass over the same strings' characters (what telling
// character classes apart costs at the least), and nothing else. identify() reads a string at
// least once for its shape and once more per candidate that parses it.
const CLASS_OF = new Uint8Array(128).map((_, c) => 1 << (c & 7));
let passMask = 0;
k = 0;
const onePass = 1000 / stats(latencySync(() => {
  const h = mix[k++ % mix.length][0];
  let m = 0;
  for (let i = 0; i < h.length; i++) {
    const c = h.charCodeAt(i);
    m |= c < 128 ? CLASS_OF[c] : 256;
  }
  passMask |= m;
}, { budgetMs: B.identify })).median;
const mixLength = mix.reduce((n, [h]) => n + h.length, 0) / mix.length;
const candidatesPerString = mix.reduce((n, [h, o]) => n + lib.identify(h, o).length, 0) / mix.length;

// The floor of any Promise-returning API on this machine: an async function that does nothing.
const noop = async () => true;
const promiseFloor = 1000 / stats(await latency(noop, { budgetMs: B.identify })).median;

await lib.shutdownPool();

const summary = {
  identifyMixPerSec: identifyMix,
  identifyPrefixedPerSec: identifyPrefixed,
  identifyTarget: 2e6,
  /** identify() on one format at a time (the rows' identify column): median, and formats at the target. */
  identifyPerFormatMedian: stats(results.filter((r) => r.identifyPerSec).map((r) => r.identifyPerSec)).median,
  identifyFormatsAtTarget: results.filter((r) => r.identifyPerSec >= 2e6).length,
  /** The yardstick: one JavaScript pass over the mix's characters per string, and the mix itself. */
  identifyOnePassPerSec: onePass,
  identifyMixMeanLength: mixLength,
  identifyMixCandidatesPerString: candidatesPerString,
  promiseFloorPerSec: promiseFloor,
  pass: results.filter((r) => r.verdict === 'PASS').length,
  miss: results.filter((r) => r.verdict === 'MISS').length,
  info: results.filter((r) => r.verdict === 'info' || r.verdict === 'NO REF').length,
  errors: results.filter((r) => r.error).length,
  /** Cheap digests at >= 1 M verify/s per core: in this thread (the verdict) and each alone. */
  cheap: results.filter((r) => r.class === 'cheap' && !r.error).length,
  cheapPass: results.filter((r) => r.class === 'cheap' && r.verdict === 'PASS').length,
  cheapAlonePass: results.filter((r) => r.class === 'cheap' && r.alonePerCorePerSec >= 1e6).length,
  /** Cheap digests at >= 1 M/s in this thread or alone (the two counts can swap between runs here). */
  cheapEitherPass: results.filter((r) => r.class === 'cheap' && (r.verdict === 'PASS' || r.alonePerCorePerSec >= 1e6)).length,
};
env.loadEnd = loadavg()[0];
const report = { env, results, summary };
if (OUT) writeFileSync(OUT, JSON.stringify(report, null, 2));
if (JSON_OUT) {
  console.log(JSON.stringify(report, null, 2));
} else {
  console.log(table(results));
  console.log('');
  if (summary.cheap > 0) {
    console.log(`cheap digests ≥ 1 M verify/s per core: ${summary.cheapPass} of ${summary.cheap} in this process after every scheme ran (the result column), ${summary.cheapAlonePass} of ${summary.cheap} each in a thread of its own, ${summary.cheapEitherPass} of ${summary.cheap} one way or the other`);
  }
  console.log(`identify(): ${fmtRate(identifyMix)} over every scheme's string (mix), ${fmtRate(identifyPrefixed)} over prefixed formats ($…, {…}); target ≥ 2 M/s per core: ${identifyMix >= 2e6 ? 'PASS' : 'MISS'} (mix), ${identifyPrefixed >= 2e6 ? 'PASS' : 'MISS'} (prefixed); one format at a time: median ${fmtRate(summary.identifyPerFormatMedian)}, ${summary.identifyFormatsAtTarget} of ${results.filter((r) => r.identifyPerSec).length} at ≥ 2 M/s`);
  console.log(`identify() yardstick: one JavaScript pass over each mix string's characters (${mixLength.toFixed(0)} on average) runs at ${fmtRate(onePass)}; identify() reads a string once for its shape, then once per candidate that parses it (${candidatesPerString.toFixed(1)} candidates a string on average), so it costs ${(onePass / identifyMix).toFixed(1)} passes here`);
  console.log(`Promise floor (an empty async function, awaited): ${fmtRate(promiseFloor)}`);
  console.log(`targets: ${summary.pass} PASS, ${summary.miss} MISS, ${summary.info} without a target or reference, ${summary.errors} errors`);
  console.log(`${env.cpu}, ${CORES} cores, Node ${env.node}, OpenSSL ${env.openssl}, PHP ${env.php ?? 'absent'}, @node-rs/bcrypt ${env['@node-rs/bcrypt']}, @node-rs/argon2 ${env['@node-rs/argon2']}; load average ${env.loadStart.toFixed(1)} at start, ${env.loadEnd.toFixed(1)} at end`);
}

function line(r) {
  if (r.error) return `  ${r.scheme.padEnd(28)} ERROR ${r.error}`;
  return `  ${r.scheme.padEnd(28)} ${fmtMs(r.median).padStart(9)} ${r.fastestReference ? `vs ${fmtMs(r.referenceMedian)} ${r.ratio.toFixed(2)}x` : ''} ${r.verdict}`;
}

function table(rows) {
  const head = ['scheme', 'cost', 'median', 'p95', `throughput (${CORES} cores)`, 'auto-detect', 'identify', 'fastest reference', 'ref median', 'ratio', 'target', 'result', 'no pool (ratio)'];
  const body = rows.map((r) =>
    r.error
      ? [r.scheme, r.cost, 'ERROR', r.error, '', '', '', '', '', '', r.target, 'ERROR', '']
      : [
          r.scheme,
          r.cost,
          fmtMs(r.median),
          fmtMs(r.p95),
          fmtRate(r.throughput) +
            (r.class === 'cheap'
              ? ` (1 core ${fmtRate(r.perCorePerSec)}${r.alonePerCorePerSec ? `, alone ${fmtRate(r.alonePerCorePerSec)}` : ''}${r.rawPerSec ? `, raw ${fmtRate(r.rawPerSec)}` : ''})`
              : ''),
          r.autoDetectMedian === undefined ? '—' : fmtMs(r.autoDetectMedian),
          fmtRate(r.identifyPerSec),
          r.fastestReference ?? '—',
          fmtMs(r.referenceMedian),
          r.ratio === undefined ? '—' : `${r.ratio.toFixed(2)}×`,
          r.target,
          r.verdict + (r.note ? ` (${r.note})` : ''),
          r.inlineMedian === undefined ? '' : `${fmtMs(r.inlineMedian)}${r.inlineRatio ? ` (${r.inlineRatio.toFixed(2)}×)` : ''}`,
        ],
  );
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => String(b[i]).length)));
  const fmt = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  return [fmt(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(fmt)].join('\n');
}
