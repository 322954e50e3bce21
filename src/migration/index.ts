/**
 * legacy-hash/migration: the login flow around verify() (gradual migration), the export audit
 * (gradual vs forced reset per account), re-import filtering, random passwords and CSV helpers.
 * Platform adapters: legacy-hash/commercetools, legacy-hash/neto.
 */
export {
  createLazyMigration,
  type CommitResult,
  type LazyMigration,
  type LazyMigrationOptions,
  type LegacyRecord,
  type LoginAttempt,
  type LoginOutcome,
  type MigrationEvent,
} from './lazy.js';
export { decideAccount, AuditTally, type AccountDecision, type AuditSummary, type DecideOptions, type ResetReason } from './decide.js';
export { auditAccounts, type AuditOptions } from './audit.js';
export { filterReimport, type CurrentAccount, type CurrentAccounts, type ReimportItem, type ReimportOptions } from './reimport.js';
export { accountReader, readAccount, COLUMN_ALIASES, type AccountField, type ColumnMap, type LegacyAccount, type RowSource } from './rows.js';
export { importPassword, temporaryPassword, randomString, READABLE_ALPHABET } from './random.js';
export { dummyVerify, DEFAULT_DUMMY_HASH } from './dummy.js';
export { parseCsv, parseCsvRecords, csvField, csvLine, isFormulaLike, type FormulaEscape, type Sink } from './csv.js';
