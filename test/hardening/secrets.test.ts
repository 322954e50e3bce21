/**
 * No password, pepper or full stored hash in anything an error carries: message, stack, own
 * properties, JSON, util.inspect. Every error path, for every registered scheme's example and
 * for mutated vectors, with random passwords and peppers that would be easy to spot.
 */
import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { identify, LegacyHashError, shutdownPool, verify, verifyDummy } from '../../src/index.js';
import type { VerifyOptions } from '../../src/types.js';
import { loadVectorFiles, optionsOf } from '../helpers/vectors.js';
import { exampleOptions, schemesWithExamples, WORK_LIMIT_KEYS } from './support.js';

afterAll(() => shutdownPool());

/** Every text an error exposes. */
function exposedText(e: unknown): string {
  const parts: string[] = [];
  if (e instanceof Error) {
    parts.push(String(e.message), String(e.stack), String(e));
    for (const [k, v] of Object.entries(e)) parts.push(k, typeof v === 'string' ? v : JSON.stringify(v) ?? String(v));
    if ('cause' in e) parts.push(inspect((e as { cause?: unknown }).cause, { depth: 5 }));
  }
  parts.push(JSON.stringify(e) ?? '', inspect(e, { depth: 5, showHidden: true }));
  return parts.join('\n');
}

/** Fails when `e` exposes one of the secrets (or a 24-char window of a long stored string). */
function assertNoSecrets(e: unknown, secrets: { password?: string; pepper?: string; stored?: string }, what: string): void {
  expect(e, what).toBeInstanceOf(LegacyHashError);
  const text = exposedText(e);
  if (secrets.password && secrets.password.length >= 8) expect(text.includes(secrets.password), `${what}: password leaked`).toBe(false);
  if (secrets.pepper) expect(text.includes(secrets.pepper), `${what}: pepper leaked`).toBe(false);
  const stored = secrets.stored?.trim();
  if (stored && stored.length >= 16) {
    expect(text.includes(stored), `${what}: stored hash leaked`).toBe(false);
    for (let i = 0; i + 24 <= stored.length; i++) {
      const window = stored.slice(i, i + 24);
      expect(text.includes(window), `${what}: 24 characters of the stored hash leaked ("${window}")`).toBe(false);
    }
  }
}

const token = (prefix: string) => `${prefix}${randomBytes(12).toString('hex')}`;

async function errorOf(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
    return undefined;
  } catch (e) {
    return e;
  }
}

const schemes = schemesWithExamples();
const zeroWork = Object.fromEntries(WORK_LIMIT_KEYS.map((k) => [k, 0]));

describe('errors never carry the password, the pepper or the stored hash', () => {
  for (const scheme of schemes) {
    it(`${scheme.id}: every error path`, async () => {
      const password = token('pw-');
      const pepper = token('pep-');
      const base: VerifyOptions = { ...exampleOptions(scheme), scheme: scheme.id };
      if (base.pepper === undefined) base.pepper = pepper;
      const secretPepper = typeof base.pepper === 'string' ? base.pepper : pepper;
      const stored = scheme.example.hash;
      const cases: [string, string, () => Promise<unknown>][] = [
        ['limit (work caps 0)', stored, () => verify(password, stored, { ...base, limits: zeroWork })],
        ['limit (password too long)', stored, () => verify(password.repeat(400), stored, base)],
        ['limit (stored too long)', stored, () => verify(password, stored + ' '.repeat(5) + stored.repeat(20), { ...base, scheme: undefined })],
        ['malformed (truncated)', stored, () => verify(password, stored.slice(0, -3), base)],
        ['malformed (extended)', stored, () => verify(password, `${stored}${password}`, base)],
        ['malformed (garbage body)', stored, () => verify(password, `${stored.slice(0, 4)}${'\u0000'.repeat(3)}${stored.slice(4)}`, base)],
        ['unknown format', stored, () => verify(password, `~${stored}~`, { ...base, scheme: undefined })],
        ['missing input', stored, () => verify(password, stored, { scheme: scheme.id, pepper: secretPepper })],
        ['invalid argument', stored, () => verify(password, stored, { ...base, salt: 5 as never })],
        ['aborted', stored, () => verify(password, stored, { ...base, signal: AbortSignal.abort() })],
        ['unsupported platform', stored, () => verify(password, stored, { ...base, scheme: undefined, platform: 'no-such-platform' })],
        ['dummy with a bad like', stored, () => verifyDummy({ ...base, password, like: `${stored}${stored}` })],
      ];
      let errors = 0;
      for (const [what, s, run] of cases) {
        const e = await errorOf(run());
        if (e === undefined) continue; // that path resolved for this scheme (e.g. no required input)
        errors++;
        assertNoSecrets(e, { password, pepper: secretPepper, stored: s }, `${scheme.id} ${what}`);
      }
      expect(errors).toBeGreaterThanOrEqual(6);
    });
  }

  it('mutated vectors: errors from every vector file, with their own passwords and peppers', async () => {
    let checked = 0;
    for (const f of loadVectorFiles()) {
      for (const v of f.vectors.slice(0, 25)) {
        const options = { ...optionsOf(v), limits: { ...zeroWork, maxChainSteps: 8 } };
        const pw = v.password && v.password.length >= 8 ? v.password : token('pw-');
        const pepper = typeof options.pepper === 'string' ? options.pepper : undefined;
        for (const stored of [v.hash, v.hash.slice(0, -2), `${v.hash}$`, v.hash.toUpperCase()]) {
          const e = await errorOf(verify(pw, stored, options));
          if (e === undefined) continue;
          assertNoSecrets(e, { password: pw, ...(pepper ? { pepper } : {}), stored: v.hash }, `${f.file} ${v.hash.slice(0, 12)}`);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('identify() and verify() argument errors quote nothing either', async () => {
    const password = token('pw-');
    const stored = `$P$${token('')}`;
    for (const e of [
      await errorOf(verify(password, stored, { params: 'x' as never })),
      await errorOf(verify(password, stored, { timeoutMs: -1 })),
      await errorOf(verify(password, stored, { limits: { maxRounds: -1 } })),
      await errorOf(Promise.resolve().then(() => identify(stored, { salt: 5 as never }))),
    ]) {
      expect(e).toBeDefined();
      assertNoSecrets(e, { password, stored }, 'argument error');
    }
  });

  it('the check can fail: it spots a leaked password, pepper or hash', () => {
    const leak = new LegacyHashError('ERR_MALFORMED_HASH', 'bad hash $P$946647711V1klyitUYhtB8Yw5DMA/w.');
    expect(() => assertNoSecrets(leak, { stored: '$P$946647711V1klyitUYhtB8Yw5DMA/w.' }, 'x')).toThrow();
    const partial = new LegacyHashError('ERR_MALFORMED_HASH', 'digest 6647711V1klyitUYhtB8Yw5DMA/w. bad');
    expect(() => assertNoSecrets(partial, { stored: '$P$946647711V1klyitUYhtB8Yw5DMA/w.' }, 'x')).toThrow();
    const pw = new LegacyHashError('ERR_LIMIT_EXCEEDED', 'ok', { field: 'pw-0123456789' });
    expect(() => assertNoSecrets(pw, { password: 'pw-0123456789' }, 'x')).toThrow();
  });
});
