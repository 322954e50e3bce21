import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, requireBuild, tmp } from './helpers.js';

// bench/audit.mjs builds large exports from the bundled example (copied, mutated rows).
// @ts-expect-error -- plain ESM helper without types
import { makeExport } from '../../bench/audit.mjs';

describe('audit streams: bounded memory on a large export', () => {
  it('200k rows under a 64 MB heap cap, peak RSS bounded', async () => {
    requireBuild();
    const file = join(tmp(), 'big.csv');
    await (makeExport as (p: string, n: number) => Promise<string>)(file, 200_000);
    // The whole file is ~20 MB of text and would be several times that as JS strings and row
    // arrays: a 64 MB old-space cap only passes when rows are streamed and dropped.
    const r = cli(['audit', '--json', '--jobs', '1', file], { nodeArgs: ['--max-old-space-size=64'] });
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { rows: { read: number }; stats: { peakRssBytes: number } };
    expect(report.rows.read).toBe(200_000);
    expect(report.stats.peakRssBytes).toBeLessThan(160 * 2 ** 20);
  });
});
