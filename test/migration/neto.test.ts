/**
 * Neto: the import spreadsheet (Username/Password/...), username validation and suggestions,
 * the e-mail companion list (temporary password or /_myacct/forgotpwd link), the unsalted MD5
 * carry-over through "Password Encrypted By Other System", CSV quoting and formula handling.
 */
import { describe, expect, it } from 'vitest';
import { netoResetLink, planNeto, suggestUsername, usernameProblems, type NetoPlanOptions } from '../../src/neto/index.js';
import { parseCsv } from '../../src/migration/index.js';

const MD5_PASSWORD = '5f4dcc3b5aa765d61d8327deb882cf99';
// Neto's documented example for "Password Encrypted By Other System": md5("lkdshj763!").
const NETO_DOC_MD5 = '80aa4f7be2ad93fcd91c9a36f28f34e5';

async function rowsOf(csv: string) {
  const out: Record<string, string>[] = [];
  for await (const r of parseCsv(csv)) out.push(r);
  return out;
}

async function plan(rows: Record<string, string>[], opts: Partial<NetoPlanOptions> = {}) {
  let importCsv = '';
  let emailCsv = '';
  let reportCsv = '';
  const summary = await planNeto(rows, {
    importCsv: (s) => (importCsv += s),
    emailCsv: (s) => (emailCsv += s),
    reportCsv: (s) => (reportCsv += s),
    ...opts,
  });
  return { summary, importRows: await rowsOf(importCsv), emailRows: await rowsOf(emailCsv), reportRows: await rowsOf(reportCsv), importCsv, emailCsv };
}

describe('Neto usernames', () => {
  it('limits: required, <= 25 (or 15), conservative characters', () => {
    expect(usernameProblems('JohnSample')).toEqual([]);
    expect(usernameProblems('ABC123')).toEqual([]);
    expect(usernameProblems('')).toEqual(['missing']);
    expect(usernameProblems('a'.repeat(25))).toEqual([]);
    expect(usernameProblems('a'.repeat(26))).toEqual(['too-long']);
    expect(usernameProblems('a'.repeat(16), { maxLength: 15 })).toEqual(['too-long']);
    expect(usernameProblems('john smith')).toEqual(['invalid-characters']);
    expect(usernameProblems('=cmd')).toEqual(['invalid-characters']);
    expect(usernameProblems('jörg')).toEqual(['invalid-characters']);
  });

  it('suggestions fit and avoid taken names', () => {
    const taken = new Set(['jorg.muller']);
    expect(suggestUsername('jörg.müller', (c) => taken.has(c))).toBe('jorg.muller2');
    expect(suggestUsername('a-very-long-customer-name-from-magento', () => false)).toHaveLength(25);
    expect(suggestUsername('===', () => false)).toBe('customer');
  });
});

describe('planNeto', () => {
  const rows = [
    { username: 'ann', email: 'ann@example.com', hash: MD5_PASSWORD, first_name: 'Ann', last_name: 'Lee, Jr.' },
    { username: 'bob', email: 'bob@example.com', hash: '$P$946647711V1klyitUYhtB8Yw5DMA/w.', first_name: 'Bob', last_name: 'Say "hi"' },
    { username: 'this-username-is-far-too-long-for-neto', email: 'long@example.com', hash: NETO_DOC_MD5, first_name: '', last_name: '' },
    { username: 'ANN', email: 'ann2@example.com', hash: '', first_name: '', last_name: '' },
    { username: 'eve', email: '=HYPERLINK("http://x")@example.com', hash: '', first_name: '@SUM(1)', last_name: '' },
  ];

  it('temporary passwords: import sheet, e-mail list, report of rows that do not fit', async () => {
    const { summary, importRows, emailRows, reportRows } = await plan(rows);
    expect(Object.keys(importRows[0]!)).toEqual(['Username', 'Email Address', 'Password', 'Bill First Name', 'Bill Last Name']);
    expect(importRows.map((r) => r.Username)).toEqual(['ann', 'bob', 'eve']);
    expect(importRows[0]!['Bill Last Name']).toBe('Lee, Jr.'); // quoting round-trips
    expect(importRows[1]!['Bill Last Name']).toBe('Say "hi"');
    for (const r of importRows) expect(r.Password).toMatch(/^[A-HJ-NP-Za-km-z2-9]{4}(-[A-HJ-NP-Za-km-z2-9]{4}){3}$/);
    // The e-mail list carries the same temporary password; formulas neutralised there only.
    expect(emailRows.map((r) => r['Temporary Password'])).toEqual(importRows.map((r) => r.Password));
    expect(emailRows[2]!['Email Address']).toBe(`'=HYPERLINK("http://x")@example.com`);
    expect(emailRows[2]!['First Name']).toBe(`'@SUM(1)`);
    expect(importRows[2]!['Email Address']).toBe('=HYPERLINK("http://x")@example.com');
    expect(summary).toMatchObject({ total: 5, imported: 3, skipped: 2, renamed: 0, access: { temporaryPassword: 3, carryOver: 0, resetLink: 0 } });
    expect(summary.problems).toEqual({ 'too-long': 1, duplicate: 1, 'formula-like': 1 });
    expect(reportRows.map((r) => [r.Row, r.Problems, r['Suggested Username'], r.Action])).toEqual([
      ['3', 'too-long', 'this-username-is-far-too-', 'skipped'],
      ['4', 'duplicate', 'ANN2', 'skipped'],
      ['5', 'formula-like', '', 'imported'],
    ]);
  });

  it("onInvalidUsername 'suggest' imports under the suggested username", async () => {
    const { summary, importRows, emailRows } = await plan(rows, { onInvalidUsername: 'suggest' });
    expect(importRows.map((r) => r.Username)).toEqual(['ann', 'bob', 'this-username-is-far-too-', 'ANN2', 'eve']);
    expect(emailRows.map((r) => r.Username)).toEqual(importRows.map((r) => r.Username));
    expect(summary.renamed).toBe(2);
  });

  it('reset links on the shop domain', async () => {
    const { importRows, emailRows, summary } = await plan(rows.slice(0, 2), { resetMode: 'reset-link', shopDomain: 'www.myshop.com.au' });
    expect(emailRows.map((r) => [r.Access, r['Reset Link'], r['Temporary Password']])).toEqual([
      ['reset-link', 'https://www.myshop.com.au/_myacct/forgotpwd', ''],
      ['reset-link', 'https://www.myshop.com.au/_myacct/forgotpwd', ''],
    ]);
    // The import still sets a password nobody knows.
    for (const r of importRows) expect(r.Password).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(summary.access.resetLink).toBe(2);
    await expect(plan(rows, { resetMode: 'reset-link' })).rejects.toThrow(/shopDomain/);
    expect(netoResetLink('https://shop.example.com/some/page')).toBe('https://shop.example.com/_myacct/forgotpwd');
  });

  it('md5CarryOver: unsalted MD5 goes to "Password Encrypted By Other System", others get a temporary password', async () => {
    const { importRows, emailRows, summary } = await plan(
      [
        { username: 'ann', email: 'ann@example.com', hash: MD5_PASSWORD },
        { username: 'neto', email: 'neto@example.com', hash: NETO_DOC_MD5.toUpperCase() },
        { username: 'bob', email: 'bob@example.com', hash: '$P$946647711V1klyitUYhtB8Yw5DMA/w.' },
        { username: 'salty', email: 'salty@example.com', hash: MD5_PASSWORD, salt: 'abc' },
      ],
      { md5CarryOver: true },
    );
    expect(Object.keys(importRows[0]!)).toContain('Password Encrypted By Other System');
    expect(importRows.map((r) => [r.Username, r['Password Encrypted By Other System'], r.Password === ''])).toEqual([
      ['ann', MD5_PASSWORD, true],
      ['neto', NETO_DOC_MD5, true],
      ['bob', '', false],
      ['salty', '', false],
    ]);
    expect(emailRows.map((r) => r.Access)).toEqual(['carry-over', 'carry-over', 'temporary-password', 'temporary-password']);
    expect(summary).toMatchObject({ carryOver: 2, reset: 2, access: { carryOver: 2, temporaryPassword: 2 } });
    expect(summary.byReason).toEqual({ 'not-carryable': 2 });
  });

  it('usernames from e-mails when the export has none (Magento-style)', async () => {
    const { importRows, reportRows } = await plan(
      [
        { email: 'short@example.com', hash: MD5_PASSWORD },
        { email: 'a.rather.long.address@example.com', hash: MD5_PASSWORD },
      ],
      { onInvalidUsername: 'suggest' },
    );
    expect(importRows.map((r) => r.Username)).toEqual(['short@example.com', 'a.rather.long.address']);
    expect(reportRows[0]).toMatchObject({ Problems: 'too-long', Action: 'renamed' });
  });
});
