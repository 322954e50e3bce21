/**
 * phpass "portable" hashes (Solar Designer's PasswordHash, crypt_private):
 *   $P$ (WordPress 2.5-6.7, Joomla 2.5.18+, osCommerce 2.3, Drupal imports) and $H$ (phpBB3).
 * Layout: ident(3) + count char(1) + salt(8) + crypt64(md5 digest)(22) = 34 chars.
 * Algorithm: h = md5(salt . pw); repeat 2^count times: h = md5(h . pw).
 * Source: WordPress/wordpress-develop src/wp-includes/class-phpass.php (crypt_private).
 */
import { digest, type DigestName } from '../core/digest.js';
import { md5Chain } from '../core/md5.js';
import { sha512Chain } from '../core/sha512.js';
import { allIn, alphabetBytes, CRYPT64_INDEX, crypt64Value, encodeCrypt64 } from '../core/encoding.js';
import { defineScheme } from '../core/scheme.js';
import { latin1 } from '../core/bytes.js';
import { malformed } from '../errors.js';
import type { ParsedHash, Scheme } from '../types.js';

export interface PhpassParsed extends ParsedHash {
  /** The first 12 characters: ident, count char, salt. */
  setting: string;
  /** log2 of the iteration count (phpass accepts 7..30). */
  countLog2: number;
}

/** phpass's accepted iteration range: CheckPassword returns '*0' outside 7..30. */
export const PHPASS_MIN_LOG2 = 7;
export const PHPASS_MAX_LOG2 = 30;

/**
 * crypt_private's digest loop, shared by $P$/$H$ (md5) and Drupal's $S$ (sha512).
 * Returns the raw final digest.
 */
export function phpassLoop(alg: DigestName, password: Uint8Array, salt: Uint8Array, countLog2: number): Uint8Array {
  // Fast cores (src/core/md5.ts, sha512.ts) run the whole loop in WebAssembly, the password
  // written into the padded message once; md5 at $P$B (8192 rounds) takes ~0.6x the time of
  // PHP's md5() loop. Other digests keep the plain node:crypto loop.
  if (alg === 'md5') return md5Chain(salt, password, 2 ** countLog2);
  if (alg === 'sha512') return sha512Chain(salt, password, 2 ** countLog2);
  let h = digest(alg, salt, password);
  for (let i = 2 ** countLog2; i > 0; i--) h = digest(alg, h, password);
  return h;
}

/** Parses the 12-char setting shared by every phpass-style hash; returns log2 and salt. */
export function parsePhpassSetting(scheme: string, setting: string): { countLog2: number; salt: string } {
  const countLog2 = crypt64Value(setting[3]!);
  if (countLog2 < PHPASS_MIN_LOG2 || countLog2 > PHPASS_MAX_LOG2) {
    throw malformed(scheme, 'iteration count character out of range');
  }
  const salt = setting.slice(4, 12);
  if (salt.length !== 8 || !allIn(salt, CRYPT64_INDEX)) throw malformed(scheme, 'salt must be 8 crypt64 characters');
  return { countLog2, salt };
}

/** `$P$` or `$H$` at the start (was /^\$[PH]\$/). */
function isPhpass(s: string): boolean {
  const c = s.charCodeAt(1);
  return s.charCodeAt(0) === 36 /* $ */ && (c === 80 || c === 72) /* P, H */ && s.charCodeAt(2) === 36;
}

export const phpass = defineScheme<PhpassParsed>({
  id: 'phpass',
  title: 'phpass portable hash ($P$, $H$)',
  family: 'phpass',
  platforms: [
    'WordPress/WooCommerce 2.5-6.7 ($P$B, 2^13)',
    'Joomla 2.5.18+/3.x ($P$D, 2^15)',
    'osCommerce 2.3 ($P$D)',
    'phpBB 3.0 ($H$9, 2^11)',
    'Drupal 7 imports ($P$/$H$)',
  ],
  platformIds: ['wordpress', 'woocommerce', 'joomla', 'oscommerce', 'phpbb', 'drupal'],
  example: { password: 'hashcat', hash: '$P$946647711V1klyitUYhtB8Yw5DMA/w.' }, // hashcat mode 400 example
  costs: [{ name: 'rounds', default: 8192, min: 2 ** PHPASS_MIN_LOG2, max: 2 ** PHPASS_MAX_LOG2, limit: 'maxRounds' }],
  rank: 100,
  offload: true,
  // ~0.08 µs per MD5 round in WebAssembly (8192 rounds: ~0.66 ms here): counts up to 2^10 fit
  // the inline budget (src/engine.ts INLINE_BUDGET_US); $P$B (2^13) goes to the worker pool.
  inlineCost: { work: ['maxRounds'], usPerUnit: 0.08, baseUs: 5 },
  prefixes: ['$P$', '$H$'],
  recognize: isPhpass,
  parse(s) {
    // The 22 hash characters are checked while copied (alphabetBytes), the rest here.
    const expected = s.length === 34 && allIn(s, CRYPT64_INDEX, 3, 12) ? alphabetBytes(s, CRYPT64_INDEX, 12, 34) : null;
    if (expected === null) throw malformed('phpass', 'expected 34 characters of ./0-9A-Za-z');
    const setting = s.slice(0, 12);
    const { countLog2 } = parsePhpassSetting('phpass', setting);
    // Compare the encoded text, as phpass does: a non-canonical last character never verifies.
    return { setting, countLog2, expected };
  },
  cost: (p) => [{ limit: 'maxRounds', value: 2 ** p.countLog2, name: 'rounds' }],
  derive(pw, p) {
    const h = phpassLoop('md5', pw, latin1(p.setting.slice(4, 12)), p.countLog2);
    return latin1(encodeCrypt64(h, 16));
  },
  describe: (p) => ({ ident: p.setting.slice(0, 3), rounds: 2 ** p.countLog2, countLog2: p.countLog2 }),
});

export const phpassSchemes: readonly Scheme[] = [phpass];
