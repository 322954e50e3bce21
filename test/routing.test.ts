/**
 * Routing by estimated cost (issue #8): a derivation whose estimate (Scheme.inlineCost) is within
 * INLINE_BUDGET_US runs inline, where a hand-off would cost more than the job; the estimate only
 * reads checked costs, so a crafted hash cannot make inline work large; bursts of inline work are
 * spread over event-loop turns (src/worker/inline.ts); the synchronous native forms compute exactly
 * what the asynchronous ones do.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { enforceCosts, INLINE_BUDGET_US, inlineEstimateUs, routeFor } from '../src/engine.js';
import { LegacyHashError } from '../src/errors.js';
import { configurePool, shutdownPool, verify, wrap } from '../src/index.js';
import { DEFAULT_LIMITS } from '../src/limits.js';
import { getScheme } from '../src/registry.js';
import type { CostCheck, Scheme } from '../src/types.js';
import { INLINE_TURN_BUDGET_MS, inlineQueueDepth, runInline } from '../src/worker/inline.js';
import { DEFAULT_POOL_OPTIONS } from '../src/worker/pool.js';

afterAll(() => shutdownPool());
afterEach(() => {
  configurePool({ ...DEFAULT_POOL_OPTIONS });
});

const enc = (s: string) => new TextEncoder().encode(s);
const b64 = (n: number, fill = 0) => Buffer.alloc(n, fill).toString('base64').replace(/=+$/, '');
const passlibScrypt = (ln: number) => `$scrypt$ln=${ln},r=8,p=1$${b64(16, 7)}$${b64(32)}`;
const argon = (m: number, t: number, p = 1, type = 'argon2id', v = 19) => `$${type}$v=${v}$m=${m},t=${t},p=${p}$${b64(16, 7)}$${b64(32)}`;

/** Route of one stored string, costs checked first as the engine does. */
function route(scheme: Scheme, stored: string, password = enc('password')) {
  const parsed = scheme.parse(stored, {});
  const checks = enforceCosts(scheme, parsed, DEFAULT_LIMITS, password.length);
  return { route: routeFor(scheme, parsed, password, checks), estimate: inlineEstimateUs(scheme, checks, password.length) };
}

/** An offloaded JavaScript loop with an estimate: phpass's derive, ~0.11 µs per round. */
const phpassLike: Scheme = { ...getScheme('phpass'), inlineCost: { work: ['maxRounds'], usPerUnit: 0.11, baseUs: 5 } };
/** The same scheme with no estimate at all (routed by `offload` and its costs alone). */
const phpassNoEstimate: Scheme = { ...getScheme('phpass'), inlineCost: undefined };
const PHPASS_512 = '$P$746647711V1klyitUYhtB8Yw5DMA/w.'; // 2^9 rounds: ~61 µs estimated
const PHPASS_8192 = '$P$B46647711V1klyitUYhtB8Yw5DMA/w.'; // 2^13 rounds: ~900 µs
/** A fixed-cost offloaded scheme (md5-crypt: 1000 rounds, no cost field) with an estimate. */
const md5cryptLike: Scheme = { ...getScheme('md5-crypt'), inlineCost: { work: [], usPerUnit: 0, baseUs: 60 } };
const MD5CRYPT = getScheme('md5-crypt').example.hash;

describe('inlineEstimateUs: explicit data, failing closed', () => {
  const est = (checks: CostCheck[], bytes = 8, s: Scheme = phpassLike) => inlineEstimateUs(s, checks, bytes);
  const rounds = (value: number): CostCheck => ({ limit: 'maxRounds', value, name: 'rounds' });

  it('base + rate x work, scaled per started 64 bytes of password', () => {
    expect(est([rounds(1000)])).toBeCloseTo(115);
    expect(est([rounds(1000)], 64)).toBeCloseTo(115);
    expect(est([rounds(1000)], 65)).toBeCloseTo(230);
    // A fixed-cost derivation declares no work: its estimate is baseUs.
    expect(inlineEstimateUs(md5cryptLike, [], 8)).toBe(60);
  });

  it('Infinity without an estimate, without the checked cost it names, or with work it does not cover', () => {
    expect(est([rounds(10)], 8, phpassNoEstimate)).toBe(Infinity);
    expect(est([])).toBe(Infinity);
    expect(est([rounds(10), { limit: 'maxBcryptCost', value: 4, name: 'cost' }])).toBe(Infinity);
    expect(est([rounds(Number.NaN)])).toBe(Infinity);
  });

  it('argon2: memory x passes (the product of the checked values)', () => {
    const a = getScheme('argon2');
    const small = inlineEstimateUs(a, a.cost!(a.parse(argon(256, 1), {})), 8);
    const twice = inlineEstimateUs(a, a.cost!(a.parse(argon(256, 2), {})), 8);
    expect(twice - small).toBeCloseTo(small - a.inlineCost!.baseUs);
  });
});

describe('routeFor: small jobs inline, everything else as before', () => {
  it('the built-in estimates: md5crypt, DES and phpass up to 2^10 inline; $P$B, long passwords and sha-crypt on the pool', () => {
    expect(route(getScheme('md5-crypt'), getScheme('md5-crypt').example.hash).route).toBe('inline');
    expect(route(getScheme('apr1'), getScheme('apr1').example.hash).route).toBe('inline');
    expect(route(getScheme('des-crypt'), getScheme('des-crypt').example.hash).route).toBe('inline');
    expect(route(getScheme('django-crypt'), getScheme('django-crypt').example.hash).route).toBe('inline');
    const phpass = getScheme('phpass');
    const salt = 'abcdefgh' + '.'.repeat(22);
    expect(route(phpass, `$P$8${salt}`).route).toBe('inline'); // 2^10 rounds
    expect(route(phpass, `$P$9${salt}`).route).toBe('worker'); // 2^11
    expect(route(phpass, `$P$B${salt}`).route).toBe('worker'); // WordPress, 2^13
    // Each started 64 bytes of password counts the estimate again: 1000 bytes leave the thread.
    expect(route(getScheme('md5-crypt'), getScheme('md5-crypt').example.hash, new Uint8Array(1000).fill(0x61)).route).toBe('worker');
    expect(route(getScheme('sha512-crypt'), getScheme('sha512-crypt').example.hash).route).toBe('worker');
  });

  it('{CRYPT} takes the estimate of the crypt(3) format inside it (InlineCost.of)', () => {
    const ldap = getScheme('ldap-crypt');
    expect(route(ldap, `{CRYPT}${getScheme('md5-crypt').example.hash}`).route).toBe('inline');
    expect(route(ldap, `{CRYPT}${getScheme('des-crypt').example.hash}`).route).toBe('inline');
    expect(route(ldap, `{CRYPT}${getScheme('sha512-crypt').example.hash}`).route).toBe('worker');
    // bigcrypt declares no estimate (its work grows with the stored string): never inline.
    expect(route(ldap, `{CRYPT}${getScheme('bigcrypt').example.hash}`).route).toBe('worker');
    // Without the parsed hash there is nothing to delegate to: no estimate.
    expect(inlineEstimateUs(ldap, [], 8)).toBe(Infinity);
  });

  it('tiny scrypt and argon2 (test-sized parameters) run inline; real ones stay behind the native gate', () => {
    expect(route(getScheme('passlib-scrypt'), passlibScrypt(4)).route).toBe('inline');
    expect(route(getScheme('passlib-scrypt'), passlibScrypt(16)).route).toBe('native');
    expect(route(getScheme('argon2'), argon(8, 1)).route).toBe('inline');
    expect(route(getScheme('argon2'), argon(19456, 2)).route).toBe('native');
    expect(route(getScheme('argon2'), argon(65536, 4)).route).toBe('native');
  });

  it('wrapped: test-sized outer KDF around fixed-cost digests inline; real sizes and inner formats with work never', async () => {
    const wrapped = getScheme('wrapped');
    const routeOf = (stored: string) => {
      const parsed = wrapped.parse(stored, {});
      const checks = enforceCosts(wrapped, parsed, DEFAULT_LIMITS, 8);
      return { route: routeFor(wrapped, parsed, enc('password'), checks), estimate: inlineEstimateUs(wrapped, checks, 8, parsed) };
    };
    const ex = routeOf(wrapped.example.hash); // argon2id m=256 t=1 around magento1
    expect(ex.route).toBe('inline');
    expect(ex.estimate).toBeGreaterThan(getScheme('argon2').inlineCost!.baseUs);
    expect(routeOf(await wrap('5f4dcc3b5aa765d61d8327deb882cf99', { scheme: 'md5', outer: { kdf: 'argon2id', memoryKiB: 19456, passes: 2 } })).route).toBe('native');
    expect(routeOf(await wrap('5f4dcc3b5aa765d61d8327deb882cf99', { scheme: 'md5', outer: { kdf: 'scrypt', log2N: 4, r: 8, p: 1 } })).route).toBe('inline');
    // phpass inside: the inner work has no place in the outer estimate, so no estimate at all.
    const inPhpass = routeOf(await wrap(getScheme('phpass').example.hash, { outer: { kdf: 'argon2id', memoryKiB: 8, passes: 1 } }));
    expect(inPhpass.estimate).toBe(Infinity);
    expect(inPhpass.route).not.toBe('inline');
    // With the pool disabled, a large outer KDF still runs asynchronously (never its sync form).
    configurePool({ workers: 0 });
    expect(routeOf(await wrap('5f4dcc3b5aa765d61d8327deb882cf99', { scheme: 'md5', outer: { kdf: 'argon2id', memoryKiB: 19456, passes: 2 } })).route).toBe('native');
  });

  it('a JavaScript loop with an estimate: inline under the budget, on the pool past it', () => {
    const r = route(phpassLike, PHPASS_512);
    expect(r.estimate).toBeLessThanOrEqual(INLINE_BUDGET_US);
    expect(r.route).toBe('inline');
    expect(route(phpassLike, PHPASS_8192).route).toBe('worker');
    // Without the estimate the same hash goes to the pool (phpass asks for offload).
    expect(route(phpassNoEstimate, PHPASS_512).route).toBe('worker');
    // Longer passwords count their extra blocks: past the budget, back to the pool.
    expect(route(phpassLike, PHPASS_512, new Uint8Array(200).fill(0x61)).route).toBe('worker');
    // A fixed-cost scheme (no cost checks) with an estimate under the budget runs inline.
    expect(route(md5cryptLike, MD5CRYPT).route).toBe('inline');
    expect(route({ ...md5cryptLike, inlineCost: { work: [], usPerUnit: 0, baseUs: INLINE_BUDGET_US + 1 } }, MD5CRYPT).route).toBe('worker');
  });

  it('a crafted hash cannot buy inline time: the estimate reads the checked cost', () => {
    const parsed = phpassLike.parse(PHPASS_512, {});
    const checks = enforceCosts(phpassLike, parsed, DEFAULT_LIMITS, 8);
    const crafted = checks.map((c) => ({ ...c, value: c.value * 100 }));
    expect(routeFor(phpassLike, parsed, enc('x'), crafted)).toBe('worker');
    // Scrypt past the budget in memory: native, not inline.
    expect(route(getScheme('passlib-scrypt'), passlibScrypt(10)).route).toBe('native');
  });

  it('native work without a synchronous form never runs inline (it would bypass the admission gate)', () => {
    const noSync: Scheme = { ...getScheme('passlib-scrypt'), inlineCost: { work: ['maxMemoryBytes'], usPerUnit: 0.0027, baseUs: 25 } };
    expect(route(noSync, passlibScrypt(4)).route).toBe('native');
  });

  it('with the pool disabled, offloaded schemes run inline as before', () => {
    configurePool({ workers: 0 });
    expect(route(getScheme('phpass'), PHPASS_8192).route).toBe('inline');
  });

  it("in a burst (this turn's inline budget spent) a small job goes where it would without an estimate", async () => {
    // Spend the budget with one inline job, then ask: the pool / the native gate take the rest.
    runInline(() => busy(INLINE_TURN_BUDGET_MS * 1.5), 10);
    expect(route(md5cryptLike, MD5CRYPT).route).toBe('worker');
    expect(route(getScheme('passlib-scrypt'), passlibScrypt(4)).route).toBe('native');
    await new Promise((r) => setImmediate(r)); // next turn: a fresh budget
    await new Promise((r) => setImmediate(r));
    expect(route(md5cryptLike, MD5CRYPT).route).toBe('inline');
  });
});

describe('synchronous native forms compute exactly what the asynchronous ones do', () => {
  const cases: [string, string][] = [
    ['passlib-scrypt', passlibScrypt(4)],
    ['passlib-scrypt', `$scrypt$ln=3,r=2,p=3$${b64(8, 1)}$${b64(32)}`],
    ['hashcat-scrypt', `SCRYPT:16:1:1:${Buffer.from('salt').toString('base64')}:${Buffer.alloc(24).toString('base64')}`],
    ['argon2', argon(8, 1)],
    ['argon2', argon(64, 2, 2, 'argon2i')],
    ['argon2', argon(32, 3, 1, 'argon2d', 16)],
  ];
  for (const id of ['passlib-scrypt', 'hashcat-scrypt', 'django-scrypt', 'werkzeug-scrypt', 'argon2', 'django-argon2']) {
    const s = getScheme(id);
    const ex = s.example;
    cases.push([id, ex.hash]);
  }
  for (const [id, stored] of cases) {
    it(`${id}: ${stored.slice(0, 40)}`, async () => {
      const s = getScheme(id);
      expect(s.inlineCost?.deriveSync).toBeTypeOf('function');
      const parsed = s.parse(stored, {});
      for (const pw of [enc(s.example.password), enc(''), enc('pässwörd'), new Uint8Array(300).fill(0xff)]) {
        expect(Buffer.from(s.inlineCost!.deriveSync!(pw, parsed, {}) as Uint8Array)).toEqual(Buffer.from((await s.derive(pw, parsed, {})) as Uint8Array));
      }
    });
  }

  it('wrapped: the synchronous derivation equals the asynchronous one (argon2id and scrypt outer)', async () => {
    const s = getScheme('wrapped');
    const md5 = '5f4dcc3b5aa765d61d8327deb882cf99';
    for (const stored of [s.example.hash, await wrap(md5, { scheme: 'md5', outer: { kdf: 'scrypt', log2N: 4, r: 8, p: 1 } })]) {
      const parsed = s.parse(stored, {});
      for (const pw of [enc('password'), enc('hashcat'), enc(''), new Uint8Array(300).fill(0xff)]) {
        const sync = (s.inlineCost!.deriveSync!(pw, parsed, {}) as Uint8Array[]).map((d) => Buffer.from(d).toString('hex'));
        const async = ((await s.derive(pw, parsed, {})) as Uint8Array[]).map((d) => Buffer.from(d).toString('hex'));
        expect(sync).toEqual(async);
      }
    }
  });

  it('verify() on the examples: true inline, and the same with the pool and gate in play', async () => {
    for (const id of ['passlib-scrypt', 'argon2', 'django-argon2']) {
      const ex = getScheme(id).example;
      expect(await verify(ex.password, ex.hash, { scheme: id })).toBe(true);
      expect(await verify(`${ex.password}x`, ex.hash, { scheme: id })).toBe(false);
    }
  });
});

function busy(ms: number): number {
  const end = performance.now() + ms;
  let n = 0;
  while (performance.now() < end) n++;
  return n;
}

describe('inline gate: bursts are spread over event-loop turns', () => {
  it(`at most ~${INLINE_TURN_BUDGET_MS} ms of inline work per turn, timers run between batches`, async () => {
    let turn = 0;
    let ticking = true;
    const tick = () => {
      turn++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const perTurn = new Map<number, number>();
    const jobMs = 0.3;
    const jobs = Array.from({ length: 40 }, () =>
      Promise.resolve(
        runInline(() => {
          const t = performance.now();
          busy(jobMs);
          perTurn.set(turn, (perTurn.get(turn) ?? 0) + (performance.now() - t));
          return 1;
        }, 1024),
      ),
    );
    expect(inlineQueueDepth()).toBeGreaterThan(0);
    expect((await Promise.all(jobs)).every((x) => x === 1)).toBe(true);
    ticking = false;
    expect(perTurn.size).toBeGreaterThanOrEqual(Math.floor((40 * jobMs) / (INLINE_TURN_BUDGET_MS + jobMs)));
    // Per turn: the budget plus the one job that crossed it (and a loaded machine's slack).
    for (const ms of perTurn.values()) expect(ms).toBeLessThan(INLINE_TURN_BUDGET_MS + jobMs + 5);
  });

  it('a waiting job leaves the queue when its signal aborts, and never runs; the queue is bounded', async () => {
    runInline(() => busy(INLINE_TURN_BUDGET_MS * 1.5), 10);
    const ac = new AbortController();
    let ran = false;
    const waiting = Promise.resolve(runInline(() => (ran = true), 10, ac.signal));
    ac.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'ERR_ABORTED' });
    const full = Promise.resolve(runInline(() => 1, 0));
    await expect(full).rejects.toBeInstanceOf(LegacyHashError);
    await expect(full).rejects.toMatchObject({ code: 'ERR_QUEUE_FULL' });
    await new Promise((r) => setImmediate(r));
    expect(ran).toBe(false);
  });

  it('100 concurrent tiny-scrypt verifications: all correct, through the gate', async () => {
    const ex = getScheme('passlib-scrypt').example;
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => verify(i % 2 ? ex.password : 'wrong', ex.hash, { scheme: 'passlib-scrypt' })));
    expect(results).toEqual(Array.from({ length: 100 }, (_, i) => i % 2 === 1));
  });
});
