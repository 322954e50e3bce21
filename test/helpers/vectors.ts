/** Loads the known-answer vector files in test/vectors/ (format: test/vectors/README.md). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VerifyOptions } from '../../src/types.js';

export interface Vector {
  scheme: string;
  passwordHex: string;
  password?: string;
  hash: string;
  options?: Record<string, unknown>;
  match: boolean;
  source: string;
  note?: string;
  /** false: the string's shape alone does not select this scheme (needs options or platform). */
  detect?: boolean;
  /** Slow vectors (e.g. 64 MiB argon2) may be marked to run only in the full suite. */
  slow?: boolean;
}

export interface VectorFile {
  file: string;
  description: string;
  generator: string;
  vectors: Vector[];
}

export const VECTOR_DIR = join(import.meta.dirname, '..', 'vectors');

export function loadVectorFiles(): VectorFile[] {
  return readdirSync(VECTOR_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ file: f, ...(JSON.parse(readFileSync(join(VECTOR_DIR, f), 'utf8')) as Omit<VectorFile, 'file'>) }));
}

export function passwordOf(v: Vector): Uint8Array {
  return new Uint8Array(Buffer.from(v.passwordHex, 'hex'));
}

/** Vector options -> VerifyOptions (hex-encoded byte options decoded). */
export function optionsOf(v: Vector): VerifyOptions {
  const o: Record<string, unknown> = { ...(v.options ?? {}) };
  if (typeof o['pepperHex'] === 'string') {
    o['pepper'] = new Uint8Array(Buffer.from(o['pepperHex'] as string, 'hex'));
    delete o['pepperHex'];
  }
  return o as VerifyOptions;
}

/**
 * A different password that every scheme must reject: the low bits of the first byte and of the
 * last byte that is surely part of the key are flipped — not beyond a NUL (crypt(3) stops there)
 * nor beyond byte 8 (DES crypt). The first byte survives OpenBSD's 255-byte length wrap (its key
 * is the first bytes only); the last one survives bcrypt's $2x$ sign-extension bug (which can
 * wipe earlier bytes of a 32-bit word but never the word's last byte). "x" for the empty password.
 */
export function wrongPassword(pw: Uint8Array): Uint8Array {
  if (pw.length === 0) return new Uint8Array([0x78]);
  const nul = pw.indexOf(0);
  const keyLength = Math.min(pw.length, nul < 0 ? pw.length : nul, 8);
  const w = new Uint8Array(pw);
  const i = Math.max(0, keyLength - 1);
  w[i] = w[i]! ^ 1;
  if (i !== 0) w[0] = w[0]! ^ 1;
  return w;
}
