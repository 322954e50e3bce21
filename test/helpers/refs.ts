/**
 * Live reference tools (PHP, passlib...). Unit tests run without them; conformance tests skip
 * when a tool is missing — except in CI, where .ci/run sets LEGACY_HASH_REQUIRE_REFERENCES=1
 * and a missing reference fails the run instead of silently skipping.
 */
import { spawnSync } from 'node:child_process';

const cache = new Map<string, boolean>();

function has(cmd: string, args: string[]): boolean {
  const key = [cmd, ...args].join(' ');
  if (!cache.has(key)) cache.set(key, spawnSync(cmd, args, { stdio: 'ignore' }).status === 0);
  return cache.get(key)!;
}

export const REQUIRE_REFERENCES = process.env['LEGACY_HASH_REQUIRE_REFERENCES'] === '1';

/** true when the tool is present; throws in CI (references required) when it is not. */
function available(name: string, ok: boolean): boolean {
  if (!ok && REQUIRE_REFERENCES) throw new Error(`reference tool ${name} is required in CI but missing`);
  return ok;
}

export const hasPhp = (): boolean => available('php', has('php', ['-r', 'exit(function_exists("sodium_crypto_pwhash") ? 0 : 1);']));
export const hasPasslib = (): boolean =>
  available('python3-passlib', has('/usr/bin/python3', ['-c', 'import passlib, bcrypt, argon2']));
export const hasMkpasswd = (): boolean => available('mkpasswd', has('mkpasswd', ['--version']));
export const hasOpenssl = (): boolean => available('openssl', has('openssl', ['version']));
