import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, CUSTOMERS, readCsv, requireBuild, tmp } from './helpers.js';

const customers = readCsv(CUSTOMERS);
const fullHashes = customers.map((c) => c.password_hash!.trim()).filter((h) => h.length >= 13);

interface PlanDoc {
  schemaVersion: number;
  target: string;
  input: { source: string; format: string; columns: Record<string, string | null> };
  summary: {
    total: number;
    gradual: number;
    carryOver: number;
    reset: number;
    byScheme: Record<string, number>;
    byReason: Record<string, number>;
    drafts?: number;
    skipped?: number | { noEmail: number; duplicateEmail: number; invalidEmail: number };
    imported?: number;
    access?: { carryOver: number; temporaryPassword: number; resetLink: number };
  };
  reasons: { reason: string; count: number; text: string }[];
  files: { name: string; path: string; records: number; mode: string; containsPasswords: boolean }[];
}

function plan(args: string[], input?: string) {
  const r = cli(['plan', ...args], input !== undefined ? { input } : {});
  return { ...r, doc: (r.status === 0 && args.includes('--json') ? JSON.parse(r.stdout) : undefined) as PlanDoc };
}

const mode = (p: string) => (statSync(p).mode & 0o777).toString(8);
const jsonl = (p: string) =>
  readFileSync(p, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown> & { email: string; password?: string; custom: { fields: Record<string, unknown> } });

/** A few rows in each state: phpass, md5, bcrypt, salted sha1 (opencart), unknown, empty, no e-mail. */
const SMALL = [
  'id,email,username,password_hash,salt',
  ...customers.slice(0, 10).map((c) => [c.id, c.email, c.username, c.password_hash, c.salt].map((v) => (/[",]/.test(v ?? '') ? `"${v}"` : v)).join(',')),
  '2001,unknown@example.com,,not-a-hash-at-all!,',
  '2002,empty@example.com,,,',
  '2003,,,5f4dcc3b5aa765d61d8327deb882cf99,',
].join('\n') + '\n';

describe('plan', () => {
  beforeAll(requireBuild);

  it('commercetools: drafts without passwords, accounts.csv, mode 0600, same verdict as audit', () => {
    const dir = join(tmp(), 'ct');
    const r = plan(['--target', 'commercetools', '--out', dir, '--json', CUSTOMERS]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const d = r.doc;
    expect(d.schemaVersion).toBe(1);
    expect(d.target).toBe('commercetools');
    expect(d.summary.total).toBe(customers.length);
    expect(d.summary.gradual + d.summary.reset).toBe(d.summary.total);
    expect(d.reasons.reduce((n, x) => n + x.count, 0)).toBe(d.summary.reset);

    // The same decisions as audit.
    const audit = JSON.parse(cli(['audit', '--json', CUSTOMERS]).stdout) as { verdict: { gradual: number; reset: number } };
    expect(d.summary.gradual).toBe(audit.verdict.gradual);
    expect(d.summary.reset).toBe(audit.verdict.reset);

    const drafts = jsonl(join(dir, 'customers.jsonl'));
    expect(drafts.length).toBe(d.summary.drafts);
    expect(d.files.find((f) => f.name === 'customers.jsonl')!.records).toBe(drafts.length);
    for (const x of drafts) {
      expect(x.password).toBeUndefined();
      expect(x.custom.fields.isPasswordMigrated).toBe(false);
    }
    const withHash = drafts.filter((x) => typeof x.custom.fields.legacyPasswordHash === 'string');
    expect(withHash.length).toBeGreaterThan(2800);
    expect(new Set(fullHashes).has(withHash[0]!.custom.fields.legacyPasswordHash as string)).toBe(true);

    const accounts = readCsv(join(dir, 'accounts.csv'));
    expect(accounts.length).toBe(customers.length);
    expect(accounts.filter((a) => a.decision === 'gradual').length).toBe(d.summary.gradual);
    expect(accounts.filter((a) => a.draft === 'written').length).toBe(drafts.length);
    expect(accounts[0]!.line).toBe('2');

    for (const f of ['customers.jsonl', 'accounts.csv']) expect(mode(join(dir, f))).toBe('600');
    // The summary never carries a hash.
    for (const h of fullHashes.slice(0, 300)) expect(r.stdout.includes(h)).toBe(false);
  });

  it('text summary: gradual vs reset, reasons, files; no hashes', () => {
    const dir = join(tmp(), 'ct');
    const r = plan(['--target', 'commercetools', '--out', dir, CUSTOMERS]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/gradual\s+2,934/);
    expect(r.stdout).toMatch(/malformed\s+18/);
    expect(r.stdout).toContain('customers.jsonl');
    expect(r.stdout).toContain('no passwords');
    for (const h of fullHashes.slice(0, 300)) expect(r.stdout.includes(h)).toBe(false);
  });

  it('refuses to overwrite existing files unless --force', () => {
    const dir = join(tmp(), 'ct');
    expect(plan(['--target', 'commercetools', '--out', dir, CUSTOMERS], undefined).status).toBe(0);
    const before = readFileSync(join(dir, 'customers.jsonl'), 'utf8');
    const again = plan(['--target', 'commercetools', '--out', dir, '-'], SMALL);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/refusing to overwrite .*customers\.jsonl/);
    expect(readFileSync(join(dir, 'customers.jsonl'), 'utf8')).toBe(before);
    // A loose file with wide permissions is replaced by a 0600 one.
    writeFileSync(join(dir, 'accounts.csv'), 'x', { mode: 0o644 });
    const forced = plan(['--target', 'commercetools', '--out', dir, '--force', '--json', '-'], SMALL);
    expect(forced.status).toBe(0);
    expect(forced.doc.summary.total).toBe(13);
    expect(mode(join(dir, 'accounts.csv'))).toBe('600');
  });

  it('stdin (no FILE), JSON Lines, --include-passwords: passwords only in the file', () => {
    const dir = join(tmp(), 'ct');
    const lines = customers.slice(0, 20).map((c) => JSON.stringify({ customer_id: c.id, mail: c.email, hash: c.password_hash, salt: c.salt })).join('\n');
    const r = plan(['--target', 'commercetools', '--include-passwords', '--out', dir, '--json'], lines);
    expect(r.status).toBe(0);
    expect(r.doc.input.source).toBe('-');
    expect(r.doc.input.format).toBe('jsonl');
    expect(r.doc.files.find((f) => f.name === 'customers.jsonl')!.containsPasswords).toBe(true);
    const drafts = jsonl(join(dir, 'customers.jsonl'));
    expect(drafts.length).toBe(20);
    for (const x of drafts) {
      expect(x.password).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(r.stdout.includes(x.password!)).toBe(false);
    }
    expect(drafts[0]!.key).toBe(`legacy-${customers[0]!.id}`);
    expect(mode(join(dir, 'customers.jsonl'))).toBe('600');
  });

  it('--wrap-hashes stores wrap(hash), not the legacy digest', () => {
    const dir = join(tmp(), 'ct');
    const rows = ['email,password_hash', `a@example.com,${customers[2]!.password_hash}`, `b@example.com,${customers[0]!.password_hash}`].join('\n');
    const r = plan(['--target', 'commercetools', '--wrap-hashes', '--out', dir, '--json', '-'], rows);
    expect(r.status).toBe(0);
    const drafts = jsonl(join(dir, 'customers.jsonl'));
    expect(drafts.length).toBe(2);
    for (const [i, x] of drafts.entries()) {
      const stored = x.custom.fields.legacyPasswordHash as string;
      const original = customers[i === 0 ? 2 : 0]!.password_hash!;
      expect(stored).not.toContain(original);
      expect(stored).toMatch(/argon2id|wrapped|\$/);
    }
  });

  it('neto: temporary passwords in the import and e-mail list only, MD5 carry-over', () => {
    const dir = join(tmp(), 'neto');
    const r = plan(['--target', 'neto', '--md5-carry-over', '--out', dir, '--json', CUSTOMERS]);
    expect(r.status).toBe(0);
    const d = r.doc;
    expect(d.summary.gradual).toBe(0); // Neto cannot verify old hashes
    expect(d.summary.carryOver + d.summary.reset).toBe(customers.length);
    expect(d.summary.byScheme).toEqual({ md5: d.summary.carryOver });
    expect(d.summary.byReason['not-carryable']).toBeGreaterThan(2000);
    const imp = readCsv(join(dir, 'neto-import.csv'));
    const emails = readCsv(join(dir, 'neto-emails.csv'));
    expect(imp.length).toBe(d.summary.imported);
    expect(emails.length).toBe(d.summary.imported);
    expect(Object.keys(imp[0]!)).toContain('Password Encrypted By Other System');
    const temps = emails.filter((e) => e.Access === 'temporary-password').map((e) => e['Temporary Password']!);
    expect(temps.length).toBe(d.summary.access!.temporaryPassword);
    expect(temps[0]).toMatch(/^[\w]{4}-[\w]{4}-[\w]{4}-[\w]{4}$/);
    for (const t of temps) expect(r.stdout.includes(t)).toBe(false);
    const carried = imp.filter((x) => x['Password Encrypted By Other System']);
    expect(carried.length).toBe(d.summary.access!.carryOver);
    for (const f of ['neto-import.csv', 'neto-emails.csv', 'neto-report.csv']) expect(mode(join(dir, f))).toBe('600');
    expect(d.files.find((f) => f.name === 'neto-import.csv')!.containsPasswords).toBe(true);
  });

  it('neto reset links: needs --shop-domain; the e-mail list carries the link, text output no password', () => {
    const dir = join(tmp(), 'neto');
    const bad = plan(['--target', 'neto', '--reset-mode', 'link', '--out', dir, '-'], SMALL);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--shop-domain');
    expect(existsSync(dir)).toBe(false);
    const r = plan(['--target', 'neto', '--reset-mode', 'link', '--shop-domain', 'www.example.com', '--fix-usernames', '--out', dir, '-'], SMALL);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('https://www.example.com/_myacct/forgotpwd');
    const emails = readCsv(join(dir, 'neto-emails.csv'));
    expect(emails.length).toBeGreaterThan(5);
    for (const e of emails) {
      expect(e.Access).toBe('reset-link');
      expect(e['Temporary Password']).toBe('');
      expect(e['Reset Link']).toBe('https://www.example.com/_myacct/forgotpwd');
    }
    for (const p of readCsv(join(dir, 'neto-import.csv')).map((x) => x.Password!)) {
      expect(p.length).toBeGreaterThan(15);
      expect(r.stdout.includes(p)).toBe(false);
    }
  });

  it('usage errors exit 2', () => {
    const dir = join(tmp(), 'x');
    expect(plan(['--out', dir, CUSTOMERS]).stderr).toContain('--target is required');
    expect(plan(['--target', 'shopify', '--out', dir, CUSTOMERS]).status).toBe(2);
    expect(plan(['--target', 'neto', CUSTOMERS]).stderr).toContain('--out');
    const cross = plan(['--target', 'neto', '--include-passwords', '--out', dir, CUSTOMERS]);
    expect(cross.status).toBe(2);
    expect(cross.stderr).toContain('--include-passwords is for --target commercetools');
    expect(plan(['--target', 'commercetools', '--md5-carry-over', '--out', dir, CUSTOMERS]).status).toBe(2);
    expect(plan(['--target', 'neto', '--shop-domain', 'nodots', '--out', dir, CUSTOMERS]).status).toBe(2);
    expect(plan(['--target', 'neto', '--username-max', '40', '--out', dir, CUSTOMERS]).status).toBe(2);
    expect(plan(['--target', 'neto', '--out', dir, '--hash-column', 'nope', CUSTOMERS]).stderr).toContain('no such column');
    expect(plan(['--help']).status).toBe(0);
  });

  it('an input error removes the files written so far', () => {
    const dir = join(tmp(), 'ct');
    const good = customers.slice(0, 5).map((c) => JSON.stringify({ email: c.email, hash: c.password_hash }));
    const input = [...good, '{"email": "broken@example.com", "hash": '].join('\n') + '\n';
    const r = plan(['--target', 'commercetools', '--out', dir], input);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/invalid JSON/);
    expect(existsSync(join(dir, 'customers.jsonl'))).toBe(false);
    expect(existsSync(join(dir, 'accounts.csv'))).toBe(false);
  });
});
