/**
 * SHA-256-crypt `$5$` and SHA-512-crypt `$6$` (Ulrich Drepper, "Unix crypt using SHA-256 and
 * SHA-512", 2007; glibc crypt/sha256-crypt.c and sha512-crypt.c; PHP ext/standard/crypt_sha*.c).
 * One implementation, parameterised by the digest.
 *
 * Layout: `$5$` | `$6$`, optional `rounds=N$`, salt (0-16 bytes, any char but `$`), `$`, digest
 * (43 / 86 crypt64 chars). Without `rounds=` the count is 5000 and crypt() omits the field; with
 * it, crypt() prints the field back even for 5000.
 *
 * Rounds: the spec clamps `rounds=` to 1000..999999999, but then prints the clamped value, so a
 * stored string outside that range is never printed by crypt() and never verifies by full-string
 * comparison. PHP 8 crypt() and libxcrypt (current glibc-based distributions) return "*0" for it,
 * passlib refuses it: we call it malformed. The same holds for zero-padded counts (crypt()
 * prints `%zu`, PHP rejects `rounds=05000` in password_verify by string comparison).
 */
import { padMessage, paddedLength } from '../core/block-hash.js';
import { latin1 } from '../core/bytes.js';
import { DIGEST_BYTES } from '../core/digest.js';
import { defineScheme } from '../core/scheme.js';
import { Sha256, sha256PatternRounds } from '../core/sha256.js';
import { Sha512, sha512PatternRounds } from '../core/sha512.js';
import { malformed } from '../errors.js';
import type { ParsedHash, Scheme } from '../types.js';
import { cString, encodeTransposed, parseDecimal, saltBytes } from './unix-crypt.js';

type ShaAlg = 'sha256' | 'sha512';

export interface ShaCryptParsed extends ParsedHash {
  alg: ShaAlg;
  rounds: number;
  /** Whether the string carries `rounds=` (informational: the digest does not depend on it). */
  explicitRounds: boolean;
  salt: string;
}

/** Spec constants: default, minimum and maximum rounds; salt kept up to 16 bytes. */
export const SHA_CRYPT_DEFAULT_ROUNDS = 5000;
export const SHA_CRYPT_MIN_ROUNDS = 1000;
export const SHA_CRYPT_MAX_ROUNDS = 999_999_999;
const MAX_SALT_BYTES = 16;

/**
 * Output byte orders: each group of 3 digest bytes is written MSB first as 4 chars; the spec
 * walks the digest diagonally (sha256: (0,10,20) (21,1,11) (12,22,2) ...). Expressed as the
 * little-endian stream encodeTransposed expects; identical to passlib's transpose maps.
 */
const ORDER: Readonly<Record<ShaAlg, readonly number[]>> = {
  sha256: [20, 10, 0, 11, 1, 21, 2, 22, 12, 23, 13, 3, 14, 4, 24, 5, 25, 15, 26, 16, 6, 17, 7, 27, 8, 28, 18, 29, 19, 9, 30, 31],
  sha512: [
    42, 21, 0, 1, 43, 22, 23, 2, 44, 45, 24, 3, 4, 46, 25, 26, 5, 47, 48, 27, 6, 7, 49, 28, 29, 8, 50, 51, 30, 9, 10, 52,
    31, 32, 11, 53, 54, 33, 12, 13, 55, 34, 35, 14, 56, 57, 36, 15, 16, 58, 37, 38, 17, 59, 60, 39, 18, 19, 61, 40, 41, 20,
    62, 63,
  ],
};

/** The digest operations the algorithm needs; Sha256/Sha512 (src/core) provide them allocation-free. */
interface DigestCtx {
  update(data: Uint8Array, start?: number, end?: number): DigestCtx;
  digestInto(out: Uint8Array, off?: number): void;
}

/** One reusable context per digest: derive is synchronous and each worker thread has its own. */
const CTX: Readonly<Record<ShaAlg, DigestCtx>> = { sha256: new Sha256(), sha512: new Sha512() };
/** Block size and padding length-field size of each digest (FIPS 180-4 §5.1). */
const BLOCK_BYTES: Readonly<Record<ShaAlg, number>> = { sha256: 64, sha512: 128 };
const LENGTH_FIELD_BYTES: Readonly<Record<ShaAlg, 8 | 16>> = { sha256: 8, sha512: 16 };
/** Step 21's loop over prebuilt messages (see buildLayouts), in the digest cores. */
const PATTERN_ROUNDS: Readonly<Record<ShaAlg, typeof sha256PatternRounds>> = {
  sha256: sha256PatternRounds,
  sha512: sha512PatternRounds,
};

/** `src` repeated/cut to exactly `len` bytes (the spec's P and S sequences). */
function stretch(src: Uint8Array, len: number): Uint8Array {
  const out = new Uint8Array(len);
  for (let o = 0; o < len; o += src.length) out.set(src.subarray(0, Math.min(src.length, len - o)), o);
  return out;
}

/** The raw digest (32 or 64 bytes) after `rounds` rounds. */
export function shaCryptRaw(alg: ShaAlg, password: Uint8Array, salt: Uint8Array, rounds: number): Uint8Array {
  const pw = cString(password);
  const ctx = CTX[alg];
  const b = new Uint8Array(DIGEST_BYTES[alg]);
  const c = new Uint8Array(b.length);
  // Steps 4-8: B = H(pw . salt . pw).
  ctx.update(pw).update(salt).update(pw).digestInto(b);
  // Steps 1-3, 9-12: A = H(pw . salt . B repeated to |pw| . for each bit of |pw|: 1 -> B, 0 -> pw).
  ctx.update(pw).update(salt);
  for (let n = pw.length; n > 0; n -= b.length) ctx.update(b, 0, Math.min(n, b.length));
  for (let n = pw.length; n > 0; n >>>= 1) ctx.update((n & 1) !== 0 ? b : pw);
  ctx.digestInto(c);
  // Steps 13-16: P = H(pw repeated |pw| times) stretched to |pw|. (B is free again: reuse it.)
  for (let i = 0; i < pw.length; i++) ctx.update(pw);
  ctx.digestInto(b);
  const p = stretch(b, pw.length);
  // Steps 17-20: S = H(salt repeated 16 + A[0] times) cut to |salt| (|salt| <= 16 < digest size).
  for (let i = 16 + c[0]!; i > 0; i--) ctx.update(salt);
  ctx.digestInto(b);
  const s = b.slice(0, salt.length);
  b.fill(0);

  // Step 21: round i hashes (odd ? P : C) . (i%3 ? S : '') . (i%7 ? P : '') . (odd ? C : P).
  // Everything but C depends only on i mod 42 (lcm of 2, 3, 7), in 8 distinct layouts: build
  // each once as a padded message; the digest core only writes C into it per round (in
  // WebAssembly when available: src/core/sha2-wasm.ts).
  const { msgs, table } = buildLayouts(b.length, BLOCK_BYTES[alg], LENGTH_FIELD_BYTES[alg], p, s);
  PATTERN_ROUNDS[alg](c, msgs, table, rounds);
  msgs.fill(0);
  p.fill(0);
  s.fill(0);
  return c;
}

/**
 * The 8 message layouts of step 21 for digest size `d`, block size `bs` and length-field size
 * `lf`, padded as hashed (big-endian length), concatenated in `msgs`; `table` gives for each
 * i mod 42 [byte offset of its layout, blocks, byte offset of C in it] (C's bytes left zero).
 */
function buildLayouts(d: number, bs: number, lf: 8 | 16, p: Uint8Array, s: Uint8Array): { msgs: Uint8Array; table: Int32Array } {
  const offsets: number[] = [];
  const blocks: number[] = [];
  const hAt: number[] = [];
  let total = 0;
  for (let key = 0; key < 8; key++) {
    const len = d + p.length + (key & 2 ? s.length : 0) + (key & 1 ? p.length : 0);
    const nb = paddedLength(len, bs, lf) / bs;
    offsets.push(total);
    blocks.push(nb);
    total += nb * bs;
  }
  const msgs = new Uint8Array(total);
  for (let key = 0; key < 8; key++) {
    const odd = key & 4;
    let o = offsets[key]!;
    if (odd) {
      msgs.set(p, o);
      o += p.length;
    } else o += d;
    if (key & 2) {
      msgs.set(s, o);
      o += s.length;
    }
    if (key & 1) {
      msgs.set(p, o);
      o += p.length;
    }
    hAt.push(odd ? o - offsets[key]! : 0);
    if (odd) o += d;
    else {
      msgs.set(p, o);
      o += p.length;
    }
    padMessage(msgs, offsets[key]!, o - offsets[key]!, bs, lf, false);
  }
  const table = new Int32Array(126);
  for (let k = 0; k < 42; k++) {
    const key = (k & 1) * 4 + (k % 3 !== 0 ? 2 : 0) + (k % 7 !== 0 ? 1 : 0);
    table[3 * k] = offsets[key]!;
    table[3 * k + 1] = blocks[key]!;
    table[3 * k + 2] = hAt[key]!;
  }
  return { msgs, table };
}

function shaCryptScheme(o: {
  id: string;
  alg: ShaAlg;
  ident: string;
  title: string;
  platforms: string[];
  platformIds: string[];
  example: { password: string; hash: string };
}): Scheme<ShaCryptParsed> {
  const chars = Math.ceil((DIGEST_BYTES[o.alg] * 4) / 3); // 43 / 86
  const shape = new RegExp(`^\\$${o.ident}\\$(?:rounds=([^$]*)\\$)?([^$]*)\\$([./0-9A-Za-z]{${chars}})$`);
  return defineScheme<ShaCryptParsed>({
    id: o.id,
    title: o.title,
    family: 'sha-crypt',
    platforms: o.platforms,
    platformIds: o.platformIds,
    example: o.example,
    costs: [
      { name: 'rounds', default: SHA_CRYPT_DEFAULT_ROUNDS, min: SHA_CRYPT_MIN_ROUNDS, max: SHA_CRYPT_MAX_ROUNDS, limit: 'maxRounds' },
    ],
    rank: 100,
    offload: true,
    prefixes: [`$${o.ident}$`],
    recognize: (s) => s.startsWith(`$${o.ident}$`),
    parse(s) {
      const m = shape.exec(s);
      if (!m) throw malformed(o.id, `expected $${o.ident}$[rounds=N$]salt$ and ${chars} characters of ./0-9A-Za-z`);
      let rounds = SHA_CRYPT_DEFAULT_ROUNDS;
      if (m[1] !== undefined) {
        const r = parseDecimal(m[1], SHA_CRYPT_MAX_ROUNDS);
        if (r === null || r < SHA_CRYPT_MIN_ROUNDS) {
          throw malformed(o.id, `rounds must be ${SHA_CRYPT_MIN_ROUNDS}..${SHA_CRYPT_MAX_ROUNDS} without leading zeros`);
        }
        rounds = r;
      }
      saltBytes(o.id, m[2]!, MAX_SALT_BYTES);
      return { alg: o.alg, rounds, explicitRounds: m[1] !== undefined, salt: m[2]!, expected: latin1(m[3]!) };
    },
    cost: (p) => [{ limit: 'maxRounds', value: p.rounds, name: 'rounds' }],
    derive: (pw, p) => encodeTransposed(shaCryptRaw(p.alg, pw, saltBytes(o.id, p.salt, MAX_SALT_BYTES), p.rounds), ORDER[p.alg]),
    describe: (p) => ({ rounds: p.rounds, saltLength: p.salt.length }),
  });
}

const SHA_CRYPT_PLATFORMS = [
  'PHP crypt()/password_verify CRYPT_SHA256/CRYPT_SHA512 (5.3.2+)',
  'Django crypt hasher, OpenLDAP/389-DS {CRYPT}',
  'mkpasswd / openssl passwd -5 / -6',
];

export const sha256Crypt = shaCryptScheme({
  id: 'sha256-crypt',
  alg: 'sha256',
  ident: '5',
  title: 'SHA-256-crypt ($5$, Drepper)',
  platforms: ['Linux /etc/shadow (glibc 2.7+, ENCRYPT_METHOD SHA256)', ...SHA_CRYPT_PLATFORMS],
  platformIds: ['unix', 'linux', 'php', 'django', 'openldap', 'generic'],
  example: { password: 'hashcat', hash: '$5$7777657035274252$XftMj84MW.New1/ViLY5V4CM4Y7EBvfETaZsCW9vcJ8' }, // hashcat 7400
});

export const sha512Crypt = shaCryptScheme({
  id: 'sha512-crypt',
  alg: 'sha512',
  ident: '6',
  title: 'SHA-512-crypt ($6$, Drepper)',
  platforms: [
    'Linux /etc/shadow (glibc 2.7+; default on Debian 6-10, RHEL/CentOS 6-8, Ubuntu until 21.10)',
    ...SHA_CRYPT_PLATFORMS,
  ],
  platformIds: ['unix', 'linux', 'php', 'django', 'openldap', 'generic'],
  example: {
    password: 'hashcat',
    hash: '$6$72820166$U4DVzpcYxgw7MVVDGGvB2/H5lRistD5.Ah4upwENR5UtffLR4X4SxSzfREv8z6wVl0jRFX40/KnYVvK4829kD1',
  }, // hashcat mode 1800 example
});

export const shaCryptSchemes: readonly Scheme[] = [sha256Crypt, sha512Crypt];
