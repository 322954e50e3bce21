/**
 * The gradual migration against commercetools' Customer API (commercetools' "Import customers"
 * guide), through the official SDK.
 *
 *   sign in       POST /{projectKey}/login                          400 InvalidCredentials = mismatch
 *   legacy record GET  /{projectKey}/customers?where=email="..."     custom fields: hash, flag, salt
 *   commit        POST /{projectKey}/customers/password-token        token for the customer
 *                 GET  /{projectKey}/customers/password-token={t}    re-read: same customer, not migrated
 *                 POST /{projectKey}/customers/password/reset        {tokenValue, newPassword, version}
 *                 POST /{projectKey}/customers/{id}                  {version, setCustomField flag=true,
 *                                                                     remove hash (and salt)}
 *   retry sign-in POST /{projectKey}/login
 *
 * The API has no update action that sets a password, and "change password" needs the current
 * one (random, unknown), so the password is set with a reset token the server requests and uses
 * at once (never sent anywhere). That makes the commit two writes, ordered so that no failure
 * can leave the flag true with the random password still in place:
 *
 *   1. reset the password, guarded by the version read through the token: the lock. Of two
 *      concurrent first logins one reset wins; the other gets 409 ConcurrentModification (or 404,
 *      its token having been invalidated by the winner's reset) = 'conflict', and its retried
 *      sign-in succeeds because the winner set the same password.
 *   2. set isPasswordMigrated=true (and remove the old hash) with the version the reset returned.
 *
 * A crash between 1 and 2 leaves the right password with the flag still false: the next sign-in
 * succeeds directly, and this handler then sets the flag ("heal", below). The reverse order would
 * lock the customer out (flag true, random password) if the reset failed after the flag.
 *
 * Heal: whenever a sign-in succeeds for a customer whose flag is false while an old hash is
 * stored, the password on commercetools is no longer the random import one (crash above, or the
 * customer used "forgot password"), so the flag is set and the hash removed. Call `markMigrated`
 * from your own password-reset handler too: otherwise, until the customer signs in again, the
 * OLD password would still be accepted once and replace the one they just chose.
 */
import type {
  ByProjectKeyRequestBuilder,
  Customer,
  CustomerSetCustomFieldAction,
  CustomerSignin,
  CustomerSignInResult,
} from '@commercetools/platform-sdk';
import type { VerifyOptions } from '../types.js';
import { createLazyMigration, type LegacyRecord, type LoginAttempt, type LoginOutcome, type MigrationEvent } from '../migration/lazy.js';
import { CommercetoolsApiError, ctErrorInfo, isConcurrentModification, isInvalidCredentials, isNotFound } from './errors.js';
import { resolveFields, type MigrationFields } from './fields.js';

export interface CommercetoolsLoginOptions {
  /** `createApiRoot(...)` or your own `createApiBuilderFromCtpClient(client).withProjectKey(...)`. */
  apiRoot: ByProjectKeyRequestBuilder;
  /** Custom Type and field names (defaults: DEFAULT_FIELDS). */
  fields?: Partial<MigrationFields>;
  /** verify() options for the legacy hashes: platform hint, pepper, limits, timeoutMs. */
  verifyOptions?: VerifyOptions;
  /** Metrics hook (never receives passwords, hashes or e-mails). */
  onEvent?(event: CommercetoolsMigrationEvent): void;
  /** Hash for the dummy verification on paths without a legacy hash (see createLazyMigration). */
  dummyHash?: string;
  /** Remove the old hash (and salt) when marking migrated (default true: nothing left to crack). */
  clearHashOnMigrate?: boolean;
  /** Lifetime of the internal reset token in minutes (default 5; it is used at once). */
  tokenTtlMinutes?: number;
  /** Set the flag when a sign-in succeeds with the flag still false (default true). */
  heal?: boolean;
}

export type CommercetoolsMigrationEvent =
  | MigrationEvent
  /** A successful sign-in found the flag false with a hash stored and set it. */
  | { type: 'healed' }
  /** The password was reset but setting the flag failed; the next sign-in heals it. */
  | { type: 'flag-deferred'; code: string };

export interface CommercetoolsLogin {
  /**
   * Signs the customer in, migrating the legacy password when needed. `signin` carries the other
   * CustomerSignin fields (anonymousCart, anonymousCartSignInMode...), sent with every attempt.
   * Resolves `{ ok: true, value: CustomerSignInResult }` or `{ ok: false, reason: 'mismatch' }`;
   * other API failures reject with a CommercetoolsApiError (no request data in it).
   */
  login(email: string, password: string, signin?: Omit<CustomerSignin, 'email' | 'password'>): Promise<LoginOutcome<CustomerSignInResult>>;
  /** Marks a customer migrated and removes the old hash (call it from your password-reset flow). */
  markMigrated(customerId: string): Promise<void>;
}

interface CtRecord extends LegacyRecord {
  id: string;
  email: string;
  version: number;
}

const isCtRecord = (r: LegacyRecord): r is CtRecord => typeof (r as CtRecord).id === 'string';

/** Escapes a string for a query predicate string literal. */
export function predicateString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

export function createCommercetoolsLogin(options: CommercetoolsLoginOptions): CommercetoolsLogin {
  const { apiRoot } = options;
  const f = resolveFields(options.fields);
  const clearHash = options.clearHashOnMigrate ?? true;
  const ttlMinutes = options.tokenTtlMinutes ?? 5;
  const heal = options.heal ?? true;
  const emit = (e: CommercetoolsMigrationEvent): void => {
    try {
      options.onEvent?.(e);
    } catch {
      /* ignore */
    }
  };

  const fieldsOf = (c: Customer): Record<string, unknown> => (c.custom?.fields ?? {}) as Record<string, unknown>;

  function migratedActions(): CustomerSetCustomFieldAction[] {
    const actions: CustomerSetCustomFieldAction[] = [{ action: 'setCustomField', name: f.migrated, value: true }];
    if (clearHash) {
      // setCustomField without a value removes the field.
      actions.push({ action: 'setCustomField', name: f.hash }, { action: 'setCustomField', name: f.salt });
    }
    return actions;
  }

  /** Sets the flag on a customer, re-reading on version conflicts (idempotent). */
  async function setFlag(id: string, version: number | undefined): Promise<void> {
    let v = version;
    for (let attempt = 0; attempt < 4; attempt++) {
      if (v === undefined) {
        let c: Customer;
        try {
          c = (await apiRoot.customers().withId({ ID: id }).get().execute()).body;
        } catch (e) {
          throw new CommercetoolsApiError('load', ctErrorInfo(e));
        }
        const fields = fieldsOf(c);
        if (fields[f.migrated] === true && (!clearHash || fields[f.hash] === undefined)) return;
        v = c.version;
      }
      try {
        await apiRoot.customers().withId({ ID: id }).post({ body: { version: v, actions: migratedActions() } }).execute();
        return;
      } catch (e) {
        const info = ctErrorInfo(e);
        if (!isConcurrentModification(info)) throw new CommercetoolsApiError('flag', info);
        v = undefined; // re-read and try again
      }
    }
    throw new CommercetoolsApiError('flag', { statusCode: 409, code: 'ConcurrentModification' });
  }

  async function signIn(email: string, password: string, extra: Omit<CustomerSignin, 'email' | 'password'>): Promise<LoginAttempt<CustomerSignInResult>> {
    try {
      const r = await apiRoot.login().post({ body: { ...extra, email, password } }).execute();
      return { ok: true, value: r.body };
    } catch (e) {
      const info = ctErrorInfo(e);
      if (isInvalidCredentials(info)) return { ok: false, reason: 'mismatch' };
      throw new CommercetoolsApiError('login', info);
    }
  }

  async function findByEmail(email: string): Promise<Customer | undefined> {
    const tries = email === email.toLowerCase() ? [email] : [email, email.toLowerCase()];
    for (const e of tries) {
      let results: Customer[];
      try {
        results = (await apiRoot.customers().get({ queryArgs: { where: `email = ${predicateString(e)}`, limit: 2 } }).execute()).body.results;
      } catch (err) {
        throw new CommercetoolsApiError('load', ctErrorInfo(err));
      }
      // Several matches (per-store e-mail uniqueness): ambiguous, do not migrate anything.
      if (results.length === 1) return results[0];
      if (results.length > 1) return undefined;
    }
    return undefined;
  }

  function toRecord(c: Customer): CtRecord {
    const fields = fieldsOf(c);
    const rec: CtRecord = {
      id: c.id,
      email: c.email,
      version: c.version,
      migrated: fields[f.migrated] === true,
      hash: typeof fields[f.hash] === 'string' ? (fields[f.hash] as string) : null,
    };
    if (typeof fields[f.salt] === 'string' && fields[f.salt] !== '') rec.salt = fields[f.salt] as string;
    return rec;
  }

  async function commit(record: LegacyRecord, password: string): Promise<'committed' | 'conflict'> {
    if (!isCtRecord(record)) throw new TypeError('not a commercetools legacy record');
    // 1. A reset token for this customer, used right away (never leaves this process).
    let tokenValue: string;
    try {
      tokenValue = (await apiRoot.customers().passwordToken().post({ body: { email: record.email, ttlMinutes } }).execute()).body.value;
    } catch (e) {
      const info = ctErrorInfo(e);
      if (isNotFound(info)) return 'conflict'; // e-mail changed or customer gone since the lookup
      throw new CommercetoolsApiError('token', info);
    }
    // 2. Re-read through the token: same customer, still not migrated, same hash as verified.
    let current: Customer;
    try {
      current = (await apiRoot.customers().withPasswordToken({ passwordToken: tokenValue }).get().execute()).body;
    } catch (e) {
      const info = ctErrorInfo(e);
      if (isNotFound(info)) return 'conflict'; // invalidated by a concurrent reset
      throw new CommercetoolsApiError('token', info);
    }
    const now = toRecord(current);
    if (current.id !== record.id || now.migrated || now.hash !== record.hash) return 'conflict';
    // 3. The lock: reset guarded by that version.
    let afterReset: Customer;
    try {
      afterReset = (
        await apiRoot.customers().passwordReset().post({ body: { tokenValue, newPassword: password, version: current.version } }).execute()
      ).body;
    } catch (e) {
      const info = ctErrorInfo(e);
      if (isConcurrentModification(info) || isNotFound(info)) return 'conflict';
      throw new CommercetoolsApiError('reset', info);
    }
    // 4. The flag (and removal of the old hash), with the version the reset produced.
    try {
      await setFlag(afterReset.id, afterReset.version);
    } catch (e) {
      emit({ type: 'flag-deferred', code: e instanceof CommercetoolsApiError ? (e.code ?? String(e.statusCode)) : 'ERR_UNKNOWN' });
    }
    return 'committed';
  }

  return {
    async login(email, password, signin = {}) {
      const flow = createLazyMigration<CustomerSignInResult, CtRecord>({
        login: (u, p) => signIn(u, p, signin),
        loadLegacy: async (u) => {
          const c = await findByEmail(u);
          return c ? toRecord(c) : null;
        },
        commitMigration: commit,
        ...(options.verifyOptions ? { verifyOptions: options.verifyOptions } : {}),
        ...(options.dummyHash ? { dummyHash: options.dummyHash } : {}),
        onEvent: emit,
      });
      const outcome = await flow.login(email, password);
      if (heal && outcome.ok && outcome.migration === 'none') {
        const c = outcome.value.customer;
        const fields = fieldsOf(c);
        if (fields[f.migrated] === false && typeof fields[f.hash] === 'string') {
          try {
            await setFlag(c.id, c.version);
            emit({ type: 'healed' });
          } catch (e) {
            emit({ type: 'flag-deferred', code: e instanceof CommercetoolsApiError ? (e.code ?? String(e.statusCode)) : 'ERR_UNKNOWN' });
          }
        }
      }
      return outcome;
    },
    markMigrated: (id) => setFlag(id, undefined),
  };
}
