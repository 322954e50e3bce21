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
import { Md5, md5CompressWords } from '../core/md5.js';
import { defineScheme } from '../core/scheme.js';
import { malformed } from '../errors.js';
import type { ParsedHash, Scheme } from '../types.js';
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
 * (i odd ? h : pw): everything but h depends only on i mod 42, in 8 distinct layouts. Each layout
 * is built once as a padded message of little-endian words; a round writes h into its layout
 * (shifted into place when it starts mid-word) and runs the compression directly: no context,
 * no copying, no padding per round.
 */
const S = new Int32Array(4);
const KEY = new Uint8Array(42);
for (let k = 0; k < 42; k++) KEY[k] = (k & 1) * 4 + (k % 3 !== 0 ? 2 : 0) + (k % 7 !== 0 ? 1 : 0);

function stretchRounds(final: Uint8Array, pw: Uint8Array, salt: Uint8Array): void {
  // Layout `key`: words at base[key], nblocks[key] blocks, h at word hq[key] shifted by sh[key] bits.
  const base = new Int32Array(8);
  const nblocks = new Int32Array(8);
  const hq = new Int32Array(8);
  const sh = new Int32Array(8);
  let total = 0;
  const lens = new Int32Array(8);
  for (let key = 0; key < 8; key++) {
    const len = 16 + pw.length + (key & 2 ? salt.length : 0) + (key & 1 ? pw.length : 0);
    lens[key] = len;
    base[key] = total;
    nblocks[key] = (len + 8 + 64) >>> 6;
    total += nblocks[key]! * 16;
  }
  const words = new Int32Array(total);
  const bytes = new Uint8Array(((pw.length * 2 + salt.length + 16 + 72) >>> 6) * 64);
  for (let key = 0; key < 8; key++) {
    const odd = key & 4;
    const len = lens[key]!;
    const nb = nblocks[key]!;
    bytes.fill(0);
    let o = 0;
    if (odd) {
      bytes.set(pw, o);
      o += pw.length;
    } else o += 16;
    if (key & 2) {
      bytes.set(salt, o);
      o += salt.length;
    }
    if (key & 1) {
      bytes.set(pw, o);
      o += pw.length;
    }
    const hAt = odd ? o : 0;
    if (!odd) bytes.set(pw, o);
    bytes[len] = 0x80;
    const bits = len * 8;
    const end = nb * 64;
    bytes[end - 8] = bits;
    bytes[end - 7] = bits >>> 8;
    bytes[end - 6] = bits >>> 16;
    const b = base[key]!;
    for (let w = 0; w < nb * 16; w++) {
      const x = 4 * w;
      words[b + w] = bytes[x]! | (bytes[x + 1]! << 8) | (bytes[x + 2]! << 16) | (bytes[x + 3]! << 24);
    }
    hq[key] = b + (hAt >>> 2);
    sh[key] = (hAt & 3) * 8;
  }
  bytes.fill(0);

  const s = S;
  let h0 = le32(final, 0), h1 = le32(final, 4), h2 = le32(final, 8), h3 = le32(final, 12);
  for (let i = 0, k = 0; i < ITERATIONS; i++, k = k === 41 ? 0 : k + 1) {
    const key = KEY[k]!;
    const q = hq[key]!;
    const r = sh[key]!;
    if (r === 0) {
      words[q] = h0;
      words[q + 1] = h1;
      words[q + 2] = h2;
      words[q + 3] = h3;
    } else {
      const l = 32 - r;
      const low = (1 << r) - 1;
      words[q] = (words[q]! & low) | (h0 << r);
      words[q + 1] = (h0 >>> l) | (h1 << r);
      words[q + 2] = (h1 >>> l) | (h2 << r);
      words[q + 3] = (h2 >>> l) | (h3 << r);
      words[q + 4] = (words[q + 4]! & ~low) | (h3 >>> l);
    }
    s[0] = 0x67452301;
    s[1] = 0xefcdab89 | 0;
    s[2] = 0x98badcfe | 0;
    s[3] = 0x10325476;
    const b = base[key]!;
    const nb = nblocks[key]!;
    md5CompressWords(s, words, b);
    for (let n = 1; n < nb; n++) md5CompressWords(s, words, b + 16 * n);
    h0 = s[0]!;
    h1 = s[1]!;
    h2 = s[2]!;
    h3 = s[3]!;
  }
  words.fill(0);
  s.fill(0);
  for (let j = 0; j < 4; j++) {
    const w = j === 0 ? h0 : j === 1 ? h1 : j === 2 ? h2 : h3;
    final[4 * j] = w;
    final[4 * j + 1] = w >>> 8;
    final[4 * j + 2] = w >>> 16;
    final[4 * j + 3] = w >>> 24;
  }
}

function le32(m: Uint8Array, o: number): number {
  return m[o]! | (m[o + 1]! << 8) | (m[o + 2]! << 16) | (m[o + 3]! << 24);
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
