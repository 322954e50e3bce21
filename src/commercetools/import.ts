/**
 * From a legacy customer export to commercetools CustomerDrafts (POST /{projectKey}/customers):
 * every account gets a cryptographically random password nobody knows, the old hash in the
 * Custom Type's String field and isPasswordMigrated=false. Accounts whose hash cannot be migrated
 * (see decideAccount) are imported without a hash: they will use "forgot password".
 *
 * The customers endpoint (rather than the Import API) is used because it takes a password and
 * returns errors synchronously, per customer; it is one request per customer, fine for the
 * hundreds of thousands of accounts a shop has (run with some concurrency).
 *
 * Passwords in plan files: by default drafts are written WITHOUT a password and importCustomers()
 * adds a fresh random one per customer as it sends it, so no file ever holds a working
 * credential. With `includePasswords: true` the drafts carry them: treat that file as a secret.
 */
import type { ByProjectKeyRequestBuilder, CustomerDraft, TypeDraft } from '@commercetools/platform-sdk';
import { wrap, type WrapOptions } from '../wrap/wrap.js';
import { AuditTally, decideAccount, type AccountDecision, type AuditSummary, type DecideOptions } from '../migration/decide.js';
import { importPassword } from '../migration/random.js';
import { accountReader, type ColumnMap, type LegacyAccount, type RowSource } from '../migration/rows.js';
import type { Sink } from '../migration/csv.js';
import { CommercetoolsApiError, ctErrorInfo } from './errors.js';
import { migrationTypeDraft, resolveFields, type MigrationFields } from './fields.js';

export interface CustomerDraftOptions extends Omit<DecideOptions, 'target'> {
  fields?: Partial<MigrationFields>;
  /**
   * Store `wrap(hash)` instead of the hash itself (argon2id around the legacy digest, verified
   * transparently at login): true for the default outer KDF, or its settings.
   */
  wrapHashes?: boolean | WrapOptions['outer'];
  /** Lower-case e-mails (default true; commercetools treats them case-insensitively anyway). */
  lowercaseEmails?: boolean;
  /** Put the random password in the draft (default false: importCustomers adds it). */
  includePasswords?: boolean;
  /** Customer key from the legacy id: `${keyPrefix}${id}` when it is a valid key (default prefix 'legacy-'). */
  keyPrefix?: string | false;
}

export interface DraftResult {
  account: LegacyAccount;
  decision: AccountDecision;
  /** Absent when the row is skipped (`skipped` says why). */
  draft?: CustomerDraft;
  skipped?: 'no-email' | 'duplicate-email' | 'invalid-email';
}

const KEY_RE = /^[A-Za-z0-9_-]{2,256}$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+$/;

/** One account to a CustomerDraft (async: wrapping runs a KDF). */
export async function toCustomerDraft(account: LegacyAccount, options: CustomerDraftOptions = {}): Promise<DraftResult> {
  const { fields: fieldOpts, wrapHashes, lowercaseEmails = true, includePasswords = false, keyPrefix = 'legacy-', ...decide } = options;
  const f = resolveFields(fieldOpts);
  const decision = decideAccount(account, { ...decide, target: 'lazy' });
  if (!account.email) return { account, decision, skipped: 'no-email' };
  const email = lowercaseEmails ? account.email.toLowerCase() : account.email;
  if (!EMAIL_RE.test(email)) return { account, decision, skipped: 'invalid-email' };

  const custom: Record<string, unknown> = { [f.migrated]: false };
  if (decision.action === 'gradual') {
    let stored = account.hash!.trim();
    if (wrapHashes) {
      const wo: WrapOptions = { ...decide };
      if (account.salt !== undefined) wo.salt = account.salt;
      if (account.username !== undefined && wo.username === undefined) wo.username = account.username;
      if (typeof wrapHashes === 'object') wo.outer = wrapHashes;
      stored = await wrap(stored, wo);
    }
    custom[f.hash] = stored;
    if (account.salt !== undefined) custom[f.salt] = account.salt;
  }
  const draft: Record<string, unknown> = { email };
  if (includePasswords) draft.password = importPassword();
  if (keyPrefix !== false && account.id !== undefined && KEY_RE.test(`${keyPrefix}${account.id}`)) draft.key = `${keyPrefix}${account.id}`;
  if (account.firstName) draft.firstName = account.firstName;
  if (account.lastName) draft.lastName = account.lastName;
  draft.custom = { type: { typeId: 'type', key: f.typeKey }, fields: custom };
  return { account, decision, draft: draft as unknown as CustomerDraft };
}

export interface CommercetoolsPlanOptions extends CustomerDraftOptions {
  columns?: ColumnMap;
  /** Receives the drafts as JSON lines ("\n"-terminated). */
  out: Sink;
  /** Receives every account's result (e.g. for a per-account report). */
  onAccount?(result: DraftResult, index: number): unknown;
}

export interface CommercetoolsPlanSummary extends AuditSummary {
  /** Drafts written. */
  drafts: number;
  skipped: { noEmail: number; duplicateEmail: number; invalidEmail: number };
}

/**
 * "plan commercetools": rows (streamed) -> CustomerDraft JSON lines + summary. Duplicate e-mails
 * (after lower-casing) keep their first row.
 */
export async function planCommercetools(rows: RowSource, options: CommercetoolsPlanOptions): Promise<CommercetoolsPlanSummary> {
  const { columns, out, onAccount, ...draftOptions } = options;
  const read = accountReader(columns);
  const tally = new AuditTally();
  const seen = new Set<string>();
  const skipped = { noEmail: 0, duplicateEmail: 0, invalidEmail: 0 };
  let drafts = 0;
  let i = 0;
  for await (const row of rows as AsyncIterable<Readonly<Record<string, unknown>>>) {
    const account = read(row);
    let result = await toCustomerDraft(account, draftOptions);
    if (result.draft) {
      const k = result.draft.email.toLowerCase();
      if (seen.has(k)) result = { account, decision: result.decision, skipped: 'duplicate-email' };
      else seen.add(k);
    }
    tally.add(result.decision);
    if (result.draft) {
      drafts++;
      await out(JSON.stringify(result.draft) + '\n');
    } else if (result.skipped === 'no-email') skipped.noEmail++;
    else if (result.skipped === 'duplicate-email') skipped.duplicateEmail++;
    else if (result.skipped === 'invalid-email') skipped.invalidEmail++;
    if (onAccount) await onAccount(result, i);
    i++;
  }
  return { ...tally.summary, drafts, skipped };
}

/** Creates the migration Custom Type unless a type with its key exists. */
export async function ensureMigrationType(apiRoot: ByProjectKeyRequestBuilder, fields?: Partial<MigrationFields>): Promise<'created' | 'exists'> {
  const draft: TypeDraft = migrationTypeDraft(fields);
  try {
    await apiRoot.types().withKey({ key: draft.key }).get().execute();
    return 'exists';
  } catch (e) {
    const info = ctErrorInfo(e);
    if (info.statusCode !== 404) throw new CommercetoolsApiError('type', info);
  }
  try {
    await apiRoot.types().post({ body: draft }).execute();
    return 'created';
  } catch (e) {
    throw new CommercetoolsApiError('type', ctErrorInfo(e));
  }
}

export interface ImportResult {
  email: string;
  status: 'created' | 'exists' | 'failed';
  id?: string;
  error?: { statusCode: number; code?: string };
}

/**
 * Sends drafts to POST /{projectKey}/customers, `concurrency` at a time (default 4). A draft
 * without a password gets a fresh importPassword(), which is used once and never stored.
 * An e-mail that already exists (400 DuplicateField) counts as 'exists'.
 */
export async function importCustomers(
  apiRoot: ByProjectKeyRequestBuilder,
  drafts: Iterable<CustomerDraft> | AsyncIterable<CustomerDraft>,
  options: { concurrency?: number; onResult?(r: ImportResult): unknown } = {},
): Promise<{ created: number; exists: number; failed: number }> {
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const counts = { created: 0, exists: 0, failed: 0 };
  const running = new Set<Promise<void>>();
  const one = async (d: CustomerDraft): Promise<void> => {
    const body: CustomerDraft = d.password || d.authenticationMode === 'ExternalAuth' ? d : { ...d, password: importPassword() };
    let r: ImportResult;
    try {
      const res = await apiRoot.customers().post({ body }).execute();
      r = { email: d.email, status: 'created', id: res.body.customer.id };
    } catch (e) {
      const info = ctErrorInfo(e);
      r =
        info.statusCode === 400 && info.code === 'DuplicateField'
          ? { email: d.email, status: 'exists' }
          : { email: d.email, status: 'failed', error: { statusCode: info.statusCode, ...(info.code ? { code: info.code } : {}) } };
    }
    counts[r.status === 'created' ? 'created' : r.status === 'exists' ? 'exists' : 'failed']++;
    await options.onResult?.(r);
  };
  for await (const d of drafts as AsyncIterable<CustomerDraft>) {
    const p: Promise<void> = one(d).finally(() => running.delete(p));
    running.add(p);
    if (running.size >= concurrency) await Promise.race(running);
  }
  await Promise.all(running);
  return counts;
}
