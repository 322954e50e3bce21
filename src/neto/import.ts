/**
 * "plan neto": a legacy export -> the Neto customer import spreadsheet (CSV) + the companion
 * list for the customer e-mail + a report of rows that do not fit + a summary.
 *
 * Neto cannot take password hashes and its login cannot be extended, so passwords cannot migrate
 * gradually. Each account gets, per `resetMode`:
 *   - 'temporary-password': a strong readable temporary password (temporaryPassword()) in the
 *     import's Password field and in the e-mail list, for the customer to change after login;
 *   - 'reset-link': a random password nobody knows (importPassword()) in the import, and the
 *     shop's https://<domain>/_myacct/forgotpwd link in the e-mail list.
 * Option `md5CarryOver`: where the legacy hash is plain unsalted MD5, it is written to the import
 * field "Password Encrypted By Other System" instead (Neto's documented example for that field,
 * 80aa4f7be2ad93fcd91c9a36f28f34e5, is the unsalted MD5 of its example password "lkdshj763!"),
 * and those customers keep their password. Neto's field list now marks this field "Deprecated.
 * Do not use.": it only works if Neto still accepts it. Test one account before relying on it.
 *
 * Both CSV files hold working credentials (temporary passwords): keep them out of shared
 * drives and delete them once the e-mails are sent. The import CSV keeps values exactly (it is
 * read by Neto's importer); the e-mail list neutralises spreadsheet formulas (see csv.ts).
 */
import { AuditTally, decideAccount, type AccountDecision, type AuditSummary, type DecideOptions } from '../migration/decide.js';
import { csvLine, isFormulaLike, type Sink } from '../migration/csv.js';
import { importPassword, temporaryPassword } from '../migration/random.js';
import { accountReader, type ColumnMap, type LegacyAccount, type RowSource } from '../migration/rows.js';
import { NETO_EMAIL_MAX, suggestUsername, usernameProblems, type UsernameProblem, type UsernameRules } from './username.js';

/** Import spreadsheet columns (Neto's field names). */
export const NETO_IMPORT_COLUMNS = {
  username: 'Username',
  email: 'Email Address',
  password: 'Password',
  encrypted: 'Password Encrypted By Other System',
  firstName: 'Bill First Name',
  lastName: 'Bill Last Name',
} as const;

export type NetoRowProblem = UsernameProblem | 'email-missing' | 'email-too-long' | 'email-duplicate' | 'formula-like';

export interface NetoPlanOptions extends Omit<DecideOptions, 'target' | 'netoMd5CarryOver'>, UsernameRules {
  columns?: ColumnMap;
  /** 'temporary-password' (default) or 'reset-link'. */
  resetMode?: 'temporary-password' | 'reset-link';
  /** The shop's domain (www.example.com.au), for the reset link. Required for 'reset-link'. */
  shopDomain?: string;
  /** Carry unsalted MD5 hashes over through "Password Encrypted By Other System" (default false). */
  md5CarryOver?: boolean;
  /** Where the username comes from: the export's username column, the e-mail, or 'auto' (username, else e-mail). */
  usernameFrom?: 'username' | 'email' | 'auto';
  /** Rows whose username does not fit: 'skip' them (default) or use the suggested username. */
  onInvalidUsername?: 'skip' | 'suggest';
  /** Import CSV (Neto's importer). */
  importCsv: Sink;
  /** Companion list for the customer e-mail. */
  emailCsv: Sink;
  /** Optional CSV report of the rows with problems (row, username, e-mail, problems, suggestion, action). */
  reportCsv?: Sink;
  /** Every account's outcome. */
  onAccount?(result: NetoRowResult, index: number): unknown;
}

export interface NetoRowResult {
  /** 0-based index of the row in the export (the header not counted). */
  row: number;
  account: LegacyAccount;
  decision: AccountDecision;
  username?: string;
  /** 'imported' (possibly under a suggested username) or 'skipped'. */
  status: 'imported' | 'skipped';
  /** How the customer gets in: their old password (carry-over), a temporary password, or the reset link. */
  access?: 'carry-over' | 'temporary-password' | 'reset-link';
  problems: NetoRowProblem[];
  suggestion?: string;
}

export interface NetoPlanSummary extends AuditSummary {
  imported: number;
  skipped: number;
  /** Imported under a suggested username (onInvalidUsername: 'suggest'). */
  renamed: number;
  access: { carryOver: number; temporaryPassword: number; resetLink: number };
  problems: Partial<Record<NetoRowProblem, number>>;
}

/** https://<domain>/_myacct/forgotpwd for a bare domain or a URL. */
export function netoResetLink(shopDomain: string): string {
  const s = shopDomain.trim();
  const url = new URL(/^https?:\/\//i.test(s) ? s : `https://${s}`);
  if (!url.hostname || !url.hostname.includes('.')) throw new RangeError('shopDomain must be a domain name like www.example.com.au');
  return `https://${url.host}/_myacct/forgotpwd`;
}

export async function planNeto(rows: RowSource, options: NetoPlanOptions): Promise<NetoPlanSummary> {
  const resetMode = options.resetMode ?? 'temporary-password';
  const link = resetMode === 'reset-link' || options.shopDomain ? netoResetLink(requireDomain(options)) : undefined;
  const usernameFrom = options.usernameFrom ?? 'auto';
  const onInvalid = options.onInvalidUsername ?? 'skip';
  const rules: UsernameRules = {};
  if (options.maxLength !== undefined) rules.maxLength = options.maxLength;
  if (options.pattern !== undefined) rules.pattern = options.pattern;
  const decideOpts: DecideOptions = { target: 'neto', netoMd5CarryOver: options.md5CarryOver === true };
  for (const k of ['platform', 'pepper', 'salt', 'username', 'params', 'limits'] as const) {
    if (options[k] !== undefined) (decideOpts as Record<string, unknown>)[k] = options[k];
  }
  const read = accountReader(options.columns);
  const C = NETO_IMPORT_COLUMNS;
  const withEncrypted = options.md5CarryOver === true;

  await options.importCsv(
    csvLine(withEncrypted ? [C.username, C.email, C.password, C.encrypted, C.firstName, C.lastName] : [C.username, C.email, C.password, C.firstName, C.lastName]),
  );
  await options.emailCsv(csvLine(['Username', 'Email Address', 'First Name', 'Last Name', 'Access', 'Temporary Password', 'Reset Link'], 'apostrophe'));
  if (options.reportCsv) await options.reportCsv(csvLine(['Row', 'Username', 'Email Address', 'Problems', 'Suggested Username', 'Action'], 'apostrophe'));

  const tally = new AuditTally();
  const usernames = new Set<string>();
  const emails = new Set<string>();
  const summary = { imported: 0, skipped: 0, renamed: 0, access: { carryOver: 0, temporaryPassword: 0, resetLink: 0 }, problems: {} as NetoPlanSummary['problems'] };
  let index = 0;

  for await (const raw of rows as AsyncIterable<Readonly<Record<string, unknown>>>) {
    const row = index++;
    const account = read(raw);
    const decision = decideAccount(account, decideOpts);
    tally.add(decision);
    const problems: NetoRowProblem[] = [];

    const email = account.email;
    if (!email) problems.push('email-missing');
    else {
      if ([...email].length > NETO_EMAIL_MAX) problems.push('email-too-long');
      if (emails.has(email.toLowerCase())) problems.push('email-duplicate');
    }
    let username = usernameFrom === 'email' ? email : usernameFrom === 'username' ? account.username : (account.username ?? email);
    const uProblems = usernameProblems(username, rules);
    if (uProblems.length === 0 && usernames.has(username!.toLowerCase())) uProblems.push('duplicate');
    problems.push(...uProblems);
    const names = [account.firstName, account.lastName].filter((v): v is string => v !== undefined);
    if ([email, ...names].some((v) => v !== undefined && isFormulaLike(v))) problems.push('formula-like');

    let suggestion: string | undefined;
    if (uProblems.length > 0) {
      const base = username && !uProblems.includes('missing') ? username.split('@')[0]! : (email?.split('@')[0] ?? '');
      suggestion = suggestUsername(base, (c) => usernames.has(c.toLowerCase()), rules);
    }
    const blocking = problems.some((p) => p !== 'formula-like' && !(onInvalid === 'suggest' && suggestion && isUsernameProblem(p)));
    const result: NetoRowResult = { row, account, decision, status: blocking ? 'skipped' : 'imported', problems };
    if (suggestion) result.suggestion = suggestion;

    if (!blocking) {
      if (uProblems.length > 0) {
        username = suggestion!;
        summary.renamed++;
      }
      result.username = username!;
      usernames.add(username!.toLowerCase());
      emails.add(email!.toLowerCase());
      let password = '';
      let encrypted = '';
      let temp = '';
      let access: NonNullable<NetoRowResult['access']>;
      if (decision.action === 'carry-over') {
        encrypted = decision.md5;
        access = 'carry-over';
        summary.access.carryOver++;
      } else if (resetMode === 'temporary-password') {
        password = temp = temporaryPassword();
        access = 'temporary-password';
        summary.access.temporaryPassword++;
      } else {
        password = importPassword();
        access = 'reset-link';
        summary.access.resetLink++;
      }
      result.access = access;
      const first = account.firstName ?? '';
      const last = account.lastName ?? '';
      await options.importCsv(csvLine(withEncrypted ? [username, email, password, encrypted, first, last] : [username, email, password, first, last]));
      await options.emailCsv(csvLine([username, email, first, last, access, temp, access === 'reset-link' ? link : ''], 'apostrophe'));
      summary.imported++;
    } else {
      summary.skipped++;
    }
    for (const p of problems) summary.problems[p] = (summary.problems[p] ?? 0) + 1;
    if (problems.length > 0 && options.reportCsv) {
      const action = result.status === 'skipped' ? 'skipped' : uProblems.length > 0 ? 'renamed' : 'imported';
      await options.reportCsv(csvLine([row + 1, account.username ?? '', email ?? '', problems.join(' '), suggestion ?? '', action], 'apostrophe'));
    }
    if (options.onAccount) await options.onAccount(result, row);
  }
  return { ...tally.summary, ...summary };
}

function isUsernameProblem(p: NetoRowProblem): boolean {
  return p === 'missing' || p === 'too-long' || p === 'invalid-characters' || p === 'duplicate';
}

function requireDomain(o: NetoPlanOptions): string {
  if (!o.shopDomain) throw new RangeError("resetMode 'reset-link' needs shopDomain (the shop's domain, for /_myacct/forgotpwd)");
  return o.shopDomain;
}
