/**
 * The built package (dist/, ESM and CJS) works on every supported Node major: 20 (this machine),
 * 22 and 24 (fetched from the npm registry by scripts/install-node-versions.sh, which .ci/run
 * calls). A missing Node binary skips its case locally and fails in CI.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REQUIRE_REFERENCES } from './helpers/refs.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const smoke = fileURLToPath(new URL('./compat/smoke.mjs', import.meta.url));
const built = existsSync(`${root}dist/index.js`) && existsSync(`${root}dist/index.cjs`);

const nodes: [string, string][] = [
  ['current', process.execPath],
  ['22', `${root}.cache/node/22/bin/node`],
  ['24', `${root}.cache/node/24/bin/node`],
];

describe.skipIf(!built)('built package on each Node major', () => {
  for (const [name, bin] of nodes) {
    const present = existsSync(bin);
    if (!present && REQUIRE_REFERENCES) it(`node ${name} is installed`, () => expect(present).toBe(true));
    it.skipIf(!present)(`node ${name}`, () => {
      const out = execFileSync(bin, [smoke], { encoding: 'utf8', timeout: 120_000 });
      expect(out).toMatch(/^ok v\d+/);
    });
  }
});

it('dist exists when the suite runs through npm test', () => {
  if (REQUIRE_REFERENCES) expect(built).toBe(true);
});
