/**
 * The chain machine (src/core/chain.ts, src/wasm/chain.wat; issue #8): whole chains of short
 * digests and HMACs in one WebAssembly call. Checked against node:crypto (OpenSSL), an
 * independent implementation: at every padding boundary, in every output mode, as random
 * programs, and as random formulas (src/formula/compile.ts runs their `compared` on it).
 */
import { execFileSync } from 'node:child_process';
import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chainMemoryForTests, compileChain, MAX_CHAIN_INPUT_BYTES, type ChainMode, type ChainRef, type ChainStep } from '../src/core/chain.js';
import type { DigestName } from '../src/core/digest.js';
import { compileFormula, type FormulaEnv } from '../src/formula/compile.js';
import { parseFormula, type Node } from '../src/formula/parse.js';

const ALGS: DigestName[] = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'];
const te = new TextEncoder();

/** What a step's result is, computed with node:crypto. */
function reference(steps: readonly ChainStep[], inputs: readonly Uint8Array[]): Buffer {
  const results: Buffer[] = [];
  const value = (r: ChainRef): Uint8Array => ('input' in r ? inputs[r.input]! : 'literal' in r ? r.literal : results[r.step]!);
  const encode = (d: Buffer, mode: ChainMode): Buffer =>
    mode === 'raw' ? d : Buffer.from(mode === 'hex' ? d.toString('hex') : d.toString('hex').toUpperCase());
  for (const s of steps) {
    const h = s.op === 'digest' ? createHash(s.alg) : createHmac(s.alg, value(s.key));
    for (const p of s.parts) h.update(value(p));
    results.push(encode(h.digest(), s.mode));
  }
  return results[results.length - 1]!;
}

function bytes(n: number, seed: number): Uint8Array {
  return Uint8Array.from({ length: n }, (_, i) => (i * 131 + seed * 7 + 11) & 0xff);
}

describe('chain machine against node:crypto', () => {
  // Around every padding boundary: 55/56 and 64 (64-byte blocks), 111/112 and 128 (SHA-384/512),
  // and multi-block messages.
  const LENGTHS = [0, 1, 3, 55, 56, 57, 63, 64, 65, 111, 112, 113, 119, 120, 127, 128, 129, 200, 1000, 5000];

  for (const alg of ALGS) {
    it(`${alg}: one digest of every boundary length, raw, hex and HEX`, () => {
      const programs = (['raw', 'hex', 'HEX'] as const).map((mode) => compileChain([{ op: 'digest', alg, mode, parts: [{ input: 0 }] }]));
      const steps = (mode: ChainMode): ChainStep[] => [{ op: 'digest', alg, mode, parts: [{ input: 0 }] }];
      for (const n of LENGTHS) {
        const input = bytes(n, n);
        (['raw', 'hex', 'HEX'] as const).forEach((mode, i) => {
          expect(Buffer.from(programs[i]!.run([input])!).toString('hex'), `${alg} ${mode} ${n}`).toBe(reference(steps(mode), [input]).toString('hex'));
        });
      }
    });

    it(`${alg}: HMAC with keys shorter than, as long as and longer than a block`, () => {
      const steps: ChainStep[] = [{ op: 'hmac', alg, mode: 'raw', key: { input: 0 }, parts: [{ input: 1 }, { literal: te.encode('|') }] }];
      const program = compileChain(steps)!;
      for (const k of [0, 1, 20, 63, 64, 65, 127, 128, 129, 300]) {
        for (const n of [0, 8, 64, 130]) {
          const inputs = [bytes(k, 1), bytes(n, 2)];
          expect(Buffer.from(program.run(inputs)!).toString('hex'), `${alg} key ${k} data ${n}`).toBe(reference(steps, inputs).toString('hex'));
        }
      }
    });
  }

  it('a chain of several steps: hex digests fed to the next, literals, repeated reads', () => {
    const steps: ChainStep[] = [
      { op: 'digest', alg: 'md5', mode: 'hex', parts: [{ input: 1 }] },
      { op: 'digest', alg: 'md5', mode: 'hex', parts: [{ input: 0 }] },
      { op: 'digest', alg: 'md5', mode: 'raw', parts: [{ step: 0 }, { step: 1 }] }, // MyBB
      { op: 'hmac', alg: 'sha256', mode: 'HEX', key: { step: 2 }, parts: [{ literal: te.encode('k') }, { input: 0 }, { step: 0 }] },
      { op: 'digest', alg: 'sha512', mode: 'raw', parts: [{ step: 3 }, { input: 1 }, { step: 3 }] },
    ];
    const program = compileChain(steps)!;
    for (const [pw, salt] of [
      ['hashcat', 'salt'],
      ['', ''],
      ['Pässword1!', 'x'.repeat(200)],
    ] as const) {
      const inputs = [te.encode(pw), te.encode(salt)];
      expect(Buffer.from(program.run(inputs)!).toString('hex')).toBe(reference(steps, inputs).toString('hex'));
    }
  });

  it('random programs give what node:crypto gives', () => {
    const ref = (before: number): fc.Arbitrary<ChainRef> =>
      fc.oneof(
        fc.integer({ min: 0, max: 2 }).map((input) => ({ input })),
        fc.uint8Array({ maxLength: 20 }).map((literal) => ({ literal })),
        ...(before > 0 ? [fc.integer({ min: 0, max: before - 1 }).map((step) => ({ step }))] : []),
      );
    const step = (before: number): fc.Arbitrary<ChainStep> =>
      fc.record({
        hmac: fc.boolean(),
        alg: fc.constantFrom(...ALGS),
        mode: fc.constantFrom<ChainMode>('raw', 'hex', 'HEX'),
        key: ref(before),
        parts: fc.array(ref(before), { minLength: 1, maxLength: 4 }),
      }).map(({ hmac, alg, mode, key, parts }): ChainStep => (hmac ? { op: 'hmac', alg, mode, key, parts } : { op: 'digest', alg, mode, parts }));
    const program = fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => step(i))));
    const inputs = fc.tuple(fc.uint8Array({ maxLength: 150 }), fc.uint8Array({ maxLength: 40 }), fc.uint8Array({ maxLength: 200 }));
    // Each case compiles its program once (literals take heap room); 150 fit with room to spare.
    fc.assert(
      fc.property(program, inputs, (steps, values) => {
        const compiled = compileChain(steps)!;
        expect(compiled).not.toBeNull();
        expect(Buffer.from(compiled.run(values)!).toString('hex')).toBe(reference(steps, values).toString('hex'));
      }),
      { numRuns: 150 },
    );
  });

  it('leaves no input, intermediate or result in its memory', () => {
    const secret = te.encode('correct horse battery staple');
    const program = compileChain([
      { op: 'digest', alg: 'sha1', mode: 'hex', parts: [{ input: 0 }] },
      { op: 'hmac', alg: 'sha512', mode: 'raw', key: { input: 0 }, parts: [{ step: 0 }] },
    ])!;
    const result = program.run([secret])!;
    const memory = Buffer.from(chainMemoryForTests());
    expect(memory.indexOf(Buffer.from(secret))).toBe(-1);
    expect(memory.indexOf(Buffer.from(result))).toBe(-1);
    expect(memory.indexOf(Buffer.from(createHash('sha1').update(secret).digest('hex')))).toBe(-1);
    // Inner digest of the HMAC (raw): not left behind either.
    const inner = createHash('sha512')
      .update(Buffer.concat([Buffer.from(secret).map((b) => b ^ 0x36), Buffer.alloc(128 - secret.length, 0x36)]))
      .update(createHash('sha1').update(secret).digest('hex'))
      .digest();
    expect(memory.indexOf(inner)).toBe(-1);
  });

  it('grows its memory for long inputs, and declines inputs over its cap (the caller falls back)', () => {
    const steps: ChainStep[] = [{ op: 'digest', alg: 'sha256', mode: 'raw', parts: [{ input: 0 }, { input: 1 }] }];
    const program = compileChain(steps)!;
    const long = [bytes(MAX_CHAIN_INPUT_BYTES - 10, 3), bytes(10, 4)];
    expect(Buffer.from(program.run(long)!).toString('hex')).toBe(reference(steps, long).toString('hex'));
    expect(program.run([bytes(MAX_CHAIN_INPUT_BYTES, 3), bytes(1, 4)])).toBeNull();
    // Still right for short inputs after the growth.
    const short = [te.encode('a'), te.encode('b')];
    expect(Buffer.from(program.run(short)!).toString('hex')).toBe(reference(steps, short).toString('hex'));
  });

  it('refuses malformed programs', () => {
    expect(compileChain([])).toBeNull();
    expect(compileChain([{ op: 'digest', alg: 'md5', mode: 'raw', parts: [] }])).toBeNull();
    expect(compileChain([{ op: 'digest', alg: 'md5', mode: 'raw', parts: [{ input: 8 }] }])).toBeNull();
    expect(compileChain([{ op: 'digest', alg: 'md5', mode: 'raw', parts: [{ step: 0 }] }])).toBeNull(); // reads itself
    const many = Array.from({ length: 17 }, (): ChainStep => ({ op: 'digest', alg: 'md5', mode: 'raw', parts: [{ input: 0 }] }));
    expect(compileChain(many)).toBeNull();
    expect(compileChain(many.slice(0, 16))).not.toBeNull();
  });
});

describe('formulas on the chain machine', () => {
  /** A test-side evaluator of a formula tree with node:crypto (the subset generated below). */
  function evaluate(n: Node, env: FormulaEnv): Buffer {
    switch (n.k) {
      case 'input':
        return Buffer.from(env[n.name]);
      case 'lit':
        return Buffer.from(n.bytes);
      case 'concat':
        return Buffer.concat(n.parts.map((p) => evaluate(p, env)));
      case 'call': {
        const args = n.args.map((a) => evaluate(a, env));
        if (n.fn === 'upper') return Buffer.from(args[0]!.map((c) => (c >= 0x61 && c <= 0x7a ? c - 32 : c)));
        if (n.fn === 'lower') return Buffer.from(args[0]!.map((c) => (c >= 0x41 && c <= 0x5a ? c + 32 : c)));
        if (n.fn === 'hex') return Buffer.from(args[0]!.toString('hex'));
        if (n.fn === 'base64') return Buffer.from(args[0]!.toString('base64'));
        const m = /^(hmac_)?(\w+?)(_raw)?$/.exec(n.fn)!;
        const d = m[1] ? createHmac(m[2]!, args[0]!).update(args[1]!).digest() : createHash(m[2]!).update(args[0]!).digest();
        return m[3] ? d : Buffer.from(d.toString('hex'));
      }
      default:
        throw new Error(`not generated: ${n.k}`);
    }
  }

  const digest = (inner: fc.Arbitrary<string>): fc.Arbitrary<string> =>
    fc.oneof(
      fc.tuple(fc.constantFrom(...ALGS), fc.constantFrom('', '_raw'), inner).map(([a, raw, x]) => `${a}${raw}(${x})`),
      fc.tuple(fc.constantFrom(...ALGS), fc.constantFrom('', '_raw'), inner, inner).map(([a, raw, k, x]) => `hmac_${a}${raw}(${k}, ${x})`),
      fc.tuple(fc.constantFrom('upper', 'lower'), fc.constantFrom(...ALGS), inner).map(([f, a, x]) => `${f}(${a}(${x}))`),
      fc.tuple(fc.constantFrom(...ALGS), inner).map(([a, x]) => `hex(${a}_raw(${x}))`),
    );
  const leaf = fc.constantFrom('password', 'salt', 'pepper', 'username', "'lit'", '"\\x00\\xff"', 'lower(username)', 'upper(password . salt)');
  const expr: fc.Arbitrary<string> = fc.letrec<{ e: string; d: string }>((tie) => ({
    e: fc.array(fc.oneof({ weight: 3, arbitrary: leaf }, { weight: 2, arbitrary: tie('d') }), { minLength: 1, maxLength: 3 }).map((ts) => ts.join(' . ')),
    d: fc.oneof({ depthSize: 'small', withCrossShrink: true }, digest(tie('e'))),
  })).e;
  // The outermost value: a hex digest (compared raw) or base64 of a raw digest, over at least one more digest.
  const formula = fc.oneof(
    fc.tuple(fc.constantFrom(...ALGS), expr).map(([a, x]) => `${a}(${x} . md5(password))`),
    fc.tuple(fc.constantFrom(...ALGS), expr).map(([a, x]) => `upper(${a}(sha1(salt . password) . ${x}))`),
    fc.tuple(fc.constantFrom(...ALGS), expr).map(([a, x]) => `base64(${a}_raw(${x} . sha256_raw(password)))`),
    fc.tuple(fc.constantFrom(...ALGS), expr).map(([a, x]) => `hmac_${a}(salt . sha1(pepper), ${x})`),
  );
  const env = fc.record({
    password: fc.uint8Array({ maxLength: 80 }),
    salt: fc.uint8Array({ maxLength: 30 }),
    pepper: fc.uint8Array({ maxLength: 10 }),
    username: fc.string({ maxLength: 12 }).map((s) => te.encode(s)),
    rounds: fc.constant(0),
  });

  it('compared() equals a node:crypto evaluation of the formula', () => {
    let chained = 0;
    fc.assert(
      fc.property(formula, env, (source, e) => {
        const f = compileFormula(source);
        if (f.chained) chained++;
        const root = parseFormula(source);
        const target = f.encoding === 'base64' ? (root as { args: Node[] }).args[0]! : root;
        const unwrapped = target.k === 'call' && target.fn === 'upper' ? target.args[0]! : target;
        const rawTop = unwrapped.k === 'call' ? { ...unwrapped, fn: unwrapped.fn.endsWith('_raw') ? unwrapped.fn : `${unwrapped.fn}_raw` } : unwrapped;
        expect(Buffer.from(f.compared(e)).toString('hex'), source).toBe(evaluate(rawTop as Node, e).toString('hex'));
      }),
      { numRuns: 120 },
    );
    // The machine ran most of them (not an HMAC key with a digest inside): a test that only ever
    // took the closures would prove nothing here.
    expect(chained).toBeGreaterThan(70);
  });
});

describe('without WebAssembly (node --jitless)', () => {
  it('compiles no program, and the closures, HMAC, the chained schemes and verify() without checks still give node:crypto’s digests', () => {
    const src = (path: string) => JSON.stringify(new URL(path, import.meta.url).href);
    const script = `
      import { createHash, createHmac } from 'node:crypto';
      const { compileChain } = await import(${src('../src/core/chain.ts')});
      const { hmac } = await import(${src('../src/core/digest.ts')});
      const { compileFormula } = await import(${src('../src/formula/compile.ts')});
      const { mysql41 } = await import(${src('../src/algorithms/mysql.ts')});
      const { xenforo1 } = await import(${src('../src/algorithms/xenforo.ts')});
      const bad = [];
      if (typeof WebAssembly !== 'undefined') bad.push('WebAssembly present');
      if (compileChain([{ op: 'digest', alg: 'md5', mode: 'raw', parts: [{ input: 0 }] }]) !== null) bad.push('a program compiled');
      const key = Buffer.from('k'.repeat(130)), data = Buffer.from('data');
      if (Buffer.from(hmac('sha512', key, data)).toString('hex') !== createHmac('sha512', key).update(data).digest('hex')) bad.push('hmac');
      const f = compileFormula('md5(md5(password) . salt)');
      const env = { password: Buffer.from('hashcat'), salt: Buffer.from('s4lt'), pepper: new Uint8Array(0), username: new Uint8Array(0), rounds: 0 };
      const md5 = (x) => createHash('md5').update(x).digest();
      if (f.chained) bad.push('formula chained');
      if (Buffer.from(f.compared(env)).toString('hex') !== md5(Buffer.concat([Buffer.from(md5('hashcat').toString('hex')), Buffer.from('s4lt')])).toString('hex')) bad.push('formula');
      // The schemes with a whole-verification check decline it and verify on the general path.
      const { verify } = await import(${src('../src/index.ts')});
      const { getScheme } = await import(${src('../src/registry.ts')});
      for (const id of ['md5', 'ldap-salted-sha256', 'joomla-sha256', 'ipb']) {
        const sc = getScheme(id);
        const o = { ...(sc.example.options ?? {}), scheme: id };
        if (sc.check !== undefined && sc.check(sc.example.password, sc.example.hash, {}, 4096) !== undefined) bad.push(id + ' check answered');
        if ((await verify(sc.example.password, sc.example.hash, o)) !== true) bad.push(id + ' verify');
        if ((await verify('wrong', sc.example.hash, o)) !== false) bad.push(id + ' verify wrong');
      }
      for (const s of [mysql41, xenforo1]) {
        const p = s.parse(s.example.hash, {});
        const d = s.derive(Buffer.from(s.example.password), p, {});
        if (Buffer.from(d).toString('hex') !== Buffer.from(p.expected).toString('hex')) bad.push(s.id);
      }
      console.log(JSON.stringify(bad));`;
    const out = execFileSync(process.execPath, ['--jitless', '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual([]);
  }, 60_000);
});
