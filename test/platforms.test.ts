/**
 * Ranking of ambiguous shapes (docs/detection.md), ERR_MISSING_INPUT, platform-specific password
 * handling, and a live differential test against PHP running each platform's formula
 * (scripts/ref/platforms_oracle.php; skipped without php, required in CI).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identify, LegacyHashError, shutdownPool, verify, verifyDetailed } from '../src/index.js';
import { Oracle } from './helpers/oracle.js';
import { hasPhp } from './helpers/refs.js';

afterAll(() => shutdownPool());

const ids = (stored: string, o?: Parameters<typeof identify>[1]) => identify(stored, o).map((c) => c.scheme);

// Published vectors (hashcat 6.2.6 example hashes, password "hashcat").
const VB = '28f9975808ae2bdc5847b1cda26033ea'; // 2611, salt 308
const MYBB = '022f7e02b3314f7d0968f73c00ba759f'; // 2811, salt 67588
const PS = 'f22cade043e7214200206dbffca49fd9'; // 11000
const PS_KEY = '27167508161455764247627144160038845437138252877014827848';
const SMF = 'd27c0a627a45db487af161fcc3a4005d88eb8a1f'; // 121, username 25551135
const OC = '058c1c3773340c8563421e2b17e60eb7c916787e'; // 13900, salt 827500576

describe('ranking of ambiguous shapes', () => {
  it('bare 32 hex: unsalted md5 first; salted readings listed with what they miss', () => {
    const c = identify(VB);
    expect(c[0]!.scheme).toBe('md5');
    expect(c.find((x) => x.scheme === 'vbulletin')!.missing).toEqual(['salt']);
    expect(c.find((x) => x.scheme === 'prestashop')!.missing).toEqual(['pepper']);
    expect(c.find((x) => x.scheme === 'md5')!.missing).toEqual([]);
  });

  it('a salt column promotes the salted forum formulas above md5', () => {
    const order = ids(VB, { salt: '308' });
    expect(order.slice(0, 3)).toEqual(['vbulletin', 'mybb', 'ipb']);
    expect(order.indexOf('md5')).toBeGreaterThan(order.indexOf('mediawiki-old-salted'));
  });

  it('a pepper promotes PrestaShop; a platform hint restricts and promotes', () => {
    expect(ids(PS, { pepper: PS_KEY })[0]).toBe('prestashop');
    expect(ids(PS, { platform: 'opencart' })).toEqual(['md5', 'opencart-md5']);
    expect(ids(PS, { platform: 'shopware' })).toEqual(['md5', 'shopware-legacy-backend-md5']);
  });

  it('40 hex: username -> SMF, salt -> OpenCart first, UPPER hex + salt -> nopCommerce', () => {
    expect(ids(SMF, { username: 'x' })[0]).toBe('smf');
    expect(ids(OC, { salt: '827500576' })[0]).toBe('opencart');
    expect(ids(OC.toUpperCase(), { salt: 'n0PsAlT=' })[0]).toBe('nopcommerce-sha1');
    expect(ids(OC)).not.toContain('nopcommerce-sha1'); // nopCommerce only wrote UPPER hex
  });

  it('self-describing layouts win outright', () => {
    expect(ids('$S$C20340258nzjDWpoQthrdNTR02f0pmev0K/5/Nx80WSkOQcPEQRh')).toEqual(['drupal7']);
    expect(ids(':B:1a2b3c4d:14fa0f2c5024980acdc1a1f1d478af45')).toEqual(['mediawiki-b']);
    expect(ids('1000:abcdefghijklmnopqrstuv:52535542be2ae8c982b4f664e0c45db08bdc66f1e8b97d49759a3a88ba8d8a81')).toEqual(['shopware-sha256']);
    expect(ids('b78f863f2c67410c41e617f724e22f34:89384528665349271307465505333378')).toEqual(['magento1', 'joomla-md5']);
  });
});

describe('verify with and without the inputs', () => {
  it('finds the platform by the inputs supplied', async () => {
    expect(await verifyDetailed('hashcat', VB, { salt: '308' })).toMatchObject({ match: true, scheme: 'vbulletin' });
    expect(await verifyDetailed('hashcat', MYBB, { salt: '67588' })).toMatchObject({ match: true, scheme: 'mybb' });
    expect(await verifyDetailed('hashcat', PS, { pepper: PS_KEY })).toMatchObject({ match: true, scheme: 'prestashop' });
    expect(await verifyDetailed('hashcat', SMF, { username: '25551135' })).toMatchObject({ match: true, scheme: 'smf' });
  });

  it('ERR_MISSING_INPUT when no candidate can run', async () => {
    for (const [stored, platform, field] of [
      [VB, 'vbulletin', 'salt'],
      [PS, 'prestashop', 'pepper'],
      [SMF, 'smf', 'username'],
      [OC, 'opencart', 'salt'],
    ] as const) {
      const e = await verify('hashcat', stored, { platform }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(LegacyHashError);
      expect(e).toMatchObject({ code: 'ERR_MISSING_INPUT', field });
    }
    await expect(verify('hashcat', VB, { scheme: 'mybb' })).rejects.toMatchObject({ code: 'ERR_MISSING_INPUT' });
  });

  it('without a platform hint, a salted hash with no salt verifies false only if md5 runs', async () => {
    expect(await verifyDetailed('hashcat', VB)).toMatchObject({ match: false });
  });

  it('OpenCart hashes the HTML-escaped password; WCF1 (same formula) the raw one', async () => {
    // formats.md §5 [V-gen]: typed a&b"c<d>e'f, salt Xy7Qp2Lm9
    const stored = 'ed46fe3af6f1be291c9086f998e122dad0824810';
    expect(await verify(`a&b"c<d>e'f`, stored, { salt: 'Xy7Qp2Lm9', scheme: 'opencart' })).toBe(true);
    expect(await verify(`a&b"c<d>e'f`, stored, { salt: 'Xy7Qp2Lm9', scheme: 'wcf1' })).toBe(false);
    expect(await verify(`a&amp;b&quot;c&lt;d&gt;e'f`, stored, { salt: 'Xy7Qp2Lm9', scheme: 'wcf1' })).toBe(true);
  });

  it('Drupal refuses passwords over 512 bytes, as _password_crypt does', async () => {
    expect(await verify('a'.repeat(513), '$S$C20340258nzjDWpoQthrdNTR02f0pmev0K/5/Nx80WSkOQcPEQRh')).toBe(false);
  });

  it('Symfony: a salt with braces can never verify (mergePasswordAndSalt throws)', async () => {
    const stored = 'WG7Hx1KvxDseOjxniQBonKV2yGxx+SqH9PA/IToXNQTz4wy2k4kPJzLsnDf5rMaP+H84S4WI6LddsX+H2dW+SA==';
    expect(await verify('Pässword1!', stored, { salt: 'k2x9s8c7t1' })).toBe(true);
    expect(await verify('Pässword1!', stored, { salt: '{k2x9s8c7t1}' })).toBe(false);
  });
});

// ---------- live differential test against PHP ----------
const php = hasPhp();

describe.skipIf(!php)('live differential test (PHP 8.2 running each platform formula)', () => {
  let oracle: Oracle;
  beforeAll(() => {
    oracle = new Oracle('php', 'platforms_oracle.php');
  });
  afterAll(() => oracle?.close());

  const CASES: { scheme: string; params: (i: number) => Record<string, unknown>; options: (p: Record<string, unknown>) => Record<string, unknown> }[] = [
    { scheme: 'opencart', params: (i) => ({ salt: `s${i}xYz12` }), options: (p) => ({ salt: p['salt'] }) },
    { scheme: 'ipb', params: (i) => ({ salt: `${i}ab` }), options: (p) => ({ salt: p['salt'] }) },
    { scheme: 'vbulletin', params: (i) => ({ salt: `~${i}'"` }), options: (p) => ({ salt: p['salt'] }) },
    { scheme: 'smf', params: (i) => ({ username: `User${i}` }), options: (p) => ({ username: p['username'] }) },
    { scheme: 'shopware-sha256', params: (i) => ({ salt: `salt${i}`, iterations: String(i * 7) }), options: () => ({}) },
    { scheme: 'symfony-message-digest', params: (i) => ({ salt: `sy${i}`, iterations: 50 }), options: (p) => ({ salt: p['salt'], params: { iterations: 50 } }) },
    { scheme: 'drupal7', params: () => ({ countLog2: 7 }), options: () => ({}) },
    { scheme: 'devise-sha512', params: (i) => ({ salt: `d${i}`, pepper: 'pp', stretches: 3 }), options: (p) => ({ salt: p['salt'], pepper: 'pp', params: { stretches: 3 } }) },
    { scheme: 'nopcommerce-sha512', params: (i) => ({ salt: `nop${i}=` }), options: (p) => ({ salt: p['salt'] }) },
  ];

  /** Random passwords biased towards the characters platforms escape or trim. */
  function randomPassword(i: number): Uint8Array {
    const special = Buffer.from(`&<>"'!$\\\n -->\t<!--<script`);
    const out = Buffer.alloc(i % 40);
    const r = randomBytes(out.length * 2);
    for (let k = 0; k < out.length; k++) out[k] = r[2 * k]! < 96 ? special[r[2 * k + 1]! % special.length]! : 0x20 + (r[2 * k + 1]! % 95);
    if (i % 5 === 0) return new Uint8Array(Buffer.concat([out, Buffer.from('é😀')])); // multi-byte UTF-8
    return new Uint8Array(out);
  }

  for (const c of CASES) {
    it(`${c.scheme}: 25 random passwords`, async () => {
      for (let i = 0; i < 25; i++) {
        const pw = randomPassword(i);
        const params = c.params(i);
        const stored = await oracle.hash({ scheme: c.scheme, passwordHex: Buffer.from(pw).toString('hex'), params });
        const options = { ...c.options(params), scheme: c.scheme };
        expect(await verify(pw, stored, options), `${c.scheme} ${Buffer.from(pw).toString('hex')}`).toBe(true);
        const wrong = new Uint8Array([...pw, 0x21]);
        expect(await verify(wrong, stored, options)).toBe(false);
      }
    });
  }
});
