/**
 * What to measure for each scheme: its class and target (from issue #8), a stored hash at the
 * platform's default cost (the scheme's example, or one made by PHP at runtime — never by
 * legacy-hash), and the references that compute the same thing, timed in the same run.
 */
import { createHash, pbkdf2, scrypt, timingSafeEqual } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import * as nrArgon2 from '@node-rs/argon2';
import * as nrBcrypt from '@node-rs/bcrypt';
import { latency } from './measure.mjs';
import { phpSamples, phpVersion, runPhp } from './php.mjs';

export const PASSWORD = 'correct horse battery staple';

/** Targets of issue #8, by class. `ratio`: our median / fastest reference median. */
export const TARGETS = {
  phpass: { kind: 'ratio', max: 1.0, text: '≤ 1.0× PHP C loop' },
  md5crypt: { kind: 'ratio', max: 1.0, text: '≤ 1.0× PHP crypt()' },
  shacrypt: { kind: 'ratio', max: 1.5, text: '≤ 1.5× PHP crypt()' },
  bcrypt: { kind: 'ratio', max: 1.1, text: '≤ 1.1× native' },
  argon2: { kind: 'ratio', max: 1.1, text: '≤ 1.1× native' },
  pbkdf2: { kind: 'ratio', max: 1.1, text: '≤ 1.1× OpenSSL' },
  scrypt: { kind: 'ratio', max: 1.1, text: '≤ 1.1× OpenSSL' },
  cheap: { kind: 'rate', min: 1e6, text: '≥ 1 M verify/s/core' },
  des: { kind: 'info', text: '— (no target)' },
  stretched: { kind: 'info', text: '— (no target)' },
};

/** The class of a scheme, from its data (costs, family, id). */
export function classify(scheme, params = {}) {
  const limits = (scheme.costs ?? []).map((c) => c.limit);
  const id = scheme.id;
  if (scheme.family === 'phpass' || scheme.family === 'drupal') return 'phpass';
  if (id === 'md5-crypt' || id === 'apr1' || (id === 'ldap-crypt' && params.inner === 'md5-crypt')) return 'md5crypt';
  if (/^sha(256|512)-crypt$/.test(id) || (id === 'ldap-crypt' && /^sha(256|512)-crypt$/.test(String(params.inner)))) return 'shacrypt';
  // Django's CryptPasswordHasher stores crypt(3) output, traditional DES in practice: DES's class.
  if (id === 'des-crypt' || id === 'bsdi-crypt' || id === 'bigcrypt' || id === 'django-crypt' || (id === 'ldap-crypt' && /des|bsdi/.test(String(params.inner)))) return 'des';
  if (limits.includes('maxBcryptCost')) return 'bcrypt';
  if (limits.includes('maxPbkdf2Iterations')) return 'pbkdf2';
  if (id === 'wrapped') return params.kdf === 'scrypt' ? 'scrypt' : 'argon2';
  if (limits.includes('maxMemoryBytes')) return /scrypt/.test(id) ? 'scrypt' : 'argon2';
  if (limits.includes('maxRounds')) return 'stretched';
  return 'cheap';
}

/** The cost fields of identify() params, as a short label. */
export function costLabel(params) {
  const keys = ['cost', 'rounds', 'iterations', 'memoryKiB', 'passes', 'parallelism', 'versions', 'kdf'];
  const parts = keys.filter((k) => params[k] !== undefined).map((k) => `${k === 'memoryKiB' ? 'm' : k === 'passes' ? 't' : k === 'parallelism' ? 'p' : k}=${params[k]}`);
  return parts.join(' ') || '—';
}

const ITOA64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

// ---------- hashes at the default cost, made by PHP ----------

/** PHP snippets that create a hash of $A['pw'] at the default cost (echo json_encode(hash)). */
const MAKERS = {
  bcrypt: (d) => ({ php: `echo json_encode(password_hash($A['pw'], PASSWORD_BCRYPT, ['cost' => ${d.cost}]));`, how: `PHP password_hash cost ${d.cost}` }),
  phpass: (d) => ({
    php: `echo json_encode(lh_phpass_crypt_private($A['pw'], lh_phpass_setting('P', ${Math.log2(d.rounds)}, 'Bench.01')));`,
    how: 'PHP crypt_private (WordPress class-phpass.php port, scripts/ref/formulas.php)',
  }),
  drupal7: (d) => ({
    php: `$setting = '$S$' . '${ITOA64[Math.log2(d.rounds)]}' . 'Bench.01';
      $count = 1 << ${Math.log2(d.rounds)}; $pw = $A['pw'];
      $hash = hash('sha512', 'Bench.01' . $pw, true);
      do { $hash = hash('sha512', $hash . $pw, true); } while (--$count);
      echo json_encode(substr($setting . lh_b64crypt($hash, 64), 0, 55));`,
    how: 'PHP port of Drupal 7 _password_crypt',
  }),
  argon2: (d) => ({
    php: `echo json_encode(password_hash($A['pw'], PASSWORD_ARGON2ID, ['memory_cost' => ${d.memoryKiB}, 'time_cost' => ${d.passes}, 'threads' => ${d.parallelism ?? 1}]));`,
    how: `PHP password_hash argon2id m=${d.memoryKiB} t=${d.passes}`,
  }),
  'bsdi-crypt': (d) => {
    let enc = '';
    for (let i = 0; i < 4; i++) enc += ITOA64[(d.rounds >> (6 * i)) & 63];
    return { php: `echo json_encode(crypt($A['pw'], '_${enc}bnch'));`, how: `PHP crypt() _ (BSDi) rounds ${d.rounds}` };
  },
};
MAKERS['django-pbkdf2'] = (d) => ({
  php: `$salt = 'benchsaltbench'; $raw = hash_pbkdf2('sha256', $A['pw'], $salt, ${d.iterations}, 0, true);
    echo json_encode('pbkdf2_sha256$${d.iterations}$' . $salt . '$' . base64_encode($raw));`,
  how: `PHP hash_pbkdf2 sha256 ${d.iterations}`,
});
for (const alg of ['sha512', 'sha256', 'sha1']) {
  const id = `ldap-pbkdf2-${alg}`;
  MAKERS[id] = (d) => ({
    php: `$salt = 'benchsaltbenchsa';
      $raw = hash_pbkdf2('${alg}', $A['pw'], $salt, ${d.iterations}, 0, true);
      echo json_encode('{PBKDF2${alg === 'sha1' ? '' : '-' + alg.toUpperCase()}}${d.iterations}$' . lh_ab64($salt) . '$' . lh_ab64($raw));`,
    how: `PHP hash_pbkdf2 ${alg} ${d.iterations}`,
  });
}

/** Default cost values by name, from the scheme's cost data. */
function defaults(scheme) {
  const d = {};
  for (const c of scheme.costs ?? []) if (typeof c.default === 'number' && c.default > 0) d[c.name] = c.default;
  return d;
}

/**
 * The stored hash to bench a scheme with: its example when that is at the default cost, else one
 * made by PHP at the default cost, else the example (noted).
 */
export function defaultCase(lib, scheme) {
  const ex = scheme.example;
  const exParams = lib.identify(ex.hash, ex.options).find((c) => c.scheme === scheme.id)?.params ?? {};
  const d = defaults(scheme);
  const atDefault = Object.entries(d).every(([k, v]) => exParams[k] === undefined || Number(exParams[k]) === v);
  if (atDefault) return { password: ex.password, hash: ex.hash, options: ex.options ?? {}, made: 'example', note: '' };
  const maker = MAKERS[scheme.id] ?? MAKERS[scheme.family === 'drupal' ? 'drupal7' : scheme.family];
  if (maker && phpVersion()) {
    try {
      const m = maker({ ...exParams, ...d });
      const hash = runPhp(m.php, { pw: PASSWORD });
      return { password: PASSWORD, hash, options: ex.options ?? {}, made: m.how, note: '' };
    } catch (e) {
      return { password: ex.password, hash: ex.hash, options: ex.options ?? {}, made: 'example', note: `maker failed: ${e.message.slice(0, 80)}` };
    }
  }
  const wanted = Object.entries(d).map(([k, v]) => `${k}=${v}`).join(' ');
  return { password: ex.password, hash: ex.hash, options: ex.options ?? {}, made: 'example', note: `example cost (default ${wanted}: no reference maker)` };
}

// ---------- references ----------

/** A reference that runs in this process: samples from our own timing loop. */
function nodeRef(name, fn) {
  return { name, run: (budgetMs) => latency(fn, { budgetMs, warmupMs: 100 }) };
}

function phpRef(name, body, args, setup = '') {
  return { name, run: async (budgetMs) => phpSamples(body, args, budgetMs, { setup }) };
}

const DIGEST_LEN = { md5: 16, sha1: 20, sha256: 32, sha384: 48, sha512: 64 };

/** Argon2 parameters of a stored string, when we can read them (PHC, Magento 2, wrapped). */
function argonParams(id, params, hash) {
  if (params.memoryKiB) {
    const len = /\$([A-Za-z0-9+/]+)$/.exec(hash)?.[1].length;
    return { type: params.type ?? 'argon2id', m: params.memoryKiB, t: params.passes, p: params.parallelism ?? 1, len: len ? Math.floor((len * 3) / 4) : 32 };
  }
  const ag = /(?:^|:)3_(\d+)_(\d+)_(\d+)$/.exec(hash);
  if (ag) return { type: 'argon2id', m: Number(ag[3]) / 1024, t: Number(ag[2]), p: 1, len: Number(ag[1]) };
  if (/:2$/.test(hash)) return { type: 'argon2id', m: 65536, t: 2, p: 1, len: 32 };
  const w = /^\$lhw\$1\$(argon2id)\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(hash);
  if (w) return { type: w[1], m: Number(w[2]), t: Number(w[3]), p: Number(w[4]), len: 32 };
  return null;
}

const ALG = { argon2d: 0, argon2i: 1, argon2id: 2 };

// ---------- cheap schemes: the platform's own check, in PHP ----------

/** phpRef setup that loads the platform ports (pf_xenforo_check, pf_ipb_legacy_escape, ...). */
const PLATFORMS_PHP = `require_once ${JSON.stringify(fileURLToPath(new URL('../../scripts/ref/platforms.php', import.meta.url)))};`;

/**
 * PHP references for the cheap schemes, by scheme id: each closure does what the platform's
 * verification does with the stored string $A['h'] (and $A['salt'] / $A['pepper'] /
 * $A['username'] from the case options; $A['pw'] is the password as UTF-8 bytes, $A['alg'] the
 * entry's `alg`) and returns hash_equals(...). Several platforms compare with == / === or in SQL
 * (OpenCart, PrestaShop 1.6); hash_equals is used throughout.
 * An entry is { name, body, alg?, setup? } or a function (stored hash, options) giving one, for
 * schemes whose digest depends on the stored string or a parameter (undefined: no reference).
 * No entry: CHEAP_WITHOUT_PHP.
 */
const CHEAP_PHP = {
  md5: { name: 'PHP md5($pw)', body: `return hash_equals($A['h'], md5($A['pw']));` },
  sha1: { name: 'PHP sha1($pw)', body: `return hash_equals($A['h'], sha1($A['pw']));` },
  sha256: { name: 'PHP hash(sha256, $pw)', body: `return hash_equals($A['h'], hash('sha256', $A['pw']));` },
  sha512: { name: 'PHP hash(sha512, $pw)', body: `return hash_equals($A['h'], hash('sha512', $A['pw']));` },
  // Magento 1 Mage_Core_Model_Encryption::validateHash: explode(':'), hash($salt . $pw) (md5 in
  // CE, sha256 in EE; the digest is told by the hex length, as the node:crypto reference does).
  magento1: (h) => {
    const alg = { 32: 'md5', 64: 'sha256', 128: 'sha512' }[h.split(':')[0].length];
    if (!alg) return undefined;
    return {
      name: `PHP hash(${alg}, $salt.$pw) (Magento 1 validateHash)`,
      alg,
      body: `[$hex, $salt] = explode(':', $A['h']); return hash_equals($hex, hash($A['alg'], $salt . $A['pw']));`,
    };
  },
  // Joomla 3 UserHelper::verifyPassword, {SHA256} branch: explode(':'), getCryptedPassword(.., 'sha256', true).
  'joomla-sha256': {
    name: "PHP '{SHA256}'.hash(sha256, $pw.$salt) (Joomla verifyPassword)",
    body: `$salt = explode(':', $A['h'])[1] ?? ''; return hash_equals($A['h'], '{SHA256}' . hash('sha256', $A['pw'] . $salt) . ':' . $salt);`,
  },
  // Joomla 3 UserHelper::verifyPassword, md5 branch: md5($pw . $salt) . ($salt ? ':' . $salt : '').
  'joomla-md5': {
    name: 'PHP md5($pw.$salt) (Joomla verifyPassword)',
    body: `$salt = explode(':', $A['h'])[1] ?? ''; return hash_equals($A['h'], md5($A['pw'] . $salt) . ($salt ? ':' . $salt : ''));`,
  },
  // PrestaShop 1.6 Tools::encrypt: md5(_COOKIE_KEY_ . $pw) (compared in the customer SQL).
  prestashop: { name: 'PHP md5($cookieKey.$pw) (PrestaShop Tools::encrypt)', body: `return hash_equals($A['h'], md5($A['pepper'] . $A['pw']));` },
  // OpenCart 1.5.4-3.0.4 login SQL SHA1(CONCAT(salt, SHA1(CONCAT(salt, SHA1(pw))))), pw cleaned by
  // Request::clean (htmlspecialchars ENT_COMPAT UTF-8); PHP's sha1() is the same digest.
  opencart: {
    name: 'PHP sha1($salt.sha1($salt.sha1(htmlspecialchars($pw)))) (OpenCart)',
    body: `$s = $A['salt']; return hash_equals($A['h'], sha1($s . sha1($s . sha1(htmlspecialchars($A['pw'], ENT_COMPAT, 'UTF-8')))));`,
  },
  'opencart-md5': { name: 'PHP md5(htmlspecialchars($pw)) (OpenCart)', body: `return hash_equals($A['h'], md5(htmlspecialchars($A['pw'], ENT_COMPAT, 'UTF-8')));` },
  // Shopware 5 Encoder/LegacyBackendMd5: md5(constant . md5($pw)), hash_equals.
  'shopware-legacy-backend-md5': {
    name: 'PHP md5($const.md5($pw)) (Shopware LegacyBackendMd5)',
    body: `return hash_equals($A['h'], md5('A9ASD:_AD!_=%a8nx0asssblPlasS$' . md5($A['pw'])));`,
  },
  // Clearance (Ruby) encrypt: SHA1("--#{salt}--#{password}--").
  'clearance-sha1': { name: "PHP sha1('--'.$salt.'--'.$pw.'--') (Clearance)", body: `return hash_equals($A['h'], sha1('--' . $A['salt'] . '--' . $A['pw'] . '--'));` },
  // SMF 1.1-2.0 LogInOut.php: sha1(strtolower(member_name) . $pw).
  smf: { name: 'PHP sha1(strtolower($user).$pw) (SMF)', body: `return hash_equals($A['h'], sha1(strtolower($A['username']) . $A['pw']));` },
  vbulletin: { name: 'PHP md5(md5($pw).$salt) (vBulletin)', body: `return hash_equals($A['h'], md5(md5($A['pw']) . $A['salt']));` },
  // MyBB 1.8 validate_password_from_uid: salt_password(md5($pw), $salt) = md5(md5($salt) . md5($pw)).
  mybb: { name: 'PHP md5(md5($salt).md5($pw)) (MyBB)', body: `return hash_equals($A['h'], md5(md5($A['salt']) . md5($A['pw'])));` },
  // IPS4 \IPS\Member::encryptedPassword: md5(md5($salt) . md5(Request::legacyEscape($pw))).
  ipb: {
    name: 'PHP md5(md5($salt).md5(legacyEscape($pw))) (IPB)',
    setup: PLATFORMS_PHP,
    body: `return hash_equals($A['h'], md5(md5($A['salt']) . md5(pf_ipb_legacy_escape($A['pw']))));`,
  },
  // Redmine User.check_password?: hash_password("#{salt}#{hash_password(clear)}").
  redmine: { name: 'PHP sha1($salt.sha1($pw)) (Redmine)', body: `return hash_equals($A['h'], sha1($A['salt'] . sha1($A['pw'])));` },
  // WCF 1 StringUtil::getDoubleSaltedHash.
  wcf1: { name: 'PHP sha1($salt.sha1($salt.sha1($pw))) (WCF 1)', body: `$s = $A['salt']; return hash_equals($A['h'], sha1($s . sha1($s . sha1($A['pw']))));` },
  // MediaWiki Password::verify (MWOldPassword): ':A:' . md5($pw), compared as strings.
  'mediawiki-a': { name: "PHP ':A:'.md5($pw) (MediaWiki)", body: `return hash_equals($A['h'], ':A:' . md5($A['pw']));` },
  // MediaWiki MWSaltedPassword ':B:salt:hash' (hashcat writes '$B$salt$hash'): split on the first character.
  'mediawiki-b': {
    name: "PHP md5($salt.'-'.md5($pw)) (MediaWiki :B:)",
    body: `$h = $A['h']; [, , $salt, $hex] = explode($h[0], $h, 4); return hash_equals($hex, md5($salt . '-' . md5($A['pw'])));`,
  },
  // MediaWiki < 1.13 User::oldCrypt with $wgPasswordSalt: md5("$userId-" . md5($pw)).
  'mediawiki-old-salted': { name: "PHP md5($uid.'-'.md5($pw)) (MediaWiki oldCrypt)", body: `return hash_equals($A['h'], md5($A['salt'] . '-' . md5($A['pw'])));` },
  // vBulletin 5 Legacy::verifyPassword: explode(' ', token), md5(md5($pw) . $salt).
  'vbulletin5-token': {
    name: 'PHP md5(md5($pw).$salt) (vBulletin 5 token)',
    body: `[$hash, $salt] = explode(' ', $A['h']); return hash_equals($hash, md5(md5($A['pw']) . $salt));`,
  },
  // SqlMembershipProvider.EncodePassword with the configured hashAlgorithmType (params
  // .membershipHashAlgorithm; else the plain digest of the stored length, SHA1 being the
  // Framework20 default): base64(H(salt bytes . UTF-16LE(pw))), or for HMAC* base64(HMAC(key,
  // UTF-16LE(pw))) with the salt cut or repeated to the key size (64 bytes; 128 for SHA-384/512);
  // the base64 strings are compared. UTF-16LE by iconv (ext/mbstring is not installed here).
  'aspnet-membership': (h, o) => {
    const named = String(o.params?.membershipHashAlgorithm ?? '').toLowerCase();
    const keyed = named.startsWith('hmac');
    const alg = keyed ? named.slice(4) : named || { 24: 'md5', 28: 'sha1', 44: 'sha256', 64: 'sha384', 88: 'sha512' }[h.length];
    if (!DIGEST_LEN[alg] || (keyed && !o.salt)) return undefined;
    const utf16 = `iconv('UTF-8', 'UTF-16LE', $A['pw'])`;
    if (!keyed) {
      return {
        name: `PHP base64(hash(${alg}, base64_decode($salt).iconv(UTF-16LE, $pw))) (ASP.NET Membership)`,
        alg,
        body: `return hash_equals($A['h'], base64_encode(hash($A['alg'], base64_decode($A['salt']) . ${utf16}, true)));`,
      };
    }
    const k = /^sha(384|512)$/.test(alg) ? 128 : 64;
    return {
      name: `PHP base64(hash_hmac(${alg}, iconv(UTF-16LE, $pw), key(salt))) (ASP.NET Membership HMAC)`,
      alg,
      body: `$s = base64_decode($A['salt']); $key = substr(str_repeat($s, intdiv(${k}, strlen($s)) + 1), 0, ${k});
        return hash_equals($A['h'], base64_encode(hash_hmac($A['alg'], ${utf16}, $key, true)));`,
    };
  },
  // Django SHA1PasswordHasher / MD5PasswordHasher.verify: split('$', 2), encode(pw, salt), constant_time_compare.
  'django-sha1': {
    name: 'PHP sha1($salt.$pw) (Django SHA1PasswordHasher)',
    body: `[$alg, $salt] = explode('$', $A['h'], 3); return hash_equals($A['h'], $alg . '$' . $salt . '$' . hash($alg, $salt . $A['pw']));`,
  },
  'django-md5': {
    name: 'PHP md5($salt.$pw) (Django MD5PasswordHasher)',
    body: `[$alg, $salt] = explode('$', $A['h'], 3); return hash_equals($A['h'], $alg . '$' . $salt . '$' . hash($alg, $salt . $A['pw']));`,
  },
  // Werkzeug < 0.9 check_password_hash: method$salt$hash, hmac.new(salt, password, method)
  // (key = salt; scripts/ref/kdfref.py make_werkzeug_hmac), plain digest when the salt is empty.
  'werkzeug-hmac': {
    name: 'PHP hash_hmac($method, $pw, $salt) (Werkzeug)',
    body: `[$m, $salt, $hex] = explode('$', $A['h'], 3); return hash_equals($hex, $salt === '' ? hash($m, $A['pw']) : hash_hmac($m, $A['pw'], $salt));`,
  },
  // MySQL 4.1+ PASSWORD(): '*' . HEX(SHA1(SHA1(pw))).
  mysql41: { name: "PHP '*'.strtoupper(sha1(sha1($pw, true))) (MySQL 4.1)", body: `return hash_equals($A['h'], '*' . strtoupper(sha1(sha1($A['pw'], true))));` },
  // PostgreSQL pg_md5_encrypt(password, role name): 'md5' . md5(pw . user).
  'postgres-md5': { name: "PHP 'md5'.md5($pw.$user) (PostgreSQL)", body: `return hash_equals($A['h'], 'md5' . md5($A['pw'] . $A['username']));` },
  // XenForo 1 Authentication_Core setData (unserialize) + authenticate: scripts/ref/platforms.php.
  xenforo1: { name: 'PHP unserialize + hash(hash($pw).$salt) (XenForo 1 pf_xenforo_check)', setup: PLATFORMS_PHP, body: `return pf_xenforo_check($A['pw'], $A['h']);` },
};
// nopCommerce EncryptionService.CreatePasswordHash: uppercase hex of HASH(UTF-8(pw + saltkey)).
for (const alg of ['md5', 'sha1', 'sha256', 'sha384', 'sha512']) {
  CHEAP_PHP[`nopcommerce-${alg}`] = {
    name: `PHP strtoupper(hash(${alg}, $pw.$salt)) (nopCommerce)`,
    alg,
    body: `return hash_equals($A['h'], strtoupper(hash($A['alg'], $A['pw'] . $A['salt'])));`,
  };
}
// RFC 2307 userPassword as OpenLDAP's slapd checks it (libraries/liblutil/passwd.c chk_ssha1 /
// chk_smd5, contrib passwd/sha2): base64-decode after the {TAG}, the digest is the first N bytes,
// the salt the rest, HASH(pw . salt) compared (memcmp) with the digest.
for (const [alg, tag] of [['sha512', 'SHA512'], ['sha384', 'SHA384'], ['sha256', 'SHA256'], ['sha1', 'SHA'], ['md5', 'MD5']]) {
  CHEAP_PHP[`ldap-salted-${alg}`] = {
    name: `PHP base64_decode + hash(${alg}, $pw.$salt) (LDAP {S${tag}})`,
    alg,
    body: `$raw = base64_decode(substr($A['h'], strpos($A['h'], '}') + 1)); $n = ${DIGEST_LEN[alg]};
      return hash_equals(substr($raw, 0, $n), hash($A['alg'], $A['pw'] . substr($raw, $n), true));`,
  };
  CHEAP_PHP[`ldap-${alg}`] = {
    name: `PHP base64_decode + hash(${alg}, $pw) (LDAP {${tag}})`,
    alg,
    body: `return hash_equals(base64_decode(substr($A['h'], strpos($A['h'], '}') + 1)), hash($A['alg'], $A['pw'], true));`,
  };
}
// {SHA}/{MD5} followed by hex instead of base64 (hex2bin: either case of hex).
for (const alg of ['sha1', 'md5']) {
  CHEAP_PHP[`ldap-hex-${alg}`] = {
    name: `PHP hex2bin + hash(${alg}, $pw) (LDAP hex)`,
    alg,
    body: `return hash_equals(hex2bin(substr($A['h'], strpos($A['h'], '}') + 1)), hash($A['alg'], $A['pw'], true));`,
  };
}

/**
 * The PHP check of a cheap scheme's stored string (CHEAP_PHP): { name, body, args, setup }, or
 * undefined when there is none. Exported for test/bench-references.test.ts.
 */
export function cheapPhpCheck(id, hash, pw, options) {
  const entry = CHEAP_PHP[id];
  const e = typeof entry === 'function' ? entry(hash, options) : entry;
  if (!e) return undefined;
  const str = (v) => (v === undefined ? '' : String(v));
  const args = { pw, h: hash, salt: str(options.salt), pepper: str(options.pepper), username: str(options.username), alg: e.alg ?? '' };
  return { name: e.name, body: e.body, args, setup: e.setup ?? '' };
}

/** Cheap schemes without a PHP check, and why (CHEAP_PHP). */
export const CHEAP_WITHOUT_PHP = Object.freeze({
  mysql323: "MySQL's own C scramble; a PHP userland port is no fast reference",
  'werkzeug-plain': 'a string comparison: nothing to compute',
});

/** The PHP reference of a cheap scheme, or undefined. */
function cheapPhpRef(id, hash, pw, options) {
  const c = cheapPhpCheck(id, hash, pw, options);
  return c && phpRef(c.name, c.body, c.args, c.setup);
}

/**
 * References computing the same work as verifying `hash` (same algorithm, same cost).
 * `options`: the case's verify options (salt, pepper, username) when `pw` is the password of
 * `hash`; undefined when it is not (export cases): the cheap PHP references run the platform's
 * check, which must return true, so they are left out then.
 */
export function referencesFor(cls, scheme, params, hash, pw, options) {
  const id = scheme.id;
  const refs = [];
  const php = Boolean(phpVersion());
  const pwBuf = Buffer.from(pw);
  switch (cls) {
    case 'phpass': {
      const rounds = Number(params.rounds);
      if (!php || !rounds) break;
      if (scheme.id === 'phpass') {
        refs.push(phpRef('PHP md5() loop (phpass crypt_private)', `return lh_phpass_crypt_private($A['pw'], $A['setting']) !== '*0';`, { pw, setting: hash.slice(0, 12) }));
      } else {
        refs.push(
          phpRef(
            'PHP hash(sha512) loop (Drupal _password_crypt)',
            `$count = $A['rounds']; $pw = $A['pw']; $hash = hash('sha512', 'Bench.01' . $pw, true);
             do { $hash = hash('sha512', $hash . $pw, true); } while (--$count);
             return strlen(lh_b64crypt($hash, 64)) > 0;`,
            { pw, rounds },
          ),
        );
      }
      break;
    }
    case 'md5crypt':
      if (php) refs.push(phpRef('PHP crypt() $1$', `return crypt($A['pw'], '$1$benchslt$') !== '*0';`, { pw }));
      break;
    case 'shacrypt': {
      const rounds = Number(params.rounds ?? 5000);
      const v = /512/.test(id) || /512/.test(String(params.inner)) ? '6' : '5';
      const setting = `$${v}$${rounds === 5000 ? '' : `rounds=${rounds}$`}benchsaltbenchsa$`;
      if (php) refs.push(phpRef(`PHP crypt() $${v}$`, `return strlen(crypt($A['pw'], $A['s'])) > 13;`, { pw, s: setting }));
      break;
    }
    case 'des':
      if (!php) break;
      if (id === 'des-crypt') refs.push(phpRef('PHP crypt() DES', `return strlen(crypt($A['pw'], 'ab')) === 13;`, { pw }));
      if (id === 'bsdi-crypt') refs.push(phpRef('PHP crypt() BSDi _', `return strlen(crypt($A['pw'], $A['s'])) === 20;`, { pw, s: hash.slice(0, 9) }));
      break;
    case 'bcrypt': {
      const cost = Number(params.cost);
      if (!cost) break;
      const native = nrBcrypt.hashSync(pw, { cost });
      // The same number of bcrypt computations as the verification: WCF 2's double bcrypt runs
      // two; so does a $2a$ hash with an 8-bit password (both historic readings are checked, see
      // the README's bcrypt table). The reference then runs the native bcrypt that many times.
      const runs = id === 'wcf2' || (/^\$2a\$/.test(hash) && /[^\x00-\x7f]/.test(pw)) ? 2 : 1;
      const times = runs === 2 ? ' ×2' : '';
      refs.push(nodeRef(`@node-rs/bcrypt verify${times}`, async () => {
        for (let i = 0; i < runs; i++) await nrBcrypt.verify(pw, native);
      }));
      if (php) {
        const body = runs === 2 ? `return password_verify($A['pw'], $A['h']) === password_verify($A['pw'], $A['h']);` : `return password_verify($A['pw'], $A['h']);`;
        refs.push(phpRef(`PHP password_verify${times}`, body, { pw, h: native.replace(/^\$2b\$/, '$2y$') }));
      }
      break;
    }
    case 'argon2': {
      const a = argonParams(id, params, hash);
      if (!a) break;
      const salt = Buffer.from('benchsaltbenchsa');
      const opts = { algorithm: ALG[a.type], memoryCost: a.m, timeCost: a.t, parallelism: a.p, outputLen: a.len, salt };
      refs.push(nodeRef('@node-rs/argon2 hashRaw', () => nrArgon2.hashRaw(pwBuf, opts)));
      if (php && a.type === 'argon2id' && a.p === 1) {
        refs.push(
          phpRef(
            'PHP sodium_crypto_pwhash',
            `return strlen(sodium_crypto_pwhash($A['len'], $A['pw'], 'benchsaltbenchsa', $A['t'], $A['m'] * 1024, SODIUM_CRYPTO_PWHASH_ALG_ARGON2ID13)) > 0;`,
            { pw, len: a.len, t: a.t, m: a.m },
          ),
        );
      }
      break;
    }
    case 'pbkdf2': {
      const iterations = Number(params.iterations);
      const prf = typeof params.prf === 'string' ? params.prf.replace(/^hmac-/, '') : undefined;
      const digest = params.digest ?? prf ?? (id === 'symfony-pbkdf2' ? 'sha512' : id === 'postgres-scram' ? 'sha256' : undefined);
      if (!iterations || !digest || !DIGEST_LEN[digest]) break;
      const keylen = Number(params.keyBytes) || (id === 'symfony-pbkdf2' ? 40 : DIGEST_LEN[digest]);
      const salt = Buffer.from('benchsaltbenchsa');
      refs.push(
        nodeRef(`node:crypto pbkdf2 (OpenSSL) ${digest}`, () => new Promise((res, rej) => pbkdf2(pwBuf, salt, iterations, keylen, digest, (e, k) => (e ? rej(e) : res(k))))),
      );
      break;
    }
    case 'scrypt': {
      if (!params.N) break;
      const salt = Buffer.from('benchsaltbenchsa');
      const o = { N: Number(params.N), r: Number(params.r ?? 8), p: Number(params.p ?? 1), maxmem: 1024 * 1024 * 1024 };
      const keylen = Number(params.keyBytes) || 32;
      refs.push(nodeRef('node:crypto scrypt (OpenSSL)', () => new Promise((res, rej) => scrypt(pwBuf, salt, keylen, o, (e, k) => (e ? rej(e) : res(k))))));
      break;
    }
    case 'cheap': {
      // The same digest through OpenSSL (Hash object + timingSafeEqual), for the simple layouts.
      const simple = { md5: 'md5', sha1: 'sha1', sha256: 'sha256', sha512: 'sha512' }[id];
      if (simple) {
        const expected = createHash(simple).update(pwBuf).digest();
        refs.push(nodeRef(`node:crypto createHash(${simple})`, async () => timingSafeEqual(createHash(simple).update(pwBuf).digest(), expected)));
      }
      if (id === 'magento1') {
        const [hex, salt] = hash.split(':');
        const alg = { 32: 'md5', 64: 'sha256', 128: 'sha512' }[hex.length];
        const expected = Buffer.from(hex, 'hex');
        const saltBuf = Buffer.from(salt);
        refs.push(nodeRef(`node:crypto createHash(${alg})`, async () => timingSafeEqual(createHash(alg).update(saltBuf).update(pwBuf).digest(), expected)));
      }
      // The platform's own check with PHP's C primitives (CHEAP_PHP).
      const ref = php && options ? cheapPhpRef(id, hash, pw, options) : undefined;
      if (ref) refs.push(ref);
      break;
    }
  }
  return refs;
}
