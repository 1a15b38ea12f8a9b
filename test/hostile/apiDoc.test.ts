import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import * as lib from '../../src/index.js';
import * as testing from '../../src/testing/index.js';
import { repoPath } from '../helpers.js';

test('docs/api.md shows every runtime export of coordsim and coordsim/testing, and nothing else', () => {
  const doc = readFileSync(repoPath('docs/api.md'), 'utf8');
  const listed = [...doc.matchAll(/^\| `([A-Za-z_]\w*)` \| `/gm)].map((m) => m[1]);
  const exported = [...Object.keys(lib), ...Object.keys(testing)];
  expect([...listed].sort()).toEqual([...exported].sort());
  expect(new Set(listed).size).toBe(listed.length);
});
