/** MySQL PASSWORD() formats (src/algorithms/mysql.ts): parsers and live reference (passlib). */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { shutdownPool, verify } from '../src/index.js';
import { anyPassword, expectCode, kdfOracle, roundTrip, runProp } from './helpers/kdf.js';
import { hasPasslib } from './helpers/refs.js';

afterAll(() => shutdownPool());

describe('MySQL', () => {
  it.each([
    ['mysql41', '*FCF7C1B8749CF99D88E5F34271D636178FB5D13'],
    ['mysql41', '*FCF7C1B8749CF99D88E5F34271D636178FB5D13G'],
    ['mysql323', '8196759210defdc0'], // top bit of a 31-bit word
  ])('%s refuses %s', async (scheme, stored) => {
    await expectCode(verify('x', stored, { scheme }), 'ERR_MALFORMED_HASH');
  });
  it('either hex case; old PASSWORD() skips spaces and tabs', async () => {
    expect(await verify('hashcat', '*fcf7c1b8749cf99d88e5f34271d636178fb5d130')).toBe(true);
    expect(await verify('hash cat', '7196759210DEFDC0', { scheme: 'mysql323' })).toBe(true);
  });
});

describe.skipIf(!hasPasslib())('live reference (passlib mysql41 / mysql323)', () => {
  const py = kdfOracle();
  afterAll(() => py.close());
  it('mysql41', () => runProp(fc.asyncProperty(anyPassword, (pw) => roundTrip(py, { scheme: 'mysql41', params: {} }, pw, 'mysql41')) as never, 30));
  it('mysql323', () =>
    runProp(fc.asyncProperty(anyPassword, (pw) => roundTrip(py, { scheme: 'mysql323', params: {} }, pw, 'mysql323', { platform: 'mysql' })) as never, 50));
});
