/**
 * Random passwords for migrations.
 *
 * - `importPassword()`: the password an account is imported with on a platform that gets the
 *   gradual migration (commercetools). Nobody ever types it: 32 characters of base64url
 *   (192 bits) from node:crypto, regenerated until it holds an upper-case letter, a lower-case
 *   letter and a digit, so it passes typical password policies.
 * - `temporaryPassword()`: a password a customer has to read from an e-mail and type once
 *   (forced reset, Neto). 16 characters from an alphabet without look-alikes (no 0/O, 1/l/I),
 *   shown in four groups of four joined by '-': about 93 bits, always with upper case, lower
 *   case and digits (and the '-' separators as symbols).
 *
 * Both use rejection sampling (no modulo bias) over crypto.randomBytes.
 */
import { randomBytes } from 'node:crypto';

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** Readable alphabet: no 0 O o, 1 l I, so a customer can copy it from an e-mail by hand. */
export const READABLE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/** `length` characters drawn uniformly from `alphabet` (at most 256 characters long). */
export function randomString(length: number, alphabet: string): string {
  if (!Number.isInteger(length) || length < 1) throw new RangeError('length must be a positive integer');
  if (alphabet.length < 2 || alphabet.length > 256) throw new RangeError('alphabet must have 2..256 characters');
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    const buf = randomBytes(Math.max(16, (length - out.length) * 2));
    for (const b of buf) {
      if (b < limit) out += alphabet[b % alphabet.length];
      if (out.length === length) break;
    }
  }
  return out;
}

function mixed(s: string): boolean {
  return /[A-Z]/.test(s) && /[a-z]/.test(s) && /[0-9]/.test(s);
}

/** A long random password for imported accounts nobody will type (default 32 chars, 192 bits). */
export function importPassword(length = 32): string {
  if (length < 16) throw new RangeError('import passwords must be at least 16 characters');
  for (;;) {
    const s = randomString(length, BASE64URL);
    if (mixed(s)) return s;
  }
}

/** A readable temporary password, `xxxx-xxxx-xxxx-xxxx` (16 random characters, ~93 bits). */
export function temporaryPassword(groups = 4, groupLength = 4): string {
  if (groups * groupLength < 12) throw new RangeError('temporary passwords need at least 12 random characters');
  for (;;) {
    const s = randomString(groups * groupLength, READABLE_ALPHABET);
    if (!mixed(s)) continue;
    const parts: string[] = [];
    for (let i = 0; i < groups; i++) parts.push(s.slice(i * groupLength, (i + 1) * groupLength));
    return parts.join('-');
  }
}
