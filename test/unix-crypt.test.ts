/**
 * crypt(3) family and LDAP {SCHEME} values: parser edge cases, caps checked before any work,
 * identification, the C-string rules vectors cannot express, and a property test against live
 * references (PHP crypt(), openssl passwd) batched through one process each.
 */
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { identify, LegacyHashError, shutdownPool, verify } from '../src/index.js';
import { hasOpenssl, hasPhp } from './helpers/refs.js';

afterAll(() => shutdownPool());

const enc = new TextEncoder();
const b = (s: string): Uint8Array => enc.encode(s);

async function errorCode(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(LegacyHashError);
    return (e as LegacyHashError).code;
  }
}

const D43 = 'p.wiWs2zrZ7irikO2AL64QDIJo00A3KDq2xWHpLJGgB';
const D86 = 'U4DVzpcYxgw7MVVDGGvB2/H5lRistD5.Ah4upwENR5UtffLR4X4SxSzfREv8z6wVl0jRFX40/KnYVvK4829kD1';
const D22 = 'qjXMvbEw8oaL.CzflDtaK/';
const D28 = 'Wu/sSampwOE4AahROkNxOFa7UvKM';

describe('malformed strings throw ERR_MALFORMED_HASH', () => {
  const cases: [string, string][] = [
    ['md5-crypt', '$1$saltsalt9$' + D22], // 9-byte salt: crypt() keeps 8 and prints 8
    ['md5-crypt', '$1$saltsalt$' + D22.slice(1)],
    ['md5-crypt', '$1$saltsalt$' + D22 + 'x'],
    ['md5-crypt', '$1$saltsalt'],
    ['md5-crypt', '$1$s€lt€$' + D22], // 8 chars but 12 UTF-8 bytes
    ['apr1', '$apr1$saltsalt$' + D22.slice(0, 21) + '!'],
    ['sha256-crypt', '$5$rounds=999$salt$' + D43], // below the spec minimum: PHP/libxcrypt return *0
    ['sha256-crypt', '$5$rounds=05000$salt$' + D43], // zero padded: crypt() prints %zu
    ['sha256-crypt', '$5$rounds=$salt$' + D43],
    ['sha256-crypt', '$5$rounds=abc$salt$' + D43],
    ['sha512-crypt', '$6$rounds=1000000000$salt$' + D86], // above 999999999
    ['sha256-crypt', '$5$saltsaltsaltsaltX$' + D43], // 17-byte salt
    ['sha512-crypt', '$6$salt$' + D43],
    ['sha1-crypt', '$sha1$0$salt$' + D28],
    ['sha1-crypt', '$sha1$010$salt$' + D28],
    ['sha1-crypt', '$sha1$4294967296$salt$' + D28],
    ['sha1-crypt', '$sha1$480$' + 'a'.repeat(65) + '$' + D28],
    ['sha1-crypt', '$sha1$480$salt$' + D28.slice(1)],
    ['bsdi-crypt', '_....SDizAj8cFbP5scI'], // zero count: FreeSec returns NULL
    ['bsdi-crypt', '_J9..SDizAj8cFbP5sc'],
    ['bsdi-crypt', '_J9..SD!zAj8cFbP5scI'],
    ['ldap-salted-sha1', '{SSHA}' + Buffer.alloc(20).toString('base64')], // no salt: OpenLDAP refuses
    ['ldap-sha1', '{SHA}' + Buffer.alloc(21).toString('base64')],
    ['ldap-md5', '{MD5}not*base64'],
    ['ldap-md5', '{MD5}X03MO1qnZdYdgyfeuILPmR=='], // non-canonical trailing bits
    ['ldap-pbkdf2-sha256', '{PBKDF2-SHA256}0$c2FsdA$8nX7hwFEzIB8aPajJTYK8weHQc5Ngz0pFVAKvSu4jQA'],
    ['ldap-pbkdf2-sha256', '{PBKDF2-SHA256}1000$c2FsdA$8nX7hwFEzIB8aPajJTYK8weHQc5Ngz0pFVAKvSu4'],
    ['ldap-pbkdf2-sha1', '{PBKDF2}01000$c2FsdA$2FWw/oC7TQkskizC.81lWlmFAMM'],
    ['ldap-crypt', '{CRYPT}$1$saltsalt$short'],
    ['ldap-crypt', '{CRYPT}not a crypt string'],
  ];
  for (const [scheme, s] of cases) {
    it(`${scheme}: ${s.slice(0, 50)}`, async () => {
      expect(await errorCode(verify('password', s, { scheme }))).toBe('ERR_MALFORMED_HASH');
      // Detection reports the same (the prefix claims the string) unless another scheme fits.
      if (!/^[./0-9A-Za-z]+$/.test(s)) expect(await errorCode(verify('password', s))).toBe('ERR_MALFORMED_HASH');
    });
  }
});

describe('costs above the caps throw ERR_LIMIT_EXCEEDED before any work', () => {
  const cases: [string, string][] = [
    ['sha512-crypt', '$6$rounds=999999999$salt$' + D86],
    ['sha256-crypt', '$5$rounds=999999999$salt$' + D43],
    ['sha1-crypt', '$sha1$4294967295$salt$' + D28],
    ['bsdi-crypt', '_zzzzSDizAj8cFbP5scI'], // 2^24 - 1 DES passes
    ['ldap-crypt', '{CRYPT}$6$rounds=999999999$salt$' + D86],
    ['ldap-pbkdf2-sha256', '{PBKDF2-SHA256}4294967295$c2FsdA$8nX7hwFEzIB8aPajJTYK8weHQc5Ngz0pFVAKvSu4jQA'],
  ];
  for (const [scheme, s] of cases) {
    it(`${scheme}: ${s.slice(0, 40)}`, async () => {
      const t = performance.now();
      expect(await errorCode(verify('password', s, { scheme }))).toBe('ERR_LIMIT_EXCEEDED');
      expect(performance.now() - t).toBeLessThan(200); // no derivation ran
    });
  }

  it('honours a per-call maxRounds', async () => {
    const s = '$5$rounds=10000$RoundsSalt$' + D43;
    expect(await errorCode(verify('x', s, { limits: { maxRounds: 9999 } }))).toBe('ERR_LIMIT_EXCEEDED');
    expect(await verify('x', s, { limits: { maxRounds: 10000 } })).toBe(false);
  });
});

describe('identify() names the scheme', () => {
  const cases: [string, string][] = [
    ['md5-crypt', '$1$38652870$DUjsu4TTlTsOe/xxZ05uf/'],
    ['apr1', '$apr1$62722340$zGjeAwVP2KwY6MtumUI1N/'],
    ['sha256-crypt', '$5$rounds=1000$salt$' + D43],
    ['sha512-crypt', '$6$72820166$' + D86],
    ['sha1-crypt', '$sha1$480$saltsalt$' + D28],
    ['des-crypt', '24leDr0hHfb3A'],
    ['bsdi-crypt', '_GW..8841inaTltazRsQ'],
    ['bigcrypt', 'abJnggxhB/yWI5Oupr.oYP.Aq0POnbc3hSo'],
    ['ldap-md5', '{MD5}X03MO1qnZdYdgyfeuILPmQ=='],
    ['ldap-hex-md5', '{MD5}5f4dcc3b5aa765d61d8327deb882cf99'],
    ['ldap-sha1', '{SHA}uJ6qx+YUFzQbcQtyd2gpTQ5qJ3s='],
    ['ldap-hex-sha1', '{SHA}5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8'],
    ['ldap-salted-sha1', '{ssha}FLzWcQqyle6Mo7NvrwXCMAmRzXQxNjYxMTYzNw=='],
    ['ldap-salted-sha512', '{SSHA512}Bz8w5q6qEtB1Nnc8b1jfTvTXVTwohWag33oghQGOtLChnkZTw/cuJaHQlLJEI3AWKZGCRyLA6Phujdxo+is7AjA2MDcyNjY1Mg=='],
    ['ldap-sha256', '{SHA256}XohImNooBHFR0OVvjcYpJ3NgPQ1qq73WKhHvch0VQtg='],
    ['ldap-crypt', '{CRYPT}$1$saltsalt$5UttEarkOM/Nigl0CIZPm1'],
    ['ldap-pbkdf2-sha512', '{PBKDF2-SHA512}1000$c2FsdHNhbHRzYWx0c2FsdA$715rqIr5dXOVPpBhqqsugl037zT5bWJTWYmZtIcK8hBnisKpwfY7kokvwjDrNHqHhF50Pb7MD6HvkJwiDQw4ww'],
  ];
  for (const [scheme, s] of cases) {
    it(scheme, () => {
      expect(identify(s)[0]?.scheme).toBe(scheme);
    });
  }

  it('describes costs and the inner scheme of {CRYPT}', () => {
    expect(identify('$5$rounds=10000$RoundsSalt$' + D43)[0]?.params).toMatchObject({ rounds: 10000, saltLength: 10 });
    expect(identify('$6$salt$' + D86)[0]?.params).toMatchObject({ rounds: 5000 });
    expect(identify('_GW..8841inaTltazRsQ')[0]?.params).toMatchObject({ rounds: 2194 });
    expect(identify('{CRYPT}$6$rounds=10000$salt$' + D86)[0]?.params).toMatchObject({ inner: 'sha512-crypt', rounds: 10000 });
  });
});

describe('C-string and truncation rules', () => {
  // mkpasswd -m descrypt -S ab (libxcrypt) and PHP crypt('password', 'ab') both print this.
  const DES_PASSWORD_AB = 'abJnggxhB/yWI';

  it('DES uses only the first 8 bytes (PHP crypt, libxcrypt)', async () => {
    expect(await verify('password', DES_PASSWORD_AB)).toBe(true);
    expect(await verify('password123456789', DES_PASSWORD_AB)).toBe(true);
    expect(await verify('passwor', DES_PASSWORD_AB)).toBe(false);
  });

  it('DES ignores bit 7 of every byte', async () => {
    const high = b('password').map((c) => c | 0x80);
    expect(await verify(high, DES_PASSWORD_AB)).toBe(true);
  });

  it('crypt() stops at the first NUL (PHP crypt and glibc take a C string)', async () => {
    // PHP 8.2 crypt("pass\0word", '$1$saltsalt$') === crypt("pass", '$1$saltsalt$').
    const pass = '$1$saltsalt$hZR.9zfJXcVTsa9iTxnQR1';
    expect(await verify('pass', pass)).toBe(true);
    expect(await verify(b('pass\0word'), pass)).toBe(true);
    // OpenLDAP chk_crypt refuses a NUL instead.
    expect(await verify(b('pass\0word'), '{CRYPT}' + pass)).toBe(false);
    expect(await verify('pass', '{CRYPT}' + pass)).toBe(true);
  });

  it('BSDi: empty password (all-zero weak DES key) with an even count gives an all-zero digest', async () => {
    // PHP 8.2 crypt('', '_Gl/../..') (count 7250); passlib warns about exactly this weak-key case.
    expect(await verify('', '_Gl/../.............')).toBe(true);
    expect(await verify('x', '_Gl/../.............')).toBe(false);
  });

  it('bigcrypt needs the chunk count the stored string has', async () => {
    const h = 'abJnggxhB/yWI5Oupr.oYP.Aq0POnbc3hSo'; // passlib bigcrypt, 'password123456789' (3 chunks)
    expect(await verify('password123456789', h)).toBe(true);
    expect(await verify('password12345678', h)).toBe(false);
    expect(await verify('password123456789ABCDEFGH', h)).toBe(false);
  });
});

// ---------- property test against live references ----------

const CRYPT64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const saltOf = (min: number, max: number) =>
  fc.array(fc.constantFrom(...CRYPT64), { minLength: min, maxLength: max }).map((a) => a.join(''));
const passwordBytes = fc.uint8Array({ minLength: 0, maxLength: 40 }).map((a) => a.map((x) => (x === 0 ? 1 : x)));

const phpSetting = fc.oneof(
  saltOf(0, 8).map((s) => `$1$${s}$`),
  saltOf(0, 16).map((s) => `$5$${s}$`),
  saltOf(0, 16).map((s) => `$6$${s}$`),
  fc.tuple(fc.integer({ min: 1000, max: 1400 }), saltOf(0, 16)).map(([r, s]) => `$5$rounds=${r}$${s}$`),
  fc.tuple(fc.integer({ min: 1000, max: 1400 }), saltOf(0, 16)).map(([r, s]) => `$6$rounds=${r}$${s}$`),
  saltOf(2, 2),
  fc.tuple(saltOf(2, 2).filter((c) => c !== '..'), saltOf(4, 4)).map(([c, s]) => `_${c}..${s}`),
);

function flip(pw: Uint8Array): Uint8Array {
  if (pw.length === 0) return Uint8Array.of(0x78);
  const w = Uint8Array.from(pw);
  // DES keeps 7 bits of the first 8 bytes: change a bit that always counts.
  w[0] = w[0]! ^ 2 || 3;
  return w;
}

describe('property: live references verify true, a different password false', () => {
  it.skipIf(!hasPhp())('PHP crypt() ($1$, $5$, $6$, rounds=, DES, _ext-DES)', async () => {
    const samples = fc.sample(fc.tuple(passwordBytes, phpSetting), { numRuns: 80, seed: 20240601 });
    const script = `while (($l = fgets(STDIN)) !== false) { [$p, $s] = explode(' ', rtrim($l, "\\n")); echo crypt(hex2bin($p), $s), "\\n"; }`;
    const input = samples.map(([pw, s]) => `${Buffer.from(pw).toString('hex')} ${s}`).join('\n') + '\n';
    const r = spawnSync('php', ['-r', script], { input, encoding: 'utf8' });
    const hashes = r.stdout.trim().split('\n');
    expect(hashes).toHaveLength(samples.length);
    for (const [i, [pw]] of samples.entries()) {
      const h = hashes[i]!;
      expect(h.startsWith('*'), h).toBe(false);
      expect(await verify(pw, h), h).toBe(true);
      expect(await verify(flip(pw), h), h).toBe(false);
    }
  }, 60_000);

  it.skipIf(!hasOpenssl())('openssl passwd -apr1 / -1 (one process per salt, many passwords)', async () => {
    const pwArb = fc.uint8Array({ minLength: 1, maxLength: 30 }).map((a) => a.map((x) => (x === 0 || x === 10 || x === 13 ? 65 : x)));
    for (const [flag, salt] of [['-apr1', 'aPr1Salt'], ['-1', 'x/Y.z'], ['-apr1', '']] as const) {
      const pws = fc.sample(pwArb, { numRuns: 20, seed: 7 + salt.length });
      const input = Buffer.concat(pws.flatMap((p) => [Buffer.from(p), Buffer.from('\n')]));
      const r = spawnSync('openssl', ['passwd', flag, '-salt', salt, '-stdin'], { input });
      const hashes = r.stdout.toString('latin1').trim().split('\n');
      expect(hashes).toHaveLength(pws.length);
      for (const [i, pw] of pws.entries()) {
        expect(await verify(pw, hashes[i]!), hashes[i]).toBe(true);
        expect(await verify(flip(pw), hashes[i]!), hashes[i]).toBe(false);
      }
    }
  }, 60_000);
});
