/**
 * Scheme.shape declarations (src/detect/shape.ts) are promises detection relies on to skip work:
 * - a string whose length or characters the shape rejects is never recognised;
 * - an `exact` shape (when honoured) is exactly what recognize() says;
 * - schemes sharing a `layout` key parse every string they both recognise identically.
 * And the one-pass base64 decoders in src/core/encoding.ts equal their regex + Buffer definition.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromAb64, fromBase64, fromBase64NoPad } from '../src/core/encoding.js';
import { classMask, compileShape } from '../src/detect/shape.js';
import { allSchemes } from '../src/registry.js';
import type { Scheme, SchemeInputs } from '../src/types.js';
import { loadVectorFiles } from './helpers/vectors.js';

const recognizes = (s: Scheme, text: string): boolean => {
  try {
    return s.recognize(text) === true;
  } catch {
    return false;
  }
};

const startsWithPrefix = (s: Scheme, text: string): boolean => !s.prefixes || s.prefixes.some((p) => text.startsWith(p));

const compiled = new Map(allSchemes().map((s) => [s, compileShape(s.shape)]));

function admits(s: Scheme, text: string): boolean {
  const shape = compiled.get(s)!;
  const mask = classMask(text);
  return shape.length(text.length) && (mask & ~shape.allowed) === 0 && (shape.required === 0 || (mask & shape.required) !== 0);
}

const shaped = allSchemes().filter((s) => s.shape !== undefined);

/** Vector hashes and examples, with each character class swapped in at a few places. */
function corpus(): string[] {
  const base = new Set<string>();
  for (const f of loadVectorFiles()) for (const v of f.vectors) base.add(v.hash);
  for (const s of allSchemes()) base.add(s.example.hash);
  const out = new Set(base);
  const swaps = ['0', 'a', 'g', 'A', 'G', '+', '/', '=', '.', ':', '$', '_', '-', ' ', '!', 'é', '\u0131'];
  for (const h of base) {
    out.add(h.toUpperCase());
    out.add(h.toLowerCase());
    out.add(h.slice(1));
    out.add(h.slice(0, -1));
    out.add(`${h}0`);
    for (const c of swaps) {
      out.add(c + h.slice(1));
      out.add(h.slice(0, -1) + c);
      const mid = h.length >> 1;
      out.add(h.slice(0, mid) + c + h.slice(mid + 1));
    }
  }
  return [...out];
}

/** Strings near the shapes: hex/base64/crypt64 runs of the lengths schemes declare, with separators. */
const nearShapes = fc.oneof(
  fc.stringMatching(/^[0-9a-fA-F]{0,130}$/),
  fc.stringMatching(/^[0-9a-fA-F]{12,130}[: ][^:]{0,40}(:[0-9_:]{0,8})?$/),
  fc.stringMatching(/^[A-Za-z0-9+/]{20,90}={0,3}$/),
  fc.stringMatching(/^[./0-9A-Za-z]{10,40}$/),
  fc.stringMatching(/^[0-9]{1,11}:[0-9a-fA-F]{0,40}:[0-9a-fA-F]{0,70}$/),
  fc.stringMatching(/^\$2[abxy]?\$[0-9]{2}\$[./A-Za-z0-9]{50,56}$/),
  fc.string({ maxLength: 100 }),
);

describe('Scheme.shape declarations', () => {
  const strings = corpus();

  it('every declaration compiles (an unusable one would silently promise nothing)', () => {
    expect(shaped.length).toBeGreaterThan(40);
    for (const s of shaped) expect(compileShape(s.shape), s.id).toBeDefined();
  });

  it('the common formats have exact shapes (detection skips their recognize)', () => {
    for (const id of ['md5', 'sha1', 'sha256', 'sha512', 'mysql323', 'des-crypt', 'prestashop', 'vbulletin', 'nopcommerce-md5']) {
      expect(compileShape(allSchemes().find((s) => s.id === id)!.shape)?.exact, id).toBe(true);
    }
  });

  it('a string the shape rejects is never recognised (corpus and random strings)', () => {
    const wrong: string[] = [];
    const check = (text: string) => {
      for (const s of shaped) if (!admits(s, text) && recognizes(s, text)) wrong.push(`${s.id}: ${JSON.stringify(text.slice(0, 50))}`);
    };
    strings.forEach(check);
    fc.assert(fc.property(nearShapes, (t) => check(t)), { numRuns: 1500 });
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('an honoured exact shape is exactly recognize() (with the declared prefixes)', () => {
    const exact = shaped.filter((s) => compiled.get(s)!.exact);
    const wrong: string[] = [];
    const check = (text: string) => {
      for (const s of exact) {
        if (recognizes(s, text) !== (startsWithPrefix(s, text) && admits(s, text))) wrong.push(`${s.id}: ${JSON.stringify(text.slice(0, 50))}`);
      }
    };
    strings.forEach(check);
    fc.assert(fc.property(nearShapes, (t) => check(t)), { numRuns: 1500 });
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  it('schemes sharing a layout key parse every string they both recognise identically', () => {
    const groups = new Map<string, Scheme[]>();
    for (const s of shaped) {
      const key = s.shape!.layout;
      if (key !== undefined) groups.set(key, [...(groups.get(key) ?? []), s]);
    }
    const shared = [...groups.values()].filter((g) => g.length > 1);
    // The md5 formula family and the plain bcrypt readers at least.
    expect(shared.some((g) => g.some((s) => s.id === 'vbulletin') && g.some((s) => s.id === 'mybb'))).toBe(true);
    expect(shared.some((g) => g.some((s) => s.id === 'bcrypt') && g.some((s) => s.id === 'smf21'))).toBe(true);
    const inputsList: SchemeInputs[] = [
      {},
      { salt: 'abc' },
      { params: { stretches: 3 } },
      { params: { stretches: 'x' } },
      { username: 'u', pepper: new Uint8Array([1]) },
      ...['md5', 'sha1', 'sha256', 'sha512'].map((alg) => ({ params: { bcryptPrehash: alg, bcryptDouble: 'wcf2' } })),
    ];
    const outcome = (s: Scheme, text: string, inputs: SchemeInputs): string => {
      try {
        return JSON.stringify(s.parse(text, inputs), (_, v) => (v instanceof Uint8Array ? [...v] : v));
      } catch (e) {
        return `throws ${(e as { code?: string }).code}`;
      }
    };
    const wrong: string[] = [];
    const check = (text: string) => {
      for (const g of shared) {
        const claiming = g.filter((s) => recognizes(s, text));
        for (const inputs of inputsList) {
          // The promise covers the schemes that opt in to these inputs (the others are never parsed).
          const seen = new Set(claiming.filter((s) => !s.optIn || s.optIn(inputs, text)).map((s) => outcome(s, text, inputs)));
          if (seen.size > 1) wrong.push(`${claiming.map((s) => s.id).join(',')}: ${JSON.stringify(text.slice(0, 50))}`);
        }
      }
    };
    strings.forEach(check);
    fc.assert(fc.property(nearShapes, (t) => check(t)), { numRuns: 500 });
    expect(wrong.slice(0, 10)).toEqual([]);
  }, 120_000);
});

// ---------- base64 ----------

/** The definitions the one-pass decoders replaced (regex + Buffer round trip). */
function refCanonical(body: string): Uint8Array | null {
  const bytes = new Uint8Array(Buffer.from(body, 'base64'));
  return Buffer.from(bytes).toString('base64').replace(/=+$/, '') === body ? bytes : null;
}
function refFromBase64(s: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s)) return null;
  const body = s.replace(/=+$/, '');
  if (body.length % 4 === 1) return null;
  if (s.length !== body.length && s.length % 4 !== 0) return null;
  return refCanonical(body);
}
function refFromBase64NoPad(s: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]*$/.test(s) || s.length % 4 === 1) return null;
  return refCanonical(s);
}
const refFromAb64 = (s: string) => refFromBase64NoPad(s.replace(/\./g, '+'));

describe('one-pass base64 decoders', () => {
  const text = fc.oneof(
    fc.uint8Array({ maxLength: 70 }).map((b) => Buffer.from(b).toString('base64')),
    fc.uint8Array({ maxLength: 70 }).map((b) => Buffer.from(b).toString('base64').replace(/=+$/, '')),
    fc.stringMatching(/^[A-Za-z0-9+/.=]{0,40}$/),
    fc.string({ maxLength: 30 }),
  );
  const same = (a: Uint8Array | null, b: Uint8Array | null) => (a === null || b === null ? a === b : Buffer.from(a).equals(Buffer.from(b)));

  it('fromBase64, fromBase64NoPad and fromAb64 give exactly what the regex + Buffer definitions give', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(same(fromBase64(s), refFromBase64(s)), `fromBase64 ${JSON.stringify(s)}`).toBe(true);
        expect(same(fromBase64NoPad(s), refFromBase64NoPad(s)), `fromBase64NoPad ${JSON.stringify(s)}`).toBe(true);
        expect(same(fromAb64(s), refFromAb64(s)), `fromAb64 ${JSON.stringify(s)}`).toBe(true);
      }),
      { numRuns: 5000 },
    );
    for (const s of ['', '=', '==', 'QQ', 'QR', 'QQ=', 'QQ==', 'QUE', 'QUF', 'QUE=', 'QUJD', 'QUJD====', 'a===', 'Q.==', 'ab.c']) {
      expect(same(fromBase64(s), refFromBase64(s)), s).toBe(true);
      expect(same(fromAb64(s), refFromAb64(s)), s).toBe(true);
    }
  });

  it('returns a plain Uint8Array of its own (not a pooled Buffer)', () => {
    const b = fromBase64('QUJD')!;
    expect(Object.getPrototypeOf(b)).toBe(Uint8Array.prototype);
    expect(b.byteOffset).toBe(0);
    expect(b.buffer.byteLength).toBe(3);
  });
});

describe('parser shortcuts', () => {
  it("bcrypt's canonical flag (last salt character's spare bits) equals re-encoding the salt", async () => {
    const { parseBcrypt } = await import('../src/algorithms/bcrypt.js');
    const { decodeBcrypt64, encodeBcrypt64 } = await import('../src/core/encoding.js');
    fc.assert(
      fc.property(fc.stringMatching(/^[./A-Za-z0-9]{53}$/), (body) => {
        const p = parseBcrypt('bcrypt', `$2y$10$${body}`);
        expect(p.canonical).toBe(encodeBcrypt64(decodeBcrypt64(body.slice(0, 22), 16)!) === body.slice(0, 22));
      }),
      { numRuns: 2000 },
    );
  });
});
