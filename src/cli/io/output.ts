/**
 * Terminal output helpers: colour (only on a TTY, never with NO_COLOR), aligned tables, number
 * formatting, CSV fields and backpressure-aware writes.
 */
import { createWriteStream, openSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { UsageError } from '../command.js';

export interface Style {
  enabled: boolean;
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
}

/**
 * Colour for a stream: `--color`/`--no-color` win; then NO_COLOR (any non-empty value) turns it
 * off, FORCE_COLOR (non-zero) turns it on; else only when the stream is a TTY and TERM != dumb.
 */
export function colorEnabled(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv, flag?: boolean): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

export function style(enabled: boolean): Style {
  const wrap = (open: number, close: number) => (s: string) => (enabled ? `\x1b[${open}m${s}\x1b[${close}m` : s);
  return {
    enabled,
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    red: wrap(31, 39),
    green: wrap(32, 39),
    yellow: wrap(33, 39),
    cyan: wrap(36, 39),
  };
}

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;

/** Display width (ANSI codes removed; every code point counts 1). */
export function width(s: string): number {
  let n = 0;
  for (const _ of s.replace(ANSI, '')) n++;
  return n;
}

export function pad(s: string, w: number, align: 'left' | 'right' = 'left'): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return align === 'right' ? fill + s : s + fill;
}

export interface TableColumn {
  title: string;
  align?: 'left' | 'right';
}

/** An aligned plain-text table, two spaces between columns, header underlined by dashes. */
export function table(columns: TableColumn[], rows: string[][], st: Style, indent = '  '): string {
  const w = columns.map((c, i) => Math.max(width(c.title), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) =>
    indent +
    cells
      .map((c, i) => pad(c, w[i]!, columns[i]!.align))
      .join('  ')
      .replace(/\s+$/, '');
  const out = [st.bold(line(columns.map((c) => c.title))), st.dim(indent + w.map((n) => '-'.repeat(n)).join('  '))];
  for (const r of rows) out.push(line(r));
  return out.join('\n');
}

const NUM = new Intl.NumberFormat('en-US');
export function num(n: number): string {
  return NUM.format(n);
}

export function pct(part: number, whole: number): string {
  if (whole === 0) return '0%';
  const p = (100 * part) / whole;
  return `${p >= 10 || p === 0 ? p.toFixed(1) : p < 0.1 ? p.toFixed(2) : p.toFixed(1)}%`;
}

/** A bar of `w` cells for a share in [0, 1]. */
export function bar(share: number, w: number): string {
  const cells = Math.max(0, Math.min(w * 8, Math.round(share * w * 8)));
  const full = Math.floor(cells / 8);
  const part = cells % 8;
  return '█'.repeat(full) + (part ? '▏▎▍▌▋▊▉'[part - 1] : '');
}

/** One CSV field (RFC 4180 quoting when needed). */
export function csvField(v: string | number | null | undefined): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(fields: (string | number | null | undefined)[]): string {
  return fields.map(csvField).join(',') + '\n';
}

/** Writes and waits for 'drain' when the stream's buffer is full (bounded memory on big outputs). */
export function write(stream: Writable, text: string): Promise<void> | void {
  if (stream.write(text)) return;
  return new Promise((resolve, reject) => {
    const onDrain = () => {
      stream.off('error', onError);
      resolve();
    };
    const onError = (e: Error) => {
      stream.off('drain', onDrain);
      reject(e);
    };
    stream.once('drain', onDrain);
    stream.once('error', onError);
  });
}

/** Ends a stream and waits until everything is flushed. */
export function finish(stream: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.once('error', reject);
    stream.end(() => resolve());
  });
}

/** HTML text escape. */
export function esc(s: string | number): string {
  return String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Makes text from the input safe for a terminal: control characters (ANSI escapes...) shown as \xNN. */
export function clean(s: string | number): string {
  // eslint-disable-next-line no-control-regex
  return String(s).replace(/[\x00-\x1f\x7f-\x9f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Opens an output file now (so a bad path is a usage error, not a crash later). */
export function openOutput(path: string, option: string): Writable {
  let fd: number;
  try {
    fd = openSync(path, 'w', 0o600); // reports may hold full hashes (--show-hashes)
  } catch (e) {
    throw new UsageError(`${option} ${path}: cannot write (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return createWriteStream('', { fd });
}
