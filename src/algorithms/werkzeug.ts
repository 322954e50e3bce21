/**
 * Werkzeug (Flask) `generate_password_hash` layouts other than PBKDF2 (werkzeug-pbkdf2 is in
 * pbkdf2.ts). Format `method$salt$hash`, split with `split('$', 2)`; salt used as UTF-8 text.
 * Source: pallets/werkzeug werkzeug/security.py at 0.6.1 (_hash_internal: `plain`, HMAC keyed
 * with the salt, plain digest when the salt is empty), 0.9 - 2.2 (same for non-pbkdf2 methods),
 * 2.3 / 3.0 (scrypt added, default in 3.0; other methods deprecated then removed). formats.md §17.
 *
 * | scheme id        | stored                          | computation                                    |
 * |------------------|---------------------------------|------------------------------------------------|
 * | werkzeug-hmac    | sha1$salt$hex, md5$, sha256$... | HMAC-<hash>(key = salt, pw); empty salt: <hash>(pw) |
 * | werkzeug-plain   | plain$$password                 | the password itself (method='plain', ≤ 2.2)    |
 * | werkzeug-scrypt  | scrypt:N:r:p$salt$hex           | scrypt(pw, salt text, N, r, p, 64); `scrypt$` = 2^15, 8, 1 |
 *
 * `sha1$salt$hex` / `md5$salt$hex` collide with Django's salted digests (django.ts): both fit and
 * both are tried; Django ranks first (90 vs 85). Werkzeug salts are 8 [A-Za-z0-9] by default
 * (gen_salt(8), 16 from 2.0), Django ≤ 1.3 salts 5 hex digits.
 */
import { utf8 } from '../core/bytes.js';
import { digestProgram, keyedProgram, stagePassword, stageSpan, stageText } from '../core/chain.js';
import { digest, DIGEST_BYTES, hmac, type DigestName } from '../core/digest.js';
import { fromHex } from '../core/encoding.js';
import { defineScheme } from '../core/scheme.js';
import { malformed } from '../errors.js';
import type { ParsedHash, Scheme } from '../types.js';
import { checkScrypt, decimal, describeScrypt, SCRYPT_COSTS, SCRYPT_INLINE_COST, scryptCosts, scryptKdf, type ScryptParsed } from './scrypt.js';

// ---------- HMAC methods (0.6.1 - 2.x) ----------

interface HmacParsed extends ParsedHash {
  alg: DigestName;
  salt: string;
}

const HMAC_SHAPE = /^(md5|sha1|sha224|sha256|sha384|sha512)\$([^$]*)\$([0-9a-fA-F]+)$/;
const HMAC_METHODS: readonly DigestName[] = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'];
/** Per method: HMAC keyed with the salt (input 1) and the plain digest, for Scheme.check. */
const HMAC_PROGRAMS = new Map(
  HMAC_METHODS.map((alg) => [
    alg,
    {
      keyed: keyedProgram(alg),
      plain: digestProgram(alg, [0]),
    },
  ]),
);

export const werkzeugHmac = defineScheme<HmacParsed>({
  id: 'werkzeug-hmac',
  title: 'Werkzeug < 0.9 method$salt$hex: HMAC-<method> keyed with the salt (plain digest when unsalted)',
  family: 'werkzeug',
  platforms: [
    'Werkzeug 0.6.1-0.8 generate_password_hash default (sha1$<8 alnum>$HMAC-SHA1)',
    'Werkzeug 0.9-2.2 with method md5/sha1/sha224/sha256/sha384/sha512 (removed in 3.0)',
    'Flask apps of 2010-2012 (Flask-Login tutorials)',
  ],
  platformIds: ['werkzeug', 'flask', 'python'],
  example: { password: 'hashcat', hash: 'md5$84143$7f51edecfa6fb401a0b5e63d33fc8c0e' }, // hashcat 30000
  rank: 85,
  prefixes: HMAC_METHODS.map((m) => `${m}$`),
  // Method names are common words: claim only the whole method$salt$hex shape.
  recognize: (s) => HMAC_SHAPE.test(s),
  parse(s) {
    // `method$salt$hex` read by hand: what HMAC_SHAPE matches, without building a match (perf, issue #8).
    const first = s.indexOf('$');
    const second = s.indexOf('$', first + 1);
    const alg = s.slice(0, first) as DigestName;
    // The salt has no `$`; fromHex refuses anything but hex digits after the second one (a third `$` included).
    const expected = first > 0 && second > 0 && HMAC_METHODS.includes(alg) ? fromHex(s.slice(second + 1)) : null;
    if (!expected || expected.length !== DIGEST_BYTES[alg]) throw malformed('werkzeug-hmac', 'expected <method>$<salt>$<hex of the digest size>');
    return { alg, salt: s.slice(first + 1, second), expected };
  },
  // `if salt: hmac.new(salt, password, method) else hashlib.new(method, password)`.
  derive: (pw, p) => (p.salt === '' ? digest(p.alg, pw) : hmac(p.alg, utf8(p.salt), pw)),
  describe: (p) => ({ method: p.alg, saltLength: p.salt.length }),
  check(pw, s, _inputs, maxPasswordBytes) {
    const first = s.indexOf('$');
    const second = s.indexOf('$', first + 1);
    const programs = first > 0 ? HMAC_PROGRAMS.get(s.slice(0, first) as DigestName) : undefined;
    const program = second === first + 1 ? programs?.plain : programs?.keyed;
    // The module checks the hex digits and their count (a third `$` is not one).
    if (!program || second < 0 || !stageText(s) || !stagePassword(pw, maxPasswordBytes)) return undefined;
    if (second > first + 1) stageSpan(1, first + 1, second);
    return program.check('hex', second + 1, s.length);
  },
});

// ---------- plain$$password ----------

export const werkzeugPlain = defineScheme<ParsedHash>({
  id: 'werkzeug-plain',
  title: "Werkzeug method='plain': plain$<salt>$<password> (clear text)",
  family: 'werkzeug',
  platforms: ["Werkzeug 0.6.1-2.2 generate_password_hash(pw, method='plain') (deprecated 2.3, removed 3.0)"],
  platformIds: ['werkzeug', 'flask', 'python'],
  // Werkzeug 0.6.1 _hash_internal: `if method == 'plain': return password`.
  example: { password: 'hashcat', hash: 'plain$$hashcat' },
  rank: 100,
  prefixes: ['plain$'],
  recognize: (s) => s.startsWith('plain$'),
  parse(s) {
    const second = s.indexOf('$', 6);
    if (second < 0) throw malformed('werkzeug-plain', 'expected plain$<salt>$<password>');
    return { expected: utf8(s.slice(second + 1)) };
  },
  derive: (pw) => pw,
});

// ---------- scrypt:N:r:p$salt$hex (2.3+) ----------

const SCRYPT_SHAPE = /^scrypt(?::([0-9]+):([0-9]+):([0-9]+))?\$([^$]*)\$([0-9a-fA-F]+)$/;

export const werkzeugScrypt = defineScheme<ScryptParsed>({
  id: 'werkzeug-scrypt',
  title: 'Werkzeug scrypt:N:r:p$salt$hex (2.3+, default in 3.0)',
  family: 'werkzeug',
  platforms: ['Werkzeug 2.3+ method="scrypt", 3.0+ default scrypt:32768:8:1 (Flask, Airflow, Superset)'],
  platformIds: ['werkzeug', 'flask', 'airflow', 'superset', 'python'],
  // Werkzeug's _hash_internal formula with hashlib.scrypt at N=1024 (cheap; defaults in the vectors).
  example: {
    password: 'Pässword1!',
    hash: 'scrypt:1024:8:1$saltsaltsaltsalt$28e5335337195f6884291cfb6746f063c35acdd2a4494241aa32870583f37c52ee06ee64e975ecb44482c0c3a1193c5d3615c9d7e0dc1c1c31a392948b09db3a',
  },
  costs: SCRYPT_COSTS,
  rank: 100,
  prefixes: ['scrypt:', 'scrypt$'],
  recognize: (s) => s.startsWith('scrypt:') || s.startsWith('scrypt$') && SCRYPT_SHAPE.test(s),
  parse(s) {
    const m = SCRYPT_SHAPE.exec(s);
    if (!m) throw malformed('werkzeug-scrypt', 'expected scrypt:<N>:<r>:<p>$<salt>$<hex>');
    const [N, r, p] = m[1] === undefined ? [2 ** 15, 8, 1] : [decimal(m[1], 16), decimal(m[2]!), decimal(m[3]!)];
    const expected = fromHex(m[5]!);
    if (N === null || r === null || p === null) throw malformed('werkzeug-scrypt', 'invalid N, r or p');
    if (!expected || expected.length !== 64) throw malformed('werkzeug-scrypt', 'hash is not hex of 64 bytes');
    checkScrypt('werkzeug-scrypt', N, r, p);
    return { kdf: { N, r, p, salt: utf8(m[4]!), keyLength: 64 }, expected };
  },
  cost: (p) => scryptCosts(p.kdf),
  derive: (pw, p) => scryptKdf(pw, p.kdf),
  inlineCost: SCRYPT_INLINE_COST,
  describe: (p) => describeScrypt(p.kdf),
});

export const werkzeugSchemes: readonly Scheme[] = [werkzeugHmac, werkzeugPlain, werkzeugScrypt];
