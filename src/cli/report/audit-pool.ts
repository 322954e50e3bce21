/**
 * Parallel audit: rows are classified by worker threads (the built CLI file, started in worker
 * mode). Rows are routed by a fingerprint of their normalised hash, so identical hashes always
 * meet in the same worker and duplicate counting stays exact; each worker keeps its own
 * Auditor and the partial reports are merged at the end (see mergeReports).
 */
import { Worker } from 'node:worker_threads';
import { normalizeStored } from '../../detect/normalize.js';
import { Auditor, type AuditOptions, type AuditReport } from './audit.js';

export interface WorkerInit {
  legacyHashCli: 'audit-worker';
  options: AuditOptions;
  rowsCsv: boolean;
}

type ToWorker = { type: 'batch'; seq: number; rows: string[][]; lines: number[] } | { type: 'end' };
type FromWorker = { type: 'done'; seq: number; csv: string[] | null } | { type: 'report'; report: AuditReport } | { type: 'error'; message: string };

/** Per-row fields sent to workers: hash, salt, username, email, id ('' when absent). */
export type RowFields = [string, string, string, string, string];

export class AuditPool {
  private readonly workers: Worker[] = [];
  private seq = 0;
  private readonly pending = new Map<number, (m: FromWorker) => void>();
  private readonly reports: ((r: AuditReport) => void)[] = [];
  private failure: Error | undefined;

  constructor(entry: URL, jobs: number, init: WorkerInit) {
    for (let i = 0; i < jobs; i++) {
      const w = new Worker(entry, { workerData: init });
      w.on('message', (m: FromWorker) => {
        if (m.type === 'done') {
          const cb = this.pending.get(m.seq);
          this.pending.delete(m.seq);
          cb?.(m);
        } else if (m.type === 'report') {
          this.reports.shift()?.(m.report);
        } else if (m.type === 'error') {
          this.fail(new Error(m.message));
        }
      });
      w.on('error', (e) => this.fail(e));
      this.workers.push(w);
    }
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const cb of this.pending.values()) cb({ type: 'error', message: e.message });
    this.pending.clear();
  }

  /** Classifies one batch across the workers; resolves with the per-row CSV lines in input order (when asked). */
  async run(rows: RowFields[], lines: number[]): Promise<string[] | null> {
    if (this.failure) throw this.failure;
    const n = this.workers.length;
    const parts: { rows: string[][]; lines: number[]; index: number[] }[] = [];
    for (let k = 0; k < n; k++) parts.push({ rows: [], lines: [], index: [] });
    for (let i = 0; i < rows.length; i++) {
      const p = parts[route(rows[i]![0], n)]!;
      p.rows.push(rows[i]!);
      p.lines.push(lines[i]!);
      p.index.push(i);
    }
    const results = await Promise.all(
      parts.map((p, k) => {
        if (p.rows.length === 0) return Promise.resolve<FromWorker>({ type: 'done', seq: -1, csv: [] });
        const seq = this.seq++;
        return new Promise<FromWorker>((resolve) => {
          this.pending.set(seq, resolve);
          this.workers[k]!.postMessage({ type: 'batch', seq, rows: p.rows, lines: p.lines } satisfies ToWorker);
        });
      }),
    );
    if (this.failure) throw this.failure;
    let out: string[] | null = null;
    results.forEach((r, k) => {
      if (r.type !== 'done' || !r.csv) return;
      out ??= new Array<string>(rows.length);
      const idx = parts[k]!.index;
      for (let j = 0; j < idx.length; j++) out[idx[j]!] = r.csv[j]!;
    });
    return out;
  }

  /** Partial reports of every worker; terminates the workers. */
  async finish(): Promise<AuditReport[]> {
    if (this.failure) throw this.failure;
    const reports = await Promise.all(
      this.workers.map(
        (w) =>
          new Promise<AuditReport>((resolve) => {
            this.reports.push(resolve);
            w.postMessage({ type: 'end' } satisfies ToWorker);
          }),
      ),
    );
    await Promise.all(this.workers.map((w) => w.terminate()));
    return reports;
  }

  async destroy(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** Which worker gets a row: FNV-1a of the normalised hash (lower-cased when hex). */
function route(hash: string, n: number): number {
  if (n === 1) return 0;
  let t = normalizeStored(hash);
  if (/^[0-9a-fA-F]+$/.test(t)) t = t.toLowerCase();
  let h = 0x811c9dc5;
  for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
  return (h >>> 0) % n;
}

/** Worker side: one Auditor, fed batch by batch; answers 'end' with its partial report. */
export function runAuditWorker(port: { on(e: 'message', cb: (m: ToWorker) => void): void; postMessage(m: FromWorker): void }, init: WorkerInit, rowCsv: (fields: RowFields, line: number, o: ReturnType<Auditor['add']>, showHashes: boolean) => string): void {
  const auditor = new Auditor(init.options);
  port.on('message', (m) => {
    try {
      if (m.type === 'batch') {
        const csv: string[] | null = init.rowsCsv ? [] : null;
        for (let i = 0; i < m.rows.length; i++) {
          const r = m.rows[i] as RowFields;
          const o = auditor.add(r[0], r[1], r[2], r[3], m.lines[i]!, r[4]);
          csv?.push(rowCsv(r, m.lines[i]!, o, init.options.showHashes));
        }
        port.postMessage({ type: 'done', seq: m.seq, csv });
      } else {
        port.postMessage({ type: 'report', report: auditor.report(PLACEHOLDER_INPUT, '', 0) });
      }
    } catch (e) {
      port.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    }
  });
}

const PLACEHOLDER_INPUT: AuditReport['input'] = {
  source: '',
  format: '',
  delimiter: null,
  header: false,
  columns: { hash: '', salt: null, username: null, email: null, id: null },
  platform: null,
  pepper: false,
};
