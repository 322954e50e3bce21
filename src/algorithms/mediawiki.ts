/**
 * MediaWiki 1.24+ PasswordFactory types (`user.user_password`), `:TYPE:` + parameters + hash.
 * The older `:A:`/`:B:` types are formula schemes in forums.ts.
 *
 * | scheme id                 | stored                                                        |
 * |---------------------------|---------------------------------------------------------------|
 * | mediawiki-pbkdf2          | :pbkdf2:sha512:30000:64:<b64 salt>:<b64 hash>                 |
 * | mediawiki-bcrypt          | :bcrypt:<cost>$<22 salt chars>$<31 hash chars>                |
 * | mediawiki-argon2          | :argon2:<PHP password_hash PHC string>                        |
 * | mediawiki-pbkdf2-legacy   | :pbkdf2-legacyB:!sha512:30000:64!<B salt>!<b64 salt>!<b64 hash> |
 * |                           | :pbkdf2-legacyA:!sha512:30000:64!!<b64 salt>!<b64 hash>       |
 *
 * Sources: wikimedia/mediawiki includes/password/ — Password.php@a876b98c (verify = crypt a clone
 * and hash_equals the two toString()s), ParameterizedPassword.php@11537141 (params, args, hash
 * split on the type's delimiter), AbstractPbkdf2Password.php@71f27d46 (salt = base64_decode(arg),
 * hash = base64_encode(PBKDF2(algo, pw, salt, rounds, length)); 0 < rounds, length < 0x7fffffff),
 * BcryptPassword.php@45901968 (crypt(pw, sprintf('$2y$%02d$%s', rounds, salt)); rounds kept as
 * (int), so `:bcrypt:9$` and `:bcrypt:09$` both verify; no pre-hash), Argon2Password.php@97b59193
 * (password_verify on the PHC string), LayeredParameterizedPassword.php@8ec21ec1 (delimiter `!`;
 * each layer hashes the previous layer's hash text), MWOldPassword.php (1.24-1.39 @877579021 in the
 * index: md5(salt . '-' . md5(pw)) when the A layer has a salt argument, else md5(pw)),
 * MWSaltedPassword.php@b8608885; DefaultSettings $wgPasswordConfig (pbkdf2-legacyA = [A, pbkdf2],
 * pbkdf2-legacyB = [B, pbkdf2], bcrypt cost 9, pbkdf2 sha512/30000/64). formats.md §15.
 */
import { concatBytes, latin1, utf8 } from '../core/bytes.js';
import { digest, pbkdf2Async, type DigestName, DIGEST_BYTES } from '../core/digest.js';
import { fromBase64, toHexBytes } from '../core/encoding.js';
import { defineScheme } from '../core/scheme.js';
import { malformed } from '../errors.js';
import type { CostCheck, ParsedHash, Scheme } from '../types.js';
import { argon2Costs, argon2Raw, describeArgon2, parseArgon2Phc, type Argon2Parsed } from './argon2.js';
import { bcryptNeedsWorker, BCRYPT_COSTS, deriveBcrypt, parseBcrypt, type BcryptParsed } from './bcrypt.js';

const PLATFORMS_124 = ['MediaWiki 1.24+ (PasswordFactory; default pbkdf2 sha512/30000/64 since 1.24)'];
/** Digests MediaWiki's PBKDF2 implementations accept that node:crypto computes. */
const PBKDF2_ALGS: ReadonlySet<string> = new Set(['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512']);
const MAX_ROUNDS = 0x7ffffffe;
/** A key longer than this cannot come from a 255-byte user_password (Password::MAX_HASH_SIZE). */
const MAX_KEY = 192;

// ---------- PBKDF2 ----------

export interface MwPbkdf2 {
  alg: DigestName;
  rounds: number;
  length: number;
  salt: Uint8Array;
}


/** Parses `algo:rounds:length` + salt argument, as AbstractPbkdf2Password::crypt checks them. */
function parsePbkdf2Params(id: string, algo: string, rounds: string, length: string, salt: string): MwPbkdf2 {
  if (!PBKDF2_ALGS.has(algo)) throw malformed(id, 'unsupported PBKDF2 digest');
  if (!/^[0-9]{1,10}$/.test(rounds) || !/^[0-9]{1,10}$/.test(length)) throw malformed(id, 'rounds and length must be decimal');
  const r = Number(rounds);
  const l = Number(length);
  if (r < 1 || r > MAX_ROUNDS) throw malformed(id, 'rounds out of range');
  if (l < 1 || l > MAX_KEY) throw malformed(id, 'length out of range');
  // fromBase64 accepts only `[A-Za-z0-9+/]*={0,2}` (no regex pass first).
  const s = fromBase64(salt);
  if (!s) throw malformed(id, 'salt is not base64');
  return { alg: algo as DigestName, rounds: r, length: l, salt: s };
}

function hashB64(id: string, text: string, length: number): Uint8Array {
  // toString() equality: base64 of a `length`-byte key, written canonically. fromBase64 already
  // refuses non-zero spare bits, so canonical = also padded to a multiple of 4 (no re-encoding;
  // test/identify-parse-fast.test.ts checks the equivalence).
  const h = text.length % 4 === 0 ? fromBase64(text) : null;
  if (!h || h.length !== length) throw malformed(id, `hash must be base64 of ${length} bytes`);
  return h;
}

interface Pbkdf2Parsed extends ParsedHash {
  kdf: MwPbkdf2;
}

const PBKDF2_SHAPE = /^:pbkdf2:([a-z0-9]+):([^:]*):([^:]*):([^:]*):([^:]*)$/;

export const mediawikiPbkdf2 = defineScheme<Pbkdf2Parsed>({
  id: 'mediawiki-pbkdf2',
  title: 'MediaWiki :pbkdf2:algo:rounds:length:salt:hash (default sha512, 30000, 64)',
  family: 'mediawiki',
  platforms: PLATFORMS_124,
  platformIds: ['mediawiki'],
  // formats.md §15 [V-gen] (PHP 8.2 hash_pbkdf2), re-run by scripts/vectors/forum_blobs.php.
  example: {
    password: 'Pässword1!',
    hash: ':pbkdf2:sha512:30000:64:MDEyMzQ1Njc4OWFiY2RlZg==:aapJGzPJASXOLFq/JzngUHWyBkLatXVvlfgJGT8HhMHvyLqL84zlvxTRGTB6Mgkz8td0FKPKfCuaCTMEfXAUPA==',
  },
  costs: [{ name: 'iterations', default: 30000, min: 1, max: MAX_ROUNDS, limit: 'maxPbkdf2Iterations' }],
  rank: 100,
  prefixes: [':pbkdf2:'],
  recognize: (s) => s.startsWith(':pbkdf2:'),
  parse(s) {
    const m = PBKDF2_SHAPE.exec(s);
    if (!m) throw malformed('mediawiki-pbkdf2', 'expected :pbkdf2:algo:rounds:length:salt:hash');
    const kdf = parsePbkdf2Params('mediawiki-pbkdf2', m[1]!, m[2]!, m[3]!, m[4]!);
    return { kdf, expected: hashB64('mediawiki-pbkdf2', m[5]!, kdf.length) };
  },
  // PBKDF2 work = iterations × output blocks (the stored length chooses the block count).
  cost: (p) => [
    { limit: 'maxPbkdf2Iterations', value: p.kdf.rounds * Math.ceil(p.kdf.length / DIGEST_BYTES[p.kdf.alg]), name: 'iterations' },
  ],
  derive: (pw, p) => pbkdf2Async(p.kdf.alg, pw, p.kdf.salt, p.kdf.rounds, p.kdf.length),
  describe: (p) => ({ prf: `hmac-${p.kdf.alg}`, iterations: p.kdf.rounds, keyBytes: p.kdf.length, saltBytes: p.kdf.salt.length }),
});

// ---------- bcrypt ----------

const BCRYPT_SHAPE = /^:bcrypt:([0-9]{1,2})\$([./A-Za-z0-9]{22})\$([./A-Za-z0-9]{31})$/;

export const mediawikiBcrypt = defineScheme<BcryptParsed>({
  id: 'mediawiki-bcrypt',
  title: 'MediaWiki :bcrypt:cost$salt$hash (crypt $2y$, no pre-hash)',
  family: 'mediawiki',
  platforms: ['MediaWiki 1.24+ with $wgPasswordDefault = bcrypt (cost 9 by default)'],
  platformIds: ['mediawiki'],
  // formats.md §15 [V-gen]: PHP 8.2 crypt('Pässword1!', '$2y$12$abcdefghijklmnopqrstuu').
  example: { password: 'Pässword1!', hash: ':bcrypt:12$abcdefghijklmnopqrstuu$13BcWEPU2i2K3i3K8cTWLLTK0IeO09K' },
  costs: BCRYPT_COSTS,
  rank: 100,
  prefixes: [':bcrypt:'],
  recognize: (s) => s.startsWith(':bcrypt:'),
  parse(s) {
    const m = BCRYPT_SHAPE.exec(s);
    if (!m) throw malformed('mediawiki-bcrypt', 'expected :bcrypt:<cost>$<22 salt chars>$<31 hash chars>');
    const cost = Number(m[1]);
    return parseBcrypt('mediawiki-bcrypt', `$2y$${String(cost).padStart(2, '0')}$${m[2]}${m[3]}`);
  },
  cost: (p) => [{ limit: 'maxBcryptCost', value: p.cost, name: 'cost' }],
  offload: (p, pw, inputs) => bcryptNeedsWorker(p, pw, inputs),
  derive: (pw, p, inputs) => deriveBcrypt(pw, p, inputs),
  describe: (p) => ({ cost: p.cost }),
});

// ---------- argon2 ----------

export const mediawikiArgon2 = defineScheme<Argon2Parsed>({
  id: 'mediawiki-argon2',
  title: 'MediaWiki :argon2:<PHC string> (PHP password_hash, 1.33+)',
  family: 'mediawiki',
  platforms: ['MediaWiki 1.33+ with $wgPasswordDefault = argon2'],
  platformIds: ['mediawiki'],
  // PHP 8.2 sodium_crypto_pwhash (libsodium 1.0.18) PHC string behind ':argon2:' (scripts/vectors/forum_blobs.php).
  example: {
    password: 'Pässword1!',
    hash: ':argon2:$argon2id$v=19$m=1024,t=2,p=1$YWJjZGVmZ2hpamtsbW5vcA$nRToA/pYYhY+xMNsOkkwyoCIj5MZd2158Tp1WXUaeKk',
  },
  costs: [
    { name: 'memoryKiB', default: 65536, min: 8, max: 0xffffffff, limit: 'maxMemoryBytes' },
    { name: 'passes', default: 4, min: 1, max: 0xffffffff, limit: 'maxArgon2Passes' },
    { name: 'parallelism', default: 1, min: 1, max: 0xffffff, limit: 'maxParallelism' },
  ],
  rank: 100,
  prefixes: [':argon2:'],
  recognize: (s) => s.startsWith(':argon2:'),
  parse: (s) => parseArgon2Phc('mediawiki-argon2', s.slice(8)),
  cost: (p) => argon2Costs(p.params),
  derive: (pw, p) => argon2Raw(pw, p.params),
  describe: (p) => describeArgon2(p.params),
});

// ---------- layered: pbkdf2-legacyA / pbkdf2-legacyB ----------

interface LayeredParsed extends ParsedHash {
  /** 'A' (MWOldPassword) or 'B' (MWSaltedPassword) first layer. */
  first: 'A' | 'B';
  /** The first layer's salt argument ('' for an unsalted A layer). */
  firstSalt: string;
  kdf: MwPbkdf2;
}

const LAYERED_SHAPE = /^:pbkdf2-legacy([AB]):!([a-z0-9]+):([^:!]*):([^:!]*)!([^!]*)!([^!]*)!([^!]*)$/;

export const mediawikiPbkdf2Legacy = defineScheme<LayeredParsed>({
  id: 'mediawiki-pbkdf2-legacy',
  title: 'MediaWiki :pbkdf2-legacyA: / :pbkdf2-legacyB: (old :A:/:B: hash wrapped in PBKDF2)',
  family: 'mediawiki',
  platforms: ['MediaWiki 1.24+ after maintenance/wrapOldPasswords.php (LayeredParameterizedPassword)'],
  platformIds: ['mediawiki'],
  // formats.md §15 [V-gen]: PHP 8.2 port of LayeredParameterizedPassword::crypt.
  example: {
    password: 'Pässword1!',
    hash: ':pbkdf2-legacyB:!sha512:30000:64!1a2b3c4d!MDEyMzQ1Njc4OWFiY2RlZg==!AXO327WB77+vgof81wzCa+nvOSefG5EwwVDwYJPJMU0XFjqLR4x8KuSOzlAo3LCdRpVhuJTvUB/QIv71upwCKA==',
  },
  costs: [{ name: 'iterations', default: 30000, min: 1, max: MAX_ROUNDS, limit: 'maxPbkdf2Iterations' }],
  rank: 100,
  prefixes: [':pbkdf2-legacyA:', ':pbkdf2-legacyB:'],
  recognize: (s) => s.startsWith(':pbkdf2-legacyA:') || s.startsWith(':pbkdf2-legacyB:'),
  parse(s) {
    const m = LAYERED_SHAPE.exec(s);
    if (!m) throw malformed('mediawiki-pbkdf2-legacy', 'expected :pbkdf2-legacyX:!algo:rounds:length!<salt>!<b64 salt>!<b64 hash>');
    const first = m[1] as 'A' | 'B';
    const firstSalt = m[5]!;
    // B always has a salt argument; MWSaltedPassword::crypt throws without one.
    if (first === 'B' && firstSalt === '') throw malformed('mediawiki-pbkdf2-legacy', 'the B layer needs a salt');
    if (firstSalt.includes(':')) throw malformed('mediawiki-pbkdf2-legacy', 'invalid first-layer salt');
    const kdf = parsePbkdf2Params('mediawiki-pbkdf2-legacy', m[2]!, m[3]!, m[4]!, m[6]!);
    return { first, firstSalt, kdf, expected: hashB64('mediawiki-pbkdf2-legacy', m[7]!, kdf.length) };
  },
  cost: (p): CostCheck[] => [{ limit: 'maxPbkdf2Iterations', value: p.kdf.rounds, name: 'iterations' }],
  derive(pw, p) {
    const md5hex = (b: Uint8Array) => toHexBytes(digest('md5', b));
    // First layer's hash text: :B:salt: and salted :A:salt: -> md5(salt . '-' . md5(pw)); :A: -> md5(pw).
    const inner = p.firstSalt === '' ? md5hex(pw) : md5hex(concatBytes(utf8(p.firstSalt), latin1('-'), md5hex(pw)));
    return pbkdf2Async(p.kdf.alg, inner, p.kdf.salt, p.kdf.rounds, p.kdf.length);
  },
  describe: (p) => ({ layers: `${p.first},pbkdf2`, prf: `hmac-${p.kdf.alg}`, iterations: p.kdf.rounds, keyBytes: p.kdf.length }),
});

export const mediawikiSchemes: readonly Scheme[] = [mediawikiPbkdf2, mediawikiPbkdf2Legacy, mediawikiBcrypt, mediawikiArgon2];
