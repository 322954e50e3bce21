/**
 * Argon2 i/d/id in the PHC string format, as PHP password_hash, libsodium, argon2-cffi and the
 * reference implementation write it:
 *   $argon2id$v=19$m=65536,t=4,p=1$<salt b64, no padding>$<hash b64, no padding>
 * `v=` absent means version 0x10 (argon2 1.0 strings, e.g. early Django).
 * Computed by @node-rs/argon2 (Rust, libuv thread pool): as fast as libsodium here, never blocks.
 */
import { hashRaw, hashRawSync } from '@node-rs/argon2';
import { allIn, B64_INDEX, DIGIT_INDEX, fromBase64NoPad } from '../core/encoding.js';
import { defineScheme } from '../core/scheme.js';
import { malformed } from '../errors.js';
import type { CostCheck, InlineCost, ParsedHash, Scheme } from '../types.js';

export type Argon2Type = 'argon2i' | 'argon2d' | 'argon2id';

export interface Argon2Params {
  type: Argon2Type;
  /** 16 (0x10) or 19 (0x13). */
  version: 16 | 19;
  /** Memory in KiB. */
  memoryKiB: number;
  /** Passes. */
  passes: number;
  /** Lanes. */
  parallelism: number;
  salt: Uint8Array;
  outputLength: number;
}

export interface Argon2Parsed extends ParsedHash {
  params: Argon2Params;
}

// @node-rs/argon2 declares these as `const enum`s (no runtime object), so the numbers are
// spelled out: Algorithm.Argon2d = 0, Argon2i = 1, Argon2id = 2; Version.V0x10 = 0, V0x13 = 1.
const ALGORITHM: Record<Argon2Type, 0 | 1 | 2> = { argon2d: 0, argon2i: 1, argon2id: 2 };
const VERSION_V0X10 = 0;
const VERSION_V0X13 = 1;

/** Raw argon2 output; shared by the PHC scheme and raw layouts (Magento 2's sodium hashes). */
export function argon2Raw(password: Uint8Array, p: Argon2Params): Promise<Uint8Array> {
  return hashRaw(password, nativeOptions(p));
}

/** argon2Raw computed on this thread (small memory only: see ARGON2_INLINE_COST). */
export function argon2RawSync(password: Uint8Array, p: Argon2Params): Uint8Array {
  return hashRawSync(password, nativeOptions(p));
}

function nativeOptions(p: Argon2Params) {
  return {
    algorithm: ALGORITHM[p.type] as never,
    version: (p.version === 16 ? VERSION_V0X10 : VERSION_V0X13) as never,
    memoryCost: p.memoryKiB,
    timeCost: p.passes,
    parallelism: p.parallelism,
    outputLen: p.outputLength,
    salt: p.salt,
  };
}

/**
 * Routing data (Scheme.inlineCost) for schemes whose derive is argon2Raw(pw, parsed.params):
 * @node-rs/argon2 on this thread costs ~45 µs plus ~0.2 µs per KiB·pass (measured, 2026 EPYC
 * core: m=8 t=1 47 µs, m=256 t=1 83 µs, m=512 t=1 143 µs, m=1024 t=1 244 µs). Only test-sized
 * memory (m <= ~512 KiB at t=1) fits the inline budget; real hashes (19-64 MiB) stay native.
 */
export const ARGON2_INLINE_COST: InlineCost<Argon2Parsed> = {
  work: ['maxMemoryBytes', 'maxArgon2Passes'],
  usPerUnit: 0.2 / 1024,
  baseUs: 45,
  deriveSync: (pw, p) => argon2RawSync(pw, p.params),
};

/**
 * Argon2's own bounds (RFC 9106 §3.1): salt >= 8 bytes, output >= 4 bytes, lanes 1..2^24-1,
 * memory >= 8 * lanes KiB, passes >= 1. Outside them no implementation can have written it.
 */
export function checkArgon2Params(scheme: string, p: Argon2Params): void {
  if (p.salt.length < 8) throw malformed(scheme, 'argon2 salt must be at least 8 bytes');
  if (p.outputLength < 4) throw malformed(scheme, 'argon2 output must be at least 4 bytes');
  if (p.parallelism < 1 || p.parallelism > 0xffffff) throw malformed(scheme, 'argon2 lanes out of range');
  if (p.passes < 1) throw malformed(scheme, 'argon2 passes must be >= 1');
  if (p.memoryKiB < 8 * p.parallelism || p.memoryKiB > 0xffffffff) throw malformed(scheme, 'argon2 memory out of range');
}

/** Cost checks shared by every argon2 layout. */
export function argon2Costs(p: Argon2Params): CostCheck[] {
  return [
    { limit: 'maxMemoryBytes', value: p.memoryKiB * 1024, name: 'memory' },
    { limit: 'maxArgon2Passes', value: p.passes, name: 'passes' },
    { limit: 'maxParallelism', value: p.parallelism, name: 'parallelism' },
  ];
}

/**
 * A PHC string `$argon2{id,i,d}$[v=16$|v=19$]m=<n>,t=<n>,p=<n>$<salt>$<hash>` read in place
 * (Perf, issue #8: no regex, no match array). Numbers are decimal without leading zeros (as the
 * reference encoder writes), at most 10 digits; salt and hash are unpadded standard base64
 * characters, at least one. Accepts exactly what
 * /^\$(argon2id|argon2i|argon2d)\$(?:v=(16|19)\$)?m=N,t=N,p=N\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/ with
 * N = (0|[1-9][0-9]{0,9}) did (test/identify-perf-parsers.test.ts).
 */
interface PhcFields {
  type: Argon2Type;
  version: 16 | 19;
  m: number;
  t: number;
  p: number;
  /** Start of the salt; it ends at hashStart - 1 (a `$`), the hash at the end of the string. */
  saltStart: number;
  hashStart: number;
}

function phcFields(s: string): PhcFields | null {
  const typeEnd = s.indexOf('$', 1);
  if (s.charCodeAt(0) !== 36 /* $ */ || typeEnd < 0) return null;
  const type = ARGON2_TYPES[s.slice(1, typeEnd)];
  if (type === undefined) return null;
  let at = typeEnd + 1;
  let version: 16 | 19 = 16;
  if (s.startsWith('v=', at)) {
    if (s.startsWith('v=19$', at)) version = 19;
    else if (!s.startsWith('v=16$', at)) return null;
    at += 5;
  }
  const m = decimalField(s, at, 'm=', ',');
  if (m === null) return null;
  const t = decimalField(s, m.next, 't=', ',');
  if (t === null) return null;
  const p = decimalField(s, t.next, 'p=', '$');
  if (p === null) return null;
  const saltStart = p.next;
  const saltEnd = s.indexOf('$', saltStart);
  if (saltEnd <= saltStart || saltEnd + 1 >= s.length) return null;
  if (!allIn(s, B64_INDEX, saltStart, saltEnd) || !allIn(s, B64_INDEX, saltEnd + 1)) return null;
  return { type, version, m: m.value, t: t.value, p: p.value, saltStart, hashStart: saltEnd + 1 };
}

const ARGON2_TYPES: Readonly<Record<string, Argon2Type>> = Object.assign(Object.create(null), {
  argon2id: 'argon2id',
  argon2i: 'argon2i',
  argon2d: 'argon2d',
});

/** `<key><number><end>` at `at`: the number and where the next field starts, or null. */
function decimalField(s: string, at: number, key: string, end: string): { value: number; next: number } | null {
  if (!s.startsWith(key, at)) return null;
  const from = at + key.length;
  const to = s.indexOf(end, from);
  const digits = to - from;
  if (to < 0 || digits < 1 || digits > 10 || !allIn(s, DIGIT_INDEX, from, to)) return null;
  if (digits > 1 && s.charCodeAt(from) === 48 /* 0 */) return null; // a leading zero
  return { value: Number(s.slice(from, to)), next: to + 1 };
}

export function parseArgon2Phc(scheme: string, s: string): Argon2Parsed {
  const f = phcFields(s);
  if (!f) throw malformed(scheme, 'not a valid argon2 PHC string');
  const salt = fromBase64NoPad(s, f.saltStart, f.hashStart - 1);
  const hash = fromBase64NoPad(s, f.hashStart);
  if (!salt || !hash) throw malformed(scheme, 'invalid base64 in salt or hash');
  const params: Argon2Params = {
    type: f.type,
    version: f.version,
    memoryKiB: f.m,
    passes: f.t,
    parallelism: f.p,
    salt,
    outputLength: hash.length,
  };
  checkArgon2Params(scheme, params);
  return { params, expected: hash };
}

export function describeArgon2(p: Argon2Params): Record<string, string | number> {
  return { type: p.type, version: p.version, memoryKiB: p.memoryKiB, passes: p.passes, parallelism: p.parallelism };
}

export const argon2 = defineScheme<Argon2Parsed>({
  id: 'argon2',
  title: 'Argon2 i/d/id (PHC string)',
  family: 'argon2',
  platforms: [
    'PHP password_hash PASSWORD_ARGON2I/ID (Laravel, Joomla 4+, phpBB 3.3, Shopware 5.7, Drupal, WordPress plugins)',
    'libsodium crypto_pwhash_str',
    'argon2-cffi / passlib',
  ],
  platformIds: ['php', 'laravel', 'joomla', 'phpbb', 'shopware', 'drupal', 'wordpress', 'woocommerce', 'generic'],
  // phc-winner-argon2 src/test.c
  example: {
    password: 'password',
    hash: '$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc',
  },
  costs: [
    { name: 'memoryKiB', default: 65536, min: 8, max: 0xffffffff, limit: 'maxMemoryBytes' },
    { name: 'passes', default: 4, min: 1, max: 0xffffffff, limit: 'maxArgon2Passes' },
    { name: 'parallelism', default: 1, min: 1, max: 0xffffff, limit: 'maxParallelism' },
  ],
  rank: 100,
  prefixes: ['$argon2'],
  recognize: (s) => s.startsWith('$argon2'),
  parse: (s) => parseArgon2Phc('argon2', s),
  cost: (p) => argon2Costs(p.params),
  derive: (pw, p) => argon2Raw(pw, p.params),
  inlineCost: ARGON2_INLINE_COST,
  describe: (p) => describeArgon2(p.params),
});

export const argon2Schemes: readonly Scheme[] = [argon2];
