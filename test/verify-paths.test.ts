/**
 * verify() runs synchronously while every candidate is a fixed-cost digest and continues
 * asynchronously from the first candidate whose derivation returns a promise (src/verify.ts).
 * These tests pin what must not change across that switch: candidate order, the result, errors
 * as rejections (never synchronous throws) and the password wiped only after the last derivation.
 */
import { describe, expect, it } from 'vitest';
import { registerScheme, verify, verifyDetailed, LegacyHashError } from '../src/index.js';
import type { Scheme } from '../src/types.js';

const seen: Uint8Array[] = [];
/** Two schemes claiming `vp:<tag>`: a synchronous one (never matches) and an async one (matches "right"). */
function scheme(id: string, rank: number, derive: Scheme['derive']): Scheme {
  return {
    id,
    title: id,
    family: 'test',
    platforms: [],
    platformIds: [],
    example: { password: 'right', hash: 'vp:x' },
    rank,
    recognize: (s) => s.startsWith('vp:'),
    parse: () => ({ expected: new Uint8Array([1]) }),
    derive,
  } as Scheme;
}
registerScheme(scheme('vp-sync-never', 50, () => new Uint8Array([0])));
registerScheme(
  scheme('vp-async-right', 40, async (pw) => {
    seen.push(pw);
    await new Promise((r) => setTimeout(r, 5));
    // The password is still intact while an async derivation runs.
    return new Uint8Array([new TextDecoder().decode(pw) === 'right' ? 1 : 0]);
  }),
);

describe('verify: synchronous candidates, then asynchronous ones', () => {
  it('tries candidates in rank order across the switch and reports the async match', async () => {
    const r = await verifyDetailed('right', 'vp:x');
    expect(r).toEqual({ match: true, scheme: 'vp-async-right', tried: ['vp-sync-never', 'vp-async-right'] });
    expect(await verify('right', 'vp:x')).toBe(true);
    expect(await verify('wrong', 'vp:x')).toBe(false);
    expect(await verifyDetailed('wrong', 'vp:x')).toEqual({ match: false, tried: ['vp-sync-never', 'vp-async-right'] });
  });

  it('wipes the password only after the asynchronous derivation finished', async () => {
    seen.length = 0;
    await verify('right', 'vp:x');
    expect(seen).toHaveLength(1);
    expect([...seen[0]!].every((b) => b === 0)).toBe(true);
  });

  it('a synchronous cheap verify resolves to a boolean and still wipes', async () => {
    const p = verify('hashcat', '8743b52063cd84097a65d1633f5c74f5', { scheme: 'md5' });
    expect(p).toBeInstanceOf(Promise);
    expect(await p).toBe(true);
    expect(await verify('hashcat!', '8743b52063cd84097a65d1633f5c74f5', { scheme: 'md5' })).toBe(false);
    expect(await verifyDetailed('hashcat', '8743b52063cd84097a65d1633f5c74f5', { scheme: 'md5' })).toEqual({
      match: true,
      scheme: 'md5',
      tried: ['md5'],
    });
  });

  it('a synchronous answer is one of two shared, frozen, settled promises', async () => {
    const right = verify('hashcat', '8743b52063cd84097a65d1633f5c74f5', { scheme: 'md5' });
    const wrong = verify('hashcat!', '8743b52063cd84097a65d1633f5c74f5', { scheme: 'md5' });
    expect(verify('hashcat', '8743b52063cd84097a65d1633f5c74f5')).toBe(right);
    expect(wrong).not.toBe(right);
    expect(Object.isFrozen(right) && Object.isFrozen(wrong)).toBe(true);
    expect([await right, await wrong]).toEqual([true, false]);
    // An asynchronous candidate still gets its own promise.
    const late = verify('right', 'vp:async');
    expect(late).not.toBe(right);
    expect(await late).toBe(true);
  });

  it('errors are rejections, never synchronous throws', async () => {
    let p: Promise<boolean> | undefined;
    expect(() => {
      p = verify('x', 'not a hash at all', { scheme: 'md5' });
    }).not.toThrow();
    await expect(p).rejects.toBeInstanceOf(LegacyHashError);
    await expect(verify('x', 'y', 42 as never)).rejects.toMatchObject({ code: 'ERR_INVALID_ARGUMENT' });
  });
});
