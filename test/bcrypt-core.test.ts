import { hasPhp } from './helpers/refs.js';
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { hashSync } from '@node-rs/bcrypt';
import { bcryptRaw, type BcryptEngine, type BcryptKeyMode } from '../src/algorithms/bcrypt-core.js';
import { decodeBcrypt64, encodeBcrypt64, fromHex, toHex } from '../src/core/encoding.js';

interface Vector {
  scheme: string;
  passwordHex: string;
  hash: string;
  match: boolean;
  source: string;
  note: string;
}

const file = JSON.parse(
  readFileSync(new URL('./vectors/bcrypt-variants.json', import.meta.url), 'utf8'),
) as { vectors: Vector[] };

/** Both schedules: WebAssembly (production) and TypeScript (fallback without WebAssembly). */
const ENGINES: readonly BcryptEngine[] = ['wasm', 'js'];

const MODES: readonly BcryptKeyMode[] = [
  'correct',
  'sign-extension-bug',
  'safety',
  'openbsd-2a',
  'no-nul',
];

/** `$2<minor>$<cost>$<22 salt chars><31 hash chars>` split into its parts. */
function parse(hash: string): { ident: string; cost: number; salt: Uint8Array; checksum: string } {
  const m = /^\$(2[abxy]?)\$(\d\d)\$([./A-Za-z0-9]{22})([./A-Za-z0-9]{31})$/.exec(hash);
  if (!m) throw new Error(`not a bcrypt hash: ${hash}`);
  return { ident: m[1]!, cost: Number(m[2]), salt: decodeBcrypt64(m[3]!, 16)!, checksum: m[4]! };
}

function modeOf(v: Vector): BcryptKeyMode {
  const mode = /^mode: ([a-z0-9-]+)/.exec(v.note)?.[1] as BcryptKeyMode | undefined;
  if (!mode || !MODES.includes(mode)) throw new Error(`vector without mode: ${v.note}`);
  return mode;
}

function hashWith(password: Uint8Array, setting: string, mode: BcryptKeyMode, engine: BcryptEngine): string {
  const { cost, salt } = parse(setting + '.'.repeat(31));
  return encodeBcrypt64(bcryptRaw(password, salt, cost, mode, engine));
}

/** Small deterministic PRNG (xorshift32) so failures reproduce. */
function rng(seed: number): () => number {
  let x = seed | 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
}

it('bcrypt-variants.json has vectors for every mode', () => {
  const seen = new Set(file.vectors.map(modeOf));
  expect([...seen].sort()).toEqual([...MODES].sort());
});

describe.each(ENGINES)('bcryptRaw known answers (test/vectors/bcrypt-variants.json), engine %s', (engine) => {
  for (const v of file.vectors) {
    const mode = modeOf(v);
    const len = v.passwordHex.length / 2;
    it(`${v.hash.slice(0, 7)} ${mode}, ${len} bytes: ${v.note.replace(/^mode: [a-z0-9-]+; /, '')}`, () => {
      expect(v.scheme).toBe('bcrypt');
      const { cost, salt, checksum } = parse(v.hash);
      const raw = bcryptRaw(fromHex(v.passwordHex)!, salt, cost, mode, engine);
      expect(raw.length).toBe(23);
      expect(encodeBcrypt64(raw)).toBe(checksum);
    });
  }
});

describe.each(ENGINES)('bcryptRaw behaviour, engine %s', (engine) => {
  const salt = decodeBcrypt64('abcdefghijklmnopqrstuu', 16)!;
  const ascii = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

  it('rejects a salt that is not 16 bytes and a cost outside 4..31', () => {
    expect(() => bcryptRaw(ascii('x'), new Uint8Array(15), 4, 'correct', engine)).toThrow(RangeError);
    expect(() => bcryptRaw(ascii('x'), salt, 3, 'correct', engine)).toThrow(RangeError);
    expect(() => bcryptRaw(ascii('x'), salt, 32, 'correct', engine)).toThrow(RangeError);
    expect(() => bcryptRaw(ascii('x'), salt, 4.5, 'correct', engine)).toThrow(RangeError);
  });

  it('returns a fresh array each call (scratch state is reused, results are not)', () => {
    const a = bcryptRaw(ascii('a'), salt, 4, 'correct', engine);
    const b = bcryptRaw(ascii('b'), salt, 4, 'correct', engine);
    expect(toHex(a)).not.toBe(toHex(b));
    expect(toHex(a)).toBe(toHex(bcryptRaw(ascii('a'), salt, 4, 'correct', engine)));
  });

  it('ignores bytes after the first NUL and after 72 bytes', () => {
    const base = hashWith(ascii('abc'), '$2b$04$abcdefghijklmnopqrstuu', 'correct', engine);
    expect(hashWith(ascii('abc\0def'), '$2b$04$abcdefghijklmnopqrstuu', 'correct', engine)).toBe(base);
    const long = 'x'.repeat(72);
    const h72 = hashWith(ascii(long), '$2b$04$abcdefghijklmnopqrstuu', 'correct', engine);
    expect(hashWith(ascii(long + 'tail'), '$2b$04$abcdefghijklmnopqrstuu', 'correct', engine)).toBe(h72);
  });

  it('safety equals correct for valid UTF-8 and for bytes that never sign-extend harmlessly', () => {
    for (const pw of ['', 'U*U', 'Pässword1!', '密码', '\u{1F511}key']) {
      const bytes = new Uint8Array(Buffer.from(pw, 'utf8'));
      expect(hashWith(bytes, '$2a$04$abcdefghijklmnopqrstuu', 'safety', engine)).toBe(
        hashWith(bytes, '$2a$04$abcdefghijklmnopqrstuu', 'correct', engine),
      );
    }
  });

  it('openbsd-2a equals correct below 255 bytes; no-nul of "" equals correct of ""', () => {
    const r = rng(7);
    for (const n of [0, 1, 71, 72, 73, 200, 254]) {
      const pw = Uint8Array.from({ length: n }, () => 1 + (r() % 255));
      expect(hashWith(pw, '$2a$04$abcdefghijklmnopqrstuu', 'openbsd-2a', engine)).toBe(
        hashWith(pw, '$2a$04$abcdefghijklmnopqrstuu', 'correct', engine),
      );
    }
    expect(hashWith(new Uint8Array(0), '$2$04$abcdefghijklmnopqrstuu', 'no-nul', engine)).toBe(
      hashWith(new Uint8Array(0), '$2b$04$abcdefghijklmnopqrstuu', 'correct', engine),
    );
  });
});

describe.each(ENGINES)('bcryptRaw vs @node-rs/bcrypt (independent implementation), engine %s', (engine) => {
  it("mode 'correct' equals hashSync for random passwords and salts at cost 4", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 0, maxLength: 100, min: 1, max: 255 }),
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        (password, salt) => {
          const setting = `$2b$04$${encodeBcrypt64(salt)}`;
          const ours = setting + encodeBcrypt64(bcryptRaw(password, salt, 4, 'correct', engine));
          expect(ours).toBe(hashSync(password, { salt: setting }));
        },
      ),
      { numRuns: 150 },
    );
  });
});

// hasPhp(): skips locally without PHP, fails in CI (LEGACY_HASH_REQUIRE_REFERENCES=1).
const phpAvailable = hasPhp();

describe.each(ENGINES)('bcryptRaw vs live PHP crypt(), engine %s', (engine) => {
  it.skipIf(!phpAvailable)(
    'matches PHP for 200 random 8-bit passwords x $2b$/$2x$/$2a$ at cost 4',
    () => {
      // One PHP process reads JSON lines {"pw": hex, "setting": "$2?$04$..."} and prints crypt().
      const script =
        'while (($l = fgets(STDIN)) !== false) { $j = json_decode($l, true); ' +
        'echo crypt(hex2bin($j["pw"]), $j["setting"]), "\\n"; }';
      const r = rng(0x2011);
      const jobs: { pw: Uint8Array; setting: string; mode: BcryptKeyMode }[] = [];
      for (let i = 0; i < 200; i++) {
        // Mostly high bytes, often 0xff, sometimes NUL: the inputs where the modes differ.
        const pw = Uint8Array.from({ length: r() % 90 }, () => {
          const k = r() % 16;
          return k < 4 ? 0xff : k < 12 ? 0x80 + (r() % 128) : k < 15 ? 1 + (r() % 127) : 0;
        });
        const salt = Uint8Array.from({ length: 16 }, () => r() & 0xff);
        for (const [ident, mode] of [
          ['2b', 'correct'],
          ['2x', 'sign-extension-bug'],
          ['2a', 'safety'],
        ] as const) {
          jobs.push({ pw, setting: `$${ident}$04$${encodeBcrypt64(salt)}`, mode });
        }
      }
      const input = jobs.map((j) => JSON.stringify({ pw: toHex(j.pw), setting: j.setting })).join('\n');
      const out = spawnSync('php', ['-r', script], { input: input + '\n', encoding: 'utf8' });
      expect(out.status).toBe(0);
      const lines = out.stdout.trimEnd().split('\n');
      expect(lines.length).toBe(jobs.length);
      jobs.forEach((j, i) => {
        expect(`${j.setting}${hashWith(j.pw, j.setting, j.mode, engine)}`, `pw ${toHex(j.pw)}`).toBe(lines[i]);
      });
    },
    60_000,
  );
});
