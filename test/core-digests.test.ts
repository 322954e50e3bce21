/**
 * The allocation-free digest cores (src/core/md5.ts, sha1.ts, sha256.ts, sha512.ts) agree with
 * node:crypto (OpenSSL) bit for bit: random lengths 0..300, every padding boundary, split
 * updates, context reuse, and the phpass-style chains against a plain node:crypto loop.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Md5, md5, md5Chain, md5Parts } from '../src/core/md5.js';
import { Sha1, sha1, sha1Parts } from '../src/core/sha1.js';
import { Sha256, sha256, sha256Parts } from '../src/core/sha256.js';
import { Sha512, sha512, sha512Chain, sha512Parts } from '../src/core/sha512.js';
import { phpassLoop } from '../src/algorithms/phpass.js';
import { digestParts } from '../src/core/digest.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const ref = (alg: string, ...parts: Uint8Array[]) => {
  const h = createHash(alg);
  for (const p of parts) h.update(p);
  return h.digest('hex');
};

interface Core {
  alg: string;
  oneShot: (d: Uint8Array, start?: number, end?: number) => Uint8Array;
  parts: (p: readonly Uint8Array[]) => Uint8Array;
  ctx: () => { update(d: Uint8Array, s?: number, e?: number): unknown; digestInto(o: Uint8Array, off?: number): void; digest(): Uint8Array };
  block: number;
  size: number;
}

const CORES: Core[] = [
  { alg: 'md5', oneShot: md5, parts: md5Parts, ctx: () => new Md5(), block: 64, size: 16 },
  { alg: 'sha1', oneShot: sha1, parts: sha1Parts, ctx: () => new Sha1(), block: 64, size: 20 },
  { alg: 'sha256', oneShot: sha256, parts: sha256Parts, ctx: () => new Sha256(), block: 64, size: 32 },
  { alg: 'sha512', oneShot: sha512, parts: sha512Parts, ctx: () => new Sha512(), block: 128, size: 64 },
];

/** Lengths around every padding boundary up to three blocks. */
function boundaries(block: number): number[] {
  const pad = block === 64 ? 8 : 16;
  const out = new Set<number>();
  for (let k = 0; k <= 3; k++) {
    for (const base of [k * block, k * block + block - pad]) {
      for (let d = -2; d <= 2; d++) if (base + d >= 0) out.add(base + d);
    }
  }
  return [...out].sort((a, b) => a - b);
}

const bytes = (max: number) => fc.uint8Array({ minLength: 0, maxLength: max });

for (const c of CORES) {
  describe(c.alg, () => {
    it('matches node:crypto at every padding boundary (55/56/63/64/119/120/... )', () => {
      for (const n of boundaries(c.block)) {
        const d = Uint8Array.from({ length: n }, (_, i) => (i * 131 + n) & 0xff);
        expect(hex(c.oneShot(d)), `length ${n}`).toBe(ref(c.alg, d));
      }
    });

    it('matches node:crypto on random inputs of length 0..300', () => {
      fc.assert(fc.property(bytes(300), (d) => hex(c.oneShot(d)) === ref(c.alg, d)), { numRuns: 500 });
    });

    it('matches on random splits into several updates, and a reused context stays correct', () => {
      const ctx = c.ctx();
      fc.assert(
        fc.property(fc.array(bytes(150), { maxLength: 6 }), (parts) => {
          for (const p of parts) ctx.update(p);
          const viaCtx = hex(ctx.digest());
          const viaParts = hex(c.parts(parts));
          const expected = ref(c.alg, ...parts);
          return viaCtx === expected && viaParts === expected;
        }),
        { numRuns: 300 },
      );
    });

    it('honours start/end and digestInto offsets', () => {
      fc.assert(
        fc.property(bytes(300), fc.nat(300), fc.nat(300), fc.nat(8), (d, a, b, off) => {
          const start = Math.min(a, d.length);
          const end = Math.max(start, Math.min(b, d.length));
          const out = new Uint8Array(off + c.size + 3).fill(0xee);
          const ctx = c.ctx();
          ctx.update(d, start, end);
          ctx.digestInto(out, off);
          return (
            hex(c.oneShot(d, start, end)) === ref(c.alg, d.subarray(start, end)) &&
            hex(out.subarray(off, off + c.size)) === ref(c.alg, d.subarray(start, end)) &&
            out[off + c.size] === 0xee &&
            (off === 0 || out[off - 1] === 0xee)
          );
        }),
        { numRuns: 200 },
      );
    });
  });
}

/** h = H(first . pw); count times h = H(h . pw), through node:crypto. */
function refChain(alg: string, first: Uint8Array, pw: Uint8Array, count: number): string {
  let h = createHash(alg).update(first).update(pw).digest();
  for (let i = 0; i < count; i++) h = createHash(alg).update(h).update(pw).digest();
  return h.toString('hex');
}

describe('chains (phpass crypt_private loops)', () => {
  // md5: one block while 16 + pw <= 55; sha512: while 64 + pw <= 111. Cover both sides.
  const lengths = [0, 1, 7, 38, 39, 40, 41, 46, 47, 48, 49, 55, 56, 63, 64, 100, 119, 120, 200, 300];

  it('md5Chain and sha512Chain match node:crypto loops at one- and multi-block lengths', () => {
    for (const n of lengths) {
      const pw = Uint8Array.from({ length: n }, (_, i) => (i * 7 + 200) & 0xff);
      const salt = new TextEncoder().encode('AbCd./12');
      for (const count of [0, 1, 2, 33]) {
        expect(hex(md5Chain(salt, pw, count)), `md5 len ${n} count ${count}`).toBe(refChain('md5', salt, pw, count));
        expect(hex(sha512Chain(salt, pw, count)), `sha512 len ${n} count ${count}`).toBe(refChain('sha512', salt, pw, count));
      }
    }
  });

  it('phpassLoop matches node:crypto for random passwords and salts', () => {
    fc.assert(
      fc.property(bytes(130), bytes(12), fc.constantFrom('md5', 'sha512', 'sha1', 'sha256') as fc.Arbitrary<'md5'>, (pw, salt, alg) => {
        return hex(phpassLoop(alg, pw, salt, 3)) === refChain(alg, salt, pw, 8);
      }),
      { numRuns: 150 },
    );
  });

  it('the one-shot functions keep working after a chain (shared context is reset)', () => {
    const pw = new TextEncoder().encode('password');
    md5Chain(pw, pw, 5);
    sha512Chain(pw, pw, 5);
    expect(hex(md5(pw))).toBe(ref('md5', pw));
    expect(hex(sha512(pw))).toBe(ref('sha512', pw));
  });
});

describe('sha512 JavaScript fallback (no WebAssembly: node --jitless)', () => {
  it('matches node:crypto, one-shot and chained', async () => {
    const { execFileSync } = await import('node:child_process');
    const script = `
      import { createHash } from 'node:crypto';
      const { sha512, sha512Chain } = await import(${JSON.stringify(new URL('../src/core/sha512.ts', import.meta.url).href)});
      const bad = [];
      if (typeof WebAssembly !== 'undefined') bad.push('WebAssembly present');
      for (const n of [0, 1, 63, 111, 112, 127, 128, 129, 239, 240, 300]) {
        const d = Uint8Array.from({ length: n }, (_, i) => (i * 13 + n) & 255);
        if (Buffer.from(sha512(d)).toString('hex') !== createHash('sha512').update(d).digest('hex')) bad.push('len ' + n);
        let h = createHash('sha512').update(d.subarray(0, 8)).update(d).digest();
        for (let i = 0; i < 3; i++) h = createHash('sha512').update(h).update(d).digest();
        if (Buffer.from(sha512Chain(d.subarray(0, 8), d, 3)).toString('hex') !== h.toString('hex')) bad.push('chain ' + n);
      }
      console.log(JSON.stringify(bad));`;
    const out = execFileSync(process.execPath, ['--jitless', '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual([]);
  });
});

describe('short digests (WebAssembly, up to two blocks: src/core/wasm.ts)', () => {
  const algs = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'] as const;
  const big = (alg: string) => (alg === 'sha384' || alg === 'sha512' ? 128 : 64);

  it('digestParts matches node:crypto for every length up to past the two-block limit, split into parts', () => {
    for (const alg of algs) {
      const limit = 2 * big(alg) - 1 - (big(alg) === 128 ? 16 : 8); // 119 or 239: the last two-block length
      for (let n = 0; n <= limit + 3; n++) {
        const d = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
        const cut1 = n >> 1;
        const cut2 = (3 * n) >> 2;
        const parts = [d.subarray(0, cut1), d.subarray(cut1, cut2), new Uint8Array(0), d.subarray(cut2)];
        expect(hex(digestParts(alg, parts)), `${alg} length ${n}`).toBe(ref(alg, d));
      }
    }
  });

  it('is right while another context is mid-message (the shared block memory is not assumed empty)', () => {
    const pw = new TextEncoder().encode('password');
    const long = Uint8Array.from({ length: 300 }, (_, i) => (i * 11) & 0xff);
    for (const [alg, make] of [
      ['sha256', () => new Sha256()],
      ['sha512', () => new Sha512()],
    ] as const) {
      const ctx = make();
      ctx.update(long.subarray(0, 150)); // compresses whole blocks through the module, keeps a partial one
      expect(hex(digestParts(alg, [pw])), alg).toBe(ref(alg, pw));
      ctx.update(long.subarray(150));
      expect(hex(ctx.digest()), `${alg} context`).toBe(ref(alg, long));
    }
  });
});
