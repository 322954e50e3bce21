/**
 * The runnable examples under examples/ (commercetools demo against the local fake API, Neto
 * import, audit, in-memory lazy login) run from the built package and print what they should.
 * They import `legacy-hash/...` (package self-reference), so they need `npm run build` first;
 * `npm test` builds before testing. Skipped, with a notice, when dist/ lacks the entries.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const built = ['migration', 'commercetools', 'neto'].every((e) => existsSync(join(root, 'dist', `${e}.js`)));
if (!built) console.warn('examples.test: dist/ has no migration/commercetools/neto entries; run `npm run build` to test the examples');

const node = (script: string, ...args: string[]) => run(process.execPath, [join(root, script), ...args], { cwd: root, timeout: 120_000 });

describe.skipIf(!built)('examples', () => {
  it('commercetools demo: imports, migrates on login, handles the concurrent first logins', async () => {
    const { stdout } = await node('examples/commercetools/demo.mjs');
    expect(stdout).toContain('custom type: created');
    expect(stdout).toContain('import: {"created":7,"exists":0,"failed":0}');
    expect(stdout).toMatch(/ann, wrong password {2}-> 401/);
    expect(stdout).toMatch(/ann, old password {4}-> 200 .*"migration":"migrated"/);
    expect(stdout).toContain('ann, after: {"isPasswordMigrated":true}');
    expect(stdout).toMatch(/"migration":"migrated-concurrently"/);
    expect(stdout).toMatch(/dave \(Magento 2 argon2id\) {2}-> 200/);
    expect(stdout).toMatch(/frank \(no hash: must reset\) -> 401/);
    expect(stdout).toContain('demo done');
    // The password of any customer never appears in the output.
    for (const pw of ['"hashcat"', '"Password@"', '"password"']) expect(stdout).not.toContain(pw);
  });

  it('neto make-import: spreadsheet, e-mail list and report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'neto-example-'));
    try {
      const { stdout } = await node('examples/neto/make-import.mjs', dir, '--md5-carry-over');
      expect(stdout).toContain('"imported": 6');
      const sheet = readFileSync(join(dir, 'neto-import.csv'), 'utf8');
      expect(sheet.split('\r\n')[0]).toBe('Username,Email Address,Password,Password Encrypted By Other System,Bill First Name,Bill Last Name');
      expect(sheet).toContain('bob,bob@example.com,,5f4dcc3b5aa765d61d8327deb882cf99,Bob,Smith');
      expect(readFileSync(join(dir, 'neto-report.csv'), 'utf8')).toContain('a-username-that-is-way-too-long,erin@example.com,too-long');
      expect(readFileSync(join(dir, 'neto-emails.csv'), 'utf8')).toMatch(/ann,ann@example.com,Ann,Lee,temporary-password,\w{4}-\w{4}-\w{4}-\w{4},/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('audit and in-memory lazy login', async () => {
    const audit = await node('examples/migration/audit.mjs');
    expect(audit.stdout).toContain('"gradual": 5');
    expect(audit.stdout).toMatch(/grace@example.com\s+reset \(unknown-format\)/);
    const lazy = await node('examples/migration/lazy-in-memory.mjs');
    expect(lazy.stdout).toMatch(/legacy password: \{"ok":true.*"migration":"migrated","scheme":"phpass"\}/);
  });
});
