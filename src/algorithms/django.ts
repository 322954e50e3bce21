/**
 * Django's hashers that are not PBKDF2 or bcrypt (those are django-pbkdf2 in pbkdf2.ts and
 * django-bcrypt / django-bcrypt-sha256 in bcrypt-wrappers.ts).
 * Source: django/django django/contrib/auth/hashers.py (1.4 @0317edf0, 3.2, 4.x/5.x:
 * SHA1PasswordHasher, MD5PasswordHasher, UnsaltedSHA1PasswordHasher, UnsaltedMD5PasswordHasher,
 * CryptPasswordHasher, Argon2PasswordHasher, ScryptPasswordHasher, identify_hasher); ≤ 1.3
 * django/contrib/auth/models.py get_hexdigest. formats.md §16.
 *
 * | scheme id      | stored                                   | computation                          |
 * |----------------|------------------------------------------|--------------------------------------|
 * | django-sha1    | sha1$salt$hex, unsalted sha1$$hex        | sha1(salt . pw) (empty salt = sha1(pw)) |
 * | django-md5     | md5$salt$hex, unsalted md5$$hex          | md5(salt . pw)                       |
 * | django-crypt   | crypt$<salt>$<13-char DES crypt>         | crypt(pw, data) (des-crypt scheme)   |
 * | django-argon2  | argon2$argon2id$v=19$m=..,t=..,p=..$s$h  | PHC string after `argon2`            |
 * | django-scrypt  | scrypt$N$salt$r$p$b64 (4.0+)             | scrypt(pw, salt text, N, r, p, 64)   |
 * Bare 32-hex unsalted_md5 is the `md5` scheme (digest.ts).
 *
 * `sha1$salt$hex` and `md5$salt$hex` are also Werkzeug < 0.9's layout, where the digest is an
 * HMAC keyed with the salt (werkzeug-hmac, werkzeug.ts). Both schemes claim these strings and
 * both are tried (each is one digest). Django ranks first: Django ≤ 1.3 wrote `sha1$<5 hex>$`
 * by default (and 1.4+ `sha1$<12 alnum>$` on request), far more data than Werkzeug 0.6-0.8's
 * `sha1$<8 alnum>$`; the salt length is the tell when reading identify() output.
 */
import { utf8 } from '../core/bytes.js';
import { digest, DIGEST_BYTES } from '../core/digest.js';
import { allIn, fromBase64, fromHex, HEX_INDEX } from '../core/encoding.js';
import { digestProgram, stagePassword, stageSpan, stageText } from '../core/chain.js';
import { defineScheme } from '../core/scheme.js';
import { malformed } from '../errors.js';
import type { ParsedHash, Scheme } from '../types.js';
import { ARGON2_INLINE_COST, argon2Costs, argon2Raw, describeArgon2, parseArgon2Phc, type Argon2Parsed } from './argon2.js';
import { DES_CRYPT_INLINE_COST, desCrypt, type DesCryptParsed } from './des-crypt.js';
import { checkScrypt, decimal, describeScrypt, SCRYPT_COSTS, SCRYPT_INLINE_COST, scryptCosts, scryptKdf, type ScryptParsed } from './scrypt.js';

// ---------- salted / unsalted hex digests ----------

interface SaltedParsed extends ParsedHash {
  salt: string;
}

/**
 * `<prefix><salt>$<hex>` (a salt without `$`, at least one hex digit): the index of the `$` before
 * the hex, else -1. Perf (issue #8): read in place instead of /^alg\$([^$]*)\$([0-9a-fA-F]+)$/
 * (same answers: test/identify-perf-parsers.test.ts).
 */
function hexAfterSalt(s: string, prefix: string): number {
  if (!s.startsWith(prefix)) return -1;
  const at = s.indexOf('$', prefix.length);
  return at >= 0 && at + 1 < s.length && allIn(s, HEX_INDEX, at + 1) ? at : -1;
}

function saltedHex(alg: 'sha1' | 'md5', example: { password: string; hash: string }, platforms: string[]): Scheme<SaltedParsed> {
  const id = `django-${alg}`;
  const prefix = `${alg}$`;
  const hexLength = DIGEST_BYTES[alg] * 2;
  const program = digestProgram(alg, [1, 0]);
  return defineScheme<SaltedParsed>({
    id,
    title: `Django ${alg}$salt$hex (${alg}(salt . password); empty salt = unsalted_${alg})`,
    family: 'django',
    platforms,
    platformIds: ['django', 'python'],
    example,
    rank: 90,
    prefixes: [prefix],
    // `sha1$` / `md5$` are common words: claim only the whole alg$salt$hex shape (any hex length).
    recognize: (s) => hexAfterSalt(s, prefix) >= 0,
    parse(s) {
      const at = hexAfterSalt(s, prefix);
      if (at < 0 || s.length - at - 1 !== hexLength) throw malformed(id, `expected ${alg}$<salt>$<${hexLength} hex>`);
      return { salt: s.slice(prefix.length, at), expected: fromHex(s.slice(at + 1))! };
    },
    derive: (pw, p) => digest(alg, utf8(p.salt), pw),
    describe: (p) => ({ saltLength: p.salt.length, unsalted: p.salt === '' ? 1 : 0 }),
    // The whole verification in one call of the chain machine, the salt read in place.
    check(pw, s, _inputs, maxPasswordBytes) {
      const at = hexAfterSalt(s, prefix);
      if (program === null || at < 0 || s.length - at - 1 !== hexLength || !stageText(s) || !stagePassword(pw, maxPasswordBytes)) return undefined;
      stageSpan(1, prefix.length, at);
      return program.check('hex', at + 1, s.length);
    },
  });
}

export const djangoSha1 = saltedHex('sha1', { password: 'hashcat', hash: 'sha1$fe76b$02d5916550edf7fc8c886f044887f4b1abf9b013' }, [
  'Django 0.9-1.3 default (sha1$<5 hex salt>$)',
  'Django 1.4+ SHA1PasswordHasher (12-char salt), UnsaltedSHA1PasswordHasher (sha1$$hex)',
]); // hashcat 124
export const djangoMd5 = saltedHex('md5', { password: 'Pässword1!', hash: 'md5$saltsalt$6ad24577243d0b618afbdbe36a6b3eb0' }, [
  'Django MD5PasswordHasher (md5$salt$hex)',
  'Django UnsaltedMD5PasswordHasher (md5$$hex; bare 32 hex is the md5 scheme)',
]); // formats.md §16 [V-gen]

// ---------- crypt$ ----------

/**
 * CryptPasswordHasher: `crypt$$<data>` (1.4+) or `crypt$<2-char salt>$<data>` (≤ 1.3); verify runs
 * crypt(pw, data) and compares with data, so only the DES string matters. Delegated to des-crypt.
 */
const DJANGO_CRYPT = /^crypt\$[^$]*\$([./0-9A-Za-z]{13})$/;

export const djangoCrypt = defineScheme<DesCryptParsed>({
  id: 'django-crypt',
  title: 'Django crypt$$<DES crypt(3)> (CryptPasswordHasher)',
  family: 'django',
  platforms: ['Django CryptPasswordHasher (Unix crypt module; traditional DES, first 8 bytes)'],
  platformIds: ['django', 'python'],
  // The hashcat 1500 DES example inside Django's layout (crypt$$ + crypt(pw, data)).
  example: { password: 'hashcat', hash: 'crypt$$24leDr0hHfb3A' },
  rank: 100,
  prefixes: ['crypt$'],
  recognize: (s) => s.startsWith('crypt$'),
  parse(s, inputs) {
    const m = DJANGO_CRYPT.exec(s);
    if (!m) throw malformed('django-crypt', 'expected crypt$<salt>$<13-char DES crypt>');
    return desCrypt.parse(m[1]!, inputs);
  },
  offload: true,
  inlineCost: DES_CRYPT_INLINE_COST,
  derive: (pw, p, inputs) => desCrypt.derive(pw, p, inputs),
  describe: () => ({ rounds: 25 }),
});

// ---------- argon2$ ----------

export const djangoArgon2 = defineScheme<Argon2Parsed>({
  id: 'django-argon2',
  title: 'Django argon2$<PHC string> (Argon2PasswordHasher)',
  family: 'django',
  platforms: ['Django 1.10+ Argon2PasswordHasher (argon2i until 3.1, argon2id from 3.2; v= absent in early argon2-cffi strings)'],
  platformIds: ['django', 'python'],
  // Django's formula ('argon2' + argon2-cffi hash_secret), low-cost parameters; the Django 3.2
  // default (m=102400, t=2, p=8) vector of formats.md §16 is in test/vectors/django.json.
  example: {
    password: 'Pässword1!',
    hash: 'argon2$argon2id$v=19$m=512,t=2,p=2$c2FsdHNhbHRzYWx0c2FsdHNhbHRzYQ$aZ0Kxirv9x56jGW+nn1JRZ/mOdOo0RkNs90hlV8rzsw',
  },
  costs: [
    { name: 'memoryKiB', default: 102400, min: 8, max: 0xffffffff, limit: 'maxMemoryBytes' },
    { name: 'passes', default: 2, min: 1, max: 0xffffffff, limit: 'maxArgon2Passes' },
    { name: 'parallelism', default: 8, min: 1, max: 0xffffff, limit: 'maxParallelism' },
  ],
  rank: 100,
  prefixes: ['argon2$'],
  recognize: (s) => s.startsWith('argon2$'),
  // Django splits at the first '$' and hands '$' + rest to argon2-cffi.
  parse: (s) => parseArgon2Phc('django-argon2', s.slice(6)),
  cost: (p) => argon2Costs(p.params),
  derive: (pw, p) => argon2Raw(pw, p.params),
  inlineCost: ARGON2_INLINE_COST,
  describe: (p) => describeArgon2(p.params),
});

// ---------- scrypt$ ----------

const DJANGO_SCRYPT = /^scrypt\$([0-9]+)\$([^$]+)\$([0-9]+)\$([0-9]+)\$([A-Za-z0-9+/]+={0,2})$/;

export const djangoScrypt = defineScheme<ScryptParsed>({
  id: 'django-scrypt',
  title: 'Django scrypt$N$salt$r$p$b64 (ScryptPasswordHasher, 4.0+)',
  family: 'django',
  platforms: ['Django 4.0+ ScryptPasswordHasher (N=2^14, r=8, p=1, 64-byte key)'],
  platformIds: ['django', 'python'],
  // Django's encode() formula run with hashlib.scrypt at N=1024 (cheap; defaults in the vectors).
  example: {
    password: 'Pässword1!',
    hash: 'scrypt$1024$saltsaltsaltsaltsaltsa$8$1$8+2ZoIu5Mt3KSwnwS6aW7jjROYZgx+MEFUyTu7thC5GBkHE7JvUtbFp27Z75SM9swBksj0iB1rVjpSnqK3SVMQ==',
  },
  costs: SCRYPT_COSTS,
  rank: 100,
  prefixes: ['scrypt$'],
  recognize: (s) => s.startsWith('scrypt$'),
  parse(s) {
    const m = DJANGO_SCRYPT.exec(s);
    if (!m) throw malformed('django-scrypt', 'expected scrypt$<N>$<salt>$<r>$<p>$<base64>');
    // Django re-encodes with %d and compares whole strings: zero-padded numbers never verify.
    const N = decimal(m[1]!, 16);
    const r = decimal(m[3]!);
    const p = decimal(m[4]!);
    const expected = fromBase64(m[5]!);
    if (N === null || r === null || p === null) throw malformed('django-scrypt', 'invalid N, r or p');
    if (!expected || expected.length !== 64) throw malformed('django-scrypt', 'hash is not base64 of 64 bytes');
    checkScrypt('django-scrypt', N, r, p);
    return { kdf: { N, r, p, salt: utf8(m[2]!), keyLength: 64 }, expected };
  },
  cost: (p) => scryptCosts(p.kdf),
  derive: (pw, p) => scryptKdf(pw, p.kdf),
  inlineCost: SCRYPT_INLINE_COST,
  describe: (p) => describeScrypt(p.kdf),
});

export const djangoSchemes: readonly Scheme[] = [djangoSha1, djangoMd5, djangoCrypt, djangoArgon2, djangoScrypt];
