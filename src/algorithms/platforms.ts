/**
 * Shop and framework salted digests. Most are formula schemes (src/formula/); the few with
 * platform logic a formula cannot say (Symfony's salt merge, PBKDF2, Devise's peppered bcrypt)
 * are small custom schemes. Sources are cited per scheme; formats.md §4-§10, §14.
 */
import { concatBytes, utf8 } from '../core/bytes.js';
import { pbkdf2Async } from '../core/digest.js';
import { fromBase64 } from '../core/encoding.js';
import { defineScheme } from '../core/scheme.js';
import { malformed } from '../errors.js';
import { compileFormula } from '../formula/compile.js';
import { defineFormulaScheme } from '../formula/scheme.js';
import type { ParsedHash, Scheme, SchemeInputs } from '../types.js';
import { BASE64_FIRST_CHARS } from './pbkdf2.js';
import { bcryptNeedsWorker, BCRYPT_COSTS, BCRYPT_LAYOUT, deriveBcrypt, parseBcrypt, type BcryptParsed } from './bcrypt.js';

// ---------- PrestaShop 1.0-1.6: md5(_COOKIE_KEY_ . pw) ----------
// classes/Tools.php encrypt(); 1.7+ Hashing::checkHash keeps this as its fallback (formats.md §4).
export const prestashop = defineFormulaScheme({
  id: 'prestashop',
  title: 'PrestaShop 1.0-1.6 md5(_COOKIE_KEY_ . password) (pepper = _COOKIE_KEY_)',
  family: 'platforms',
  formula: 'md5(pepper . password)',
  platforms: ['PrestaShop 1.0-1.6 (and 1.7+ fallback for old hashes)'],
  platformIds: ['prestashop'],
  example: {
    password: 'hashcat',
    hash: 'f22cade043e7214200206dbffca49fd9',
    options: { pepper: '27167508161455764247627144160038845437138252877014827848' },
  }, // hashcat 11000
  rank: 50,
});

// ---------- OpenCart ----------
// opencart/opencart (read at every tag 1.5.5.1 .. 4.1.0.4 and commits 86b36604cb, 1bc8e69f6e,
// 03c7f1d153): the login SQL compares SHA1(CONCAT(salt, SHA1(CONCAT(salt, SHA1(pw))))) OR md5(pw),
// where pw is $this->request->post['password'], cleaned by Request::clean():
//   1.4.0-1.5.x, 2.0.1.0-3.0.4.x  htmlspecialchars($v, ENT_COMPAT, 'UTF-8')
//   2.0.0.0                       htmlspecialchars(trim($v), ENT_COMPAT, 'UTF-8')
//   3.0.5.0+, 4.x                 trim(htmlspecialchars($v, ENT_COMPAT, 'UTF-8'))
// and 4.x (cart/customer.php login) checks the legacy hashes with html_entity_decode() of that,
// i.e. the trimmed raw password. Each of these readings is tried. (1.2-1.3.x used ENT_QUOTES;
// only md5 hashes date from then and they are not read here.)
const OC_READINGS = ['html_escape(password)', 'html_escape(trim(password))', 'trim(password)'];

export const opencart = defineFormulaScheme({
  id: 'opencart',
  title: 'OpenCart 1.5.4-3.x sha1(salt . sha1(salt . sha1(htmlspecialchars(password)))), salt column',
  family: 'platforms',
  formula: OC_READINGS.map((pw) => `sha1(salt . sha1(salt . sha1(${pw})))`),
  platforms: ['OpenCart 1.5.4-3.0.x (9-char salt column; password HTML-escaped by Request::clean)', 'OpenCart 4.x legacy check'],
  platformIds: ['opencart'],
  example: { password: 'hashcat', hash: '058c1c3773340c8563421e2b17e60eb7c916787e', options: { salt: '827500576' } }, // hashcat 13900
  rank: 50,
});

export const opencartMd5 = defineFormulaScheme({
  id: 'opencart-md5',
  title: 'OpenCart <= 1.5.3 md5(htmlspecialchars(password))',
  family: 'platforms',
  // md5 of the raw password is the `md5` scheme; these are the escaped (and 4.x trimmed) readings.
  formula: OC_READINGS.map((pw) => `md5(${pw})`),
  platforms: ['OpenCart 1.4-1.5.3 (md5 of the HTML-escaped password; still accepted by 1.5.4-4.x)'],
  platformIds: ['opencart'],
  example: { password: 'a&b"c<d>e\'f', hash: '4570583557f9a2098e6a68442b29a3c1' }, // PHP 8.2 md5(htmlspecialchars(..., ENT_COMPAT, 'UTF-8'))
  rank: 20,
});

// ---------- Shopware 5 / 6 ----------
// shopware5/shopware engine/Shopware/Components/Password/Encoder/{Md5,Sha256,LegacyBackendMd5}.php;
// shopware/shopware src/Core/Checkout/Customer/Password/LegacyEncoder/{Md5,Sha256}.php (same logic).
export const shopwareSha256 = defineFormulaScheme({
  id: 'shopware-sha256',
  title: 'Shopware 4.1-6 sha256 encoder iterations:salt:hash (iterations + 1 rounds)',
  family: 'platforms',
  // generateInternal: $hash = ''; for ($i = 0; $i <= $iterations; $i++) $hash = hash('sha256', $hash . $password . $salt);
  formula: 'repeat(rounds + 1, sha256($prev . password . salt))',
  layout: '{rounds}:{salt}:{hash}',
  platforms: ['Shopware 4.1-5.7 `sha256` encoder (default 1000 iterations, 22-char salt)', 'Shopware 6 legacy encoder Sha256'],
  platformIds: ['shopware'],
  example: {
    password: 'Pässword1!',
    hash: '1000:abcdefghijklmnopqrstuv:52535542be2ae8c982b4f664e0c45db08bdc66f1e8b97d49759a3a88ba8d8a81',
  }, // formats.md §6 [V-gen], PHP 8.2 and Shopware's own encoder
  rank: 95,
  offload: true,
});

export const shopwareLegacyBackendMd5 = defineFormulaScheme({
  id: 'shopware-legacy-backend-md5',
  title: 'Shopware <= 4.0 backend md5(static salt . md5(password))',
  family: 'platforms',
  formula: "md5('A9ASD:_AD!_=%a8nx0asssblPlasS$' . md5(password))",
  platforms: ['Shopware <= 4.0 backend users (encoder LegacyBackendMd5)'],
  platformIds: ['shopware'],
  example: { password: 'Pässword1!', hash: 'd9ef2f3d3921ecf14c1237c5f6882844' }, // formats.md §6 [V-gen], PHP 8.2
  rank: 15,
});

// ---------- Joomla (and Shopware md5 with salt: the same formula and layout) ----------
// joomla/joomla-cms libraries/joomla/user/helper.php (getCryptedPassword 'md5-hex', verifyPassword);
// Shopware Md5::isPasswordValid: list($md5, $salt) = explode(':', $hash); md5($password . $salt).
export const joomlaMd5 = defineFormulaScheme({
  id: 'joomla-md5',
  title: 'Joomla 1.5-2.5.17 / Shopware md5(password . salt):salt',
  family: 'platforms',
  formula: 'md5(password . salt)',
  layout: '{hash}:{salt}',
  platforms: ['Joomla 1.5-2.5.17 (32-char salt)', 'Shopware 4.1-6 `md5` encoder with salt (legacy imports)'],
  platformIds: ['joomla', 'shopware'],
  example: { password: 'hashcat', hash: 'b78f863f2c67410c41e617f724e22f34:89384528665349271307465505333378' }, // hashcat 11
  rank: 85,
});

export const joomlaSha256 = defineFormulaScheme({
  id: 'joomla-sha256',
  title: 'Joomla 3.2.0 {SHA256}sha256(password . salt):salt',
  family: 'platforms',
  formula: 'sha256(password . salt)',
  layout: '{SHA256}{hash}:{salt}',
  platforms: ['Joomla 3.2.0 on PHP < 5.5'],
  platformIds: ['joomla'],
  example: { password: 'Pässword1!', hash: '{SHA256}aa1839091460864e4f5fd6e604f796fa9066808e4447a7aa90fba6b89c150399:Jo0mlaSaltSixteen' }, // formats.md §14 [V-gen]
});

// ---------- nopCommerce: UPPERHEX(H(UTF8(password + saltkey))) ----------
// nopSolutions/nopCommerce Nop.Services/Security/EncryptionService.cs CreatePasswordHash and
// Nop.Core/HashHelper.cs (BitConverter.ToString -> upper-case hex). nopCommerce only ever wrote
// UPPER hex, so only UPPER hex is read as nopCommerce (that is what tells it from sha1 & co.).
const NOP_EXAMPLES: Record<string, string> = {
  sha1: 'FA99373981313C21DBBC9C2CD0436F34B3610210',
  sha512:
    '4020A51489EA68B4B45D350D2ADF936AC4B6EDBB5FFD4AA5179A6690BD42F49C3AD5D52D565000B4E02ECD9CC72EC6E819DB32478518BFCF487984F702603BF9',
  // PHP 8.2 strtoupper(hash(alg, 'Pässword1!' . 'n0PsAlT=')), scripts/vectors/platforms.php:
  md5: '0C02097B3618E3C4438A5E2B254D7018',
  sha256: 'DEE5B485322921DD0AC233F1EBABAB9DE4D1197CB3FC2D743BA4126326B148F6',
  sha384: 'CCFF990C2D57D65A6CEAEBFF83896799317B05A58FA33CA26674F54B61A02DFD32F2473F1243F300E37E535F86B5CDC5',
};

function nop(alg: 'md5' | 'sha1' | 'sha256' | 'sha384' | 'sha512'): Scheme {
  return defineFormulaScheme({
    id: `nopcommerce-${alg}`,
    title: `nopCommerce ${alg.toUpperCase()} UPPERHEX(${alg}(password . saltkey)), salt column`,
    family: 'platforms',
    formula: `upper(${alg}(password . salt))`,
    hexCase: 'upper',
    platforms: [`nopCommerce 2.x-4.x (HashedPasswordFormat ${alg.toUpperCase()}; PasswordSalt column)`],
    platformIds: ['nopcommerce'],
    example: { password: 'Pässword1!', hash: NOP_EXAMPLES[alg]!, options: { salt: 'n0PsAlT=' } },
    rank: 60,
  });
}

// ---------- Symfony / Sylius MessageDigestPasswordHasher ----------
// symfony/symfony src/Symfony/Component/PasswordHasher/Hasher/MessageDigestPasswordHasher.php:
// salted = $salt ? pw . '{' . salt . '}' : pw ('' and '0' are falsy in PHP); digest = H(salted);
// iterations-1 times digest = H(digest . salted); base64. A salt with { or } throws (no match).
// Starting the loop from '' gives H('' . salted) = H(salted) for the first round.
const SYMFONY_SALTED = compileFormula("base64(repeat(rounds, sha512_raw($prev . password . '{' . salt . '}')))");
const SYMFONY_PLAIN = compileFormula('base64(repeat(rounds, sha512_raw($prev . password)))');
const SYMFONY_SHAPE = /^[A-Za-z0-9+/]{86}==$/;

interface RoundsParsed extends ParsedHash {
  rounds: number;
}

function intParam(inputs: SchemeInputs, key: string, dflt: number, scheme: string): number {
  const v = inputs.params?.[key];
  if (v === undefined) return dflt;
  const n = typeof v === 'number' ? v : /^[0-9]{1,10}$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < 1) throw malformed(scheme, `params.${key} must be a positive integer`);
  return n;
}

export const symfonyMessageDigest = defineScheme<RoundsParsed>({
  id: 'symfony-message-digest',
  title: 'Symfony / Sylius MessageDigestPasswordHasher (sha512, 5000 iterations, base64)',
  family: 'platforms',
  platforms: ['Symfony 2-7 MessageDigestPasswordEncoder/Hasher defaults', 'Sylius (sha512 encoder, salt column)'],
  platformIds: ['symfony', 'sylius'],
  example: {
    password: 'Pässword1!',
    hash: 'WG7Hx1KvxDseOjxniQBonKV2yGxx+SqH9PA/IToXNQTz4wy2k4kPJzLsnDf5rMaP+H84S4WI6LddsX+H2dW+SA==',
    options: { salt: 'k2x9s8c7t1' },
  }, // formats.md §8 [V-gen], PHP 8.2
  costs: [{ name: 'rounds', default: 5000, min: 1, max: 2 ** 31, limit: 'maxRounds' }],
  uses: ['salt'],
  rank: 40,
  offload: true,
  prefixes: BASE64_FIRST_CHARS,
  shape: { length: 88, chars: 'A-Za-z0-9+/=' },
  recognize: (s) => SYMFONY_SHAPE.test(s),
  parse(s, inputs) {
    const expected = fromBase64(s);
    if (!expected || expected.length !== 64) throw malformed('symfony-message-digest', 'expected base64 of 64 bytes');
    return { expected, rounds: intParam(inputs, 'iterations', 5000, 'symfony-message-digest') };
  },
  cost: (p) => [{ limit: 'maxRounds', value: p.rounds, name: 'rounds' }],
  derive(pw, p, inputs) {
    const salt = inputs.salt ?? '';
    if (/[{}]/.test(salt)) return []; // mergePasswordAndSalt throws: nothing can match
    const f = salt === '' || salt === '0' ? SYMFONY_PLAIN : SYMFONY_SALTED;
    return f.compared({ password: pw, salt: utf8(salt), pepper: new Uint8Array(0), username: new Uint8Array(0), rounds: p.rounds });
  },
  describe: (p) => ({ rounds: p.rounds }),
});

// Pbkdf2PasswordHasher: base64(hash_pbkdf2('sha512', pw, salt, 1000, 40, true)) (same file set).
const SYMFONY_PBKDF2_SHAPE = /^[A-Za-z0-9+/]{54}==$/;

export const symfonyPbkdf2 = defineScheme<RoundsParsed>({
  id: 'symfony-pbkdf2',
  title: 'Symfony Pbkdf2PasswordHasher (PBKDF2-SHA512, 1000 iterations, 40 bytes, base64)',
  family: 'platforms',
  platforms: ['Symfony 2-7 Pbkdf2PasswordEncoder/Hasher defaults'],
  platformIds: ['symfony', 'sylius'],
  example: { password: 'Pässword1!', hash: 'Ng1IXcT5lLkyLTudLRw2D0tT+bCjjm9usj5fMjjGyyDk8lgzUw8BHw==', options: { salt: 'k2x9s8c7t1' } }, // formats.md §8 [V-gen]
  costs: [{ name: 'iterations', default: 1000, min: 1, max: 2 ** 31, limit: 'maxPbkdf2Iterations' }],
  uses: ['salt'],
  rank: 40,
  prefixes: BASE64_FIRST_CHARS,
  shape: { length: 56, chars: 'A-Za-z0-9+/=' },
  recognize: (s) => SYMFONY_PBKDF2_SHAPE.test(s),
  parse(s, inputs) {
    const expected = fromBase64(s);
    if (!expected || expected.length !== 40) throw malformed('symfony-pbkdf2', 'expected base64 of 40 bytes');
    return { expected, rounds: intParam(inputs, 'iterations', 1000, 'symfony-pbkdf2') };
  },
  cost: (p) => [{ limit: 'maxPbkdf2Iterations', value: p.rounds, name: 'iterations' }],
  derive: (pw, p, inputs) => pbkdf2Async('sha512', pw, utf8(inputs.salt ?? ''), p.rounds, 40),
  describe: (p) => ({ iterations: p.rounds }),
});

// ---------- Ruby: Authlogic / Spree, devise-encryptable, Devise ----------
// binarylogic/authlogic lib/authlogic/crypto_providers/sha512.rb; heartcombo/devise-encryptable
// lib/devise/encryptable/encryptors/{authlogic_sha512,sha512,sha1,restful_authentication_sha1,clearance_sha1}.rb.
// Stretches are configuration (Devise `config.stretches`), not stored: `params.stretches`.
export const authlogicSha512 = defineFormulaScheme({
  id: 'authlogic-sha512',
  title: 'Authlogic / Spree SHA-512: 20 x sha512hex, starting from password . salt',
  family: 'platforms',
  formula: 'repeat(rounds, password . salt, sha512($prev))',
  rounds: 20,
  roundsParam: 'stretches',
  platforms: ['Spree (spree_auth_devise, authlogic_sha512, 20 stretches)', 'Authlogic Sha512 (pre-SCrypt default)', 'devise-encryptable authlogic_sha512'],
  platformIds: ['spree', 'authlogic', 'devise'],
  example: {
    password: '123mudar',
    hash: 'b623c3bc9c775b0eb8edb218a382453396fec4146422853e66ecc4b6bc32d7162ee42074dcb5f180a770dc38b5df15812f09bbf497a4a1b95fe5e7d2b8eb7eb4',
    options: { salt: 'usZK_z_EAaF61Gwkw-ed' },
  }, // devise-encryptable test/devise/encryptable/encryptors_test.rb
  rank: 50,
});

function deviseJoin(alg: 'sha1' | 'sha512'): string {
  // secure_digest(salt, digest, password, pepper) = H('--' . [tokens].join('--') . '--')
  return `repeat(rounds, pepper, ${alg}('--' . salt . '--' . $prev . '--' . password . '--' . pepper . '--'))`;
}

// PHP 8.2 ports in scripts/vectors/platforms.php (no published vectors for these two).
export const deviseSha512 = defineFormulaScheme({
  id: 'devise-sha512',
  title: "devise-encryptable sha512: stretches x sha512hex('--' salt--digest--password--pepper '--')",
  family: 'platforms',
  formula: deviseJoin('sha512'),
  rounds: 10,
  roundsParam: 'stretches',
  uses: ['pepper'],
  platforms: ['devise-encryptable :sha512 (stretches from Devise config, default 10)'],
  platformIds: ['devise'],
  example: {
    password: 'Pässword1!',
    hash: '635f55830ea25f494221152cbf1198635e1ed748db070512d5ce25987c9d2243696b23fa65711128c0acf8d742dc4f9396c1749171def88561a99cb068e31c89',
    options: { salt: 'abcdefghijklmnopqrst' },
  },
  rank: 35,
});

export const deviseSha1 = defineFormulaScheme({
  id: 'devise-sha1',
  title: "devise-encryptable sha1: stretches x sha1hex('--' salt--digest--password--pepper '--')",
  family: 'platforms',
  formula: deviseJoin('sha1'),
  rounds: 10,
  roundsParam: 'stretches',
  uses: ['pepper'],
  platforms: ['devise-encryptable :sha1 (stretches from Devise config, default 10)'],
  platformIds: ['devise'],
  example: { password: 'Pässword1!', hash: 'a847d1c7b34a4e5df2eb7eee39f69dede9449969', options: { salt: 'abcdefghijklmnopqrst' } },
  rank: 35,
});

export const restfulAuthenticationSha1 = defineFormulaScheme({
  id: 'restful-authentication-sha1',
  title: "restful_authentication SHA-1: stretches x sha1hex(digest--salt--password--site key)",
  family: 'platforms',
  formula: "repeat(rounds, pepper, sha1($prev . '--' . salt . '--' . password . '--' . pepper))",
  rounds: 10,
  roundsParam: 'stretches',
  uses: ['pepper'],
  platforms: ['restful_authentication (REST_AUTH_SITE_KEY = pepper, 10 stretches)', 'devise-encryptable restful_authentication_sha1'],
  platformIds: ['devise', 'restful-authentication'],
  example: {
    password: '123mudar',
    hash: '93110f71309ce91366375ea44e2a6f5cc73fa8d4',
    options: { salt: '48901d2b247a54088acb7f8ea3e695e50fe6791b', pepper: 'fee9a51ec0a28d11be380ca6dee6b4b760c1a3bf' },
  }, // devise-encryptable encryptors_test.rb
  rank: 40,
});

export const clearanceSha1 = defineFormulaScheme({
  id: 'clearance-sha1',
  title: "Clearance SHA-1 sha1hex('--salt--password--')",
  family: 'platforms',
  formula: "sha1('--' . salt . '--' . password . '--')",
  platforms: ['Clearance < 0.10 (thoughtbot)', 'devise-encryptable clearance_sha1'],
  platformIds: ['devise', 'clearance'],
  example: { password: '123mudar', hash: '0f40bbae18ddefd7066276c3ef209d40729b0378', options: { salt: '65c58472c207c829f28c68619d3e3aefed18ab3f' } }, // devise-encryptable tests
  rank: 40,
});

// Devise core: BCrypt::Password.create("#{password}#{pepper}") (heartcombo/devise lib/devise/encryptor.rb).
export const deviseBcrypt = defineScheme<BcryptParsed>({
  id: 'devise-bcrypt',
  title: 'Devise bcrypt of password . pepper (config.pepper)',
  family: 'platforms',
  platforms: ['Devise 1.x+ with config.pepper set (Spree, Solidus, Rails apps)'],
  platformIds: ['devise', 'rails', 'spree'],
  example: { password: 'Pässword1!', hash: '$2a$10$abcdefghijklmnopqrstuuqeG5Sc8bqw.2a.SdYTh0/7eRpoXhiIG', options: { pepper: 'pepp3r' } }, // formats.md §9 [V-gen]
  costs: BCRYPT_COSTS,
  needs: ['pepper'],
  rank: 90,
  prefixes: ['$2'],
  shape: BCRYPT_LAYOUT,
  recognize: (s) => s.startsWith('$2'),
  parse: (s) => parseBcrypt('devise-bcrypt', s),
  cost: (p) => [{ limit: 'maxBcryptCost', value: p.cost, name: 'cost' }],
  // Route on the real bcrypt key (password . pepper): its length and bytes decide the modes.
  offload: (p, pw, inputs) => bcryptNeedsWorker(p, concatBytes(pw, inputs?.pepper ?? new Uint8Array(0)), inputs),
  derive: (pw, p, inputs) => deriveBcrypt(concatBytes(pw, inputs.pepper ?? new Uint8Array(0)), p, inputs),
  describe: (p) => ({ ident: p.ident, cost: p.cost }),
});

export const platformSchemes: readonly Scheme[] = [
  shopwareSha256,
  joomlaSha256,
  joomlaMd5,
  symfonyMessageDigest,
  symfonyPbkdf2,
  deviseBcrypt,
  prestashop,
  opencart,
  authlogicSha512,
  nop('sha1'),
  nop('sha512'),
  nop('sha256'),
  nop('sha384'),
  nop('md5'),
  restfulAuthenticationSha1,
  clearanceSha1,
  deviseSha512,
  deviseSha1,
  opencartMd5,
  shopwareLegacyBackendMd5,
];
