/**
 * Per-account decision before cut-over: can this account migrate its password gradually (its
 * hash is in a scheme legacy-hash verifies, with every input it needs, within the limits), or
 * will the customer have to reset it? The same rule serves every target platform, so a shop
 * knows before the switch how many customers will see friction.
 *
 * Targets:
 * - 'lazy' (default): a platform whose login can be extended (commercetools, any custom
 *   backend): 'gradual' or 'reset'.
 * - 'neto': Neto's login cannot be extended, so nothing migrates gradually: 'carry-over'
 *   (unsalted MD5 through the import field "Password Encrypted By Other System", only when
 *   `netoMd5CarryOver` is on) or 'reset' (temporary password or reset link). The reason of a
 *   reset still says whether the hash was verifiable (`not-carryable`) or not.
 */
import { detect } from '../detect/candidates.js';
import { normalizeStored } from '../detect/normalize.js';
import { enforceCosts, schemeInputs } from '../engine.js';
import { isLegacyHashError } from '../errors.js';
import { identify } from '../identify.js';
import { resolveLimits, type Limits } from '../limits.js';
import type { IdentifyOptions } from '../types.js';
import type { LegacyAccount } from './rows.js';

export type ResetReason =
  /** No hash in the export. */
  | 'no-hash'
  /** No scheme recognises the string. */
  | 'unknown-format'
  /** A scheme recognises its shape but the body is invalid (truncated export, wrong column...). */
  | 'malformed'
  /** The scheme needs an input the export/config lacks (salt column, pepper, username). */
  | 'missing-input'
  /** Its cost parameters exceed the configured limits: it would be refused at login. */
  | 'over-limit'
  /** The account is already marked migrated (re-import). */
  | 'already-migrated'
  /** Neto: the hash is verifiable but Neto cannot use it (not unsalted MD5, or carry-over off). */
  | 'not-carryable';

export type AccountDecision =
  | { action: 'gradual'; scheme: string; candidates: string[] }
  | { action: 'carry-over'; scheme: 'md5'; md5: string }
  | { action: 'reset'; reason: ResetReason; detail: string; scheme?: string };

export interface DecideOptions extends IdentifyOptions {
  /** 'lazy' (default) or 'neto'. */
  target?: 'lazy' | 'neto';
  /** Neto only: carry unsalted MD5 hashes over (depends on Neto still accepting the field). */
  netoMd5CarryOver?: boolean;
  /** Limits to judge costs against (default: the process-wide ones verify() will use). */
  limits?: Partial<Limits>;
}

/** Decides for one account (or a bare `{ hash, salt?, username? }`). Does no hashing. */
export function decideAccount(account: Pick<LegacyAccount, 'hash' | 'salt' | 'username' | 'migrated'>, options: DecideOptions = {}): AccountDecision {
  const target = options.target ?? 'lazy';
  if (account.migrated === true) return { action: 'reset', reason: 'already-migrated', detail: 'account is already marked migrated' };
  const hash = typeof account.hash === 'string' ? account.hash.trim() : '';
  if (hash === '') return { action: 'reset', reason: 'no-hash', detail: 'no password hash in the export' };

  const idOptions: IdentifyOptions = { ...options };
  if (account.salt !== undefined) idOptions.salt = account.salt;
  if (account.username !== undefined && idOptions.username === undefined) idOptions.username = account.username;

  let candidates;
  try {
    candidates = identify(hash, idOptions);
  } catch (e) {
    if (isLegacyHashError(e)) return { action: 'reset', reason: 'malformed', detail: e.message };
    throw e;
  }
  if (candidates.length === 0) {
    const found = detect(normalizeStored(hash), schemeInputs(idOptions), options.platform?.toLowerCase());
    return found.malformed
      ? { action: 'reset', reason: 'malformed', detail: found.malformed.message }
      : { action: 'reset', reason: 'unknown-format', detail: 'no supported scheme recognises this hash' };
  }
  const runnable = candidates.filter((c) => c.missing.length === 0);
  if (runnable.length === 0) {
    const need = [...new Set(candidates.flatMap((c) => c.missing))];
    return {
      action: 'reset',
      reason: 'missing-input',
      detail: `needs ${need.join(' or ')} (candidates: ${candidates.map((c) => c.scheme).join(', ')})`,
      scheme: candidates[0]!.scheme,
    };
  }

  // Costs: would verify() refuse it at login?
  const limits = resolveLimits(options.limits);
  const fits = detect(normalizeStored(hash), schemeInputs(idOptions), options.platform?.toLowerCase()).fits.filter(
    (f) => f.missing.length === 0,
  );
  const withinLimits = fits.filter((f) => {
    try {
      enforceCosts(f.scheme, f.parsed, limits);
      return true;
    } catch (e) {
      if (isLegacyHashError(e)) return false;
      throw e;
    }
  });
  if (withinLimits.length === 0) {
    return { action: 'reset', reason: 'over-limit', detail: 'its cost parameters exceed the configured limits', scheme: runnable[0]!.scheme };
  }
  const top = withinLimits[0]!.scheme.id;

  if (target === 'neto') {
    if (options.netoMd5CarryOver && top === 'md5' && /^[0-9a-fA-F]{32}$/.test(hash) && !account.salt) {
      return { action: 'carry-over', scheme: 'md5', md5: hash.toLowerCase() };
    }
    return {
      action: 'reset',
      reason: 'not-carryable',
      detail: options.netoMd5CarryOver
        ? `${top} hashes cannot be imported into Neto (only unsalted MD5 can)`
        : `${top}: Neto logins cannot verify legacy hashes`,
      scheme: top,
    };
  }
  return { action: 'gradual', scheme: top, candidates: withinLimits.map((f) => f.scheme.id) };
}

/** Counts of decisions, for a plan/audit summary. */
export interface AuditSummary {
  total: number;
  gradual: number;
  carryOver: number;
  reset: number;
  /** Accounts per matched scheme (gradual and carry-over). */
  byScheme: Record<string, number>;
  /** Resets per reason. */
  byReason: Partial<Record<ResetReason, number>>;
}

export class AuditTally {
  readonly summary: AuditSummary = { total: 0, gradual: 0, carryOver: 0, reset: 0, byScheme: {}, byReason: {} };

  add(d: AccountDecision): void {
    const s = this.summary;
    s.total++;
    if (d.action === 'reset') {
      s.reset++;
      s.byReason[d.reason] = (s.byReason[d.reason] ?? 0) + 1;
      return;
    }
    if (d.action === 'gradual') s.gradual++;
    else s.carryOver++;
    s.byScheme[d.scheme] = (s.byScheme[d.scheme] ?? 0) + 1;
  }
}
