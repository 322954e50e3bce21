/**
 * Issue #8, hand-written parsers: each replaces a regular expression and must accept and reject
 * exactly what it did, with the same result or error. The old definitions are kept here and
 * compared with the new code on valid strings and near misses (a character replaced by its
 * neighbour class, case flipped, inserted, deleted, cut, non-ASCII, empty fields).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkArgon2Params, parseArgon2Phc } from '../src/algorithms/argon2.js';
import { parseBcrypt } from '../src/algorithms/bcrypt.js';
import { djangoMd5, djangoSha1 } from '../src/algorithms/django.js';
import { magento1, magento2 } from '../src/algorithms/magento.js';
import { phpass } from '../src/algorithms/phpass.js';
import { isBareBase64Key } from '../src/algorithms/pbkdf2.js';
import { checkScrypt } from '../src/algorithms/scrypt.js';
import { latin1 } from '../src/core/bytes.js';
import { BCRYPT64, CRYPT64_RE, decodeBcrypt64, fromAb64, fromBase64, fromBase64NoPad, fromHex, toHexBytes } from '../src/core/encoding.js';
import { joomlaSha256 } from '../src/algorithms/platforms.js';
import { recognizeShape } from '../src/detect/shape.js';
import { malformed } from '../src/errors.js';
import { allSchemes } from '../src/registry.js';
import type { Scheme } from '../src/types.js';
import { mutate, MUTATIONS } from './helpers/mutate.js';

/** The bcrypt64 alphabet check of the old regex parser. */
const BCRYPT64_RE = /^[./A-Za-z0-9]*$/;

/** Characters that sit next to the alphabets the formats use, and outsiders. */
const NEAR = [...'09afAFgGzZ./+=$:_- ,{}\\'].concat(['é', '\u0000', '\n', '\u0131', '\uff10', '\ud83d']);

/** Valid strings and up to three mutations of them. */
function nearMisses(valid: readonly string[]): fc.Arbitrary<string> {
  const once = (a: fc.Arbitrary<string>) =>
    fc.tuple(a, fc.nat(), fc.constantFrom(...NEAR), fc.nat(MUTATIONS - 1)).map(([s, at, c, op]) => mutate(s, at, c, op));
  const base = fc.constantFrom(...valid);
  return fc.oneof(base, once(base), once(once(base)), once(once(once(base))));
}

/** A call's outcome, comparable with toEqual: its value or its error's code and message. */
function outcome<T>(f: () => T): { value: T } | { error: string } {
  try {
    return { value: f() };
  } catch (e) {
    const err = e as { code?: string; message?: string };
    return { error: `${err.code} ${err.message}` };
  }
}

const scheme = (id: string): Scheme => allSchemes().find((s) => s.id === id)!;
const examples = (pred: (s: Scheme) => boolean) => allSchemes().filter(pred).map((s) => s.example.hash);

describe('parseBcrypt without the regex', () => {
  /** parseBcrypt before issue #8. */
  function parseBcryptRegex(name: string, s: string) {
    const m = /^\$(2[abxy]?)\$(\d\d)\$(.*)$/s.exec(s);
    if (!m) throw malformed(name, 'not a bcrypt string');
    const cost = Number(m[2]);
    const body = m[3]!;
    if (cost < 4 || cost > 31) throw malformed(name, 'cost must be 04..31');
    if (body.length !== 53 || !BCRYPT64_RE.test(body)) throw malformed(name, 'expected 53 characters of ./A-Za-z0-9');
    const salt22 = body.slice(0, 22);
    const salt = decodeBcrypt64(salt22, 16);
    if (!salt) throw malformed(name, 'invalid salt');
    const canonical = (BCRYPT64.indexOf(salt22[21]!) & 0x0f) === 0;
    return { ident: m[1], cost, salt22, salt, canonical, expected: latin1(body.slice(22)) };
  }

  const valid = [
    '$2a$05$MBCzKhG1KhezLh.0LRa0Kuw12nLJtpHy6DIaU.JAnqJUDYspHC.Ou',
    '$2y$10$abcdefghijklmnopqrstuuqd3G4ur.RrkG.EessD4VKyPDn8NhjJm',
    '$2$31$abcdefghijklmnopqrstuvqd3G4ur.RrkG.EessD4VKyPDn8NhjJm',
    '$2x$04$abcdefghijklmnopqrstu.qd3G4ur.RrkG.EessD4VKyPDn8NhjJm',
    '$2b$32$abcdefghijklmnopqrstuuqd3G4ur.RrkG.EessD4VKyPDn8NhjJm',
    '$2b$03$abcdefghijklmnopqrstuuqd3G4ur.RrkG.EessD4VKyPDn8NhjJm',
    '$2c$10$abcdefghijklmnopqrstuuqd3G4ur.RrkG.EessD4VKyPDn8NhjJm',
    '$2y$1$abcdefghijklmnopqrstuuqd3G4ur.RrkG.EessD4VKyPDn8NhjJm',
    '$2y$10$\n\u0000cdefghijklmnopqrstuuqd3G4ur.RrkG.EessD4VKyPDn8NhjJm',
    '$2$$',
    '',
  ];

  it('accepts and rejects exactly what the regex did, with the same result or error', () => {
    for (const s of valid) expect(outcome(() => parseBcrypt('x', s)), s).toEqual(outcome(() => parseBcryptRegex('x', s)));
    fc.assert(
      fc.property(fc.oneof(nearMisses(valid), fc.string({ maxLength: 70 })), (s) => {
        expect(outcome(() => parseBcrypt('x', s))).toEqual(outcome(() => parseBcryptRegex('x', s)));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('recognizeShape without the regex', () => {
  const shapes = [
    ...allSchemes()
      .map((s) => s.shape)
      .filter((sh): sh is NonNullable<typeof sh> => sh?.exact === true && typeof sh.chars === 'string'),
    // Bodies the table must decline or read exactly as the regex does.
    { length: { min: 0, max: 20 }, chars: './0-9A-Za-z' },
    { length: { min: 0, max: 20 }, chars: '^a-f' },
    { length: { min: 0, max: 20 }, chars: '\\w' },
    { length: { min: 0, max: 20 }, chars: 'a-z-9' },
    { length: { min: 0, max: 20 }, chars: '+-/' },
    { length: { min: 0, max: 20 }, chars: 'é0-9' },
    { length: { min: 0, max: 20 }, chars: '' },
  ];

  it('every shape says what `^[chars]*$` and the length said', () => {
    const samples = examples(() => true).concat(['', 'a', 'abc-9', '+,-./', 'é', 'ABCDEF0123']);
    for (const shape of shapes) {
      const fast = recognizeShape(shape);
      const re = new RegExp(`^[${shape.chars}]*$`);
      const length = shape.length!;
      const okLength = (n: number) =>
        typeof length === 'number' ? n === length : Array.isArray(length) ? length.includes(n) : n >= (length as { min: number }).min && n <= ((length as { max?: number }).max ?? Infinity);
      const slow = (s: string) => okLength(s.length) && re.test(s);
      fc.assert(
        fc.property(fc.oneof(nearMisses(samples), fc.string({ maxLength: 130 }), fc.string({ unit: 'binary', maxLength: 40 })), (s) => {
          expect(fast(s), `${shape.chars} ${JSON.stringify(s)}`).toBe(slow(s));
        }),
        { numRuns: 800 },
      );
    }
  });
});

describe('bare base64 keys and hybris N:salt:hash without regexes', () => {
  const isBareBase64KeyRegex = (s: string, bytes: readonly number[]) =>
    bytes.some((n) => s.length === 4 * Math.ceil(n / 3)) && /^[A-Za-z0-9+/]+={0,2}$/.test(s) && !/^[0-9a-fA-F]*$/.test(s);

  it('isBareBase64Key', () => {
    const valid = [
      scheme('keycloak-pbkdf2').example.hash,
      scheme('firebase-scrypt').example.hash,
      'a'.repeat(88),
      'A'.repeat(86) + '==',
      'A'.repeat(84) + '====',
      '0123456789abcdef'.repeat(5) + 'ABCDEF0=',
      '',
      '==',
    ];
    fc.assert(
      fc.property(nearMisses(valid), fc.constantFrom([64, 32], [64], [1], [0]), (s, bytes) => {
        expect(isBareBase64Key(s, bytes)).toBe(isBareBase64KeyRegex(s, bytes));
      }),
      { numRuns: 5000 },
    );
  });

  it('hybris-pbkdf2 recognises and parses as before', () => {
    const HYBRIS = /^([0-9]{1,10}):((?:[0-9a-fA-F]{2})*):((?:[0-9a-fA-F]{2})+)$/;
    const hybris = scheme('hybris-pbkdf2');
    const valid = [hybris.example.hash, '1:00:ff', '1234567890::AB', '12345678901:00:ff', '1::', '1:0:ff', '1:00:f', ':00:ff', '10:ab:cd:ef'];
    fc.assert(
      fc.property(nearMisses(valid), (s) => {
        expect(hybris.recognize(s)).toBe(HYBRIS.test(s));
        if (HYBRIS.test(s)) {
          const m = HYBRIS.exec(s)!;
          const p = outcome(() => hybris.parse(s, {}));
          if ('value' in p) expect(p.value).toMatchObject({ kdf: { salt: Uint8Array.from(Buffer.from(m[2]!, 'hex')) }, expected: Uint8Array.from(Buffer.from(m[3]!, 'hex')) });
          else expect(p.error).toMatch(/invalid iteration count/);
        }
      }),
      { numRuns: 5000 },
    );
  });
});

describe('hex and base64 decoders (table lookups, four characters a step)', () => {
  /** fromHex before issue #8. */
  function fromHexBefore(s: string): Uint8Array | null {
    const hexVal = (c: number) => (c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1);
    if (s.length % 2 !== 0) return null;
    const out = new Uint8Array(s.length / 2);
    for (let i = 0; i < out.length; i++) {
      const hi = hexVal(s.charCodeAt(2 * i));
      const lo = hexVal(s.charCodeAt(2 * i + 1));
      if (hi < 0 || lo < 0) return null;
      out[i] = (hi << 4) | lo;
    }
    return out;
  }

  /** The base64 decoder before issue #8 (bit accumulator), over `s.slice(0, end)` with `alphabet`. */
  function decodeBefore(s: string, end: number, alphabet: string): Uint8Array | null {
    if (end % 4 === 1) return null;
    const out = new Uint8Array((end * 3) >> 2);
    let acc = 0;
    let bits = 0;
    let o = 0;
    for (let i = 0; i < end; i++) {
      const c = s.charCodeAt(i);
      const v = c < 128 ? alphabet.indexOf(String.fromCharCode(c)) : -1;
      if (v < 0) return null;
      acc = ((acc << 6) | v) & 0xffffff;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out[o++] = (acc >> bits) & 0xff;
      }
    }
    return (acc & ((1 << bits) - 1)) === 0 ? out : null;
  }
  const STD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const fromBase64Before = (s: string) => {
    let end = s.length;
    if (end > 0 && s.charCodeAt(end - 1) === 61) end--;
    if (end > 0 && s.charCodeAt(end - 1) === 61) end--;
    if (end !== s.length && s.length % 4 !== 0) return null;
    return decodeBefore(s, end, STD);
  };
  // AB64 reads '.' as 62 too: an alphabet string cannot hold two chars for one value, so map it.
  const fromAb64Before = (s: string) => decodeBefore(s.replace(/\./g, '+'), s.length, STD);

  it('fromHex', () => {
    const valid = ['', '00', '5f4dcc3b5aa765d61d8327deb882cf99', '5F4DCC3B5AA765D61D8327DEB882CF99', 'abcdefABCDEF0123456789'];
    fc.assert(
      fc.property(fc.oneof(nearMisses(valid), fc.string({ maxLength: 20 })), (s) => {
        expect(fromHex(s)).toEqual(fromHexBefore(s));
      }),
      { numRuns: 5000 },
    );
  });

  it('toHexBytes: the lower-case hex of every byte, as Node writes it', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (b) => {
        const hex = Buffer.from(toHexBytes(b)).toString('latin1');
        expect(hex).toBe(Buffer.from(b).toString('hex'));
        expect(fromHex(hex)).toEqual(b);
      }),
      { numRuns: 2000 },
    );
  });

  it('fromBase64, fromBase64NoPad, fromAb64 (alphabet, padding, lengths 4n+1..3, spare bits)', () => {
    const valid = ['', 'QQ==', 'QUI=', 'QUJD', 'QR==', 'QUJ=', 'QQ', 'QUI', 'c2FsdHNhbHRzYWx0c2FsdA', 'XohImNooBHFR0OVvjcYpJ3NgPQ1qq73WKhHvch0VQtg=', 'a.b/c+dd', '2FWw/oC7TQkskizC.81lWlmFAMM'];
    fc.assert(
      fc.property(fc.oneof(nearMisses(valid), fc.string({ maxLength: 16 })), (s) => {
        expect(fromBase64(s)).toEqual(fromBase64Before(s));
        expect(fromBase64NoPad(s)).toEqual(decodeBefore(s, s.length, STD));
        expect(fromAb64(s)).toEqual(fromAb64Before(s));
      }),
      { numRuns: 8000 },
    );
  });
});

describe('magento and phpass without regexes', () => {
  it('magento1 and magento2 recognise what their regexes did', () => {
    const M1 = /^(?:[0-9a-fA-F]{32}|[0-9a-fA-F]{64}|[0-9a-fA-F]{128}):[^:]*$/;
    const M2 = /^[0-9a-fA-F]+:[^:]*:[0-9_:]+$/;
    const valid = [
      magento1.example.hash,
      magento2.example.hash,
      'ab'.repeat(32) + ':salt',
      'AB'.repeat(64) + ':',
      'ab'.repeat(16) + ':s:1',
      'a:b:0:1',
      'a::2',
      'a:b:',
      '0:\n:3_32_2_67108864',
    ];
    fc.assert(
      fc.property(nearMisses(valid), (s) => {
        expect(magento1.recognize(s)).toBe(M1.test(s));
        expect(magento2.recognize(s)).toBe(M2.test(s));
      }),
      { numRuns: 5000 },
    );
  });

  it('magento2 parses as with the 3_a_b_c regex', () => {
    /** magento2's parse before issue #8. */
    const AGNOSTIC = /^3_(\d{1,10})_(\d{1,10})_(\d{1,20})$/;
    const step = (token: string) => {
      const agnostic = AGNOSTIC.exec(token);
      if (agnostic) {
        const st = { kind: 'argon2id' as const, outputBytes: Number(agnostic[1]), opsLimit: Number(agnostic[2]), memLimitBytes: Number(agnostic[3]) };
        if (st.outputBytes < 16 || st.opsLimit < 1 || st.memLimitBytes < 8192) throw malformed('magento2', 'argon2 parameters below libsodium minimums');
        return st;
      }
      if (token === '0') return { kind: 'digest' as const, alg: 'md5' as const };
      if (token === '1') return { kind: 'digest' as const, alg: 'sha256' as const };
      if (token === '2') return { kind: 'argon2id' as const, outputBytes: 32, opsLimit: 2, memLimitBytes: 67108864 };
      throw malformed('magento2', 'unknown hash version token');
    };
    const before = (s: string) => {
      const first = s.indexOf(':');
      const second = s.indexOf(':', first + 1);
      const hex = s.slice(0, first);
      const salt = s.slice(first + 1, second);
      const versions = s.slice(second + 1);
      const steps = versions.split(':').map(step);
      const expected = fromHex(hex);
      const last = steps[steps.length - 1]!;
      const outLen = last.kind === 'digest' ? { md5: 16, sha256: 32 }[last.alg] : last.outputBytes;
      if (!expected || expected.length !== outLen) throw malformed('magento2', 'hash length does not match its version');
      if (salt.length === 0 && steps.some((st) => st.kind === 'argon2id')) throw malformed('magento2', 'argon2 versions need a non-empty salt');
      return { salt, steps, versions, expected };
    };
    const tokens = ['3_32_2_67108864', '3_16_1_8192', '3_1234567890_1_8192', '3_12345678901_1_8192', '3_32_2_123456789012345678901', '3__2_8192', '3_32_2', '3_32_2_8192_1', '33_32_2_8192', '3_32_02_8192', '3_15_1_8192', '3_32_0_8192', '0', '1', '2', '3', '1:2', '0:3_32_2_67108864'];
    const strings = fc
      .tuple(nearMisses(tokens), fc.constantFrom(16, 32, 12), fc.constantFrom('saltsalt', ''))
      .map(([token, bytes, salt]) => `${'ab'.repeat(bytes)}:${salt}:${token}`);
    fc.assert(
      fc.property(strings, (s) => {
        if (!magento2.recognize(s)) return;
        expect(outcome(() => magento2.parse(s, {}))).toEqual(outcome(() => before(s)));
      }),
      { numRuns: 5000 },
    );
  });

  it('phpass recognises and parses as before', () => {
    /** phpass parse before issue #8 (setting checks as parsePhpassSetting). */
    const before = (s: string) => {
      if (s.length !== 34 || !CRYPT64_RE.test(s.slice(3))) throw malformed('phpass', 'expected 34 characters of ./0-9A-Za-z');
      const setting = s.slice(0, 12);
      const code = setting.charCodeAt(3);
      const countLog2 = code < 128 ? './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'.indexOf(setting[3]!) : -1;
      if (countLog2 < 7 || countLog2 > 30) throw malformed('phpass', 'iteration count character out of range');
      return { setting, countLog2, expected: latin1(s.slice(12)) };
    };
    const valid = [phpass.example.hash, '$H$9abcdefgh01234567890123456789./', '$P$Babcdefghijklmnopqrstuvwxyz0123', '$P$/abcdefghijklmnopqrstuvwxyz0123', '$P$zabcdefghijklmnopqrstuvwxyz0123'];
    fc.assert(
      fc.property(nearMisses(valid), (s) => {
        expect(phpass.recognize(s)).toBe(/^\$[PH]\$/.test(s));
        expect(outcome(() => phpass.parse(s, {}))).toEqual(outcome(() => before(s)));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('LDAP values read in place', () => {
  /** ldap.ts hasPrefix (unchanged), for the definitions before issue #8 below. */
  function afterPrefix(s: string, name: string): string | null {
    if (s.length < name.length + 2 || s[0] !== '{' || s[name.length + 1] !== '}') return null;
    for (let i = 0; i < name.length; i++) {
      const c = s.charCodeAt(i + 1);
      const want = name.charCodeAt(i);
      if (c === want || (c >= 97 && c <= 122 && c - 32 === want)) continue;
      if (c >= 128 && s[i + 1]!.toUpperCase() === name[i]) continue;
      return null;
    }
    return s.slice(name.length + 2);
  }
  const BYTES = { md5: 16, sha1: 20, sha256: 32, sha384: 48, sha512: 64 } as const;
  const digests: [string, string, keyof typeof BYTES, boolean][] = [
    ['ldap-md5', 'MD5', 'md5', false],
    ['ldap-sha1', 'SHA', 'sha1', false],
    ['ldap-sha256', 'SHA256', 'sha256', false],
    ['ldap-sha384', 'SHA384', 'sha384', false],
    ['ldap-sha512', 'SHA512', 'sha512', false],
    ['ldap-salted-md5', 'SMD5', 'md5', true],
    ['ldap-salted-sha1', 'SSHA', 'sha1', true],
    ['ldap-salted-sha256', 'SSHA256', 'sha256', true],
    ['ldap-salted-sha384', 'SSHA384', 'sha384', true],
    ['ldap-salted-sha512', 'SSHA512', 'sha512', true],
  ];
  const ldapStrings = examples((x) => x.family === 'ldap' || x.id === 'joomla-sha256').concat([
    '{SHA}' + 'ab'.repeat(20),
    '{sha}' + 'AB'.repeat(20),
    '{MD5}' + 'ab'.repeat(16),
    '{ſsha}uJ6qx+YUFzQbcQtyd2gpTQ5qJ3s=',
    '{SSHA}',
    '{SHA256}' + 'ab'.repeat(32) + ':salt',
    '{pbkdf2-sha1}1000$c2FsdA$2FWw/oC7TQkskizC.81lWlmFAMM',
  ]);

  it('digest schemes recognise and parse as before', () => {
    const byId = new Map(allSchemes().map((x) => [x.id, x]));
    fc.assert(
      fc.property(nearMisses(ldapStrings), (s) => {
        for (const [id, name, alg, salted] of digests) {
          const n = BYTES[alg];
          const v = afterPrefix(s, name);
          const isHex = v !== null && !salted && v.length === 2 * n && /^[0-9a-fA-F]*$/.test(v);
          const before = v !== null && !isHex && !(id === 'ldap-sha256' && joomlaSha256.recognize(s));
          const sch = byId.get(id)!;
          expect(sch.recognize(s), `${id} ${JSON.stringify(s)}`).toBe(before);
          if (!before) continue;
          const parseBefore = () => {
            const bytes = fromBase64(v!);
            if (!bytes) throw malformed(id, 'value is not base64');
            if (salted ? bytes.length <= n : bytes.length !== n) throw malformed(id, salted ? `expected ${n} digest bytes and a salt` : `expected ${n} digest bytes`);
            return { alg, salt: bytes.slice(n), expected: bytes.slice(0, n) };
          };
          expect(outcome(() => sch.parse(s, {}))).toEqual(outcome(parseBefore));
        }
        for (const [id, name, n] of [['ldap-hex-md5', 'MD5', 16], ['ldap-hex-sha1', 'SHA', 20]] as const) {
          const v = afterPrefix(s, name);
          expect(byId.get(id)!.recognize(s)).toBe(v !== null && v.length === 2 * n && /^[0-9a-fA-F]*$/.test(v));
        }
        for (const [id, names] of [['ldap-pbkdf2-sha1', ['PBKDF2', 'PBKDF2-SHA1']], ['ldap-pbkdf2-sha256', ['PBKDF2-SHA256']], ['ldap-pbkdf2-sha512', ['PBKDF2-SHA512']]] as const) {
          expect(byId.get(id)!.recognize(s)).toBe(names.some((nm) => afterPrefix(s, nm) !== null));
        }
      }),
      { numRuns: 4000 },
    );
  });

  it('fromBase64(s, start) and fromBase64NoPad(s, start, end) decode the slice', () => {
    const valid = ['{SSHA}FLzWcQqyle6Mo7NvrwXCMAmRzXQxNjYxMT==', 'QUJD', '$c2FsdA$', 'x==', ''];
    fc.assert(
      fc.property(nearMisses(valid), fc.nat(8), fc.nat(8), (s, a, b) => {
        const start = Math.min(a, s.length);
        const end = Math.max(start, s.length - b);
        expect(fromBase64(s, start)).toEqual(fromBase64(s.slice(start)));
        expect(fromBase64NoPad(s, start, end)).toEqual(fromBase64NoPad(s.slice(start, end)));
      }),
      { numRuns: 4000 },
    );
  });
});

describe('argon2 PHC strings without the regex', () => {
  const NUM = '(0|[1-9][0-9]{0,9})';
  const PHC = new RegExp(`^\\$(argon2id|argon2i|argon2d)\\$(?:v=(16|19)\\$)?m=${NUM},t=${NUM},p=${NUM}\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)$`);
  /** parseArgon2Phc before issue #8. */
  function before(scheme: string, s: string) {
    const m = PHC.exec(s);
    if (!m) throw malformed(scheme, 'not a valid argon2 PHC string');
    const salt = fromBase64NoPad(m[6]!);
    const hash = fromBase64NoPad(m[7]!);
    if (!salt || !hash) throw malformed(scheme, 'invalid base64 in salt or hash');
    const params = { type: m[1], version: m[2] === '19' ? 19 : 16, memoryKiB: Number(m[3]), passes: Number(m[4]), parallelism: Number(m[5]), salt, outputLength: hash.length };
    checkArgon2Params(scheme, params as Parameters<typeof checkArgon2Params>[1]);
    return { params, expected: hash };
  }

  it('accepts and rejects exactly what the regex did, with the same result or error', () => {
    const valid = [
      '$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc',
      '$argon2i$v=16$m=4096,t=3,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc',
      '$argon2d$m=8,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc',
      '$argon2id$v=18$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXP',
      '$argon2id$v=19$m=0,t=0,p=0$c29tZXNhbHQ$CTFhFdXP',
      '$argon2id$v=19$m=01,t=2,p=1$c29tZXNhbHQ$CTFhFdXP',
      '$argon2id$v=19$m=12345678901,t=2,p=1$c29tZXNhbHQ$CTFhFdXP',
      '$argon2id$v=19$m=4294967295,t=1,p=1$c29tZXNhbHQ$CTFhFdXP',
      '$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$',
      '$argon2id$v=19$m=65536,t=2,p=1$$CTFhFdXP',
      '$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ=$CTFhFdXP',
      '$argon2$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXP',
      '$__proto__$m=8,t=1,p=1$c29tZXNhbHQ$CTFhFdXP',
    ];
    for (const s of valid) expect(outcome(() => parseArgon2Phc('x', s)), s).toEqual(outcome(() => before('x', s)));
    fc.assert(
      fc.property(nearMisses(valid), (s) => {
        expect(outcome(() => parseArgon2Phc('x', s))).toEqual(outcome(() => before('x', s)));
      }),
      { numRuns: 8000 },
    );
  });
});

describe('scrypt N check without Math.log2 for 31-bit integers', () => {
  it('checkScrypt refuses and accepts the same N as before', () => {
    const isPowerOfTwoBefore = (n: number) => n > 0 && Number.isInteger(Math.log2(n)) && 2 ** Math.log2(n) === n;
    const before = (N: number) => {
      if (N < 2 || !isPowerOfTwoBefore(N)) throw malformed('x', 'N must be a power of two > 1');
    };
    const N = fc.oneof(
      fc.integer({ min: -4, max: 2 ** 40 }),
      fc.nat(64).map((k) => 2 ** k),
      fc.nat(64).map((k) => 2 ** k + 1),
      fc.nat(64).map((k) => 2 ** k - 1),
      fc.double({ noNaN: false }),
      fc.constantFrom(0x7fffffff, 0x80000000, 0x80000001, 2 ** 53, 0.5, 2.5, Infinity, NaN),
    );
    fc.assert(
      fc.property(N, (n) => {
        expect(outcome(() => checkScrypt('x', n, 8, 1))).toEqual(outcome(() => before(n)));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('Django alg$salt$hex without regexes', () => {
  it('django-sha1 and django-md5 recognise and parse as before', () => {
    const cases = [
      [djangoSha1, 'sha1', 40],
      [djangoMd5, 'md5', 32],
    ] as const;
    const valid = [djangoSha1.example.hash, djangoMd5.example.hash, 'sha1$$' + 'ab'.repeat(20), 'md5$$' + 'AB'.repeat(16), 'md5$s$a', 'sha1$s$', 'sha1$a$b$c', 'md5$é$' + 'ab'.repeat(16)];
    fc.assert(
      fc.property(nearMisses(valid), (s) => {
        for (const [scheme, alg, hex] of cases) {
          const claim = new RegExp(`^${alg}\\$[^$]*\\$[0-9a-fA-F]+$`);
          const shape = new RegExp(`^${alg}\\$([^$]*)\\$([0-9a-fA-F]{${hex}})$`);
          expect(scheme.recognize(s)).toBe(claim.test(s));
          if (!claim.test(s)) continue;
          const before = () => {
            const m = shape.exec(s);
            if (!m) throw malformed(scheme.id, `expected ${alg}$<salt>$<${hex} hex>`);
            return { salt: m[1]!, expected: fromHex(m[2]!)! };
          };
          expect(outcome(() => scheme.parse(s, {}))).toEqual(outcome(before));
        }
      }),
      { numRuns: 5000 },
    );
  });
});
