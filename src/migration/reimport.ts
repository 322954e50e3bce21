/**
 * Re-imports during a long migration: the old shop keeps running until cut-over, so a fresh
 * export is imported again. Accounts already marked migrated on the new platform must be left
 * alone (their password there is the customer's real one; re-importing a random password and the
 * old hash would undo the migration). Accounts not migrated yet get their hash refreshed (the
 * customer may have changed the password on the old shop); unknown ones are new.
 */
import { accountReader, type ColumnMap, type LegacyAccount, type RowSource } from './rows.js';

/** An account as it is now on the new platform. */
export interface CurrentAccount {
  /** The legacy id the account was imported with (e.g. the commercetools customer key). */
  id?: string;
  email?: string;
  migrated: boolean;
}

export type CurrentAccounts =
  | Iterable<CurrentAccount>
  | AsyncIterable<CurrentAccount>
  /** A lookup, for platforms too large to list (called once per fresh row). */
  | ((account: LegacyAccount) => CurrentAccount | undefined | Promise<CurrentAccount | undefined>);

export interface ReimportItem {
  /** 'new': not on the new platform yet; 'update': there, not migrated (refresh its hash). */
  status: 'new' | 'update';
  account: LegacyAccount;
  current?: CurrentAccount;
}

export interface ReimportOptions {
  columns?: ColumnMap;
  /** How fresh rows are matched to current accounts: legacy id first, then e-mail (default 'both'). */
  match?: 'id' | 'email' | 'both';
  /** Called for every row skipped because it is already migrated. */
  onSkip?(account: LegacyAccount, current: CurrentAccount): void;
}

const emailKey = (e: string): string => e.trim().toLowerCase();

/**
 * Yields the fresh rows to import again, skipping those already marked migrated.
 *
 * @example
 * ```ts
 * for await (const { status, account } of filterReimport(parseCsv(file), currentCustomers)) ...
 * ```
 */
export async function* filterReimport(fresh: RowSource, current: CurrentAccounts, options: ReimportOptions = {}): AsyncGenerator<ReimportItem> {
  const match = options.match ?? 'both';
  const read = accountReader(options.columns);
  let lookup: (a: LegacyAccount) => Promise<CurrentAccount | undefined>;
  if (typeof current === 'function') {
    lookup = async (a) => current(a);
  } else {
    const byId = new Map<string, CurrentAccount>();
    const byEmail = new Map<string, CurrentAccount>();
    for await (const c of current as AsyncIterable<CurrentAccount>) {
      if (c.id !== undefined) byId.set(c.id, c);
      if (c.email !== undefined) byEmail.set(emailKey(c.email), c);
    }
    lookup = async (a) =>
      (match !== 'email' && a.id !== undefined ? byId.get(a.id) : undefined) ??
      (match !== 'id' && a.email !== undefined ? byEmail.get(emailKey(a.email)) : undefined);
  }
  for await (const row of fresh as AsyncIterable<Readonly<Record<string, unknown>>>) {
    const account = read(row);
    const cur = await lookup(account);
    if (cur?.migrated) {
      options.onSkip?.(account, cur);
      continue;
    }
    yield cur ? { status: 'update', account, current: cur } : { status: 'new', account };
  }
}
