/**
 * The one-shot digest path (BlockHash.digestParts: a message that fits one block is padded in
 * place and compressed once; longer ones take the buffered path) and SHA-224/SHA-384 on the
 * SHA-256/SHA-512 cores (issue #8) agree with node:crypto bit for bit: every length 0..200
 * (across the 55/56/64 and 111/112/128-byte padding boundaries), arbitrary bytes (not UTF-8),
 * any split into parts, interleaved with the buffered API on the same shared context, and the
 * same without WebAssembly (node --jitless).
 */
import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digestParts, hmac, type DigestName } from '../src/core/digest.js';
import { md5 } from '../src/core/md5.js';
import { sha512 } from '../src/core/sha512.js';

const ALGS: DigestName[] = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'];
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const ref = (alg: string, parts: readonly Uint8Array[]) => {
  const h = createHash(alg);
  for (const p of parts) h.update(p);
  return h.digest('hex');
};

/** Splits `d` at the given cut points (sorted, clamped) into parts, empty ones included. */
function split(d: Uint8Array, cuts: number[]): Uint8Array[] {
  const at = [...cuts.map((c) => c % (d.length + 1)), d.length].sort((a, b) => a - b);
  const parts: Uint8Array[] = [];
  let from = 0;
  for (const c of at) {
    parts.push(d.subarray(from, c));
    from = c;
  }
  return parts;
}

describe('one-shot digests (digestParts) against node:crypto', () => {
  it('every length 0..200, as one part and as two', () => {
    for (const alg of ALGS) {
      for (let n = 0; n <= 200; n++) {
        const d = Uint8Array.from({ length: n }, (_, i) => (i * 151 + n) & 255); // bytes >= 0x80: not UTF-8
        expect(hex(digestParts(alg, [d])), `${alg} ${n}`).toBe(ref(alg, [d]));
        const parts = [d.subarray(0, n >> 1), d.subarray(n >> 1)];
        expect(hex(digestParts(alg, parts)), `${alg} ${n} split`).toBe(ref(alg, parts));
      }
    }
  });

  it('arbitrary bytes in arbitrary parts', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ALGS),
        fc.uint8Array({ maxLength: 200 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        (alg, d, cuts) => {
          const parts = split(d, cuts);
          expect(hex(digestParts(alg, parts))).toBe(ref(alg, parts));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('leaves the shared contexts fresh: buffered calls before and after agree', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ maxLength: 200 }), (a, b) => {
        expect(hex(md5(a))).toBe(ref('md5', [a]));
        expect(hex(digestParts('md5', [b]))).toBe(ref('md5', [b]));
        expect(hex(md5(a))).toBe(ref('md5', [a]));
        expect(hex(sha512(b))).toBe(ref('sha512', [b]));
        expect(hex(digestParts('sha384', [a]))).toBe(ref('sha384', [a]));
        expect(hex(digestParts('sha512', [a, b]))).toBe(ref('sha512', [a, b]));
      }),
      { numRuns: 300 },
    );
  });

  it('HMAC with SHA-224/SHA-384 (now on the cores): keys and messages around the block sizes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<DigestName>('sha224', 'sha384'),
        fc.uint8Array({ maxLength: 200 }),
        fc.uint8Array({ maxLength: 200 }),
        (alg, key, msg) => {
          expect(hex(hmac(alg, key, msg))).toBe(createHmac(alg, key).update(msg).digest('hex'));
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('one-shot digests without WebAssembly (node --jitless)', () => {
  it('match node:crypto for every algorithm and length 0..200', async () => {
    const { execFileSync } = await import('node:child_process');
    const script = `
      import { createHash } from 'node:crypto';
      const { digestParts } = await import(${JSON.stringify(new URL('../src/core/digest.ts', import.meta.url).href)});
      const bad = [];
      if (typeof WebAssembly !== 'undefined') bad.push('WebAssembly present');
      for (const alg of ${JSON.stringify(ALGS)}) {
        for (let n = 0; n <= 200; n++) {
          const d = Uint8Array.from({ length: n }, (_, i) => (i * 151 + n) & 255);
          const parts = [d.subarray(0, n >> 2), d.subarray(n >> 2)];
          const want = createHash(alg).update(d).digest('hex');
          if (Buffer.from(digestParts(alg, parts)).toString('hex') !== want) bad.push(alg + ' ' + n);
        }
      }
      console.log(JSON.stringify(bad));`;
    const out = execFileSync(process.execPath, ['--jitless', '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual([]);
  });
});

describe('BlockHash.digestParts on a context that already hashed whole blocks', () => {
  it('continues the message (the one-block fast path is only for fresh contexts)', async () => {
    const { Md5 } = await import('../src/core/md5.js');
    const { Sha1 } = await import('../src/core/sha1.js');
    const { Sha256 } = await import('../src/core/sha256.js');
    const head = new Uint8Array(64).fill(0x61); // exactly one block: the buffer is empty after it
    const tail = new TextEncoder().encode('tail');
    for (const [alg, ctx] of [['md5', new Md5()], ['sha1', new Sha1()], ['sha256', new Sha256()]] as const) {
      ctx.update(head);
      const got = Buffer.from(ctx.digestParts([tail])).toString('hex');
      expect(got).toBe(createHash(alg).update(head).update(tail).digest('hex'));
    }
  });
});
