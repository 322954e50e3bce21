/**
 * RFC 2307-style `{SCHEME}value` passwords as stored in LDAP `userPassword` (OpenLDAP, 389-DS /
 * Red Hat DS, Atlassian Crowd's LDAP directories, Joomla/phpLDAPadmin imports) and written by
 * passlib's ldap_* handlers.
 *
 * - `{MD5}` `{SHA}` `{SHA256}` `{SHA384}` `{SHA512}`: base64(H(pw)). (OpenLDAP
 *   libraries/liblutil/passwd.c chk_md5/chk_sha1; contrib/slapd-modules/passwd/sha2.)
 * - `{SMD5}` `{SSHA}` `{SSHA256}` `{SSHA384}` `{SSHA512}`: base64(H(pw . salt) . salt); the salt
 *   is whatever follows the digest, at least 1 byte (OpenLDAP: "must have some salt"; OpenLDAP
 *   writes 4 bytes, 389-DS 8 or 16, passlib 4-16).
 * - `{MD5}` / `{SHA}` followed by hex instead of base64: passlib ldap_hex_md5 / ldap_hex_sha1
 *   (Roundup tracker). Separate ids, told apart by the value's shape (32/40 hex vs 24/28 base64).
 * - `{CRYPT}` + any crypt(3) string: OpenLDAP chk_crypt calls the system crypt() and compares
 *   the whole output; we parse the inner string with the crypt(3) scheme that claims it.
 *   OpenLDAP refuses a password containing NUL for {CRYPT} (no C-string truncation there).
 * - `{PBKDF2}` / `{PBKDF2-SHA1}` / `{PBKDF2-SHA256}` / `{PBKDF2-SHA512}`: `iterations$salt$dk`, salt
 *   and dk in passlib's adapted base64 (OpenLDAP contrib/slapd-modules/passwd/pbkdf2, passlib
 *   ldap_pbkdf2_*). dk length = digest size.
 *
 * The scheme name is matched case-insensitively, as OpenLDAP does (passwd_scheme: strncasecmp),
 * so `{ssha}` and `{Crypt}` verify too.
 */
import { digestProgram, stageBase64, stageDecoded, stagePassword, stageText } from '../core/chain.js';
import { digest, DIGEST_BYTES, pbkdf2Async, type DigestName } from '../core/digest.js';
import { allIn, fromAb64, fromBase64, fromHex, HEX_INDEX } from '../core/encoding.js';
import { defineScheme } from '../core/scheme.js';
import { LegacyHashError, malformed } from '../errors.js';
import type { CostCheck, Derived, ParsedHash, Scheme, SchemeInputs } from '../types.js';
import { bcryptSchemes } from './bcrypt.js';
import { desCryptSchemes } from './des-crypt.js';
import { md5CryptSchemes } from './md5-crypt.js';
import { joomlaSha256 } from './platforms.js';
import { sha1CryptSchemes } from './sha1-crypt.js';
import { shaCryptSchemes } from './sha-crypt.js';

/** Every LDAP value starts with `{` (the scheme name is case-insensitive, so only `{` is promised). */
const LDAP_PREFIXES = ['{'];

/** `{NAME}` prefix test, case-insensitive; returns the value after it or null. */
function afterPrefix(s: string, name: string): string | null {
  return hasPrefix(s, name) ? s.slice(name.length + 2) : null;
}

/**
 * Whether `s` starts with `{NAME}` (NAME upper-case ASCII), case-insensitively; detection asks
 * every LDAP scheme about every `{...}` string, so this compares in place (no slice, no case map).
 * toUpperCase() also maps a few non-ASCII characters to ASCII (U+0131 dotless i -> I, U+017F long
 * s -> S): they are accepted here too, as before.
 */
function hasPrefix(s: string, name: string): boolean {
  if (s.length < name.length + 2 || s.charCodeAt(0) !== 123 /* { */ || s.charCodeAt(name.length + 1) !== 125 /* } */) return false;
  for (let i = 0; i < name.length; i++) {
    const c = s.charCodeAt(i + 1);
    const want = name.charCodeAt(i);
    if (c === want || (c >= 97 && c <= 122 && c - 32 === want)) continue;
    if (c >= 128 && s[i + 1]!.toUpperCase() === name[i]) continue;
    return false;
  }
  return true;
}

/** hasPrefix() for any of `names` (a loop: recognize() runs for every `{...}` string). */
function hasAnyPrefix(s: string, names: readonly string[]): boolean {
  for (let i = 0; i < names.length; i++) if (hasPrefix(s, names[i]!)) return true;
  return false;
}

const PLATFORMS = [
  'OpenLDAP 2.x userPassword (slappasswd)',
  '389 Directory Server / Red Hat Directory Server / FreeIPA',
  'Atlassian Crowd / Jira / Confluence LDAP directories',
  'passlib ldap_* handlers',
];
const PLATFORM_IDS = ['ldap', 'openldap', '389-ds', 'crowd', 'generic'];

// ---------- unsalted and salted digests ----------

export interface LdapDigestParsed extends ParsedHash {
  alg: DigestName;
  /** Salt bytes after the digest ({S...} schemes only; empty otherwise). */
  salt: Uint8Array;
}


/** The salt of an unsalted LDAP digest (shared: derive only reads it). */
const NO_SALT = new Uint8Array(0);

function ldapDigest(o: {
  id: string;
  name: string;
  alg: DigestName;
  salted: boolean;
  title: string;
  platforms?: string[];
  example: { password: string; hash: string };
  /**
   * Another scheme whose strings share this prefix but whose value is never base64 (Joomla's
   * `{SHA256}<64 hex>:<salt>`): declining them spares detection a parse that always throws
   * (issue #8); the other scheme fits them, so nothing that was verifiable becomes unknown.
   */
  yieldsTo?: Pick<Scheme, 'recognize'>;
}): Scheme<LdapDigestParsed> {
  const n = DIGEST_BYTES[o.alg];
  // Where the value starts. Perf (issue #8): the value is read in place (no slice), since every
  // LDAP scheme is asked about every `{...}` string.
  const start = o.name.length + 2;
  // {MD5}/{SHA} with a hex value belong to the hex schemes below.
  const isHex = (s: string): boolean => !o.salted && s.length - start === 2 * n && allIn(s, HEX_INDEX, start);
  const yieldsTo = o.yieldsTo;
  const recognize = (s: string): boolean => hasPrefix(s, o.name) && !isHex(s) && !(yieldsTo !== undefined && yieldsTo.recognize(s));
  // The whole verification in one call of the chain machine: the module decodes the base64
  // value (digest, then the salt) and compares; anything unusual goes to parse() for its error.
  const program = digestProgram(o.alg, o.salted ? [0, 1] : [0]);
  const check = (pw: string | Uint8Array, s: string, _inputs: SchemeInputs, maxPasswordBytes: number): boolean | undefined => {
    // Only the prefix is tested: a value the module decodes to the right length is neither hex
    // (2n hex digits decode to 1.5n bytes) nor a Joomla string (its ':' is not base64), so
    // recognize() would have claimed it.
    if (program === null || !hasPrefix(s, o.name) || !stageText(s)) return undefined;
    const len = stageBase64(start, s.length);
    if ((o.salted ? len <= n : len !== n) || !stagePassword(pw, maxPasswordBytes)) return undefined;
    if (o.salted) stageDecoded(1, n, len);
    return program.check('decoded', 0, n);
  };
  return defineScheme<LdapDigestParsed>({
    id: o.id,
    title: o.title,
    family: 'ldap',
    platforms: o.platforms ?? PLATFORMS,
    platformIds: PLATFORM_IDS,
    example: o.example,
    rank: 100,
    prefixes: LDAP_PREFIXES,
    recognize,
    parse(s) {
      // Called on strings recognize() claimed; one without the prefix is refused, not decoded.
      const bytes = hasPrefix(s, o.name) ? fromBase64(s, start) : null;
      if (!bytes) throw malformed(o.id, 'value is not base64');
      if (o.salted ? bytes.length <= n : bytes.length !== n) {
        throw malformed(o.id, o.salted ? `expected ${n} digest bytes and a salt` : `expected ${n} digest bytes`);
      }
      // Perf (issue #8): an unsalted value is the digest itself, no copy. (Not subarray() for the
      // salted ones: a view of a small array makes V8 move its bytes off the heap, ~0.2 µs.)
      if (!o.salted) return { alg: o.alg, salt: NO_SALT, expected: bytes };
      return { alg: o.alg, salt: bytes.slice(n), expected: bytes.slice(0, n) };
    },
    derive: (pw, p) => digest(p.alg, pw, p.salt),
    describe: (p): Record<string, string | number> => (o.salted ? { digest: p.alg, saltLength: p.salt.length } : { digest: p.alg }),
    check,
  });
}

function ldapHexDigest(o: {
  id: string;
  name: string;
  alg: DigestName;
  title: string;
  example: { password: string; hash: string };
}): Scheme<LdapDigestParsed> {
  const n = DIGEST_BYTES[o.alg];
  const start = o.name.length + 2;
  const recognize = (s: string): boolean => hasPrefix(s, o.name) && s.length - start === 2 * n && allIn(s, HEX_INDEX, start);
  const program = digestProgram(o.alg, [0]);
  return defineScheme<LdapDigestParsed>({
    id: o.id,
    title: o.title,
    family: 'ldap',
    platforms: ['Roundup issue tracker (passlib ldap_hex_md5 / ldap_hex_sha1)', 'passlib ldap_hex_* handlers'],
    platformIds: ['roundup', 'ldap', 'generic'],
    example: o.example,
    rank: 100,
    prefixes: LDAP_PREFIXES,
    recognize,
    parse: (s) => ({ alg: o.alg, salt: new Uint8Array(0), expected: fromHex(afterPrefix(s, o.name)!)! }),
    derive: (pw, p) => digest(p.alg, pw),
    describe: (p) => ({ digest: p.alg, encoding: 'hex' }),
    // The whole verification in one call of the chain machine.
    check: (pw, s, _inputs, maxPasswordBytes) =>
      program !== null && recognize(s) && stageText(s) && stagePassword(pw, maxPasswordBytes) ? program.check('hex', start, s.length) : undefined,
  });
}

// Examples: hashcat example hashes (password "hashcat") where hashcat has the mode, else passlib
// 1.7.4 output re-checked with Python hashlib (test/vectors/ldap.json has the full set).
export const ldapMd5 = ldapDigest({
  id: 'ldap-md5',
  name: 'MD5',
  alg: 'md5',
  salted: false,
  title: 'LDAP {MD5} (base64 MD5)',
  example: { password: 'password', hash: '{MD5}X03MO1qnZdYdgyfeuILPmQ==' },
});
export const ldapSha1 = ldapDigest({
  id: 'ldap-sha1',
  name: 'SHA',
  alg: 'sha1',
  salted: false,
  title: 'LDAP {SHA} (base64 SHA-1)',
  example: { password: 'hashcat', hash: '{SHA}uJ6qx+YUFzQbcQtyd2gpTQ5qJ3s=' }, // hashcat mode 101 example
});
export const ldapSha256 = ldapDigest({
  id: 'ldap-sha256',
  name: 'SHA256',
  alg: 'sha256',
  salted: false,
  title: 'LDAP {SHA256} (base64 SHA-256, OpenLDAP pw-sha2)',
  yieldsTo: joomlaSha256,
  example: { password: 'password', hash: '{SHA256}XohImNooBHFR0OVvjcYpJ3NgPQ1qq73WKhHvch0VQtg=' },
});
export const ldapSha384 = ldapDigest({
  id: 'ldap-sha384',
  name: 'SHA384',
  alg: 'sha384',
  salted: false,
  title: 'LDAP {SHA384} (base64 SHA-384, OpenLDAP pw-sha2)',
  example: { password: 'password', hash: '{SHA384}qLZLq9CsqRpZvbt3YbQh1PK7OCgNOnW6DyHyvrxFWD1EbFmGYMlM5oDEfRnDB4On' },
});
export const ldapSha512 = ldapDigest({
  id: 'ldap-sha512',
  name: 'SHA512',
  alg: 'sha512',
  salted: false,
  title: 'LDAP {SHA512} (base64 SHA-512, OpenLDAP pw-sha2)',
  example: {
    password: 'password',
    hash: '{SHA512}sQnzu7wkTrgkQZF+0G1hi5AI3Qmzvv0bXgc5THBqi7mAsdd4Xll27ASbRt9fEyavWi6m0QP9B8lThf+rDKy8hg==',
  },
});
export const ldapSaltedMd5 = ldapDigest({
  id: 'ldap-salted-md5',
  name: 'SMD5',
  alg: 'md5',
  salted: true,
  title: 'LDAP {SMD5} (base64 of MD5(pw . salt) . salt)',
  example: { password: 'Pässword1!', hash: '{SMD5}ZpsXy5wDfVPsNVf1IDgdKHNhbHRzYWx0' }, // passlib, formats.md §A
});
export const ldapSaltedSha1 = ldapDigest({
  id: 'ldap-salted-sha1',
  name: 'SSHA',
  alg: 'sha1',
  salted: true,
  title: 'LDAP {SSHA} (base64 of SHA-1(pw . salt) . salt)',
  example: { password: 'hashcat', hash: '{SSHA}FLzWcQqyle6Mo7NvrwXCMAmRzXQxNjYxMTYzNw==' }, // hashcat mode 111 example
});
export const ldapSaltedSha256 = ldapDigest({
  id: 'ldap-salted-sha256',
  name: 'SSHA256',
  alg: 'sha256',
  salted: true,
  title: 'LDAP {SSHA256} (base64 of SHA-256(pw . salt) . salt)',
  example: { password: 'hashcat', hash: '{SSHA256}L5Wk0zPY2lmoR5pH20zngq37KkxFwgTquEhx95rxfVk3Ng==' }, // hashcat 1411
});
export const ldapSaltedSha384 = ldapDigest({
  id: 'ldap-salted-sha384',
  name: 'SSHA384',
  alg: 'sha384',
  salted: true,
  title: 'LDAP {SSHA384} (base64 of SHA-384(pw . salt) . salt)',
  example: { password: 'password', hash: '{SSHA384}oDYiWDvogMRCjZDmryXqf4JuZwNZ1xThZtMfeeBw2jej290b7Z6i4ozW1MVLe18Yc2FsdHNhbHQ=' },
});
export const ldapSaltedSha512 = ldapDigest({
  id: 'ldap-salted-sha512',
  name: 'SSHA512',
  alg: 'sha512',
  salted: true,
  title: 'LDAP {SSHA512} (base64 of SHA-512(pw . salt) . salt)',
  example: {
    password: 'hashcat',
    hash: '{SSHA512}Bz8w5q6qEtB1Nnc8b1jfTvTXVTwohWag33oghQGOtLChnkZTw/cuJaHQlLJEI3AWKZGCRyLA6Phujdxo+is7AjA2MDcyNjY1Mg==',
  }, // hashcat mode 1711 example
});
export const ldapHexMd5 = ldapHexDigest({
  id: 'ldap-hex-md5',
  name: 'MD5',
  alg: 'md5',
  title: 'LDAP-style {MD5} with a hex digest (Roundup)',
  example: { password: 'password', hash: '{MD5}5f4dcc3b5aa765d61d8327deb882cf99' },
});
export const ldapHexSha1 = ldapHexDigest({
  id: 'ldap-hex-sha1',
  name: 'SHA',
  alg: 'sha1',
  title: 'LDAP-style {SHA} with a hex digest (Roundup)',
  example: { password: 'password', hash: '{SHA}5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8' },
});

// ---------- {CRYPT}: any crypt(3) string, delegated ----------

/** The crypt(3) formats a {CRYPT} value may hold (libxcrypt/glibc/BSD crypt() and passlib ldap_*_crypt). */
const CRYPT_SCHEMES: readonly Scheme[] = [
  ...md5CryptSchemes,
  ...shaCryptSchemes,
  ...sha1CryptSchemes,
  ...bcryptSchemes,
  ...desCryptSchemes,
];
const CRYPT_BY_ID = new Map(CRYPT_SCHEMES.map((s) => [s.id, s]));

export interface LdapCryptParsed extends ParsedHash {
  /** Id of the crypt(3) scheme that parsed the inner string. */
  inner: string;
  innerParsed: ParsedHash;
}

function innerOf(p: LdapCryptParsed): Scheme {
  return CRYPT_BY_ID.get(p.inner)!;
}

export const ldapCrypt = defineScheme<LdapCryptParsed>({
  id: 'ldap-crypt',
  title: 'LDAP {CRYPT} (a crypt(3) string: DES, $1$, $5$, $6$, $2?$, ...)',
  family: 'ldap',
  platforms: [...PLATFORMS, 'OpenLDAP password-hash {CRYPT} with password-crypt-salt-format'],
  platformIds: PLATFORM_IDS,
  example: { password: 'Pässword1!', hash: '{CRYPT}$1$saltsalt$5UttEarkOM/Nigl0CIZPm1' }, // passlib, formats.md §A
  costs: [{ name: 'rounds', min: 1, max: 999_999_999, limit: 'maxRounds' }],
  rank: 100,
  prefixes: LDAP_PREFIXES,
  recognize: (s) => afterPrefix(s, 'CRYPT') !== null,
  parse(s, inputs: SchemeInputs) {
    const value = afterPrefix(s, 'CRYPT')!;
    let firstError: unknown;
    for (const scheme of CRYPT_SCHEMES) {
      if (!scheme.recognize(value)) continue;
      try {
        const innerParsed = scheme.parse(value, inputs);
        return { inner: scheme.id, innerParsed, expected: innerParsed.expected };
      } catch (e) {
        firstError ??= e;
      }
    }
    // Only our own errors' messages are known not to quote the input.
    if (firstError instanceof LegacyHashError) throw malformed('ldap-crypt', `inner crypt(3) string: ${firstError.message}`);
    if (firstError) throw malformed('ldap-crypt', 'inner crypt(3) string is invalid');
    throw malformed('ldap-crypt', 'no crypt(3) format recognises the value');
  },
  cost: (p): readonly CostCheck[] => innerOf(p).cost?.(p.innerParsed) ?? [],
  // Routing: the work is the inner format's, so is the estimate (md5crypt and DES inline; a
  // format without an estimate, e.g. bigcrypt or bcrypt, never).
  inlineCost: { work: [], usPerUnit: 0, baseUs: Infinity, of: (p) => innerOf(p).inlineCost },
  derive(pw, p, inputs): Derived | Promise<Derived> {
    // OpenLDAP chk_crypt: a NUL in the password fails (it is not truncated as crypt() would).
    if (pw.includes(0)) return new Uint8Array(0);
    return innerOf(p).derive(pw, p.innerParsed, inputs);
  },
  offload: (p, pw) => {
    const o = innerOf(p).offload;
    return typeof o === 'function' ? o(p.innerParsed, pw) : o === true;
  },
  describe: (p) => ({ inner: p.inner, ...(innerOf(p).describe?.(p.innerParsed) ?? {}) }),
});

// ---------- {PBKDF2-*}: passlib / OpenLDAP pw-pbkdf2 ----------

export interface LdapPbkdf2Parsed extends ParsedHash {
  alg: 'sha1' | 'sha256' | 'sha512';
  iterations: number;
  salt: Uint8Array;
}

/** passlib's bounds for pbkdf2_* handlers: rounds 1..2^32-1, salt 0..1024 bytes. */
const PBKDF2_MAX_ITERATIONS = 0xffffffff;
const PBKDF2_MAX_SALT = 1024;
const PBKDF2_SHAPE = /^(0|[1-9][0-9]{0,9})\$([./A-Za-z0-9]*)\$([./A-Za-z0-9]+)$/;

function ldapPbkdf2(o: {
  id: string;
  names: string[];
  alg: 'sha1' | 'sha256' | 'sha512';
  defaultIterations: number;
  example: { password: string; hash: string };
}): Scheme<LdapPbkdf2Parsed> {
  const value = (s: string): string | null => {
    for (const n of o.names) {
      const v = afterPrefix(s, n);
      if (v !== null) return v;
    }
    return null;
  };
  return defineScheme<LdapPbkdf2Parsed>({
    id: o.id,
    title: `LDAP {${o.names[0]}} (PBKDF2-HMAC-${o.alg.toUpperCase()}, passlib adapted base64)`,
    family: 'ldap',
    platforms: ['OpenLDAP contrib pw-pbkdf2 (2.4.x+)', 'passlib ldap_pbkdf2_* (1.6+)'],
    platformIds: PLATFORM_IDS,
    example: o.example,
    costs: [{ name: 'iterations', default: o.defaultIterations, min: 1, max: PBKDF2_MAX_ITERATIONS, limit: 'maxPbkdf2Iterations' }],
    rank: 100,
    prefixes: LDAP_PREFIXES,
    recognize: (s) => hasAnyPrefix(s, o.names),
    parse(s) {
      const m = PBKDF2_SHAPE.exec(value(s)!);
      if (!m) throw malformed(o.id, 'expected iterations$salt$checksum (adapted base64)');
      const iterations = Number(m[1]);
      const salt = fromAb64(m[2]!);
      const expected = fromAb64(m[3]!);
      if (iterations < 1 || iterations > PBKDF2_MAX_ITERATIONS) throw malformed(o.id, 'iterations out of range');
      if (!salt || salt.length > PBKDF2_MAX_SALT) throw malformed(o.id, 'invalid salt');
      if (!expected || expected.length !== DIGEST_BYTES[o.alg]) throw malformed(o.id, `checksum must be ${DIGEST_BYTES[o.alg]} bytes`);
      return { alg: o.alg, iterations, salt, expected };
    },
    cost: (p) => [{ limit: 'maxPbkdf2Iterations', value: p.iterations, name: 'iterations' }],
    derive: (pw, p) => pbkdf2Async(p.alg, pw, p.salt, p.iterations, DIGEST_BYTES[p.alg]),
    describe: (p) => ({ digest: p.alg, iterations: p.iterations, saltLength: p.salt.length }),
  });
}

// Examples: passlib 1.7.4 ldap_pbkdf2_*.using(salt=b'saltsaltsaltsalt', rounds=1000).hash('password').
export const ldapPbkdf2Sha1 = ldapPbkdf2({
  id: 'ldap-pbkdf2-sha1',
  names: ['PBKDF2', 'PBKDF2-SHA1'],
  alg: 'sha1',
  defaultIterations: 131000,
  example: { password: 'password', hash: '{PBKDF2}1000$c2FsdHNhbHRzYWx0c2FsdA$2FWw/oC7TQkskizC.81lWlmFAMM' },
});
export const ldapPbkdf2Sha256 = ldapPbkdf2({
  id: 'ldap-pbkdf2-sha256',
  names: ['PBKDF2-SHA256'],
  alg: 'sha256',
  defaultIterations: 29000,
  example: { password: 'password', hash: '{PBKDF2-SHA256}1000$c2FsdHNhbHRzYWx0c2FsdA$8nX7hwFEzIB8aPajJTYK8weHQc5Ngz0pFVAKvSu4jQA' },
});
export const ldapPbkdf2Sha512 = ldapPbkdf2({
  id: 'ldap-pbkdf2-sha512',
  names: ['PBKDF2-SHA512'],
  alg: 'sha512',
  defaultIterations: 25000,
  example: { password: 'password', hash: '{PBKDF2-SHA512}1000$c2FsdHNhbHRzYWx0c2FsdA$715rqIr5dXOVPpBhqqsugl037zT5bWJTWYmZtIcK8hBnisKpwfY7kokvwjDrNHqHhF50Pb7MD6HvkJwiDQw4ww' },
});

export const ldapSchemes: readonly Scheme[] = [
  ldapSaltedSha512,
  ldapSaltedSha384,
  ldapSaltedSha256,
  ldapSaltedSha1,
  ldapSaltedMd5,
  ldapSha512,
  ldapSha384,
  ldapSha256,
  ldapSha1,
  ldapMd5,
  ldapHexSha1,
  ldapHexMd5,
  ldapCrypt,
  ldapPbkdf2Sha512,
  ldapPbkdf2Sha256,
  ldapPbkdf2Sha1,
];
