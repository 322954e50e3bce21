/**
 * MD5-crypt (Poul-Henning Kamp, FreeBSD 1994) `$1$salt$digest` and Apache's APR1 variant
 * `$apr1$salt$digest`, which is the same algorithm with the magic string `$apr1$` mixed in.
 *
 * Layout: magic + salt (0-8 bytes, any char but `$`) + `$` + 22 crypt64 chars.
 * Algorithm (FreeBSD lib/libcrypt/crypt-md5.c; glibc crypt/md5-crypt.c; PHP
 * ext/standard/php_md5crypt.c; Apache apr-util crypto/apr_md5.c):
 *   alt   = md5(pw . salt . pw)
 *   ctx   = md5(pw . magic . salt . alt repeated to |pw| bytes . bits of |pw|: 1 -> NUL, 0 -> pw[0])
 *   1000 times: ctx = md5((i odd ? pw : ctx) . (i%3 ? salt : '') . (i%7 ? pw : '') . (i odd ? ctx : pw))
 * The iteration count is fixed (1000): there is no cost field to cap.
 */
import { latin1 } from '../core/bytes.js';
import { padMessage, paddedLength } from '../core/block-hash.js';
import { Md5, MD5_PATTERN_PERIOD, md5PatternRounds } from '../core/md5.js';
import { defineScheme } from '../core/scheme.js';
import { malformed } from '../errors.js';
import type { InlineCost, ParsedHash, Scheme } from '../types.js';
import { cString, encodeTransposed, saltBytes } from './unix-crypt.js';

export interface Md5CryptParsed extends ParsedHash {
  /** `$1$` or `$apr1$`. */
  magic: string;
  salt: string;
}

/** md5crypt keeps at most 8 salt bytes (FreeBSD/glibc: `MIN(strcspn(salt, "$"), 8)`). */
const MAX_SALT_BYTES = 8;
/** Fixed number of stretching iterations. */
const ITERATIONS = 1000;
/** Output groups: (0,6,12) (1,7,13) (2,8,14) (3,9,15) (4,10,5) then byte 11 alone, each group MSB first. */
const ORDER = [12, 6, 0, 13, 7, 1, 14, 8, 2, 15, 9, 3, 5, 10, 4, 11];

/** One reusable context: derive is synchronous and each worker thread has its own module copy. */
const ctx = new Md5();
const NUL = new Uint8Array(1);

/** The raw 16-byte md5crypt digest. `magic` is ASCII (`$1$` or `$apr1$`). */
export function md5CryptRaw(password: Uint8Array, salt: Uint8Array, magic: Uint8Array): Uint8Array {
  const pw = cString(password);
  const final = new Uint8Array(16);
  ctx.update(pw).update(salt).update(pw).digestInto(final);

  ctx.update(pw).update(magic).update(salt);
  for (let n = pw.length; n > 0; n -= 16) ctx.update(final, 0, Math.min(n, 16));
  // "Something really weird" (PHK): for each bit of |pw|, a NUL byte when set, pw[0] when clear.
  for (let n = pw.length; n > 0; n >>>= 1) ctx.update((n & 1) !== 0 ? NUL : pw, 0, 1);
  ctx.digestInto(final);

  stretchRounds(final, pw, salt);
  return final;
}

/**
 * The 1000 rounds. Round i hashes (i odd ? pw : h) . (i%3 ? salt : '') . (i%7 ? pw : '') .
 * (i odd ? h : pw): everything but h depends only on i mod 42, in 8 distinct layouts (key =
 * odd * 4 + salt * 2 + pw). Each layout is built once as a padded message with a 16-byte hole
 * for h; md5PatternRounds (src/core/md5.ts, WebAssembly when available) then writes h into the
 * round's layout and compresses it: no context, no copying, no padding per round.
 */
const KEY = new Uint8Array(MD5_PATTERN_PERIOD);
for (let k = 0; k < MD5_PATTERN_PERIOD; k++) KEY[k] = (k & 1) * 4 + (k % 3 !== 0 ? 2 : 0) + (k % 7 !== 0 ? 1 : 0);

// Scratch reused by every call (derive is synchronous; each worker thread has its own copy):
// allocating these typed arrays anew cost ~3-5 µs per call (V8 gives arrays over 64 bytes their
// own off-heap memory), ~5% of an md5crypt.
const LAYOUT = new Int32Array(32);
const at = LAYOUT.subarray(0, 8); // byte offset of layout `key` in msgs
const blocks = LAYOUT.subarray(8, 16);
const hAt = LAYOUT.subarray(16, 24); // byte offset of h inside layout `key`
const lens = LAYOUT.subarray(24, 32);
const TABLE = new Int32Array(3 * MD5_PATTERN_PERIOD);
/** Reused for the layouts of passwords up to ~250 bytes; longer ones get their own buffer. */
const MSGS = new Uint8Array(4096);

function stretchRounds(final: Uint8Array, pw: Uint8Array, salt: Uint8Array): void {
  let total = 0;
  for (let key = 0; key < 8; key++) {
    lens[key] = 16 + pw.length + (key & 2 ? salt.length : 0) + (key & 1 ? pw.length : 0);
    at[key] = total;
    total += paddedLength(lens[key]!, 64, 8);
    blocks[key] = (total - at[key]!) / 64;
    hAt[key] = 0;
  }
  const msgs = total <= MSGS.length ? MSGS.subarray(0, total) : new Uint8Array(total); // MSGS is all zeros between calls
  for (let key = 0; key < 8; key++) {
    const odd = (key & 4) !== 0;
    let o = at[key]!;
    if (odd) {
      msgs.set(pw, o);
      o += pw.length;
    } else o += 16; // h first
    if (key & 2) {
      msgs.set(salt, o);
      o += salt.length;
    }
    if (key & 1) {
      msgs.set(pw, o);
      o += pw.length;
    }
    if (odd) hAt[key] = o - at[key]!; // h last
    else msgs.set(pw, o);
    padMessage(msgs, at[key]!, lens[key]!, 64, 8, true);
  }
  const table = TABLE;
  for (let k = 0; k < MD5_PATTERN_PERIOD; k++) {
    const key = KEY[k]!;
    table[3 * k] = at[key]!;
    table[3 * k + 1] = blocks[key]!;
    table[3 * k + 2] = hAt[key]!;
  }
  try {
    md5PatternRounds(final, msgs, table, ITERATIONS);
  } finally {
    msgs.fill(0); // it held the password (and MSGS must be zeros for the next call)
  }
}

function md5CryptScheme(o: {
  id: string;
  magic: string;
  title: string;
  platforms: string[];
  platformIds: string[];
  example: { password: string; hash: string };
}): Scheme<Md5CryptParsed> {
  const magicBytes = latin1(o.magic);
  const shape = new RegExp(`^${o.magic.replace(/\$/g, '\\$')}([^$]*)\\$([./0-9A-Za-z]{22})$`);
  return defineScheme<Md5CryptParsed>({
    id: o.id,
    title: o.title,
    family: 'md5-crypt',
    platforms: o.platforms,
    platformIds: o.platformIds,
    example: o.example,
    rank: 100,
    offload: true,
    // 1000 fixed rounds in WebAssembly: ~70-120 µs here (2026 EPYC core, loaded), less than a
    // worker round trip, so the engine runs it inline (src/engine.ts INLINE_BUDGET_US).
    inlineCost: MD5_CRYPT_INLINE_COST,
    prefixes: [o.magic],
    recognize: (s) => s.startsWith(o.magic),
    parse(s) {
      const m = shape.exec(s);
      if (!m) throw malformed(o.id, `expected ${o.magic}salt$ and 22 characters of ./0-9A-Za-z`);
      saltBytes(o.id, m[1]!, MAX_SALT_BYTES);
      return { magic: o.magic, salt: m[1]!, expected: latin1(m[2]!) };
    },
    derive: (pw, p) => encodeTransposed(md5CryptRaw(pw, saltBytes(o.id, p.salt, MAX_SALT_BYTES), magicBytes), ORDER),
    describe: (p) => ({ rounds: ITERATIONS, saltLength: p.salt.length }),
  });
}

/** Routing data (Scheme.inlineCost): a fixed-cost derivation, measured for passwords up to 64 bytes. */
const MD5_CRYPT_INLINE_COST: InlineCost = { work: [], usPerUnit: 0, baseUs: 90 };

export const md5Crypt = md5CryptScheme({
  id: 'md5-crypt',
  magic: '$1$',
  title: 'MD5-crypt ($1$, FreeBSD/glibc crypt(3))',
  platforms: [
    'Linux /etc/shadow (glibc crypt, default of most distributions ~1996-2008)',
    'FreeBSD /etc/master.passwd (default until FreeBSD 9.0)',
    'PHP crypt()/password_verify CRYPT_MD5 (all versions)',
    'Cisco IOS "enable secret 5"',
    'Joomla 1.5-3.x crypt-md5, OpenLDAP/389-DS {CRYPT}$1$',
    'openssl passwd -1',
  ],
  platformIds: ['unix', 'linux', 'freebsd', 'php', 'cisco', 'joomla', 'openldap', 'generic'],
  example: { password: 'hashcat', hash: '$1$38652870$DUjsu4TTlTsOe/xxZ05uf/' }, // hashcat mode 500 example
});

export const apr1 = md5CryptScheme({
  id: 'apr1',
  magic: '$apr1$',
  title: 'Apache APR1 MD5-crypt ($apr1$)',
  platforms: [
    'Apache httpd htpasswd -m (default in 2.2 and 2.4 before -B bcrypt)',
    'nginx auth_basic_user_file, lighttpd mod_auth htpasswd',
    'Joomla aprmd5, openssl passwd -apr1',
  ],
  platformIds: ['apache', 'htpasswd', 'nginx', 'joomla', 'generic'],
  example: { password: 'hashcat', hash: '$apr1$62722340$zGjeAwVP2KwY6MtumUI1N/' }, // hashcat mode 1600 example
});

export const md5CryptSchemes: readonly Scheme[] = [md5Crypt, apr1];
