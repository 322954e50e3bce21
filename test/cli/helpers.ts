/**
 * Runs the built CLI (dist/cli.js) as a child process. `npm test` builds first; when running
 * vitest alone, build with `npx tsup` (the tests fail with that hint when dist/ is missing).
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = join(ROOT, 'dist/cli.js');
export const EXAMPLES = join(ROOT, 'examples');
export const CUSTOMERS = join(EXAMPLES, 'customers.csv');
export const KNOWN = join(EXAMPLES, 'known-passwords.csv');
export const COOKIE_KEY = join(EXAMPLES, 'prestashop-cookie-key.txt');

export function requireBuild(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npx tsup\` (or \`npm test\`, which builds first)`);
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node dist/cli.js ...args`; colour variables cleared unless given. */
export function cli(args: string[], opts: { input?: string | Buffer; env?: Record<string, string>; nodeArgs?: string[]; cwd?: string } = {}): Run {
  requireBuild();
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !['NO_COLOR', 'FORCE_COLOR', 'LEGACY_HASH_PEPPER'].includes(k)) env[k] = v;
  }
  const o: SpawnSyncOptions = {
    cwd: opts.cwd ?? ROOT,
    env: { ...env, ...opts.env },
    encoding: 'utf8',
    maxBuffer: 256 << 20,
    input: opts.input ?? '',
    timeout: 120_000,
  };
  const r = spawnSync(process.execPath, [...(opts.nodeArgs ?? []), CLI, ...args], o);
  if (r.error) throw r.error;
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

export function tmp(prefix = 'lh-cli-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Minimal CSV parsing for the fixture files we generate (no quoted newlines). */
export function readCsv(path: string): Record<string, string>[] {
  const lines = readFileSync(path, 'utf8').split('\n').map((l) => l.replace(/\r$/, '')).filter((l) => l !== '');
  const split = (l: string) => {
    const out: string[] = [];
    let cur = '';
    let q = false;
    for (let i = 0; i < l.length; i++) {
      const c = l[i]!;
      if (q) {
        if (c === '"' && l[i + 1] === '"') {
          cur += '"';
          i++;
        } else if (c === '"') q = false;
        else cur += c;
      } else if (c === '"') q = true;
      else if (c === ',') {
        out.push(cur);
        cur = '';
      } else cur += c;
    }
    out.push(cur);
    return out;
  };
  const header = split(lines[0]!);
  return lines.slice(1).map((l) => {
    const f = split(l);
    return Object.fromEntries(header.map((h, i) => [h, f[i] ?? '']));
  });
}

// eslint-disable-next-line no-control-regex
export const ANSI = /\x1b\[/;

export function csvEsc(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
