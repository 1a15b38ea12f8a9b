// coordsim import FILE -o scenario.yaml: the written scenario, the date check, and --out refusals.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { repoPath } from '../helpers.js';
import { coordsim, tempDir } from './_cli.js';

const DEPOT = repoPath('test/import/fixtures/depot.xer');

describe('coordsim import', () => {
  test('writes a scenario that validates and runs to the date the import reports', () => {
    const dir = tempDir();
    const out = join(dir, 'depot.yaml');
    const r = coordsim(['import', DEPOT, '-o', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr + r.stdout).toMatch(/dates: \d+ of 7 activities start and finish on the days stored in the file/);
    expect(readFileSync(out, 'utf8')).toContain('source_id: A1000');
    const json = JSON.parse(coordsim(['import', DEPOT, '--json']).stdout);
    const run = JSON.parse(coordsim(['run', out, '--json']).stdout);
    expect(run.finishDate).toBe(json.finishDate);
    expect(readdirSync(dir)).toEqual(['depot.yaml']); // no temporary file left
  });

  test.each([
    ['a plan-format name', 'again.xer', /--out again\.xer: expected a scenario file name/],
    ['a folder', '.', /--out \.: is a folder; expected a file name such as plan\.yaml/],
    ['a missing folder', 'nowhere/plan.yaml', /--out nowhere\/plan\.yaml: its folder .*nowhere does not exist/],
    ['an empty name', '', /--out: expected a file name, got ""/],
  ])('refuses --out %s before any work: exit 2, nothing written', (_what, out, message) => {
    const dir = tempDir();
    const r = coordsim(['import', DEPOT, '-o', out], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(readdirSync(dir)).toEqual([]);
  });

  test('never overwrites its input', () => {
    const dir = tempDir();
    const input = join(dir, 'plan.yaml');
    writeFileSync(input, 'not read\n');
    const r = coordsim(['import', input, '-o', input], dir);
    expect(r.code).toBe(2);
    expect(readFileSync(input, 'utf8')).toBe('not read\n');
    expect(existsSync(join(dir, 'plan.yaml'))).toBe(true);
  });
});
