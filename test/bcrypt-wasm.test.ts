/**
 * The WebAssembly EksBlowfish schedule (src/wasm/bcrypt.wat): the committed bytes are exactly what
 * the .wat compiles to; every known-answer vector passes through it; and it agrees with
 * @node-rs/bcrypt (correct mode) and with the TypeScript schedule (every mode) on random inputs.
 * The variant vectors under both engines are in bcrypt-core.test.ts.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { hashSync } from '@node-rs/bcrypt';
import { bcryptRaw, type BcryptKeyMode } from '../src/algorithms/bcrypt-core.js';
import { wasmAvailable } from '../src/algorithms/bcrypt-wasm.js';
import { BCRYPT_WASM_BASE64 } from '../src/algorithms/bcrypt-wasm.generated.js';
import { decodeBcrypt64, encodeBcrypt64, fromHex, toHex } from '../src/core/encoding.js';

interface Vector {
  scheme: string;
  passwordHex: string;
  hash: string;
  match: boolean;
  note?: string;
}

interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: { new (bytes: Uint8Array): object; exports(module: object): { name: string; kind: string }[] };
}

const MODES: readonly BcryptKeyMode[] = ['correct', 'sign-extension-bug', 'safety', 'openbsd-2a', 'no-nul'];

/** crypt_blowfish (PHP), which wrote test/vectors/bcrypt.json: the mode of each ident. */
const PHP_MODE: Record<string, BcryptKeyMode> = {
  '2a': 'safety',
  '2b': 'correct',
  '2x': 'sign-extension-bug',
  '2y': 'correct',
};

const load = (name: string) =>
  (JSON.parse(readFileSync(new URL(`./vectors/${name}`, import.meta.url), 'utf8')) as { vectors: Vector[] }).vectors;
const core = load('bcrypt.json');
const variants = load('bcrypt-variants.json');

function parse(hash: string) {
  const m = /^\$(2[abxy]?)\$(\d\d)\$([./A-Za-z0-9]{22})([./A-Za-z0-9]{31})$/.exec(hash);
  if (!m) throw new Error(`not a bcrypt hash: ${hash}`);
  const salt = decodeBcrypt64(m[3]!, 16)!;
  return { ident: m[1]!, cost: Number(m[2]), salt, canonical: encodeBcrypt64(salt) === m[3], checksum: m[4]! };
}

describe('build: src/wasm/bcrypt.wat -> bcrypt-wasm.generated.ts', () => {
  it('is a valid module exporting its memory and bcrypt(cost, firstKeyXor)', () => {
    const bytes = new Uint8Array(Buffer.from(BCRYPT_WASM_BASE64, 'base64'));
    // (the project's TypeScript libs do not declare WebAssembly)
    const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
    expect(wasm.validate(bytes)).toBe(true);
    const exports = wasm.Module.exports(new wasm.Module(bytes));
    expect(exports).toEqual([
      { name: 'memory', kind: 'memory' },
      { name: 'bcrypt', kind: 'function' },
    ]);
  });

  it('runs here, and the default engine is wasm', () => {
    expect(wasmAvailable()).toBe(true);
    const salt = decodeBcrypt64('abcdefghijklmnopqrstuu', 16)!;
    const pw = new Uint8Array(Buffer.from('auto'));
    expect(toHex(bcryptRaw(pw, salt, 4, 'correct'))).toBe(toHex(bcryptRaw(pw, salt, 4, 'correct', 'wasm')));
  });
});

describe('wasm engine: test/vectors/bcrypt.json (PHP crypt_blowfish)', () => {
  for (const [i, v] of core.entries()) {
    const { ident, cost, salt, canonical, checksum } = parse(v.hash);
    if (!canonical) continue; // rejected before any computation (bcrypt.ts), nothing to run
    const mode = PHP_MODE[ident]!;
    it(`#${i} ${v.hash.slice(0, 7)} ${mode} ${v.match ? 'match' : 'non-match'}: ${(v.note ?? v.passwordHex).slice(0, 80)}`, () => {
      const ours = encodeBcrypt64(bcryptRaw(fromHex(v.passwordHex)!, salt, cost, mode, 'wasm'));
      if (v.match) expect(ours).toBe(checksum);
      else expect(ours).not.toBe(checksum);
    });
  }
});

describe('wasm engine = TypeScript engine for every mode on every vector password and salt', () => {
  it.each(MODES)('%s', (mode) => {
    for (const v of [...core, ...variants]) {
      const { cost, salt } = parse(v.hash);
      const pw = fromHex(v.passwordHex)!;
      const c = Math.min(cost, 5);
      expect(toHex(bcryptRaw(pw, salt, c, mode, 'wasm')), v.hash).toBe(toHex(bcryptRaw(pw, salt, c, mode, 'js')));
    }
  });
});

describe('wasm engine differential tests', () => {
  it("mode 'correct' equals @node-rs/bcrypt hashSync for random passwords and salts at cost 4", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 0, maxLength: 100, min: 1, max: 255 }),
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        (password, salt) => {
          const setting = `$2b$04$${encodeBcrypt64(salt)}`;
          const ours = setting + encodeBcrypt64(bcryptRaw(password, salt, 4, 'correct', 'wasm'));
          expect(ours).toBe(hashSync(password, { salt: setting }));
        },
      ),
      { numRuns: 200 },
    );
  });

  /** Bytes where the modes differ: many 0x80-0xff (often 0xff), some NULs, lengths past 255. */
  const byte = fc.oneof(
    { weight: 3, arbitrary: fc.constant(0xff) },
    { weight: 6, arbitrary: fc.integer({ min: 0x80, max: 0xfe }) },
    { weight: 4, arbitrary: fc.integer({ min: 1, max: 0x7f }) },
    { weight: 1, arbitrary: fc.constant(0) },
  );
  const password = fc.oneof(
    fc.uint8Array({ maxLength: 90 }),
    fc.array(byte, { maxLength: 90 }).map((a) => Uint8Array.from(a)),
    fc.array(fc.integer({ min: 1, max: 255 }), { minLength: 250, maxLength: 300 }).map((a) => Uint8Array.from(a)),
  );

  it('equals the TypeScript engine for random passwords, salts and every mode at cost 4', () => {
    fc.assert(
      fc.property(password, fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.constantFrom(...MODES), (pw, salt, mode) => {
        expect(toHex(bcryptRaw(pw, salt, 4, mode, 'wasm'))).toBe(toHex(bcryptRaw(pw, salt, 4, mode, 'js')));
      }),
      { numRuns: 300 },
    );
  });

  it('exercises the $2a$ safety bit (all-0xff keys of 72+ bytes set it) and agrees across engines', () => {
    const salt = decodeBcrypt64('abcdefghijklmnopqrstuu', 16)!;
    let flipped = 0;
    for (let n = 1; n <= 80; n++) {
      const pw = new Uint8Array(n).fill(0xff);
      const wasm = toHex(bcryptRaw(pw, salt, 4, 'safety', 'wasm'));
      expect(wasm).toBe(toHex(bcryptRaw(pw, salt, 4, 'safety', 'js')));
      if (wasm !== toHex(bcryptRaw(pw, salt, 4, 'correct', 'wasm'))) flipped++;
      else expect(n).toBeLessThan(72);
    }
    expect(flipped).toBeGreaterThan(8);
  });
});
