#!/usr/bin/env node
/**
 * Audit throughput: builds (once) a large export by copying and mutating the rows of
 * examples/customers.csv, then runs the built CLI (`dist/cli.js audit --json`) on it and prints
 * rows/s and peak RSS. The hashes are mutated copies (valid shapes, not fresh reference outputs):
 * audit never hashes, so only their shapes matter.
 *
 * Usage: npm run build && node bench/audit.mjs [ROWS=1000000] [--jobs=N] [--keep]
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const rows = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
const keep = process.argv.includes('--keep');
const jobsArg = process.argv.find((a) => a.startsWith('--jobs='))?.slice(7);
const cli = join(root, 'dist/cli.js');

/** Writes `rows` rows derived from the example export; returns the path. */
export async function makeExport(path, rows) {
  const src = readFileSync(join(root, 'examples/customers.csv'), 'utf8').split('\n');
  const header = src[0].replace(/\r$/, '');
  const body = src.slice(1).filter((l) => l.trim() !== '');
  const out = createWriteStream(path);
  const HEX = '0123456789abcdef';
  const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  // Writes the copy number into digest characters (same alphabet as the character replaced), so
  // nearly every row is a distinct string, as in a real export (no memo could shortcut it).
  const mutate = (hash, n) => {
    const chars = [...hash];
    if (/^[0-9a-fA-F]{8}/.test(hash)) {
      for (let k = 0; k < 6; k++) chars[k] = HEX[(n >> (4 * k)) & 15];
      return chars.join('');
    }
    let m = n;
    for (let p = hash.length - 2, k = 0; p > 12 && k < 4; p--) {
      if (ALNUM.indexOf(chars[p]) < 0) continue;
      chars[p] = ALNUM[(ALNUM.indexOf(chars[p]) + m) % 62];
      m = Math.floor(m / 62);
      k++;
    }
    return chars.join('');
  };
  let buf = header + '\n';
  for (let i = 0; i < rows; i++) {
    const line = body[i % body.length].replace(/\r$/, '');
    const f = line.split(',');
    if (f.length === 5 && !line.includes('"')) {
      f[0] = String(1000 + i);
      f[1] = f[1] ? `u${i}.${f[1]}` : '';
      f[3] = mutate(f[3], (i / body.length) | 0);
      buf += f.join(',') + '\n';
    } else buf += line + '\n';
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise((r) => out.once('drain', r));
      buf = '';
    }
  }
  out.end(buf);
  await new Promise((r) => out.once('finish', r));
  return path;
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  if (!existsSync(cli)) {
    console.error('dist/cli.js is missing: run `npm run build` first');
    process.exit(2);
  }
  const file = join(tmpdir(), `legacy-hash-bench-${rows}.csv`);
  if (!existsSync(file)) {
    process.stderr.write(`generating ${rows.toLocaleString('en-US')} rows in ${file}...\n`);
    await makeExport(file, rows);
  }
  const size = statSync(file).size;
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [cli, 'audit', '--json', '-q', ...(jobsArg ? ['--jobs', jobsArg] : []), file], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) {
    console.error(r.stderr);
    process.exit(1);
  }
  const report = JSON.parse(r.stdout);
  const s = report.stats;
  console.log(
    JSON.stringify(
      {
        rows: report.rows.read,
        fileMiB: +(size / 2 ** 20).toFixed(1),
        auditSeconds: s.seconds,
        wallSecondsIncludingStartup: +wall.toFixed(2),
        rowsPerSecond: s.rowsPerSecond,
        cpuSeconds: s.cpuSeconds,
        rowsPerCpuSecond: Math.round(report.rows.read / s.cpuSeconds),
        jobs: jobsArg ?? 'auto',
        peakRssMiB: +(s.peakRssBytes / 2 ** 20).toFixed(1),
        schemes: report.schemes.length,
        node: process.version,
        cpu: cpus()[0]?.model,
      },
      null,
      2,
    ),
  );
  if (!keep) rmSync(file);
}
