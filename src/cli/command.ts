/**
 * What every command shares: the command contract, exit codes, the run context (streams and
 * environment, injectable for tests) and option parsing on top of node:util parseArgs.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Readable, Writable } from 'node:stream';

/** Exit codes (documented in docs/cli.md and `legacy-hash --help`). */
export const EXIT = {
  /** Success: the report was written, the password matched, every hash was identified. */
  OK: 0,
  /** A negative answer: mismatch, unidentified hash, failed batch row, `--fail-on-reset` hit. */
  NEGATIVE: 1,
  /** The command could not do its job: bad usage, unreadable input, internal error. */
  ERROR: 2,
  /** Interrupted (Ctrl-C). */
  INTERRUPTED: 130,
} as const;

export interface Context {
  stdin: Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
  stdout: Writable & { isTTY?: boolean; columns?: number };
  stderr: Writable & { isTTY?: boolean; columns?: number };
  env: NodeJS.ProcessEnv;
  /** Program name for help texts. */
  prog: string;
  version: string;
  /** URL of the running CLI file (the built dist/cli.js), for worker threads; absent in-process. */
  entry?: URL;
}

export interface Command {
  name: string;
  /** One line for the global help. */
  summary: string;
  /** Full `--help` text: usage, options, examples, exit codes. */
  help: string;
  run(argv: string[], ctx: Context): Promise<number>;
}

/** Bad invocation: reported on stderr with a pointer to --help, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs with strict checking; errors become UsageError. */
export function parse<O extends Options>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options: { help: { type: 'boolean', short: 'h' }, ...options }, allowPositionals: true, strict: true });
  } catch (e) {
    const msg = e instanceof Error ? e.message.replace(/\. To specify a positional argument.*$/s, '') : String(e);
    throw new UsageError(msg);
  }
}

/** Integer option value, or a UsageError. */
export function intOption(name: string, v: string | undefined, min = 0): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < min) throw new UsageError(`--${name} must be an integer >= ${min}`);
  return Number(v);
}

/** Options every reading command shares (input selection). */
export const INPUT_OPTIONS = {
  'input-format': { type: 'string' },
  delimiter: { type: 'string' },
  header: { type: 'boolean' },
  'no-header': { type: 'boolean' },
} as const;

/** Output options of the reporting commands: JSON instead of text, no progress, colours. */
export const REPORT_OPTIONS = {
  json: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
} as const;

/** Options of the commands that read a customer export (audit, plan): input, columns, secrets. */
export const EXPORT_OPTIONS = {
  ...INPUT_OPTIONS,
  'hash-column': { type: 'string' },
  'salt-column': { type: 'string' },
  'username-column': { type: 'string' },
  'email-column': { type: 'string' },
  'id-column': { type: 'string' },
  platform: { type: 'string' },
  'pepper-file': { type: 'string' },
  'pepper-env': { type: 'string' },
} as const;

export function headerChoice(values: { header?: boolean; 'no-header'?: boolean }): boolean | undefined {
  if (values.header && values['no-header']) throw new UsageError('--header and --no-header exclude each other');
  return values.header ? true : values['no-header'] ? false : undefined;
}

export function formatChoice(v: string | undefined): 'auto' | 'csv' | 'tsv' | 'jsonl' | 'json' {
  const f = (v ?? 'auto').toLowerCase();
  if (f === 'auto' || f === 'csv' || f === 'tsv' || f === 'jsonl' || f === 'json') return f;
  if (f === 'ndjson') return 'jsonl';
  throw new UsageError(`--input-format ${v}: expected auto, csv, tsv, jsonl or json`);
}

export function delimiterChoice(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  const named: Record<string, string> = { tab: '\t', '\\t': '\t', comma: ',', semicolon: ';', pipe: '|' };
  const d = named[v.toLowerCase()] ?? v;
  if (d.length !== 1 || d === '"' || d === '\n' || d === '\r') throw new UsageError(`--delimiter ${JSON.stringify(v)}: one character (or tab, comma, semicolon, pipe)`);
  return d;
}
