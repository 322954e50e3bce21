import { beforeAll, describe, expect, it } from 'vitest';
import { cli, requireBuild } from './helpers.js';
import { check, type Shape } from './shape.js';

const PHPASS = '$P$946647711V1klyitUYhtB8Yw5DMA/w.';
const MD5 = '5f4dcc3b5aa765d61d8327deb882cf99';

const LINE_SHAPE: Shape = {
  input: 'string',
  status: 'string',
  candidates: {
    array: { scheme: 'string', title: 'string', platforms: { array: 'string' }, missing: { array: 'string' }, params: { record: 'any' }, score: 'number' },
  },
};

describe('identify', () => {
  beforeAll(requireBuild);

  it('ranks candidates, with parameters and what each still needs', () => {
    const r = cli(['identify', PHPASS]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('1. phpass');
    expect(r.stdout).toContain('rounds=');
    expect(r.stdout).toContain('$P$…(34 chars)');
    expect(r.stdout).not.toContain(PHPASS);
  });

  it('--json: one object per hash; unknown and malformed exit 1', () => {
    const r = cli(['identify', '--json', PHPASS, MD5, 'zzz-not-a-hash', '$2y$99$' + 'a'.repeat(53)]);
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { status: string; candidates: { scheme: string; missing: string[] }[]; reason?: string });
    expect(lines).toHaveLength(4);
    for (const l of lines) expect(check(l, LINE_SHAPE)).toEqual([]);
    expect(lines.map((l) => l.status)).toEqual(['identified', 'identified', 'unknown', 'malformed']);
    expect(lines[0]!.candidates[0]!.scheme).toBe('phpass');
    expect(lines[1]!.candidates.map((c) => c.scheme)).toContain('md5');
    expect(lines[3]!.reason).toContain('cost');
  });

  it('reads stdin lines; --show-hashes echoes them in full; --salt changes what is missing', () => {
    const r = cli(['identify', '--json', '--show-hashes'], { input: `${PHPASS}\r\n\n${MD5}\n` });
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { input: string; candidates: { scheme: string; missing: string[] }[] });
    expect(lines.map((l) => l.input)).toEqual([PHPASS, MD5]);
    const needingSalt = (ls: typeof lines) => ls[0]!.candidates.filter((c) => c.missing.includes('salt')).length;
    const withSalt = cli(['identify', '--json', '--salt', 'abc', MD5]).stdout.trim().split('\n').map((l) => JSON.parse(l) as (typeof lines)[number]);
    const noSalt = cli(['identify', '--json', MD5]).stdout.trim().split('\n').map((l) => JSON.parse(l) as (typeof lines)[number]);
    expect(needingSalt(withSalt)).toBe(0);
    expect(needingSalt(noSalt)).toBeGreaterThanOrEqual(0);
  });

  it('--platform narrows the candidates; an unknown platform is a usage error', () => {
    const all = JSON.parse(cli(['identify', '--json', MD5]).stdout) as { candidates: unknown[] };
    const some = JSON.parse(cli(['identify', '--json', '--platform', 'wordpress', MD5]).stdout) as { candidates: unknown[] };
    expect(some.candidates.length).toBeLessThanOrEqual(all.candidates.length);
    expect(cli(['identify', '--platform', 'nope', MD5]).status).toBe(2);
  });
});
