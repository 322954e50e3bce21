/**
 * commercetools end to end through the official SDK (@commercetools/ts-client +
 * @commercetools/platform-sdk, real HTTP) against the local fake API in
 * examples/commercetools/fake-server.mjs: custom type, import, login with migration, the
 * concurrency case, crash between reset and flag (heal), wrapped hashes, error sanitising.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ByProjectKeyRequestBuilder, CustomerDraft } from '@commercetools/platform-sdk';
import { startFakeCommercetools, type FakeCommercetools } from '../../examples/commercetools/fake-server.mjs';
import {
  createApiRoot,
  createCommercetoolsLogin,
  ensureMigrationType,
  importCustomers,
  migrationTypeDraft,
  planCommercetools,
  toCustomerDraft,
  CommercetoolsApiError,
  DEFAULT_FIELDS,
  type CommercetoolsMigrationEvent,
} from '../../src/commercetools/index.js';
import { readAccount } from '../../src/migration/index.js';
import { isWrapped, shutdownPool } from '../../src/index.js';

const MD5_PASSWORD = '5f4dcc3b5aa765d61d8327deb882cf99'; // md5("password")
const PHPASS_HASHCAT = '$P$946647711V1klyitUYhtB8Yw5DMA/w.'; // "hashcat" (hashcat example)
const MAGENTO1_HASHCAT = '57ab8499d08c59a7211c77f557bf9425:4247'; // "hashcat" (hashcat mode 20 example)
const SMALL_OUTER = { kdf: 'argon2id', memoryKiB: 64, passes: 1, parallelism: 1 } as const;

let server: FakeCommercetools;
let apiRoot: ByProjectKeyRequestBuilder;

beforeAll(async () => {
  server = await startFakeCommercetools({ projectKey: 'test-project' });
  apiRoot = await createApiRoot({
    projectKey: server.projectKey,
    clientId: server.clientId,
    clientSecret: server.clientSecret,
    authUrl: server.authUrl,
    apiUrl: server.apiUrl,
    scopes: [`manage_customers:${server.projectKey}`, `manage_types:${server.projectKey}`],
  });
  expect(await ensureMigrationType(apiRoot)).toBe('created');
  expect(await ensureMigrationType(apiRoot)).toBe('exists');
});

afterAll(async () => {
  await server?.close();
  await shutdownPool();
});

let n = 0;
async function importOne(hash: string | undefined, extra: Record<string, string> = {}) {
  const email = `customer${++n}@example.com`;
  const { draft } = await toCustomerDraft(readAccount({ id: String(n), email, password_hash: hash ?? '', ...extra }), {
    wrapHashes: extra.wrap ? SMALL_OUTER : false,
  });
  const counts = await importCustomers(apiRoot, [draft!]);
  expect(counts.created).toBe(1);
  return email;
}

function customer(email: string) {
  return [...server.customers.values()].find((r) => r.customer.email === email)!.customer;
}

function collect() {
  const events: CommercetoolsMigrationEvent[] = [];
  const handler = createCommercetoolsLogin({ apiRoot, onEvent: (e) => events.push(e) });
  return { events, handler };
}

describe('commercetools custom type and drafts', () => {
  it('type draft: customer resource, String hash, Boolean flag, String salt', () => {
    const t = migrationTypeDraft();
    expect(t.resourceTypeIds).toEqual(['customer']);
    expect(t.fieldDefinitions!.map((d) => [d.name, d.type.name])).toEqual([
      [DEFAULT_FIELDS.hash, 'String'],
      [DEFAULT_FIELDS.migrated, 'Boolean'],
      [DEFAULT_FIELDS.salt, 'String'],
    ]);
  });

  it('draft: lower-cased e-mail, legacy key, hash + flag false, no password unless asked', async () => {
    const r = await toCustomerDraft(readAccount({ ID: '42', Email: 'Ann@Example.COM', user_pass: PHPASS_HASHCAT, first_name: 'Ann' }));
    expect(r.decision).toMatchObject({ action: 'gradual', scheme: 'phpass' });
    expect(r.draft).toEqual({
      email: 'ann@example.com',
      key: 'legacy-42',
      firstName: 'Ann',
      custom: { type: { typeId: 'type', key: 'legacy-password-migration' }, fields: { isPasswordMigrated: false, legacyPasswordHash: PHPASS_HASHCAT } },
    });
    const withPw = await toCustomerDraft(readAccount({ email: 'b@example.com', hash: MD5_PASSWORD }), { includePasswords: true });
    expect(withPw.draft!.password).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('draft: an unmigratable hash is imported without it (forced reset), wrapped hashes when asked', async () => {
    const r = await toCustomerDraft(readAccount({ email: 'c@example.com', hash: 'not-a-hash' }));
    expect(r.decision).toMatchObject({ action: 'reset', reason: 'unknown-format' });
    expect(r.draft!.custom!.fields).toEqual({ isPasswordMigrated: false });
    const w = await toCustomerDraft(readAccount({ email: 'd@example.com', hash: MD5_PASSWORD }), { wrapHashes: SMALL_OUTER });
    const stored = w.draft!.custom!.fields!.legacyPasswordHash as string;
    expect(isWrapped(stored)).toBe(true);
    expect(stored).not.toContain(MD5_PASSWORD);
  });

  it('planCommercetools streams JSON lines and counts (duplicates and missing e-mails skipped)', async () => {
    const lines: string[] = [];
    async function* rows() {
      yield { email: 'x@example.com', hash: MD5_PASSWORD };
      yield { email: 'X@example.com', hash: PHPASS_HASHCAT };
      yield { email: '', hash: MD5_PASSWORD };
      yield { email: 'y@example.com', hash: '$unknown$' };
    }
    const s = await planCommercetools(rows(), { out: (l) => lines.push(l) });
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0]!)).toMatchObject({ email: 'x@example.com' });
    expect(lines.join('')).not.toContain('"password"');
    expect(s).toMatchObject({ total: 4, drafts: 2, gradual: 3, reset: 1, skipped: { noEmail: 1, duplicateEmail: 1, invalidEmail: 0 } });
  });
});

describe('commercetools login with gradual migration (SDK over HTTP)', () => {
  it('imported customers cannot log in with anything but the legacy password, which then migrates', async () => {
    const email = await importOne(PHPASS_HASHCAT);
    const { events, handler } = collect();
    const bad = await handler.login(email, 'wrong');
    expect(bad).toEqual({ ok: false, reason: 'mismatch', migration: 'none' });
    const before = server.stats['POST customers/password/reset'] ?? 0;
    const r = await handler.login(email, 'hashcat');
    expect(r.ok).toBe(true);
    expect(r).toMatchObject({ migration: 'migrated', scheme: 'phpass' });
    if (r.ok) expect(r.value.customer.email).toBe(email);
    expect(server.stats['POST customers/password/reset']).toBe(before + 1);
    const c = customer(email);
    expect(c.custom.fields).toEqual({ isPasswordMigrated: true }); // hash removed
    expect(server.passwordMatches(email, 'hashcat')).toBe(true);
    expect(events.map((e) => e.type)).toEqual(['legacy-mismatch', 'migrated']);
    // Afterwards: a plain sign-in; the old hash is gone, so a wrong password stays wrong.
    expect(await handler.login(email, 'hashcat')).toMatchObject({ ok: true, migration: 'none' });
    expect(await handler.login(email, 'password')).toMatchObject({ ok: false, reason: 'mismatch' });
  });

  it('the typed e-mail may differ in case from the imported one', async () => {
    const email = await importOne(MAGENTO1_HASHCAT);
    const { handler } = collect();
    expect(await handler.login(email.toUpperCase(), 'hashcat')).toMatchObject({ ok: true, migration: 'migrated', scheme: 'magento1' });
  });

  it('unknown e-mail and customers without a hash: mismatch, no writes', async () => {
    const email = await importOne(undefined);
    const { events, handler } = collect();
    const writes = server.stats['POST customers/password-token'] ?? 0;
    expect(await handler.login('nobody@example.com', 'x')).toMatchObject({ ok: false, reason: 'mismatch' });
    expect(await handler.login(email, 'x')).toMatchObject({ ok: false, reason: 'mismatch' });
    expect(events).toEqual([{ type: 'no-legacy' }, { type: 'no-legacy' }]);
    expect(server.stats['POST customers/password-token'] ?? 0).toBe(writes);
  });

  it('wrapped hashes (wrapHashes) verify and migrate', async () => {
    const email = await importOne(MD5_PASSWORD, { wrap: 'yes' });
    expect(isWrapped(customer(email).custom.fields.legacyPasswordHash)).toBe(true);
    const { handler } = collect();
    expect(await handler.login(email, 'password')).toMatchObject({ ok: true, migration: 'migrated', scheme: 'wrapped' });
  });

  it('concurrency: two simultaneous first logins both succeed, exactly one password reset', async () => {
    const email = await importOne(MD5_PASSWORD);
    const { events, handler } = collect();
    const resets = server.stats['POST customers/password/reset'] ?? 0;
    const [a, b] = await Promise.all([handler.login(email, 'password'), handler.login(email, 'password')]);
    expect(a.ok && b.ok).toBe(true);
    const applied = [...server.customers.values()].find((r) => r.customer.email === email)!;
    expect(applied.customer.custom.fields.isPasswordMigrated).toBe(true);
    // Both may have attempted a reset; exactly one was applied (version 1 -> 2), then the flag (-> 3).
    expect(applied.customer.version).toBe(3);
    expect(server.stats['POST customers/password/reset']! - resets).toBeGreaterThanOrEqual(1);
    const types = events.map((e) => e.type).sort();
    expect(types.filter((t) => t === 'migrated')).toHaveLength(1);
    expect([a.migration, b.migration].sort()).toEqual(['migrated', 'migrated-concurrently']);
  });

  it('a 409 ConcurrentModification on the reset is a conflict: reload and a clean second attempt', async () => {
    const email = await importOne(MD5_PASSWORD);
    const { events, handler } = collect();
    server.failNext('POST customers/password/reset', 409, 'ConcurrentModification');
    const r = await handler.login(email, 'password');
    expect(r).toMatchObject({ ok: true, migration: 'migrated' });
    expect(events.map((e) => e.type)).toEqual(['conflict-retried', 'migrated']);
  });

  it('crash between reset and flag: the password is already right; the next sign-in heals the flag', async () => {
    const email = await importOne(MD5_PASSWORD);
    const { events, handler } = collect();
    const id = customer(email).id;
    // The flag update fails (only version conflicts are retried).
    server.failNext('POST customers/{id}', 503, 'ServiceUnavailable');
    const r = await handler.login(email, 'password');
    expect(r).toMatchObject({ ok: true, migration: 'migrated' });
    expect(events.map((e) => e.type)).toEqual(['flag-deferred', 'migrated']);
    expect(server.customers.get(id)!.customer.custom.fields.isPasswordMigrated).toBe(false);
    // Never: flag true with the random password. Here: right password, flag false.
    expect(server.passwordMatches(email, 'password')).toBe(true);
    const again = await handler.login(email, 'password');
    expect(again).toMatchObject({ ok: true, migration: 'none' });
    expect(events.at(-1)).toEqual({ type: 'healed' });
    expect(server.customers.get(id)!.customer.custom.fields).toEqual({ isPasswordMigrated: true });
  });

  it('a failed reset leaves the account untouched (flag false, hash kept) and the error sanitised', async () => {
    const email = await importOne(MD5_PASSWORD);
    const { handler } = collect();
    server.failNext('POST customers/password/reset', 500, 'General');
    const err = await handler.login(email, 'password').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CommercetoolsApiError);
    expect((err as CommercetoolsApiError).operation).toBe('reset');
    const dump = JSON.stringify(err) + String((err as Error).message) + String((err as Error).stack);
    expect(dump).not.toContain('password"');
    expect(dump).not.toContain('newPassword');
    expect(customer(email).custom.fields).toEqual({ isPasswordMigrated: false, legacyPasswordHash: MD5_PASSWORD });
    // And the next attempt migrates normally.
    expect(await handler.login(email, 'password')).toMatchObject({ ok: true, migration: 'migrated' });
  });

  it('markMigrated (for your forgot-password handler) sets the flag and removes the hash', async () => {
    const email = await importOne(MD5_PASSWORD);
    const { handler } = collect();
    await handler.markMigrated(customer(email).id);
    expect(customer(email).custom.fields).toEqual({ isPasswordMigrated: true });
    expect(await handler.login(email, 'password')).toMatchObject({ ok: false, reason: 'mismatch' });
  });

  it('importCustomers reports existing e-mails and never needs a password in the draft', async () => {
    const draft = { email: `customer${n}@example.com` } as CustomerDraft; // the last imported one
    expect(await importCustomers(apiRoot, [draft])).toEqual({ created: 0, exists: 1, failed: 0 });
  });
});
