/**
 * The MD5 loops of src/core/md5.ts (WebAssembly, src/wasm/md5.wat; JavaScript without it)
 * against independent references, never against our own output:
 * - md5Chain (phpass): a plain node:crypto loop (OpenSSL);
 * - md5crypt `$1$`: PHP crypt(); apr1 `$apr1$`: passlib (PHP has no apr1);
 * - the JavaScript fallback, in `node --jitless` (no WebAssembly): the same references.
 * Passwords: empty, 1..200 bytes, every padding boundary, 4096 bytes, non-UTF-8 bytes, and
 * passwords large enough to grow the module's memory or to exceed what it grows to.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { md5Chain } from '../src/core/md5.js';
import { apr1, md5Crypt } from '../src/algorithms/md5-crypt.js';
import { hasPasslib, hasPhp } from './helpers/refs.js';

const SEED = 20261123;
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 131 + seed * 7 + 1) & 255);

/** phpass crypt_private as a plain node:crypto loop. */
function refChain(first: Uint8Array, pw: Uint8Array, count: number): string {
  let h = createHash('md5').update(first).update(pw).digest();
  for (let i = 0; i < count; i++) h = createHash('md5').update(h).update(pw).digest();
  return h.toString('hex');
}

/** Lengths around every block boundary of h . password (16 + n bytes; one block holds 55). */
const BOUNDARY_LENGTHS = [0, 1, 2, 23, 38, 39, 40, 47, 48, 55, 56, 63, 64, 65, 103, 104, 111, 112, 200, 4095, 4096];

describe('md5Chain (phpass) against node:crypto', () => {
  it('random passwords 0..200 bytes, salts, counts', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ maxLength: 16 }), fc.integer({ min: 0, max: 40 }), (pw, first, count) => {
        expect(hex(md5Chain(first, pw, count))).toBe(refChain(first, pw, count));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('every block boundary up to 4096 bytes', () => {
    for (const n of BOUNDARY_LENGTHS) {
      const pw = bytes(n, n);
      expect(hex(md5Chain(pw.subarray(0, 8), pw, 3)), `length ${n}`).toBe(refChain(pw.subarray(0, 8), pw, 3));
    }
  });

  it('a password that grows the module memory, one beyond its limit (JavaScript path), then a short one', () => {
    for (const n of [300_000, 1_100_000, 5, 4096]) {
      const pw = bytes(n, 3);
      expect(hex(md5Chain(pw.subarray(0, 8), pw, 2)), `length ${n}`).toBe(refChain(pw.subarray(0, 8), pw, 2));
    }
  });
});

/** Salts of 0..8 characters of the crypt64 alphabet. */
const CRYPT64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const salt = fc.string({ unit: fc.constantFrom(...CRYPT64), minLength: 0, maxLength: 8 });
/** Arbitrary bytes (legacy data is often not UTF-8) or UTF-8 text. */
const password = fc.oneof(
  fc.uint8Array({ minLength: 0, maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => new TextEncoder().encode(s)),
);

interface Case {
  pw: Uint8Array;
  salt: string;
}

/** Fixed cases: the boundaries, every salt length, 4096 and 20000 bytes (module memory grows). */
function fixedCases(noNul: boolean): Case[] {
  const out: Case[] = [];
  for (const n of [...BOUNDARY_LENGTHS, 20_000]) {
    for (let s = 0; s <= 8; s += n < 300 ? 1 : 4) {
      const pw = bytes(n, n + s).map((b) => (noNul && b === 0 ? 0x41 : b));
      out.push({ pw, salt: 'saltSALT'.slice(0, s) });
    }
  }
  out.push({ pw: Uint8Array.of(0xff, 0xfe, 0x80, 0xc3), salt: 'x' }); // not UTF-8
  return out;
}

function randomCases(noNul: boolean): Case[] {
  const pw = noNul ? password.map((b) => b.map((x) => (x === 0 ? 0x41 : x))) : password;
  return fc.sample(fc.record({ pw, salt }), { seed: SEED, numRuns: 150 });
}

/** PHP crypt('$1$salt$') for each case (PHP, like crypt(3), stops the password at a NUL). */
function phpMd5Crypt(cases: Case[]): string[] {
  const code = `$o = []; foreach (json_decode(stream_get_contents(STDIN), true) as [$p, $s]) $o[] = crypt((string)hex2bin($p), '$1$' . $s . '$'); echo json_encode($o);`;
  const input = JSON.stringify(cases.map((c) => [hex(c.pw), c.salt]));
  return JSON.parse(execFileSync('php', ['-r', code], { input, maxBuffer: 1 << 26 }).toString()) as string[];
}

/** passlib apr_md5_crypt for each case (passlib refuses NUL bytes: the cases have none). */
function passlibApr1(cases: Case[]): string[] {
  const code = `import sys, json
from passlib.hash import apr_md5_crypt
print(json.dumps([apr_md5_crypt.using(salt=s).hash(bytes.fromhex(p)) for p, s in json.load(sys.stdin)]))`;
  const input = JSON.stringify(cases.map((c) => [hex(c.pw), c.salt]));
  // passlib refuses passwords over 4096 bytes unless told otherwise.
  const env = { ...process.env, PASSLIB_MAX_PASSWORD_SIZE: String(1 << 20) };
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', code], { input, env, maxBuffer: 1 << 26 }).toString()) as string[];
}

/** Our derive() for a reference-made hash equals the digest the reference wrote. */
function expectDerives(scheme: typeof md5Crypt, cases: Case[], hashes: string[]): void {
  expect(hashes.length).toBe(cases.length);
  cases.forEach((c, i) => {
    const parsed = scheme.parse(hashes[i]!, {});
    const derived = scheme.derive(c.pw, parsed, {}) as Uint8Array;
    expect(Buffer.from(derived).toString('latin1'), `${hashes[i]} pw=${hex(c.pw).slice(0, 64)} (${c.pw.length} bytes)`).toBe(
      Buffer.from(parsed.expected as Uint8Array).toString('latin1'),
    );
  });
}

describe.skipIf(!hasPhp())('md5crypt $1$ against PHP crypt()', () => {
  it('fixed lengths and salts of 0..8 characters', () => {
    const cases = fixedCases(false);
    expectDerives(md5Crypt, cases, phpMd5Crypt(cases));
  });
  it('random passwords and salts', () => {
    const cases = randomCases(false);
    expectDerives(md5Crypt, cases, phpMd5Crypt(cases));
  });
  it('a 100 000-byte password: layouts beyond what the module grows to (JavaScript loop), then a short one', () => {
    const cases = [{ pw: bytes(100_000, 5).map((b) => (b === 0 ? 0x41 : b)), salt: 'big' }, { pw: bytes(9, 9), salt: 'small' }];
    expectDerives(md5Crypt, cases, phpMd5Crypt(cases));
  }, 60_000);
});

describe.skipIf(!hasPasslib())('apr1 $apr1$ against passlib', () => {
  it('fixed lengths and salts of 0..8 characters', () => {
    const cases = fixedCases(true);
    expectDerives(apr1, cases, passlibApr1(cases));
  });
  it('random passwords and salts', () => {
    const cases = randomCases(true);
    expectDerives(apr1, cases, passlibApr1(cases));
  });
});

describe('JavaScript fallback (node --jitless: no WebAssembly)', () => {
  // Fewer, shorter cases: everything is interpreted there (~50x slower).
  const lengths = [0, 1, 39, 40, 55, 56, 100, 200, 4096];
  const cases: Case[] = lengths.flatMap((n) => [0, 3, 8].map((s) => ({ pw: bytes(n, n + s).map((b) => (b === 0 ? 0x41 : b)), salt: 'saltSALT'.slice(0, s) })));

  it('gives the references’ results for md5Chain, md5crypt and apr1', () => {
    const src = (p: string) => JSON.stringify(new URL(`../src/${p}`, import.meta.url).href);
    // Prints, per case: the chain's hex digest and the 22-character $1$ and $apr1$ digests.
    const script = `
      const { md5Chain } = await import(${src('core/md5.ts')});
      const { md5Crypt, apr1 } = await import(${src('algorithms/md5-crypt.ts')});
      const cases = JSON.parse(process.argv[1]);
      const digest = (scheme, magic, pw, salt) =>
        Buffer.from(scheme.derive(pw, scheme.parse(magic + salt + '$' + '.'.repeat(22), {}), {})).toString('latin1');
      const out = { wasm: typeof WebAssembly !== 'undefined', chain: [], md5crypt: [], apr1: [] };
      for (const [p, s] of cases) {
        const pw = new Uint8Array(Buffer.from(p, 'hex'));
        out.chain.push(Buffer.from(md5Chain(pw.subarray(0, 8), pw, 3)).toString('hex'));
        out.md5crypt.push(digest(md5Crypt, '$1$', pw, s));
        out.apr1.push(digest(apr1, '$apr1$', pw, s));
      }
      console.log(JSON.stringify(out));`;
    const arg = JSON.stringify(cases.map((c) => [hex(c.pw), c.salt]));
    const stdout = execFileSync(process.execPath, ['--jitless', '--import', 'tsx', '--input-type=module', '-e', script, arg], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'], // --jitless warns on stderr that it disables WebAssembly
    });
    const out = JSON.parse(stdout.trim().split('\n').pop()!) as { wasm: boolean; chain: string[]; md5crypt: string[]; apr1: string[] };
    expect(out.wasm).toBe(false);
    cases.forEach((c, i) => expect(out.chain[i], `chain ${c.pw.length}`).toBe(refChain(c.pw.subarray(0, 8), c.pw, 3)));
    // md5crypt/apr1: the reference's digest where the reference is installed; otherwise the
    // WebAssembly path of this process (itself checked against the references above).
    const expected = (scheme: typeof md5Crypt, magic: string, hashes: string[] | null) =>
      cases.map((c, i) =>
        hashes ? hashes[i]!.slice(-22) : Buffer.from(scheme.derive(c.pw, scheme.parse(`${magic}${c.salt}$${'.'.repeat(22)}`, {}), {}) as Uint8Array).toString('latin1'),
      );
    expect(out.md5crypt).toEqual(expected(md5Crypt, '$1$', hasPhp() ? phpMd5Crypt(cases) : null));
    expect(out.apr1).toEqual(expected(apr1, '$apr1$', hasPasslib() ? passlibApr1(cases) : null));
  }, 120_000);
});
