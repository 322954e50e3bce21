/**
 * ASP.NET Membership (System.Web.Security.SqlMembershipProvider, .NET 2.0-4.8), PasswordFormat
 * = Hashed (1). Columns aspnet_Membership.Password (base64 digest) and PasswordSalt (base64 of
 * 16 random bytes): pass the salt column as `options.salt`, as stored.
 * Source: microsoft/referencesource System.Web/Security/SQLMembershipProvider.cs (EncodePassword,
 * GetHashAlgorithm), Membership.cs (HashAlgorithmType), MachineKeySection.cs; mscorlib
 * HMACSHA1/256/384/512/HMACMD5 default key sizes (64, 64, 128, 128, 64 bytes). formats.md §19.
 *
 * EncodePassword(pass, 1, salt): bIn = UTF-16LE(pass), bSalt = base64-decode(salt), then
 * - a plain HashAlgorithm (SHA1 — forced under the default passwordCompatMode="Framework20" —,
 *   MD5, SHA256, SHA384, SHA512): H(bSalt . bIn);
 * - a KeyedHashAlgorithm (HMACSHA256 = the machineKey default under Framework40, or any HMAC
 *   named by hashAlgorithmType): HMAC(key, bIn), key = bSalt cut or repeated to the algorithm's
 *   default key size.
 * Which one ran is web.config, not data: both readings of the stored digest's length are tried
 * unless `options.params.membershipHashAlgorithm` names it (SHA1, MD5, SHA256, SHA384, SHA512,
 * HMACSHA1, HMACMD5, HMACSHA256, HMACSHA384, HMACSHA512). Encrypted (2) and Clear (0) formats are
 * out of scope (reversible with the machine key; plain text).
 */
import { utf16leOfUtf8 } from '../core/bytes.js';
import { digestProgram, keyedProgram, MAX_CHAIN_INPUT_BYTES, stageBase64, stageBytes, stagePassword, stageText, unstage } from '../core/chain.js';
import { digest, DIGEST_BYTES, hmac, type DigestName } from '../core/digest.js';
import { fromBase64 } from '../core/encoding.js';
import { passwordBytesWithin } from '../core/password.js';
import { stringParam } from '../core/params.js';
import { defineScheme } from '../core/scheme.js';
import { LegacyHashError, malformed } from '../errors.js';
import type { ParsedHash, Scheme, SchemeInputs } from '../types.js';
import { BASE64_FIRST_CHARS } from './pbkdf2.js';

type MembershipAlg = 'md5' | 'sha1' | 'sha256' | 'sha384' | 'sha512';

interface Reading {
  alg: MembershipAlg;
  keyed: boolean;
}

interface MembershipParsed extends ParsedHash {
  salt: Uint8Array;
  readings: Reading[];
}

/** .NET HMAC* parameterless constructors: Utils.GenerateRandom(n). */
const HMAC_KEY_BYTES: Readonly<Record<MembershipAlg, number>> = { md5: 64, sha1: 64, sha256: 64, sha384: 128, sha512: 128 };
const BY_LENGTH: Readonly<Record<number, MembershipAlg>> = { 16: 'md5', 20: 'sha1', 32: 'sha256', 48: 'sha384', 64: 'sha512' };
const NAMED: Readonly<Record<string, Reading>> = {
  MD5: { alg: 'md5', keyed: false },
  SHA1: { alg: 'sha1', keyed: false },
  SHA256: { alg: 'sha256', keyed: false },
  SHA384: { alg: 'sha384', keyed: false },
  SHA512: { alg: 'sha512', keyed: false },
  HMACMD5: { alg: 'md5', keyed: true },
  HMACSHA1: { alg: 'sha1', keyed: true },
  HMACSHA256: { alg: 'sha256', keyed: true },
  HMACSHA384: { alg: 'sha384', keyed: true },
  HMACSHA512: { alg: 'sha512', keyed: true },
};

/** EncodePassword's key rule: the salt as is, cut, or repeated to fill the key. */
export function membershipHmacKey(salt: Uint8Array, keyBytes: number): Uint8Array {
  if (salt.length >= keyBytes) return salt.slice(0, keyBytes);
  const key = new Uint8Array(keyBytes);
  for (let i = 0; i < keyBytes; i++) key[i] = salt[i % salt.length]!;
  return key;
}

/** Base64 of a 16, 20, 32, 48 or 64-byte digest, by string length (one regex per length, not one alternation tried branch by branch). */
const SHAPES: Readonly<Record<number, RegExp>> = {
  24: /^[A-Za-z0-9+/]{22}==$/,
  28: /^[A-Za-z0-9+/]{27}=$/,
  44: /^[A-Za-z0-9+/]{43}=$/,
  64: /^[A-Za-z0-9+/]{64}$/,
  88: /^[A-Za-z0-9+/]{86}==$/,
};

/**
 * Per digest: H(salt . text) and HMAC(key, text) with the salt (or key) as input 1, for the whole
 * verification in the chain module (Scheme.check); null without WebAssembly.
 */
const PROGRAMS = new Map(
  (['md5', 'sha1', 'sha256', 'sha384', 'sha512'] as const).map((alg) => [
    alg,
    {
      plain: digestProgram(alg, [1, 0]),
      keyed: keyedProgram(alg),
    },
  ]),
);

/**
 * Scheme.check: the readings parse() would keep (both, the named one, no keyed one for an empty
 * salt), each one run of the chain module, all of them run (no early exit), a match if any
 * matches.
 */
function checkMembership(pw: string | Uint8Array, s: string, inputs: SchemeInputs, maxPasswordBytes: number): boolean | undefined {
  if (inputs.salt === undefined || SHAPES[s.length]?.test(s) !== true || !stageText(s)) return undefined;
  const n = stageBase64(0, s.length);
  const alg = BY_LENGTH[n];
  const salt = fromBase64(inputs.salt);
  const programs = alg && PROGRAMS.get(alg);
  if (!alg || !programs || !programs.plain || !programs.keyed || !salt) return undefined;
  const named = inputs.params?.['membershipHashAlgorithm'];
  const only = typeof named === 'string' ? NAMED[named.toUpperCase()] : undefined;
  if (named !== undefined && (only === undefined || only.alg !== alg)) return undefined; // parse's errors
  const runPlain = only === undefined || !only.keyed;
  const runKeyed = (only === undefined || only.keyed) && salt.length > 0;
  const bytes = passwordBytesWithin(pw, maxPasswordBytes);
  if (bytes === undefined) return undefined;
  const text = utf16leOfUtf8(bytes);
  bytes.fill(0);
  if (text === null) return false; // derive has no reading of invalid UTF-8: never a match
  let match = false;
  try {
    if (runPlain) {
      if (!stagePassword(text, MAX_CHAIN_INPUT_BYTES) || !stageBytes(1, salt)) return undefined;
      const r = programs.plain.check('decoded', 0, n);
      if (r === undefined) return undefined;
      match = r;
    }
    if (runKeyed) {
      if (!stagePassword(text, MAX_CHAIN_INPUT_BYTES) || !stageBytes(1, membershipHmacKey(salt, HMAC_KEY_BYTES[alg]))) return undefined;
      const r = programs.keyed.check('decoded', 0, n);
      if (r === undefined) return undefined;
      match = r || match;
    }
    return match;
  } finally {
    unstage();
    text.fill(0);
  }
}

export const aspnetMembership = defineScheme<MembershipParsed>({
  id: 'aspnet-membership',
  title: 'ASP.NET Membership hashed password: b64(H(salt . UTF-16LE(pw))) or b64(HMAC(salt-key, UTF-16LE(pw)))',
  family: 'aspnet-membership',
  platforms: [
    'ASP.NET 2.0-4.8 SqlMembershipProvider, PasswordFormat 1 (default SHA1; HMACSHA256 with passwordCompatMode="Framework40")',
    'DotNetNuke, Umbraco < 7, Sitefinity, nopCommerce 1.x, Kentico (membership tables). options.salt = PasswordSalt column (base64)',
  ],
  platformIds: ['aspnet', 'aspnet-membership', 'dotnet', 'dotnetnuke', 'umbraco'],
  // formats.md §19 [V-gen] (PHP: base64(sha1(salt . mb_convert_encoding(pw, 'UTF-16LE')))).
  example: { password: 'Pässword1!', hash: 'lYnl2b3SGLKFkCJgm237gF4/zuE=', options: { salt: 'MDEyMzQ1Njc4OUFCQ0RFRg==' } },
  needs: ['salt'],
  // A bare base64 digest: only meaningful with the PasswordSalt column.
  rank: 50,
  prefixes: BASE64_FIRST_CHARS,
  shape: { length: Object.keys(SHAPES).map(Number), chars: 'A-Za-z0-9+/=' },
  recognize: (s) => SHAPES[s.length]?.test(s) === true,
  // Only a candidate when the salt given (if any) can be a PasswordSalt column: parse refuses a
  // salt that is not base64, and a caller whose salt column belongs to another platform (Symfony,
  // nopCommerce) would otherwise pay for that error on every string of this shape.
  optIn: (inputs) => inputs.salt === undefined || fromBase64(inputs.salt) !== null,
  parse(s, inputs) {
    const expected = fromBase64(s);
    const alg = expected ? BY_LENGTH[expected.length] : undefined;
    if (!expected || !alg) throw malformed('aspnet-membership', 'expected base64 of an MD5/SHA digest');
    const salt = inputs.salt === undefined ? new Uint8Array(0) : fromBase64(inputs.salt);
    if (!salt) {
      throw new LegacyHashError('ERR_INVALID_ARGUMENT', 'aspnet-membership: options.salt must be the PasswordSalt column (base64)', {
        scheme: 'aspnet-membership',
        field: 'salt',
      });
    }
    const named = stringParam(inputs, 'aspnet-membership', 'membershipHashAlgorithm');
    let readings: Reading[] = [
      { alg, keyed: false },
      { alg, keyed: true },
    ];
    if (named !== undefined) {
      const r = NAMED[named.toUpperCase()];
      if (!r || r.alg !== alg) throw malformed('aspnet-membership', 'digest length does not fit params.membershipHashAlgorithm');
      readings = [r];
    }
    // EncodePassword's key loop never ends on an empty salt: no keyed hash can exist then.
    if (salt.length === 0) readings = readings.filter((r) => !r.keyed);
    return { salt, readings, expected };
  },
  derive(pw, p) {
    const text = utf16leOfUtf8(pw);
    if (!text) return [];
    try {
      return p.readings.map((r) =>
        r.keyed ? hmac(r.alg as DigestName, membershipHmacKey(p.salt, HMAC_KEY_BYTES[r.alg]), text) : digest(r.alg, p.salt, text),
      );
    } finally {
      text.fill(0); // the password, re-encoded
    }
  },
  describe: (p) => ({ algorithm: p.readings.map((r) => (r.keyed ? 'HMAC' : '') + r.alg.toUpperCase()).join('|'), digestBytes: DIGEST_BYTES[p.readings[0]!.alg] }),
  check: checkMembership,
});

export const aspnetMembershipSchemes: readonly Scheme[] = [aspnetMembership];
