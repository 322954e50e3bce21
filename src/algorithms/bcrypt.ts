/**
 * bcrypt: $2$, $2a$, $2b$, $2x$, $2y$ — each verified the way the software that wrote it computed.
 * Layout: `$2?$cc$` + 22 bcrypt64 salt chars (16 bytes) + 31 hash chars (23 bytes) = 60 chars.
 *
 * Which computation runs (see bcrypt-core.ts for the key modes):
 * - `$2b$`, `$2y$`: the correct algorithm, computed natively by @node-rs/bcrypt (libuv pool).
 * - `$2a$`: written by crypt_blowfish >= 1.1 (PHP >= 5.3.7: "safety" countermeasure) or by
 *   OpenBSD, pyca/bcrypt, Ruby, Java (correct algorithm; OpenBSD <= 5.4 wrapped the length of
 *   255+ byte passwords). For 7-bit passwords under 255 bytes all agree; otherwise each reading
 *   that can have written the hash is tried (none of them makes distinct passwords collide, so
 *   accepting either is safe). `params.bcrypt2a: 'crypt_blowfish'` (PHP, Linux) or `'openbsd'`
 *   (OpenBSD, pyca, Ruby, Java) restricts to one writer. The pre-2011 sign-extension bug is NOT
 *   tried for `$2a$` unless `params.bcryptSignExtensionBug` is set: the bug makes distinct 8-bit
 *   passwords collide, so accepting it by default would weaken every `$2a$` hash.
 * - `$2x$`: crypt_blowfish's deliberate bug mode; `$2$`: original OpenBSD without the NUL.
 * A stored hash whose 22nd salt char is not canonical never verifies: crypt_blowfish and pyca
 * both rewrite it and compare the whole string (checked against PHP password_verify).
 */
import { hash as nativeHash } from '@node-rs/bcrypt';
import { cString, latin1 } from '../core/bytes.js';
import { alphabetBytes, BCRYPT64_INDEX, decodeBcrypt64, encodeBcrypt64 } from '../core/encoding.js';
import { defineScheme } from '../core/scheme.js';
import { malformed } from '../errors.js';
import type { ParsedHash, Scheme, SchemeInputs } from '../types.js';
import { bcryptRaw, type BcryptKeyMode } from './bcrypt-core.js';

export type BcryptIdent = '2' | '2a' | '2b' | '2x' | '2y';

export interface BcryptParsed extends ParsedHash {
  ident: BcryptIdent;
  cost: number;
  /** The 22 salt characters as stored. */
  salt22: string;
  salt: Uint8Array;
  /** false when the 22nd salt char is not canonical (then nothing verifies, as in PHP). */
  canonical: boolean;
}

/** bcrypt uses 72 key bytes at most; the NUL terminator counts when the password is shorter. */
const MAX_KEY_BYTES = 72;
/** OpenBSD <= 5.4 kept strlen(key) + 1 in a u_int8_t: lengths >= 255 wrap. */
const OPENBSD_WRAP_LENGTH = 255;

/**
 * Scheme.shape of the schemes whose parse is exactly parseBcrypt(id, s) for every `$2` string
 * they opt in to (bcrypt, devise-bcrypt, smf21, wcf2, bcrypt-md5...): detection parses a bcrypt
 * string once for all of them.
 */
export const BCRYPT_LAYOUT = Object.freeze({ layout: 'bcrypt' });

export function parseBcrypt(scheme: string, s: string): BcryptParsed {
  // Perf (issue #8): read in place, no regex or match array. Accepts exactly what
  // /^\$(2[abxy]?)\$(\d\d)\$(.*)$/s + the checks below did (test/identify-perf-parsers.test.ts).
  const at = identEnd(s); // index of the `$` after the ident
  if (at < 0 || !isDigit(s.charCodeAt(at + 1)) || !isDigit(s.charCodeAt(at + 2)) || s.charCodeAt(at + 3) !== 36 /* $ */) {
    throw malformed(scheme, 'not a bcrypt string');
  }
  const cost = (s.charCodeAt(at + 1) - 48) * 10 + (s.charCodeAt(at + 2) - 48);
  const body = at + 4;
  if (cost < 4 || cost > 31) throw malformed(scheme, 'cost must be 04..31');
  // 22 salt characters (16 bytes) and 31 hash characters (kept as text bytes). Decoding the salt
  // checks its characters, so each character is read once; with exactly 22 valid characters the
  // decode cannot fail otherwise (the old 'invalid salt' error was unreachable).
  const salt22 = s.length - body === 53 ? s.slice(body, body + 22) : '';
  const salt = salt22 === '' ? null : decodeBcrypt64(salt22, 16);
  const expected = salt === null ? null : alphabetBytes(s, BCRYPT64_INDEX, body + 22, s.length);
  if (salt === null || expected === null) throw malformed(scheme, 'expected 53 characters of ./A-Za-z0-9');
  // 22 characters carry 132 bits for 16 bytes: the last one's low 4 bits are dropped, and the
  // salt re-encodes to the same text (encodeBcrypt64(salt) === salt22) exactly when they are 0.
  const canonical = (BCRYPT64_INDEX[s.charCodeAt(body + 21)]! & 0x0f) === 0;
  return { ident: identAt(s, at), cost, salt22, salt, canonical, expected };
}

/** The ident as a constant string (no slice per parse). */
function identAt(s: string, at: number): BcryptIdent {
  if (at === 2) return '2';
  switch (s.charCodeAt(2)) {
    case 97:
      return '2a';
    case 98:
      return '2b';
    case 120:
      return '2x';
    default:
      return '2y';
  }
}

/** `$2$` or `$2a$`, `$2b$`, `$2x$`, `$2y$` at the start: the index of the ident's closing `$`, else -1. */
function identEnd(s: string): number {
  if (s.charCodeAt(0) !== 36 /* $ */ || s.charCodeAt(1) !== 50 /* 2 */) return -1;
  const c = s.charCodeAt(2);
  if (c === 36) return 2;
  return (c === 97 || c === 98 || c === 120 || c === 121) /* a b x y */ && s.charCodeAt(3) === 36 ? 3 : -1;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The password as a C string: bytes up to the first NUL (crypt(3) never sees past it). */

function hasHighBytes(pw: Uint8Array): boolean {
  for (let i = 0; i < pw.length; i++) if (pw[i]! >= 0x80) return true;
  return false;
}

/** The key modes that may have produced a hash with this ident for this password. */
export function bcryptModes(ident: BcryptIdent, password: Uint8Array, inputs?: SchemeInputs): BcryptKeyMode[] {
  const key = cString(password);
  switch (ident) {
    case '2b':
    case '2y':
      return ['correct'];
    case '2x':
      // The bug only changes bytes >= 0x80; without them the computation is the correct one.
      return hasHighBytes(key.subarray(0, MAX_KEY_BYTES)) ? ['sign-extension-bug'] : ['correct'];
    case '2':
      return ['no-nul'];
    case '2a': {
      const reading = inputs?.params?.['bcrypt2a'] ?? 'any';
      const high = hasHighBytes(key.subarray(0, MAX_KEY_BYTES));
      const modes: BcryptKeyMode[] = [];
      if (reading !== 'crypt_blowfish') modes.push('correct');
      if (reading !== 'openbsd' && (high || reading === 'crypt_blowfish')) modes.push('safety');
      if (reading !== 'crypt_blowfish' && key.length >= OPENBSD_WRAP_LENGTH) modes.push('openbsd-2a');
      if (high && inputs?.params?.['bcryptSignExtensionBug']) modes.push('sign-extension-bug');
      // Without 8-bit bytes the safety countermeasure never triggers: one computation suffices.
      return !high && modes.length === 1 && modes[0] === 'safety' ? ['correct'] : modes;
    }
  }
}

/** Only the plain correct computation can go to the native library. */
function nativeOnly(modes: readonly BcryptKeyMode[]): boolean {
  return modes.length === 1 && modes[0] === 'correct';
}

async function correctNative(password: Uint8Array, p: BcryptParsed): Promise<Uint8Array> {
  // Same key bytes crypt_blowfish uses: stop at NUL, at most 72 bytes (the NUL then no longer fits).
  const key = cString(password).subarray(0, MAX_KEY_BYTES);
  const out = await nativeHash(key, { salt: `$2b$${String(p.cost).padStart(2, '0')}$${p.salt22}` });
  return latin1(out.slice(29));
}

/**
 * Derives the 31 hash characters (as bytes) for every reading of the hash; shared by every
 * bcrypt wrapper (WordPress $wp$, bcrypt-sha256, bcrypt(md5(pw)), ...).
 */
export async function deriveBcrypt(password: Uint8Array, p: BcryptParsed, inputs?: SchemeInputs): Promise<Uint8Array[]> {
  if (!p.canonical) return [];
  const modes = bcryptModes(p.ident, password, inputs);
  // The plain correct computation goes to @node-rs/bcrypt (libuv pool); every other mode runs
  // bcryptRaw's WebAssembly schedule (as fast as native: bench/bcrypt.mjs) on the worker pool
  // (bcryptNeedsWorker), so neither blocks the event loop.
  const out: Uint8Array[] = [];
  for (const mode of modes) {
    out.push(
      mode === 'correct' && nativeOnly(modes)
        ? await correctNative(password, p)
        : latin1(encodeBcrypt64(bcryptRaw(password, p.salt, p.cost, mode), 23)),
    );
  }
  return out;
}

/** Offload to the worker pool unless the native library does all the work. */
export function bcryptNeedsWorker(p: BcryptParsed, password: Uint8Array, inputs?: SchemeInputs): boolean {
  return p.canonical && !nativeOnly(bcryptModes(p.ident, password, inputs));
}

export const BCRYPT_COSTS = [{ name: 'cost', default: 10, min: 4, max: 31, limit: 'maxBcryptCost' as const }];

export const bcrypt = defineScheme<BcryptParsed>({
  id: 'bcrypt',
  title: 'bcrypt ($2$, $2a$, $2b$, $2x$, $2y$)',
  family: 'bcrypt',
  platforms: [
    'PHP password_hash (WordPress plugins, Laravel, Symfony, Drupal 10.1+, Joomla 3+, PrestaShop 1.7+, OpenCart 4, Magento 1.9.4.3+, Shopware, phpBB 3.1+)',
    'Rails has_secure_password / Devise ($2a$)',
    'Django bcrypt$ payloads, pyca/bcrypt ($2b$)',
    'OpenBSD, crypt_blowfish (glibc-Owl)',
  ],
  platformIds: [
    'php', 'wordpress', 'woocommerce', 'laravel', 'symfony', 'drupal', 'joomla', 'prestashop', 'opencart',
    'magento1', 'shopware', 'phpbb', 'rails', 'devise', 'spree', 'generic',
  ],
  example: { password: 'hashcat', hash: '$2a$05$MBCzKhG1KhezLh.0LRa0Kuw12nLJtpHy6DIaU.JAnqJUDYspHC.Ou' }, // hashcat 3200
  costs: BCRYPT_COSTS,
  rank: 100,
  prefixes: ['$2'],
  shape: BCRYPT_LAYOUT,
  recognize: (s) => s.startsWith('$2'),
  parse: (s) => parseBcrypt('bcrypt', s),
  cost: (p) => [{ limit: 'maxBcryptCost', value: p.cost, name: 'cost' }],
  offload: (p, pw, inputs) => bcryptNeedsWorker(p, pw, inputs),
  derive: (pw, p, inputs) => deriveBcrypt(pw, p, inputs),
  describe: (p) => ({ ident: p.ident, cost: p.cost }),
});

export const bcryptSchemes: readonly Scheme[] = [bcrypt];
