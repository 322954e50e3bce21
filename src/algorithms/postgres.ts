/**
 * PostgreSQL role passwords (pg_authid.rolpassword).
 * - `postgres-md5`: `md5` + md5hex(password . username) (PostgreSQL ≤ 13 default). Needs
 *   `options.username` (the role name). Source: postgres/postgres src/common/md5_common.c
 *   pg_md5_encrypt; passlib postgres_md5; hashcat 12 (`hash:username`).
 * - `postgres-scram`: `SCRAM-SHA-256$<iterations>:<salt b64>$<StoredKey b64>:<ServerKey b64>`
 *   (PostgreSQL 10+, default from 14). Source: src/backend/libpq/auth-scram.c
 *   (scram_verify_plain_password: SASLprep the password — or use it as is when SASLprep fails —,
 *   SaltedPassword = PBKDF2-HMAC-SHA256(password, salt, iterations, 32), compare ServerKey),
 *   src/common/scram-common.c (ClientKey/StoredKey/ServerKey), RFC 5802. We recompute
 *   StoredKey = SHA256(HMAC(SaltedPassword, "Client Key")), what a SCRAM login checks (a
 *   plain-password login compares ServerKey = HMAC(SaltedPassword, "Server Key") instead; both
 *   come from the same SaltedPassword, so they agree on every string PostgreSQL wrote).
 *
 * SASLprep (src/common/saslprep.c, RFC 4013): ASCII passwords pass unchanged. For others we
 * apply its mapping (non-ASCII spaces to U+0020, "commonly mapped to nothing" removed) and NFKC,
 * and try that reading and the raw bytes (PostgreSQL's fallback when the password is not valid
 * UTF-8 or holds prohibited, unassigned or bidi-violating characters). The full RFC 3454
 * tables are not reproduced: trying both readings verifies every password PostgreSQL verifies;
 * the only extra acceptance is a password PostgreSQL would have refused to normalise but whose
 * normalised form is the real one.
 */
import { utf8 } from '../core/bytes.js';
import { digestProgram, stagePassword, stageString, stageText, unstage } from '../core/chain.js';
import { digest, hmac, pbkdf2Async } from '../core/digest.js';
import { fromBase64, fromHex } from '../core/encoding.js';
import { defineScheme } from '../core/scheme.js';
import { malformed } from '../errors.js';
import type { ParsedHash, Scheme } from '../types.js';
import { MAX_PBKDF2_ITERATIONS, parseIterations } from './pbkdf2.js';

const POSTGRES_MD5 = /^md5[0-9a-fA-F]{32}$/;
/** md5(password . username), for the whole verification in one call (Scheme.check). */
const MD5_PW_USER = digestProgram('md5', [0, 1]);

export const postgresMd5 = defineScheme<ParsedHash>({
  id: 'postgres-md5',
  title: 'PostgreSQL md5 password: "md5" . md5hex(password . username)',
  family: 'postgres',
  platforms: ['PostgreSQL 7.2-13 default password_encryption=md5 (pg_authid / pg_shadow); options.username = role name'],
  platformIds: ['postgres', 'postgresql', 'generic'],
  // hashcat 12 example "93a8cf6a...:27032153220030464358344758762807" in PostgreSQL's layout.
  example: { password: 'hashcat', hash: 'md593a8cf6a7d43e3b5bcd2dc6abb3e02c6', options: { username: '27032153220030464358344758762807' } },
  needs: ['username'],
  rank: 100,
  prefixes: ['md5'],
  recognize: (s) => POSTGRES_MD5.test(s),
  parse: (s) => ({ expected: fromHex(s.slice(3))! }),
  derive: (pw, _p, inputs) => digest('md5', pw, utf8(inputs.username ?? '')),
  check(pw, s, inputs, maxPasswordBytes) {
    if (MD5_PW_USER === null || inputs.username === undefined || !POSTGRES_MD5.test(s) || !stageText(s) || !stagePassword(pw, maxPasswordBytes)) {
      return undefined;
    }
    if (!stageString(1, inputs.username)) {
      unstage();
      return undefined;
    }
    return MD5_PW_USER.check('hex', 3, s.length);
  },
});

interface ScramParsed extends ParsedHash {
  iterations: number;
  salt: Uint8Array;
}

const SCRAM = /^SCRAM-SHA-256\$([0-9]+):([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2}):([A-Za-z0-9+/]+={0,2})$/;
const CLIENT_KEY = utf8('Client Key');

// RFC 3454 C.1.2 (non-ASCII space) -> U+0020; B.1 (commonly mapped to nothing) -> removed.
const NON_ASCII_SPACE = /[\u00A0\u1680\u2000-\u200B\u202F\u205F\u3000]/g;
const MAPPED_TO_NOTHING = /[\u00AD\u034F\u1806\u180B-\u180D\u200B-\u200D\u2060\uFE00-\uFE0F\uFEFF]/g;

/** The readings PostgreSQL may have hashed: SASLprep'ed and/or raw bytes. */
export function scramPasswordReadings(pw: Uint8Array): Uint8Array[] {
  if (pw.every((b) => b < 0x80)) return [pw];
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(pw);
  } catch {
    return [pw]; // SASLPREP_INVALID_UTF8: used as is
  }
  const prepped = utf8(text.replace(NON_ASCII_SPACE, ' ').replace(MAPPED_TO_NOTHING, '').normalize('NFKC'));
  const same = prepped.length === pw.length && prepped.every((b, i) => b === pw[i]);
  return same ? [pw] : [prepped, pw];
}

export const postgresScram = defineScheme<ScramParsed>({
  id: 'postgres-scram',
  title: 'PostgreSQL SCRAM-SHA-256$iterations:salt$StoredKey:ServerKey',
  family: 'postgres',
  platforms: ['PostgreSQL 10+ password_encryption=scram-sha-256 (default from 14; 4096 iterations)'],
  platformIds: ['postgres', 'postgresql', 'generic'],
  example: {
    password: 'hashcat',
    hash: 'SCRAM-SHA-256$4096:IKfxzJ8Nq4PkLJCfgKcPmA==$iRw3qwTp18uaBnsTOEExbtgWdKeBMbSSnZvqD4sdqLQ=:hPciC1CcnBna3szR8Mf3MVc8t0W7QPbIHoMMrh4zRV0=',
  }, // hashcat 28600
  costs: [{ name: 'iterations', default: 4096, min: 1, max: MAX_PBKDF2_ITERATIONS, limit: 'maxPbkdf2Iterations' }],
  rank: 100,
  prefixes: ['SCRAM-SHA-256$'],
  recognize: (s) => s.startsWith('SCRAM-SHA-256$'),
  parse(s) {
    const m = SCRAM.exec(s);
    if (!m) throw malformed('postgres-scram', 'expected SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>');
    const iterations = parseIterations(m[1]!);
    const salt = fromBase64(m[2]!);
    const storedKey = fromBase64(m[3]!);
    const serverKey = fromBase64(m[4]!);
    if (iterations === null) throw malformed('postgres-scram', 'invalid iteration count');
    if (!salt || salt.length === 0 || storedKey?.length !== 32 || serverKey?.length !== 32) throw malformed('postgres-scram', 'invalid salt or keys');
    return { iterations, salt, expected: storedKey };
  },
  // A non-ASCII password may run twice (two SASLprep readings); the cap applies per run.
  cost: (p) => [{ limit: 'maxPbkdf2Iterations', value: p.iterations, name: 'iterations' }],
  async derive(pw, p) {
    const out: Uint8Array[] = [];
    for (const reading of scramPasswordReadings(pw)) {
      const salted = await pbkdf2Async('sha256', reading, p.salt, p.iterations, 32);
      out.push(digest('sha256', hmac('sha256', salted, CLIENT_KEY)));
    }
    return out;
  },
  describe: (p) => ({ iterations: p.iterations, saltBytes: p.salt.length }),
});

export const postgresSchemes: readonly Scheme[] = [postgresMd5, postgresScram];
