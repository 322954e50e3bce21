/**
 * Helpers shared by the crypt(3) families (md5-crypt.ts, sha-crypt.ts, sha1-crypt.ts,
 * des-crypt.ts) and by ldap.ts's `{CRYPT}` wrapper. No schemes live here, so every family file
 * can import it without an import cycle.
 *
 * Two rules every crypt(3) implementation shares:
 * - The password is a C string: glibc, libxcrypt, FreeBSD and PHP's crypt() all take `char *`
 *   and stop at the first NUL byte, so bytes after a NUL never reach the hash (`cString`).
 * - Platforms verify by computing crypt(password, stored) and comparing the WHOLE output string
 *   with the stored one (password_verify, pam_unix, OpenLDAP chk_crypt). A stored string that
 *   crypt() would never print (zero-padded rounds, a salt longer than the algorithm keeps,
 *   non-canonical last digest character) therefore never verifies; our parsers reject the first
 *   two as malformed and compare the encoded digest text, which rejects the third.
 */
import { latin1, utf8 } from '../core/bytes.js';
import { encodeCrypt64 } from '../core/encoding.js';
import { malformed } from '../errors.js';

/** The bytes crypt(3) sees: everything before the first NUL. */
export { cString } from '../core/bytes.js';

/**
 * crypt's digest encodings write groups of 3 bytes in a per-algorithm order, least significant
 * 6 bits first. `order[i]` is the digest byte that goes to position i of the phpass-style
 * little-endian stream (passlib calls these "transpose maps"), so one encoder serves them all.
 */
export function encodeTransposed(raw: Uint8Array, order: readonly number[]): Uint8Array {
  const permuted = new Uint8Array(order.length);
  for (let i = 0; i < order.length; i++) permuted[i] = raw[order[i]!]!;
  return latin1(encodeCrypt64(permuted));
}

/**
 * A decimal field as crypt() prints it (`%u`/`%zu`): digits only, no sign, no leading zero.
 * Returns null otherwise, or when the value exceeds `max`.
 */
export function parseDecimal(s: string, max: number): number | null {
  if (!/^(?:0|[1-9][0-9]{0,15})$/.test(s)) return null;
  const n = Number(s);
  return n <= max ? n : null;
}

/**
 * A `$`-delimited salt field: its UTF-8 bytes (crypt() counts bytes), at most `maxBytes` (the
 * algorithm keeps only that many and prints only those, so a longer stored salt never matches).
 */
export function saltBytes(scheme: string, salt: string, maxBytes: number): Uint8Array {
  const bytes = utf8(salt);
  if (bytes.length > maxBytes) throw malformed(scheme, `salt longer than ${maxBytes} bytes`);
  return bytes;
}
