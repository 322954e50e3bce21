/** PostgreSQL md5 and SCRAM-SHA-256 (src/algorithms/postgres.ts). */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { identify, shutdownPool, verify } from '../src/index.js';
import { scramPasswordReadings } from '../src/algorithms/postgres.js';
import { anyPassword, expectCode, kdfOracle, roundTrip, runProp, saltBytes, saltText } from './helpers/kdf.js';
import { hasPasslib } from './helpers/refs.js';

afterAll(() => shutdownPool());

const SCRAM = 'SCRAM-SHA-256$4096:IKfxzJ8Nq4PkLJCfgKcPmA==$iRw3qwTp18uaBnsTOEExbtgWdKeBMbSSnZvqD4sdqLQ=:hPciC1CcnBna3szR8Mf3MVc8t0W7QPbIHoMMrh4zRV0=';

describe('PostgreSQL', () => {
  it('md5 needs the role name', async () => {
    const err = await expectCode(verify('hashcat', 'md593a8cf6a7d43e3b5bcd2dc6abb3e02c6', { scheme: 'postgres-md5' }), 'ERR_MISSING_INPUT');
    expect(err.field).toBe('username');
    expect(identify('md593a8cf6a7d43e3b5bcd2dc6abb3e02c6', { username: 'u' })[0]!.scheme).toBe('postgres-md5');
  });
  it.each([
    'SCRAM-SHA-256$0:IKfxzJ8Nq4PkLJCfgKcPmA==$iRw3qwTp18uaBnsTOEExbtgWdKeBMbSSnZvqD4sdqLQ=:hPciC1CcnBna3szR8Mf3MVc8t0W7QPbIHoMMrh4zRV0=',
    'SCRAM-SHA-256$4096:IKfxzJ8Nq4PkLJCfgKcPmA==$iRw3qwTp18uaBnsTOEExbtgWdKeBMbSSnZvqD4sdqL==:hPciC1CcnBna3szR8Mf3MVc8t0W7QPbIHoMMrh4zRV0=',
    'SCRAM-SHA-256$4096:$iRw3qwTp18uaBnsTOEExbtgWdKeBMbSSnZvqD4sdqLQ=:hPciC1CcnBna3szR8Mf3MVc8t0W7QPbIHoMMrh4zRV0=',
    'SCRAM-SHA-256$4096:IKfxzJ8Nq4PkLJCfgKcPmA==$iRw3qwTp18uaBnsTOEExbtgWdKeBMbSSnZvqD4sdqLQ=',
  ])('SCRAM refuses %s', async (stored) => {
    await expectCode(verify('x', stored), 'ERR_MALFORMED_HASH');
  });
  it('SCRAM iterations are capped before work', async () => {
    await expectCode(verify('hashcat', SCRAM.replace('$4096:', '$99999999:')), 'ERR_LIMIT_EXCEEDED');
  });
  it('SASLprep readings: ASCII as is; mapped + NFKC and raw for the rest; raw for invalid UTF-8', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(scramPasswordReadings(enc('password'))).toHaveLength(1);
    expect(scramPasswordReadings(enc('Pässword'))).toHaveLength(1);
    const [prep, raw] = scramPasswordReadings(enc('\u2163\u00a0x\u00ad'));
    expect(new TextDecoder().decode(prep)).toBe('IV x');
    expect(new TextDecoder().decode(raw)).toBe('\u2163\u00a0x\u00ad');
    expect(scramPasswordReadings(new Uint8Array([0xff, 0x41]))).toHaveLength(1);
  });
});

describe.skipIf(!hasPasslib())('live reference (passlib postgres_md5; RFC 5802 + stringprep SASLprep)', () => {
  const py = kdfOracle();
  afterAll(() => py.close());
  it('md5 . username', () =>
    runProp(fc.asyncProperty(anyPassword, saltText(1, 20), (pw, username) =>
      roundTrip(py, { scheme: 'postgres-md5', params: { username } }, pw, 'postgres-md5', { username })) as never, 30));
  it('SCRAM-SHA-256 (any bytes, SASLprep included)', () =>
    runProp(fc.asyncProperty(anyPassword.map((b) => b.map((x) => x || 1)), saltBytes(1, 24), fc.integer({ min: 1, max: 100 }), (pw, s, iterations) =>
      roundTrip(py, { scheme: 'postgres-scram', params: { saltHex: Buffer.from(s).toString('hex'), iterations } }, pw, 'postgres-scram')) as never, 40));
});
