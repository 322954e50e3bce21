/**
 * `legacy-hash bench [FILE]`: what a hash check costs on this machine, to size login servers.
 *
 * Without FILE: for each scheme (or --scheme / --filter / --platform), verify() of the scheme's
 * example hash with a WRONG password (the same work as a right one, and no secret needed):
 * median and p95 latency, the CPU time one verification takes (process CPU, every thread), the
 * implied CPU-seconds per 1,000 logins and logins/s per core, and the throughput with
 * --concurrency verifications in flight.
 *
 * With FILE (an export, read as by `audit`): every row is classified (decideAccount, as audit
 * and plan do), rows that can migrate are grouped by (scheme, cost parameters), one real row per
 * group is timed at its real costs, and the groups are weighted by their number of accounts:
 * the expected cost of the export's login mix per 1,000 logins.
 */
import { availableParallelism, cpus, loadavg } from 'node:os';
import { decideAccount, type DecideOptions } from '../../migration/decide.js';
import { isLegacyHashError } from '../../errors.js';
import { identify } from '../../identify.js';
import { getScheme, hasScheme } from '../../registry.js';
import { schemes } from '../../schemes.js';
import type { VerifyOptions } from '../../types.js';
import { verify } from '../../verify.js';
import { configurePool } from '../../worker/pool.js';
import { UV_THREADPOOL_SIZE } from '../../worker/native.js';
import { EXIT, INPUT_OPTIONS, UsageError, delimiterChoice, formatChoice, headerChoice, intOption, parse, type Command, REPORT_OPTIONS } from '../command.js';
import { columnName, resolveColumns, type Columns } from '../io/columns.js';
import { openInput } from '../io/input.js';
import { clean, colorEnabled, num, pct, style, table, type Style } from '../io/output.js';
import { readRecords, type SourceInfo } from '../io/records.js';
import { redact } from '../io/redact.js';
import { readPepper } from '../io/secrets.js';
import { checkPlatform, errorText, looksLikeHash } from '../shared.js';

const HELP = `Usage: legacy-hash bench [options] [FILE]

Measures what one password check costs on this machine, to size login servers.

Without FILE: for each scheme, verify() of its example hash with a WRONG password (the same work
as a right one; no secret needed). Per scheme: median and p95 latency, CPU time per check, the
implied CPU-seconds per 1,000 logins and logins/s per core, and the throughput with N checks in
flight (all cores).

With FILE (a customer export, read as by 'audit'): accounts that can migrate are grouped by
scheme and cost parameters; one real hash per group is timed at its real cost, and the groups
are weighted by their number of accounts: the expected cost of the export's login mix.

The figures depend on this machine, its load and its thread-pool settings: run it on hardware
like your login servers, with nothing else running, and keep headroom.

Options:
  --scheme ID[,ID...]       only these schemes (see 'legacy-hash schemes')
  --filter REGEX            only schemes whose id matches
  --platform ID             only the schemes this platform stores (and, with FILE, detection hint)
  --iterations N            timed checks per scheme (and per lane for the throughput) instead of
                            a time budget
  --duration MS             time budget per scheme for latency and again for throughput
                            (default 300; at least 5 checks)
  --concurrency N           checks in flight for the throughput (default: cores)
  --json                    machine-readable results
  -q, --quiet               no progress line
  --color, --no-color       force colour on or off

With FILE (as for audit; '-' reads stdin):
  --input-format F, --delimiter C, --header, --no-header
  --hash-column COL, --salt-column COL, --username-column COL
  --pepper-file FILE, --pepper-env NAME

Examples:
  legacy-hash bench --scheme phpass,bcrypt,md5
  legacy-hash bench --filter 'crypt$' --duration 1000
  legacy-hash bench --json examples/customers.csv > login-cost.json

Exit status: 0 measured; 1 some scheme or group could not be measured (listed); 2 usage or
input error.
`;

const WRONG = ['legacy-hash bench: not the password', 'Zz9!not-it-either'];
/** Latency samples at most per target (cheap schemes in a long --duration). */
const MAX_RUNS = 200_000;
/** Public parameters that do not change the work (left out of the group key). */
/** Shorter timed windows than this give the median latency as CPU time (accounting granularity). */
const CPU_MIN_WINDOW_MS = 100;
const NOT_COST = /salt|length|bytes|encoding|^ident$|unsalted|countlog2|memcost/i;

interface Target {
  scheme: string;
  /** Cost parameters as text (`rounds=8192`), or '—'. */
  cost: string;
  params: Record<string, string | number>;
  hash: string;
  options: VerifyOptions;
  /** A known password to prove the path really verifies (examples only). */
  correct?: string;
  /** FILE mode: accounts in the group, first line, readings a mismatch tries. */
  accounts?: number;
  line?: number;
  readings?: number;
  platformDefault?: string;
  defaultNote?: string;
}

interface Result {
  scheme: string;
  cost: string;
  params: Record<string, string | number>;
  hash: string;
  accounts?: number;
  share?: number;
  line?: number;
  /** Readings verify() tries on a mismatch (FILE mode; 1 = unambiguous). */
  readings?: number;
  runs?: number;
  medianMs?: number;
  p95Ms?: number;
  meanMs?: number;
  cpuMsPerVerify?: number;
  /** false: the timed window was too short for CPU accounting; cpuMsPerVerify is the median latency. */
  cpuMeasured?: boolean;
  /** Examples: the platforms' default cost when the example's differs (`rounds=8192`). */
  platformDefault?: string;
  cpuSecondsPer1000Logins?: number;
  loginsPerSecondPerCore?: number;
  throughputPerSecond?: number;
  error?: string;
}

interface Settings {
  iterations?: number;
  durationMs: number;
  concurrency: number;
}

export const benchCommand: Command = {
  name: 'bench',
  summary: 'measure hash-check latency and throughput per scheme or for an export (sizing)',
  help: HELP,
  async run(argv, ctx) {
    const { values, positionals } = parse(argv, {
      ...INPUT_OPTIONS,
      'hash-column': { type: 'string' },
      'salt-column': { type: 'string' },
      'username-column': { type: 'string' },
      platform: { type: 'string' },
      'pepper-file': { type: 'string' },
      'pepper-env': { type: 'string' },
      scheme: { type: 'string' },
      filter: { type: 'string' },
      iterations: { type: 'string' },
      duration: { type: 'string' },
      concurrency: { type: 'string' },
      ...REPORT_OPTIONS,
    });
    if (values.help) {
      ctx.stdout.write(HELP);
      return EXIT.OK;
    }
    if (positionals.length > 1) throw new UsageError('bench takes at most one FILE');
    const settings: Settings = {
      durationMs: intOption('duration', values.duration, 1) ?? 300,
      concurrency: intOption('concurrency', values.concurrency, 1) ?? availableParallelism(),
    };
    const iterations = intOption('iterations', values.iterations, 1);
    if (iterations !== undefined) settings.iterations = iterations;
    const platform = checkPlatform(values.platform);
    let only: Set<string> | undefined;
    if (values.scheme !== undefined) {
      only = new Set(values.scheme.split(',').map((s) => s.trim()).filter(Boolean));
      const unknown = [...only].filter((id) => !hasScheme(id));
      if (unknown.length) throw new UsageError(`--scheme ${unknown.join(',')}: unknown scheme (see 'legacy-hash schemes')`);
    }
    let filter: RegExp | undefined;
    if (values.filter !== undefined) {
      try {
        filter = new RegExp(values.filter);
      } catch {
        throw new UsageError(`--filter ${values.filter}: not a valid regular expression`);
      }
    }
    const wanted = (id: string) =>
      (only === undefined || only.has(id)) &&
      (filter === undefined || filter.test(id)) &&
      (platform === undefined || getScheme(id).platformIds.includes(platform));

    let targets: Target[];
    let inputDoc: Record<string, unknown> | null = null;
    let excluded: { count: number; reasons: { reason: string; count: number }[] } | null = null;
    let total = 0;
    if (positionals[0] === undefined) {
      // No FILE: the registry's examples (an export on stdin is read with '-').
      targets = schemes
        .filter((s) => wanted(s.id))
        .map((s) => ({
          scheme: s.id,
          params: paramsOf(s.id, s.example.hash, s.example.options),
          cost: '',
          hash: s.example.hash,
          options: { ...(s.example.options ?? {}), scheme: s.id },
          correct: s.example.password,
        }));
      for (const t of targets) {
        t.cost = costLabel(t.params);
        const defaults = (getScheme(t.scheme).costs ?? []).filter((c) => c.default !== undefined && t.params[c.name] !== undefined && Number(t.params[c.name]) !== c.default);
        if (defaults.length) {
          t.platformDefault = defaults.map((c) => `${c.name}=${c.default}`).join(' ');
          t.defaultNote = `${t.scheme} ${defaults.map((c) => `${c.name} ${t.params[c.name]} (default ${c.default})`).join(', ')}`;
        }
      }
      if (targets.length === 0) throw new UsageError('no scheme matches --scheme/--filter/--platform');
    } else {
      const pepper = readPepper(values, ctx.env);
      const r = await groupsOf(positionals[0], values, ctx, platform, pepper, wanted);
      targets = r.targets;
      inputDoc = r.input;
      excluded = r.excluded;
      total = r.total;
    }

    // All cores: as many workers and native slots as lanes. libuv's own pool size cannot be
    // changed once the process runs (UV_THREADPOOL_SIZE): native KDFs run at most that many at once.
    configurePool({ workers: settings.concurrency, nativeConcurrency: settings.concurrency, maxQueue: Math.max(1024, settings.concurrency * 4) });

    const showProgress = !values.quiet && !values.json && ctx.stderr.isTTY === true;
    const results: Result[] = [];
    for (const [i, t] of targets.entries()) {
      if (showProgress) ctx.stderr.write(`\rbench ${i + 1}/${targets.length} ${t.scheme} ${t.cost}`.slice(0, (ctx.stderr.columns ?? 80) - 1) + '\x1b[K');
      results.push(await measure(t, settings));
    }
    if (showProgress) ctx.stderr.write('\r\x1b[K');

    const measured = results.filter((r) => r.error === undefined);
    let mix: Record<string, number> | null = null;
    if (inputDoc) {
      const weight = measured.reduce((n, r) => n + (r.accounts ?? 0), 0);
      for (const r of results) r.share = total > 0 ? (r.accounts ?? 0) / total : 0;
      if (weight > 0) {
        let cpu = 0;
        let median = 0;
        let inverseThroughput = 0;
        for (const r of measured) {
          const w = r.accounts! / weight;
          cpu += w * r.cpuMsPerVerify!;
          median += w * r.medianMs!;
          inverseThroughput += w / r.throughputPerSecond!;
        }
        mix = {
          accounts: weight,
          groups: measured.length,
          meanLatencyMs: round(median),
          cpuMsPerLogin: round(cpu),
          cpuSecondsPer1000Logins: round(cpu),
          loginsPerSecondPerCore: round(1000 / cpu),
          throughputPerSecond: round(1 / inverseThroughput),
        };
      }
    }

    const machine = {
      cores: availableParallelism(),
      cpu: cpus()[0]?.model?.trim() ?? 'unknown',
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      loadAverage: loadavg().map((n) => round(n)),
      uvThreadpoolSize: UV_THREADPOOL_SIZE,
    };
    const notes = [
      'Figures depend on this machine, its current load and its thread-pool settings; measure on hardware like your login servers and keep headroom.',
      'Each check uses a wrong password: the same work as a right one (a right password stops at the first matching reading).',
    ];
    if (settings.concurrency > UV_THREADPOOL_SIZE) {
      notes.push(
        `Native KDFs (bcrypt, argon2, scrypt, PBKDF2) run on libuv's pool: at most UV_THREADPOOL_SIZE=${UV_THREADPOOL_SIZE} at once here; start with UV_THREADPOOL_SIZE=${settings.concurrency + 1} (and configurePool({ nativeConcurrency })) to use ${settings.concurrency}.`,
      );
    }
    if (settings.concurrency > 1) {
      notes.push('Cheap hashes are computed on the calling thread: inside one process their throughput does not grow with concurrency; run one process per core (cluster) for them.');
    }
    const belowDefault = targets.filter((t) => t.defaultNote !== undefined);
    if (belowDefault.length) {
      notes.push(
        `${belowDefault.length} example hash${belowDefault.length === 1 ? ' is' : 'es are'} not at the platform's default cost (${belowDefault
          .slice(0, 4)
          .map((t) => t.defaultNote)
          .join(', ')}${belowDefault.length > 4 ? ', ...' : ''}): time your real hashes with 'legacy-hash bench EXPORT'.`,
      );
    }
    if (results.some((r) => r.cpuMeasured === false)) notes.push('≈: timed window too short to account CPU time; the median latency is shown instead (use --duration or more --iterations).');
    if (results.some((r) => (r.readings ?? 1) > 1)) notes.push('readings > 1: the hash fits several schemes. Timed here: the first reading (what a right password costs); a wrong password at login is checked against every reading.');
    const doc = {
      schemaVersion: 1 as const,
      tool: { name: 'legacy-hash' as const, version: ctx.version },
      machine,
      settings: { iterations: settings.iterations ?? null, durationMs: settings.iterations === undefined ? settings.durationMs : null, concurrency: settings.concurrency },
      input: inputDoc,
      results,
      mix,
      excluded,
      notes,
    };
    if (values.json) ctx.stdout.write(JSON.stringify(doc, null, 2) + '\n');
    else {
      const flag = values.color ? true : values['no-color'] ? false : undefined;
      ctx.stdout.write(renderText(doc, style(colorEnabled(ctx.stdout, ctx.env, flag)), total));
    }
    return measured.length === results.length ? EXIT.OK : EXIT.NEGATIVE;
  },
};

/** Times one target: sequential latency and CPU, then throughput with `concurrency` lanes. */
async function measure(t: Target, s: Settings): Promise<Result> {
  const r: Result = { scheme: t.scheme, cost: t.cost, params: t.params, hash: redact(t.hash) };
  if (t.accounts !== undefined) r.accounts = t.accounts;
  if (t.line !== undefined) r.line = t.line;
  if (t.readings !== undefined) r.readings = t.readings;
  if (t.platformDefault !== undefined) r.platformDefault = t.platformDefault;
  try {
    if (t.correct !== undefined && !(await verify(t.correct, t.hash, t.options))) {
      r.error = 'the example hash does not verify with its password';
      return r;
    }
    let wrong: string | undefined;
    for (const w of WRONG) {
      if (!(await verify(w, t.hash, t.options))) {
        wrong = w;
        break;
      }
    }
    if (wrong === undefined) {
      r.error = 'the bench passwords match this hash';
      return r;
    }
    const pw = wrong;
    // Warm-up (JIT tiers, worker start-up, lazy tables): at least 2 checks, up to ~100 ms.
    const warmEnd = performance.now() + 100;
    for (let i = 0; i < 2 || (performance.now() < warmEnd && i < 10_000); i++) await verify(pw, t.hash, t.options);
    const samples: number[] = [];
    const cpu0 = process.cpuUsage();
    const start = performance.now();
    for (;;) {
      if (s.iterations !== undefined ? samples.length >= s.iterations : samples.length >= 5 && (performance.now() - start >= s.durationMs || samples.length >= MAX_RUNS)) break;
      const t0 = performance.now();
      await verify(pw, t.hash, t.options);
      samples.push(performance.now() - t0);
    }
    const wall = performance.now() - start;
    const cpu = process.cpuUsage(cpu0);
    // CPU accounting is coarse (scheduler ticks): over a short window, fall back to the median
    // latency (the same for single-threaded work) and say so.
    const cpuMeasured = wall >= CPU_MIN_WINDOW_MS;
    const cpuMs = cpuMeasured ? (cpu.user + cpu.system) / 1000 / samples.length : rank0(samples, 0.5);
    samples.sort((a, b) => a - b);
    const rank = (p: number) => rank0(samples, p);
    r.runs = samples.length;
    r.medianMs = round(rank(0.5));
    r.p95Ms = round(rank(0.95));
    r.meanMs = round(samples.reduce((a, b) => a + b, 0) / samples.length);
    r.cpuMsPerVerify = round(cpuMs);
    r.cpuMeasured = cpuMeasured;
    r.cpuSecondsPer1000Logins = round(cpuMs); // 1,000 x cpuMs ms = cpuMs seconds
    r.loginsPerSecondPerCore = round(1000 / Math.max(cpuMs, 1e-6));

    // Throughput: warm every lane (worker start-up), then `concurrency` checks in flight.
    await Promise.all(Array.from({ length: s.concurrency }, () => verify(pw, t.hash, t.options)));
    let count = 0;
    const t1 = performance.now();
    const end = t1 + s.durationMs;
    const lane = async () => {
      for (let i = 0; s.iterations !== undefined ? i < s.iterations : i === 0 || (performance.now() < end && i < MAX_RUNS); i++) {
        await verify(pw, t.hash, t.options);
        count++;
      }
    };
    await Promise.all(Array.from({ length: s.concurrency }, lane));
    r.throughputPerSecond = round((count * 1000) / Math.max(performance.now() - t1, 1e-3));
  } catch (e) {
    r.error = isLegacyHashError(e) ? errorText(e) : `internal error: ${e instanceof Error ? e.message : String(e)}`;
  }
  return r;
}

/** FILE mode: classify every row, group the migratable ones by (scheme, costs), keep one row each. */
async function groupsOf(
  path: string | undefined,
  values: Record<string, unknown>,
  ctx: Parameters<Command['run']>[1],
  platform: string | undefined,
  pepper: Uint8Array | undefined,
  wanted: (id: string) => boolean,
): Promise<{ targets: Target[]; input: Record<string, unknown>; excluded: { count: number; reasons: { reason: string; count: number }[] }; total: number }> {
  const v = values as Record<string, string | boolean | undefined>;
  const input = openInput(path, ctx);
  const base: DecideOptions = { ...(platform !== undefined ? { platform } : {}), ...(pepper !== undefined ? { pepper } : {}) };
  const groups = new Map<string, Target>();
  const reasons = new Map<string, number>();
  let total = 0;
  let cols: Columns | undefined;
  let info: SourceInfo | undefined;
  await readRecords(
    input.stream,
    {
      format: formatChoice(v['input-format'] as string | undefined),
      delimiter: delimiterChoice(v.delimiter as string | undefined),
      header: headerChoice(v as { header?: boolean; 'no-header'?: boolean }),
      looksLikeData: looksLikeHash,
    },
    (i, sample) => {
      info = i;
      cols = resolveColumns(
        i,
        sample,
        [
          { role: 'hash', spec: v['hash-column'] as string | undefined, required: true, option: '--hash-column' },
          { role: 'salt', spec: v['salt-column'] as string | undefined, option: '--salt-column' },
          { role: 'username', spec: v['username-column'] as string | undefined, option: '--username-column' },
        ],
        looksLikeHash,
      );
    },
    ({ rows, lines }) => {
      const c = cols!;
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i]!;
        total++;
        const hash = (row[c.hash] ?? '').trim();
        const salt = c.salt >= 0 && row[c.salt] ? row[c.salt] : undefined;
        const username = c.username >= 0 && row[c.username] ? row[c.username] : undefined;
        const account = { hash, ...(salt !== undefined ? { salt } : {}), ...(username !== undefined ? { username } : {}) };
        const d = decideAccount(account, base);
        if (d.action !== 'gradual') {
          const reason = d.action === 'reset' ? d.reason : d.action;
          reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
          continue;
        }
        if (!wanted(d.scheme)) {
          reasons.set('filtered out', (reasons.get('filtered out') ?? 0) + 1);
          continue;
        }
        const inputs = { ...base, ...(salt !== undefined ? { salt } : {}), ...(username !== undefined ? { username } : {}) };
        const params = paramsOf(d.scheme, hash, inputs);
        const cost = costLabel(params);
        const key = `${d.scheme}\u0000${cost}`;
        const g = groups.get(key);
        if (g) g.accounts!++;
        else groups.set(key, { scheme: d.scheme, cost, params, hash, options: { ...inputs, scheme: d.scheme }, accounts: 1, line: lines[i]!, readings: d.candidates.length });
      }
    },
  );
  const c = cols!;
  const src = info!;
  const excludedCount = [...reasons.values()].reduce((a, b) => a + b, 0);
  return {
    targets: [...groups.values()].sort((a, b) => b.accounts! - a.accounts!),
    input: {
      source: input.name,
      format: src.format,
      rows: total,
      columns: { hash: columnName(src, c.hash) ?? '', salt: columnName(src, c.salt), username: columnName(src, c.username) },
      platform: platform ?? null,
      pepper: pepper !== undefined,
    },
    excluded: { count: excludedCount, reasons: [...reasons].sort((a, b) => b[1] - a[1]).map(([reason, count]) => ({ reason, count })) },
    total,
  };
}

/** The public parameters identify() reports for `hash` read as `scheme`. */
function paramsOf(scheme: string, hash: string, options?: object): Record<string, string | number> {
  try {
    const c = identify(hash, options as never).find((x) => x.scheme === scheme);
    return c?.params ?? {};
  } catch {
    return {};
  }
}

/** The work-relevant parameters as `k=v` text (salt lengths and the like left out). */
function costLabel(params: Record<string, string | number>): string {
  const parts = Object.entries(params)
    .filter(([k]) => !NOT_COST.test(k))
    .map(([k, v]) => `${k}=${v}`);
  return parts.join(' ') || '—';
}

/** Nearest-rank percentile of sorted samples. */
function rank0(sorted: number[], p: number): number {
  const s = [...sorted].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!;
}

/** Terse cost text for the table: m= t= p= for memory, passes, parallelism; no argon2 version. */
function shortCost(cost: string): string {
  return cost
    .replace(/\bmemoryKiB=/g, 'm=')
    .replace(/\bpasses=/g, 't=')
    .replace(/\bparallelism=/g, 'p=')
    .replace(/\bversion=19 ?/g, '')
    .replace(/\btype=(argon2\w+)/g, '$1');
}

function round(n: number): number {
  if (!Number.isFinite(n)) return n;
  const a = Math.abs(n);
  const digits = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : a >= 0.01 ? 4 : 6;
  return Number(n.toFixed(digits));
}

function ms(v: number | undefined): string {
  if (v === undefined) return '—';
  if (v < 0.001) return `${(v * 1e6).toFixed(0)} ns`;
  if (v < 1) return `${(v * 1000).toFixed(v < 0.01 ? 2 : 1)} µs`;
  if (v < 100) return `${v.toFixed(2)} ms`;
  return `${num(Math.round(v))} ms`;
}

function rate(v: number | undefined): string {
  if (v === undefined) return '—';
  if (v >= 100) return num(Math.round(v));
  return v >= 10 ? v.toFixed(1) : v.toFixed(2);
}

function secs(v: number | undefined): string {
  if (v === undefined) return '—';
  return v >= 100 ? num(Math.round(v)) : v >= 1 ? v.toFixed(2) : v.toFixed(v >= 0.01 ? 3 : 5);
}

interface BenchDoc {
  machine: { cores: number; cpu: string; node: string; platform: string; loadAverage: number[]; uvThreadpoolSize: number };
  settings: { iterations: number | null; durationMs: number | null; concurrency: number };
  input: Record<string, unknown> | null;
  results: Result[];
  mix: Record<string, number> | null;
  excluded: { count: number; reasons: { reason: string; count: number }[] } | null;
  notes: string[];
}

function renderText(doc: BenchDoc, st: Style, total: number): string {
  const m = doc.machine;
  const out: string[] = [];
  out.push(
    st.bold(`legacy-hash bench: verify() with a wrong password`),
    st.dim(`${m.cpu}, ${m.cores} core${m.cores === 1 ? '' : 's'}, load ${m.loadAverage.join(' ')}, node ${m.node} ${m.platform}, UV_THREADPOOL_SIZE ${m.uvThreadpoolSize}`),
    st.dim(
      doc.settings.iterations !== null
        ? `${doc.settings.iterations} timed checks per scheme, throughput with ${doc.settings.concurrency} in flight`
        : `${doc.settings.durationMs} ms per scheme for latency and for throughput with ${doc.settings.concurrency} in flight`,
    ),
    '',
  );
  const withFile = doc.input !== null;
  const cols = [
    { title: 'scheme' },
    { title: 'cost' },
    ...(withFile ? [{ title: 'accounts', align: 'right' as const }, { title: 'share', align: 'right' as const }] : []),
    { title: 'median', align: 'right' as const },
    { title: 'p95', align: 'right' as const },
    { title: 'CPU/check', align: 'right' as const },
    { title: 'CPU-s/1k logins', align: 'right' as const },
    { title: 'logins/s/core', align: 'right' as const },
    { title: `/s at ${doc.settings.concurrency} in flight`, align: 'right' as const },
  ];
  const rows = doc.results.map((r) => [
    st.cyan(r.scheme),
    clean(shortCost(r.cost)) + ((r.readings ?? 1) > 1 ? st.yellow(` (${r.readings} readings)`) : ''),
    ...(withFile ? [num(r.accounts ?? 0), pct(r.accounts ?? 0, total)] : []),
    ...(r.error !== undefined
      ? [st.red(`error: ${clean(r.error)}`), '', '', '', '', '']
      : [ms(r.medianMs), ms(r.p95Ms), (r.cpuMeasured === false ? '≈' : '') + ms(r.cpuMsPerVerify), secs(r.cpuSecondsPer1000Logins), rate(r.loginsPerSecondPerCore), rate(r.throughputPerSecond)]),
  ]);
  out.push(table(cols, rows, st, ''));
  if (withFile) {
    const src = doc.input!;
    out.push('');
    if (doc.mix) {
      const x = doc.mix;
      out.push(
        st.bold(`Login mix of ${clean(String(src.source))}`) + ` (${num(x.accounts!)} accounts that can migrate, ${num(x.groups!)} group${x.groups === 1 ? '' : 's'}):`,
        `  ${secs(x.cpuSecondsPer1000Logins)} CPU-seconds per 1,000 logins (mean latency ${ms(x.meanLatencyMs)})`,
        `  ~${rate(x.loginsPerSecondPerCore)} logins/s per core; ~${rate(x.throughputPerSecond)} logins/s measured with ${doc.settings.concurrency} in flight`,
      );
    } else out.push('No account of the export could be timed.');
    if (doc.excluded && doc.excluded.count > 0) {
      out.push(
        `  Not in the mix: ${num(doc.excluded.count)} account${doc.excluded.count === 1 ? '' : 's'} (${doc.excluded.reasons.map((r) => `${r.reason} ${num(r.count)}`).join(', ')}): no legacy check at login.`,
      );
    }
  }
  out.push('', ...doc.notes.map((n) => st.dim(`Note: ${n}`)));
  return out.join('\n') + '\n';
}
