/**
 * Drupal 7-10.0 `$S$` (phpass with SHA-512, stored truncated to 55 chars) and the `U$` forms
 * that Drupal 6 -> 7 upgrades wrote (the stored hash is of md5(password) as lower-case hex).
 * Source: drupal/drupal includes/password.inc (7.x: _password_crypt, user_check_password,
 * DRUPAL_HASH_LENGTH 55, DRUPAL_MAX_PASSWORD_LENGTH 512, DRUPAL_MIN/MAX_HASH_COUNT 7/30) and
 * core/lib/Drupal/Core/Password/PhpassHashedPasswordBase.php (8+: same algorithm and limits).
 * `$P$`/`$H$` without `U` are the phpass scheme (phpass.ts lists Drupal); Drupal <= 6 md5 is `md5`.
 */
import { latin1 } from '../core/bytes.js';
import { digest } from '../core/digest.js';
import { CRYPT64_RE, encodeCrypt64, toHexBytes } from '../core/encoding.js';
import { defineScheme } from '../core/scheme.js';
import { malformed } from '../errors.js';
import type { Scheme } from '../types.js';
import { parsePhpassSetting, phpassLoop, PHPASS_MAX_LOG2, PHPASS_MIN_LOG2, type PhpassParsed } from './phpass.js';

/** DRUPAL_HASH_LENGTH: _password_crypt returns substr($output, 0, 55). */
const DRUPAL_HASH_LENGTH = 55;
/** DRUPAL_MAX_PASSWORD_LENGTH (7.x) / PASSWORD_MAX_LENGTH (8+): longer passwords never verify. */
const DRUPAL_MAX_PASSWORD_BYTES = 512;

const COSTS = [{ name: 'rounds', default: 2 ** 15, min: 2 ** PHPASS_MIN_LOG2, max: 2 ** PHPASS_MAX_LOG2, limit: 'maxRounds' as const }];

/** _password_crypt: sha512 for `$S$`, md5 for `$P$`/`$H$`; encoded, then cut to 55 chars. */
function drupalCrypt(password: Uint8Array, setting: string, countLog2: number): Uint8Array {
  const alg = setting.startsWith('$S$') ? 'sha512' : 'md5';
  const h = phpassLoop(alg, password, latin1(setting.slice(4, 12)), countLog2);
  const out = encodeCrypt64(h, h.length).slice(0, DRUPAL_HASH_LENGTH - 12);
  return latin1(out);
}

function parseDrupal(id: string, body: string): PhpassParsed {
  const isS = body.startsWith('$S$');
  if (body.length !== (isS ? DRUPAL_HASH_LENGTH : 34) || !CRYPT64_RE.test(body.slice(3))) {
    throw malformed(id, isS ? 'expected 55 characters of ./0-9A-Za-z' : 'expected 34 characters of ./0-9A-Za-z');
  }
  const setting = body.slice(0, 12);
  const { countLog2 } = parsePhpassSetting(id, setting);
  return { setting, countLog2, expected: latin1(body.slice(12)) };
}

export const drupal7 = defineScheme<PhpassParsed>({
  id: 'drupal7',
  title: 'Drupal 7-10.0 phpass SHA-512 ($S$, 55 chars)',
  family: 'drupal',
  platforms: ['Drupal 7 ($S$C, 2^14; later 7.x $S$D, 2^15)', 'Drupal 8-10.0 ($S$E, 2^16)', 'Drupal 10.1+ phpass module (legacy hashes)'],
  platformIds: ['drupal'],
  example: { password: 'hashcat', hash: '$S$C20340258nzjDWpoQthrdNTR02f0pmev0K/5/Nx80WSkOQcPEQRh' }, // hashcat 7900
  costs: COSTS,
  rank: 100,
  offload: true,
  prefixes: ['$S$'],
  recognize: (s) => s.startsWith('$S$'),
  parse: (s) => parseDrupal('drupal7', s),
  cost: (p) => [{ limit: 'maxRounds', value: 2 ** p.countLog2, name: 'rounds' }],
  derive(pw, p) {
    if (pw.length > DRUPAL_MAX_PASSWORD_BYTES) return []; // _password_crypt returns FALSE
    return drupalCrypt(pw, p.setting, p.countLog2);
  },
  describe: (p) => ({ ident: '$S$', rounds: 2 ** p.countLog2, countLog2: p.countLog2 }),
});

const U_SHAPE = /^U\$[SPH]\$/;

export const drupalUpgraded = defineScheme<PhpassParsed>({
  id: 'drupal-md5-upgraded',
  title: 'Drupal 6 -> 7 upgraded hash (U$S$, U$P$, U$H$: phpass of md5(password))',
  family: 'drupal',
  platforms: ['Drupal 7+ accounts migrated from Drupal 6 (user_update_7000)'],
  platformIds: ['drupal'],
  // PHP 8.2 running _password_crypt('sha512', md5('Pässword1!'), ...) (formats.md §13, re-run by scripts/vectors/platforms.php).
  example: { password: 'Pässword1!', hash: 'U$S$DabcdefgHwvsGBwc3dXvFDyAzi2OYXc8YT1tZ7zFJ0.DQou7SJP9' },
  costs: COSTS,
  rank: 100,
  offload: true,
  prefixes: ['U$'],
  recognize: (s) => U_SHAPE.test(s),
  parse: (s) => parseDrupal('drupal-md5-upgraded', s.slice(1)),
  cost: (p) => [{ limit: 'maxRounds', value: 2 ** p.countLog2, name: 'rounds' }],
  // user_check_password: substr($stored, 1) and $password = md5($password) (lower-case hex).
  derive: (pw, p) => drupalCrypt(toHexBytes(digest('md5', pw)), p.setting, p.countLog2),
  describe: (p) => ({ ident: `U${p.setting.slice(0, 3)}`, rounds: 2 ** p.countLog2, countLog2: p.countLog2 }),
});

export const drupalSchemes: readonly Scheme[] = [drupal7, drupalUpgraded];
