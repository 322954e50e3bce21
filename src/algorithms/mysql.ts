/**
 * MySQL server account passwords (mysql.user.Password / authentication_string), as SQL
 * PASSWORD() computed them.
 * - `mysql41`: MySQL 4.1+ (mysql_native_password): `*` + UPPER hex(sha1(sha1(pw))) (41 chars).
 *   Source: mysql/mysql-server sql/auth/password.cc make_scrambled_password (SHA1 twice,
 *   octet2hex upper-case, PVERSION41_CHAR '*'); passlib mysql41; hashcat 300 (without the `*`).
 * - `mysql323`: MySQL 3.x-4.0 PASSWORD() / OLD_PASSWORD(): 16 hex. Source: password.cc
 *   hash_password (spaces and tabs skipped, each byte unsigned; two 31-bit words, "%08lx%08lx");
 *   passlib mysql323; hashcat 200. Only the low 32 bits of each word reach the output, so the
 *   arithmetic is done modulo 2^32 (as passlib does).
 * Hex is compared as bytes (case-insensitive), like every hex layout in legacy-hash.
 */
import { compileChain, stagePassword, stageText } from '../core/chain.js';
import { digest } from '../core/digest.js';
import { fromHex } from '../core/encoding.js';
import { HEX_FIRST_CHARS } from '../core/prefixes.js';
import { recognizeShape } from '../detect/shape.js';
import { defineScheme } from '../core/scheme.js';
import { malformed } from '../errors.js';
import type { ParsedHash, Scheme } from '../types.js';

/** sha1(sha1_raw(pw)) in one call of the chain machine (perf, issue #8); null without WebAssembly. */
const SHA1_SHA1 = compileChain([
  { op: 'digest', alg: 'sha1', mode: 'raw', parts: [{ input: 0 }] },
  { op: 'digest', alg: 'sha1', mode: 'raw', parts: [{ step: 0 }] },
]);

export const mysql41 = defineScheme<ParsedHash>({
  id: 'mysql41',
  title: 'MySQL 4.1+ PASSWORD() / mysql_native_password: *HEX(sha1(sha1(pw)))',
  family: 'mysql',
  platforms: ['MySQL 4.1-8.x mysql_native_password (mysql.user)', 'MariaDB', 'PASSWORD() used by PHP apps for their own users'],
  platformIds: ['mysql', 'mariadb', 'generic'],
  example: { password: 'hashcat', hash: '*FCF7C1B8749CF99D88E5F34271D636178FB5D130' }, // hashcat 300 with MySQL's '*'
  rank: 100,
  prefixes: ['*'],
  recognize: (s) => s.startsWith('*'),
  parse(s) {
    // fromHex checks the 40 digits (no regex run first: perf, issue #8).
    const expected = s.length === 41 && s.startsWith('*') ? fromHex(s.slice(1)) : null;
    if (!expected) throw malformed('mysql41', 'expected * and 40 hex digits');
    return { expected };
  },
  derive: (pw) => SHA1_SHA1?.run([pw]) ?? digest('sha1', digest('sha1', pw)),
  check: (pw, s, _inputs, maxPasswordBytes) =>
    SHA1_SHA1 !== null && s.length === 41 && s.startsWith('*') && stageText(s) && stagePassword(pw, maxPasswordBytes)
      ? SHA1_SHA1.check('hex', 1, 41)
      : undefined,
});

/** MySQL 3.23 hash_password: two 31-bit words from a byte-wise mix. */
export function mysql323Raw(pw: Uint8Array): Uint8Array {
  let nr = 1345345333;
  let add = 7;
  let nr2 = 0x12345671;
  for (const c of pw) {
    if (c === 0x20 || c === 0x09) continue; // spaces and tabs are skipped
    nr = (nr ^ (Math.imul((nr & 63) + add, c) + ((nr << 8) >>> 0))) >>> 0;
    nr2 = (nr2 + (((nr2 << 8) >>> 0) ^ nr)) >>> 0;
    add = (add + c) >>> 0;
  }
  const out = new Uint8Array(8);
  putUint32BE(out, 0, nr & 0x7fffffff);
  putUint32BE(out, 4, nr2 & 0x7fffffff);
  return out;
}

/** `v` big-endian at out[at..at+3] ("%08lx"), without a DataView per call. */
function putUint32BE(out: Uint8Array, at: number, v: number): void {
  out[at] = v >>> 24;
  out[at + 1] = (v >>> 16) & 0xff;
  out[at + 2] = (v >>> 8) & 0xff;
  out[at + 3] = v & 0xff;
}

/** 16 hex digits, nothing else: the whole claim, as data. */
const MYSQL323_SHAPE = Object.freeze({ length: 16, chars: '0-9a-fA-F', exact: true });

export const mysql323 = defineScheme<ParsedHash>({
  id: 'mysql323',
  title: 'MySQL 3.23-4.0 PASSWORD() / OLD_PASSWORD() (16 hex)',
  family: 'mysql',
  platforms: ['MySQL 3.23-4.0 PASSWORD(), 4.1+ OLD_PASSWORD() / old_passwords=1'],
  platformIds: ['mysql', 'generic'],
  example: { password: 'hashcat', hash: '7196759210defdc0' }, // hashcat 200
  // A bare 16-hex string; nothing else registered has this shape, but it carries no marker.
  rank: 40,
  prefixes: HEX_FIRST_CHARS,
  shape: MYSQL323_SHAPE,
  recognize: recognizeShape(MYSQL323_SHAPE),
  parse(s) {
    const expected = fromHex(s)!;
    // Both words are masked to 31 bits: a set top bit cannot come from MySQL.
    if ((expected[0]! | expected[4]!) & 0x80) throw malformed('mysql323', 'top bit of a word set');
    return { expected };
  },
  derive: (pw) => mysql323Raw(pw),
});

export const mysqlSchemes: readonly Scheme[] = [mysql41, mysql323];
