/**
 * The fast sha-crypt paths (src/core/sha2-wasm.ts: the round loop in WebAssembly with unrolled
 * SHA-256/SHA-512, midstates for the message blocks before C, memory grown for long passwords;
 * and the JavaScript fallback under `node --jitless`) agree with independent references:
 * PHP's crypt() for `$5$`/`$6$` (random non-UTF-8 passwords of 0..300 bytes and 4096 bytes,
 * salts of 0..16 characters, rounds 1000..20000 and the default 5000), and node:crypto for the
 * Drupal-style SHA-512 chain when its message outgrows the module's first memory page.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Crypt, sha512Crypt } from '../src/algorithms/sha-crypt.js';
import { loadSha2Wasm, patternRoundsJs } from '../src/core/sha2-wasm.js';
import { SHA256_WASM_BASE64 } from '../src/core/sha256-wasm.generated.js';
import { SHA512_WASM_BASE64 } from '../src/core/sha512-wasm.generated.js';
import { sha512Chain } from '../src/core/sha512.js';
import { shutdownPool, verify } from '../src/index.js';
import { hasPhp } from './helpers/refs.js';
import { wrongPassword } from './helpers/vectors.js';

afterAll(() => shutdownPool());

const SEED = 20261123;
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const SALT_CHARS = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

interface Case {
  ident: '5' | '6';
  /** crypt(3) takes a C string: no NUL bytes (any other byte, UTF-8 or not). */
  pw: Uint8Array;
  salt: string;
  /** undefined: no `rounds=` field (5000). */
  rounds: number | undefined;
}

const noNul = (b: Uint8Array) => b.map((x) => (x === 0 ? 0xff : x));
const caseArb: fc.Arbitrary<Case> = fc.record({
  ident: fc.constantFrom('5' as const, '6' as const),
  pw: fc.oneof(
    fc.uint8Array({ minLength: 0, maxLength: 40 }),
    fc.uint8Array({ minLength: 41, maxLength: 300 }),
    fc.string({ unit: 'grapheme', maxLength: 30 }).map((s) => new TextEncoder().encode(s)),
  ).map(noNul),
  salt: fc.string({ unit: fc.constantFrom(...SALT_CHARS), minLength: 0, maxLength: 16 }),
  rounds: fc.oneof(fc.constant(undefined), fc.constant(5000), fc.integer({ min: 1000, max: 20000 })),
});

const bytesOf = (n: number, seed: number) => noNul(Uint8Array.from({ length: n }, (_, i) => (i * 151 + seed * 17 + 0x80) & 255));
/** Edge cases every run: empty, 1 byte, block and padding boundaries, the 4096-byte cap, both ends of the salt and rounds ranges. */
const EDGES: Case[] = [];
for (const ident of ['5', '6'] as const) {
  EDGES.push({ ident, pw: new Uint8Array(0), salt: '', rounds: undefined });
  EDGES.push({ ident, pw: bytesOf(1, 1), salt: 'a', rounds: 1000 });
  for (const n of [23, 24, 31, 32, 55, 56, 63, 64, 111, 112, 127, 128, 129]) EDGES.push({ ident, pw: bytesOf(n, n), salt: 'saltsaltsaltsalt', rounds: 1000 });
  EDGES.push({ ident, pw: bytesOf(4096, 7), salt: 'saltsaltsaltsalt', rounds: undefined });
  EDGES.push({ ident, pw: bytesOf(4096, 9), salt: '', rounds: 1000 });
  EDGES.push({ ident, pw: new TextEncoder().encode('correct horse battery staple'), salt: 'benchsaltbenchsa', rounds: 20000 });
}
const CASES: Case[] = [...EDGES, ...fc.sample(caseArb, { seed: SEED, numRuns: 80 })];

const setting = (c: Case) => `$${c.ident}$${c.rounds === undefined ? '' : `rounds=${c.rounds}$`}${c.salt}$`;

/** PHP's crypt() for every case, in one process. */
function phpCrypt(cases: Case[]): string[] {
  const code = `$in = json_decode(stream_get_contents(STDIN), true); $out = [];
    foreach ($in as [$pw, $s]) $out[] = crypt(hex2bin($pw), $s);
    echo json_encode($out);`;
  const r = spawnSync('php', ['-r', code], { input: JSON.stringify(cases.map((c) => [hex(c.pw), setting(c)])), encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`php failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as string[];
}

const scheme = (c: Case) => (c.ident === '5' ? sha256Crypt : sha512Crypt);

describe.skipIf(!hasPhp())('sha256-crypt / sha512-crypt against PHP crypt()', () => {
  let expected: string[] = [];
  beforeAll(() => {
    expected = phpCrypt(CASES);
  }, 120_000);

  it('PHP produced a hash for every case', () => {
    expect(expected).toHaveLength(CASES.length);
    for (const [i, h] of expected.entries()) expect(h.startsWith(setting(CASES[i]!)), h).toBe(true);
  });

  it('derive() gives PHP’s digest (WebAssembly round loop)', () => {
    CASES.forEach((c, i) => {
      const parsed = scheme(c).parse(expected[i]!, {});
      const got = Buffer.from(scheme(c).derive(c.pw, parsed, {}) as Uint8Array).toString('latin1');
      expect(got, `${setting(c)} pw=${hex(c.pw).slice(0, 80)} (${c.pw.length} bytes)`).toBe(Buffer.from(parsed.expected).toString('latin1'));
    });
  }, 120_000);

  it('a long password (memory grown) does not disturb the next short ones', () => {
    const order = [...CASES.keys()].sort((a, b) => (a * 7919) % CASES.length - (b * 7919) % CASES.length);
    for (const i of order) {
      const c = CASES[i]!;
      const parsed = scheme(c).parse(expected[i]!, {});
      expect(hex(scheme(c).derive(c.pw, parsed, {}) as Uint8Array), setting(c)).toBe(hex(parsed.expected));
    }
  }, 120_000);

  it('verify() (worker pool) accepts PHP’s hashes and rejects a wrong password', async () => {
    for (const i of [0, 1, 4, EDGES.length - 3, EDGES.length, EDGES.length + 1, EDGES.length + 2]) {
      const c = CASES[i]!;
      expect(await verify(c.pw, expected[i]!), expected[i]).toBe(true);
      expect(await verify(wrongPassword(c.pw), expected[i]!), expected[i]).toBe(false);
    }
  }, 120_000);

  it('the JavaScript fallback (node --jitless, no WebAssembly) gives PHP’s digests', () => {
    // The interpreter is slow: short and 129/300-byte passwords, 1000..5000 rounds.
    const picked = CASES.map((c, i) => ({ c, i })).filter(({ c }) => c.pw.length <= 300 && (c.rounds ?? 5000) <= 5000).slice(0, 24);
    const script = `
      import { readFileSync } from 'node:fs';
      const { sha256Crypt, sha512Crypt } = await import(${JSON.stringify(new URL('../src/algorithms/sha-crypt.ts', import.meta.url).href)});
      const bad = [];
      if (typeof WebAssembly !== 'undefined') bad.push('WebAssembly present');
      const input = JSON.parse(readFileSync(0, 'utf8'));
      for (const [ident, pwHex, stored] of input) {
        const s = ident === '5' ? sha256Crypt : sha512Crypt;
        const p = s.parse(stored);
        if (Buffer.from(s.derive(Buffer.from(pwHex, 'hex'), p, {})).toString('hex') !== Buffer.from(p.expected).toString('hex')) bad.push(stored);
      }
      console.log(JSON.stringify(bad));`;
    const input = JSON.stringify(picked.map(({ c, i }) => [c.ident, hex(c.pw), expected[i]]));
    const out = execFileSync(process.execPath, ['--jitless', '--import', 'tsx', '--input-type=module', '-e', script], {
      input,
      encoding: 'utf8',
    });
    expect(picked.length).toBeGreaterThan(15);
    expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual([]);
  }, 300_000);
});

describe('sha512Chain (Drupal 7 $S$ loop) beyond the first WebAssembly memory page', () => {
  it('matches a node:crypto loop for messages of 64 KiB and more, and short ones after', () => {
    for (const n of [65_000, 70_000, 3, 200]) {
      const pw = bytesOf(n, n);
      let h = createHash('sha512').update('Bench.01').update(pw).digest();
      for (let i = 0; i < 3; i++) h = createHash('sha512').update(h).update(pw).digest();
      expect(hex(sha512Chain(new TextEncoder().encode('Bench.01'), pw, 3)), `len ${n}`).toBe(h.toString('hex'));
    }
  });
});

/**
 * The round loop itself (Sha2Wasm.patternRounds and the JavaScript patternRoundsJs) against
 * node:crypto: random messages where h sits anywhere (unaligned, after whole blocks that become
 * a midstate, before blocks whose schedule is precomputed), two layouts alternating, and the
 * WebAssembly memory holds nothing password-derived afterwards.
 */
describe('sha-crypt round loop (src/core/sha2-wasm.ts) against node:crypto', () => {
  const ALGS = [
    { alg: 'sha256', d: 32, bs: 64, lf: 8, base64: SHA256_WASM_BASE64, word: 4 as const },
    { alg: 'sha512', d: 64, bs: 128, lf: 16, base64: SHA512_WASM_BASE64, word: 8 as const },
  ];
  /** A message of `len` bytes (h's bytes at `at` left zero), padded as the digest pads it. */
  function padded(content: Uint8Array, bs: number, lf: number): Uint8Array {
    const total = Math.floor((content.length + lf + bs) / bs) * bs;
    const m = new Uint8Array(total);
    m.set(content);
    m[content.length] = 0x80;
    new DataView(m.buffer).setUint32(total - 4, content.length * 8);
    return m;
  }
  const layout = fc.record({ len: fc.integer({ min: 0, max: 700 }), atFrac: fc.double({ min: 0, max: 1, noNaN: true }), seed: fc.integer() });

  for (const { alg, d, bs, lf, base64, word } of ALGS) {
    it(`${alg}: WebAssembly and JavaScript loops give node:crypto's result, memory wiped`, () => {
      const core = loadSha2Wasm(base64, word)!;
      expect(core).not.toBeNull();
      fc.assert(
        fc.property(layout, layout, fc.integer({ min: 1, max: 90 }), fc.uint8Array({ minLength: d, maxLength: d }), (l0, l1, count, h0) => {
          const layouts = [l0, l1].map(({ len, atFrac, seed }) => {
            const content = Uint8Array.from({ length: d + len }, (_, i) => (i * 31 + seed) & 255);
            const at = Math.floor(atFrac * len);
            content.fill(0, at, at + d);
            return { content, at, msg: padded(content, bs, lf) };
          });
          const msgs = new Uint8Array(layouts[0]!.msg.length + layouts[1]!.msg.length);
          msgs.set(layouts[0]!.msg);
          msgs.set(layouts[1]!.msg, layouts[0]!.msg.length);
          const table = new Int32Array(126);
          for (let k = 0; k < 42; k++) {
            const which = k % 3 === 0 ? 1 : 0;
            table.set([which ? layouts[0]!.msg.length : 0, layouts[which]!.msg.length / bs, layouts[which]!.at], 3 * k);
          }
          let want: Uint8Array = Uint8Array.from(h0);
          for (let i = 0; i < count; i++) {
            const { content, at } = layouts[i % 42 % 3 === 0 ? 1 : 0]!;
            content.set(want, at);
            want = createHash(alg).update(content).digest();
          }
          const viaWasm = Uint8Array.from(h0);
          expect(core.patternRounds(viaWasm, Uint8Array.from(msgs), table, count)).toBe(true);
          expect(hex(viaWasm)).toBe(hex(want));
          // Everything from H to the end of the messages and schedules is zero again.
          const used = new Uint8Array(core.MSG + msgs.length * 8 - core.H);
          core.readWords(core.H, used.length, used, 0);
          expect(used.every((x) => x === 0)).toBe(true);
          const viaJs = Uint8Array.from(h0);
          const iv = new Int32Array(d / 4);
          core.readWords(core.IV, d, new Uint8Array(iv.buffer), 0);
          const ivWords = Int32Array.from(iv, (_, i) => new DataView(iv.buffer).getInt32(4 * i, false));
          patternRoundsJs(viaJs, Uint8Array.from(msgs), table, count, ivWords, bs, (s, m, o) => core.compressBytes(s, m, o));
          expect(hex(viaJs)).toBe(hex(want));
        }),
        { seed: SEED, numRuns: 60 },
      );
    });
  }
});
