/**
 * Timing: every verification of every registered scheme goes through a constant-time
 * comparison (src/core/compare.ts, or the chain module's check, which compare.ts counts too), no
 * scheme source compares digests itself, and verifyDummy() does the same work as a failed
 * verification.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { comparisonCount, constantTimeEqual } from '../../src/core/compare.js';
import { checkSchemeFast, derivationCount, INLINE_BUDGET_US, INLINE_MAX_ROUNDS, inlineEstimateUs, routeFor } from '../../src/engine.js';
import { LegacyHashError, shutdownPool, verify, verifyDummy } from '../../src/index.js';
import { DEFAULT_LIMITS } from '../../src/limits.js';
import type { ParsedHash, Scheme } from '../../src/types.js';
import { ROOT, scanSchemeSources, scanSource, schemeSourceFiles } from './source-scan.js';
import { exampleOptions, schemesWithExamples } from './support.js';

afterAll(() => shutdownPool());

const schemes = schemesWithExamples();

/** Comparisons made by one verify() call (throws if it did not resolve to `expected`). */
async function comparisonsDuring(password: string | Uint8Array, stored: string, options: object, expected: boolean): Promise<number> {
  const before = comparisonCount();
  const r = await verify(password, stored, options);
  expect(r).toBe(expected);
  return comparisonCount() - before;
}

describe('every scheme verifies through the shared constant-time comparison', () => {
  for (const scheme of schemes) {
    it(`${scheme.id}: right and wrong password both go through constantTimeEqual`, async () => {
      const options = { ...exampleOptions(scheme), scheme: scheme.id };
      const { password, hash } = scheme.example;
      expect(await comparisonsDuring(password, hash, options, true), `${scheme.id} (match)`).toBeGreaterThan(0);
      expect(await comparisonsDuring(`${password}\u0001x`, hash, options, false), `${scheme.id} (mismatch)`).toBeGreaterThan(0);
    });
  }

  it('the check can fail: a scheme whose derive yields nothing to compare is caught', async () => {
    // A fake scheme that "decides" by itself and hands the engine nothing: zero comparisons.
    const sneaky: Scheme<ParsedHash> = {
      id: 'sneaky',
      title: 'test double',
      family: 'test',
      platforms: ['test'],
      platformIds: [],
      example: { password: 'x', hash: 'x' },
      rank: 0,
      recognize: () => true,
      parse: () => ({ expected: new Uint8Array(16) }),
      derive: () => [],
    };
    const before = comparisonCount();
    const ok = await checkSchemeFast(sneaky, new Uint8Array(1), sneaky.parse('x', {}), {}, DEFAULT_LIMITS);
    expect(ok).toBe(false);
    expect(comparisonCount() - before).toBe(0); // what the per-scheme assertion above rejects
  });

  it('constantTimeEqual: equal, different, different lengths; counts every call', () => {
    const a = new Uint8Array([1, 2, 3]);
    const before = comparisonCount();
    expect(constantTimeEqual(a, new Uint8Array([1, 2, 3]))).toBe(true);
    expect(constantTimeEqual(a, new Uint8Array([1, 2, 4]))).toBe(false);
    expect(constantTimeEqual(a, new Uint8Array([1, 2]))).toBe(false);
    expect(constantTimeEqual(new Uint8Array(0), new Uint8Array(0))).toBe(true);
    expect(comparisonCount() - before).toBe(4);
  });

  it('compare.ts itself has no early exit on contents (only the public length)', () => {
    const src = readFileSync(join(ROOT, 'src/core/compare.ts'), 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
    // Either node:crypto's timingSafeEqual or an OR-accumulated XOR over every byte: no break, no
    // per-byte equality test, no return inside a loop, no Buffer.equals.
    expect(src).toMatch(/timingSafeEqual\(|\|=\s*\w+\[\w+\]!?\s*\^/);
    expect(src).not.toMatch(/\bbreak\b|\.equals\(|\.every\(|\.some\(|\[\w+\]!?\s*[!=]==|[!=]==\s*\w+\[\w+\]/);
    for (const loop of src.matchAll(/for\s*\([^)]*\)\s*(\{[^}]*\}|[^;]*;)/g)) expect(loop[1], 'return inside a loop').not.toMatch(/\breturn\b/);
    // Same length, differing first or last byte: both false (the loop covers every byte).
    for (const n of [1, 16, 64, 65, 200]) {
      const a = new Uint8Array(n).fill(7);
      const first = new Uint8Array(a);
      first[0] = 8;
      const last = new Uint8Array(a);
      last[n - 1] = 8;
      expect(constantTimeEqual(a, first)).toBe(false);
      expect(constantTimeEqual(a, last)).toBe(false);
      expect(constantTimeEqual(a, new Uint8Array(a))).toBe(true);
    }
  });
});

describe('no scheme source compares digests itself (static scan)', () => {
  it('scans the scheme directories', () => {
    expect(schemeSourceFiles().length).toBeGreaterThan(3);
  });

  it('no timingSafeEqual / .equals( / Buffer.compare / .expected reads / === on digests in src/algorithms, src/formula', () => {
    const findings = scanSchemeSources();
    expect(findings.map((f) => `${f.file}:${f.line} ${f.rule}: ${f.text}`)).toEqual([]);
  });

  it('the scan can fail: it flags each forbidden pattern, and honours the reviewed-exemption marker', () => {
    const bad = [
      'return encodeCrypt64(h, 16) === stored.slice(12);',
      'if (toHex(derived) !== hexText) return [];',
      "const ok = digest('md5', pw).equals(x);",
      'return timingSafeEqual(a, b);',
      'return Buffer.compare(a, b) === 0;',
      'if (out.length === 16) return p.expected;',
      'return { expected: p.expected === x ? a : b };',
      'const same = hash === other;',
      'return constantTimeEqual(d, e);',
    ];
    for (const line of bad) expect(scanSource('fake.ts', `  ${line}\n`).length, line).toBeGreaterThan(0);
    const fine = [
      'if (a.length !== b.length) return false;',
      "if (m[1] === '2y') x();",
      'const canonical = encodeBcrypt64(salt) === salt22;',
      'if (!expected || expected.length !== 64) throw malformed(id, "x");',
      'ok = computed === hashText; // timing-safe: reviewed, public data',
      " * a comment: derived === expected is what we forbid",
      'return { inner: scheme.id, innerParsed, expected: innerParsed.expected };',
    ];
    for (const line of fine) expect(scanSource('fake.ts', `  ${line}\n`), line).toEqual([]);
  });
});

describe('heavy derivations never run synchronously on the event loop', () => {
  for (const scheme of schemes) {
    it(`${scheme.id}: routed to the worker pool, or native async, or fixed-cost`, () => {
      const opts = exampleOptions(scheme);
      const inputs = {
        ...(opts.salt !== undefined ? { salt: opts.salt } : {}),
        ...(opts.username !== undefined ? { username: opts.username } : {}),
        ...(opts.pepper !== undefined ? { pepper: typeof opts.pepper === 'string' ? new TextEncoder().encode(opts.pepper) : opts.pepper } : {}),
        ...(opts.params !== undefined ? { params: opts.params } : {}),
      };
      const parsed = scheme.parse(scheme.example.hash.trim(), inputs);
      const checks = scheme.cost ? scheme.cost(parsed) : [];
      const pw = new TextEncoder().encode(scheme.example.password);
      const route = routeFor(scheme, parsed, pw, checks);
      if (route === 'native') {
        // Native async: derive must hand back a promise (work happens off the main thread).
        const r = scheme.derive(pw, parsed, inputs);
        expect(typeof (r as Promise<unknown>)?.then, `${scheme.id} has a work cost but derives synchronously without offload`).toBe('function');
        return Promise.resolve(r).then(() => undefined);
      }
      if (route === 'inline') {
        const estimate = inlineEstimateUs(scheme, checks, pw.length, parsed);
        if (estimate <= INLINE_BUDGET_US) {
          // Inline by estimate (Scheme.inlineCost, issue #8): a job shorter than a hand-off. Native
          // work must then have a synchronous form (else it would enter libuv past the gate), and
          // the same scheme with 1000x the work leaves the event loop (a fixed-cost scheme, with
          // `work: []`, has no work to scale).
          if (checks.some((c) => c.limit !== 'maxRounds' && c.limit !== 'maxChainSteps')) expect(scheme.inlineCost?.deriveSync).toBeTypeOf('function');
          // (A wrapper's estimate is its inner format's or outer KDF's: InlineCost.of.)
          const est = scheme.inlineCost!.of ? scheme.inlineCost!.of(parsed)! : scheme.inlineCost!;
          const big = checks.map((c) => (est.work.includes(c.limit) ? { ...c, value: c.value * 1000 } : c));
          if (est.work.length > 0) expect(routeFor(scheme, parsed, pw, big)).not.toBe('inline');
          return undefined;
        }
        // Inline: fixed-cost digests, or a short JavaScript loop (<= INLINE_MAX_ROUNDS).
        const work = checks.filter((c) => c.limit !== 'maxChainSteps' && !(c.limit === 'maxRounds' && c.value <= INLINE_MAX_ROUNDS));
        expect(work, `${scheme.id}: a scheme with work costs must not run inline`).toEqual([]);
        // The same scheme with a long loop leaves the event loop.
        const many = checks.map((c) => (c.limit === 'maxRounds' ? { ...c, value: INLINE_MAX_ROUNDS + 1 } : c));
        if (checks.some((c) => c.limit === 'maxRounds')) expect(routeFor(scheme, parsed, pw, many)).toBe('worker');
      }
      return undefined;
    });
  }
});

describe('verifyDummy()', () => {
  it('resolves false, always, doing a real derivation and comparison', async () => {
    const d = derivationCount();
    const c = comparisonCount();
    expect(await verifyDummy()).toBe(false);
    expect(derivationCount()).toBeGreaterThan(d);
    expect(comparisonCount()).toBeGreaterThan(c);
  });

  it('with `like`: the same detection and candidates as verify() on that string', async () => {
    for (const scheme of schemes.slice(0, 40)) {
      const options = exampleOptions(scheme);
      // A correct password for `like` must still give false.
      expect(await verifyDummy({ ...options, scheme: scheme.id, like: scheme.example.hash, password: scheme.example.password })).toBe(false);
    }
    const md5 = '5f4dcc3b5aa765d61d8327deb882cf99';
    const c = comparisonCount();
    await verifyDummy({ like: md5 });
    const dummyComparisons = comparisonCount() - c;
    const c2 = comparisonCount();
    expect(await verify('not the password', md5)).toBe(false);
    expect(dummyComparisons).toBe(comparisonCount() - c2);
  });

  it('with `scheme` alone: a realistic default-cost hash of that scheme', async () => {
    for (const id of ['bcrypt', 'phpass']) {
      const c = comparisonCount();
      expect(await verifyDummy({ scheme: id })).toBe(false);
      expect(comparisonCount()).toBeGreaterThan(c);
    }
  });

  it('errors like verify(): a bad `like` throws the same LegacyHashError (validate at start-up)', async () => {
    await expect(verifyDummy({ like: 'not a hash' })).rejects.toMatchObject({ code: 'ERR_UNKNOWN_FORMAT' });
    await expect(verifyDummy({ like: 42 as never })).rejects.toBeInstanceOf(LegacyHashError);
    await expect(verifyDummy({ scheme: 'no-such-scheme' })).rejects.toMatchObject({ code: 'ERR_UNSUPPORTED_SCHEME' });
    await expect(verifyDummy({ signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'ERR_ABORTED' });
  });
});
