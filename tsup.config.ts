import { defineConfig } from 'tsup';

export default defineConfig({
  // index: the library; worker: the worker-pool thread (loaded by URL, so it is its own entry);
  // cli: the command line (filled by the CLI work).
  entry: { index: 'src/index.ts', worker: 'src/worker/worker.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts' } },
  target: 'node20',
  platform: 'node',
  sourcemap: true,
  clean: true,
  shims: true,
  splitting: true,
});
