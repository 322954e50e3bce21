/**
 * Wrapped legacy hashes: the legacy digest put inside a modern KDF so that the copy imported
 * into the new platform (e.g. a commercetools custom field) is expensive to crack, while the
 * legacy parameters (salt, cost, variant) stay readable. Made by `wrap()` (src/wrap/wrap.ts).
 *
 *   $lhw$1$<kdf>$<kdf params>$<kdf salt>$<kdf hash>$<scheme id>[,<scheme id>...]$<template>
 *
 * <template> is the original stored string with its digest replaced by a same-shaped all-zero
 * placeholder. Verification: parse the template with each inner scheme, derive the legacy digest
 * from the password, run the outer KDF over it, compare in constant time with <kdf hash>.
 */
import { fromBase64NoPad } from '../core/encoding.js';
import { defineScheme } from '../core/scheme.js';
import { LegacyHashError, malformed } from '../errors.js';
import type { CostCheck, Derived, ParsedHash, Scheme, SchemeInputs } from '../types.js';
import { outerCosts, outerDerive, outerDeriveSync, outerInlineCost, parseOuter, type OuterKdf } from '../wrap/outer.js';

export const WRAPPED_PREFIX = '$lhw$1$';

/** Inner schemes one wrapped string may list (wrap() keeps the candidates verify would try). */
export const MAX_INNER_SCHEMES = 8;

export interface WrappedParsed extends ParsedHash {
  outer: OuterKdf;
  /** Inner schemes that can run with the inputs given, each with the template parsed. */
  inner: { schemeId: string; parsed: ParsedHash }[];
}

/** Splits a wrapped string; the template may itself contain '$'. */
export function splitWrapped(s: string): { kdf: string; params: string; salt: string; hash: string; ids: string[]; template: string } {
  const parts = s.slice(WRAPPED_PREFIX.length).split('$');
  if (parts.length < 6) throw malformed('wrapped', 'missing fields');
  const [kdf, params, salt, hash, ids] = parts as [string, string, string, string, string];
  // Each inner scheme reruns the outer KDF: no repeats, and no more than wrap() ever writes.
  const list = ids.split(',');
  if (new Set(list).size !== list.length || list.length > MAX_INNER_SCHEMES) throw malformed('wrapped', 'bad inner scheme list');
  return { kdf, params, salt, hash, ids: list, template: parts.slice(5).join('$') };
}

/** A fixed-cost digest: no cost parameter, no offload, no work estimate (its derive is synchronous). */
function isFixedCost(s: Scheme): boolean {
  return s.cost === undefined && (s.offload ?? false) === false && s.inlineCost === undefined;
}

/** Built by the registry with its own lookup, so this file does not import the registry. */
export function makeWrappedScheme(lookup: (id: string) => Scheme | undefined): Scheme<WrappedParsed> {
  const innerScheme = (id: string): Scheme => {
    const s = lookup(id);
    if (!s || id === 'wrapped') throw malformed('wrapped', 'unknown inner scheme');
    return s;
  };

  const deriveAsync = async (pw: Uint8Array, p: WrappedParsed, inputs: SchemeInputs): Promise<Uint8Array[]> => {
    const out: Uint8Array[] = [];
    for (const { schemeId, parsed } of p.inner) {
      const d: Derived = await innerScheme(schemeId).derive(pw, parsed, inputs);
      for (const legacy of d instanceof Uint8Array ? [d] : d) out.push(await outerDerive(p.outer, legacy));
    }
    return out;
  };

  return defineScheme<WrappedParsed>({
    id: 'wrapped',
    title: 'legacy-hash wrapped legacy digest (argon2id or scrypt around any scheme)',
    family: 'wrapped',
    platforms: ['legacy-hash wrap(): legacy hashes protected at rest during a migration'],
    platformIds: ['legacy-hash'],
    // The hashcat mode 20 example "57ab8499...:4247" (password "hashcat") wrapped; the outer hash
    // is PHP's sodium_crypto_pwhash(32, hex2bin(digest), "somesaltsomesalt", 1, 262144, ARGON2ID13).
    example: {
      password: 'hashcat',
      hash: '$lhw$1$argon2id$m=256,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$OKe3Xm3iUff2GN1cRbp0BDHCnNojsUblnjbvVMLXxW8$magento1$00000000000000000000000000000000:4247',
    },
    rank: 100,
    prefixes: [WRAPPED_PREFIX],
    recognize: (s) => s.startsWith(WRAPPED_PREFIX),
    parse(s, inputs) {
      const f = splitWrapped(s);
      const outer = parseOuter(f.kdf, f.params, f.salt);
      const expected = fromBase64NoPad(f.hash);
      if (!expected || expected.length < 16) throw malformed('wrapped', 'invalid outer hash');
      const inner: WrappedParsed['inner'] = [];
      let missing: string | undefined;
      for (const id of f.ids) {
        const scheme = innerScheme(id);
        if (!scheme.recognize(f.template)) throw malformed('wrapped', `template is not a ${id} string`);
        const parsed = scheme.parse(f.template, inputs);
        const need = (scheme.needs ?? []).find((n) => inputs[n] === undefined);
        if (need) missing ??= need;
        else inner.push({ schemeId: id, parsed });
      }
      if (inner.length === 0) {
        throw new LegacyHashError('ERR_MISSING_INPUT', `wrapped hash needs ${missing ?? 'an input'}`, {
          scheme: 'wrapped',
          field: missing,
        });
      }
      return { outer, inner, expected };
    },
    cost(p) {
      // The outer KDF runs once per inner scheme: its time-like costs count that many times.
      const runs = p.inner.length;
      const checks: CostCheck[] = outerCosts(p.outer).map((c) =>
        c.limit === 'maxArgon2Passes' || (p.outer.kdf === 'scrypt' && c.limit === 'maxMemoryBytes') ? { ...c, value: c.value * runs } : c,
      );
      for (const { schemeId, parsed } of p.inner) checks.push(...(innerScheme(schemeId).cost?.(parsed) ?? []));
      return checks;
    },
    offload(p, pw) {
      return p.inner.some(({ schemeId, parsed }) => {
        const o = innerScheme(schemeId).offload;
        return typeof o === 'function' ? o(parsed, pw) : o === true;
      });
    },
    // Routing: with test-sized outer settings and inner formats that are fixed-cost digests, the
    // whole derivation is shorter than a hand-off to the libuv pool (measured: the m=256 KiB
    // example 183 µs through the pool vs 144 µs for @node-rs/argon2 called directly), so it may
    // run on this thread. An inner format with work of its own (bcrypt, phpass...) never does.
    inlineCost: {
      work: [],
      usPerUnit: 0,
      baseUs: Infinity,
      of: (p) => (p.inner.every(({ schemeId }) => isFixedCost(innerScheme(schemeId))) ? outerInlineCost(p.outer, p.inner.length) : undefined),
      deriveSync(pw, p, inputs) {
        const out: Uint8Array[] = [];
        for (const { schemeId, parsed } of p.inner) {
          const d = innerScheme(schemeId).derive(pw, parsed, inputs);
          // A registered scheme may derive asynchronously without declaring a cost: the async path then.
          if (!(d instanceof Uint8Array) && !Array.isArray(d)) return deriveAsync(pw, p, inputs);
          for (const legacy of d instanceof Uint8Array ? [d] : d) out.push(outerDeriveSync(p.outer, legacy));
        }
        return out;
      },
    },
    derive: deriveAsync,
    describe: (p) => ({
      kdf: p.outer.kdf,
      inner: p.inner.map((i) => i.schemeId).join(','),
    }),
  });
}
