/** The README's usage example (examples/quickstart.mjs) runs against the build and prints what it says. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

it.skipIf(!existsSync(`${root}dist/index.js`))('examples/quickstart.mjs', () => {
  const out = execFileSync(process.execPath, ['examples/quickstart.mjs'], { cwd: root, encoding: 'utf8' }).trim().split('\n');
  expect(out[0]).toBe('true');
  expect(out[1]).toBe('false');
  expect(out[2]).toContain("scheme: 'magento2'");
  expect(out[3]).toBe('true');
  expect(out[4]).toBe('0 phpass');
  expect(out[5]).toMatch(/^\$lhw\$1\$argon2id\$m=19456,t=2,p=1\$\S+ true$/);
  expect(out[6]).toBe('true ERR_UNKNOWN_FORMAT');
});
