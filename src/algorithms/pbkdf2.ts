/**
 * PBKDF2 stored layouts. One computation (node:crypto PBKDF2 on libuv's pool, `pbkdf2Kdf` below)
 * and one scheme factory (`definePbkdf2Layout`); each layout only says where the PRF, iteration
 * count, salt and key are in its string, and how the salt bytes are obtained.
 *
 * | scheme id            | stored                                             | salt bytes              |
 * |----------------------|----------------------------------------------------|-------------------------|
 * | django-pbkdf2        | pbkdf2_sha256$N$salt$b64 / pbkdf2_sha1$...         | salt text (UTF-8)       |
 * | passlib-pbkdf2       | $pbkdf2[-sha256|-sha512]$N$ab64salt$ab64           | ab64-decoded            |
 * | pbkdf2-phc           | $pbkdf2[-sha256|-sha512]$i=N[,l=L]$b64$b64          | b64-decoded             |
 * | werkzeug-pbkdf2      | pbkdf2[:hash[:N]]$salt$hex                         | salt text (UTF-8)       |
 * | aspnet-identity-v2   | b64(00 . salt16 . PBKDF2-SHA1(1000, 32))           | raw, in the blob        |
 * | aspnet-identity-v3   | b64(01 . prf . iter . saltLen . salt . subkey)     | raw, in the blob        |
 * | atlassian-pkcs5s2    | {PKCS5S2}b64(salt16 . PBKDF2-SHA1(10000, 32))      | raw, in the blob        |
 * | hybris-pbkdf2        | N:saltHex:hashHex (PBKDF2WithHmacSHA1)             | hex-decoded             |
 * | keycloak             | credential JSON (secret_data + credential_data)    | b64-decoded `salt`      |
 * | keycloak-pbkdf2      | bare b64 `value` + options.salt + options.params   | b64-decoded options.salt|
 *
 * Sources: django/django django/contrib/auth/hashers.py (PBKDF2PasswordHasher, PBKDF2SHA1PasswordHasher);
 * passlib 1.7.4 passlib/handlers/pbkdf2.py; RustCrypto/password-hashes pbkdf2/src/simple.rs and phc.rs
 * (`i`, `l`, salt = B64-decoded bytes); pallets/werkzeug werkzeug/security.py (0.9 .. 3.1);
 * dotnet/aspnetcore src/Identity/Extensions.Core/src/PasswordHasher.cs and aspnet/AspNetWebStack
 * src/System.Web.Helpers/Crypto.cs; Atlassian DefaultPasswordEncoder / PKCS5S2PasswordHashGenerator
 * (and passlib atlassian_pbkdf2_sha1); SAP Hybris PBKDF2WithHmacSHA1SaltedPasswordEncoder
 * (decompiled: salt byte[] from hex, key length = stored hash length); keycloak/keycloak
 * Pbkdf2PasswordHashProvider.java (key length = stored value length). formats.md §16-18, §20, §B.
 */
import { utf8 } from '../core/bytes.js';
import { DIGEST_BYTES, pbkdf2Async, type DigestName } from '../core/digest.js';
import { allIn, B64_INDEX, DIGIT_INDEX, fromAb64, fromBase64, fromBase64NoPad, fromHex, HEX_INDEX } from '../core/encoding.js';
import { intParam, missingParam, stringParam } from '../core/params.js';
import { defineScheme } from '../core/scheme.js';
import { malformed } from '../errors.js';
import type { CostCheck, IdentifyOptions, InputName, ParsedHash, Scheme, SchemeInputs, SchemeShape } from '../types.js';

// ---------- the one PBKDF2 core ----------

export interface Pbkdf2Kdf {
  alg: DigestName;
  /**
   * Iteration counts to try: one, except where the stored string leaves the count to the
   * verifying software's default and that default changed across versions (Werkzeug).
   */
  iterations: readonly number[];
  salt: Uint8Array;
  keyLength: number;
}

export interface Pbkdf2Parsed extends ParsedHash {
  kdf: Pbkdf2Kdf;
}

/** node:crypto refuses counts above 2^31 - 1; no platform writes one. */
export const MAX_PBKDF2_ITERATIONS = 0x7fffffff;

/**
 * Cost of one PBKDF2 derivation, in HMAC iterations: all candidate counts together (they all
 * run), each times the output blocks (PBKDF2 reruns every iteration per hLen-byte block, and
 * layouts such as PHC or ASP.NET v3 let the stored string choose the key length).
 */
export function pbkdf2Costs(k: Pbkdf2Kdf): CostCheck[] {
  const blocks = Math.ceil(k.keyLength / DIGEST_BYTES[k.alg]);
  let total = 0;
  for (const n of k.iterations) total += n * blocks;
  return [{ limit: 'maxPbkdf2Iterations', value: total, name: 'iterations' }];
}

export async function pbkdf2Kdf(password: Uint8Array, k: Pbkdf2Kdf): Promise<Uint8Array | Uint8Array[]> {
  if (k.iterations.length === 1) return pbkdf2Async(k.alg, password, k.salt, k.iterations[0]!, k.keyLength);
  const out: Uint8Array[] = [];
  for (const n of k.iterations) out.push(await pbkdf2Async(k.alg, password, k.salt, n, k.keyLength));
  return out;
}

/** Parses a decimal iteration count without leading zeros; null when out of range. */
export function parseIterations(s: string): number | null {
  if (!/^[1-9][0-9]{0,9}$/.test(s)) return null;
  const n = Number(s);
  return n <= MAX_PBKDF2_ITERATIONS ? n : null;
}

interface LayoutSpec {
  id: string;
  title: string;
  platforms: readonly string[];
  platformIds: readonly string[];
  example: { readonly password: string; readonly hash: string; readonly options?: IdentifyOptions };
  defaultIterations?: number;
  needs?: readonly InputName[];
  rank: number;
  prefixes?: readonly string[];
  shape?: SchemeShape;
  optIn?(inputs: SchemeInputs, stored: string): boolean;
  recognize(stored: string): boolean;
  parse(stored: string, inputs: SchemeInputs): Pbkdf2Parsed;
}

/** A PBKDF2 layout: everything but the string layout is shared. */
export function definePbkdf2Layout(spec: LayoutSpec): Scheme<Pbkdf2Parsed> {
  return defineScheme<Pbkdf2Parsed>({
    ...spec,
    family: 'pbkdf2',
    costs: [
      {
        name: 'iterations',
        ...(spec.defaultIterations !== undefined ? { default: spec.defaultIterations } : {}),
        min: 1,
        max: MAX_PBKDF2_ITERATIONS,
        limit: 'maxPbkdf2Iterations',
      },
    ],
    cost: (p) => pbkdf2Costs(p.kdf),
    derive: (pw, p) => pbkdf2Kdf(pw, p.kdf),
    describe: (p) => ({
      prf: `hmac-${p.kdf.alg}`,
      iterations: p.kdf.iterations.join('|'),
      saltBytes: p.kdf.salt.length,
      keyBytes: p.kdf.keyLength,
    }),
  });
}

// ---------- Django ----------

const DJANGO = /^(pbkdf2_sha256|pbkdf2_sha1)\$([0-9]+)\$([^$]+)\$([A-Za-z0-9+/]+={0,2})$/;

export const djangoPbkdf2 = definePbkdf2Layout({
  id: 'django-pbkdf2',
  title: 'Django pbkdf2_sha256$N$salt$b64 / pbkdf2_sha1$N$salt$b64',
  platforms: [
    'Django 1.4+ PBKDF2PasswordHasher (default: 10,000 it. in 1.4 .. 260,000 in 3.2, 1,000,000+ in 5.x)',
    'Django PBKDF2SHA1PasswordHasher',
    'Wagtail, Saleor, Mezzanine and other Django sites',
  ],
  platformIds: ['django', 'wagtail', 'saleor', 'python'],
  example: { password: 'hashcat', hash: 'pbkdf2_sha256$10000$1135411628$bFYX62rfJobJ07VwrUMXfuffLfj2RDM2G6/BrTrUWkE=' }, // hashcat 10000
  defaultIterations: 260000,
  rank: 100,
  prefixes: ['pbkdf2_sha256$', 'pbkdf2_sha1$'],
  recognize: (s) => s.startsWith('pbkdf2_sha256$') || s.startsWith('pbkdf2_sha1$'),
  parse(s) {
    const m = DJANGO.exec(s);
    if (!m) throw malformed('django-pbkdf2', 'expected pbkdf2_<hash>$<iterations>$<salt>$<base64>');
    const alg: DigestName = m[1] === 'pbkdf2_sha1' ? 'sha1' : 'sha256';
    // Django re-encodes with %d and compares strings: a zero-padded count never verifies.
    const n = parseIterations(m[2]!);
    const expected = fromBase64(m[4]!);
    if (n === null) throw malformed('django-pbkdf2', 'invalid iteration count');
    if (!expected || expected.length !== DIGEST_BYTES[alg]) throw malformed('django-pbkdf2', 'hash is not base64 of the digest size');
    return { kdf: { alg, iterations: [n], salt: utf8(m[3]!), keyLength: DIGEST_BYTES[alg] }, expected };
  },
});

// ---------- passlib $pbkdf2$ (modular crypt, adapted base64) ----------

const PASSLIB = /^\$pbkdf2(-sha256|-sha512)?\$([0-9]+)\$([./A-Za-z0-9]*)\$([./A-Za-z0-9]+)$/;
const PASSLIB_ALG: Readonly<Record<string, DigestName>> = { '': 'sha1', '-sha256': 'sha256', '-sha512': 'sha512' };

export const passlibPbkdf2 = definePbkdf2Layout({
  id: 'passlib-pbkdf2',
  title: 'passlib $pbkdf2$ / $pbkdf2-sha256$ / $pbkdf2-sha512$ (adapted base64)',
  platforms: ['passlib pbkdf2_sha1 / pbkdf2_sha256 / pbkdf2_sha512 (Python apps, Ansible, Flask-Security)'],
  platformIds: ['passlib', 'python', 'flask-security', 'generic'],
  example: { password: 'hashcat', hash: '$pbkdf2$131000$r5WythYixPgfQ2jt3buXcg$8Kdr.QQEOaZIXNOrrru36I/.6Po' }, // hashcat 20400
  defaultIterations: 29000,
  rank: 100,
  prefixes: ['$pbkdf2'],
  recognize: (s) => /^\$pbkdf2(?:-sha256|-sha512)?\$[0-9]/.test(s),
  parse(s) {
    const m = PASSLIB.exec(s);
    if (!m) throw malformed('passlib-pbkdf2', 'expected $pbkdf2[-sha256|-sha512]$<rounds>$<salt>$<checksum>');
    const alg = PASSLIB_ALG[m[1] ?? '']!;
    const n = parseIterations(m[2]!); // passlib refuses zero-padded rounds
    const salt = fromAb64(m[3]!);
    const expected = fromAb64(m[4]!);
    if (n === null) throw malformed('passlib-pbkdf2', 'invalid rounds');
    if (!salt || !expected || expected.length !== DIGEST_BYTES[alg]) throw malformed('passlib-pbkdf2', 'invalid salt or checksum');
    return { kdf: { alg, iterations: [n], salt, keyLength: DIGEST_BYTES[alg] }, expected };
  },
});

// ---------- PHC string ($pbkdf2-sha256$i=N,l=L$salt$hash) ----------

const PHC = /^\$pbkdf2(-sha256|-sha512)?\$([a-z]=[0-9]+(?:,[a-z]=[0-9]+)*)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

export const pbkdf2Phc = definePbkdf2Layout({
  id: 'pbkdf2-phc',
  title: 'PBKDF2 PHC string $pbkdf2-sha256$i=N,l=L$salt$hash (RustCrypto pbkdf2, @phc/pbkdf2)',
  platforms: ['RustCrypto pbkdf2 crate (password-hash API): i = rounds, l = output length', 'Node @phc/pbkdf2 (`i=` only)'],
  platformIds: ['rust', 'node', 'generic'],
  // RustCrypto pbkdf2 src/phc.rs test (RFC 7914 / RFC 6070-style input, 40-byte output).
  example: {
    password: 'passwordPASSWORDpassword',
    hash: '$pbkdf2-sha256$i=4096,l=40$c2FsdFNBTFRzYWx0U0FMVHNhbHRTQUxUc2FsdFNBTFRzYWx0$NIyJ28vTKy8y2BS4EW6EzysXNH68GAAYHE4qH7jdU+HGNVGMfaxH6Q',
  },
  defaultIterations: 600000,
  rank: 100,
  prefixes: ['$pbkdf2'],
  recognize: (s) => /^\$pbkdf2(?:-sha256|-sha512)?\$[a-z]=/.test(s),
  parse(s) {
    const m = PHC.exec(s);
    if (!m) throw malformed('pbkdf2-phc', 'expected $pbkdf2[-sha256|-sha512]$i=<rounds>[,l=<length>]$<salt>$<hash>');
    const alg = PASSLIB_ALG[m[1] ?? '']!;
    const params = new Map<string, string>();
    for (const kv of m[2]!.split(',')) {
      const [k, v] = kv.split('=') as [string, string];
      if ((k !== 'i' && k !== 'l') || params.has(k)) throw malformed('pbkdf2-phc', 'unknown or repeated parameter');
      params.set(k, v);
    }
    // Every producer writes `i` (the crates' defaults changed over time: 10,000 then 600,000).
    const n = parseIterations(params.get('i') ?? '');
    const salt = fromBase64NoPad(m[3]!);
    const expected = fromBase64NoPad(m[4]!);
    if (n === null) throw malformed('pbkdf2-phc', 'missing or invalid i=');
    if (!salt || !expected) throw malformed('pbkdf2-phc', 'invalid base64');
    // The crate refuses an `l` that differs from the stored output's length.
    const l = params.get('l');
    if (l !== undefined && (!/^[1-9][0-9]{0,3}$/.test(l) || Number(l) !== expected.length)) {
      throw malformed('pbkdf2-phc', 'l= does not match the hash length');
    }
    return { kdf: { alg, iterations: [n], salt, keyLength: expected.length }, expected };
  },
});

// ---------- Werkzeug pbkdf2:<hash>:<N>$salt$hex ----------

/**
 * werkzeug.security.DEFAULT_PBKDF2_ITERATIONS by release. Stored strings always carry the count
 * (generate_password_hash writes the full method), but a hand-made `pbkdf2:sha256$...` is
 * verified with the default of whichever Werkzeug reads it, so every default is tried (or only
 * `params.werkzeugIterations` when given).
 */
const WERKZEUG_DEFAULTS_0_9_TO_2_2 = [1000, 50000, 150000, 260000]; // 0.9-0.11, 0.12-0.14, 0.15-1.0, 2.0-2.2
const WERKZEUG_DEFAULTS_2_3_ON = [600000, 1000000]; // 2.3-3.0, 3.1+
const WERKZEUG = /^pbkdf2(?::([a-z0-9_]+))?(?::([0-9]*))?\$([^$]*)\$([0-9a-fA-F]+)$/;
const WERKZEUG_HASHES: readonly DigestName[] = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'];

export const werkzeugPbkdf2 = definePbkdf2Layout({
  id: 'werkzeug-pbkdf2',
  title: 'Werkzeug / Flask pbkdf2:<hash>:<iterations>$salt$hex',
  platforms: [
    'Werkzeug 0.9-0.11 (default pbkdf2:sha1:1000)',
    'Werkzeug 0.12-2.2 (pbkdf2:sha256: 50,000 / 150,000 / 260,000)',
    'Werkzeug 2.3+ (pbkdf2:sha256:600000), 3.1+ (1,000,000)',
    'Flask, Flask-Login, Flask-AppBuilder / Apache Airflow / Superset user tables',
  ],
  platformIds: ['werkzeug', 'flask', 'airflow', 'superset', 'python'],
  // formats.md §17 [V-gen] (hashlib.pbkdf2_hmac, Werkzeug's formula).
  example: {
    password: 'Pässword1!',
    hash: 'pbkdf2:sha256:600000$saltsaltsaltsalt$14907a3dce6101c659fa35e166d8067572a48918ba6b4944db810a8f916f5f13',
  },
  defaultIterations: 600000,
  rank: 100,
  prefixes: ['pbkdf2:', 'pbkdf2$'],
  recognize: (s) => s.startsWith('pbkdf2:') || s.startsWith('pbkdf2$'),
  parse(s, inputs) {
    const m = WERKZEUG.exec(s);
    if (!m) throw malformed('werkzeug-pbkdf2', 'expected pbkdf2:<hash>:<iterations>$<salt>$<hex>');
    const alg = (m[1] ?? 'sha256') as DigestName;
    if (!WERKZEUG_HASHES.includes(alg)) throw malformed('werkzeug-pbkdf2', 'unsupported hash name');
    const expected = fromHex(m[4]!);
    if (!expected || expected.length !== DIGEST_BYTES[alg]) throw malformed('werkzeug-pbkdf2', 'hash is not hex of the digest size');
    let iterations: number[];
    const pinned = intParam(inputs, 'werkzeug-pbkdf2', 'werkzeugIterations', 1, MAX_PBKDF2_ITERATIONS);
    if (m[2] !== undefined && m[2] !== '' && m[2] !== '0') {
      const n = parseIterations(m[2]);
      if (n === null) throw malformed('werkzeug-pbkdf2', 'invalid iteration count');
      iterations = [n];
    } else if (pinned !== undefined) {
      iterations = [pinned];
    } else if (m[2] !== undefined) {
      // `:` or `:0`: 0.9-2.2 read `int(x or 0) or DEFAULT`; 2.3+ fail on it.
      iterations = WERKZEUG_DEFAULTS_0_9_TO_2_2;
    } else if (m[1] === undefined) {
      iterations = WERKZEUG_DEFAULTS_2_3_ON; // bare `pbkdf2` is 2.3+ syntax
    } else {
      iterations = [...WERKZEUG_DEFAULTS_0_9_TO_2_2, ...WERKZEUG_DEFAULTS_2_3_ON];
    }
    return { kdf: { alg, iterations, salt: utf8(m[3]!), keyLength: DIGEST_BYTES[alg] }, expected };
  },
});

// ---------- ASP.NET Identity ----------

const IDENTITY_V2 = /^A[A-Za-z0-9+/]{65}==$/;

export const aspnetIdentityV2 = definePbkdf2Layout({
  id: 'aspnet-identity-v2',
  title: 'ASP.NET Identity v2 / Web Pages Crypto.HashPassword: b64(00 . salt16 . PBKDF2-SHA1(1000, 32))',
  platforms: [
    'ASP.NET Identity 1.x-2.x (MVC 5), ASP.NET Web Pages / SimpleMembership (System.Web.Helpers.Crypto)',
    'ASP.NET Core Identity in IdentityV2 compatibility mode',
    'nopCommerce / Umbraco / Orchard installs using ASP.NET Identity',
  ],
  platformIds: ['aspnet', 'aspnet-identity', 'dotnet'],
  // formats.md §18 [V-gen] (PHP hash_pbkdf2, salt "0123456789abcdef").
  example: { password: 'Pässword1!', hash: 'ADAxMjM0NTY3ODlhYmNkZWbISCs1ogM6Ibuy59x4JhMMeS9LbFsAyccX1zBbseZVDg==' },
  defaultIterations: 1000,
  rank: 100,
  prefixes: ['A'],
  shape: { length: 68, chars: 'A-Za-z0-9+/=' },
  recognize: (s) => IDENTITY_V2.test(s),
  parse(s) {
    const blob = fromBase64(s);
    if (!blob || blob.length !== 49 || blob[0] !== 0) throw malformed('aspnet-identity-v2', 'expected base64 of 0x00 . salt16 . subkey32');
    return { kdf: { alg: 'sha1', iterations: [1000], salt: blob.slice(1, 17), keyLength: 32 }, expected: blob.slice(17) };
  },
});

const IDENTITY_V3 = /^AQAAAA[A-Za-z0-9+/]+={0,2}$/;
const V3_PRF: readonly DigestName[] = ['sha1', 'sha256', 'sha512']; // KeyDerivationPrf 0, 1, 2

function readU32BE(b: Uint8Array, o: number): number {
  return ((b[o]! << 24) >>> 0) + (b[o + 1]! << 16) + (b[o + 2]! << 8) + b[o + 3]!;
}

export const aspnetIdentityV3 = definePbkdf2Layout({
  id: 'aspnet-identity-v3',
  title: 'ASP.NET Core Identity v3: b64(01 . prf . iterations . saltLen . salt . subkey)',
  platforms: [
    'ASP.NET Core Identity 1.0-6.0 (HMAC-SHA256, 10,000 iterations: AQAAAAEAACcQ...)',
    'ASP.NET Core Identity 7.0+ (HMAC-SHA512, 100,000 iterations: AQAAAAIAAYag...)',
  ],
  platformIds: ['aspnet', 'aspnet-identity', 'aspnetcore', 'dotnet'],
  // formats.md §18 [V-gen] (PHP hash_pbkdf2).
  example: { password: 'Pässword1!', hash: 'AQAAAAEAACcQAAAAEDAxMjM0NTY3ODlhYmNkZWZhxyz/0AzLwVz3paqO4hkQRnuiZ5B7eh/cwoK8/yamIQ==' },
  defaultIterations: 100000,
  rank: 100,
  prefixes: ['AQAAAA'],
  shape: { length: { min: 7 }, chars: 'A-Za-z0-9+/=' },
  recognize: (s) => IDENTITY_V3.test(s),
  parse(s) {
    const blob = fromBase64(s);
    if (!blob || blob.length < 13 || blob[0] !== 1) throw malformed('aspnet-identity-v3', 'expected base64 of a version 0x01 header');
    const prf = V3_PRF[readU32BE(blob, 1)];
    const iterations = readU32BE(blob, 5);
    const saltLength = readU32BE(blob, 9);
    // PasswordHasher.VerifyHashedPasswordV3: salt >= 128 bits, subkey >= 128 bits, else false.
    if (!prf) throw malformed('aspnet-identity-v3', 'unknown PRF');
    if (iterations < 1 || iterations > MAX_PBKDF2_ITERATIONS) throw malformed('aspnet-identity-v3', 'invalid iteration count');
    if (saltLength < 16 || 13 + saltLength + 16 > blob.length) throw malformed('aspnet-identity-v3', 'salt or subkey shorter than 16 bytes');
    const salt = blob.slice(13, 13 + saltLength);
    const expected = blob.slice(13 + saltLength);
    return { kdf: { alg: prf, iterations: [iterations], salt, keyLength: expected.length }, expected };
  },
});

// ---------- Atlassian {PKCS5S2} ----------

export const atlassianPkcs5s2 = definePbkdf2Layout({
  id: 'atlassian-pkcs5s2',
  title: 'Atlassian {PKCS5S2}: b64(salt16 . PBKDF2-SHA1(10000, 32))',
  platforms: ['Atlassian Jira, Confluence, Crowd, Bitbucket Server (DefaultPasswordEncoder)'],
  platformIds: ['atlassian', 'jira', 'confluence', 'crowd', 'bitbucket'],
  example: { password: 'hashcat', hash: '{PKCS5S2}NTczNTY0NDY2NjQyNzU1Mx8gGiRGobaZYwumctGHbn2ZOHB8LkwzH+Z1gkWfy1zD' }, // hashcat 12001
  defaultIterations: 10000,
  rank: 100,
  prefixes: ['{PKCS5S2}'],
  recognize: (s) => s.startsWith('{PKCS5S2}'),
  parse(s) {
    const blob = fromBase64(s.slice(9));
    if (!blob || blob.length !== 48) throw malformed('atlassian-pkcs5s2', 'expected base64 of salt16 . key32');
    return { kdf: { alg: 'sha1', iterations: [10000], salt: blob.slice(0, 16), keyLength: 32 }, expected: blob.slice(16) };
  },
});

// ---------- SAP Commerce (Hybris) pbkdf2 ----------

/**
 * `N:saltHex:hashHex` (1-10 digits, whole bytes of hex, a non-empty hash): the indexes of its two
 * colons, or null. Perf (issue #8): one pass instead of /^([0-9]{1,10}):((?:[0-9a-fA-F]{2})*):((?:[0-9a-fA-F]{2})+)$/,
 * which it matches exactly (test/identify-perf-parsers.test.ts).
 */
function hybrisColons(s: string): [number, number] | null {
  const first = s.indexOf(':');
  if (first < 1 || first > 10 || !allIn(s, DIGIT_INDEX, 0, first)) return null;
  const second = s.indexOf(':', first + 1);
  if (second < 0 || (second - first - 1) % 2 !== 0 || !allIn(s, HEX_INDEX, first + 1, second)) return null;
  const hashLength = s.length - second - 1;
  return hashLength > 0 && hashLength % 2 === 0 && allIn(s, HEX_INDEX, second + 1) ? [first, second] : null;
}

export const hybrisPbkdf2 = definePbkdf2Layout({
  id: 'hybris-pbkdf2',
  title: 'SAP Commerce (Hybris) pbkdf2 encoding: iterations:saltHex:hashHex (PBKDF2WithHmacSHA1)',
  platforms: ['SAP Commerce Cloud / Hybris PBKDF2WithHmacSHA1SaltedPasswordEncoder (passwordEncoding "pbkdf2"; default 1000 it., 16-byte salt, 64-byte key)'],
  platformIds: ['hybris', 'sap-commerce'],
  // formats.md §11 [V-gen] (PHP hash_pbkdf2 with the encoder's defaults).
  example: {
    password: 'Pässword1!',
    hash: '1000:30313233343536373839616263646566:c8482b35a2033a21bbb2e7dc7826130c792f4b6c5b00c9c717d7305bb1e6550e237c61115f4aa2a9d0ca06c045abb23e75aeb971c77c887d3dc5b62b',
  },
  defaultIterations: 1000,
  // A colon-separated shape without a prefix (Shopware `n:salt:hex` looks alike): below 100.
  rank: 70,
  prefixes: [...'0123456789'],
  shape: { length: { min: 5 }, chars: '0-9a-fA-F:', contains: ':' },
  recognize: (s) => hybrisColons(s) !== null,
  parse(s) {
    const colons = hybrisColons(s)!;
    const n = parseIterations(s.slice(0, colons[0]));
    if (n === null) throw malformed('hybris-pbkdf2', 'invalid iteration count');
    const salt = fromHex(s.slice(colons[0] + 1, colons[1]))!;
    const expected = fromHex(s.slice(colons[1] + 1))!;
    // check() derives hash.length * 8 bits.
    return { kdf: { alg: 'sha1', iterations: [n], salt, keyLength: expected.length }, expected };
  },
});

// ---------- Keycloak ----------

/** Keycloak credential `algorithm` ids (Pbkdf2*PasswordHashProviderFactory). */
const KEYCLOAK_ALG: Readonly<Record<string, DigestName>> = { pbkdf2: 'sha1', 'pbkdf2-sha256': 'sha256', 'pbkdf2-sha512': 'sha512' };

function keycloakKdf(scheme: string, value: string, salt: string, iterations: unknown, algorithm: unknown): Pbkdf2Parsed {
  const alg = typeof algorithm === 'string' ? KEYCLOAK_ALG[algorithm] : undefined;
  if (!alg) throw malformed(scheme, 'algorithm must be pbkdf2, pbkdf2-sha256 or pbkdf2-sha512');
  const n = typeof iterations === 'number' && Number.isInteger(iterations) && iterations >= 1 && iterations <= MAX_PBKDF2_ITERATIONS ? iterations : null;
  if (n === null) throw malformed(scheme, 'hashIterations must be a positive integer');
  const expected = fromBase64(value);
  const saltBytes = fromBase64(salt);
  if (!expected || expected.length === 0 || !saltBytes) throw malformed(scheme, 'value and salt must be base64');
  // verify() derives keySize = decoded value length * 8 bits.
  return { kdf: { alg, iterations: [n], salt: saltBytes, keyLength: expected.length }, expected };
}

/** An object field that may itself be a JSON string (realm exports nest secretData as text). */
function objectField(o: Record<string, unknown>, ...names: string[]): Record<string, unknown> | undefined {
  for (const name of names) {
    let v = o[name];
    if (typeof v === 'string') {
      try {
        v = JSON.parse(v) as unknown;
      } catch {
        return undefined;
      }
    }
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
  }
  return undefined;
}

/**
 * Keycloak credential record as JSON. Accepted forms (the first that applies):
 * - the realm-export / admin-API credential: `{"secretData": "<json or object>", "credentialData": "<json or object>", ...}`;
 * - the database columns: `{"secret_data": ..., "credential_data": ...}`;
 * - flat: `{"value": "<b64>", "salt": "<b64>", "hashIterations": 27500, "algorithm": "pbkdf2-sha256"}`.
 * secret data = `{value, salt}`; credential data = `{hashIterations, algorithm}`.
 */
export const keycloak = definePbkdf2Layout({
  id: 'keycloak',
  title: 'Keycloak PBKDF2 credential (JSON: secret_data {value, salt} + credential_data {hashIterations, algorithm})',
  platforms: [
    'Keycloak 9+ credential table / realm export / admin API (pbkdf2-sha256, 27,500 it. default up to 23; pbkdf2, pbkdf2-sha512)',
    'Pass the credential as JSON: {"secretData": ..., "credentialData": ...} or the flat {value, salt, hashIterations, algorithm}',
  ],
  platformIds: ['keycloak', 'redhat-sso'],
  // formats.md §20 [V-gen] (PHP hash_pbkdf2, Keycloak's formula).
  example: {
    password: 'Pässword1!',
    hash: '{"value":"JMgOZGTvMM/U5ZcCHkX2HnFlPxt1SoDGthpIy9sFbD00GGG6D5F0gbYTORZqTQYH0+AeRkHhIMkcYRLK+8SFPA==","salt":"MDEyMzQ1Njc4OWFiY2RlZg==","hashIterations":27500,"algorithm":"pbkdf2-sha256"}',
  },
  defaultIterations: 27500,
  rank: 100,
  prefixes: ['{'],
  recognize: (s) => /^\{\s*"/.test(s),
  parse(s) {
    let o: unknown;
    try {
      o = JSON.parse(s) as unknown;
    } catch {
      throw malformed('keycloak', 'not valid JSON');
    }
    if (typeof o !== 'object' || o === null || Array.isArray(o)) throw malformed('keycloak', 'expected a JSON object');
    const rec = o as Record<string, unknown>;
    const secret = objectField(rec, 'secretData', 'secret_data') ?? rec;
    const cred = objectField(rec, 'credentialData', 'credential_data') ?? rec;
    const { value, salt } = secret;
    if (typeof value !== 'string' || typeof salt !== 'string') throw malformed('keycloak', 'secret data needs value and salt');
    return keycloakKdf('keycloak', value, salt, cred['hashIterations'], cred['algorithm']);
  },
});


/**
 * `prefixes` of a string that starts with a standard-base64 character (A-Z a-z 0-9 + /): keeps
 * bare base64 schemes away from `$...`, `{...}`, `:`... strings (Scheme.prefixes).
 */
export const BASE64_FIRST_CHARS: readonly string[] = Object.freeze([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/']);

/**
 * A bare base64 key of one of `bytes` lengths (Keycloak `value`, Firebase `passwordHash`): no
 * prefix, so only the lengths those platforms write by default are claimed, and strings made
 * only of hex digits are left to the hex schemes (a real base64 key is almost never all-hex).
 */
export function isBareBase64Key(s: string, bytes: readonly number[]): boolean {
  if (!bytes.some((n) => s.length === 4 * Math.ceil(n / 3))) return false;
  // Perf (issue #8): in place of /^[A-Za-z0-9+/]+={0,2}$/ and /^[0-9a-fA-F]*$/ (same answers,
  // test/identify-perf-parsers.test.ts): base64 characters, then at most two `=`, and not all hex.
  let end = s.length;
  if (end > 0 && s.charCodeAt(end - 1) === 61 /* = */) end--;
  if (end > 0 && s.charCodeAt(end - 1) === 61) end--;
  return end > 0 && allIn(s, B64_INDEX, 0, end) && !allIn(s, HEX_INDEX);
}

/**
 * The bare Keycloak `value` column, with the credential's `salt` as options.salt (base64) and
 * `options.params.hashIterations` (+ `options.params.algorithm`, default `pbkdf2-sha256`).
 */
export const keycloakPbkdf2 = definePbkdf2Layout({
  id: 'keycloak-pbkdf2',
  title: 'Keycloak PBKDF2 value (base64) with options.salt (base64) and params {hashIterations, algorithm}',
  platforms: ['Keycloak secret_data.value exported alone: salt (base64) as options.salt, params.hashIterations, params.algorithm (default pbkdf2-sha256)'],
  platformIds: ['keycloak', 'redhat-sso'],
  example: {
    password: 'Pässword1!',
    hash: 'JMgOZGTvMM/U5ZcCHkX2HnFlPxt1SoDGthpIy9sFbD00GGG6D5F0gbYTORZqTQYH0+AeRkHhIMkcYRLK+8SFPA==',
    options: { salt: 'MDEyMzQ1Njc4OWFiY2RlZg==', params: { hashIterations: 27500, algorithm: 'pbkdf2-sha256' } },
  },
  defaultIterations: 27500,
  needs: ['salt'],
  // Only a candidate when the caller gave params.hashIterations (parse refuses otherwise).
  rank: 90,
  prefixes: BASE64_FIRST_CHARS,
  // Keycloak's default key is 512 bits (88 chars); 256-bit keys (44 chars) are configurable.
  shape: { length: [88, 44], chars: 'A-Za-z0-9+/=' },
  recognize: (s) => isBareBase64Key(s, [64, 32]),
  // Detection skips it without params.hashIterations (parse then refuses: ERR_MISSING_INPUT).
  optIn: (inputs) => inputs.params?.['hashIterations'] !== undefined,
  parse(s, inputs) {
    const n = intParam(inputs, 'keycloak-pbkdf2', 'hashIterations', 1, MAX_PBKDF2_ITERATIONS);
    if (n === undefined) throw missingParam('keycloak-pbkdf2', 'hashIterations', "the credential's credential_data.hashIterations");
    const algorithm = stringParam(inputs, 'keycloak-pbkdf2', 'algorithm') ?? 'pbkdf2-sha256';
    // The salt is checked when it is there; without it the candidate is listed as missing it.
    const parsed = keycloakKdf('keycloak-pbkdf2', s, inputs.salt ?? '', n, algorithm);
    if (inputs.salt !== undefined && parsed.kdf.salt.length === 0) throw malformed('keycloak-pbkdf2', 'empty salt');
    return parsed;
  },
});

export const pbkdf2Schemes: readonly Scheme[] = [
  djangoPbkdf2,
  passlibPbkdf2,
  pbkdf2Phc,
  werkzeugPbkdf2,
  aspnetIdentityV3,
  aspnetIdentityV2,
  atlassianPkcs5s2,
  hybrisPbkdf2,
  keycloak,
  keycloakPbkdf2,
];
