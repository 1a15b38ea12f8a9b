// `npm start` writes its report into reports/, which coordsim replaces as a whole and refuses
// when it holds anything else. So no test may leave files there: after `npm test`,
// `npm start` must still work. Test artefacts go to test-output/ instead.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { repoPath } from '../helpers.js';

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? testFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe("npm start's folder", () => {
  test('no test writes into reports/ (they write into test-output/)', () => {
    const offenders = testFiles(repoPath('test')).filter((f) => /resolve\(\s*['"]reports['"]|['"]reports\//.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  test('package.json still sends npm start to reports/', () => {
    const pkg = JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as { scripts: { start: string } };
    expect(pkg.scripts.start).toContain('--out reports');
  });
});
