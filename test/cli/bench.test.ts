import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, CUSTOMERS, readCsv, requireBuild, tmp } from './helpers.js';
import { check, type Shape } from './shape.js';

const RESULT: Shape = {
  scheme: 'string',
  cost: 'string',
  params: { record: 'any' },
  hash: 'string',
  runs: 'number',
  medianMs: 'number',
  p95Ms: 'number',
  cpuMsPerVerify: 'number',
  cpuSecondsPer1000Logins: 'number',
  loginsPerSecondPerCore: 'number',
  throughputPerSecond: 'number',
};
const DOC: Shape = {
  schemaVersion: 'number',
  machine: { cores: 'number', cpu: 'string', node: 'string', loadAverage: { array: 'number' }, uvThreadpoolSize: 'number' },
  settings: { iterations: { oneOf: ['number', 'null'] }, durationMs: { oneOf: ['number', 'null'] }, concurrency: 'number' },
  results: { array: RESULT },
  notes: { array: 'string' },
};

interface Result {
  scheme: string;
  cost: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  accounts?: number;
  readings?: number;
  throughputPerSecond: number;
  loginsPerSecondPerCore: number;
}
interface Doc {
  results: Result[];
  notes: string[];
  mix: { accounts: number; groups: number; cpuSecondsPer1000Logins: number; loginsPerSecondPerCore: number; throughputPerSecond: number } | null;
  excluded: { count: number; reasons: { reason: string; count: number }[] } | null;
  input: { source: string; rows: number } | null;
}

const customers = readCsv(CUSTOMERS);

describe('bench', () => {
  beforeAll(requireBuild);

  it('--json on three cheap schemes with --iterations 3', () => {
    const r = cli(['bench', '--scheme', 'md5,phpass,sha1', '--iterations', '3', '--concurrency', '2', '--json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(check(doc, DOC)).toEqual([]);
    expect(doc.results.map((x) => x.scheme).sort()).toEqual(['md5', 'phpass', 'sha1']);
    for (const x of doc.results) {
      expect(x.runs).toBe(3);
      expect(x.medianMs).toBeGreaterThan(0);
      expect(x.p95Ms).toBeGreaterThanOrEqual(x.medianMs);
      expect(x.throughputPerSecond).toBeGreaterThan(0);
    }
    expect(doc.results.find((x) => x.scheme === 'phpass')!.cost).toMatch(/^rounds=\d+$/);
    expect(doc.input).toBeNull();
    expect(doc.notes.join(' ')).toMatch(/depend on this machine/);
  });

  it('text output says the figures depend on the machine', () => {
    const r = cli(['bench', '--filter', '^(md5|sha1)$', '--iterations', '3', '--concurrency', '1']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^md5 /m);
    expect(r.stdout).toContain('CPU-s/1k logins');
    expect(r.stdout).toContain('depend on this machine');
  });

  it('with an export: groups by scheme and cost, weights the mix, leaves out reset accounts', () => {
    const dir = tmp();
    const file = join(dir, 'export.csv');
    // phpass (two costs), md5, an unknown and an empty hash.
    const pick = (re: RegExp, n: number) => customers.filter((c) => re.test(c.password_hash!)).slice(0, n);
    const rows = [...pick(/^\$P\$B/, 6), ...pick(/^\$H\$9/, 2), ...pick(/^[0-9a-f]{32}$/, 4)];
    expect(rows.length).toBe(12);
    writeFileSync(
      file,
      ['email,password_hash', ...rows.map((c) => `${c.email},${c.password_hash}`), 'x@example.com,definitely not a hash', 'y@example.com,'].join('\n') + '\n',
    );
    const r = cli(['bench', '--iterations', '2', '--concurrency', '2', '--json', file]);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as Doc;
    expect(check(doc, DOC)).toEqual([]);
    expect(doc.input!.rows).toBe(14);
    const phpass = doc.results.filter((x) => x.scheme === 'phpass');
    expect(phpass.map((x) => x.cost).sort()).toEqual(['rounds=2048', 'rounds=8192']);
    expect(phpass.find((x) => x.cost === 'rounds=8192')!.accounts).toBe(6);
    expect(doc.results.reduce((n, x) => n + (x.accounts ?? 0), 0)).toBe(12);
    expect(doc.mix!.accounts).toBe(12);
    expect(doc.mix!.cpuSecondsPer1000Logins).toBeGreaterThan(0);
    expect(doc.excluded!.count).toBe(2);
    // Real hashes are never printed in full.
    for (const c of rows) expect(r.stdout.includes(c.password_hash!)).toBe(false);

    // The same from stdin ('-'), as text.
    const t = cli(['bench', '--iterations', '2', '--concurrency', '1', '-'], { input: `password_hash\n${rows[0]!.password_hash}\n` });
    expect(t.status).toBe(0);
    expect(t.stdout).toContain('Login mix of -');
    expect(t.stdout).toContain('CPU-seconds per 1,000 logins');
  });

  it('usage errors exit 2', () => {
    expect(cli(['bench', '--scheme', 'no-such-scheme']).status).toBe(2);
    expect(cli(['bench', '--filter', '^zzz$']).status).toBe(2);
    expect(cli(['bench', '--filter', '(']).status).toBe(2);
    expect(cli(['bench', '--iterations', '0']).status).toBe(2);
    expect(cli(['bench', 'a', 'b']).status).toBe(2);
    expect(cli(['bench', '--help']).status).toBe(0);
  });
});
