/**
 * Digest, HMAC and KDF primitives. Digests and HMAC run in the TypeScript/WebAssembly cores
 * (src/core/md5.ts...): for the short inputs of password hashing they beat node:crypto, whose
 * Hash object creation dominates. PBKDF2/scrypt run in node:crypto on libuv's thread pool.
 */
import { pbkdf2, scrypt } from 'node:crypto';
import { compileChain, MAX_CHAIN_INPUTS, type ChainProgram } from './chain.js';
import { md5Parts } from './md5.js';
import { sha1Parts } from './sha1.js';
import { sha224Parts, sha256Parts } from './sha256.js';
import { sha384Parts, sha512Parts } from './sha512.js';

/** Digest names as node:crypto spells them. */
export type DigestName = 'md5' | 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';

/**
 * Raw digest of the concatenation of `parts`, in the allocation-free cores (src/core/md5.ts,
 * sha1.ts, sha256.ts with SHA-224, sha512.ts with SHA-384): for the short inputs of password
 * hashing they are 2-3x faster than a node:crypto Hash object (its creation dominates); the
 * cores are property-tested bit-exact against node:crypto (test/core-digests.test.ts).
 */
export function digest(alg: DigestName, ...parts: readonly Uint8Array[]): Uint8Array {
  return digestParts(alg, parts);
}

/** `digest` with the parts as one array (no rest-argument copy on hot paths). */
export function digestParts(alg: DigestName, parts: readonly Uint8Array[]): Uint8Array {
  switch (alg) {
    case 'md5':
      return md5Parts(parts);
    case 'sha1':
      return sha1Parts(parts);
    case 'sha224':
      return sha224Parts(parts);
    case 'sha256':
      return sha256Parts(parts);
    case 'sha384':
      return sha384Parts(parts);
    case 'sha512':
      return sha512Parts(parts);
  }
}

/** Block size in bytes of each digest: the HMAC key block (RFC 2104). */
const BLOCK_BYTES: Readonly<Record<DigestName, number>> = {
  md5: 64,
  sha1: 64,
  sha224: 64,
  sha256: 64,
  sha384: 128,
  sha512: 128,
};

/** RFC 2104's inner and outer pad bytes. */
const IPAD = 0x36;
const OPAD = 0x5c;

/**
 * HMAC (RFC 2104), computed over the fast cores as H((K ^ opad) . H((K ^ ipad) . data)):
 * creating a node:crypto Hmac object costs more than the four compressions of a short HMAC
 * (issue #8: cheap salted schemes at >= 1 M verify/s). Property-tested against node:crypto
 * (test/core-hmac.test.ts).
 */
export function hmac(alg: DigestName, key: Uint8Array, ...data: readonly Uint8Array[]): Uint8Array {
  // Perf (issue #8): both digests, the key block and its pads in one call of the chain machine.
  const program = data.length < MAX_CHAIN_INPUTS ? hmacProgram(alg, data.length) : null;
  const out = program === null ? null : program.run(data.length === 1 ? [key, data[0]!] : [key, ...data]);
  return out ?? hmacJs(alg, key, data);
}

/** Chain programs HMAC(input 0, inputs 1..n), compiled on first use (null: no WebAssembly). */
const HMAC_PROGRAMS = new Map<string, ChainProgram | null>();

function hmacProgram(alg: DigestName, n: number): ChainProgram | null {
  const name = `${alg}/${n}`;
  let program = HMAC_PROGRAMS.get(name);
  if (program === undefined) {
    const parts = Array.from({ length: n }, (_, i) => ({ input: i + 1 }));
    program = compileChain([{ op: 'hmac', alg, mode: 'raw', key: { input: 0 }, parts }]);
    HMAC_PROGRAMS.set(name, program);
  }
  return program;
}

/** hmac() in JavaScript over the digest cores: without WebAssembly, and for over-long inputs. */
function hmacJs(alg: DigestName, key: Uint8Array, data: readonly Uint8Array[]): Uint8Array {
  const block = BLOCK_BYTES[alg];
  // A key longer than a block is hashed first; a shorter one is zero-padded (RFC 2104).
  const k = key.length > block ? digestParts(alg, [key]) : key;
  const pad = new Uint8Array(block);
  pad.set(k);
  for (let i = 0; i < block; i++) pad[i] = pad[i]! ^ IPAD;
  const inner = digestParts(alg, data.length === 1 ? [pad, data[0]!] : [pad, ...data]);
  for (let i = 0; i < block; i++) pad[i] = pad[i]! ^ IPAD ^ OPAD; // K ^ ipad -> K ^ opad
  const out = digestParts(alg, [pad, inner]);
  // Scratch that held key material (often the password itself) or the inner digest.
  pad.fill(0);
  inner.fill(0);
  if (k !== key) k.fill(0);
  return out;
}

/** Output length in bytes of each digest. */
export const DIGEST_BYTES: Readonly<Record<DigestName, number>> = {
  md5: 16,
  sha1: 20,
  sha224: 28,
  sha256: 32,
  sha384: 48,
  sha512: 64,
};

/** PBKDF2 on the libuv thread pool (never blocks the event loop). */
export function pbkdf2Async(
  alg: DigestName,
  password: Uint8Array,
  salt: Uint8Array,
  iterations: number,
  keyLength: number,
): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    pbkdf2(password, salt, iterations, keyLength, alg, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** scrypt on the libuv thread pool. `maxmem` is set from the actual need (caps are checked before). */
export function scryptAsync(
  password: Uint8Array,
  salt: Uint8Array,
  keyLength: number,
  N: number,
  r: number,
  p: number,
): Promise<Uint8Array> {
  const maxmem = 128 * N * r + 128 * r * p + 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keyLength, { N, r, p, maxmem }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}
