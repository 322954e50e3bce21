/**
 * Hash wrapping: for every reference vector of every scheme, wrap(stored) verifies with the
 * right password, not with a wrong one, and no longer contains the legacy digest.
 * A small outer KDF keeps the suite fast; the default parameters are exercised once.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { isWrapped, LegacyHashError, schemes, shutdownPool, verify, verifyDetailed, wrap } from '../src/index.js';
import { ascii } from '../src/core/bytes.js';
import { toAb64, toBase64, toBase64NoPad, toHex } from '../src/core/encoding.js';
import { normalizeStored } from '../src/detect/normalize.js';
import { schemeInputs } from '../src/engine.js';
import { getScheme } from '../src/registry.js';

function encodings(d: Uint8Array): string[] {
  const out = [toHex(d), toHex(d).toUpperCase(), toBase64NoPad(d), toAb64(d)];
  if (d.every((b) => b > 0x20 && b < 0x7f)) out.push(ascii(d));
  return out.filter((t) => t.length >= 8);
}
import { loadVectorFiles, optionsOf, passwordOf, wrongPassword } from './helpers/vectors.js';

afterAll(() => shutdownPool());

const SMALL = { kdf: 'argon2id', memoryKiB: 64, passes: 1, parallelism: 1 } as const;

describe('wrap', () => {
  it('default outer KDF (argon2id m=19456 t=2) and scrypt both round-trip', async () => {
    const md5 = '5f4dcc3b5aa765d61d8327deb882cf99'; // md5("password")
    const a = await wrap(md5);
    expect(a).toMatch(/^\$lhw\$1\$argon2id\$m=19456,t=2,p=1\$/);
    expect(await verify('password', a)).toBe(true);
    const s = await wrap(md5, { outer: { kdf: 'scrypt', log2N: 10 } });
    expect(s).toMatch(/^\$lhw\$1\$scrypt\$ln=10,r=8,p=1\$/);
    expect(await verify('password', s)).toBe(true);
    expect(await verify('passwore', s)).toBe(false);
    expect(isWrapped(s)).toBe(true);
    expect(isWrapped(md5)).toBe(false);
  });

  it('uses a fresh salt each time', async () => {
    const md5 = '5f4dcc3b5aa765d61d8327deb882cf99';
    expect(await wrap(md5, { outer: SMALL })).not.toBe(await wrap(md5, { outer: SMALL }));
  });

  it('refuses unknown strings and outer settings beyond the caps', async () => {
    await expect(wrap('not a hash')).rejects.toMatchObject({ code: 'ERR_UNKNOWN_FORMAT' });
    await expect(wrap('5f4dcc3b5aa765d61d8327deb882cf99', { outer: { kdf: 'argon2id', memoryKiB: 2 ** 22 } })).rejects.toBeInstanceOf(
      LegacyHashError,
    );
  });

  it('every registered scheme example wraps and verifies', async () => {
    for (const s of schemes) {
      if (s.id === 'wrapped') continue;
      const options = { ...(s.example.options ?? {}), scheme: s.id };
      const w = await wrap(s.example.hash, { ...options, outer: SMALL });
      const r = await verifyDetailed(s.example.password, w, s.example.options);
      expect(r.match, s.id).toBe(true);
      expect(w, s.id).toContain(`$${s.id}`);
    }
  });
});

describe('wrap round-trips every reference vector', () => {
  for (const f of loadVectorFiles()) {
    it(f.file, async () => {
      for (const v of f.vectors.filter((x) => x.match)) {
        const options = { ...optionsOf(v), scheme: v.scheme };
        const w = await wrap(v.hash, { ...options, outer: SMALL });
        const label = `${v.scheme} ${v.hash}`;
        expect(await verify(passwordOf(v), w, optionsOf(v)), label).toBe(true);
        expect(await verify(wrongPassword(passwordOf(v)), w, optionsOf(v)), label).toBe(false);
        // The legacy digest is gone from the wrapped string, in every encoding.
        const { expected } = getScheme(v.scheme).parse(normalizeStored(v.hash), schemeInputs(options));
        for (const text of encodings(expected)) expect(w.includes(text), `${label} keeps ${text}`).toBe(false);
      }
    });
  }
});

it('the template never keeps the digest in any encoding', async () => {
  const md5 = '5f4dcc3b5aa765d61d8327deb882cf99';
  const w = await wrap(md5.toUpperCase(), { outer: SMALL });
  expect(w.toLowerCase()).not.toContain(md5);
  expect(w).not.toContain(toBase64(Buffer.from(md5, 'hex')));
  expect(toHex(Buffer.from(md5, 'hex'))).toBe(md5);
});
