/**
 * legacy-hash/commercetools: the gradual password migration for commercetools Composable
 * Commerce, following its "Import customers" guide, through the official TypeScript SDK
 * (@commercetools/platform-sdk + @commercetools/ts-client, optional peer dependencies).
 */
export { DEFAULT_FIELDS, migrationTypeDraft, resolveFields, type MigrationFields } from './fields.js';
export { createApiRoot, type CommercetoolsClientOptions } from './client.js';
export {
  createCommercetoolsLogin,
  predicateString,
  type CommercetoolsLogin,
  type CommercetoolsLoginOptions,
  type CommercetoolsMigrationEvent,
} from './login.js';
export {
  toCustomerDraft,
  planCommercetools,
  ensureMigrationType,
  importCustomers,
  type CustomerDraftOptions,
  type DraftResult,
  type CommercetoolsPlanOptions,
  type CommercetoolsPlanSummary,
  type ImportResult,
} from './import.js';
export { CommercetoolsApiError, ctErrorInfo, type CtErrorInfo } from './errors.js';
