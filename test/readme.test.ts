import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { renderReadme } from '../scripts/readme-formats.js';

it('README formats table matches the registry (run `npm run readme` to update)', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  expect(renderReadme(readme)).toBe(readme);
});
