/**
 * The audit model: classifies every row of an export (which scheme, which inputs are missing,
 * malformed/unknown) without hashing anything, and aggregates what the migration report needs
 * in memory bounded by the number of schemes and the example caps (plus ~18 bytes per distinct
 * hash for duplicate detection).
 *
 * Per row: the registry's detection (the same recognize/parse/rank identify() uses), then the
 * verdict: `gradual` when verify() could check a password at the next login (a scheme was
 * found, every input it needs is available, its costs are within the default limits), else
 * `reset` with the reason.
 */
import { detect, type Fit } from '../../detect/candidates.js';
import { normalizeStored } from '../../detect/normalize.js';
import { enforceCosts } from '../../engine.js';
import { LegacyHashError } from '../../errors.js';
import { getDefaultLimits, type Limits } from '../../limits.js';
import type { InputName, Scheme, SchemeInputs } from '../../types.js';
import { redact } from '../io/redact.js';
import { FingerprintCounter } from './fingerprints.js';

export type RowStatus = 'identified' | 'malformed' | 'unknown' | 'empty';
export type Verdict = 'gradual' | 'reset';

export interface RowOutcome {
  status: RowStatus;
  /** The scheme verify() would try first (runnable), else the best fit. */
  scheme?: Scheme;
  verdict: Verdict;
  /** Why a reset is needed (stable short text), undefined for gradual rows. */
  reason?: string;
  /** Detail for malformed rows / limits (never contains the hash). */
  detail?: string;
}

export interface ProblemRow {
  line: number;
  id?: string;
  hash: string;
  reason: string;
}

export interface ProblemList {
  count: number;
  rows: ProblemRow[];
  /** true when `count` > rows listed (see --max-examples). */
  truncated: boolean;
}

/** The --json document (schemaVersion 1). Stable: fields are added, never renamed. */
export interface AuditReport {
  schemaVersion: 1;
  tool: { name: 'legacy-hash'; version: string };
  input: {
    source: string;
    format: string;
    delimiter: string | null;
    header: boolean;
    columns: { hash: string; salt: string | null; username: string | null; email: string | null; id: string | null };
    platform: string | null;
    pepper: boolean;
  };
  rows: { read: number; identified: number; ambiguous: number; malformed: number; unknown: number; empty: number };
  schemes: SchemeReport[];
  ambiguous: AmbiguousGroup[];
  problems: { malformed: ProblemList; unknown: ProblemList; empty: ProblemList };
  duplicates: {
    groups: number;
    accounts: number;
    perScheme: { scheme: string; groups: number; accounts: number; largest: number }[];
    examples: { scheme: string; count: number; hash: string; lines: number[] }[];
  };
  verdict: {
    gradual: number;
    reset: number;
    gradualShare: number;
    reasons: { reason: string; count: number }[];
    /** Reset accounts with no e-mail address (null when there is no e-mail column). */
    resetWithoutEmail: number | null;
    /**
     * Gradual rows that also fit a scheme whose inputs were not given (e.g. a bare md5 that
     * could be PrestaShop's md5(cookie key . password)): per missing input, how many rows. If
     * the other reading is the right one, those logins fail until the input is supplied.
     */
    uncertain: { input: string; count: number }[];
  };
  /** Wall time, CPU time of the process (all threads), peak resident memory. */
  stats: { seconds: number; rowsPerSecond: number; cpuSeconds: number; peakRssBytes: number };
}

export interface SchemeReport {
  id: string;
  title: string;
  family: string;
  count: number;
  /** count / rows read. */
  share: number;
  gradual: number;
  reset: number;
  /** Names of the scheme's declared cost parameters (a subset of `parameters` keys when reported). */
  costParameters: string[];
  /** Distribution of each public parameter (cost, rounds, variant, salt length...): value -> rows. */
  parameters: Record<string, { value: string; count: number }[]>;
  /** Rows per input still missing (salt column, pepper, username). */
  missing: Partial<Record<InputName, number>>;
  /** Rows whose costs exceed the default limits. */
  overLimit: number;
}

export interface AmbiguousGroup {
  /** Every scheme that fits, best first. */
  candidates: string[];
  /** The scheme verify() tries first. */
  resolvedAs: string;
  count: number;
  lines: number[];
  /** Other fits verify() also tries at login (they need nothing more). */
  alsoTried: string[];
  /** Other fits verify() cannot try: the inputs each still needs. */
  notTried: { scheme: string; needs: InputName[] }[];
  /** The two lists above in words. */
  note: string;
}

export interface AuditOptions {
  platform?: string;
  pepper?: Uint8Array;
  hasSaltColumn: boolean;
  hasUsernameColumn: boolean;
  hasEmailColumn: boolean;
  showHashes: boolean;
  maxExamples: number;
  limits?: Readonly<Limits>;
}

interface SchemeAcc {
  scheme: Scheme;
  index: number;
  count: number;
  gradual: number;
  reset: number;
  params: Map<string, Map<string, number>>;
  missing: Map<InputName, number>;
  overLimit: number;
  usesSalt: boolean;
}

const MAX_PARAM_VALUES = 24;
const MAX_AMBIGUOUS_GROUPS = 200;
const OTHER = '(other)';
const HEX = /^[0-9a-fA-F]+$/;

export class Auditor {
  read = 0;
  private identified = 0;
  private ambiguousRows = 0;
  private readonly schemes = new Map<string, SchemeAcc>();
  private readonly schemeList: SchemeAcc[] = [];
  private readonly ambiguous = new Map<string, AmbiguousGroup>();
  private readonly problems = {
    malformed: { count: 0, rows: [] as ProblemRow[], truncated: false },
    unknown: { count: 0, rows: [] as ProblemRow[], truncated: false },
    empty: { count: 0, rows: [] as ProblemRow[], truncated: false },
  };
  private gradual = 0;
  private reset = 0;
  private readonly reasons = new Map<string, number>();
  private resetWithoutEmail = 0;
  private readonly uncertain = new Map<string, number>();
  private readonly dups = new FingerprintCounter();
  private readonly limits: Readonly<Limits>;
  private readonly platform: string | undefined;

  constructor(private readonly o: AuditOptions) {
    this.limits = o.limits ?? getDefaultLimits();
    this.platform = o.platform?.toLowerCase();
  }

  /** Classifies and records one row. */
  add(rawHash: string, salt: string | undefined, username: string | undefined, email: string | undefined, line: number, id?: string): RowOutcome {
    this.read++;
    const text = normalizeStored(rawHash);
    const out = this.classify(text, salt, username, line);
    if (out.verdict === 'gradual') this.gradual++;
    else {
      this.reset++;
      this.reasons.set(out.reason!, (this.reasons.get(out.reason!) ?? 0) + 1);
      if (this.o.hasEmailColumn && (email === undefined || email.trim() === '')) this.resetWithoutEmail++;
    }
    if (out.status !== 'identified') {
      const list = this.problems[out.status];
      list.count++;
      if (list.rows.length < this.o.maxExamples) {
        const row: ProblemRow = { line, hash: redact(text, this.o.showHashes), reason: out.detail ?? out.reason! };
        if (id !== undefined && id !== '') row.id = id;
        list.rows.push(row);
      } else list.truncated = true;
    }
    return out;
  }

  private classify(text: string, salt: string | undefined, username: string | undefined, line: number): RowOutcome {
    if (text === '') return { status: 'empty', verdict: 'reset', reason: 'empty hash', detail: 'empty hash' };
    if (text.length > this.limits.maxHashLength) {
      return { status: 'malformed', verdict: 'reset', reason: 'malformed hash', detail: `longer than maxHashLength (${this.limits.maxHashLength})` };
    }
    const inputs: SchemeInputs = {};
    if (salt !== undefined && salt !== '') inputs.salt = salt;
    if (username !== undefined && username !== '') inputs.username = username;
    if (this.o.pepper) inputs.pepper = this.o.pepper;
    const found = detect(text, inputs, this.platform);
    const fits = found.fits;
    if (fits.length === 0) {
      if (found.malformed) {
        return { status: 'malformed', verdict: 'reset', reason: 'malformed hash', detail: found.malformed.message };
      }
      return { status: 'unknown', verdict: 'reset', reason: 'unknown format', detail: 'no supported scheme recognises it' };
    }
    this.identified++;
    let chosen: Fit | undefined;
    for (const f of fits) {
      if (f.missing.length === 0) {
        chosen = f;
        break;
      }
    }
    const fit = chosen ?? fits[0]!;
    const acc = this.accFor(fit.scheme);
    acc.count++;
    if (fits.length > 1) this.noteAmbiguous(fits, fit, line);
    this.recordParams(acc, fit);
    // Identical stored values = same password (hex case carries no information).
    const key = HEX.test(text) ? text.toLowerCase() : text;
    this.dups.add(acc.usesSalt && salt ? `${key}\u0000${salt}` : key, acc.index, line, () => redact(text, this.o.showHashes));

    let out: RowOutcome;
    if (!chosen) {
      const need = fit.missing;
      for (const m of need) acc.missing.set(m, (acc.missing.get(m) ?? 0) + 1);
      out = { status: 'identified', scheme: fit.scheme, verdict: 'reset', reason: `missing ${need.join(' and ')}` };
    } else {
      try {
        enforceCosts(fit.scheme, fit.parsed, this.limits);
        out = { status: 'identified', scheme: fit.scheme, verdict: 'gradual' };
      } catch (e) {
        if (!(e instanceof LegacyHashError)) throw e;
        acc.overLimit++;
        out = { status: 'identified', scheme: fit.scheme, verdict: 'reset', reason: `cost above default limit (${e.field ?? 'limit'})`, detail: e.message };
      }
    }
    if (out.verdict === 'gradual') {
      acc.gradual++;
      if (fits.length > 1) {
        let seen = '';
        for (const f of fits) {
          for (const m of f.missing) {
            if (seen.includes(m)) continue;
            seen += m + ' ';
            this.uncertain.set(m, (this.uncertain.get(m) ?? 0) + 1);
          }
        }
      }
    } else acc.reset++;
    return out;
  }

  private accFor(scheme: Scheme): SchemeAcc {
    let acc = this.schemes.get(scheme.id);
    if (!acc) {
      acc = {
        scheme,
        index: this.schemeList.length,
        count: 0,
        gradual: 0,
        reset: 0,
        params: new Map(),
        missing: new Map(),
        overLimit: 0,
        usesSalt: (scheme.needs ?? []).includes('salt') || (scheme.uses ?? []).includes('salt'),
      };
      this.schemes.set(scheme.id, acc);
      this.schemeList.push(acc);
    }
    return acc;
  }

  private recordParams(acc: SchemeAcc, fit: Fit): void {
    if (!fit.scheme.describe) return;
    const params = fit.scheme.describe(fit.parsed);
    for (const k in params) {
      let hist = acc.params.get(k);
      if (!hist) acc.params.set(k, (hist = new Map()));
      let v = String(params[k]);
      if (!hist.has(v) && hist.size >= MAX_PARAM_VALUES) v = OTHER;
      hist.set(v, (hist.get(v) ?? 0) + 1);
    }
  }

  private noteAmbiguous(fits: Fit[], chosen: Fit, line: number): void {
    this.ambiguousRows++;
    const key = fits.map((f) => f.scheme.id).join('|');
    let g = this.ambiguous.get(key);
    if (!g) {
      if (this.ambiguous.size >= MAX_AMBIGUOUS_GROUPS) return;
      const others = fits.filter((f) => f !== chosen);
      const tried = others.filter((f) => f.missing.length === 0).map((f) => f.scheme.id);
      const skipped = others.filter((f) => f.missing.length > 0).map((f) => `${f.scheme.id} (needs ${f.missing.join(', ')})`);
      const note = [
        tried.length ? `also tried at login: ${tried.join(', ')}` : '',
        skipped.length ? `not tried without the input: ${skipped.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('; ');
      g = {
        candidates: fits.map((f) => f.scheme.id),
        resolvedAs: chosen.scheme.id,
        count: 0,
        lines: [],
        alsoTried: tried,
        notTried: others.filter((f) => f.missing.length > 0).map((f) => ({ scheme: f.scheme.id, needs: f.missing })),
        note,
      };
      this.ambiguous.set(key, g);
    }
    g.count++;
    if (g.lines.length < 5) g.lines.push(line);
  }

  report(input: AuditReport['input'], version: string, seconds: number): AuditReport {
    const read = this.read;
    const schemes: SchemeReport[] = this.schemeList
      .slice()
      .sort((a, b) => b.count - a.count || a.scheme.id.localeCompare(b.scheme.id))
      .map((a) => {
        const parameters: SchemeReport['parameters'] = {};
        for (const [k, hist] of a.params) {
          parameters[k] = [...hist]
            .map(([value, count]) => ({ value, count }))
            .sort((x, y) => (x.value === OTHER ? 1 : y.value === OTHER ? -1 : numericOrder(x.value, y.value)));
        }
        return {
          id: a.scheme.id,
          title: a.scheme.title,
          family: a.scheme.family,
          count: a.count,
          share: read ? a.count / read : 0,
          gradual: a.gradual,
          reset: a.reset,
          costParameters: (a.scheme.costs ?? []).map((c) => c.name),
          parameters,
          missing: Object.fromEntries(a.missing),
          overLimit: a.overLimit,
        };
      });
    const dupSummary = this.dups.summary();
    const perScheme = [...dupSummary]
      .map(([idx, s]) => ({ scheme: this.schemeList[idx]!.scheme.id, ...s }))
      .sort((a, b) => b.accounts - a.accounts);
    return {
      schemaVersion: 1,
      tool: { name: 'legacy-hash', version },
      input,
      rows: {
        read,
        identified: this.identified,
        ambiguous: this.ambiguousRows,
        malformed: this.problems.malformed.count,
        unknown: this.problems.unknown.count,
        empty: this.problems.empty.count,
      },
      schemes,
      ambiguous: [...this.ambiguous.values()].sort((a, b) => b.count - a.count),
      problems: this.problems,
      duplicates: {
        groups: perScheme.reduce((n, s) => n + s.groups, 0),
        accounts: perScheme.reduce((n, s) => n + s.accounts, 0),
        perScheme,
        examples: this.dups.topGroups(this.o.maxExamples).map((g) => ({
          scheme: this.schemeList[g.scheme]!.scheme.id,
          count: g.count,
          hash: g.label,
          lines: g.lines,
        })),
      },
      verdict: {
        gradual: this.gradual,
        reset: this.reset,
        gradualShare: read ? this.gradual / read : 0,
        reasons: [...this.reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
        resetWithoutEmail: this.o.hasEmailColumn ? this.resetWithoutEmail : null,
        uncertain: [...this.uncertain].map(([input, count]) => ({ input, count })).sort((a, b) => b.count - a.count),
      },
      stats: {
        seconds: Math.round(seconds * 1000) / 1000,
        rowsPerSecond: seconds > 0 ? Math.round(read / seconds) : read,
        cpuSeconds: Math.round((process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) / 1000) / 1000,
        peakRssBytes: process.resourceUsage().maxRSS * 1024,
      },
    };
  }
}

function numericOrder(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (Number.isFinite(x) && Number.isFinite(y)) return x - y;
  return a.localeCompare(b);
}

/**
 * Merges the partial reports of workers that audited disjoint sets of rows (rows routed by
 * hash, so identical hashes never straddle two parts). `input`, `tool` and `stats` come from
 * the caller.
 */
export function mergeReports(parts: AuditReport[], maxExamples: number): Omit<AuditReport, 'input' | 'tool' | 'stats'> {
  const sumBy = <T>(items: T[], key: (t: T) => string, count: (t: T) => number) => {
    const m = new Map<string, number>();
    for (const it of items) m.set(key(it), (m.get(key(it)) ?? 0) + count(it));
    return m;
  };
  const rows = { read: 0, identified: 0, ambiguous: 0, malformed: 0, unknown: 0, empty: 0 };
  for (const p of parts) for (const k of Object.keys(rows) as (keyof typeof rows)[]) rows[k] += p.rows[k];
  const read = rows.read;

  const schemes = new Map<string, SchemeReport>();
  for (const p of parts) {
    for (const s of p.schemes) {
      const acc = schemes.get(s.id);
      if (!acc) {
        schemes.set(s.id, structuredClone(s));
        continue;
      }
      acc.count += s.count;
      acc.gradual += s.gradual;
      acc.reset += s.reset;
      acc.overLimit += s.overLimit;
      for (const [k, n] of Object.entries(s.missing) as [InputName, number][]) acc.missing[k] = (acc.missing[k] ?? 0) + n;
      for (const [k, vals] of Object.entries(s.parameters)) {
        const merged = sumBy([...(acc.parameters[k] ?? []), ...vals], (v) => v.value, (v) => v.count);
        let list = [...merged].map(([value, count]) => ({ value, count }));
        if (list.length > MAX_PARAM_VALUES) {
          list.sort((a, b) => b.count - a.count);
          const other = list.slice(MAX_PARAM_VALUES).reduce((n, v) => n + v.count, 0);
          list = [...list.slice(0, MAX_PARAM_VALUES).filter((v) => v.value !== OTHER), { value: OTHER, count: other + (merged.get(OTHER) ?? 0) }];
        }
        acc.parameters[k] = list.sort((x, y) => (x.value === OTHER ? 1 : y.value === OTHER ? -1 : numericOrder(x.value, y.value)));
      }
    }
  }
  for (const s of schemes.values()) s.share = read ? s.count / read : 0;

  const ambiguous = new Map<string, AmbiguousGroup>();
  for (const p of parts) {
    for (const g of p.ambiguous) {
      const key = g.candidates.join('|');
      const acc = ambiguous.get(key);
      if (!acc) ambiguous.set(key, structuredClone(g));
      else {
        acc.count += g.count;
        acc.lines = [...acc.lines, ...g.lines].sort((a, b) => a - b).slice(0, 5);
      }
    }
  }

  const problems = {} as AuditReport['problems'];
  for (const cat of ['malformed', 'unknown', 'empty'] as const) {
    const count = parts.reduce((n, p) => n + p.problems[cat].count, 0);
    const list = parts.flatMap((p) => p.problems[cat].rows).sort((a, b) => a.line - b.line).slice(0, maxExamples);
    problems[cat] = { count, rows: list, truncated: count > list.length };
  }

  const dupPer = new Map<string, { scheme: string; groups: number; accounts: number; largest: number }>();
  for (const p of parts) {
    for (const d of p.duplicates.perScheme) {
      const acc = dupPer.get(d.scheme);
      if (!acc) dupPer.set(d.scheme, { ...d });
      else {
        acc.groups += d.groups;
        acc.accounts += d.accounts;
        acc.largest = Math.max(acc.largest, d.largest);
      }
    }
  }
  const perScheme = [...dupPer.values()].sort((a, b) => b.accounts - a.accounts);
  const examples = parts
    .flatMap((p) => p.duplicates.examples)
    .sort((a, b) => b.count - a.count || a.lines[0]! - b.lines[0]!)
    .slice(0, maxExamples);

  const gradual = parts.reduce((n, p) => n + p.verdict.gradual, 0);
  const reset = parts.reduce((n, p) => n + p.verdict.reset, 0);
  const reasons = sumBy(parts.flatMap((p) => p.verdict.reasons), (r) => r.reason, (r) => r.count);
  const uncertain = sumBy(parts.flatMap((p) => p.verdict.uncertain), (r) => r.input, (r) => r.count);
  const noEmail = parts.every((p) => p.verdict.resetWithoutEmail === null)
    ? null
    : parts.reduce((n, p) => n + (p.verdict.resetWithoutEmail ?? 0), 0);

  return {
    schemaVersion: 1,
    rows,
    schemes: [...schemes.values()].sort((a, b) => b.count - a.count || a.id.localeCompare(b.id)),
    ambiguous: [...ambiguous.values()].sort((a, b) => b.count - a.count),
    problems,
    duplicates: {
      groups: perScheme.reduce((n, s) => n + s.groups, 0),
      accounts: perScheme.reduce((n, s) => n + s.accounts, 0),
      perScheme,
      examples,
    },
    verdict: {
      gradual,
      reset,
      gradualShare: read ? gradual / read : 0,
      reasons: [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
      resetWithoutEmail: noEmail,
      uncertain: [...uncertain].map(([input, count]) => ({ input, count })).sort((a, b) => b.count - a.count),
    },
  };
}
