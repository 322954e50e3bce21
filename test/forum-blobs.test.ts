/**
 * Forum / wiki stored layouts (src/algorithms/xenforo.ts, mediawiki.ts, phpbb.ts, forums.ts
 * wcf2 / smf21 / vbulletin5-token): strict parsing, caps before work, required inputs and
 * ranking. Known answers are in test/vectors/forum-blobs.json (scripts/vectors/forum_blobs.php).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { identify, LegacyHashError, shutdownPool, verify, verifyDetailed } from '../src/index.js';
import { parsePhpStringArray } from '../src/algorithms/xenforo.js';
import { addslashes, phpbbRequestClean, utf8ToCp1252 } from '../src/algorithms/phpbb.js';

afterAll(() => shutdownPool());

const ids = (stored: string, o?: Parameters<typeof identify>[1]) => identify(stored, o).map((c) => c.scheme);

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'no error';
  } catch (e) {
    if (e instanceof LegacyHashError) return e.code;
    throw e;
  }
}

const PW = 'Pässword1!';
const XF1 =
  'a:3:{s:4:"hash";s:64:"0f6b7287155fda9d1fa5a3e09bea3dfda9f7ea936ea91b4fd3dcd1f515315de4";s:4:"salt";s:24:"c2FsdHNhbHRzYWx0c2FsdA==";s:8:"hashFunc";s:6:"sha256";}';
const XF2 = 'a:1:{s:4:"hash";s:60:"$2y$04$abcdefghijklmnopqrstuuQW8i1VQiAbTPwjmjmZCdegm2xO4ffki";}';
const BCRYPT = '$2y$04$abcdefghijklmnopqrstuuQW8i1VQiAbTPwjmjmZCdegm2xO4ffki'; // crypt('Pässword1!', ...)
const SMF21 = '$2y$10$abcdefghijklmnopqrstuuqd3G4ur.RrkG.EessD4VKyPDn8NhjJm'; // user JohnDoe
const WCF2 = '$2a$08$p8h14U0jsEiVb1Luy.s8oOTXSQ0hVWUXpcNGBoCezeYNXrQyCKHfi'; // foobar

describe('PHP serialize() parser (strict, this shape only)', () => {
  it('reads string-to-string arrays with byte lengths', () => {
    const m = parsePhpStringArray('a:2:{s:4:"hash";s:3:"abc";s:4:"salt";s:2:"ä";}')!;
    expect([...m.keys()]).toEqual(['hash', 'salt']);
    expect([...m.get('salt')!]).toEqual([0xc3, 0xa4]);
  });

  it.each([
    ['a:1:{s:4:"hash";s:3:"abcd";}', 'length too short'],
    ['a:1:{s:4:"hash";s:5:"abc";}', 'length too long'],
    ['a:2:{s:4:"hash";s:3:"abc";}', 'count mismatch'],
    ['a:1:{s:4:"hash";s:3:"abc"}', 'missing ;'],
    ['a:1:{s:4:"hash";s:3:"abc";}x', 'trailing bytes'],
    ['a:1:{s:4:"hash";i:3;}', 'integer value'],
    ['a:1:{s:4:"hash";a:0:{}}', 'nested array'],
    ['O:8:"stdClass":0:{}', 'object'],
    ['a:2:{s:4:"hash";s:1:"a";s:4:"hash";s:1:"b";}', 'duplicate key'],
    ['a:01:{s:4:"hash";s:1:"a";}', 'leading zero'],
    ['a:1:{s:4:"hash";s:99999999:"a";}', 'huge length'],
  ])('rejects %s (%s)', (s) => {
    expect(parsePhpStringArray(s)).toBeNull();
  });
});

describe('XenForo', () => {
  it('verifies and identifies both blob kinds', async () => {
    expect(await verify(PW, XF1)).toBe(true);
    expect(await verify(PW, XF2)).toBe(true);
    expect(ids(XF1)).toEqual(['xenforo1']);
    expect(ids(XF2)).toEqual(['xenforo-core12']);
    expect(identify(XF2)[0]!.params).toMatchObject({ inner: 'bcrypt', cost: 4 });
  });

  it('refuses the empty password, as authenticate() does', async () => {
    const empty = 'a:1:{s:4:"hash";s:60:"' + '$2y$04$abcdefghijklmnopqrstuu' + 'x'.repeat(31) + '";}';
    expect(await verify('', empty.replace(/x+/, 'QW8i1VQiAbTPwjmjmZCdegm2xO4ffki'))).toBe(false);
  });

  it.each([
    ['a:3:{s:4:"hash";s:64:"' + 'A'.repeat(64) + '";s:4:"salt";s:1:"s";s:8:"hashFunc";s:6:"sha256";}', 'upper-case hex'],
    ['a:3:{s:4:"hash";s:40:"' + 'a'.repeat(40) + '";s:4:"salt";s:1:"s";s:8:"hashFunc";s:6:"sha256";}', 'length vs hashFunc'],
    ['a:3:{s:4:"hash";s:32:"' + 'a'.repeat(32) + '";s:4:"salt";s:1:"s";s:8:"hashFunc";s:3:"md5";}', 'unknown hashFunc'],
    ['a:2:{s:4:"hash";s:3:"abc";s:4:"salt";s:2:"ab"', 'truncated blob'],
    ['a:1:{s:4:"hash";s:5:"$1$ab";}', 'unsupported inner hash'],
    ['a:2:{s:4:"hash";s:60:"' + BCRYPT + '";s:5:"other";s:1:"x";}', 'extra entry'],
  ])('malformed: %s (%s)', async (s) => {
    expect(await code(verify(PW, s))).toBe('ERR_MALFORMED_HASH');
  });

  it('checks the inner bcrypt cost against the caps before any work', async () => {
    const huge = 'a:1:{s:4:"hash";s:60:"$2y$31$abcdefghijklmnopqrstuuQW8i1VQiAbTPwjmjmZCdegm2xO4ffki";}';
    expect(await code(verify(PW, huge))).toBe('ERR_LIMIT_EXCEEDED');
  });
});

describe('MediaWiki', () => {
  it('identifies each type by its prefix', () => {
    expect(ids(':pbkdf2:sha512:30000:64:MDEyMzQ1Njc4OWFiY2RlZg==:aapJGzPJASXOLFq/JzngUHWyBkLatXVvlfgJGT8HhMHvyLqL84zlvxTRGTB6Mgkz8td0FKPKfCuaCTMEfXAUPA==')).toEqual(['mediawiki-pbkdf2']);
    expect(ids(':bcrypt:12$abcdefghijklmnopqrstuu$13BcWEPU2i2K3i3K8cTWLLTK0IeO09K')).toEqual(['mediawiki-bcrypt']);
  });

  it.each([
    [':pbkdf2:whirlpool:1000:64:c2FsdA==:' + 'A'.repeat(86) + '==', 'unsupported digest'],
    [':pbkdf2:sha512:0:64:c2FsdA==:' + 'A'.repeat(86) + '==', 'zero rounds'],
    [':pbkdf2:sha512:1000:64:c2FsdA==:AAAA', 'hash length differs from the length parameter'],
    [':pbkdf2:sha512:1000:64:c2Fs*A==:' + 'A'.repeat(86) + '==', 'bad base64 salt'],
    [':bcrypt:3$abcdefghijklmnopqrstuu$13BcWEPU2i2K3i3K8cTWLLTK0IeO09K', 'cost below 4'],
    [':bcrypt:12$abcdefghijklmnopqrstu$13BcWEPU2i2K3i3K8cTWLLTK0IeO09K', 'short salt'],
    [':argon2:$argon2id$v=19$m=1,t=1,p=1$YWJjZGVmZ2g$YWJjZA', 'argon2 memory below 8 KiB'],
    [':pbkdf2-legacyB:!sha512:1000:64!!c2FsdA==!' + 'A'.repeat(86) + '==', 'B layer without salt'],
    [':pbkdf2-legacyA:sha512:1000:64!!c2FsdA==!' + 'A'.repeat(86) + '==', 'missing leading !'],
  ])('malformed: %s (%s)', async (s) => {
    expect(await code(verify(PW, s))).toBe('ERR_MALFORMED_HASH');
  });

  it('checks costs before any work', async () => {
    expect(await code(verify(PW, ':bcrypt:31$abcdefghijklmnopqrstuu$13BcWEPU2i2K3i3K8cTWLLTK0IeO09K'))).toBe('ERR_LIMIT_EXCEEDED');
    expect(await code(verify(PW, ':pbkdf2:sha512:2000000000:64:c2FsdA==:' + 'A'.repeat(86) + '=='))).toBe('ERR_LIMIT_EXCEEDED');
    expect(await code(verify(PW, ':pbkdf2-legacyA:!sha512:2000000000:64!!c2FsdA==!' + 'A'.repeat(86) + '=='))).toBe('ERR_LIMIT_EXCEEDED');
    expect(await code(verify(PW, ':argon2:$argon2id$v=19$m=4194304,t=1,p=1$YWJjZGVmZ2g$YWJjZA'))).toBe('ERR_LIMIT_EXCEEDED');
  });
});

describe('phpBB', () => {
  it('$CP$ uses the salt column and login name when given', async () => {
    expect(await verify('foobar', '$CP$b86ee7e24008bfd2890dcfab1ed31333', { salt: 'yeOtfFO6' })).toBe(true);
    expect(await verify('foobar', '$CP$b86ee7e24008bfd2890dcfab1ed31333')).toBe(false);
    expect(await verify('foobar', '$CP$6f9e2a1899e1f15708fd2e554103480eb53e8b57', { username: 'TEST' })).toBe(true);
    expect(ids('$CP$3858f62230ac3c915f300c664312c63f')).toEqual(['phpbb-convert']);
  });

  it.each([
    ['$CP$3858f62230ac3c915f300c', 'short hex (phpBB manager_test: false)'],
    ['$CP$$H$kklk938d023k//k3023', 'short $H$'],
    ['$CP$$2a$kwiweorurlaeirw', 'bad bcrypt'],
    ['$H\\2y$9abcdefgH$10\\abcdefghijklmnopqrstuu$R92X5na', 'truncated combined'],
    ['$H\\2b$9abcdefgH$10\\abcdefghijklmnopqrstuu$R92X5na/Bxa.fJT0qPQQ7czkuSbT0Fa', 'no 2b driver'],
    ['$H\\2y$4abcdefgH$10\\abcdefghijklmnopqrstuu$R92X5na/Bxa.fJT0qPQQ7czkuSbT0Fa', 'phpass count below 7'],
  ])('malformed: %s (%s)', async (s) => {
    expect(await code(verify('foobar', s))).toBe('ERR_MALFORMED_HASH');
  });

  it('checks both costs of a combined hash before any work', async () => {
    expect(await code(verify(PW, '$H\\2y$9abcdefgH$31\\abcdefghijklmnopqrstuu$R92X5na/Bxa.fJT0qPQQ7czkuSbT0Fa'))).toBe('ERR_LIMIT_EXCEEDED');
    expect(await code(verify(PW, '$H\\2y$Sabcdefgh$10\\abcdefghijklmnopqrstuu$R92X5na/Bxa.fJT0qPQQ7czkuSbT0Fa'))).toBe('ERR_LIMIT_EXCEEDED');
  });

  it('password transforms match PHP', () => {
    const b = (s: string) => new TextEncoder().encode(s);
    const hex = (u: Uint8Array) => Buffer.from(u).toString('hex');
    expect(hex(addslashes(new Uint8Array([0x27, 0x22, 0x5c, 0, 0x41])))).toBe('5c275c225c5c5c3041');
    expect(hex(utf8ToCp1252(b('é€ŸaĀ')))).toBe('e9809f61c480'); // Ā (U+0100) is not in cp1252: kept as UTF-8
    expect(new TextDecoder().decode(phpbbRequestClean(b('a&"<>\'\r\n\rb\0')))).toBe('a&amp;&quot;&lt;&gt;\'\n\nb');
  });
});

describe('WCF2 double bcrypt', () => {
  it('prefixed forms are self-describing; the bare form is opt-in', async () => {
    expect(await verify('foobar', `wcf2:${WCF2}`)).toBe(true);
    expect(await verify('foobar', `DoubleBcrypt:${WCF2}`)).toBe(true);
    // Without the opt-in a bare $2a$ string is plain bcrypt (one bcrypt run, no match).
    expect(ids(WCF2)).not.toContain('wcf2');
    expect(await verify('foobar', WCF2)).toBe(false);
    const r = await verifyDetailed('foobar', WCF2, { params: { bcryptDouble: 'wcf2' } });
    expect(r).toMatchObject({ match: true, scheme: 'wcf2' });
    expect(await code(verify('foobar', WCF2, { scheme: 'wcf2' }))).toBe('ERR_MISSING_INPUT');
    expect(await code(verify('foobar', 'wcf2:$2a$08$short'))).toBe('ERR_MALFORMED_HASH');
  });
});

describe('SMF 2.1 ranking (docs/detection.md)', () => {
  it('without a username it is listed as missing it and never run', async () => {
    const c = identify(SMF21);
    expect(c[0]!.scheme).toBe('bcrypt');
    expect(c.find((x) => x.scheme === 'smf21')!.missing).toEqual(['username']);
    expect(await verify(PW, SMF21)).toBe(false);
  });

  it('with a username it runs after plain bcrypt; a platform hint makes it the only reading', async () => {
    expect(ids(SMF21, { username: 'JohnDoe' }).slice(0, 2)).toEqual(['bcrypt', 'smf21']);
    expect(ids(SMF21, { username: 'JohnDoe', platform: 'smf' })).toEqual(['smf21']);
    expect(await verifyDetailed(PW, SMF21, { username: 'johndoe' })).toMatchObject({ match: true, scheme: 'smf21' });
    expect(await verify(PW, SMF21, { username: 'JaneDoe' })).toBe(false);
    expect(await code(verify(PW, SMF21, { scheme: 'smf21' }))).toBe('ERR_MISSING_INPUT');
  });
});

describe('vBulletin 5 legacy token', () => {
  it('is recognised by its "<md5> <salt>" shape only', async () => {
    const t = '0844fbb2fdeda31884a7a45ec2010bb6 324410183853308365427804872426';
    expect(ids(t)).toEqual(['vbulletin5-token']);
    expect(await verify('hashcat', t)).toBe(true);
    expect(await code(verify('hashcat', '0844fbb2fdeda31884a7a45ec2010bb6 has space'))).toBe('ERR_UNKNOWN_FORMAT');
  });
});
