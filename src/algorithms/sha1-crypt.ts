/**
 * NetBSD SHA1-crypt `$sha1$rounds$salt$digest` (NetBSD 5.0+ lib/libcrypt/crypt-sha1.c, passlib
 * sha1_crypt).
 *
 * Algorithm: h = HMAC-SHA1(key = pw, msg = salt . "$sha1$" . rounds); then rounds - 1 times
 * h = HMAC-SHA1(pw, h). Output: 7 groups of 3 bytes (b[i+2], b[i+1], b[i] as written by
 * crypt_to64, the last group (0, 19, 18) re-using byte 0) = 28 crypt64 chars.
 *
 * The salt is up to 64 crypt64 chars (passlib; NetBSD's generator makes 8). Rounds are printed
 * with `%u`, so zero padding never verifies; 0 is refused (passlib's minimum is 1; NetBSD would
 * still compute one HMAC and print `$sha1$0$`, which no generator writes).
 */
import { latin1 } from '../core/bytes.js';
import { defineScheme } from '../core/scheme.js';
import { Sha1, sha1 } from '../core/sha1.js';
import { malformed } from '../errors.js';
import type { ParsedHash, Scheme } from '../types.js';
import { cString, encodeTransposed, parseDecimal } from './unix-crypt.js';

export interface Sha1CryptParsed extends ParsedHash {
  rounds: number;
  salt: string;
}

/** passlib's bounds: 1..2^32-1 (NetBSD stores the count in an unsigned int). */
const MAX_ROUNDS = 0xffffffff;
/** NetBSD's default (crypt-sha1.c SHA1_ITERATIONS), also what passlib 1.7 documents as NetBSD's. */
const NETBSD_DEFAULT_ROUNDS = 24680;
const MAX_SALT_CHARS = 64;
const ORDER = [2, 1, 0, 5, 4, 3, 8, 7, 6, 11, 10, 9, 14, 13, 12, 17, 16, 15, 0, 19, 18];
const SHAPE = /^\$sha1\$([0-9]+)\$([./0-9A-Za-z]*)\$([./0-9A-Za-z]{28})$/;

/** HMAC block size of SHA-1 (RFC 2104 B) and its pad bytes. */
const BLOCK = 64;
const IPAD = 0x36;
const OPAD = 0x5c;

/** One reusable SHA-1 context (allocation-free core); derive is synchronous, one per thread. */
const ctx = new Sha1();

/**
 * h = HMAC-SHA1(pw, salt . "$sha1$" . rounds), then rounds - 1 times h = HMAC-SHA1(pw, h).
 * HMAC spelled out (RFC 2104) over the reusable context so the loop allocates nothing.
 */
export function sha1CryptRaw(password: Uint8Array, salt: string, rounds: number): Uint8Array {
  const pw = cString(password);
  const key = pw.length > BLOCK ? sha1(pw) : pw;
  const ipad = new Uint8Array(BLOCK).fill(IPAD);
  const opad = new Uint8Array(BLOCK).fill(OPAD);
  for (let i = 0; i < key.length; i++) {
    ipad[i] = IPAD ^ key[i]!;
    opad[i] = OPAD ^ key[i]!;
  }
  const inner = new Uint8Array(20);
  const h = new Uint8Array(20);
  ctx.update(ipad).update(latin1(`${salt}$sha1$${rounds}`)).digestInto(inner);
  ctx.update(opad).update(inner).digestInto(h);
  for (let i = 1; i < rounds; i++) {
    ctx.update(ipad).update(h).digestInto(inner);
    ctx.update(opad).update(inner).digestInto(h);
  }
  ipad.fill(0);
  opad.fill(0);
  return h;
}

export const sha1Crypt = defineScheme<Sha1CryptParsed>({
  id: 'sha1-crypt',
  title: 'NetBSD SHA1-crypt ($sha1$)',
  family: 'sha1-crypt',
  platforms: ['NetBSD 5.0+ /etc/master.passwd ($sha1$, ~24680 rounds)', 'passlib sha1_crypt (default 480000 rounds)'],
  platformIds: ['unix', 'netbsd', 'generic'],
  // passlib's own os_crypt self-test string (passlib/handlers/sha1_crypt.py), re-checked with libxcrypt.
  example: { password: 'test', hash: '$sha1$1$Wq3GL2Vp$C8U25GvfHS8qGHimExLaiSFlGkAe' },
  costs: [{ name: 'rounds', default: NETBSD_DEFAULT_ROUNDS, min: 1, max: MAX_ROUNDS, limit: 'maxRounds' }],
  rank: 100,
  offload: true,
  prefixes: ['$sha1$'],
  recognize: (s) => s.startsWith('$sha1$'),
  parse(s) {
    const m = SHAPE.exec(s);
    if (!m) throw malformed('sha1-crypt', 'expected $sha1$rounds$salt$ and 28 characters of ./0-9A-Za-z');
    const rounds = parseDecimal(m[1]!, MAX_ROUNDS);
    if (rounds === null || rounds < 1) throw malformed('sha1-crypt', 'rounds must be 1..4294967295 without leading zeros');
    if (m[2]!.length > MAX_SALT_CHARS) throw malformed('sha1-crypt', `salt longer than ${MAX_SALT_CHARS} characters`);
    return { rounds, salt: m[2]!, expected: latin1(m[3]!) };
  },
  cost: (p) => [{ limit: 'maxRounds', value: p.rounds, name: 'rounds' }],
  derive: (pw, p) => encodeTransposed(sha1CryptRaw(pw, p.salt, p.rounds), ORDER),
  describe: (p) => ({ rounds: p.rounds, saltLength: p.salt.length }),
});

export const sha1CryptSchemes: readonly Scheme[] = [sha1Crypt];
