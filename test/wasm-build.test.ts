/**
 * The committed WebAssembly bytes (the *-wasm.generated.ts files under src) are exactly what the sources in
 * src/wasm compile to, and generated .wat files are exactly what their generators write.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

describe('scripts/build-wasm.mjs --check', () => {
  it('finds every committed module up to date', () => {
    const script = fileURLToPath(new URL('../scripts/build-wasm.mjs', import.meta.url));
    const r = spawnSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/bcrypt-wasm\.generated\.ts is up to date/);
    expect(r.stdout).toMatch(/sha512-wasm\.generated\.ts is up to date/);
    expect(r.status).toBe(0);
  });
});
