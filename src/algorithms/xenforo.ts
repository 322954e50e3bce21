/**
 * XenForo: `xf_user_authenticate.data`, a PHP `serialize()`d array, read by the class named in
 * `xf_user_authenticate.scheme_class`.
 *
 * | scheme id        | scheme_class                              | data                                                       |
 * |------------------|-------------------------------------------|------------------------------------------------------------|
 * | xenforo1         | XenForo_Authentication_Core (1.0, 1.1)    | a:3:{s:4:"hash";s:64:"…";s:4:"salt";s:64:"…";s:8:"hashFunc";s:6:"sha256";} |
 * | xenforo-core12   | XenForo_Authentication_Core12 (1.2-1.5),  | a:1:{s:4:"hash";s:60:"$2y$10$…";}                         |
 * |                  | XF\Authentication\Core12 (2.x)            |                                                            |
 *
 * Sources (read with the code index; public copies, XenForo itself is not open source):
 * - XenForo 1.x library/XenForo/Authentication/Core.php (index id 3935281092): hash =
 *   H(H(pw) . salt), H = hash('sha256') or sha1() per `hashFunc`, compared with `===` (so the
 *   stored hex is lower-case); `authenticate` refuses an empty password.
 * - XenForo 1.2 library/XenForo/Authentication/Core12.php (id 28392113139): XenForo_PasswordHash
 *   (phpass, 10 "iterations", non-portable) -> `$2a$10$` bcrypt, else `_` ext-DES, else `$P$`.
 * - XenForo 2.x src/XF/Authentication/Core12.php (id 15006426389): password_hash(PASSWORD_BCRYPT);
 *   `isLegacyHash()` (`$P$`/`$H$` or not starting with `$`) -> PasswordHash::CheckPassword, else
 *   password_verify; password truncated to 4096 bytes (our maxPasswordBytes default); empty
 *   password refused. src/XF/Entity/UserAuth.php (id 308836451): `data` is SERIALIZED_ARRAY
 *   ("intentionally still serialized").
 * - Cross-checked with vanilla/garden-password src/XenforoPassword.php@0069bec0 (same formula,
 *   hashFunc inferred from the hash length when absent) and WoltLab/WCF Xf1.class.php@4c17bd6c,
 *   Xf12.class.php@293522c7, phpBB sha_xf1.php@fbbd835b.
 *
 * The blob is read by a tiny strict parser for exactly these shapes (never a general
 * unserialize): `a:N:{` then N pairs of `s:LEN:"…";` (LEN in bytes, as PHP counts) then `}`.
 */
import { latin1, utf8, ascii } from '../core/bytes.js';
import { digest, type DigestName } from '../core/digest.js';
import { encodeCrypt64, toHexBytes } from '../core/encoding.js';
import { compileChain, stagePassword, stageSpan, stageText, type ChainProgram } from '../core/chain.js';
import { defineScheme } from '../core/scheme.js';
import { malformed } from '../errors.js';
import type { CostCheck, Derived, ParsedHash, Scheme } from '../types.js';
import { bcryptNeedsWorker, BCRYPT_COSTS, deriveBcrypt, parseBcrypt, type BcryptParsed } from './bcrypt.js';
import { bsdiCrypt, type BsdiCryptParsed } from './des-crypt.js';
import { parsePhpassSetting, phpassLoop, type PhpassParsed } from './phpass.js';
import { CRYPT64_RE } from '../core/encoding.js';

/** Largest blob we look at (XenForo's column is a mediumblob; real blobs are < 200 bytes). */
const MAX_BLOB = 1024;
const MAX_ENTRIES = 8;

/**
 * Parses PHP `serialize()` output of a flat array of string keys to string values, strictly.
 * Returns null on anything else (other types, nested arrays, wrong lengths, trailing bytes).
 */
export function parsePhpStringArray(text: string): Map<string, Uint8Array> | null {
  const m = readPhpStrings(text);
  return m && new Map([...m].map(([k, v]) => [k, latin1(v)]));
}

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * parsePhpStringArray with keys and values as byte strings (one char per byte, 0-255): what the
 * schemes read, without turning text into bytes and back.
 */
function readPhpStrings(text: string): Map<string, string> | null {
  if (text.length > MAX_BLOB) return null;
  // PHP's lengths count bytes. Blobs are ASCII in practice, where chars are bytes: read the text
  // in place (perf, issue #8: copying a blob of more than 64 bytes into a Uint8Array first was a
  // slow allocation, and values are slices of it); other text is read as its UTF-8 bytes.
  const r = new BlobReader(NON_ASCII.test(text) ? ascii(utf8(text)) : text);
  if (!r.expect('a:')) return null;
  const count = r.int();
  if (count === null || count < 1 || count > MAX_ENTRIES || !r.expect(':{')) return null;
  const out = new Map<string, string>();
  for (let e = 0; e < count; e++) {
    const key = r.str();
    if (key === null) return null;
    const v = r.str();
    if (v === null || out.has(key)) return null;
    out.set(key, v);
  }
  return r.expect('}') && r.i === r.t.length ? out : null;
}

/** A cursor over serialized bytes held as a string, one char per byte. */
class BlobReader {
  i = 0;
  constructor(readonly t: string) {}

  expect(lit: string): boolean {
    if (!this.t.startsWith(lit, this.i)) return false;
    this.i += lit.length;
    return true;
  }

  int(): number | null {
    const t = this.t;
    const start = this.i;
    let i = start;
    let n = 0;
    // At most 5 digits: the value is read exactly by n * 10 + digit.
    for (let c = t.charCodeAt(i); c >= 0x30 && c <= 0x39 && i - start < 5; c = t.charCodeAt(++i)) n = n * 10 + (c - 0x30);
    this.i = i;
    if (i === start || (t.charCodeAt(start) === 0x30 && i - start > 1)) return null;
    return n;
  }

  /** `s:LEN:"…";`: the LEN bytes between the quotes. */
  str(): string | null {
    if (!this.expect('s:')) return null;
    const n = this.int();
    if (n === null || !this.expect(':"') || this.i + n > this.t.length) return null;
    const v = this.t.slice(this.i, this.i + n);
    this.i += n;
    return this.expect('";') ? v : null;
  }
}

const BLOB_PREFIX = 'a:';
const looksLikeBlob = (s: string): boolean => /^a:[1-8]:\{s:/.test(s);

// ---------- XenForo 1.0 / 1.1: Core ----------

export interface Xf1Parsed extends ParsedHash {
  alg: 'sha1' | 'sha256';
  salt: Uint8Array;
}

const LOWER_HEX = /^[0-9a-f]+$/;

/**
 * H(hex(H(pw)) . salt) in one call of the chain machine (perf, issue #8), as hex text for derive
 * or raw for check (the module then compares it with the stored lower-case hex); null without
 * WebAssembly.
 */
function xf1Chain(alg: DigestName, mode: 'hex' | 'raw') {
  return compileChain([
    { op: 'digest', alg, mode: 'hex', parts: [{ input: 0 }] },
    { op: 'digest', alg, mode, parts: [{ step: 0 }, { input: 1 }] },
  ]);
}
const XF1_SHA1 = xf1Chain('sha1', 'hex');
const XF1_SHA256 = xf1Chain('sha256', 'hex');
const XF1_CHECK: Readonly<Record<'sha1' | 'sha256', ChainProgram | null>> = { sha1: xf1Chain('sha1', 'raw'), sha256: xf1Chain('sha256', 'raw') };

/** The blob's start up to the hash's byte count (as long for both entry counts), and what separates the hash from the salt's count. */
const XF1_HEAD_3 = 'a:3:{s:4:"hash";s:';
const XF1_HEAD_2 = 'a:2:{s:4:"hash";s:';
const XF1_SALT_KEY = '";s:4:"salt";s:';

/**
 * The blob as XenForo 1 writes it, read by position (perf, issue #8: no Map, no slices):
 * `a:3:{s:4:"hash";s:64:"<hex>";s:4:"salt";s:<n>:"<salt>";s:8:"hashFunc";s:6:"sha256";}` (or
 * sha1 with 40 hex), or `a:2:{...}` without hashFunc. Where the hash and the salt are, or null for
 * any other blob (other orders, a length that does not add up...): parse then reads it.
 */
function xf1Positions(s: string): { alg: 'sha1' | 'sha256'; hashAt: number; saltAt: number; saltEnd: number } | null {
  const entries = s.startsWith(XF1_HEAD_3) ? 3 : s.startsWith(XF1_HEAD_2) ? 2 : 0;
  if (entries === 0) return null;
  // The hash's length and its opening quote ('64:"'), then the hex digits.
  const hexLength = s.startsWith('64:"', XF1_HEAD_3.length) ? 64 : s.startsWith('40:"', XF1_HEAD_3.length) ? 40 : 0;
  const hashAt = XF1_HEAD_3.length + 4;
  const saltHead = hashAt + hexLength;
  if (hexLength === 0 || !s.startsWith(XF1_SALT_KEY, saltHead)) return null;
  // The salt's byte count: 1-4 digits, no leading zero (the blob is at most MAX_BLOB long).
  let at = saltHead + XF1_SALT_KEY.length;
  let n = 0;
  const digitsAt = at;
  for (let c = s.charCodeAt(at); c >= 0x30 && c <= 0x39 && at - digitsAt < 4; c = s.charCodeAt(++at)) n = n * 10 + (c - 0x30);
  if (at === digitsAt || (s.charCodeAt(digitsAt) === 0x30 && at - digitsAt > 1) || !s.startsWith(':"', at)) return null;
  const saltAt = at + 2;
  const saltEnd = saltAt + n;
  const tail = entries === 2 ? '";}' : hexLength === 64 ? '";s:8:"hashFunc";s:6:"sha256";}' : '";s:8:"hashFunc";s:4:"sha1";}';
  if (saltEnd + tail.length !== s.length || !s.endsWith(tail)) return null;
  return { alg: hexLength === 64 ? 'sha256' : 'sha1', hashAt, saltAt, saltEnd };
}

export const xenforo1 = defineScheme<Xf1Parsed>({
  id: 'xenforo1',
  title: 'XenForo 1.0/1.1 Core: serialized {hash, salt, hashFunc}, H(H(password) . salt)',
  family: 'xenforo',
  platforms: ['XenForo 1.0-1.1 (XenForo_Authentication_Core; sha256, or sha1 without ext/hash)', 'XenForo 1.2+/2.x accounts never re-hashed since 1.1'],
  platformIds: ['xenforo'],
  // PHP 8.2 running XenForo_Authentication_Core's formula (scripts/vectors/forum_blobs.php); formats.md §21.6.
  example: {
    password: 'Pässword1!',
    hash: 'a:3:{s:4:"hash";s:64:"0f6b7287155fda9d1fa5a3e09bea3dfda9f7ea936ea91b4fd3dcd1f515315de4";s:4:"salt";s:24:"c2FsdHNhbHRzYWx0c2FsdA==";s:8:"hashFunc";s:6:"sha256";}',
  },
  rank: 100,
  prefixes: [BLOB_PREFIX],
  recognize: (s) => looksLikeBlob(s) && s.includes('s:4:"salt";'),
  parse(s) {
    const m = readPhpStrings(s);
    if (!m) throw malformed('xenforo1', 'not a serialized PHP array of strings');
    const hash = m.get('hash');
    const salt = m.get('salt');
    if (hash === undefined || salt === undefined) throw malformed('xenforo1', 'needs "hash" and "salt" entries');
    const func = m.get('hashFunc');
    // Nothing but hash, salt and hashFunc (counted: no iterator over the entries).
    if (m.size !== (func === undefined ? 2 : 3)) throw malformed('xenforo1', 'unexpected entry');
    const f = func ?? (hash.length === 40 ? 'sha1' : 'sha256');
    if (f !== 'sha1' && f !== 'sha256') throw malformed('xenforo1', 'hashFunc must be sha256 or sha1');
    // The platform compares hex text with ===: only lower-case hex of the right length can match.
    if (hash.length !== (f === 'sha1' ? 40 : 64) || !LOWER_HEX.test(hash)) throw malformed('xenforo1', `hash must be lower-case ${f} hex`);
    return { alg: f, salt: latin1(salt), expected: latin1(hash) };
  },
  derive(pw, p) {
    if (pw.length === 0) return []; // authenticate(): $password === '' -> false
    const chained = (p.alg === 'sha1' ? XF1_SHA1 : XF1_SHA256)?.run([pw, p.salt]);
    if (chained) return chained;
    const inner = toHexBytes(digest(p.alg as DigestName, pw));
    return toHexBytes(digest(p.alg, inner, p.salt));
  },
  describe: (p) => ({ hashFunc: p.alg, saltLength: p.salt.length }),
  // The whole verification in one call of the chain machine, hash and salt read in place. An
  // ASCII blob only (stageText): its characters are then the bytes PHP's lengths count.
  check(pw, s, _inputs, maxPasswordBytes) {
    if (pw.length === 0 || s.length > MAX_BLOB) return undefined; // the general path's answers
    const at = xf1Positions(s);
    const program = at && XF1_CHECK[at.alg];
    if (!at || !program || !stageText(s) || !stagePassword(pw, maxPasswordBytes)) return undefined;
    stageSpan(1, at.saltAt, at.saltEnd);
    return program.check('hex-lower', at.hashAt, at.hashAt + (at.alg === 'sha1' ? 40 : 64));
  },
});

// ---------- XenForo 1.2+ / 2.x: Core12 ----------

type Core12Parsed =
  | (BcryptParsed & { kind: 'bcrypt' })
  | (PhpassParsed & { kind: 'phpass' })
  | (BsdiCryptParsed & { kind: 'bsdi' });

const PHPASS_SHAPE = /^\$[PH]\$/i;

function parseCore12Hash(h: string): Core12Parsed {
  if (h.startsWith('$2')) {
    // parseBcrypt's result is fresh: extended in place (same keys, same order as a spread copy).
    const b = parseBcrypt('xenforo-core12', h) as Core12Parsed & { kind: 'bcrypt' };
    b.kind = 'bcrypt';
    return b;
  }
  if (PHPASS_SHAPE.test(h)) {
    // XenForo_PasswordHash::CheckPassword -> crypt_private: 34 chars, ident $P$ or $H$.
    if (h.length !== 34 || !CRYPT64_RE.test(h.slice(3)) || (h[1] !== 'P' && h[1] !== 'H')) throw malformed('xenforo-core12', 'invalid phpass hash');
    const setting = h.slice(0, 12);
    const { countLog2 } = parsePhpassSetting('xenforo-core12', setting);
    return { setting, countLog2, expected: latin1(h.slice(12)), kind: 'phpass' };
  }
  if (h.startsWith('_')) return { ...bsdiCrypt.parse(h, {}), kind: 'bsdi' };
  throw malformed('xenforo-core12', 'hash is neither bcrypt, phpass nor extended DES');
}

export const xenforoCore12 = defineScheme<Core12Parsed>({
  id: 'xenforo-core12',
  title: 'XenForo 1.2+/2.x Core12: serialized {hash} with bcrypt (or phpass / ext-DES from 1.2)',
  family: 'xenforo',
  platforms: ['XenForo 1.2-1.5 (XenForo_Authentication_Core12: $2a$10$ via phpass)', 'XenForo 2.x (XF:Core12: password_hash $2y$)'],
  platformIds: ['xenforo'],
  // PHP 8.2 serialize(['hash' => crypt('Pässword1!', '$2y$04$abcdefghijklmnopqrstuu')]), as XenForo 2 stores it.
  example: { password: 'Pässword1!', hash: 'a:1:{s:4:"hash";s:60:"$2y$04$abcdefghijklmnopqrstuuQW8i1VQiAbTPwjmjmZCdegm2xO4ffki";}' },
  costs: BCRYPT_COSTS,
  rank: 100,
  prefixes: [BLOB_PREFIX],
  recognize: (s) => looksLikeBlob(s) && !s.includes('s:4:"salt";'),
  parse(s) {
    const m = readPhpStrings(s);
    if (!m) throw malformed('xenforo-core12', 'not a serialized PHP array of strings');
    const hash = m.get('hash');
    if (hash === undefined || m.size !== 1) throw malformed('xenforo-core12', 'expected exactly one "hash" entry');
    return parseCore12Hash(hash);
  },
  cost(p): CostCheck[] {
    if (p.kind === 'bcrypt') return [{ limit: 'maxBcryptCost', value: p.cost, name: 'cost' }];
    if (p.kind === 'phpass') return [{ limit: 'maxRounds', value: 2 ** p.countLog2, name: 'rounds' }];
    return [{ limit: 'maxRounds', value: p.rounds, name: 'rounds' }];
  },
  offload: (p, pw) => (p.kind === 'bcrypt' ? bcryptNeedsWorker(p, pw) : true),
  derive(pw, p, inputs): Derived | Promise<Derived> {
    if (pw.length === 0) return []; // authenticate(): $password === '' -> false
    if (p.kind === 'bcrypt') return deriveBcrypt(pw, p, inputs);
    if (p.kind === 'phpass') return latin1(encodeCrypt64(phpassLoop('md5', pw, latin1(p.setting.slice(4, 12)), p.countLog2), 16));
    return bsdiCrypt.derive(pw, p, inputs);
  },
  describe: (p): Record<string, string | number> =>
    p.kind === 'bcrypt' ? { inner: 'bcrypt', ident: p.ident, cost: p.cost } : p.kind === 'phpass' ? { inner: 'phpass', rounds: 2 ** p.countLog2 } : { inner: 'bsdi-crypt', rounds: p.rounds },
});

export const xenforoSchemes: readonly Scheme[] = [xenforo1, xenforoCore12];
