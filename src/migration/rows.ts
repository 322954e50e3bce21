/**
 * Reading accounts out of a legacy customer export (CSV or JSON rows): which column holds the
 * e-mail, the hash, the salt... Column names are matched case-insensitively, ignoring spaces,
 * '-' and '_', against the explicit `columns` map first, then common aliases.
 */

/** One account from a legacy export, normalised. */
export interface LegacyAccount {
  /** The old platform's id for the account (customer id, entity_id...). */
  id?: string;
  email?: string;
  /** The login name when it is not the e-mail (Neto usernames, username-salted schemes). */
  username?: string;
  /** The stored password hash. */
  hash?: string;
  /** A salt kept in its own column. */
  salt?: string;
  firstName?: string;
  lastName?: string;
  /** Already migrated (re-imports): from a `migrated`/`isPasswordMigrated` column. */
  migrated?: boolean;
  /** The row as read. */
  raw: Readonly<Record<string, unknown>>;
}

export type AccountField = 'id' | 'email' | 'username' | 'hash' | 'salt' | 'firstName' | 'lastName' | 'migrated';

/** Explicit column names for the fields (else the aliases below are tried). */
export type ColumnMap = Partial<Record<AccountField, string>>;

/** Aliases tried in order, already normalised (lower case, no spaces, '-' or '_'). */
export const COLUMN_ALIASES: Readonly<Record<AccountField, readonly string[]>> = {
  id: ['id', 'customerid', 'entityid', 'userid', 'legacyid'],
  email: ['email', 'emailaddress', 'useremail', 'customeremail', 'mail'],
  username: ['username', 'userlogin', 'login', 'loginname', 'uname'],
  hash: ['passwordhash', 'hash', 'password', 'userpass', 'pass', 'passwd', 'pwhash', 'legacypasswordhash'],
  salt: ['salt', 'passwordsalt', 'usersalt', 'legacypasswordsalt'],
  firstName: ['firstname', 'first', 'givenname', 'billfirstname'],
  lastName: ['lastname', 'last', 'surname', 'familyname', 'billlastname'],
  migrated: ['migrated', 'ispasswordmigrated', 'passwordmigrated'],
};

const norm = (k: string): string => k.toLowerCase().replace(/[\s_-]+/g, '');

function cell(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  const s = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
  if (s === undefined) return undefined;
  const t = s.trim();
  return t === '' ? undefined : t;
}

function truthy(v: string | undefined): boolean | undefined {
  if (v === undefined) return undefined;
  const t = v.toLowerCase();
  if (['1', 'true', 'yes', 'y', 't'].includes(t)) return true;
  if (['0', 'false', 'no', 'n', 'f'].includes(t)) return false;
  return undefined;
}

/** Builds a reader for rows with these keys (resolves the columns once per key set). */
export function accountReader(columns: ColumnMap = {}): (row: Readonly<Record<string, unknown>>) => LegacyAccount {
  let cachedKeys: string | undefined;
  let resolved: Partial<Record<AccountField, string>> = {};
  const resolve = (keys: string[]): Partial<Record<AccountField, string>> => {
    const byNorm = new Map<string, string>();
    for (const k of keys) if (!byNorm.has(norm(k))) byNorm.set(norm(k), k);
    const out: Partial<Record<AccountField, string>> = {};
    for (const field of Object.keys(COLUMN_ALIASES) as AccountField[]) {
      const explicit = columns[field];
      if (explicit !== undefined) {
        const k = byNorm.get(norm(explicit));
        if (k !== undefined) out[field] = k;
        continue;
      }
      for (const alias of COLUMN_ALIASES[field]) {
        const k = byNorm.get(alias);
        if (k !== undefined && !Object.values(out).includes(k)) {
          out[field] = k;
          break;
        }
      }
    }
    return out;
  };
  return (row) => {
    const keys = Object.keys(row);
    const sig = keys.join('\u0000');
    if (sig !== cachedKeys) {
      resolved = resolve(keys);
      cachedKeys = sig;
    }
    const get = (f: AccountField): string | undefined => (resolved[f] === undefined ? undefined : cell(row[resolved[f]!]));
    const a: LegacyAccount = { raw: row };
    for (const f of ['id', 'email', 'username', 'hash', 'salt', 'firstName', 'lastName'] as const) {
      const v = get(f);
      if (v !== undefined) a[f] = v;
    }
    const m = truthy(get('migrated'));
    if (m !== undefined) a.migrated = m;
    return a;
  };
}

/** Reads one row (see accountReader for repeated use). */
export function readAccount(row: Readonly<Record<string, unknown>>, columns?: ColumnMap): LegacyAccount {
  return accountReader(columns)(row);
}

/** Any iterable or async iterable of rows. */
export type RowSource = AsyncIterable<Readonly<Record<string, unknown>>> | Iterable<Readonly<Record<string, unknown>>>;
