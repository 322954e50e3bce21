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

/** A different password: flip the low bit of the last byte, or use "x" for the empty one. */
export function wrongPassword(pw: Uint8Array): Uint8Array {
  if (pw.length === 0) return new Uint8Array([0x78]);
  const w = new Uint8Array(pw);
  w[w.length - 1] = w[w.length - 1]! ^ 1;
  return w;
}
