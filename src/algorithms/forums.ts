/**
 * Forum and wiki salted digests, all carried by the formula engine (src/formula/).
 * Formulas read in each platform's source (or the public drivers that ported them):
 * - vBulletin 3.x-5.x legacy: md5(md5(pw) . salt) — phpBB passwords/driver/md5_vb.php
 *   ("Works for vB 3.8.x, 4.x.x, 5.0.x"), hashcat 2611/2711; salt column 3 chars (< 3.8.5) or 30.
 * - MyBB 1.x: md5(md5(salt) . md5(pw)) — mybb/mybb inc/functions_user.php (salt_password).
 * - IPB 2/3 and IPS4 legacy: md5(md5(salt) . md5(legacyEscape(pw))) — IPS4 \IPS\Member::
 *   encryptedPassword() and \IPS\Request::legacyEscape() (public copies; src/formula/text.ts).
 * - SMF 1.1-2.0: sha1(strtolower(member_name) . pw) — SMF Sources/Subs-Auth.php, LogInOut.php.
 * - MediaWiki 1.13+: `:A:` md5(pw); `:B:salt:` and `:A:salt:` md5(salt . '-' . md5(pw)) —
 *   wikimedia/mediawiki includes/password/MWOldPassword.php, MWSaltedPassword.php; hashcat 3711
 *   writes `$B$salt$hash`. Before 1.13 the same salted formula with the numeric user id, bare hex.
 * - Redmine 1.2+ and PunBB 1.3/1.4: sha1(salt . sha1(pw)) — redmine app/models/user.rb
 *   (hash_password, salt_password); punbb include/functions.php forum_hash($str, $salt).
 * - WoltLab WBB3 / WCF 1.x: sha1(salt . sha1(salt . sha1(pw))) — phpBB passwords/driver/sha1_wcf1.php.
 * - vBulletin 5 `user.token` with `user.scheme = 'legacy'`: "<md5(md5(pw) . salt)> <salt>" —
 *   vB_Utility_Password_Algorithm_Legacy (vB 5.2.3 public copy, code index id 32768202055:
 *   generateToken returns "$hash $salt", verifyPassword explodes on ' ' and compares
 *   md5($password . $salt) where $password is already md5(pw): vB_Library_Login hashes the text
 *   password first); discourse/discourse script/import_scripts/vbulletin5.rb@0222455c (legacy:
 *   REPLACE(token, ' ', ':'); blowfish:10: token). `blowfish:N` tokens are bcrypt of md5(pw) hex:
 *   the `bcrypt-md5` scheme (bcrypt-wrappers.ts, opt-in params.bcryptPrehash = 'md5').
 * - WoltLab WCF 2.x / WBB4 (WoltLab Suite < 5.4): double bcrypt crypt(crypt(pw, hash), hash) —
 *   WoltLab/WCF .../password/algorithm/DoubleBcrypt.class.php@143ce115 (`$2a$08$`), Wcf2.class.php;
 *   phpBB passwords/driver/bcrypt_wcf2.php@0bc04a4d. WoltLab Suite 5.4+ stores `<Algorithm>:<hash>`
 *   (PasswordAlgorithmManager@56136e97: the name is ucfirst()ed to a class), so `wcf2:` and
 *   `DoubleBcrypt:` are read here too.
 * - SMF 2.1: password_hash($smcFunc['strtolower'](member_name) . pw, PASSWORD_BCRYPT) —
 *   SimpleMachines/SMF Sources/Subs-Auth.php@11256a86 hash_password / hash_verify_password.
 */
import { concatBytes, latin1, utf8 } from '../core/bytes.js';
import { stringParam, missingParam } from '../core/params.js';
import { defineScheme } from '../core/scheme.js';
import { malformed } from '../errors.js';
import { defineFormulaScheme } from '../formula/scheme.js';
import { asciiLower } from '../formula/text.js';
import type { Scheme, SchemeInputs } from '../types.js';
import { BCRYPT_COSTS, BCRYPT_LAYOUT, bcryptNeedsWorker, deriveBcrypt, parseBcrypt, type BcryptParsed } from './bcrypt.js';

export const vbulletin = defineFormulaScheme({
  id: 'vbulletin',
  title: 'vBulletin 3-5 legacy md5(md5(password) . salt), salt column',
  family: 'forums',
  formula: 'md5(md5(password) . salt)',
  platforms: ['vBulletin 3.0-3.8.4 (3-char salt)', 'vBulletin 3.8.5-4.x and 5.x "legacy" scheme (30-char salt)'],
  platformIds: ['vbulletin'],
  example: { password: 'hashcat', hash: '28f9975808ae2bdc5847b1cda26033ea', options: { salt: '308' } }, // hashcat 2611
  rank: 45,
});

export const mybb = defineFormulaScheme({
  id: 'mybb',
  title: 'MyBB md5(md5(salt) . md5(password)), salt column',
  family: 'forums',
  formula: 'md5(md5(salt) . md5(password))',
  platforms: ['MyBB 1.x (8-char salt)', 'phpBB md5_mybb converted hashes'],
  platformIds: ['mybb', 'phpbb'],
  example: { password: 'hashcat', hash: '022f7e02b3314f7d0968f73c00ba759f', options: { salt: '67588' } }, // hashcat 2811
  rank: 44,
});

export const ipb = defineFormulaScheme({
  id: 'ipb',
  title: 'IPB 2/3 md5(md5(salt) . md5(legacyEscape(password))), salt column',
  family: 'forums',
  // IPS4 hashes legacyEscape(pw); for passwords without & < > " ' $ ! \ or LF this equals MyBB's
  // formula, which the mybb scheme already computes, so this one has only the escaped reading.
  formula: 'md5(md5(salt) . md5(ipb_escape(password)))',
  platforms: ['Invision Power Board 2.x-3.x (5-char salt)', 'IPS Community Suite 4 (legacy, non-22-char salts)'],
  platformIds: ['ipb', 'ips', 'invision'],
  // PHP 8.2, formats.md §21.4 [V-gen]: password `p@$$w0rd!<"'&\`, salt a1B2c.
  example: { password: 'p@$$w0rd!<"\'&\\', hash: '71f9251c9355e63e75a7723c694269e6', options: { salt: 'a1B2c' } },
  rank: 43,
});

export const smf = defineFormulaScheme({
  id: 'smf',
  title: 'SMF 1.1-2.0 sha1(strtolower(username) . password)',
  family: 'forums',
  formula: 'sha1(lower(username) . password)',
  platforms: ['Simple Machines Forum 1.1-2.0 (member_name as the salt)'],
  platformIds: ['smf'],
  example: { password: 'hashcat', hash: 'd27c0a627a45db487af161fcc3a4005d88eb8a1f', options: { username: '25551135' } }, // hashcat 121
  rank: 50,
});

export const mediawikiA = defineFormulaScheme({
  id: 'mediawiki-a',
  title: 'MediaWiki 1.13+ :A: md5(password)',
  family: 'forums',
  formula: 'md5(password)',
  layout: ':A:{hash}',
  platforms: ['MediaWiki 1.13+ (:A:, unsalted, $wgPasswordSalt off)'],
  platformIds: ['mediawiki'],
  example: { password: 'Pässword1!', hash: ':A:8a90cd951b1d8e473d4d502311c48b1e' }, // formats.md §15 [V-gen], PHP 8.2
});

export const mediawikiB = defineFormulaScheme({
  id: 'mediawiki-b',
  title: "MediaWiki 1.13+ :B:salt:hash md5(salt . '-' . md5(password))",
  family: 'forums',
  formula: "md5(salt . '-' . md5(password))",
  layout: [':B:{salt}:{hash}', ':A:{salt}:{hash}', '$B${salt}${hash}'],
  platforms: ['MediaWiki 1.13+ (:B:salt:hash; :A:salt:hash with $wgPasswordSalt)', 'hashcat 3711 ($B$salt$hash)'],
  platformIds: ['mediawiki'],
  example: { password: 'hashcat', hash: '$B$2152187716$8c8b39c3602b194eeeb6cac78eea2742' }, // hashcat 3711
});

export const mediawikiOld = defineFormulaScheme({
  id: 'mediawiki-old-salted',
  title: "MediaWiki < 1.13 md5(user_id . '-' . md5(password)) (salt = numeric user id)",
  family: 'forums',
  formula: "md5(salt . '-' . md5(password))",
  platforms: ['MediaWiki 1.x-1.12 with $wgPasswordSalt (salt = user_id)'],
  platformIds: ['mediawiki'],
  example: { password: 'hashcat', hash: '8c8b39c3602b194eeeb6cac78eea2742', options: { salt: '2152187716' } }, // hashcat 3711 body
  rank: 30,
});

export const redmine = defineFormulaScheme({
  id: 'redmine',
  title: 'Redmine 1.2+ / PunBB 1.3+ sha1(salt . sha1(password)), salt column',
  family: 'forums',
  formula: 'sha1(salt . sha1(password))',
  platforms: ['Redmine 1.2+ (32-hex salt column)', 'PunBB 1.3-1.4 (forum_hash, 12-char salt)'],
  platformIds: ['redmine', 'punbb'],
  example: { password: 'hashcat', hash: 'c18e826af2a78c7b9b7261452613233417e65817', options: { salt: '28246535720688452723483475753333' } }, // hashcat 4521
  rank: 47,
});

export const wcf1 = defineFormulaScheme({
  id: 'wcf1',
  title: 'WoltLab WBB3 / WCF 1 sha1(salt . sha1(salt . sha1(password))), salt column',
  family: 'forums',
  formula: 'sha1(salt . sha1(salt . sha1(password)))',
  platforms: ['WoltLab Burning Board 3 / Community Framework 1.x (40-hex salt)'],
  platformIds: ['woltlab', 'wbb', 'wcf'],
  example: {
    password: 'hashcat',
    hash: '7f8d1951fe48ae3266980c2979c141f60e4415e5',
    options: { salt: '5037864764153886517871426607441768004150' },
  }, // hashcat 8400
  rank: 46,
});

export const vbulletin5Token = defineFormulaScheme({
  id: 'vbulletin5-token',
  title: "vBulletin 5 'legacy' token \"<md5(md5(password) . salt)> <salt>\"",
  family: 'forums',
  formula: 'md5(md5(password) . salt)',
  layout: '{hash} {salt}',
  // generateSalt(): 30 x chr(rand(33, 126)); tokens converted from vB 3/4 keep their 3- or 30-char salt.
  saltPattern: '[!-~]{1,64}',
  platforms: ['vBulletin 5.x user.token with user.scheme = legacy (also vB 3/4 accounts carried over)'],
  platformIds: ['vbulletin'],
  example: { password: 'hashcat', hash: '0844fbb2fdeda31884a7a45ec2010bb6 324410183853308365427804872426' }, // hashcat 2711 as a vB 5 token
  rank: 90,
});

// ---------- WoltLab WCF 2.x double bcrypt ----------

/** crypt(crypt(pw, hash), hash): the inner 60-char string is the outer password. */
export async function deriveDoubleBcrypt(pw: Uint8Array, p: BcryptParsed, inputs?: SchemeInputs): Promise<Uint8Array[]> {
  const prefix = latin1(`$${p.ident}$${String(p.cost).padStart(2, '0')}$${p.salt22}`);
  const out: Uint8Array[] = [];
  for (const inner of await deriveBcrypt(pw, p, inputs)) out.push(...(await deriveBcrypt(concatBytes(prefix, inner), p, inputs)));
  return out;
}

const WCF2_PREFIX = /^(?:[wW]cf2|[dD]oubleBcrypt):/;
const bcryptCost = (p: BcryptParsed) => [{ limit: 'maxBcryptCost' as const, value: p.cost, name: 'cost' }];

export const wcf2 = defineScheme<BcryptParsed>({
  id: 'wcf2',
  title: "WoltLab WCF 2.x / WBB4 double bcrypt crypt(crypt(pw, salt), salt) (bare: opt-in params.bcryptDouble = 'wcf2')",
  family: 'forums',
  platforms: ['WoltLab Community Framework 2.x / Burning Board 4 / WoltLab Suite < 5.4 ($2a$08$)', 'WoltLab Suite 5.4+ `wcf2:` / `DoubleBcrypt:` imports', 'phpBB $CP$ bcrypt_wcf2'],
  platformIds: ['woltlab', 'wbb', 'wcf'],
  example: { password: 'foobar', hash: '$2a$08$p8h14U0jsEiVb1Luy.s8oOTXSQ0hVWUXpcNGBoCezeYNXrQyCKHfi', options: { params: { bcryptDouble: 'wcf2' } } }, // phpBB tests/passwords/manager_test.php
  costs: BCRYPT_COSTS,
  rank: 110,
  prefixes: ['$2', 'wcf2:', 'Wcf2:', 'doubleBcrypt:', 'DoubleBcrypt:'],
  // A bare `$2` string it opts in to is parsed by parseBcrypt: shared with bcrypt in detection.
  shape: BCRYPT_LAYOUT,
  recognize: (s) => s.startsWith('$2') || WCF2_PREFIX.test(s),
  parse(s, inputs) {
    const m = WCF2_PREFIX.exec(s);
    if (m) return parseBcrypt('wcf2', s.slice(m[0].length));
    // A bare bcrypt string does not say it was doubled: trying it on every bcrypt hash would cost
    // two more bcrypt runs per failed login, so the bare form is opt-in (as bcrypt-md5 is).
    if (stringParam(inputs, 'wcf2', 'bcryptDouble') !== 'wcf2') {
      throw missingParam('wcf2', 'bcryptDouble', "set it to 'wcf2': a plain bcrypt string does not say it was applied twice");
    }
    return parseBcrypt('wcf2', s);
  },
  // A bare bcrypt string is a wcf2 candidate only when asked (parse throws otherwise): skip it cheaply.
  optIn: (inputs, s) => !s.startsWith('$2') || inputs.params?.['bcryptDouble'] === 'wcf2',
  cost: bcryptCost,
  offload: (p, pw, inputs) => bcryptNeedsWorker(p, pw, inputs),
  derive: (pw, p, inputs) => deriveDoubleBcrypt(pw, p, inputs),
  describe: (p) => ({ ident: p.ident, cost: p.cost, layers: 2 }),
});

// ---------- SMF 2.1: bcrypt(strtolower(member_name) . pw) ----------

/** $smcFunc['strtolower'] on a UTF-8 forum (mb_strtolower) and on a single-byte one (strtolower). */
function smfLowerReadings(username: string): Uint8Array[] {
  const mb = utf8(username.toLowerCase());
  const bytes = asciiLower(utf8(username));
  return mb.length === bytes.length && mb.every((v, i) => v === bytes[i]) ? [bytes] : [mb, bytes];
}

export const smf21 = defineScheme<BcryptParsed>({
  id: 'smf21',
  title: 'SMF 2.1 bcrypt of strtolower(username) . password',
  family: 'forums',
  platforms: ['Simple Machines Forum 2.1 (hash_password: password_hash, cost bcrypt_hash_cost or 10)'],
  platformIds: ['smf'],
  // formats.md §21.5 [V-gen]: PHP 8.2 crypt('johndoe' . 'Pässword1!', '$2y$10$abcdefghijklmnopqrstuu').
  example: { password: 'Pässword1!', hash: '$2y$10$abcdefghijklmnopqrstuuqd3G4ur.RrkG.EessD4VKyPDn8NhjJm', options: { username: 'JohnDoe' } },
  costs: BCRYPT_COSTS,
  needs: ['username'],
  // Below plain bcrypt even with a username (60 + 30 < 100): a username alone does not say SMF.
  // With platform 'smf' plain bcrypt is not a candidate at all. docs/detection.md.
  rank: 60,
  prefixes: ['$2'],
  shape: BCRYPT_LAYOUT,
  recognize: (s) => s.startsWith('$2'),
  parse: (s) => parseBcrypt('smf21', s),
  cost: bcryptCost,
  // Route on the real bcrypt keys (lower(username) . password).
  offload: (p, pw, inputs) =>
    smfLowerReadings(inputs?.username ?? '').some((lower) => bcryptNeedsWorker(p, concatBytes(lower, pw), inputs)),
  async derive(pw, p, inputs) {
    if (inputs.username === undefined) throw malformed('smf21', 'username missing');
    const out: Uint8Array[] = [];
    for (const lower of smfLowerReadings(inputs.username)) out.push(...(await deriveBcrypt(concatBytes(lower, pw), p, inputs)));
    return out;
  },
  describe: (p) => ({ ident: p.ident, cost: p.cost }),
});

export const forumSchemes: readonly Scheme[] = [
  smf,
  vbulletin,
  mybb,
  ipb,
  redmine,
  wcf1,
  mediawikiA,
  mediawikiB,
  mediawikiOld,
  vbulletin5Token,
  wcf2,
  smf21,
];
