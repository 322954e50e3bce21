import { defineConfig } from 'tsup';

export default defineConfig({
  // index: the library; worker: the worker-pool thread (loaded by URL, so it is its own entry);
  // cli: the command line (bin `legacy-hash` -> dist/cli.js).
  entry: { index: 'src/index.ts', worker: 'src/worker/worker.ts', cli: 'src/cli/index.ts',
    migration: 'src/migration/index.ts', commercetools: 'src/commercetools/index.ts', neto: 'src/neto/index.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts', migration: 'src/migration/index.ts', commercetools: 'src/commercetools/index.ts', neto: 'src/neto/index.ts' } },
  target: 'node20',
  platform: 'node',
  sourcemap: true,
  clean: true,
  shims: true,
  splitting: true,
});
