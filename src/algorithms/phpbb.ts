/**
 * phpBB 3.1+ stored forms beyond plain `$H$` (phpass.ts), bcrypt and argon2.
 *
 * | scheme id       | stored                                        | what is checked                                   |
 * |-----------------|-----------------------------------------------|---------------------------------------------------|
 * | phpbb-convert   | `$CP$` + the source platform's hash           | every legacy driver (phpBB2 md5, MyBB, vBulletin, |
 * |                 | (32/40/64 hex, 34-char `$H$`, 60-char bcrypt)  | SMF, WCF1, WCF2, XenForo 1, sha1), with the        |
 * |                 |                                               | user row's salt (`user_passwd_salt`) and login name |
 * | phpbb-combined  | `$H\2y$9<salt8>$10\<salt22>$<hash31>`          | bcrypt of the 22-char phpass digest text          |
 *
 * Sources: phpbb/phpbb phpBB/phpbb/passwords/manager.php@e157d889 (check(): `$CP$` -> strip the
 * prefix, try every driver with is_legacy() on the rest with $user_row; detect_algorithm() splits
 * `$A\B$` into chained types; check_combined_hash(): each type hashes the previous type's output
 * minus its settings, the whole string is compared), helper.php@c9da435d (settings joined with `$`,
 * a type's own `$` written as `\`), driver/convert_password.php@4b3aacfd, md5_phpbb2.php@d08a47d8
 * (md5(addslashes(pw)), md5(utf8_to_cp1252(addslashes(pw))) and salted_md5 of those md5s),
 * salted_md5.php@53a08201 (is_legacy; a non-34-char hash is md5(pw)), md5_mybb.php@0bc04a4d,
 * md5_vb.php@f27be59c, sha1.php@53a08201, sha1_smf.php@d08a47d8 (sha1(strtolower(login_name) . pw)),
 * sha1_wcf1.php@fbbd835b, sha_xf1.php@fbbd835b (sha1(sha1(pw).salt) or sha256(sha256(pw).salt)),
 * bcrypt_wcf2.php@0bc04a4d (crypt(crypt(pw, salt29), salt29)); cron/task/core/update_hashes.php@417ec86d
 * (wraps `$H$` and `$CP$` rows with the default non-native type: `$H\2y$`, or `$H\2a$` without 2y).
 *
 * Decisions: the legacy hashes are verified with the password as the source platform hashed it
 * (raw bytes; phpBB2: with addslashes, as phpBB2 received it). phpBB itself passes its request-
 * cleaned password (htmlspecialchars, see docs/detection.md), so a converted password containing
 * `& " < >` never worked in phpBB; we accept what the source platform wrote. For combined hashes
 * (made by phpBB from its own `$H$` hashes, i.e. from the cleaned password) both the raw and the
 * phpBB-cleaned reading are tried (CRLF/CR -> LF, NUL and U+FEFF removed, htmlspecialchars
 * ENT_COMPAT; Unicode NFC is not applied). `$CP\2y$` (a combined `$CP$`) never verifies in phpBB
 * (convert_password::hash returns false) and is not recognised.
 */
import { concatBytes, latin1, utf8 } from '../core/bytes.js';
import { digest } from '../core/digest.js';
import { CRYPT64_RE, encodeCrypt64, fromHex, toHexBytes } from '../core/encoding.js';
import { defineScheme } from '../core/scheme.js';
import { malformed } from '../errors.js';
import { asciiLower, htmlEscapeCompat } from '../formula/text.js';
import type { CostCheck, ParsedHash, Scheme, SchemeInputs } from '../types.js';
import { bcryptNeedsWorker, BCRYPT_COSTS, deriveBcrypt, parseBcrypt, type BcryptParsed } from './bcrypt.js';
import { parsePhpassSetting, phpassLoop } from './phpass.js';
import { deriveDoubleBcrypt } from './forums.js';

const md5hex = (b: Uint8Array) => toHexBytes(digest('md5', b));
const sha1hex = (b: Uint8Array) => toHexBytes(digest('sha1', b));
const sha256hex = (b: Uint8Array) => toHexBytes(digest('sha256', b));

/** PHP addslashes(): backslash before ' " \ and NUL (written as \0). */
export function addslashes(b: Uint8Array): Uint8Array {
  const out: number[] = [];
  for (const c of b) {
    if (c === 0x27 || c === 0x22 || c === 0x5c) out.push(0x5c, c);
    else if (c === 0) out.push(0x5c, 0x30);
    else out.push(c);
  }
  return Uint8Array.from(out);
}

// phpBB includes/utf/data/recode_basic.php utf8_to_cp1252: strtr() over this table; other bytes stay.
const CP1252_SPECIAL: ReadonlyMap<number, number> = new Map([
  [0x20ac, 0x80], [0x201a, 0x82], [0x0192, 0x83], [0x201e, 0x84], [0x2026, 0x85], [0x2020, 0x86], [0x2021, 0x87],
  [0x02c6, 0x88], [0x2030, 0x89], [0x0160, 0x8a], [0x2039, 0x8b], [0x0152, 0x8c], [0x017d, 0x8e], [0x2018, 0x91],
  [0x2019, 0x92], [0x201c, 0x93], [0x201d, 0x94], [0x2022, 0x95], [0x2013, 0x96], [0x2014, 0x97], [0x02dc, 0x98],
  [0x2122, 0x99], [0x0161, 0x9a], [0x203a, 0x9b], [0x0153, 0x9c], [0x017e, 0x9e], [0x0178, 0x9f],
]);

/** utf8_to_cp1252 as phpBB's table does it: mapped UTF-8 sequences replaced, everything else kept. */
export function utf8ToCp1252(b: Uint8Array): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    let cp = -1;
    let n = 1;
    if (c >= 0xc2 && c <= 0xc5 && i + 1 < b.length && (b[i + 1]! & 0xc0) === 0x80) {
      cp = ((c & 0x1f) << 6) | (b[i + 1]! & 0x3f);
      n = 2;
    } else if ((c === 0xc6 || c === 0xcb) && i + 1 < b.length && (b[i + 1]! & 0xc0) === 0x80) {
      cp = ((c & 0x1f) << 6) | (b[i + 1]! & 0x3f);
      n = 2;
    } else if (c === 0xe2 && i + 2 < b.length && (b[i + 1]! & 0xc0) === 0x80 && (b[i + 2]! & 0xc0) === 0x80) {
      cp = ((c & 0x0f) << 12) | ((b[i + 1]! & 0x3f) << 6) | (b[i + 2]! & 0x3f);
      n = 3;
    }
    const mapped = cp >= 0xa0 && cp <= 0xff ? cp : cp >= 0 ? CP1252_SPECIAL.get(cp) : undefined;
    if (mapped !== undefined) {
      out.push(mapped);
      i += n;
    } else {
      out.push(c);
      i += 1;
    }
  }
  return Uint8Array.from(out);
}

/** phpBB request cleaning of a password (type_cast_helper::set_var, untrimmed; no NFC). */
export function phpbbRequestClean(b: Uint8Array): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < b.length; i++) {
    const c = b[i]!;
    if (c === 0x0d) {
      out.push(0x0a);
      if (b[i + 1] === 0x0a) i++;
    } else if (c === 0) {
      continue;
    } else if (c === 0xef && b[i + 1] === 0xbb && b[i + 2] === 0xbf) {
      i += 2; // U+FEFF
    } else out.push(c);
  }
  return htmlEscapeCompat(Uint8Array.from(out));
}

function distinct(list: Uint8Array[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const x of list) if (!out.some((y) => y.length === x.length && y.every((v, i) => v === x[i]))) out.push(x);
  return out;
}

// ---------- $CP$ ----------

type CpParsed =
  | (ParsedHash & { kind: 'hex'; bytes: number })
  | (ParsedHash & { kind: 'phpass'; setting: string; countLog2: number })
  | (BcryptParsed & { kind: 'bcrypt' });

const HEX_INNER = /^(?:[0-9a-fA-F]{32}|[0-9a-fA-F]{40}|[0-9a-fA-F]{64})$/;

function phpbb2Readings(pw: Uint8Array): Uint8Array[] {
  const slashed = addslashes(pw);
  return distinct([slashed, utf8ToCp1252(slashed)]);
}

export const phpbbConvert = defineScheme<CpParsed>({
  id: 'phpbb-convert',
  title: 'phpBB 3.1+ $CP$ converted hash (checked against every legacy driver)',
  family: 'phpbb',
  platforms: [
    'phpBB 3.1+ accounts imported by a converter: phpBB2 md5, MyBB, vBulletin 3-5, SMF 1-2.0, WBB3/WCF1, WBB4/WCF2, XenForo 1.0/1.1, sha1',
  ],
  platformIds: ['phpbb'],
  example: { password: 'foobar', hash: '$CP$3858f62230ac3c915f300c664312c63f' }, // phpBB tests/passwords/manager_test.php (md5_phpbb2)
  costs: BCRYPT_COSTS,
  uses: ['salt', 'username'],
  rank: 100,
  prefixes: ['$CP$'],
  recognize: (s) => s.startsWith('$CP$'),
  parse(s) {
    const inner = s.slice(4);
    if (HEX_INNER.test(inner)) return { kind: 'hex', bytes: inner.length / 2, expected: fromHex(inner)! };
    if (/^\$[HP]\$/.test(inner)) {
      if (inner.length !== 34 || !CRYPT64_RE.test(inner.slice(3))) throw malformed('phpbb-convert', 'invalid $H$ hash');
      const setting = inner.slice(0, 12);
      const { countLog2 } = parsePhpassSetting('phpbb-convert', setting);
      return { kind: 'phpass', setting, countLog2, expected: latin1(inner.slice(12)) };
    }
    if (inner.startsWith('$2')) return { ...parseBcrypt('phpbb-convert', inner), kind: 'bcrypt' };
    throw malformed('phpbb-convert', 'expected 32/40/64 hex, a $H$ hash or a bcrypt hash after $CP$');
  },
  cost(p): CostCheck[] {
    if (p.kind === 'bcrypt') return [{ limit: 'maxBcryptCost', value: p.cost, name: 'cost' }];
    if (p.kind === 'phpass') return [{ limit: 'maxRounds', value: 2 ** p.countLog2 * 3, name: 'rounds' }];
    return [];
  },
  offload: (p, pw) => (p.kind === 'bcrypt' ? bcryptNeedsWorker(p, pw) : p.kind === 'phpass'),
  derive(pw, p, inputs: SchemeInputs) {
    const salt = inputs.salt === undefined ? undefined : utf8(inputs.salt);
    if (p.kind === 'bcrypt') return deriveDoubleBcrypt(pw, p, inputs); // bcrypt_wcf2
    if (p.kind === 'phpass') {
      // salted_md5 on the password itself, and md5_phpbb2's salted_md5(md5(old format)).
      const keys = distinct([pw, ...phpbb2Readings(pw).map(md5hex)]);
      const salt8 = latin1(p.setting.slice(4, 12));
      return keys.map((k) => latin1(encodeCrypt64(phpassLoop('md5', k, salt8, p.countLog2), 16)));
    }
    const out: Uint8Array[] = [];
    if (p.bytes === 16) {
      out.push(digest('md5', pw)); // salted_md5 fallback (strlen != 34)
      for (const r of phpbb2Readings(pw)) out.push(digest('md5', r)); // md5_phpbb2
      if (salt) {
        out.push(digest('md5', md5hex(salt), md5hex(pw))); // md5_mybb
        out.push(digest('md5', md5hex(pw), salt)); // md5_vb
      }
    } else if (p.bytes === 20) {
      out.push(digest('sha1', pw)); // sha1
      if (inputs.username !== undefined) out.push(digest('sha1', asciiLower(utf8(inputs.username)), pw)); // sha1_smf
      if (salt) {
        out.push(digest('sha1', salt, sha1hex(concatBytes(salt, sha1hex(pw))))); // sha1_wcf1
        out.push(digest('sha1', sha1hex(pw), salt)); // sha_xf1 (sha1)
      }
    } else if (salt) {
      out.push(digest('sha256', sha256hex(pw), salt)); // sha_xf1 (sha256)
    }
    return distinct(out);
  },
  describe: (p): Record<string, string | number> => (p.kind === 'hex' ? { inner: `${p.bytes * 2} hex` } : p.kind === 'phpass' ? { inner: 'phpass', rounds: 2 ** p.countLog2 } : { inner: 'bcrypt (WCF2 double)', cost: p.cost }),
});

// ---------- combined $H\2y$ ----------

interface CombinedParsed extends BcryptParsed {
  /** The phpass setting `$H$` + count char + 8 salt chars. */
  phpassSetting: string;
  countLog2: number;
}

const COMBINED = /^\$([HP])\\(2[ay])\$([./0-9A-Za-z]{9})\$([0-9]{2})\\([./A-Za-z0-9]{22})\$([./A-Za-z0-9]{31})$/;

export const phpbbCombined = defineScheme<CombinedParsed>({
  id: 'phpbb-combined',
  title: 'phpBB 3.1+ combined hash $H\\2y$ (bcrypt of the phpass digest text, update_hashes cron)',
  family: 'phpbb',
  platforms: ['phpBB 3.1-3.3 (cron update_hashes wraps $H$ and $CP$ hashes in bcrypt without the password)'],
  platformIds: ['phpbb'],
  // formats.md §21.1 [V-gen], checked by running phpBB's passwords manager (Pässword1!).
  example: { password: 'Pässword1!', hash: '$H\\2y$9abcdefgH$10\\abcdefghijklmnopqrstuu$R92X5na/Bxa.fJT0qPQQ7czkuSbT0Fa' },
  costs: BCRYPT_COSTS,
  rank: 100,
  prefixes: ['$H\\', '$P\\'],
  recognize: (s) => s.startsWith('$H\\') || s.startsWith('$P\\'),
  parse(s) {
    const m = COMBINED.exec(s);
    if (!m) throw malformed('phpbb-combined', 'expected $H\\2y$<count><salt8>$<cost>\\<salt22>$<hash31>');
    const phpassSetting = `$${m[1]}$${m[3]}`;
    const { countLog2 } = parsePhpassSetting('phpbb-combined', phpassSetting);
    // parseBcrypt's result is fresh: extended in place (same keys, same order as a spread copy).
    const b = parseBcrypt('phpbb-combined', `$${m[2]}$${m[4]}$${m[5]}${m[6]}`) as CombinedParsed;
    b.phpassSetting = phpassSetting;
    b.countLog2 = countLog2;
    return b;
  },
  cost: (p) => [
    { limit: 'maxBcryptCost', value: p.cost, name: 'cost' },
    { limit: 'maxRounds', value: 2 ** p.countLog2 * 2, name: 'rounds' },
  ],
  offload: true,
  async derive(pw, p, inputs) {
    const out: Uint8Array[] = [];
    const salt8 = latin1(p.phpassSetting.slice(4, 12));
    for (const reading of distinct([pw, phpbbRequestClean(pw)])) {
      const d = latin1(encodeCrypt64(phpassLoop('md5', reading, salt8, p.countLog2), 16));
      out.push(...(await deriveBcrypt(d, p, inputs)));
    }
    return out;
  },
  describe: (p) => ({ layers: `${p.phpassSetting.slice(0, 3)},$${p.ident}$`, rounds: 2 ** p.countLog2, cost: p.cost }),
});

export const phpbbSchemes: readonly Scheme[] = [phpbbConvert, phpbbCombined];
