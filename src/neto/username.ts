/**
 * Neto (Maropost Commerce Cloud) customer usernames.
 *
 * Neto's import documentation: "Username*: the unique identifier of the customer, required for
 * all customer imports. Max length: 25" (the field list adds: 15 characters by default, which a
 * shop can raise to 25; the default exists for accounting integrations). It does not list the
 * characters allowed, so the rule implemented here is a conservative one that fits Neto's
 * examples ("ABC123", "JohnSample") and accounting integrations' codes:
 *
 *   - 1..maxLength characters (default 25; pass 15 for a shop with Neto's default setting);
 *   - ASCII letters, digits and . _ - @ only;
 *   - starting with a letter or a digit (so no cell can start like a spreadsheet formula);
 *   - unique in the file, compared case-insensitively.
 *
 * Override the character rule with `pattern` if your Neto account accepts more.
 */

export const NETO_USERNAME_MAX = 25;
export const NETO_USERNAME_DEFAULT_MAX = 15;
export const NETO_EMAIL_MAX = 50;
export const DEFAULT_USERNAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]*$/;

export type UsernameProblem = 'missing' | 'too-long' | 'invalid-characters' | 'duplicate';

export interface UsernameRules {
  /** Default 25 (Neto's maximum). */
  maxLength?: number;
  /** Default DEFAULT_USERNAME_PATTERN. */
  pattern?: RegExp;
}

/** The problems of one username, ignoring uniqueness. */
export function usernameProblems(username: string | undefined, rules: UsernameRules = {}): UsernameProblem[] {
  const max = rules.maxLength ?? NETO_USERNAME_MAX;
  const pattern = rules.pattern ?? DEFAULT_USERNAME_PATTERN;
  if (username === undefined || username.trim() === '') return ['missing'];
  const out: UsernameProblem[] = [];
  if ([...username].length > max) out.push('too-long');
  if (!pattern.test(username)) out.push('invalid-characters');
  return out;
}

/**
 * A username that fits, derived from `base` (a username or an e-mail's local part): disallowed
 * characters dropped, cut to the maximum, a numeric suffix added while `taken` says it is used.
 */
export function suggestUsername(base: string, taken: (candidate: string) => boolean, rules: UsernameRules = {}): string | undefined {
  const max = rules.maxLength ?? NETO_USERNAME_MAX;
  const pattern = rules.pattern ?? DEFAULT_USERNAME_PATTERN;
  let stem = base.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  stem = stem.replace(/[^A-Za-z0-9._-]/g, '').replace(/^[^A-Za-z0-9]+/, '');
  if (stem === '') stem = 'customer';
  for (let n = 0; n < 100000; n++) {
    const suffix = n === 0 ? '' : String(n + 1);
    const candidate = stem.slice(0, max - suffix.length) + suffix;
    if (pattern.test(candidate) && !taken(candidate)) return candidate;
  }
  return undefined;
}
