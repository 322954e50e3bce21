/**
 * The bench's PHP references for the cheap schemes (bench/lib/cases.mjs CHEAP_PHP) run each
 * platform's own check of the stored string. A ratio against a reference that checks something
 * else (another formula, a wrong salt) would mean nothing, so each one must accept the scheme's
 * example password and refuse a wrong one, and every cheap scheme needs one or a stated reason.
 */
import { describe, expect, it } from 'vitest';
import { allSchemes } from '../src/registry.js';
import { hasPhp } from './helpers/refs.js';

interface PhpCheck {
  name: string;
  body: string;
  args: Record<string, string>;
  setup: string;
}
interface CasesModule {
  classify(scheme: unknown, params?: Record<string, unknown>): string;
  cheapPhpCheck(id: string, hash: string, pw: string, options: object): PhpCheck | undefined;
  CHEAP_WITHOUT_PHP: Readonly<Record<string, string>>;
}
interface PhpModule {
  runPhp(body: string, args: Record<string, unknown>): unknown;
}

// The bench is plain JavaScript (no type declarations): loaded by path, typed here.
const CASES = '../bench/lib/cases.mjs';
const PHP = '../bench/lib/php.mjs';
const cases = (await import(CASES)) as CasesModule;
const php = (await import(PHP)) as PhpModule;

const cheap = allSchemes().filter((s) => cases.classify(s, {}) === 'cheap');

/** Runs one check in PHP and returns what its closure returned. */
function runCheck(c: PhpCheck, pw: string): unknown {
  return php.runPhp(`${c.setup}\n$f = function () use ($A) { ${c.body} };\necho json_encode($f());`, { ...c.args, pw });
}

describe('bench PHP references for the cheap schemes', () => {
  it('cover every cheap scheme, or say why not', () => {
    expect(cheap.length).toBeGreaterThan(40);
    for (const s of cheap) {
      const check = cases.cheapPhpCheck(s.id, s.example.hash, s.example.password, s.example.options ?? {});
      expect(check !== undefined || s.id in cases.CHEAP_WITHOUT_PHP, s.id).toBe(true);
    }
  });

  it.skipIf(!hasPhp())('accept the example password and refuse a wrong one', () => {
    let checked = 0;
    for (const s of cheap) {
      const check = cases.cheapPhpCheck(s.id, s.example.hash, s.example.password, s.example.options ?? {});
      if (!check) continue;
      expect(runCheck(check, s.example.password), `${s.id}: ${check.name}`).toBe(true);
      expect(runCheck(check, `${s.example.password}x`), `${s.id} wrong password`).toBe(false);
      checked++;
    }
    expect(checked).toBe(cheap.length - Object.keys(cases.CHEAP_WITHOUT_PHP).length);
  }, 120_000);
});
