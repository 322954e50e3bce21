/**
 * scrypt layouts: one computation (node:crypto scrypt on libuv's pool) with its cost checks
 * (memory 128·N·r bytes against maxMemoryBytes, p against maxParallelism), shared by these
 * schemes and by Django's and Werkzeug's scrypt layouts (django.ts, werkzeug.ts).
 *
 * | scheme id        | stored                                              | source                         |
 * |------------------|-----------------------------------------------------|--------------------------------|
 * | passlib-scrypt   | $scrypt$ln=L,r=R,p=P$b64salt$b64hash (32 bytes)     | passlib/handlers/scrypt.py     |
 * | scrypt-crypt     | $7$ N(1) r(5) p(5) salt $ hash(43)  (crypt64, LE)   | libxcrypt crypt-scrypt.c, passlib |
 * | hashcat-scrypt   | SCRYPT:N:r:p:b64salt:b64hash                        | hashcat mode 8900              |
 * | firebase-scrypt  | base64 passwordHash + salt + project parameters     | firebase/scrypt                |
 *
 * `$7$`: the salt is the setting's characters themselves (not decoded); the 32-byte key is
 * encoded like phpass/sha-crypt (crypt64, 3 bytes little-endian per 4 chars). libxcrypt compares
 * whole strings, so the encoded text is compared (a non-canonical last char never verifies).
 *
 * Firebase (firebase/scrypt README and scrypt.c): dk = scrypt(pw, salt . saltSeparator,
 * N = 2^memCost, r = rounds, p = 1, 64); hash = AES-256-CTR(key = dk[0..32), counter block
 * all-zero, plaintext = signerKey). Inputs: `options.salt` = the user's `salt` from
 * `firebase auth:export` (base64); `options.params` = the project's "Password hash parameters":
 * `firebaseSignerKey` (base64_signer_key), `firebaseSaltSeparator` (base64_salt_separator),
 * `firebaseRounds` (rounds), `firebaseMemCost` (mem_cost).
 */
import { createCipheriv, scryptSync } from 'node:crypto';
import { latin1 } from '../core/bytes.js';
import { scryptAsync } from '../core/digest.js';
import { crypt64Value, encodeCrypt64, fromBase64, fromBase64NoPad, decodeCrypt64Int } from '../core/encoding.js';
import { base64Param, intParam, missingParam } from '../core/params.js';
import { defineScheme } from '../core/scheme.js';
import { malformed } from '../errors.js';
import type { CostCheck, CostParameter, InlineCost, ParsedHash, Scheme } from '../types.js';
import { BASE64_FIRST_CHARS, isBareBase64Key } from './pbkdf2.js';

// ---------- the one scrypt core ----------

export interface ScryptKdf {
  N: number;
  r: number;
  p: number;
  salt: Uint8Array;
  keyLength: number;
}

export interface ScryptParsed extends ParsedHash {
  kdf: ScryptKdf;
}

/** RFC 7914: N a power of two > 1, r >= 1, p >= 1, p·r < 2^30. Else nothing could have written it. */
export function checkScrypt(scheme: string, N: number, r: number, p: number): void {
  if (N < 2 || !isPowerOfTwo(N)) throw malformed(scheme, 'N must be a power of two > 1');
  if (!Number.isInteger(r) || r < 1 || !Number.isInteger(p) || p < 1 || r * p >= 2 ** 30) throw malformed(scheme, 'invalid r or p');
}

function isPowerOfTwo(n: number): boolean {
  // Perf (issue #8): a bit test for the usual 31-bit integers (no Math.log2 calls).
  if (Number.isInteger(n) && n > 0 && n <= 0x7fffffff) return (n & (n - 1)) === 0;
  // Exact for doubles: N up to 2^63 ($7$ allows a 6-bit log) stays a power of two, and the cap
  // (not this check) refuses what is too big.
  return n > 0 && Number.isInteger(Math.log2(n)) && 2 ** Math.log2(n) === n;
}

export function scryptCosts(k: ScryptKdf): CostCheck[] {
  return [
    // Memory is 128·N·r bytes, and p runs that many passes over it: cap memory × passes.
    { limit: 'maxMemoryBytes', value: 128 * k.N * k.r * k.p, name: 'memory × parallelism' },
    { limit: 'maxParallelism', value: k.p, name: 'parallelism' },
  ];
}

export const SCRYPT_COSTS: readonly CostParameter[] = [
  { name: 'memory', default: 16 * 1024 * 1024, min: 256, max: Number.MAX_SAFE_INTEGER, limit: 'maxMemoryBytes' },
  { name: 'parallelism', default: 1, min: 1, max: 2 ** 30 - 1, limit: 'maxParallelism' },
];

export function scryptKdf(password: Uint8Array, k: ScryptKdf): Promise<Uint8Array> {
  return scryptAsync(password, k.salt, k.keyLength, k.N, k.r, k.p);
}

/**
 * Routing data (Scheme.inlineCost): OpenSSL's scrypt on this thread costs ~25 µs of set-up plus
 * ~0.0027 µs per byte of 128·N·r·p (measured, Node 20 / OpenSSL 3.0, 2026 EPYC core: N=16 r=8
 * 69 µs, N=256 r=8 720 µs). Only tiny N fits the inline budget (passlib's ln=4 test hashes,
 * ln<=5 at r=8), which skips a libuv round trip that costs as much as the derivation.
 */
export const SCRYPT_INLINE_COST: InlineCost<ScryptParsed> = {
  work: ['maxMemoryBytes'],
  usPerUnit: 0.0027,
  baseUs: 25,
  // Node's default maxmem (32 MiB) is far above what fits the budget: no maxmem needed here.
  deriveSync: (pw, p) => scryptSync(pw, p.kdf.salt, p.kdf.keyLength, { N: p.kdf.N, r: p.kdf.r, p: p.kdf.p }),
};

export function describeScrypt(k: ScryptKdf): Record<string, string | number> {
  return { N: k.N, r: k.r, p: k.p, memoryBytes: 128 * k.N * k.r, saltBytes: k.salt.length, keyBytes: k.keyLength };
}

/** Decimal without leading zeros, at most `digits` digits; null otherwise. */
export function decimal(s: string, digits = 10): number | null {
  // Perf (issue #8): a character loop, not a RegExp built on every call (it was, for every scrypt parse).
  if (s.length === 0 || s.length > digits || (s.length > 1 && s.charCodeAt(0) === 0x30)) return null;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return null;
  }
  return Number(s);
}

// ---------- passlib $scrypt$ ----------

const PASSLIB = /^\$scrypt\$ln=([0-9]+),r=([0-9]+),p=([0-9]+)\$([A-Za-z0-9+/]*)\$([A-Za-z0-9+/]+)$/;

export const passlibScrypt = defineScheme<ScryptParsed>({
  id: 'passlib-scrypt',
  title: 'passlib $scrypt$ln=..,r=..,p=..$salt$hash',
  family: 'scrypt',
  platforms: ['passlib scrypt handler (default ln=16, r=8, p=1; Python apps, Flask-Security, CKAN)'],
  platformIds: ['passlib', 'python', 'flask-security', 'generic'],
  // passlib 1.7.4 scrypt.using(salt=b"saltsaltsaltsalt", rounds=4).hash("password").
  example: { password: 'password', hash: '$scrypt$ln=4,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA$5f/Vi+XRWGUNGScbsma6KJ4zLFIke/NJsrvr7lQLAyA' },
  costs: SCRYPT_COSTS,
  rank: 100,
  prefixes: ['$scrypt$'],
  recognize: (s) => s.startsWith('$scrypt$'),
  parse(s) {
    const m = PASSLIB.exec(s);
    if (!m) throw malformed('passlib-scrypt', 'expected $scrypt$ln=<log2 N>,r=<r>,p=<p>$<salt>$<hash>');
    const ln = decimal(m[1]!, 2);
    const r = decimal(m[2]!);
    const p = decimal(m[3]!);
    const salt = fromBase64NoPad(m[4]!);
    const expected = fromBase64NoPad(m[5]!);
    if (ln === null || ln < 1 || ln > 63 || r === null || p === null) throw malformed('passlib-scrypt', 'invalid parameters');
    // passlib hashes to its fixed checksum_size (32): another length never verifies.
    if (!salt || !expected || expected.length !== 32) throw malformed('passlib-scrypt', 'invalid salt or 32-byte hash');
    const N = 2 ** ln;
    checkScrypt('passlib-scrypt', N, r, p);
    return { kdf: { N, r, p, salt, keyLength: 32 }, expected };
  },
  cost: (p) => scryptCosts(p.kdf),
  derive: (pw, p) => scryptKdf(pw, p.kdf),
  inlineCost: SCRYPT_INLINE_COST,
  describe: (p) => describeScrypt(p.kdf),
});

// ---------- $7$ (libxcrypt / libscrypt / passlib) ----------

const SEVEN = /^\$7\$([./0-9A-Za-z])([./0-9A-Za-z]{5})([./0-9A-Za-z]{5})([^$]*)\$([./0-9A-Za-z]{43})$/;


interface SevenParsed extends ScryptParsed {
  /** The setting (`$7$` .. salt), for describe. */
  setting: string;
}

export const scryptCrypt = defineScheme<SevenParsed>({
  id: 'scrypt-crypt',
  title: 'scrypt crypt(3) $7$ (libxcrypt, libscrypt, passlib)',
  family: 'scrypt',
  platforms: ['libxcrypt crypt() / mkpasswd -m scrypt (Debian, Fedora /etc/shadow)', 'passlib scrypt ($7$ ident)'],
  platformIds: ['unix', 'linux', 'passlib', 'generic'],
  // Python crypt.crypt (libxcrypt 4.4) with setting $7$CU..../....abcdefghijklmnop; passlib agrees.
  example: { password: 'password', hash: '$7$CU..../....abcdefghijklmnop$Sq.34kg1gPTFUeOPpE6fyMzMfdgqET/x8Nv3KaQxh9.' },
  costs: SCRYPT_COSTS,
  rank: 100,
  prefixes: ['$7$'],
  recognize: (s) => s.startsWith('$7$'),
  parse(s) {
    const m = SEVEN.exec(s);
    if (!m) throw malformed('scrypt-crypt', 'expected $7$<N><r:5><p:5><salt>$<43 chars>');
    const ln = crypt64Value(m[1]!);
    const r = decodeCrypt64Int(m[2]!);
    const p = decodeCrypt64Int(m[3]!);
    if (ln < 1 || r < 1 || p < 1) throw malformed('scrypt-crypt', 'invalid N, r or p');
    const N = 2 ** ln;
    checkScrypt('scrypt-crypt', N, r, p);
    return { kdf: { N, r, p, salt: latin1(m[4]!), keyLength: 32 }, setting: s.slice(0, s.lastIndexOf('$')), expected: latin1(m[5]!) };
  },
  cost: (p) => scryptCosts(p.kdf),
  derive: async (pw, p) => latin1(encodeCrypt64(await scryptKdf(pw, p.kdf))),
  describe: (p) => describeScrypt(p.kdf),
});

// ---------- hashcat SCRYPT:N:r:p:salt:hash ----------

const HASHCAT = /^SCRYPT:([0-9]+):([0-9]+):([0-9]+):([A-Za-z0-9+/]*={0,2}):([A-Za-z0-9+/]+={0,2})$/;

export const hashcatScrypt = defineScheme<ScryptParsed>({
  id: 'hashcat-scrypt',
  title: 'scrypt in hashcat notation SCRYPT:N:r:p:b64salt:b64hash',
  family: 'scrypt',
  platforms: ['hashcat mode 8900 / John the Ripper exports (Tarsnap-style scrypt with a stored salt)'],
  platformIds: ['hashcat', 'generic'],
  example: { password: 'hashcat', hash: 'SCRYPT:16384:8:1:OTEyNzU0ODg=:Cc8SPjRH1hFQhuIPCdF51uNGtJ2aOY/isuoMlMUsJ8c=' }, // hashcat 8900
  costs: SCRYPT_COSTS,
  rank: 100,
  prefixes: ['SCRYPT:'],
  recognize: (s) => s.startsWith('SCRYPT:'),
  parse(s) {
    const m = HASHCAT.exec(s);
    if (!m) throw malformed('hashcat-scrypt', 'expected SCRYPT:N:r:p:salt:hash');
    const N = decimal(m[1]!, 16);
    const r = decimal(m[2]!);
    const p = decimal(m[3]!);
    const salt = fromBase64(m[4]!);
    const expected = fromBase64(m[5]!);
    if (N === null || r === null || p === null) throw malformed('hashcat-scrypt', 'invalid parameters');
    if (!salt || !expected) throw malformed('hashcat-scrypt', 'invalid base64');
    checkScrypt('hashcat-scrypt', N, r, p);
    return { kdf: { N, r, p, salt, keyLength: expected.length }, expected };
  },
  cost: (p) => scryptCosts(p.kdf),
  derive: (pw, p) => scryptKdf(pw, p.kdf),
  inlineCost: SCRYPT_INLINE_COST,
  describe: (p) => describeScrypt(p.kdf),
});

// ---------- Firebase modified scrypt ----------

interface FirebaseParsed extends ScryptParsed {
  signerKey: Uint8Array;
}

function firebaseParams(scheme: string, inputs: Parameters<Scheme['parse']>[1]) {
  const signerKey = base64Param(inputs, scheme, 'firebaseSignerKey');
  const separator = base64Param(inputs, scheme, 'firebaseSaltSeparator');
  const rounds = intParam(inputs, scheme, 'firebaseRounds', 1, 2 ** 20);
  const memCost = intParam(inputs, scheme, 'firebaseMemCost', 1, 40);
  const console = 'Firebase console > Authentication > Users > Password hash parameters';
  if (!signerKey) throw missingParam(scheme, 'firebaseSignerKey', `base64_signer_key from ${console}`);
  if (!separator) throw missingParam(scheme, 'firebaseSaltSeparator', `base64_salt_separator from ${console}`);
  if (rounds === undefined) throw missingParam(scheme, 'firebaseRounds', `rounds from ${console}`);
  if (memCost === undefined) throw missingParam(scheme, 'firebaseMemCost', `mem_cost from ${console}`);
  return { signerKey, separator, rounds, memCost };
}

const FIREBASE_PARAMS = ['firebaseSignerKey', 'firebaseSaltSeparator', 'firebaseRounds', 'firebaseMemCost'] as const;

export const firebaseScrypt = defineScheme<FirebaseParsed>({
  id: 'firebase-scrypt',
  title: 'Firebase Authentication modified scrypt (passwordHash + salt + project hash parameters)',
  family: 'scrypt',
  platforms: [
    'Firebase Authentication / Google Identity Platform (firebase auth:export passwordHash)',
    'Pass: options.salt = user salt (base64); options.params = { firebaseSignerKey, firebaseSaltSeparator, firebaseRounds, firebaseMemCost }',
  ],
  platformIds: ['firebase', 'identity-platform'],
  // firebase/scrypt README example.
  example: {
    password: 'user1password',
    hash: 'lSrfV15cpx95/sZS2W9c9Kp6i/LVgQNDNC/qzrCnh1SAyZvqmZqAjTdn3aoItz+VHjoZilo78198JAdRuid5lQ==',
    options: {
      salt: '42xEC+ixf3L2lw==',
      params: {
        firebaseSignerKey: 'jxspr8Ki0RYycVU8zykbdLGjFQ3McFUH0uiiTvC8pVMXAn210wjLNmdZJzxUECKbm0QsEmYUSDzZvpjeJ9WmXA==',
        firebaseSaltSeparator: 'Bw==',
        firebaseRounds: 8,
        firebaseMemCost: 14,
      },
    },
  },
  costs: SCRYPT_COSTS,
  needs: ['salt'],
  // A bare base64 string: only a candidate when the project parameters are given.
  rank: 90,
  // Firebase signer keys are 64 bytes: the hash is 88 base64 chars.
  prefixes: BASE64_FIRST_CHARS,
  shape: { length: 88, chars: 'A-Za-z0-9+/=' },
  recognize: (s) => isBareBase64Key(s, [64]),
  // Detection skips it unless all four project parameters are given (parse refuses otherwise).
  optIn: (inputs) => FIREBASE_PARAMS.every((k) => inputs.params?.[k] !== undefined),
  parse(s, inputs) {
    const expected = fromBase64(s);
    if (!expected) throw malformed('firebase-scrypt', 'passwordHash must be base64');
    const f = firebaseParams('firebase-scrypt', inputs);
    const userSalt = inputs.salt === undefined ? new Uint8Array(0) : fromBase64(inputs.salt);
    if (!userSalt) throw malformed('firebase-scrypt', 'the salt must be base64 (as exported)');
    // AES-CTR keeps the length: the hash is exactly as long as the signer key.
    if (expected.length !== f.signerKey.length) throw malformed('firebase-scrypt', 'hash length differs from the signer key length');
    const salt = new Uint8Array(userSalt.length + f.separator.length);
    salt.set(userSalt);
    salt.set(f.separator, userSalt.length);
    const N = 2 ** f.memCost;
    checkScrypt('firebase-scrypt', N, f.rounds, 1);
    return { kdf: { N, r: f.rounds, p: 1, salt, keyLength: 64 }, signerKey: f.signerKey, expected };
  },
  cost: (p) => scryptCosts(p.kdf),
  async derive(pw, p) {
    const dk = await scryptKdf(pw, p.kdf);
    const cipher = createCipheriv('aes-256-ctr', dk.subarray(0, 32), new Uint8Array(16));
    const out = new Uint8Array(p.signerKey.length);
    out.set(cipher.update(p.signerKey));
    cipher.final();
    return out;
  },
  describe(p) {
    // The same keys in the same order as spreading describeScrypt() into a literal, without the copy.
    const d = describeScrypt(p.kdf);
    d['rounds'] = p.kdf.r;
    d['memCost'] = Math.log2(p.kdf.N);
    return d;
  },
});

export const scryptSchemes: readonly Scheme[] = [passlibScrypt, scryptCrypt, hashcatScrypt, firebaseScrypt];
