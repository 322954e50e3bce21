/**
 * The gradual (lazy) migration at login, independent of any framework or platform.
 *
 *   1. log in on the new platform with the typed username/password;
 *   2. on a "password mismatch", load the account's legacy record (old hash, migrated flag,
 *      per-user inputs such as a salt column);
 *   3. if the account is not marked migrated and the password verifies against the old hash,
 *      commit: set the typed password as the new password and mark the account migrated (one
 *      update, or the platform's closest equivalent), then retry the login once and return it;
 *   4. otherwise (no legacy hash, already migrated, no match) return the platform's mismatch.
 *
 * Concurrency: `commitMigration` must use the platform's optimistic concurrency (the record's
 * `version`) and answer 'conflict' when another request changed the account first. On a conflict
 * the login is retried (the winner has set the same password); if that still fails, the record
 * is reloaded and the flow runs once more, then gives up with the original mismatch.
 *
 * Timing: every mismatch path does one password verification (the real one, or a dummy one when
 * there is nothing to verify against), so "no such account", "already migrated" and "wrong
 * password" take comparable time on our side.
 *
 * Nothing here logs; events for metrics go to `onEvent` and never contain the password, the hash
 * or the username.
 */
import { isLegacyHashError } from '../errors.js';
import type { VerifyOptions } from '../types.js';
import { verifyDetailed } from '../verify.js';
import { dummyVerify } from './dummy.js';
import { splitWrapped, WRAPPED_PREFIX } from '../algorithms/wrapped.js';
import { normalizeStored } from '../detect/normalize.js';

/** The new platform's answer to a login. `mismatch` = wrong password or unknown account. */
export type LoginAttempt<T> =
  | { ok: true; value: T }
  | { ok: false; reason: 'mismatch' }
  | { ok: false; reason: 'other'; error?: unknown };

/** What the old platform stored for one account, as kept next to the new account. */
export interface LegacyRecord {
  /** The old hash (or a `wrap()`ped one). Absent/empty: nothing to migrate from. */
  hash?: string | null;
  /** true once the password was migrated (or the account reset its password on the new platform). */
  migrated: boolean;
  /** Per-user inputs: a separate salt column, the login name for username-salted schemes. */
  salt?: string;
  username?: string;
  /** Per-record overrides of `verifyOptions` (e.g. accounts merged from two old shops). */
  platform?: string;
  pepper?: string | Uint8Array;
  params?: Record<string, string | number>;
  /** The platform's optimistic-concurrency version, for `commitMigration`. */
  version?: number;
}

export type CommitResult = 'committed' | 'conflict';

export type MigrationEvent =
  /** The legacy hash matched and the new password was committed. `retryOk`: the retried login succeeded. */
  | { type: 'migrated'; scheme: string; retryOk: boolean; innerScheme?: string }
  /** A legacy hash exists and is not migrated, but the password does not match it. */
  | { type: 'legacy-mismatch' }
  /** No legacy record or no hash for this username. */
  | { type: 'no-legacy' }
  /** The account is already migrated: the platform's mismatch stands. */
  | { type: 'already-migrated' }
  /** Another request committed first; the retried login succeeded (`ok`) or not. */
  | { type: 'conflict-retried'; scheme: string; ok: boolean }
  /**
   * Something failed. `stage`: where. `code`: a LegacyHashError code for `verify` (a malformed or
   * over-limit legacy hash counts as a mismatch, except ERR_QUEUE_FULL/ERR_ABORTED which are
   * rethrown), 'ERR_PLATFORM' for an exception from an injected operation (rethrown),
   * 'ERR_CONFLICT_UNRESOLVED' when conflicts did not settle.
   */
  | { type: 'error'; stage: 'login' | 'load' | 'verify' | 'commit'; code: string };

export interface LazyMigrationOptions<T, R extends LegacyRecord = LegacyRecord> {
  /** Log in on the new platform. Must map "wrong password / no such account" to `mismatch`. */
  login(username: string, password: string): Promise<LoginAttempt<T>>;
  /** The legacy record for this username, or null when there is none. */
  loadLegacy(username: string): Promise<R | null | undefined>;
  /**
   * Set `password` as the account's new password and mark it migrated, guarded by the record's
   * version: 'conflict' when the account changed since `loadLegacy`.
   */
  commitMigration(record: R, password: string, info: { scheme: string }): Promise<CommitResult>;
  /** Options for verify(): platform hint, pepper, limits, timeoutMs... (record fields override). */
  verifyOptions?: VerifyOptions;
  /** Metrics hook; exceptions it throws are ignored. */
  onEvent?(event: MigrationEvent): void;
  /** Hash used for the dummy verification (default: the core's verifyDummy or a bcrypt cost-10 hash). */
  dummyHash?: string;
  /** How many times to reload and retry after a conflict whose retried login failed (default 1). */
  conflictRetries?: number;
}

/** The login result, plus what the migration did. */
export type LoginOutcome<T> = LoginAttempt<T> & {
  /**
   * 'none': nothing was migrated by this call; 'migrated': this call committed the new password;
   * 'migrated-concurrently': another request committed it and this call's retried login used it.
   */
  migration: 'none' | 'migrated' | 'migrated-concurrently';
  /** The legacy scheme that matched, when one did. */
  scheme?: string;
};

export interface LazyMigration<T> {
  login(username: string, password: string): Promise<LoginOutcome<T>>;
}

export function createLazyMigration<T, R extends LegacyRecord = LegacyRecord>(
  options: LazyMigrationOptions<T, R>,
): LazyMigration<T> {
  const { login, loadLegacy, commitMigration, verifyOptions = {}, dummyHash } = options;
  const conflictRetries = options.conflictRetries ?? 1;
  const emit = (event: MigrationEvent): void => {
    try {
      options.onEvent?.(event);
    } catch {
      // metrics must never break a login
    }
  };
  async function guarded<X>(stage: 'login' | 'load' | 'commit', run: () => Promise<X>): Promise<X> {
    try {
      return await run();
    } catch (e) {
      emit({ type: 'error', stage, code: 'ERR_PLATFORM' });
      throw e; // a failure of an injected platform operation: the caller's to handle
    }
  }
  const none = <X extends LoginAttempt<T>>(a: X, scheme?: string): LoginOutcome<T> =>
    ({ ...a, migration: 'none', ...(scheme ? { scheme } : {}) }) as LoginOutcome<T>;

  return {
    async login(username: string, password: string): Promise<LoginOutcome<T>> {
      const first = await guarded('login', () => login(username, password));
      if (first.ok || first.reason !== 'mismatch') return none(first);

      for (let round = 0; round <= conflictRetries; round++) {
        const record = await guarded('load', () => loadLegacy(username));
        if (!record || typeof record.hash !== 'string' || record.hash.trim() === '') {
          await dummyVerify(password, dummyHash);
          emit({ type: 'no-legacy' });
          return none(first);
        }
        if (record.migrated) {
          await dummyVerify(password, dummyHash);
          emit({ type: 'already-migrated' });
          return none(first);
        }

        let scheme: string | undefined;
        try {
          const r = await verifyDetailed(password, record.hash, mergeOptions(verifyOptions, record));
          scheme = r.match ? r.scheme : undefined;
        } catch (e) {
          if (isLegacyHashError(e)) {
            emit({ type: 'error', stage: 'verify', code: e.code });
            if (e.code === 'ERR_QUEUE_FULL' || e.code === 'ERR_ABORTED') throw e;
            return none(first);
          }
          throw e;
        }
        if (!scheme) {
          emit({ type: 'legacy-mismatch' });
          return none(first);
        }

        const committed = await guarded('commit', () => commitMigration(record, password, { scheme: scheme! }));
        const retry = await guarded('login', () => login(username, password));
        if (committed === 'committed') {
          const inner = innerSchemes(scheme, record.hash);
          emit({ type: 'migrated', scheme, retryOk: retry.ok, ...(inner ? { innerScheme: inner } : {}) });
          return { ...retry, migration: 'migrated', scheme } as LoginOutcome<T>;
        }
        emit({ type: 'conflict-retried', scheme, ok: retry.ok });
        if (retry.ok) return { ...retry, migration: 'migrated-concurrently', scheme } as LoginOutcome<T>;
        // The winner has not finished, or changed something else: reload and run once more.
      }
      emit({ type: 'error', stage: 'commit', code: 'ERR_CONFLICT_UNRESOLVED' });
      return none(first);
    },
  };
}

/** For a wrap()ped hash: the legacy scheme(s) inside, for metrics ('phpass', or 'md5,sha1'). */
function innerSchemes(scheme: string, stored: string): string | undefined {
  if (scheme !== 'wrapped') return undefined;
  try {
    const text = normalizeStored(stored);
    return text.startsWith(WRAPPED_PREFIX) ? splitWrapped(text).ids.join(',') : undefined;
  } catch {
    return undefined;
  }
}

function mergeOptions(base: VerifyOptions, record: LegacyRecord): VerifyOptions {
  const o: VerifyOptions = { ...base };
  if (record.salt !== undefined && record.salt !== '') o.salt = record.salt;
  if (record.username !== undefined && record.username !== '') o.username = record.username;
  if (record.platform !== undefined) o.platform = record.platform;
  if (record.pepper !== undefined) o.pepper = record.pepper;
  if (record.params !== undefined) o.params = { ...(base.params ?? {}), ...record.params };
  return o;
}
