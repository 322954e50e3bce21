import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ANSI, cli, ROOT } from './helpers.js';

const COMMANDS = ['audit', 'verify', 'identify', 'schemes'];

describe('legacy-hash (dispatch, help, exit codes)', () => {
  it('--help lists every command, the exit codes and examples (stdout, exit 0)', () => {
    const r = cli(['--help']);
    expect(r.status).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
    expect(r.stdout).toContain('Exit status');
    expect(r.stdout).toContain('Examples:');
    expect(r.stderr).toBe('');
  });

  it('no arguments: usage on stderr, exit 2', () => {
    const r = cli([]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Usage: legacy-hash');
    expect(r.stdout).toBe('');
  });

  it('--version prints the package version', () => {
    const pkg = JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')) as { version: string };
    expect(cli(['--version']).stdout.trim()).toBe(pkg.version);
    expect(cli(['-V']).status).toBe(0);
  });

  it('unknown command: exit 2 with a suggestion', () => {
    const r = cli(['audti']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown command 'audti'");
    expect(r.stderr).toContain("did you mean 'audit'");
  });

  it.each(COMMANDS)('%s: --help, -h and "help <command>" show usage, examples, exit status', (c) => {
    for (const args of [[c, '--help'], [c, '-h'], ['help', c]]) {
      const r = cli(args);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain(`Usage: legacy-hash ${c}`);
      expect(r.stdout).toContain('Examples:');
      expect(r.stdout).toContain('Exit status');
      expect(r.stdout).not.toMatch(ANSI);
    }
  });

  it('unknown option: exit 2, names the option, points at --help', () => {
    const r = cli(['audit', '--frobnicate', 'x.csv']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--frobnicate');
    expect(r.stderr).toContain("legacy-hash audit --help");
  });

  it('schemes --json lists the registry with platform ids', () => {
    const r = cli(['schemes', '--json']);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout) as { schemes: { id: string; needs: string[] }[]; platforms: string[] };
    expect(j.schemes.length).toBeGreaterThan(3);
    expect(j.schemes.map((s) => s.id)).toContain('phpass');
    expect(j.platforms).toContain('wordpress');
    const text = cli(['schemes', '--platform', 'magento2']);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('magento2');
    expect(cli(['schemes', '--platform', 'nope']).status).toBe(2);
  });
});
