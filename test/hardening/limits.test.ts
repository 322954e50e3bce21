/**
 * Every cost a stored string asks for is checked against a cap before any work: for every
 * registered scheme (generically, whatever exists at run time) each cap the scheme's example is
 * subject to is enforced at its exact boundary, and a capped hash starts no derivation.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { comparisonCount } from '../../src/core/compare.js';
import { derivationCount } from '../../src/engine.js';
import { DEFAULT_LIMITS, getDefaultLimits, identify, LegacyHashError, setDefaultLimits, shutdownPool, verify } from '../../src/index.js';
import type { Limits } from '../../src/limits.js';
import type { CostCheck } from '../../src/types.js';
import { loadVectorFiles, optionsOf, passwordOf } from '../helpers/vectors.js';
import { errorCode, exampleOptions, outcomeOf, schemesWithExamples, WORK_LIMIT_KEYS } from './support.js';

afterAll(() => shutdownPool());
afterEach(() => {
  setDefaultLimits({});
});

const MD5 = '5f4dcc3b5aa765d61d8327deb882cf99'; // md5("password")

async function rejection(p: Promise<unknown>): Promise<LegacyHashError> {
  const o = await outcomeOf(() => p);
  if (o.kind === 'value') throw new Error(`expected a rejection, got ${String(o.value)}`);
  expect(o.error).toBeInstanceOf(LegacyHashError);
  return o.error as LegacyHashError;
}

const schemes = schemesWithExamples();

describe('cost caps, per scheme (generic over the registry)', () => {
  it('has schemes', () => expect(schemes.length).toBeGreaterThan(5));

  for (const scheme of schemes) {
    describe(scheme.id, () => {
      const options = { ...exampleOptions(scheme), scheme: scheme.id };
      let parsed: unknown;
      let checks: readonly CostCheck[] = [];
      const prepare = () => {
        parsed = scheme.parse(scheme.example.hash.trim(), {
          ...(options.salt !== undefined ? { salt: options.salt } : {}),
          ...(options.username !== undefined ? { username: options.username } : {}),
          ...(options.pepper !== undefined ? { pepper: typeof options.pepper === 'string' ? new TextEncoder().encode(options.pepper) : options.pepper } : {}),
          ...(options.params !== undefined ? { params: options.params } : {}),
        });
        checks = scheme.cost ? scheme.cost(parsed as never) : [];
      };

      it('declares costs consistently: a cost() for declared parameters, known limit names', () => {
        prepare();
        for (const c of scheme.costs ?? []) expect(Object.keys(DEFAULT_LIMITS), `${scheme.id} ${c.name}`).toContain(c.limit);
        if ((scheme.costs ?? []).length > 0) {
          expect(typeof scheme.cost, `${scheme.id} declares costs but has no cost()`).toBe('function');
        }
        for (const c of checks) {
          expect(Object.keys(DEFAULT_LIMITS), `${scheme.id} ${c.name}`).toContain(c.limit);
          expect(Number.isFinite(c.value), `${scheme.id} ${c.name} value`).toBe(true);
        }
      });

      it('every cap it is subject to is enforced at its boundary, before any derivation', async () => {
        prepare();
        const byLimit = new Map<keyof Limits, number>();
        for (const c of checks) byLimit.set(c.limit, Math.max(byLimit.get(c.limit) ?? -Infinity, c.value));
        for (const [limit, value] of byLimit) {
          const derivations = derivationCount();
          const comparisons = comparisonCount();
          const err = await rejection(verify(scheme.example.password, scheme.example.hash, { ...options, limits: { [limit]: value - 1 } }));
          expect(err.code, `${scheme.id} ${limit}`).toBe('ERR_LIMIT_EXCEEDED');
          expect(err.field).toBe(limit);
          expect(err.value).toBe(value);
          expect(err.limit).toBe(value - 1);
          expect(derivationCount(), `${scheme.id}: a capped hash started a derivation`).toBe(derivations);
          expect(comparisonCount()).toBe(comparisons);
          // At exactly the cap it runs and verifies.
          expect(await verify(scheme.example.password, scheme.example.hash, { ...options, limits: { [limit]: value } })).toBe(true);
        }
      });

      it('with every work cap at 0, it either refuses before any work or has no cost at all', async () => {
        prepare();
        const zero = Object.fromEntries(WORK_LIMIT_KEYS.map((k) => [k, 0])) as Partial<Limits>;
        const derivations = derivationCount();
        const o = await outcomeOf(() => verify(scheme.example.password, scheme.example.hash, { ...options, limits: zero }));
        if (checks.length > 0) {
          expect(errorCode(o)).toBe('ERR_LIMIT_EXCEEDED');
          expect(derivationCount()).toBe(derivations);
        } else {
          expect(errorCode(o), `${scheme.id} has no cost checks: it must be fixed-cost`).toBe('value:true');
        }
      });

      it('the process-wide caps apply too (setDefaultLimits)', async () => {
        prepare();
        const first = checks[0];
        if (!first) return;
        setDefaultLimits({ [first.limit]: first.value - 1 });
        const err = await rejection(verify(scheme.example.password, scheme.example.hash, options));
        expect(err.code).toBe('ERR_LIMIT_EXCEEDED');
        // A per-call override beats the process-wide cap.
        expect(await verify(scheme.example.password, scheme.example.hash, { ...options, limits: { [first.limit]: first.value } })).toBe(true);
      });
    });
  }
});

describe('password length cap (bytes)', () => {
  const cap = 64;
  it('counts UTF-8 bytes, not characters; strings and byte arrays alike', async () => {
    const limits = { maxPasswordBytes: cap };
    expect(await verify('a'.repeat(cap), MD5, { limits })).toBe(false);
    expect((await rejection(verify('a'.repeat(cap + 1), MD5, { limits }))).code).toBe('ERR_LIMIT_EXCEEDED');
    // 33 two-byte characters = 66 bytes > 64, although only 33 characters.
    const err = await rejection(verify('é'.repeat(cap / 2 + 1), MD5, { limits }));
    expect(err.code).toBe('ERR_LIMIT_EXCEEDED');
    expect(err.field).toBe('maxPasswordBytes');
    expect(await verify(new Uint8Array(cap), MD5, { limits })).toBe(false);
    expect((await rejection(verify(new Uint8Array(cap + 1), MD5, { limits }))).code).toBe('ERR_LIMIT_EXCEEDED');
  });

  it('refuses a huge password before encoding it, and before any derivation', async () => {
    const derivations = derivationCount();
    const huge = 'x'.repeat(10_000_000);
    expect((await rejection(verify(huge, MD5))).code).toBe('ERR_LIMIT_EXCEEDED');
    expect((await rejection(verify(new Uint8Array(10_000_000), MD5))).code).toBe('ERR_LIMIT_EXCEEDED');
    expect(derivationCount()).toBe(derivations);
  });

  it('default is 4096 bytes', () => {
    expect(getDefaultLimits().maxPasswordBytes).toBe(4096);
  });
});

describe("bcrypt's 72-byte behaviour is the producing platform's", () => {
  const vectors = loadVectorFiles().flatMap((f) => f.vectors);
  const ident = (h: string) => /^\$(?:wp\$)?(2[abxy]?)\$/.exec(h)?.[1];

  it('crypt_blowfish/OpenBSD $2b$/$2y$: bytes past 72 are ignored (as PHP password_verify does)', async () => {
    const long = vectors.filter((v) => v.scheme === 'bcrypt' && v.match && ['2b', '2y'].includes(ident(v.hash) ?? '') && v.passwordHex.length / 2 >= 72);
    expect(long.length).toBeGreaterThan(0);
    for (const v of long) {
      const pw = passwordOf(v);
      if (pw.subarray(0, 72).includes(0)) continue;
      const first72 = pw.subarray(0, 72);
      const extended = new Uint8Array([...first72, 0x41, 0x42]);
      expect(await verify(first72, v.hash, optionsOf(v)), v.hash).toBe(true);
      expect(await verify(extended, v.hash, optionsOf(v)), v.hash).toBe(true);
    }
  });

  it('WordPress 6.8+ $wp$ pre-hashes: every byte counts, nothing is truncated', async () => {
    const long = vectors.filter((v) => v.scheme === 'wordpress' && v.match && v.passwordHex.length / 2 > 72);
    expect(long.length).toBeGreaterThan(0);
    for (const v of long) {
      const pw = passwordOf(v);
      expect(await verify(pw, v.hash, optionsOf(v))).toBe(true);
      expect(await verify(pw.subarray(0, 72), v.hash, optionsOf(v))).toBe(false);
      expect(await verify(new Uint8Array([...pw, 0x41]), v.hash, optionsOf(v))).toBe(false);
    }
  });
});

describe('stored string and input length caps', () => {
  it('maxHashLength: refused before trimming, parsing or detection', async () => {
    const limits = { maxHashLength: 40 };
    expect(await verify('password', MD5, { limits })).toBe(true);
    expect((await rejection(verify('password', `${MD5}${' '.repeat(9)}`, { limits }))).code).toBe('ERR_LIMIT_EXCEEDED');
    expect((await rejection(verify('x', 'A'.repeat(2_000_000)))).code).toBe('ERR_LIMIT_EXCEEDED');
  });

  it('identify() returns [] for an over-long string instead of parsing it', () => {
    expect(identify(`${MD5}${' '.repeat(5000)}`)).toEqual([]);
  });

  it('a salt column, username, pepper or params value past the caps is refused', async () => {
    const limits = { maxHashLength: 64, maxPasswordBytes: 64 };
    for (const extra of [
      { salt: 's'.repeat(65) },
      { username: 'u'.repeat(65) },
      { pepper: 'p'.repeat(65) },
      { pepper: new Uint8Array(65) },
      { params: { key: 'k'.repeat(65) } },
    ]) {
      const err = await rejection(verify('password', MD5, { limits, ...extra }));
      expect(err.code, JSON.stringify(Object.keys(extra))).toBe('ERR_LIMIT_EXCEEDED');
    }
  });
});

describe('limit overrides are validated', () => {
  it('negative, NaN, non-number and non-object limits are ERR_INVALID_ARGUMENT', async () => {
    for (const bad of [{ maxRounds: -1 }, { maxRounds: Number.NaN }, { maxRounds: '10' }, 'nope', 5]) {
      const err = await rejection(verify('password', MD5, { limits: bad as never }));
      expect(err.code).toBe('ERR_INVALID_ARGUMENT');
      expect(() => setDefaultLimits(bad as never)).toThrow(LegacyHashError);
    }
  });

  it('Infinity lifts a cap; unknown keys are ignored', async () => {
    expect(await verify('password', MD5, { limits: { maxRounds: Infinity, noSuchLimit: 1 } as never })).toBe(true);
  });

  it('setDefaultLimits merges over the defaults and returns what is in force', () => {
    const now = setDefaultLimits({ maxBcryptCost: 12 });
    expect(now.maxBcryptCost).toBe(12);
    expect(now.maxRounds).toBe(DEFAULT_LIMITS.maxRounds);
    expect(setDefaultLimits({})).toEqual(DEFAULT_LIMITS);
  });

  it('every default is above what the platforms ship and finite', () => {
    expect(DEFAULT_LIMITS.maxBcryptCost).toBeGreaterThanOrEqual(13); // IPS4 ships 13
    expect(DEFAULT_LIMITS.maxRounds).toBeGreaterThanOrEqual(656_000); // passlib sha512_crypt
    expect(DEFAULT_LIMITS.maxPbkdf2Iterations).toBeGreaterThanOrEqual(1_200_000); // Django 6
    expect(DEFAULT_LIMITS.maxMemoryBytes).toBeGreaterThanOrEqual(64 * 1024 * 1024); // PHP/Magento argon2
    for (const v of Object.values(DEFAULT_LIMITS)) expect(Number.isFinite(v)).toBe(true);
  });
});
