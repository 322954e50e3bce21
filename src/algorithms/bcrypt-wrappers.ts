/**
 * bcrypt over a pre-hashed password. bcrypt itself is bcrypt.ts (parseBcrypt, deriveBcrypt,
 * bcryptNeedsWorker); these schemes only compute the key bytes the platform fed it.
 *
 * | scheme id               | stored                                      | bcrypt key                                   |
 * |-------------------------|---------------------------------------------|----------------------------------------------|
 * | passlib-bcrypt-sha256   | $bcrypt-sha256$2a,12$salt22$hash31 (v1)      | b64(sha256(pw))                              |
 * |                         | $bcrypt-sha256$v=2,t=2b,r=12$salt22$hash31   | b64(HMAC-SHA256(key = salt22 text, pw))      |
 * | django-bcrypt-sha256    | bcrypt_sha256$$2b$12$...                     | hex(sha256(pw)) (lower-case)                 |
 * | django-bcrypt           | bcrypt$$2b$12$...                            | pw                                           |
 * | bcrypt-md5/-sha1/-sha256/-sha512 | plain $2a$/$2y$ string              | hex(H(pw)) (lower-case): vBulletin 5 (md5), hashcat 25600/25800/28400 |
 *
 * Sources: passlib 1.7.4 passlib/handlers/bcrypt.py (bcrypt_sha256._calc_checksum, _v1/_v2 regexes);
 * django/django django/contrib/auth/hashers.py (BCryptSHA256PasswordHasher, BCryptPasswordHasher);
 * hashcat modes 25600, 25800, 28400; WoltLab Vb5Bcrypt (vBulletin 5). formats.md §D, §16.
 *
 * Detection of the hex pre-hash schemes (bcrypt-md5...): their strings are ordinary `$2a$`/`$2y$`
 * bcrypt, so shape says nothing. Trying them automatically would cost up to four extra bcrypt
 * computations on every failed login against any bcrypt hash (cost 10-12: 60-250 ms each), and
 * would accept `md5hex(pw)` typed as a password. So they are opt-in: a candidate only when
 * `options.params.bcryptPrehash` names the digest (`'md5'`, `'sha1'`, `'sha256'`, `'sha512'`);
 * otherwise their parse reports ERR_MISSING_INPUT (which detection ignores while plain bcrypt
 * fits). With the opt-in they rank above plain bcrypt (110), and plain bcrypt is still tried.
 */
import { latin1 } from '../core/bytes.js';
import { digest, hmac } from '../core/digest.js';
import { encodeBcrypt64, toBase64, toHexBytes } from '../core/encoding.js';
import { missingParam, stringParam } from '../core/params.js';
import { defineScheme } from '../core/scheme.js';
import { malformed } from '../errors.js';
import type { Scheme } from '../types.js';
import { BCRYPT_COSTS, BCRYPT_LAYOUT, bcryptNeedsWorker, deriveBcrypt, parseBcrypt, type BcryptParsed } from './bcrypt.js';

const bcryptCost = (p: BcryptParsed) => [{ limit: 'maxBcryptCost' as const, value: p.cost, name: 'cost' }];

// ---------- passlib bcrypt_sha256 ----------

interface PasslibBcryptSha256Parsed extends BcryptParsed {
  version: 1 | 2;
}

const PASSLIB_V2 = /^\$bcrypt-sha256\$v=([0-9]+),t=(2b),r=([0-9]{1,2})\$([^$]{22})\$([^$]{31})$/;
const PASSLIB_V1 = /^\$bcrypt-sha256\$(2[ab]),([0-9]{1,2})\$([^$]{22})\$([^$]{31})$/;

export function passlibBcryptSha256Key(password: Uint8Array, p: PasslibBcryptSha256Parsed): Uint8Array {
  const d = p.version === 1 ? digest('sha256', password) : hmac('sha256', latin1(p.salt22), password);
  return latin1(toBase64(d)); // 44 ASCII chars: no NUL, under 72 bytes
}

export const passlibBcryptSha256 = defineScheme<PasslibBcryptSha256Parsed>({
  id: 'passlib-bcrypt-sha256',
  title: 'passlib $bcrypt-sha256$ v1 (bcrypt of b64(sha256)) and v2 (bcrypt of b64(HMAC-SHA256 keyed by the salt))',
  family: 'bcrypt-wrappers',
  platforms: ['passlib 1.6.2-1.7.2 bcrypt_sha256 ($bcrypt-sha256$2a,12$...)', 'passlib 1.7.3+ bcrypt_sha256 ($bcrypt-sha256$v=2,t=2b,r=12$...)'],
  platformIds: ['passlib', 'python', 'flask-security', 'generic'],
  // formats.md §D [V-gen], passlib 1.7.4.
  example: { password: 'Pässword1!', hash: '$bcrypt-sha256$v=2,t=2b,r=12$abcdefghijklmnopqrstuu$pazD5A1m3uApSfe/jHIkCqv4WHNUvBK' },
  costs: BCRYPT_COSTS,
  rank: 100,
  prefixes: ['$bcrypt-sha256$'],
  recognize: (s) => s.startsWith('$bcrypt-sha256$'),
  parse(s) {
    let version: 1 | 2;
    let ident: string;
    let rounds: string;
    let salt22: string;
    let hash31: string;
    const v2 = PASSLIB_V2.exec(s);
    const v1 = v2 ? null : PASSLIB_V1.exec(s);
    if (v2) {
      if (v2[1] !== '2') throw malformed('passlib-bcrypt-sha256', 'unsupported version');
      [version, ident, rounds, salt22, hash31] = [2, v2[2]!, v2[3]!, v2[4]!, v2[5]!];
    } else if (v1) {
      [version, ident, rounds, salt22, hash31] = [1, v1[1]!, v1[2]!, v1[3]!, v1[4]!];
    } else {
      throw malformed('passlib-bcrypt-sha256', 'expected the v=2 layout (v=2,t=2b,r=<cost>) or v1 (<2a|2b>,<cost>), then 22 salt and 31 hash chars');
    }
    if (rounds.length === 2 && rounds[0] === '0') throw malformed('passlib-bcrypt-sha256', 'zero-padded rounds');
    let p = parseBcrypt('passlib-bcrypt-sha256', `$${ident}$${rounds.padStart(2, '0')}$${salt22}${hash31}`);
    if (!p.canonical) {
      // v2 refuses such a salt (ValueError); v1 repairs the padding bits (with a warning) and
      // hashes with the repaired salt, which has the same salt bytes.
      if (version === 2) throw malformed('passlib-bcrypt-sha256', 'salt has padding bits set');
      p = parseBcrypt('passlib-bcrypt-sha256', `$${ident}$${rounds.padStart(2, '0')}$${encodeBcrypt64(p.salt)}${hash31}`);
    }
    // parseBcrypt's result is fresh: extended in place (same keys, same order as a spread copy).
    const parsed = p as PasslibBcryptSha256Parsed;
    parsed.version = version;
    return parsed;
  },
  cost: bcryptCost,
  offload: (p, pw, inputs) => bcryptNeedsWorker(p, passlibBcryptSha256Key(pw, p), inputs),
  derive: (pw, p) => deriveBcrypt(passlibBcryptSha256Key(pw, p), p),
  describe: (p) => ({ version: p.version, ident: p.ident, cost: p.cost }),
});

// ---------- Django bcrypt_sha256$ and bcrypt$ ----------

export function djangoBcryptSha256Key(password: Uint8Array): Uint8Array {
  return toHexBytes(digest('sha256', password)); // binascii.hexlify: lower-case
}

export const djangoBcryptSha256 = defineScheme<BcryptParsed>({
  id: 'django-bcrypt-sha256',
  title: 'Django bcrypt_sha256$<bcrypt of hex(sha256(pw))>',
  family: 'bcrypt-wrappers',
  platforms: ['Django 1.6+ BCryptSHA256PasswordHasher ($2a$ with py-bcrypt, $2b$ with pyca/bcrypt)'],
  platformIds: ['django', 'wagtail', 'saleor', 'python'],
  // formats.md §16 [V-gen] (Django's formula with pyca/bcrypt; passlib django_bcrypt_sha256 agrees).
  example: { password: 'Pässword1!', hash: 'bcrypt_sha256$$2b$12$abcdefghijklmnopqrstuuhYwv9z9IANTcEnPMOqwosbefdlet/0K' },
  costs: BCRYPT_COSTS,
  rank: 100,
  prefixes: ['bcrypt_sha256$'],
  recognize: (s) => s.startsWith('bcrypt_sha256$'),
  parse: (s) => parseBcrypt('django-bcrypt-sha256', s.slice(14)),
  cost: bcryptCost,
  offload: (p, pw, inputs) => bcryptNeedsWorker(p, djangoBcryptSha256Key(pw), inputs),
  derive: (pw, p) => deriveBcrypt(djangoBcryptSha256Key(pw), p),
  describe: (p) => ({ ident: p.ident, cost: p.cost }),
});

export const djangoBcrypt = defineScheme<BcryptParsed>({
  id: 'django-bcrypt',
  title: 'Django bcrypt$<bcrypt of the password>',
  family: 'bcrypt-wrappers',
  platforms: ['Django 1.4+ BCryptPasswordHasher (72-byte limit)'],
  platformIds: ['django', 'wagtail', 'saleor', 'python'],
  // formats.md §16 [V-gen] (pyca/bcrypt; passlib django_bcrypt agrees).
  example: { password: 'Pässword1!', hash: 'bcrypt$$2b$12$abcdefghijklmnopqrstuu13BcWEPU2i2K3i3K8cTWLLTK0IeO09K' },
  costs: BCRYPT_COSTS,
  rank: 100,
  prefixes: ['bcrypt$'],
  recognize: (s) => s.startsWith('bcrypt$'),
  parse: (s) => parseBcrypt('django-bcrypt', s.slice(7)),
  cost: bcryptCost,
  offload: (p, pw, inputs) => bcryptNeedsWorker(p, pw, inputs),
  derive: (pw, p, inputs) => deriveBcrypt(pw, p, inputs),
  describe: (p) => ({ ident: p.ident, cost: p.cost }),
});

// ---------- bcrypt(hex(H(pw))): opt-in ----------

type PrehashAlg = 'md5' | 'sha1' | 'sha256' | 'sha512';

function hexPrehash(alg: PrehashAlg, platforms: string[], platformIds: string[], example: { password: string; hash: string }): Scheme<BcryptParsed> {
  const id = `bcrypt-${alg}`;
  const key = (pw: Uint8Array) => toHexBytes(digest(alg, pw));
  return defineScheme<BcryptParsed>({
    id,
    title: `bcrypt of hex(${alg}(pw)) (plain $2a$/$2y$ string; opt-in: params.bcryptPrehash = '${alg}')`,
    family: 'bcrypt-wrappers',
    platforms,
    platformIds,
    example: { ...example, options: { params: { bcryptPrehash: alg } } },
    costs: BCRYPT_COSTS,
    rank: 110,
    prefixes: ['$2'],
    // Opted in, its parse is parseBcrypt's: detection shares one parse with bcrypt.
    shape: BCRYPT_LAYOUT,
    recognize: (s) => s.startsWith('$2'),
    // Detection skips it unless opted in (parse below refuses every other value).
    optIn: (inputs) => inputs.params?.['bcryptPrehash'] === alg,
    parse(s, inputs) {
      const want = stringParam(inputs, id, 'bcryptPrehash');
      if (want !== alg) throw missingParam(id, 'bcryptPrehash', `set it to '${alg}': a plain bcrypt string does not say it was pre-hashed`);
      return parseBcrypt(id, s);
    },
    cost: bcryptCost,
    offload: (p, pw, inputs) => bcryptNeedsWorker(p, key(pw), inputs),
    derive: (pw, p) => deriveBcrypt(key(pw), p),
    describe: (p) => ({ ident: p.ident, cost: p.cost, prehash: `${alg}-hex` }),
  });
}

export const bcryptMd5 = hexPrehash(
  'md5',
  ['vBulletin 5 (bcrypt of the md5 hex the login form computes)', 'hashcat 25600 bcrypt(md5($pass))'],
  ['vbulletin', 'hashcat', 'generic'],
  { password: 'hashcat', hash: '$2a$05$/VT2Xs2dMd8GJKfrXhjYP.DkTjOVrY12yDN7/6I8ZV0q/1lEohLru' }, // hashcat 25600
);
export const bcryptSha1 = hexPrehash('sha1', ['hashcat 25800 bcrypt(sha1($pass))', 'custom PHP migrations password_hash(sha1($pw))'], ['hashcat', 'generic'], {
  password: 'hashcat',
  hash: '$2a$05$Uo385Fa0g86uUXHwZxB90.qMMdRFExaXePGka4WGFv.86I45AEjmO', // hashcat 25800
});
// pyca/bcrypt hashpw(hashlib.sha256(b"hashcat").hexdigest().encode(), b"$2b$05$abcdefghijklmnopqrstuu")
export const bcryptSha256 = hexPrehash('sha256', ['custom migrations password_hash(hash("sha256", $pw))'], ['generic'], {
  password: 'hashcat',
  hash: '$2b$05$abcdefghijklmnopqrstuuXojukcZLyM9RHPLCd7SbZJTp8dfwSu6',
});
export const bcryptSha512 = hexPrehash('sha512', ['hashcat 28400 bcrypt(sha512($pass))', 'custom migrations password_hash(hash("sha512", $pw))'], ['hashcat', 'generic'], {
  password: 'hashcat',
  hash: '$2b$05$abcdefghijklmnopqrstuu3Gn2xrRZqqKE4bXXjWkwtm9nI71TAX6', // pyca/bcrypt, as for sha256 (the hashcat 28400 example, cost 12, is in the vectors)
});

export const bcryptWrapperSchemes: readonly Scheme[] = [
  passlibBcryptSha256,
  djangoBcryptSha256,
  djangoBcrypt,
  bcryptMd5,
  bcryptSha1,
  bcryptSha256,
  bcryptSha512,
];
