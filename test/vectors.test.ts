/**
 * Every known-answer vector in test/vectors/ (all from independent references) verifies under
 * its scheme, both forced and auto-detected, and fails for a wrong password and a changed hash.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { LegacyHashError, shutdownPool, verify, verifyDetailed } from '../src/index.js';
import { loadVectorFiles, optionsOf, passwordOf, wrongPassword } from './helpers/vectors.js';

afterAll(() => shutdownPool());

const files = loadVectorFiles();

it('has vector files', () => {
  expect(files.length).toBeGreaterThan(0);
});

for (const f of files) {
  describe(f.file, () => {
    it('records a generator and a source for every vector', () => {
      expect(f.generator).toBeTruthy();
      for (const v of f.vectors) expect(v.source, v.hash).toBeTruthy();
    });

    for (const [i, v] of f.vectors.entries()) {
      const label = `#${i} ${v.scheme} ${v.note ?? v.password ?? v.passwordHex}`.slice(0, 120);
      it(label, async () => {
        const pw = passwordOf(v);
        const options = optionsOf(v);
        const forced = await verify(pw, v.hash, { ...options, scheme: v.scheme }).catch((e: unknown) => e);
        if (!v.match) {
          // A reference says "no": false, or a hash/password the platform can never accept.
          if (forced instanceof LegacyHashError) expect(['ERR_MALFORMED_HASH', 'ERR_LIMIT_EXCEEDED']).toContain(forced.code);
          else expect(forced).toBe(false);
          return;
        }
        expect(forced).toBe(true);
        // Auto-detection finds it too (unless the vector says the shape alone is ambiguous).
        if (v.detect !== false) {
          const r = await verifyDetailed(pw, v.hash, options);
          expect(r.match).toBe(true);
          expect(r.scheme).toBe(v.scheme);
        }
        // Negatives: a different password, and the hash with one digest character changed.
        expect(await verify(wrongPassword(pw), v.hash, { ...options, scheme: v.scheme })).toBe(false);
        const changed = changeLastChar(v.hash);
        const result = await verify(pw, changed, { ...options, scheme: v.scheme }).catch((e: unknown) => e);
        if (result instanceof LegacyHashError) expect(result.code).toBe('ERR_MALFORMED_HASH');
        else expect(result).toBe(false);
      });
    }
  });
}

/** Changes the hash's last character to another one of the same class (digit/letter/symbol). */
function changeLastChar(h: string): string {
  const c = h[h.length - 1]!;
  const swap =
    c === '0' ? '1' : /[0-9]/.test(c) ? '0' : c === 'a' ? 'b' : /[a-z]/.test(c) ? 'a' : c === 'A' ? 'B' : /[A-Z]/.test(c) ? 'A' : c === '.' ? '/' : '.';
  return h.slice(0, -1) + swap;
}
