/**
 * Secrets never come from the command line (shell history, `ps`): passwords are read from a
 * terminal prompt with echo off or from stdin; site peppers from a file or an environment
 * variable.
 */
import { readFileSync } from 'node:fs';
import type { Context } from '../command.js';
import { UsageError } from '../command.js';

/** Ctrl-C at the prompt. */
export class Interrupted extends Error {
  constructor() {
    super('interrupted');
    this.name = 'Interrupted';
  }
}

const MAX_SECRET_BYTES = 1 << 16;

/** Strips one trailing line break (LF or CRLF): files and `echo` add one. */
function chompBytes(b: Uint8Array): Uint8Array {
  let end = b.length;
  if (end && b[end - 1] === 10) end--;
  if (end && b[end - 1] === 13) end--;
  return b.subarray(0, end);
}

export interface PepperOptions {
  'pepper-file'?: string | undefined;
  'pepper-env'?: string | undefined;
}

/** Default environment variable for the site secret. */
export const PEPPER_ENV = 'LEGACY_HASH_PEPPER';

/**
 * The site-wide secret (PrestaShop _COOKIE_KEY_, Devise pepper...): --pepper-file FILE (one
 * trailing newline dropped), --pepper-env NAME, else $LEGACY_HASH_PEPPER when set.
 */
export function readPepper(values: PepperOptions, env: NodeJS.ProcessEnv): Uint8Array | undefined {
  if (values['pepper-file'] !== undefined && values['pepper-env'] !== undefined) {
    throw new UsageError('--pepper-file and --pepper-env exclude each other');
  }
  if (values['pepper-file'] !== undefined) {
    let data: Buffer;
    try {
      data = readFileSync(values['pepper-file']);
    } catch (e) {
      throw new UsageError(`--pepper-file: cannot read ${values['pepper-file']} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    if (data.length > MAX_SECRET_BYTES) throw new UsageError('--pepper-file: file is too large for a secret');
    return new Uint8Array(chompBytes(data));
  }
  const name = values['pepper-env'] ?? PEPPER_ENV;
  const v = env[name];
  if (v === undefined) {
    if (values['pepper-env'] !== undefined) throw new UsageError(`--pepper-env: $${name} is not set`);
    return undefined;
  }
  return new Uint8Array(Buffer.from(v, 'utf8'));
}

/** The first line of stdin, as raw bytes (the line break removed). */
export async function readPasswordStdin(ctx: Context): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of ctx.stdin as AsyncIterable<Buffer | string>) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    chunks.push(b);
    total += b.length;
    if (b.includes(10) || total > MAX_SECRET_BYTES) break;
  }
  if (total === 0) throw new UsageError('--password-stdin: stdin is empty (an empty password is an empty line)');
  const all = Buffer.concat(chunks);
  const nl = all.indexOf(10);
  const line = nl < 0 ? all : all.subarray(0, nl + 1);
  const pw = new Uint8Array(chompBytes(line));
  all.fill(0);
  return pw;
}

/**
 * Prompts on the terminal with echo off (raw mode): Enter ends, Backspace deletes, Ctrl-U
 * clears, Ctrl-C aborts (Interrupted), Ctrl-D on an empty line aborts. Nothing is echoed.
 */
export function promptPassword(ctx: Context, prompt: string): Promise<Uint8Array> {
  const { stdin, stderr } = ctx;
  if (!stdin.isTTY || typeof stdin.setRawMode !== 'function') {
    return Promise.reject(new UsageError('no terminal to prompt on: pipe the password and pass --password-stdin'));
  }
  stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  return new Promise((resolve, reject) => {
    let chars: string[] = [];
    const done = (err?: Error) => {
      stdin.off('data', onData);
      stdin.setRawMode!(false);
      stdin.pause();
      stderr.write('\n');
      const text = chars.join('');
      chars = [];
      if (err) reject(err);
      else resolve(new Uint8Array(Buffer.from(text, 'utf8')));
    };
    const onData = (data: string) => {
      if (data.startsWith('\x1b')) return; // arrow keys and other escape sequences
      for (const c of data) {
        if (c === '\r' || c === '\n') return done();
        if (c === '\u0003') return done(new Interrupted());
        if (c === '\u0004') {
          if (chars.length === 0) return done(new Interrupted());
          continue;
        }
        if (c === '\u007f' || c === '\b') chars.pop();
        else if (c === '\u0015') chars = [];
        else if (c >= ' ') chars.push(c);
      }
    };
    stdin.on('data', onData);
  });
}
