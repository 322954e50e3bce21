/**
 * The fuzz properties, shared by test/hardening/fuzz.test.ts (fixed seed, CI-sized) and
 * scripts/fuzz.ts (any seed, any size). Plain assertions (throw Error), no test runner.
 *
 * What must hold, for any input:
 * - identify(string) returns a list (maybe empty) and never throws;
 * - verify() resolves a boolean or rejects with a LegacyHashError whose code is a known one;
 *   never a TypeError/RangeError/stack overflow, never a hang (each call has a wide time bound);
 * - no scheme raises a non-LegacyHashError internally (the internal-error hook stays silent:
 *   the engine's safety net must never be what saves a call);
 * - a mutated vector never verifies a wrong password.
 */
import fc from 'fast-check';
import { setInternalErrorHook } from '../../src/errors.js';
import { identify, verify } from '../../src/index.js';
import type { VerifyOptions } from '../../src/types.js';
import { loadVectorFiles, optionsOf, passwordOf, wrongPassword, type Vector } from '../helpers/vectors.js';
import { badVerifyOutcome, FUZZ_LIMITS, outcomeOf, schemesWithExamples, withinMs } from './support.js';

/** Wide hang bounds (the fuzz caps make every derivation take milliseconds). */
const VERIFY_BOUND_MS = 20_000;
const IDENTIFY_BOUND_MS = 2_000;

export interface FuzzPlan {
  seed: number;
  identifyRuns: number;
  verifyRuns: number;
  prefixedRuns: number;
  /** Mutants per vector file entry (every vector gets this many). */
  mutantsPerVector: number;
  /** Verifications run at once in the vector sweep (exercises the pool under concurrency). */
  concurrency?: number;
}

/** Splits a total case budget the same way in CI and in the long script. */
export function planFor(totalCases: number, seed: number, vectorCount: number): FuzzPlan {
  return {
    seed,
    identifyRuns: Math.max(1, Math.round(totalCases * 0.3)),
    verifyRuns: Math.max(1, Math.round(totalCases * 0.15)),
    prefixedRuns: Math.max(1, Math.round(totalCases * 0.2)),
    mutantsPerVector: Math.max(1, Math.round((totalCases * 0.35) / Math.max(1, vectorCount))),
  };
}

// ---------- arbitraries ----------

const SEPARATORS = ['$', ':', '*', ',', '=', ';', '{', '}', '.', '/', '+', '-', '_', '!', '#', '@', '|'];
const WHITESPACE = [' ', '\t', '\r', '\n', '\r\n', '\u00a0', '\ufeff', '\u2028', '\v', '\f'];
const ODD = ['\u0000', 'é', 'ß', 'İ', '\u00ff', '😀', '\ud800', '\udfff', '\u0301', '𝔸', '\u200b'];
const BIG_NUMBERS = ['0', '00', '1', '31', '99', '4294967295', '4294967296', '999999999999', '18446744073709551616', '-1', '1e9', '0x10', '9'.repeat(40)];

/** Characters of every alphabet the formats use, plus the troublemakers. */
const hashChar = fc.oneof(
  fc.constantFrom(...'./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz+=$:'.split('')),
  fc.constantFrom(...SEPARATORS, ...WHITESPACE, ...ODD),
);
const hashLike = fc.array(hashChar, { maxLength: 180 }).map((a) => a.join(''));

/** Any string: full Unicode (lone surrogates included), ASCII, hash-like, and over-long. */
export const anyStored = fc.oneof(
  { weight: 3, arbitrary: hashLike },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 80 }) },
  // Around and past maxHashLength (1024).
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('a', '0f', '$2y$10$', '$P$B', ' ', '$argon2id$v=19$m=65536,t=2,p=1$'), fc.integer({ min: 900, max: 1300 }))
      .map(([unit, n]) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n)),
  },
);

/** Passwords: text, raw bytes (NULs, 8-bit), long ones near and past bcrypt's 72 and the cap. */
export const anyPassword: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 100 }),
  fc.uint8Array({ maxLength: 100 }),
  fc.uint8Array({ minLength: 70, maxLength: 300 }),
  fc.constantFrom('', 'password', 'hashcat', '\u0000', 'a'.repeat(73), 'é'.repeat(2049)),
);

type Mutation =
  | { op: 'truncate'; at: number }
  | { op: 'delete'; at: number }
  | { op: 'extend'; text: string }
  | { op: 'flip'; at: number; ch: string }
  | { op: 'swapCase'; at: number; all: boolean }
  | { op: 'inject'; at: number; text: string }
  | { op: 'pad'; before: string; after: string }
  | { op: 'number'; which: number; value: string }
  | { op: 'duplicate' };

const pos = fc.double({ min: 0, max: 1, noNaN: true });

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: pos }),
  fc.record({ op: fc.constant('delete' as const), at: pos }),
  fc.record({ op: fc.constant('extend' as const), text: fc.array(hashChar, { minLength: 1, maxLength: 12 }).map((a) => a.join('')) }),
  fc.record({ op: fc.constant('flip' as const), at: pos, ch: hashChar }),
  fc.record({ op: fc.constant('swapCase' as const), at: pos, all: fc.boolean() }),
  fc.record({ op: fc.constant('inject' as const), at: pos, text: fc.constantFrom(...SEPARATORS, ...WHITESPACE, ...ODD) }),
  fc.record({ op: fc.constant('pad' as const), before: fc.constantFrom('', ...WHITESPACE), after: fc.constantFrom('', ...WHITESPACE, '\u0000') }),
  fc.record({ op: fc.constant('number' as const), which: fc.nat(8), value: fc.constantFrom(...BIG_NUMBERS) }),
  fc.constant({ op: 'duplicate' as const }),
);

export const mutationsArb = fc.array(mutationArb, { minLength: 1, maxLength: 3 });

function swap(c: string): string {
  const u = c.toUpperCase();
  return u === c ? c.toLowerCase() : u;
}

export function mutate(s: string, ms: readonly Mutation[]): string {
  for (const m of ms) {
    const i = (at: number) => Math.min(s.length, Math.floor(at * (s.length + 1)));
    switch (m.op) {
      case 'truncate':
        s = s.slice(0, i(m.at));
        break;
      case 'delete': {
        const k = i(m.at);
        s = s.slice(0, k) + s.slice(k + 1);
        break;
      }
      case 'extend':
        s += m.text;
        break;
      case 'flip': {
        const k = Math.min(Math.max(0, s.length - 1), i(m.at));
        s = s.slice(0, k) + m.ch + s.slice(k + 1);
        break;
      }
      case 'swapCase':
        if (m.all) s = [...s].map(swap).join('');
        else {
          const k = Math.min(Math.max(0, s.length - 1), i(m.at));
          s = s.slice(0, k) + swap(s.charAt(k)) + s.slice(k + 1);
        }
        break;
      case 'inject': {
        const k = i(m.at);
        s = s.slice(0, k) + m.text + s.slice(k);
        break;
      }
      case 'pad':
        s = m.before + s + m.after;
        break;
      case 'number': {
        // Replace the n-th run of digits (cost fields: $2y$10$, m=65536, rounds=5000, :1000:)
        const runs = [...s.matchAll(/\d+/g)];
        const r = runs.length ? runs[m.which % runs.length]! : undefined;
        if (r) s = s.slice(0, r.index) + m.value + s.slice(r.index + r[0].length);
        break;
      }
      case 'duplicate':
        s += s;
        break;
    }
  }
  return s;
}

// ---------- checking one call ----------

/** Collects raw internal errors (a scheme threw something other than LegacyHashError). */
export function watchInternalErrors(): { take(): string[]; stop(): void } {
  let seen: string[] = [];
  const previous = setInternalErrorHook((e, site, scheme) => {
    seen.push(`${scheme ?? '?'} ${site}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  });
  return {
    take() {
      const out = seen;
      seen = [];
      return out;
    },
    stop() {
      setInternalErrorHook(previous);
    },
  };
}

const show = (x: unknown) => (x instanceof Uint8Array ? `bytes:${Buffer.from(x).toString('hex').slice(0, 200)}` : JSON.stringify(x)?.slice(0, 300));

export function checkIdentify(stored: string): void {
  const t = performance.now();
  let r: unknown;
  try {
    r = identify(stored);
  } catch (e) {
    throw new Error(`identify threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)} for ${show(stored)}`);
  }
  if (!Array.isArray(r)) throw new Error(`identify returned a non-array for ${show(stored)}`);
  for (const c of r as { scheme?: unknown }[]) if (typeof c.scheme !== 'string') throw new Error(`bad candidate for ${show(stored)}`);
  const ms = performance.now() - t;
  if (ms > IDENTIFY_BOUND_MS) throw new Error(`identify took ${ms.toFixed(0)} ms for ${show(stored)}`);
}

export async function checkVerify(password: string | Uint8Array, stored: string, options: VerifyOptions): Promise<boolean | undefined> {
  const o = await withinMs(VERIFY_BOUND_MS, outcomeOf(() => verify(password, stored, { ...options, limits: { ...FUZZ_LIMITS, ...options.limits } })), () => show(stored));
  const bad = badVerifyOutcome(o);
  if (bad) throw new Error(`verify ${bad} for stored ${show(stored)}, password ${show(password)}, options ${show({ ...options, pepper: undefined })}`);
  return o.kind === 'value' ? (o.value as boolean) : undefined;
}

function assertNoInternal(watch: ReturnType<typeof watchInternalErrors>, what: () => string): void {
  const seen = watch.take();
  if (seen.length) throw new Error(`a scheme threw a non-LegacyHashError (${seen.join('; ')}) for ${what()}`);
}

// ---------- the properties ----------

export function identifyProperty(plan: FuzzPlan): void {
  const watch = watchInternalErrors();
  try {
    fc.assert(
      fc.property(anyStored, (s) => {
        checkIdentify(s);
        assertNoInternal(watch, () => show(s));
      }),
      { seed: plan.seed, numRuns: plan.identifyRuns },
    );
  } finally {
    watch.stop();
  }
}

export async function verifyProperty(plan: FuzzPlan): Promise<void> {
  const watch = watchInternalErrors();
  try {
    await fc.assert(
      fc.asyncProperty(anyPassword, anyStored, async (pw, s) => {
        await checkVerify(pw, s, {});
        assertNoInternal(watch, () => show(s));
      }),
      { seed: plan.seed + 1, numRuns: plan.verifyRuns },
    );
  } finally {
    watch.stop();
  }
}

/** Each registered scheme's example, cut at a random point and continued with random text. */
export async function prefixedProperty(plan: FuzzPlan): Promise<void> {
  const schemes = schemesWithExamples();
  const watch = watchInternalErrors();
  try {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...schemes),
        pos,
        hashLike,
        fc.boolean(),
        anyPassword,
        async (scheme, cut, tail, forced, pw) => {
          const ex = scheme.example.hash;
          const s = ex.slice(0, Math.floor(cut * (ex.length + 1))) + tail;
          checkIdentify(s);
          const options: VerifyOptions = { ...(scheme.example.options as VerifyOptions | undefined), ...(forced ? { scheme: scheme.id } : {}) };
          await checkVerify(pw, s, options);
          assertNoInternal(watch, () => `${scheme.id}: ${show(s)}`);
        },
      ),
      { seed: plan.seed + 2, numRuns: plan.prefixedRuns },
    );
  } finally {
    watch.stop();
  }
}

export function allVectors(): { file: string; vector: Vector }[] {
  return loadVectorFiles().flatMap((f) => f.vectors.map((vector) => ({ file: f.file, vector })));
}

/**
 * Every vector of test/vectors/, mutated `mutantsPerVector` times (deterministic from the seed):
 * outcome is false / true / LegacyHashError, and a wrong password never verifies.
 * Returns the number of mutants checked.
 */
export async function vectorMutationSweep(plan: FuzzPlan): Promise<number> {
  const vectors = allVectors();
  const cases: { file: string; vector: Vector; mutated: string; forced: boolean }[] = [];
  vectors.forEach(({ file, vector }, i) => {
    const samples = fc.sample(fc.tuple(mutationsArb, fc.boolean()), { seed: plan.seed * 7919 + i, numRuns: plan.mutantsPerVector });
    for (const [ms, forced] of samples) cases.push({ file, vector, mutated: mutate(vector.hash, ms), forced });
  });
  const watch = watchInternalErrors();
  const width = plan.concurrency ?? 8;
  try {
    for (let start = 0; start < cases.length; start += width) {
      const batch = cases.slice(start, start + width);
      await Promise.all(
        batch.map(async ({ file, vector, mutated, forced }) => {
          const where = `${file} ${vector.hash.slice(0, 40)} -> ${show(mutated)}`;
          try {
            checkIdentify(mutated);
            const options = { ...optionsOf(vector), ...(forced ? { scheme: vector.scheme } : {}) };
            const pw = passwordOf(vector);
            const right = await checkVerify(pw, mutated, options);
            if (right === true) {
              // Still a valid hash of this password (e.g. whitespace padding, hex case): then a
              // wrong password must still fail.
              const wrong = await checkVerify(wrongPassword(pw), mutated, options);
              if (wrong === true) throw new Error('a wrong password verified against a mutated vector');
            }
          } catch (e) {
            throw new Error(`${where}: ${e instanceof Error ? e.message : String(e)}`);
          }
        }),
      );
      assertNoInternal(watch, () => batch.map((c) => `${c.file} ${show(c.mutated)}`).join(' | '));
    }
  } finally {
    watch.stop();
  }
  return cases.length;
}
