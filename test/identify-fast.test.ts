/**
 * identify()/verify() ask only the schemes whose declared `prefixes` fit the string's first
 * character (src/detect/candidates.ts). That must change nothing but speed: for every string,
 * the schemes that recognise it through the index are exactly those the plain loop over every
 * scheme finds, in the same order, and every `prefixes` declaration is true of its recognize().
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidatesFor, detect, type Detection } from '../src/detect/candidates.js';
import { normalizeStored } from '../src/detect/normalize.js';
import { missingInputs, score } from '../src/detect/rank.js';
import { LegacyHashError, toLegacyHashError } from '../src/errors.js';
import { allSchemes, platformIds, schemesForPlatform } from '../src/registry.js';
import type { ParsedHash, Scheme, SchemeInputs } from '../src/types.js';
import { loadVectorFiles } from './helpers/vectors.js';
import { mutate, MUTATIONS } from './helpers/mutate.js';

const recognizes = (s: Scheme, text: string): boolean => {
  try {
    return s.recognize(text) === true;
  } catch {
    return false;
  }
};

/** A sample of first characters: every class the schemes care about, and outsiders. */
const FIRST_CHARS = [...'$09aFgZ{:!_U/'].concat(['\u0080', 'é', '\u0000']);

/** Every vector hash and scheme example, plus variants around their first characters. */
function corpus(): string[] {
  const base = new Set<string>(['', ' ', '$', '$$', '$1', '$2', '$2y$', 'x', 'é', '€abc', '\u0000', '{SSHA}abc', ':', '0:']);
  for (const f of loadVectorFiles()) for (const v of f.vectors) base.add(v.hash);
  for (const s of allSchemes()) base.add(s.example.hash);
  const out = new Set(base);
  for (const h of base) {
    for (const c of FIRST_CHARS) out.add(c + h.slice(1));
    out.add(h.slice(1));
    out.add(h.toUpperCase());
    out.add(h.toLowerCase());
  }
  return [...out];
}

function naive(pool: readonly Scheme[], text: string): string[] {
  return pool.filter((s) => recognizes(s, text)).map((s) => s.id);
}

function fast(pool: readonly Scheme[], text: string): string[] {
  return candidatesFor(pool, text)
    .filter((s) => recognizes(s, text))
    .map((s) => s.id);
}

describe('first-character dispatch', () => {
  const strings = corpus();
  const pools: [string, readonly Scheme[]][] = [['all', allSchemes()], ...platformIds().map((p) => [p, schemesForPlatform(p)] as [string, readonly Scheme[]])];

  it('finds exactly the schemes the plain loop finds, in the same order (vectors, examples, variants)', () => {
    const mismatches: string[] = [];
    for (const [name, pool] of pools) {
      for (const text of strings) {
        const a = fast(pool, text).join(',');
        const b = naive(pool, text).join(',');
        if (a !== b) mismatches.push(`${name}: ${JSON.stringify(text.slice(0, 40))}: ${a} vs ${b}`);
      }
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
  });

  it('agrees with the plain loop on random strings', () => {
    const prefixes = [...new Set(allSchemes().flatMap((s) => s.prefixes ?? []))];
    const text = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.tuple(fc.constantFrom(...prefixes, ''), fc.string({ maxLength: 60 })).map(([p, r]) => p + r),
      fc.stringMatching(/^[0-9a-fA-F]{0,130}(:[^:]{0,40}){0,3}$/),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(fast(allSchemes(), t)).toEqual(naive(allSchemes(), t));
      }),
      { numRuns: 3000 },
    );
  });

  it('every prefixes declaration holds: a string starting with none of them is never recognised', () => {
    for (const s of allSchemes()) {
      if (!s.prefixes) continue;
      expect(s.prefixes.length, s.id).toBeGreaterThan(0);
      const wrong = strings.filter((text) => !s.prefixes!.some((p) => text.startsWith(p)) && recognizes(s, text));
      expect(wrong.slice(0, 5), `${s.id} recognises strings outside its prefixes`).toEqual([]);
      // Its own example does start with a declared prefix.
      expect(s.prefixes.some((p) => s.example.hash.startsWith(p)), s.id).toBe(true);
    }
  });
});

/** detect() as it was before Scheme.optIn: every scheme recognises, then parses. */
function naiveDetect(stored: string, inputs: SchemeInputs): Detection {
  const fits: Detection['fits'] = [];
  let malformed: LegacyHashError | undefined;
  for (const scheme of allSchemes()) {
    if (!recognizes(scheme, stored)) continue;
    let parsed: ParsedHash;
    try {
      parsed = scheme.parse(stored, inputs);
    } catch (e) {
      malformed ??= toLegacyHashError(e, 'parse', scheme.id);
      continue;
    }
    fits.push({ scheme, parsed, missing: missingInputs(scheme, inputs), score: score(scheme, inputs, undefined) });
  }
  fits.sort((a, b) => b.score - a.score);
  return malformed ? { fits, malformed } : { fits };
}

const view = (d: Detection) => ({
  fits: d.fits.map((f) => `${f.scheme.id}/${f.score}/${f.missing.join('+')}`),
  malformed: d.malformed === undefined ? undefined : `${d.malformed.code} ${d.malformed.scheme} ${d.malformed.field} ${d.malformed.message}`,
});

/** Inputs around the opt-ins: none, each opt-in value, wrong values, wrong types. */
const OPT_INPUTS: SchemeInputs[] = [
  {},
  { salt: 'MDEyMzQ1Njc4OWFiY2RlZg==' },
  { salt: 'k2x9s8c7t1' }, // not base64: aspnet-membership declines it
  ...['md5', 'sha1', 'sha256', 'sha512', 'MD5', ''].map((v) => ({ params: { bcryptPrehash: v } })),
  { params: { bcryptPrehash: 5 } },
  { params: { bcryptDouble: 'wcf2' } },
  { params: { hashIterations: 27500 } },
  { params: { hashIterations: 'x' } },
  { salt: 'MDEyMzQ1Njc4OWFiY2RlZg==', params: { hashIterations: 27500, algorithm: 'pbkdf2-sha512' } },
  { params: { firebaseSignerKey: 'Bw==', firebaseSaltSeparator: 'Bw==', firebaseRounds: 8 } },
  {
    salt: '42xEC+ixf3L2lw==',
    params: {
      firebaseSignerKey: 'jxspr8Ki0RYycVU8zykbdLGjFQ3McFUH0uiiTvC8pVMXAn210wjLNmdZJzxUECKbm0QsEmYUSDzZvpjeJ9WmXA==',
      firebaseSaltSeparator: 'Bw==',
      firebaseRounds: 8,
      firebaseMemCost: 14,
    },
  },
];

describe('opt-in schemes (Scheme.optIn)', () => {
  const strings = corpus();

  it('keeps its promise: when optIn is false, parse throws', () => {
    const broken: string[] = [];
    for (const s of allSchemes()) {
      if (!s.optIn) continue;
      for (const inputs of OPT_INPUTS) {
        for (const text of strings) {
          if (s.optIn(inputs, text) || !recognizes(s, text)) continue;
          try {
            s.parse(text, inputs);
            broken.push(`${s.id}: ${JSON.stringify(text.slice(0, 40))} ${JSON.stringify(inputs.params)}`);
          } catch {
            // expected
          }
        }
      }
    }
    expect(broken.slice(0, 10)).toEqual([]);
  });

  it('the bcrypt pre-hash wrappers, keycloak-pbkdf2 and firebase-scrypt declare it', () => {
    for (const id of ['bcrypt-md5', 'bcrypt-sha1', 'bcrypt-sha256', 'bcrypt-sha512', 'keycloak-pbkdf2', 'firebase-scrypt']) {
      expect(allSchemes().find((s) => s.id === id)?.optIn, id).toBeTypeOf('function');
    }
  });

  it('detect() gives exactly what the plain recognize+parse loop gives (fits, scores, malformed error)', () => {
    const mismatches: string[] = [];
    for (const inputs of OPT_INPUTS) {
      for (const text of strings) {
        const a = view(detect(text, inputs));
        const b = view(naiveDetect(text, inputs));
        if (JSON.stringify(a) !== JSON.stringify(b)) mismatches.push(`${JSON.stringify(text.slice(0, 40))} ${JSON.stringify(inputs.params)}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });
});

// ---------- shape dispatch, shared parses, ranked order: random and mutated strings ----------

/** identify() as it was: the plain loop (naiveDetect) over the trimmed string and the plain mapping. */
function naiveIdentify(stored: string, inputs: SchemeInputs): unknown[] {
  if (stored.length > 1024) return []; // maxHashLength
  return naiveDetect(normalizeStored(stored), inputs).fits.map((f) => ({
    scheme: f.scheme.id,
    title: f.scheme.title,
    platforms: f.scheme.platforms,
    missing: f.missing,
    params: f.scheme.describe ? f.scheme.describe(f.parsed) : {},
    score: f.score,
  }));
}

/** Inputs that change ranks and missing lists: none, each input alone, all of them, params. */
const RANK_INPUTS: SchemeInputs[] = [
  {},
  { salt: '827500576' },
  { pepper: new Uint8Array([1, 2]) },
  { username: 'JohnDoe' },
  { salt: 'n0PsAlT=', pepper: new Uint8Array([3]), username: 'x' },
  { params: { stretches: 2, bcryptDouble: 'wcf2' } },
];

/** A corpus string, mutated once (test/helpers/mutate.ts). */
const mutated = (strings: readonly string[]) =>
  fc
    .tuple(fc.constantFrom(...strings), fc.nat(), fc.constantFrom('0', 'f', 'F', 'z', 'Z', '$', ':', '=', '.', '/', '+', ' ', '{', 'é', ''), fc.nat(MUTATIONS - 1))
    .map(([s, at, c, op]) => mutate(s, at, c, op));

describe('shape dispatch and shared parses (random and mutated strings)', () => {
  const strings = corpus();
  const text = fc.oneof(
    mutated(strings),
    mutated(strings).chain((s) => mutated([s])),
    fc.stringMatching(/^[0-9a-fA-F]{14,130}$/),
    fc.stringMatching(/^[0-9a-fA-F]{30,130}[: ][^:]{0,20}$/),
    fc.stringMatching(/^[A-Za-z0-9+/]{20,90}={0,2}$/),
    fc.string({ maxLength: 80 }),
  );

  it('detect() gives exactly what the plain loop gives (fits, scores, missing, malformed)', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(...RANK_INPUTS, ...OPT_INPUTS), (t, inputs) => {
        expect(view(detect(t, inputs))).toEqual(view(naiveDetect(t, inputs)));
      }),
      { numRuns: 3000 },
    );
  }, 120_000);

  it('identify() output is byte-identical to the plain loop and mapping', async () => {
    const { identify } = await import('../src/identify.js');
    const optionsOf = (inputs: SchemeInputs) => ({
      ...(inputs.salt !== undefined ? { salt: inputs.salt } : {}),
      ...(inputs.pepper !== undefined ? { pepper: inputs.pepper } : {}),
      ...(inputs.username !== undefined ? { username: inputs.username } : {}),
      ...(inputs.params !== undefined ? { params: { ...inputs.params } } : {}),
    });
    const same = (t: string, inputs: SchemeInputs) => {
      expect(JSON.stringify(identify(t, optionsOf(inputs)))).toBe(JSON.stringify(naiveIdentify(t, inputs)));
    };
    for (const t of strings) for (const inputs of RANK_INPUTS) same(t, inputs);
    fc.assert(fc.property(text, fc.constantFrom(...RANK_INPUTS), same), { numRuns: 2000 });
  }, 120_000);

  it('gives every fit its own parsed object and missing list (shared parses are copied)', () => {
    const a = detect('5f4dcc3b5aa765d61d8327deb882cf99', {});
    const b = detect('5f4dcc3b5aa765d61d8327deb882cf99', {});
    expect(a.fits.length).toBeGreaterThan(5);
    expect(new Set(a.fits.map((f) => f.parsed)).size).toBe(a.fits.length);
    expect(new Set([...a.fits, ...b.fits].map((f) => f.missing)).size).toBe(a.fits.length * 2);
    // Mutating one fit's parse or missing list changes no other fit, now or in a later call.
    const vb = a.fits.find((f) => f.scheme.id === 'vbulletin')!;
    (vb.parsed as unknown as { rounds: number }).rounds = 99;
    vb.missing.push('pepper');
    expect(a.fits.find((f) => f.scheme.id === 'mybb')!.parsed).toMatchObject({ rounds: 0 });
    const again = detect('5f4dcc3b5aa765d61d8327deb882cf99', {});
    expect(view(again)).toEqual(view(naiveDetect('5f4dcc3b5aa765d61d8327deb882cf99', {})));
  });

  it('keeps a bounded cache: a flood of distinct shapes changes no answer', () => {
    for (let n = 1; n < 6000; n++) detect('x'.repeat(n % 1500) + '0'.repeat(n % 7), {});
    for (const t of ['5f4dcc3b5aa765d61d8327deb882cf99', '$2y$10$abcdefghijklmnopqrstuuqd3G4ur.RrkG.EessD4VKyPDn8NhjJm']) {
      expect(view(detect(t, {}))).toEqual(view(naiveDetect(t, {})));
    }
  });
});
