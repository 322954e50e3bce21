import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ANSI, CLI, cli, COOKIE_KEY, CUSTOMERS, KNOWN, readCsv, requireBuild, ROOT, tmp } from './helpers.js';
import { AUDIT_SHAPE, check } from './shape.js';

interface Report {
  rows: { read: number; identified: number; ambiguous: number; malformed: number; unknown: number; empty: number };
  schemes: { id: string; count: number; gradual: number; reset: number; missing: Record<string, number>; parameters: Record<string, { value: string; count: number }[]> }[];
  problems: Record<'malformed' | 'unknown' | 'empty', { count: number; rows: { line: number; hash: string; reason: string; id?: string }[] }>;
  duplicates: { groups: number; accounts: number; examples: { hash: string }[] };
  verdict: { gradual: number; reset: number; reasons: { reason: string; count: number }[]; resetWithoutEmail: number | null };
  ambiguous: { resolvedAs: string; candidates: string[] }[];
  input: { format: string; header: boolean; columns: Record<string, string | null>; pepper: boolean };
  stats: { peakRssBytes: number };
}

const customers = readCsv(CUSTOMERS);
const ROWS = customers.length;
/** Every full stored hash of the example (long enough to be unmistakable). */
const fullHashes = customers.map((c) => c.password_hash!.trim()).filter((h) => h.length >= 13);

function audit(args: string[], input?: string): { status: number | null; report: Report; stdout: string; stderr: string } {
  const r = cli(['audit', '--json', ...args], input !== undefined ? { input } : {});
  let report = {} as Report;
  if (r.status === 0 || r.status === 1) report = JSON.parse(r.stdout) as Report;
  return { status: r.status, report, stdout: r.stdout, stderr: r.stderr };
}

/** The parts of a report that do not depend on timing. */
function stable(r: Report): unknown {
  const { stats: _s, input: _i, ...rest } = r as Report & { tool: unknown };
  return rest;
}

describe('audit', () => {
  beforeAll(requireBuild);
  let base: Report;

  it('--json on the bundled example: valid schema, consistent counts', () => {
    const r = audit([CUSTOMERS]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(check(JSON.parse(r.stdout), AUDIT_SHAPE)).toEqual([]);
    base = r.report;
    const { rows, schemes, verdict, problems } = base;
    expect(rows.read).toBe(ROWS);
    expect(rows.identified + rows.malformed + rows.unknown + rows.empty).toBe(rows.read);
    expect(schemes.reduce((n, s) => n + s.count, 0)).toBe(rows.identified);
    expect(verdict.gradual + verdict.reset).toBe(rows.read);
    expect(problems.malformed.count).toBe(rows.malformed);
    expect(verdict.reasons.reduce((n, x) => n + x.count, 0)).toBe(verdict.reset);
    // The example mixes platforms: the core families are all there.
    const ids = schemes.map((s) => s.id);
    for (const id of ['phpass', 'bcrypt', 'wordpress', 'magento1', 'magento2']) expect(ids).toContain(id);
    // Cost histograms: bcrypt costs 8, 10, 11 and 12 as generated.
    const cost = schemes.find((s) => s.id === 'bcrypt')?.parameters.cost?.map((v) => v.value);
    expect(cost).toEqual(['8', '10', '11', '12']);
    expect(rows.malformed).toBeGreaterThan(0);
    expect(rows.unknown).toBeGreaterThan(0);
    expect(rows.empty).toBeGreaterThan(0);
    expect(base.duplicates.accounts).toBeGreaterThan(0);
    expect(base.input.columns).toMatchObject({ hash: 'password_hash', salt: 'salt', username: 'username', email: 'email', id: 'id' });
  });

  it('problem rows carry their line number and id, hashes redacted', () => {
    const lines = readFileSync(CUSTOMERS, 'utf8').split('\n');
    for (const cat of ['malformed', 'unknown', 'empty'] as const) {
      for (const p of base.problems[cat].rows) {
        const line = lines[p.line - 1]!;
        expect(line.startsWith(`${p.id},`)).toBe(true);
        expect(p.hash === '(empty)' || p.hash.includes('…')).toBe(true);
      }
    }
  });

  it('redacts every hash in text, JSON, HTML and --rows output; --show-hashes shows them', () => {
    const dir = tmp();
    const rowsFile = join(dir, 'rows.csv');
    const outputs = [
      cli(['audit', CUSTOMERS, '--max-examples', '1000']).stdout,
      cli(['audit', '--json', CUSTOMERS, '--max-examples', '1000']).stdout,
      cli(['audit', '--html', CUSTOMERS, '--rows', rowsFile]).stdout,
      readFileSync(rowsFile, 'utf8'),
    ];
    for (const out of outputs) for (const h of fullHashes) expect(out.includes(h), h.slice(0, 8)).toBe(false);
    const shown = cli(['audit', '--json', '--show-hashes', CUSTOMERS, '--max-examples', '1000']).stdout;
    const malformed = (JSON.parse(shown) as Report).problems.malformed.rows.map((r) => r.hash);
    expect(malformed.some((h) => fullHashes.includes(h))).toBe(true);
    const rowLines = readFileSync(rowsFile, 'utf8').trim().split('\n');
    expect(rowLines[0]).toBe('line,id,email,scheme,verdict,reason,hash');
    expect(rowLines.length).toBe(ROWS + 1);
  });

  it('never prints a password (auditing the known-passwords file itself)', () => {
    const passwords = readCsv(KNOWN).map((r) => r.password!);
    const out = [cli(['audit', KNOWN]).stdout, cli(['audit', '--json', KNOWN]).stdout, cli(['audit', '--html', KNOWN]).stdout].join('\n');
    for (const p of passwords) expect(out.includes(p)).toBe(false);
  });

  it('text report: sections, no colour when piped, no progress bar on a non-TTY stderr', () => {
    const r = cli(['audit', CUSTOMERS]);
    expect(r.status).toBe(0);
    for (const s of ['Rows', 'Schemes', 'Malformed rows', 'Unknown format', 'Identical hashes', 'Migration verdict']) expect(r.stdout).toContain(s);
    expect(r.stdout).not.toMatch(ANSI);
    expect(r.stderr).toBe('');
    expect(cli(['audit', CUSTOMERS], { env: { FORCE_COLOR: '1' } }).stdout).toMatch(ANSI);
    expect(cli(['audit', CUSTOMERS], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toMatch(ANSI);
    expect(cli(['audit', '--color', CUSTOMERS]).stdout).toMatch(ANSI);
  });

  it('--html: one self-contained page (no scripts, no external resources)', () => {
    const dir = tmp();
    const file = join(dir, 'report.html');
    const r = cli(['audit', '--html', '-o', file, CUSTOMERS]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    const html = readFileSync(file, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('Migration verdict');
    expect(html).not.toMatch(/<script|<link|src=|https?:\/\//i);
  });

  it('reads stdin (- or no FILE) with the same result', () => {
    const data = readFileSync(CUSTOMERS, 'utf8');
    expect(stable(audit(['-'], data).report)).toEqual(stable(base));
    expect(stable(audit([], data).report)).toEqual(stable(base));
  });

  it('TSV, JSON Lines and JSON arrays give the same report as CSV', () => {
    const dir = tmp();
    const header = ['id', 'email', 'username', 'password_hash', 'salt'];
    const tsv = [header.join('\t'), ...customers.map((c) => header.map((h) => c[h]).join('\t'))].join('\n') + '\n';
    const jsonl = customers.map((c) => JSON.stringify({ ...c, id: Number(c.id) })).join('\n') + '\n';
    const json = '[\n' + customers.map((c) => '  ' + JSON.stringify(c)).join(',\n') + '\n]\n';
    writeFileSync(join(dir, 'c.tsv'), tsv);
    writeFileSync(join(dir, 'c.jsonl'), jsonl);
    writeFileSync(join(dir, 'c.json'), json);
    const summary = (r: Report) => ({ rows: r.rows, schemes: r.schemes.map((s) => [s.id, s.count]), verdict: r.verdict });
    for (const [f, format] of [['c.tsv', 'tsv'], ['c.jsonl', 'jsonl'], ['c.json', 'json']] as const) {
      const r = audit([join(dir, f)]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.report.input.format).toBe(format);
      expect(summary(r.report)).toEqual(summary(base));
    }
  });

  it('CSV details: quoted fields with delimiters and line breaks keep line numbers right; ; delimiter; no header', () => {
    const dir = tmp();
    const csv = [
      'id;note;hash',
      '1;"multi',
      'line; note";$P$946647711V1klyitUYhtB8Yw5DMA/w.',
      '2;"say ""hi""";garbage!',
      '3;plain;57ab8499d08c59a7211c77f557bf9425:4247\r',
      '',
    ].join('\n');
    writeFileSync(join(dir, 'semi.csv'), csv);
    const r = audit([join(dir, 'semi.csv')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.report.rows.read).toBe(3);
    expect(r.report.input.columns.hash).toBe('hash');
    expect(r.report.problems.unknown.rows).toEqual([{ line: 4, id: '2', hash: '…(8 chars)', reason: expect.any(String) }]);

    writeFileSync(join(dir, 'plain.txt'), '$P$946647711V1klyitUYhtB8Yw5DMA/w.\n5f4dcc3b5aa765d61d8327deb882cf99\n');
    const p = audit([join(dir, 'plain.txt')]);
    expect(p.status, p.stderr).toBe(0);
    expect(p.report.input.header).toBe(false);
    expect(p.report.rows.identified).toBe(2);
  });

  it('values from the file cannot inject terminal escapes', () => {
    const file = join(tmp(), 'evil.csv');
    writeFileSync(file, 'id,hash\n"\x1b[2J\x1b[31mevil",garbage\n');
    const r = cli(['audit', file]);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(ANSI);
    expect(r.stdout).toContain('\\x1b[31mevil');
  });

  it('--pepper-file supplies the site secret: PrestaShop-style rows no longer lack it', () => {
    const without = audit(['--platform', 'prestashop', CUSTOMERS]).report;
    const withKey = audit(['--platform', 'prestashop', '--pepper-file', COOKIE_KEY, CUSTOMERS]).report;
    const missingPepper = (r: Report) => r.schemes.reduce((n, s) => n + (s.missing.pepper ?? 0), 0);
    expect(missingPepper(without)).toBeGreaterThan(0);
    expect(missingPepper(withKey)).toBe(0);
    expect(withKey.input.pepper).toBe(true);
    expect(withKey.verdict.gradual).toBeGreaterThan(without.verdict.gradual);
    // Via the environment too; never via argv.
    const env = cli(['audit', '--json', '--platform', 'prestashop', CUSTOMERS], { env: { LEGACY_HASH_PEPPER: readFileSync(COOKIE_KEY, 'utf8').trim() } });
    expect(missingPepper(JSON.parse(env.stdout) as Report)).toBe(0);
  });

  it('exit codes: --fail-on-reset 1, bad --platform 2, unreadable file 2, no hash column 2', () => {
    expect(cli(['audit', '--fail-on-reset', CUSTOMERS]).status).toBe(1);
    const bad = cli(['audit', '--platform', 'nope', CUSTOMERS]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('known:');
    const missing = cli(['audit', '/nonexistent/x.csv']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('ENOENT');
    const dir = tmp();
    writeFileSync(join(dir, 'names.csv'), 'id,name\n1,Alice\n2,Bob\n');
    const nohash = cli(['audit', join(dir, 'names.csv')]);
    expect(nohash.status).toBe(2);
    expect(nohash.stderr).toContain('--hash-column');
    expect(cli(['audit', '--hash-column', 'nope', CUSTOMERS]).status).toBe(2);
    expect(audit(['--hash-column', '4', '--salt-column', '5', CUSTOMERS]).report.rows.read).toBe(ROWS);
  });

  it('worker threads (--jobs) give exactly the in-process report', () => {
    const one = audit(['--jobs', '1', CUSTOMERS]).report;
    const three = audit(['--jobs', '3', CUSTOMERS]).report;
    expect(stable(three)).toEqual(stable(one));
  });

  const hasPython = spawnSync('python3', ['-c', 'import pty'], { stdio: 'ignore' }).status === 0;
  it.skipIf(!hasPython)('shows a progress bar on a terminal (stderr), erased at the end', async () => {
    // @ts-expect-error -- plain ESM helper without types
    const { makeExport } = (await import('../../bench/audit.mjs')) as { makeExport: (p: string, n: number) => Promise<string> };
    const file = join(tmp(), 'p.csv');
    await makeExport(file, 60_000);
    const r = spawnSync('python3', [join(ROOT, 'test/cli/pty-run.py'), '[]', process.execPath, CLI, 'audit', '--jobs', '1', '-o', '/dev/null', file], {
      encoding: 'utf8',
      timeout: 90_000,
    });
    const res = JSON.parse(r.stdout) as { status: number; output: string };
    expect(res.status).toBe(0);
    expect(res.output).toMatch(/auditing +\d+% \|/);
    expect(res.output).toContain('\x1b[K');
    // -q turns it off.
    const quiet = spawnSync('python3', [join(ROOT, 'test/cli/pty-run.py'), '[]', process.execPath, CLI, 'audit', '-q', '-o', '/dev/null', file], { encoding: 'utf8' });
    expect((JSON.parse(quiet.stdout) as { output: string }).output).not.toContain('auditing');
  });
});
