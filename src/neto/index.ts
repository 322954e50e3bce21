/**
 * legacy-hash/neto: moving customers to Neto (Maropost Commerce Cloud), whose login cannot verify
 * legacy hashes: import spreadsheet with temporary passwords or reset links, username checks,
 * the companion e-mail list, and the optional unsalted-MD5 carry-over.
 */
export { planNeto, netoResetLink, NETO_IMPORT_COLUMNS, type NetoPlanOptions, type NetoPlanSummary, type NetoRowResult, type NetoRowProblem } from './import.js';
export {
  usernameProblems,
  suggestUsername,
  NETO_USERNAME_MAX,
  NETO_USERNAME_DEFAULT_MAX,
  NETO_EMAIL_MAX,
  DEFAULT_USERNAME_PATTERN,
  type UsernameProblem,
  type UsernameRules,
} from './username.js';
export { temporaryPassword } from '../migration/random.js';
