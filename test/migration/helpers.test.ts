/**
 * Migration helpers: random passwords, the per-account decision and audit, re-import filtering,
 * column detection, CSV reading/writing, wrap round trips through the decision path.
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
  auditAccounts,
  csvLine,
  decideAccount,
  filterReimport,
  importPassword,
  parseCsv,
  parseCsvRecords,
  readAccount,
  temporaryPassword,
  type LegacyAccount,
} from '../../src/migration/index.js';
import { shutdownPool, verify, wrap } from '../../src/index.js';

afterAll(() => shutdownPool());

const MD5_PASSWORD = '5f4dcc3b5aa765d61d8327deb882cf99';
const PHPASS_HASHCAT = '$P$946647711V1klyitUYhtB8Yw5DMA/w.';

describe('random passwords', () => {
  it('import passwords: 32 base64url chars, mixed classes, unique', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = importPassword();
      expect(p).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(p).toMatch(/[A-Z]/);
      expect(p).toMatch(/[a-z]/);
      expect(p).toMatch(/[0-9]/);
      seen.add(p);
    }
    expect(seen.size).toBe(200);
  });

  it('temporary passwords: readable groups, no look-alikes, mixed classes', () => {
    for (let i = 0; i < 200; i++) {
      const p = temporaryPassword();
      expect(p).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
      expect(p).not.toMatch(/[01OIlo]/);
      expect(p).toMatch(/[A-Z]/);
      expect(p).toMatch(/[a-z]/);
      expect(p).toMatch(/[2-9]/);
    }
  });
});

describe('decideAccount / auditAccounts', () => {
  it('gradual for known schemes, reset with a reason otherwise', () => {
    expect(decideAccount({ hash: PHPASS_HASHCAT })).toEqual({ action: 'gradual', scheme: 'phpass', candidates: ['phpass'] });
    expect(decideAccount({ hash: '' })).toMatchObject({ action: 'reset', reason: 'no-hash' });
    expect(decideAccount({ hash: 'plaintext?' })).toMatchObject({ action: 'reset', reason: 'unknown-format' });
    expect(decideAccount({ hash: '$P$short' })).toMatchObject({ action: 'reset', reason: 'malformed' });
    expect(decideAccount({ hash: MD5_PASSWORD, migrated: true })).toMatchObject({ action: 'reset', reason: 'already-migrated' });
    // bcrypt cost 31 is over the default cap: it would be refused at login.
    expect(decideAccount({ hash: '$2y$31$' + 'a'.repeat(53) })).toMatchObject({ action: 'reset', reason: 'over-limit' });
  });

  it('Neto target: carry-over only for unsalted MD5 with the option on', () => {
    expect(decideAccount({ hash: MD5_PASSWORD }, { target: 'neto' })).toMatchObject({ action: 'reset', reason: 'not-carryable', scheme: 'md5' });
    expect(decideAccount({ hash: MD5_PASSWORD.toUpperCase() }, { target: 'neto', netoMd5CarryOver: true })).toEqual({
      action: 'carry-over',
      scheme: 'md5',
      md5: MD5_PASSWORD,
    });
    expect(decideAccount({ hash: PHPASS_HASHCAT }, { target: 'neto', netoMd5CarryOver: true })).toMatchObject({ action: 'reset' });
  });

  it('audit counts per scheme and reason, streaming', async () => {
    async function* rows() {
      yield { email: 'a@x', hash: MD5_PASSWORD };
      yield { email: 'b@x', hash: PHPASS_HASHCAT };
      yield { email: 'c@x', hash: '' };
      yield { email: 'd@x', hash: 'zzz' };
    }
    const seen: string[] = [];
    const s = await auditAccounts(rows(), { onAccount: (a, d) => seen.push(`${a.email}:${d.action}`) });
    expect(s).toEqual({ total: 4, gradual: 2, carryOver: 0, reset: 2, byScheme: { md5: 1, phpass: 1 }, byReason: { 'no-hash': 1, 'unknown-format': 1 } });
    expect(seen).toEqual(['a@x:gradual', 'b@x:gradual', 'c@x:reset', 'd@x:reset']);
  });
});

describe('wrap round trips through the migration path', () => {
  it('a wrapped hash is still "gradual" and verifies with the same inputs', async () => {
    const outer = { kdf: 'argon2id', memoryKiB: 64, passes: 1, parallelism: 1 } as const;
    const w = await wrap(PHPASS_HASHCAT, { outer });
    expect(decideAccount({ hash: w })).toMatchObject({ action: 'gradual', scheme: 'wrapped' });
    expect(await verify('hashcat', w)).toBe(true);
    expect(await verify('hashcaT', w)).toBe(false);
  });
});

describe('filterReimport', () => {
  const fresh = [
    { id: '1', email: 'a@example.com', hash: MD5_PASSWORD },
    { id: '2', email: 'B@example.com', hash: MD5_PASSWORD },
    { id: '3', email: 'c@example.com', hash: MD5_PASSWORD },
  ];
  it('skips migrated accounts, marks the others new or update (by id, then e-mail)', async () => {
    const skipped: LegacyAccount[] = [];
    const out = [];
    for await (const item of filterReimport(fresh, [{ id: '1', migrated: true }, { email: 'b@example.com', migrated: false }], { onSkip: (a) => skipped.push(a) })) {
      out.push([item.account.id, item.status]);
    }
    expect(out).toEqual([
      ['2', 'update'],
      ['3', 'new'],
    ]);
    expect(skipped.map((a) => a.id)).toEqual(['1']);
  });
  it('accepts a lookup function', async () => {
    const out = [];
    for await (const item of filterReimport(fresh, async (a) => (a.id === '3' ? { migrated: true } : undefined))) out.push(item.account.id);
    expect(out).toEqual(['1', '2']);
  });
});

describe('rows and CSV', () => {
  it('column aliases, case-insensitive, explicit map wins', () => {
    expect(readAccount({ 'User Email': 'a@x', user_pass: 'h', Salt: 's', 'First Name': 'A', ID: '7' })).toMatchObject({
      email: 'a@x',
      hash: 'h',
      salt: 's',
      firstName: 'A',
      id: '7',
    });
    expect(readAccount({ mail: 'a@x', secret: 'h' }, { hash: 'secret' })).toMatchObject({ email: 'a@x', hash: 'h' });
    expect(readAccount({ email: 'a@x', isPasswordMigrated: 'true' }).migrated).toBe(true);
  });

  it('parses quotes, escaped quotes, embedded newlines, CRLF, BOM, across chunk boundaries', async () => {
    const text = '\ufeffa,b,c\r\n1,"x,y","say ""hi"""\r\n2,"multi\nline",\n\n3,z,"end"';
    const recs: string[][] = [];
    // Feed one character at a time.
    for await (const r of parseCsvRecords([...text])) recs.push(r);
    expect(recs).toEqual([['a', 'b', 'c'], ['1', 'x,y', 'say "hi"'], ['2', 'multi\nline', ''], [''], ['3', 'z', 'end']]);
    const rows = [];
    for await (const r of parseCsv(text)) rows.push(r);
    expect(rows).toEqual([
      { a: '1', b: 'x,y', c: 'say "hi"' },
      { a: '2', b: 'multi\nline', c: '' },
      { a: '3', b: 'z', c: 'end' },
    ]);
    await expect(async () => {
      for await (const _ of parseCsvRecords('a,"open')) void _;
    }).rejects.toThrow(/unterminated/);
  });

  it('writes RFC 4180 and escapes formulas only when asked', async () => {
    expect(csvLine(['a', 'b,c', 'd"e', 'multi\nline', ' pad', '=1+1'])).toBe('a,"b,c","d""e","multi\nline"," pad",=1+1\r\n');
    expect(csvLine(['=1+1', '+x', '-x', '@x', 'ok'], 'apostrophe')).toBe("'=1+1,'+x,'-x,'@x,ok\r\n");
    const back = [];
    for await (const r of parseCsvRecords(csvLine(['a', 'b,c', 'd"e', 'multi\nline']))) back.push(r);
    expect(back).toEqual([['a', 'b,c', 'd"e', 'multi\nline']]);
  });
});
