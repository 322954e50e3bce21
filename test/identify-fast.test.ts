/**
 * identify()/verify() ask only the schemes whose declared `prefixes` fit the string's first
 * character (src/detect/candidates.ts). That must change nothing but speed: for every string,
 * the schemes that recognise it through the index are exactly those the plain loop over every
 * scheme finds, in the same order, and every `prefixes` declaration is true of its recognize().
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidatesFor, detect, type Detection } from '../src/detect/candidates.js';
import { missingInputs, score } from '../src/detect/rank.js';
import { LegacyHashError, toLegacyHashError } from '../src/errors.js';
import { allSchemes, platformIds, schemesForPlatform } from '../src/registry.js';
import type { ParsedHash, Scheme, SchemeInputs } from '../src/types.js';
import { loadVectorFiles } from './helpers/vectors.js';

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
