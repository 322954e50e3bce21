/**
 * Scheme.check, the whole verification in one call of the chain module (issue #8): it answers
 * exactly as the general path (recognize, parse, derive, the engine's compare) or not at all,
 * on the reference vectors and on every way a stored string or an input can be off; it answers
 * (does not just fall back) for the strings it was built for; and it leaves no trace of the
 * password in the module's memory.
 */
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chainMemoryForTests, decodedForTests, digestProgram, stageBase64, stagePassword, stageString, stageText, unstage } from '../src/core/chain.js';
import { fromBase64, toBase64 } from '../src/core/encoding.js';
import { comparisonCount } from '../src/core/compare.js';
import { matches, schemeInputs } from '../src/engine.js';
import { defineFormulaScheme } from '../src/formula/scheme.js';
import { registerScheme, verify } from '../src/index.js';
import { allSchemes, getScheme } from '../src/registry.js';
import type { Scheme, SchemeInputs, VerifyOptions } from '../src/types.js';
import { loadVectorFiles, optionsOf, passwordOf, wrongPassword, type Vector } from './helpers/vectors.js';

const MAX = 4096;
const checked = allSchemes().filter((s) => s.check !== undefined);

/** The general path's answer: true/false, or 'error' where it throws (malformed, missing input, too long). */
function general(scheme: Scheme, password: Uint8Array, stored: string, inputs: SchemeInputs, maxBytes = MAX): boolean | 'error' {
  try {
    if (password.length > maxBytes || !scheme.recognize(stored)) return 'error';
    const missing = (scheme.needs ?? []).some((n) => inputs[n] === undefined);
    if (missing) return 'error';
    const parsed = scheme.parse(stored, inputs);
    const d = scheme.derive(password, parsed, inputs);
    if (d instanceof Promise) throw new Error('async derive in a checked scheme');
    return matches(d, parsed.expected);
  } catch (e) {
    if (e instanceof Error && e.message.startsWith('async')) throw e;
    return 'error';
  }
}

/** check() agrees with the general path, or declines. */
function agrees(scheme: Scheme, password: string | Uint8Array, stored: string, inputs: SchemeInputs, maxBytes = MAX): boolean | undefined {
  const bytes = typeof password === 'string' ? new TextEncoder().encode(password) : password;
  const fast = scheme.check!(password, stored, inputs, maxBytes);
  const slow = general(scheme, bytes, stored, inputs, maxBytes);
  if (fast !== undefined) expect(fast, `${scheme.id} ${JSON.stringify(stored)}`).toBe(slow);
  return fast;
}

function inputsOf(options: VerifyOptions | undefined): SchemeInputs {
  return schemeInputs(options);
}

const vectors: Vector[] = loadVectorFiles().flatMap((f) => f.vectors);

it('the fast path exists for the cheap digest schemes', () => {
  const ids = checked.map((s) => s.id);
  for (const id of ['md5', 'sha512', 'ldap-salted-sha256', 'ldap-hex-md5', 'joomla-sha256', 'mybb', 'ipb', 'smf', 'nopcommerce-sha384', 'django-sha1', 'magento1', 'postgres-md5', 'mysql41', 'werkzeug-hmac', 'opencart', 'opencart-md5', 'aspnet-membership', 'xenforo1']) {
    expect(ids).toContain(id);
  }
});

describe('every checked scheme, on its reference vectors', () => {
  for (const scheme of checked) {
    const own = vectors.filter((v) => v.scheme === scheme.id);
    it(`${scheme.id}: answers each vector as the reference does (${own.length} vectors + the example)`, () => {
      const cases = [...own.map((v) => ({ pw: passwordOf(v), hash: v.hash, options: optionsOf(v), match: v.match }))];
      const ex = scheme.example;
      cases.push({ pw: new TextEncoder().encode(ex.password), hash: ex.hash, options: (ex.options ?? {}) as VerifyOptions, match: true });
      expect(cases.length).toBeGreaterThan(0);
      for (const c of cases) {
        const inputs = inputsOf(c.options);
        const ascii = /^[\x00-\x7f]*$/.test(c.hash);
        const fast = agrees(scheme, c.pw, c.hash, inputs);
        // The strings it was built for get an answer, not a fall-back (a non-ASCII stored string may decline).
        if (c.match && ascii) expect(fast, `${scheme.id} ${c.hash}`).toBe(true);
        // The same as a string password when the bytes are UTF-8.
        const text = new TextDecoder('utf-8', { fatal: false }).decode(c.pw);
        if (new TextEncoder().encode(text).every((b, i) => b === c.pw[i]) && new TextEncoder().encode(text).length === c.pw.length) {
          agrees(scheme, text, c.hash, inputs);
        }
        if (c.match) {
          expect(agrees(scheme, wrongPassword(c.pw), c.hash, inputs)).not.toBe(true);
          // Stored-string damage: each gets the general path's answer or a decline.
          for (const bad of damaged(c.hash)) agrees(scheme, c.pw, bad, inputs);
          // Password over the cap: declines (the engine's general path reports it).
          if (c.pw.length > 0) expect(scheme.check!(c.pw, c.hash, inputs, c.pw.length - 1)).toBeUndefined();
          // Inputs missing: declines or agrees.
          agrees(scheme, c.pw, c.hash, inputsOf(undefined));
        }
      }
    });
  }
});

/** Ways a stored string can be off: case, a changed, dropped or added character, a cut. */
function damaged(h: string): string[] {
  const out = new Set<string>([h.toUpperCase(), h.toLowerCase(), `${h}0`, `${h}=`, h.slice(0, -1), h.slice(1), ` ${h}`, `${h}\u00e9`]);
  for (const i of [0, Math.floor(h.length / 2), h.length - 1]) {
    for (const c of ['0', 'f', 'F', 'g', '=', ':', '$', '\u00e9', '\u0000']) out.add(h.slice(0, i) + c + h.slice(i + 1));
  }
  return [...out].filter((s) => s !== h);
}

describe('random passwords, salts and stored strings (property)', () => {
  const pw = fc.oneof(fc.string({ maxLength: 80, unit: 'binary' }), fc.uint8Array({ maxLength: 300 }));
  it('each checked scheme: check agrees with the general path on its example with random inputs', () => {
    for (const scheme of checked) {
      const ex = scheme.example;
      fc.assert(
        fc.property(pw, fc.option(fc.string({ maxLength: 40, unit: 'binary' })), fc.option(fc.string({ maxLength: 20 })), (p, salt, username) => {
          const options = { ...(ex.options ?? {}) } as VerifyOptions;
          if (salt !== null) options.salt = salt;
          if (username !== null) options.username = username;
          agrees(scheme, p, ex.hash, inputsOf(options));
        }),
        { numRuns: 40 },
      );
    }
  });

  it('each checked scheme: mutated stored strings (characters inserted, dropped or replaced anywhere) get the general path’s answer or a decline, never an exception', () => {
    const unit = fc.constantFrom(...'0aA:$";{}s9=/+. \u00e9'.split(''));
    const edit = fc.tuple(fc.nat(), fc.nat(2), unit);
    for (const scheme of checked) {
      const ex = scheme.example;
      const inputs = inputsOf((ex.options ?? {}) as VerifyOptions);
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
          let h = ex.hash;
          for (const [at, kind, c] of edits) {
            const i = at % (h.length + 1);
            h = kind === 0 ? h.slice(0, i) + c + h.slice(i) : kind === 1 ? h.slice(0, i) + h.slice(i + 1) : h.slice(0, i) + c + h.slice(i + 1);
          }
          agrees(scheme, ex.password, h, inputs);
        }),
        { numRuns: 60 },
      );
    }
  });

  it('a formula scheme made at run time: stored salts of any ASCII text, hex of either case', () => {
    const s = defineFormulaScheme({
      id: 'test-check-formula',
      title: 'test',
      formula: "sha1(salt . '|' . md5(password) . pepper)",
      layout: ['$T${salt}${hash}', '{hash}:{salt}'],
      uses: ['pepper'],
      example: { password: 'x', hash: '$T$a$0000000000000000000000000000000000000000' },
    });
    const salt = fc.string({ maxLength: 30 }).filter((x) => !x.includes('$') && !x.includes(':') && /^[\x20-\x7e]*$/.test(x));
    fc.assert(
      fc.property(pw, salt, fc.option(fc.uint8Array({ maxLength: 20 })), fc.boolean(), fc.boolean(), (p, sa, pepper, upper, second) => {
        const bytes = typeof p === 'string' ? new TextEncoder().encode(p) : p;
        const inputs = inputsOf(pepper === null ? undefined : { pepper });
        // The stored string is made by the general path's own derive: this property is about
        // the two paths agreeing (the reference vectors above are about being right).
        const parsed = s.parse(`$T$${sa}$${'0'.repeat(40)}`, inputs);
        const d = s.derive(bytes, parsed, inputs) as Uint8Array;
        let hex = Buffer.from(d).toString('hex');
        if (upper) hex = hex.toUpperCase();
        const stored = (h: string) => (second ? `${h}:${sa}` : `$T$${sa}$${h}`);
        expect(s.check!(p, stored(hex), inputs, MAX)).toBe(true);
        expect(agrees(s, p, stored(`${hex.slice(0, -1)}${hex.endsWith('0') ? '1' : '0'}`), inputs)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe('XenForo 1 blobs', () => {
  it('either order of entries, with or without hashFunc, any ASCII salt: the general path’s answer, and an answer for the layout XenForo writes', () => {
    const xf = getScheme('xenforo1');
    const H = (alg: string, data: string | Uint8Array) => createHash(alg).update(data).digest('hex');
    const entry = (k: string, v: string) => `s:${k.length}:"${k}";s:${Buffer.byteLength(v)}:"${v}";`;
    const salt = fc.string({ maxLength: 70, unit: fc.constantFrom('a', '0', '"', ';', ':', '}', '{', ' ', 's', 'é') });
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 30 }), salt, fc.constantFrom('sha1', 'sha256'), fc.boolean(), fc.boolean(), fc.boolean(), (pw, sa, alg, withFunc, saltFirst, wrong) => {
        // XenForo_Authentication_Core: hash(hash(pw) . salt), both as the platform's hex text.
        const hash = H(alg, H(alg, Buffer.from(wrong ? `${pw}x` : pw)) + sa);
        const parts = [entry('hash', hash), entry('salt', sa)];
        if (saltFirst) parts.reverse();
        if (withFunc) parts.push(entry('hashFunc', alg));
        const blob = `a:${parts.length}:{${parts.join('')}}`;
        const fast = agrees(xf, pw, blob, inputsOf(undefined));
        const canonical = !saltFirst && /^[\x00-\x7f]*$/.test(sa);
        if (canonical) expect(fast, blob).toBe(!wrong);
      }),
      { numRuns: 400 },
    );
  });
});

describe('a salt pattern (vBulletin 5 tokens)', () => {
  it('the salt’s span is tested against the pattern: salts it admits get answers, others the general path', () => {
    const s = defineFormulaScheme({
      id: 'test-check-salt-pattern',
      title: 'test',
      formula: 'md5(md5(password) . salt)',
      layout: ['{hash} {salt}', '{salt}:{hash}'],
      saltPattern: '[!-~]{2,8}',
      example: { password: 'x', hash: `${'0'.repeat(32)} ab` },
    });
    const salt = fc.string({ maxLength: 10, unit: fc.constantFrom('a', ' ', ':', '~', '!', '\t', 'é') });
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), salt, fc.boolean(), fc.boolean(), (pw, sa, second, wrong) => {
        // md5(md5(pw) . salt) by node:crypto: the formula as the scheme states it.
        const inner = createHash('md5').update(Buffer.from(pw)).digest('hex');
        const hex = createHash('md5').update(Buffer.from(inner + sa)).digest('hex');
        const h = wrong ? `${hex.slice(0, -1)}${hex.endsWith('0') ? '1' : '0'}` : hex;
        const stored = second ? `${sa}:${h}` : `${h} ${sa}`;
        const fast = agrees(s, pw, stored, inputsOf(undefined));
        if (/^[!-~]{2,8}$/.test(sa)) expect(fast, stored).toBe(!wrong);
        else expect(fast, stored).toBeUndefined();
      }),
      { numRuns: 400 },
    );
  });
});

describe('cleanings that leave an input as it is', () => {
  it('lower/upper of the username, html_escape of the password: node:crypto’s answer for inputs with and without characters they change', () => {
    const s = defineFormulaScheme({
      id: 'test-check-kept-inputs',
      title: 'test',
      formula: 'sha1(upper(username) . md5(html_escape(password)) . lower(username))',
      example: { password: 'x', hash: '0'.repeat(40), options: { username: 'u' } },
    });
    const unit = fc.constantFrom('a', 'Z', 'm', 'Q', '0', '_', 'é', 'Ä', '&', '<', '"', "'", '\u{1F600}');
    fc.assert(
      fc.property(fc.string({ maxLength: 12, unit }), fc.string({ maxLength: 12, unit }), fc.boolean(), (pw, user, wrong) => {
        // PHP's strtoupper/strtolower (ASCII letters only) and htmlspecialchars ENT_COMPAT, restated.
        const up = user.replace(/[a-z]/g, (c) => c.toUpperCase());
        const low = user.replace(/[A-Z]/g, (c) => c.toLowerCase());
        const escaped = pw.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
        const md5 = createHash('md5').update(Buffer.from(escaped)).digest('hex');
        const hex = createHash('sha1').update(Buffer.from(up + md5 + low)).digest('hex');
        const stored = wrong ? `${hex.slice(0, -1)}${hex.endsWith('0') ? '1' : '0'}` : hex;
        expect(agrees(s, pw, stored, inputsOf({ username: user }))).toBe(!wrong);
      }),
      { numRuns: 400 },
    );
  });
});

describe('OpenCart readings', () => {
  it('a password any cleaning changes, or none does: the answer of the general path, for a hash of each reading', () => {
    const oc = getScheme('opencart');
    const md5 = getScheme('opencart-md5');
    const pw = fc.string({ maxLength: 12, unit: fc.constantFrom('a', 'Z', '0', ' ', '\t', '\n', '\0', '&', '"', '<', '>', "'", 'é', '\ud800') });
    fc.assert(
      fc.property(pw, fc.nat(2), fc.constantFrom('827500576', 'x&y'), (p, which, salt) => {
        const inputs = inputsOf({ salt });
        for (const scheme of [oc, md5]) {
          // Hashes made by the general path's derive: this property is about the two paths agreeing;
          // OpenCart's reference vectors (PHP) are checked above.
          const bytes = new TextEncoder().encode(p);
          const some = scheme.parse(scheme.example.hash, inputs);
          const readings = scheme.derive(bytes, some, inputs) as Uint8Array[];
          const stored = Buffer.from(readings[which]!).toString('hex');
          expect(agrees(scheme, p, stored, inputs)).toBe(true);
          expect(agrees(scheme, bytes, stored, inputs)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('verify() through the fast path', () => {
  it('answers for a forced scheme and counts its comparison', async () => {
    const s = getScheme('joomla-sha256');
    const before = comparisonCount();
    expect(await verify(s.example.password, s.example.hash, { scheme: s.id })).toBe(true);
    expect(await verify('wrong', s.example.hash, { scheme: s.id })).toBe(false);
    expect(comparisonCount() - before).toBe(2);
  });

  it('a string of a look-alike scheme gets the look-alike’s answer or a decline', () => {
    const joomla = getScheme('joomla-sha256').example.hash;
    const hex = `{SHA256}${'ab'.repeat(32)}`;
    for (const id of ['ldap-sha256', 'ldap-salted-sha256', 'ldap-hex-sha1', 'ldap-sha1']) {
      for (const s of [joomla, hex, `{SHA}${'ab'.repeat(20)}`, `{SSHA256}${'A'.repeat(43)}=`, '{SHA256}']) {
        agrees(getScheme(id), 'Pässword1!', s, inputsOf(undefined));
      }
    }
  });

  it('a registered scheme’s check that answers anything but a boolean is ignored (general path)', async () => {
    const base = defineFormulaScheme({ id: 'test-check-bogus-base', title: 't', formula: 'md5(password)', example: { password: 'x', hash: 'x' } });
    const bogus = { ...base, id: 'test-check-bogus', check: () => 'yes' as unknown as boolean };
    registerScheme(bogus);
    const md5x = '9dd4e461268c8034f5c8564e155c67a6'; // PHP md5('x')
    expect(await verify('x', md5x, { scheme: 'test-check-bogus' })).toBe(true);
    expect(await verify('y', md5x, { scheme: 'test-check-bogus' })).toBe(false);
    expect(() => registerScheme({ ...base, id: 'test-check-bogus-2', check: 42 as never })).toThrow(/check must be a function/);
  });

  it('errors stay the general path’s: malformed, missing input, too long', async () => {
    await expect(verify('x', '{SHA256}zz', { scheme: 'joomla-sha256' })).rejects.toMatchObject({ code: 'ERR_MALFORMED_HASH' });
    await expect(verify('x', 'c18e826af2a78c7b9b7261452613233417e65817', { scheme: 'redmine' })).rejects.toMatchObject({ code: 'ERR_MISSING_INPUT' });
    await expect(verify('x'.repeat(20), getScheme('md5').example.hash, { scheme: 'md5', limits: { maxPasswordBytes: 10 } })).rejects.toMatchObject({
      code: 'ERR_LIMIT_EXCEEDED',
    });
    await expect(verify(42 as never, getScheme('md5').example.hash, { scheme: 'md5' })).rejects.toMatchObject({ code: 'ERR_INVALID_ARGUMENT' });
  });
});

describe('the module’s memory after checks', () => {
  const secret = 'S3cret-Pässword-\u{1F600}-marker';
  const marker = new TextEncoder().encode(secret);
  const holds = (mem: Uint8Array, needle: Uint8Array): boolean => {
    outer: for (let i = 0; i + needle.length <= mem.length; i++) {
      for (let j = 0; j < needle.length; j++) if (mem[i + j] !== needle[j]) continue outer;
      return true;
    }
    return false;
  };

  it('holds no copy of the password after a match, a mismatch, a decline or an abandoned staging', () => {
    const ipb = getScheme('ipb'); // a computed input: the escaped password
    const joomla = getScheme('joomla-sha256');
    joomla.check!(secret, joomla.example.hash, inputsOf(undefined), MAX);
    ipb.check!(secret, ipb.example.hash, inputsOf(ipb.example.options as VerifyOptions), MAX);
    getScheme('ldap-salted-sha256').check!(secret, '{SSHA256}L5Wk0zPY2lmoR5pH20zngq37KkxFwgTquEhx95rxfVk3Ng==', inputsOf(undefined), MAX);
    getScheme('sha1').check!(secret, 'zz'.repeat(20), inputsOf(undefined), MAX); // not hex: -1 from the module
    getScheme('redmine').check!(secret, 'c18e826af2a78c7b9b7261452613233417e65817', inputsOf(undefined), MAX); // missing salt
    expect(stageText('abc')).toBe(true);
    expect(stagePassword(secret, MAX)).toBe(true);
    expect(holds(chainMemoryForTests(), marker)).toBe(true); // the search can fail
    unstage();
    expect(holds(chainMemoryForTests(), marker)).toBe(false);
    expect(stagePassword(secret, 3)).toBe(false); // over the cap: wiped before returning
    expect(holds(chainMemoryForTests(), marker.subarray(0, 3))).toBe(false);
  });
});

describe('staging strings', () => {
  it('stageString writes what utf8() would (ASCII by a loop, anything else encoded), lone surrogates included', () => {
    const p = digestProgram('md5', [0, 1])!;
    const strings = fc.oneof(fc.string({ maxLength: 40, unit: 'binary' }), fc.string({ maxLength: 40 }), fc.constantFrom('\ud800', 'a\udc00b', 'ä', ''));
    fc.assert(
      fc.property(strings, strings, (pw, salt) => {
        const want = createHash('md5').update(Buffer.concat([Buffer.from(pw, 'utf8'), Buffer.from(salt, 'utf8')])).digest('hex');
        expect(stageText(want)).toBe(true);
        expect(stagePassword(pw, MAX)).toBe(true);
        expect(stageString(1, salt)).toBe(true);
        expect(p.check('hex', 0, 32)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('staging passwords', () => {
  it('stagePassword writes the UTF-8 Buffer writes: one- to three-byte characters by its loop, surrogates (pairs and lone) by encodeInto', () => {
    const p = digestProgram('md5', [0])!;
    const unit = fc.constantFrom('a', '~', '\x7f', '\x80', 'é', '\u07ff', '\u0800', '€', '\ud7ff', '\ue000', '\uffff', '\u{1F600}', '\ud800', '\udfff');
    const strings = fc.oneof(fc.string({ maxLength: 30, unit }), fc.string({ maxLength: 30, unit: 'binary' }));
    fc.assert(
      fc.property(strings, (pw) => {
        const want = createHash('md5').update(Buffer.from(pw, 'utf8')).digest('hex');
        expect(stageText(want)).toBe(true);
        expect(stagePassword(pw, MAX)).toBe(true);
        expect(p.check('hex', 0, 32), JSON.stringify(pw)).toBe(true);
        // The cap counts UTF-8 bytes.
        const bytes = Buffer.byteLength(pw, 'utf8');
        if (bytes > 0) expect(stagePassword(pw, bytes - 1)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the module’s base64 decoder (LDAP values)', () => {
  it('decodes canonical padded base64 exactly as fromBase64, and declines what it does not', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 200 }), (b) => {
        const text = toBase64(b);
        expect(stageText(text)).toBe(true);
        const n = stageBase64(0, text.length);
        expect(n).toBe(b.length);
        const decoded = decodedForTests(n);
        expect(Buffer.from(decoded).toString('hex')).toBe(Buffer.from(b).toString('hex'));
      }),
    );
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40, unit: fc.constantFrom(...'AQgw+/=Zz09.-'.split('')) }), (text) => {
        expect(stageText(text)).toBe(true);
        const n = stageBase64(0, text.length);
        if (n >= 0) {
          const ref = fromBase64(text);
          expect(ref).not.toBeNull();
          expect(Buffer.from(decodedForTests(n)).toString('hex')).toBe(Buffer.from(ref!).toString('hex'));
        } else {
          // Declined: not canonical padded base64 (fromBase64 may still take an unpadded one).
          expect(text.length % 4 !== 0 || fromBase64(text) === null).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('the module’s check compares without an early exit', () => {
  it('its compare loop has one branch (the byte count) and no return', () => {
    const wat = readFileSync(new URL('../src/wasm/chain.wat', import.meta.url), 'utf8');
    const start = wat.indexOf('(func (export "check")');
    const body = wat.slice(start, wat.indexOf('\n  ;;', start + 1));
    const loop = body.slice(body.indexOf('(loop $bytes'), body.indexOf('(call $wipe'));
    expect(loop.length).toBeGreaterThan(100);
    expect(loop.match(/br_if/g)).toEqual(['br_if']);
    expect(loop).toMatch(/\(br_if \$bytes \(i32\.lt_u \(local\.get \$k\) \(local\.get \$len\)\)\)/);
    expect(body).not.toMatch(/\breturn\b/);
    expect(loop).toMatch(/local\.set \$diff \(i32\.or \(local\.get \$diff\)/);
  });

  it('a result differing in the first or the last byte is a mismatch (the loop covers every byte)', () => {
    const p = digestProgram('md5', [0])!;
    // md5('') = d41d8cd98f00b204e9800998ecf8427e
    for (const [text, want] of [
      ['d41d8cd98f00b204e9800998ecf8427e', true],
      ['D41D8CD98F00B204E9800998ECF8427E', true],
      ['e41d8cd98f00b204e9800998ecf8427e', false],
      ['d41d8cd98f00b204e9800998ecf8427f', false],
      ['d41d8cd98f00b204e9800998ecf8427', undefined],
      ['d41d8cd98f00b204e9800998ecf8427g', undefined],
    ] as const) {
      expect(stageText(text)).toBe(true);
      expect(stagePassword('', MAX)).toBe(true);
      expect(p.check('hex', 0, text.length), text).toBe(want);
    }
  });
});
