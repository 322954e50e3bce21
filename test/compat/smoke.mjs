// Runs the BUILT library (ESM and CJS) on whatever Node executes this file: test/compat.test.ts
// runs it under Node 20, 22 and 24. Prints "ok <node version>" or exits non-zero.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const esm = await import('../../dist/index.js');
const cjs = createRequire(import.meta.url)('../../dist/index.cjs');

for (const lib of [esm, cjs]) {
  // One scheme per execution path: worker pool (phpass), native bcrypt, native argon2, inline digest.
  for (const id of ['phpass', 'bcrypt', 'argon2', 'magento1', 'wordpress', 'magento2']) {
    const s = lib.schemes.find((x) => x.id === id);
    assert.ok(s, id);
    assert.equal(await lib.verify(s.example.password, s.example.hash), true, id);
    assert.equal(await lib.verify(`${s.example.password}x`, s.example.hash), false, id);
  }
  assert.equal(lib.identify('$P$946647711V1klyitUYhtB8Yw5DMA/w.')[0].scheme, 'phpass');
  const wrapped = await lib.wrap('5f4dcc3b5aa765d61d8327deb882cf99', { outer: { kdf: 'argon2id', memoryKiB: 64, passes: 1 } });
  assert.equal(await lib.verify('password', wrapped), true);
  await assert.rejects(lib.verify('x', 'garbage'), (e) => e instanceof lib.LegacyHashError && e.code === 'ERR_UNKNOWN_FORMAT');
  await lib.shutdownPool();
}
console.log(`ok ${process.version}`);
