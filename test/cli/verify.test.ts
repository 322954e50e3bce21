import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ANSI, cli, CLI, COOKIE_KEY, csvEsc, KNOWN, readCsv, requireBuild, ROOT, tmp } from './helpers.js';
import { check, type Shape } from './shape.js';

const PHPASS = '$P$946647711V1klyitUYhtB8Yw5DMA/w.'; // hashcat mode 400 example, password "hashcat"

interface SchemeInfo {
  id: string;
  needs: string[];
  example: { password: string; hash: string; options?: Record<string, unknown> };
}
let registry: SchemeInfo[] = [];

const ROW_SHAPE: Shape = {
  line: 'number',
  id: 'string',
  result: 'string',
  scheme: { oneOf: ['string', 'null'] },
  tried: { array: 'string' },
  error: { oneOf: ['null', { code: 'string', message: 'string' }] },
  hash: 'string',
};

describe('verify', () => {
  beforeAll(() => {
    requireBuild();
    registry = (JSON.parse(cli(['schemes', '--json']).stdout) as { schemes: SchemeInfo[] }).schemes;
  });

  it('--password-stdin: match exits 0 and names the scheme', () => {
    const r = cli(['verify', '--password-stdin', PHPASS], { input: 'hashcat\n' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('match: phpass\n');
    expect(r.stdout).not.toMatch(ANSI);
    // CRLF and no trailing newline are fine too.
    expect(cli(['verify', '--password-stdin', PHPASS], { input: 'hashcat\r\n' }).status).toBe(0);
    expect(cli(['verify', '--password-stdin', PHPASS], { input: 'hashcat' }).status).toBe(0);
  });

  it('mismatch exits 1; --json has the documented shape', () => {
    const r = cli(['verify', '--password-stdin', PHPASS], { input: 'wrong\n' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('no match');
    const j = cli(['verify', '--json', '--password-stdin', PHPASS], { input: 'wrong\n' });
    expect(j.status).toBe(1);
    const doc = JSON.parse(j.stdout) as unknown;
    expect(check(doc, { schemaVersion: 'number', match: 'boolean', scheme: { oneOf: ['string', 'null'] }, tried: { array: 'string' } })).toEqual([]);
    expect(doc).toMatchObject({ match: false, scheme: null, tried: ['phpass'] });
  });

  it('errors exit 2 with a stable code: malformed, unknown, unsupported scheme', () => {
    const malformed = cli(['verify', '--password-stdin', '$2y$99$' + 'a'.repeat(53)], { input: 'x\n' });
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toContain('ERR_MALFORMED_HASH');
    const unknown = cli(['verify', '--password-stdin', 'not a hash'], { input: 'x\n' });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('ERR_UNKNOWN_FORMAT');
    const scheme = cli(['verify', '--password-stdin', '--scheme', 'nope', PHPASS], { input: 'x\n' });
    expect(scheme.status).toBe(2);
    expect(scheme.stderr).toContain('ERR_UNSUPPORTED_SCHEME');
  });

  it('a scheme that needs the pepper: ERR_MISSING_INPUT without it, match with --pepper-file', () => {
    const s = registry.find((x) => x.needs.includes('pepper') && typeof x.example.options?.pepper === 'string');
    if (!s) return; // no such scheme registered
    const args = ['verify', '--password-stdin', '--scheme', s.id];
    for (const k of ['salt', 'username'] as const) {
      const v = s.example.options?.[k];
      if (typeof v === 'string') args.push(`--${k}`, v);
    }
    const without = cli([...args, s.example.hash], { input: s.example.password + '\n' });
    expect(without.status).toBe(2);
    expect(without.stderr).toContain('ERR_MISSING_INPUT');
    const file = join(tmp(), 'pepper.txt');
    writeFileSync(file, `${s.example.options!.pepper as string}\n`);
    const ok = cli([...args, '--pepper-file', file, s.example.hash], { input: s.example.password + '\n' });
    expect(ok.status, ok.stderr).toBe(0);
  });

  it('never takes the password as an argument; no TTY without --password-stdin is an error', () => {
    const arg = cli(['verify', '--password', 'hashcat', PHPASS]);
    expect(arg.status).toBe(2);
    expect(arg.stderr).toContain('never taken as arguments');
    expect(arg.stderr).not.toContain('hashcat');
    const notty = cli(['verify', PHPASS], { input: 'hashcat\n' });
    expect(notty.status).toBe(2);
    expect(notty.stderr).toContain('--password-stdin');
  });

  const hasPython = spawnSync('python3', ['-c', 'import pty'], { stdio: 'ignore' }).status === 0;
  it.skipIf(!hasPython)('prompts on a terminal with echo off; Backspace edits; Ctrl-C exits 130', () => {
    const script = join(ROOT, 'test/cli/pty-run.py');
    const run = (keys: string[]) => {
      const r = spawnSync('python3', [script, JSON.stringify(keys), process.execPath, CLI, 'verify', PHPASS], { encoding: 'utf8', timeout: 90_000 });
      const res = JSON.parse(r.stdout) as { status: number; output: string; prompted: boolean };
      // On a terminal the result is coloured (it is a TTY): compare the plain text.
      // eslint-disable-next-line no-control-regex
      return { ...res, plain: res.output.replace(/\x1b\[[0-9;]*m/g, '') };
    };
    const ok = run(['hashcaX', '\u007f', 't', '\r']);
    expect(ok.prompted).toBe(true);
    expect(ok.status).toBe(0);
    expect(ok.plain).toContain('match: phpass');
    expect(ok.output).toMatch(ANSI);
    expect(ok.output).not.toContain('hashca'); // nothing typed was echoed
    const wrong = run(['nope\r']);
    expect(wrong.status).toBe(1);
    const cancelled = run(['\u0003']);
    expect(cancelled.status).toBe(130);
  });

  it('--batch on the bundled test accounts: every known password matches, none printed', () => {
    const known = readCsv(KNOWN);
    const r = cli(['verify', '--batch', '--pepper-file', COOKIE_KEY, KNOWN]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain(`${known.length} rows: ${known.length} match, 0 mismatch, 0 error`);
    for (const k of known) {
      expect(r.stdout.includes(k.password!)).toBe(false);
      expect(r.stdout.includes(k.password_hash!)).toBe(false);
    }
  });

  it('--batch over every registered scheme example (whatever schemes exist): all match', () => {
    const usable = registry.filter((s) => !s.example.options?.pepper && !s.example.options?.params);
    const csv = ['hash,password,salt,username', ...usable.map((s) => [s.example.hash, s.example.password, s.example.options?.salt ?? '', s.example.options?.username ?? ''].map((v) => csvEsc(String(v))).join(','))].join('\n') + '\n';
    const file = join(tmp(), 'examples.csv');
    writeFileSync(file, csv);
    // Each row forced to its own scheme is not possible from a file, so auto-detection decides;
    // a row that only matches under a forced scheme shows up as a mismatch here.
    const r = cli(['verify', '--batch', '--json', file]);
    const doc = JSON.parse(r.stdout) as { rows: { result: string; line: number }[]; summary: { rows: number; match: number } };
    expect(doc.summary.rows).toBe(usable.length);
    const bad = doc.rows.filter((x) => x.result !== 'match').map((x) => usable[x.line - 2]!.id);
    // Auto-detection must find the right reading for the overwhelming majority.
    expect(bad.length, `not matched by auto-detection: ${bad.join(', ')}`).toBeLessThanOrEqual(Math.ceil(usable.length * 0.1));
  });

  it('--batch --json / --csv shapes; a wrong row makes the exit status 1; stdin works', () => {
    const file = join(tmp(), 'b.csv');
    writeFileSync(file, `hash,password\n${PHPASS},hashcat\n${PHPASS},wrong\nnot-a-hash,x\n`);
    const j = cli(['verify', '--batch', '--json', file]);
    expect(j.status).toBe(1);
    const doc = JSON.parse(j.stdout) as { schemaVersion: number; rows: unknown[]; summary: Record<string, number> };
    expect(doc.schemaVersion).toBe(1);
    for (const row of doc.rows) expect(check(row, ROW_SHAPE)).toEqual([]);
    expect(doc.summary).toEqual({ rows: 3, match: 1, mismatch: 1, error: 1 });
    expect((doc.rows as { result: string; error: { code: string } | null }[]).map((x) => x.result)).toEqual(['match', 'mismatch', 'error']);
    expect(j.stdout).not.toContain('hashcat');
    const c = cli(['verify', '--batch', '--csv', file]);
    expect(c.stdout.split('\n')[0]).toBe('line,id,result,scheme,error,hash');
    expect(c.stdout.trim().split('\n')).toHaveLength(4);
    const stdin = cli(['verify', '--batch', '--quiet'], { input: `${PHPASS},hashcat\n` });
    expect(stdin.status).toBe(0);
    expect(stdin.stdout).toContain('1 rows: 1 match');
  });
});
