import type { TypeDraft } from '@commercetools/platform-sdk';

/**
 * Where the migration keeps its state on a commercetools Customer: a Custom Type on the
 * `customer` resource with a String field for the old hash and a Boolean `isPasswordMigrated`
 * (commercetools' import guide), plus an optional String field for a separate salt column.
 */
export interface MigrationFields {
  /** Custom Type key (default 'legacy-password-migration'). */
  typeKey: string;
  /** String field holding the old hash, or its wrap() (default 'legacyPasswordHash'). */
  hash: string;
  /** Boolean field (default 'isPasswordMigrated'). */
  migrated: string;
  /** String field for a salt kept in its own column (default 'legacyPasswordSalt'). */
  salt: string;
}

export const DEFAULT_FIELDS: Readonly<MigrationFields> = {
  typeKey: 'legacy-password-migration',
  hash: 'legacyPasswordHash',
  migrated: 'isPasswordMigrated',
  salt: 'legacyPasswordSalt',
};

export function resolveFields(f: Partial<MigrationFields> = {}): MigrationFields {
  return { ...DEFAULT_FIELDS, ...f };
}

/** The Custom Type draft to create once per project (POST /{projectKey}/types). */
export function migrationTypeDraft(fields: Partial<MigrationFields> = {}): TypeDraft {
  const f = resolveFields(fields);
  return {
    key: f.typeKey,
    name: { en: 'Legacy password migration' },
    description: { en: 'Old platform password hash and migration flag (legacy-hash gradual migration).' },
    resourceTypeIds: ['customer'],
    fieldDefinitions: [
      { name: f.hash, label: { en: 'Legacy password hash' }, required: false, type: { name: 'String' }, inputHint: 'SingleLine' },
      { name: f.migrated, label: { en: 'Password migrated' }, required: false, type: { name: 'Boolean' } },
      { name: f.salt, label: { en: 'Legacy password salt' }, required: false, type: { name: 'String' }, inputHint: 'SingleLine' },
    ],
  };
}
