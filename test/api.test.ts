/** The public API contract: names, error codes, options, detection, inline vs pooled equivalence. */
import { afterAll, describe, expect, it } from 'vitest';
import {
  configurePool,
  DEFAULT_LIMITS,
  identify,
  LegacyHashError,
  schemes,
  shutdownPool,
  verify,
  verifyDetailed,
} from '../src/index.js';

afterAll(() => shutdownPool());

const PHPASS = '$P$946647711V1klyitUYhtB8Yw5DMA/w.'; // hashcat 400 example, password "hashcat"
const M1 = '57ab8499d08c59a7211c77f557bf9425:4247'; // hashcat 20 example, md5(salt.pw)

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(LegacyHashError);
    return (e as LegacyHashError).code;
  }
  return 'resolved';
}

describe('verify', () => {
  it('true on a match, false on a wrong password', async () => {
    expect(await verify('hashcat', PHPASS)).toBe(true);
    expect(await verify('hashcaT', PHPASS)).toBe(false);
    expect(await verify('', PHPASS)).toBe(false);
  });

  it('takes raw bytes as the password', async () => {
    expect(await verify(new TextEncoder().encode('hashcat'), PHPASS)).toBe(true);
  });

  it('trims surrounding whitespace of the stored string (CSV exports)', async () => {
    expect(await verify('hashcat', `  ${PHPASS}\r\n`)).toBe(true);
  });

  it('reports the matched scheme and what was tried', async () => {
    const r = await verifyDetailed('hashcat', M1);
    expect(r).toEqual({ match: true, scheme: 'magento1', tried: ['magento1'] });
    const miss = await verifyDetailed('nope', M1);
    expect(miss.match).toBe(false);
    expect(miss.scheme).toBeUndefined();
  });

  it('ERR_UNKNOWN_FORMAT for a string no scheme recognises', async () => {
    expect(await code(verify('x', 'not a hash at all'))).toBe('ERR_UNKNOWN_FORMAT');
    expect(await code(verify('x', ''))).toBe('ERR_UNKNOWN_FORMAT');
  });

  it('ERR_MALFORMED_HASH for a recognised prefix with an invalid body', async () => {
    expect(await code(verify('x', '$P$9466477'))).toBe('ERR_MALFORMED_HASH');
    expect(await code(verify('x', '$2y$99$MBCzKhG1KhezLh.0LRa0Kuw12nLJtpHy6DIaU.JAnqJUDYspHC.Ou'))).toBe('ERR_MALFORMED_HASH');
  });

  it('ERR_LIMIT_EXCEEDED for a cost above the cap, before any work', async () => {
    const t = performance.now();
    const huge = '$2y$31$MBCzKhG1KhezLh.0LRa0Kuw12nLJtpHy6DIaU.JAnqJUDYspHC.Ou';
    expect(await code(verify('x', huge))).toBe('ERR_LIMIT_EXCEEDED');
    expect(performance.now() - t).toBeLessThan(1000); // cost 31 would take days
    expect(await code(verify('hashcat', PHPASS, { limits: { maxRounds: 1000 } }))).toBe('ERR_LIMIT_EXCEEDED');
  });

  it('ERR_LIMIT_EXCEEDED for an over-long password or stored string', async () => {
    const long = 'a'.repeat(DEFAULT_LIMITS.maxPasswordBytes + 1);
    expect(await code(verify(long, PHPASS))).toBe('ERR_LIMIT_EXCEEDED');
    expect(await code(verify('x', 'a'.repeat(DEFAULT_LIMITS.maxHashLength + 1)))).toBe('ERR_LIMIT_EXCEEDED');
  });

  it('ERR_INVALID_ARGUMENT for wrong argument types', async () => {
    expect(await code(verify(42 as never, PHPASS))).toBe('ERR_INVALID_ARGUMENT');
    expect(await code(verify('x', null as never))).toBe('ERR_INVALID_ARGUMENT');
    expect(await code(verify('x', PHPASS, { salt: 5 as never }))).toBe('ERR_INVALID_ARGUMENT');
  });

  it('options.scheme forces one scheme', async () => {
    expect(await verify('hashcat', PHPASS, { scheme: 'phpass' })).toBe(true);
    expect(await code(verify('hashcat', PHPASS, { scheme: 'bcrypt' }))).toBe('ERR_MALFORMED_HASH');
    expect(await code(verify('hashcat', PHPASS, { scheme: 'no-such-scheme' }))).toBe('ERR_UNSUPPORTED_SCHEME');
  });

  it('options.platform narrows detection', async () => {
    expect(await verify('hashcat', PHPASS, { platform: 'wordpress' })).toBe(true);
    expect(await code(verify('hashcat', PHPASS, { platform: 'magento2' }))).toBe('ERR_UNKNOWN_FORMAT');
    expect(await code(verify('hashcat', PHPASS, { platform: 'no-such-platform' }))).toBe('ERR_UNSUPPORTED_SCHEME');
  });

  it('ERR_ABORTED when the signal is already aborted or the deadline passes', async () => {
    expect(await code(verify('hashcat', PHPASS, { signal: AbortSignal.abort() }))).toBe('ERR_ABORTED');
    const slow = '$2y$14$MBCzKhG1KhezLh.0LRa0Kuw12nLJtpHy6DIaU.JAnqJUDYspHC.Ou';
    expect(await code(verify('x', slow, { timeoutMs: 5 }))).toBe('ERR_ABORTED');
  });
});

describe('identify', () => {
  it('returns the scheme with its public parameters', () => {
    const [c] = identify(PHPASS);
    expect(c?.scheme).toBe('phpass');
    expect(c?.params).toMatchObject({ rounds: 2048 });
    expect(c?.missing).toEqual([]);
  });

  it('returns an empty list for unknown and malformed strings, never throws on strings', () => {
    expect(identify('hello')).toEqual([]);
    expect(identify('$P$short')).toEqual([]);
    expect(identify('')).toEqual([]);
  });

  it('ranks self-describing formats first and lists every fit', () => {
    const ids = identify('ab5ebf8d273b085b6a60336198e0a5a2090fdc3e0606a678315c7274ab06e046:salt:1').map((c) => c.scheme);
    expect(ids[0]).toBe('magento2');
  });
});

describe('schemes registry', () => {
  it('every scheme has an id, title, platforms and an example that verifies', async () => {
    const ids = new Set<string>();
    for (const s of schemes) {
      expect(ids.has(s.id), s.id).toBe(false);
      ids.add(s.id);
      expect(s.title.length).toBeGreaterThan(0);
      expect(s.platforms.length, s.id).toBeGreaterThan(0);
      const options = { ...(s.example.options ?? {}), scheme: s.id };
      expect(await verify(s.example.password, s.example.hash, options), s.id).toBe(true);
    }
  });
});

describe('worker pool', () => {
  it('inline (workers: 0) and pooled derivations agree', async () => {
    const pooled = await verify('hashcat', PHPASS);
    configurePool({ workers: 0 });
    try {
      expect(await verify('hashcat', PHPASS)).toBe(pooled);
      expect(await verify('wrong', PHPASS)).toBe(false);
    } finally {
      configurePool({ workers: 2 });
    }
  });

  it('runs many concurrent verifications correctly', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => verify(i % 2 ? 'hashcat' : 'bad', PHPASS)));
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i % 2 === 1));
  });
});
