/**
 * Which column holds what: from options (a header name or a 1-based number), else from the
 * header's names, else (no header) from the content.
 */
import { UsageError } from '../command.js';
import { normalizeName, type SourceInfo } from './records.js';

export type Role = 'hash' | 'salt' | 'username' | 'email' | 'id' | 'password';

/** Header names per role, most specific first (normalised: lower case, letters and digits). */
export const ROLE_NAMES: Readonly<Record<Role, readonly string[]>> = {
  hash: [
    'passwordhash', 'hash', 'hashedpassword', 'encryptedpassword', 'cryptedpassword', 'passworddigest',
    'pwhash', 'passhash', 'userpass', 'passwordencrypted', 'customerpassword', 'password', 'pass', 'passwd', 'pwd',
  ],
  salt: ['salt', 'passwordsalt', 'usersalt', 'pwsalt', 'customersalt'],
  username: ['username', 'userlogin', 'login', 'loginname', 'user', 'nickname', 'uname'],
  email: ['email', 'emailaddress', 'useremail', 'customeremail', 'mail', 'usermail'],
  id: ['id', 'customerid', 'entityid', 'userid', 'accountid', 'uid'],
  password: ['password', 'plaintext', 'plain', 'plainpassword', 'passwordplain', 'cleartext', 'knownpassword', 'testpassword', 'pw'],
};

export type Columns = Record<Role, number>;

export interface ColumnRequest {
  role: Role;
  /** The user's choice: a header name, a 1-based number, or 'none'. */
  spec?: string | undefined;
  required?: boolean;
  /** Option name for messages (`--hash-column`). */
  option: string;
  /** Names this role must not take even if listed (e.g. `password` is plaintext in a batch file). */
  exclude?: readonly string[];
}

/**
 * Resolves every requested role to a column index (-1 = absent). Requests are served in order,
 * and a column taken by an earlier role is not given to a later one.
 */
export function resolveColumns(
  info: SourceInfo,
  sample: string[][],
  requests: readonly ColumnRequest[],
  looksLikeHash: (v: string) => boolean,
): Columns {
  const out: Columns = { hash: -1, salt: -1, username: -1, email: -1, id: -1, password: -1 };
  const used = new Set<number>();
  const header = info.header;
  const width = Math.max(info.columns, header?.length ?? 0, ...sample.slice(0, 5).map((r) => r.length));
  const norm = header?.map(normalizeName);

  for (const req of requests) {
    let idx = -1;
    if (req.spec !== undefined) {
      const spec = req.spec.trim();
      if (spec.toLowerCase() === 'none' || spec === '') {
        idx = -1;
      } else if (/^\d+$/.test(spec)) {
        idx = Number(spec) - 1;
        if (idx < 0 || idx >= width) throw new UsageError(`${req.option} ${spec}: the input has ${width} column(s)`);
      } else {
        if (!header) throw new UsageError(`${req.option} ${spec}: the input has no header row; give a column number`);
        idx = header.indexOf(spec);
        if (idx < 0) idx = norm!.indexOf(normalizeName(spec));
        if (idx < 0) {
          throw new UsageError(`${req.option} ${spec}: no such column (columns: ${header.join(', ')})`);
        }
      }
    } else if (norm) {
      for (const name of ROLE_NAMES[req.role]) {
        if (req.exclude?.includes(name)) continue;
        const i = norm.findIndex((h, j) => h === name && !used.has(j));
        if (i >= 0) {
          idx = i;
          break;
        }
      }
      if (idx < 0 && req.role === 'hash') {
        idx = norm.findIndex((h, j) => !used.has(j) && /hash|crypt|digest/.test(h));
      }
      if (idx < 0 && req.role === 'hash') idx = bestHashColumn(sample, used, looksLikeHash);
    } else if (req.role === 'hash') {
      idx = width === 1 ? 0 : bestHashColumn(sample, used, looksLikeHash);
    } else if (req.role === 'password' && width === 2 && used.size === 1) {
      idx = used.has(0) ? 1 : 0; // headerless hash,password pairs
    }
    if (idx < 0 && req.required) {
      throw new UsageError(
        header
          ? `cannot tell which column holds the ${req.role} (columns: ${header.join(', ')}); use ${req.option}`
          : `cannot tell which column holds the ${req.role}; use ${req.option} N`,
      );
    }
    if (idx >= 0) used.add(idx);
    out[req.role] = idx;
  }
  return out;
}

function bestHashColumn(sample: string[][], used: Set<number>, looksLikeHash: (v: string) => boolean): number {
  const hits = new Map<number, number>();
  for (const row of sample) {
    row.forEach((v, i) => {
      if (!used.has(i) && v && looksLikeHash(v)) hits.set(i, (hits.get(i) ?? 0) + 1);
    });
  }
  let best = -1;
  let bestHits = 0;
  for (const [i, h] of hits) if (h > bestHits) [best, bestHits] = [i, h];
  return best;
}

/** Display name of a column: its header name, else `#N`. */
export function columnName(info: SourceInfo, idx: number): string | null {
  if (idx < 0) return null;
  return info.header?.[idx] ?? `#${idx + 1}`;
}
