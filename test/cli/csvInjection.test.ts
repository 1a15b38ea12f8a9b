import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { repoPath } from '../helpers.js';
import { coordsim, SEED, tempDir } from './_cli.js';

const FORMULAS = repoPath('test/cli/fixtures/formulas.yaml');
const RISKY = /^[=+\-@\t\r]/;

/** Every CSV of an output folder, parsed into rows of objects. */
function csvs(dir: string): Record<string, Array<Record<string, string>>> {
  const out: Record<string, Array<Record<string, string>>> = {};
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.csv'))) out[f] = parse(readFileSync(join(dir, f), 'utf8'), { columns: true });
  return out;
}

describe('CSV formula injection', () => {
  test('compare --out on a scenario whose names start with = + - @ tab CR: no cell a spreadsheet would run', () => {
    const dir = join(tempDir(), 'out');
    const r = coordsim(['compare', FORMULAS, '--runs', '40', '--out', dir]);
    expect(r.code, r.stderr).toBe(0);
    const files = csvs(dir);
    expect(Object.keys(files).sort()).toEqual(['agents.csv', 'compare.csv', 'pairs.csv', 'runs.csv', 'tasks.csv', 'trace.csv']);
    let cells = 0;
    for (const [file, rows] of Object.entries(files)) {
      for (const row of rows) {
        for (const [column, cell] of Object.entries(row)) {
          cells++;
          if (RISKY.test(cell)) expect(Number.isFinite(Number(cell)), `${file} ${column}: ${JSON.stringify(cell)}`).toBe(true);
        }
      }
    }
    expect(cells).toBeGreaterThan(1000);
    const tasks = files['tasks.csv'].filter((t) => t.strategy === "'-hub");
    expect(tasks.map((t) => [t.task, t.name, t.assignment])).toEqual([
      ["'-design", "'-2+3", "'-lead"],
      ['build', "'\tTAB", 'dev'],
      ['ship', "'\rCR", 'dev'],
    ]);
    expect(files['agents.csv'].slice(0, 3).map((a) => [a.role, a.kind])).toEqual([
      ["'=1+2", 'agent'],
      ["'@SUM(A1:A9)", 'agent'],
      ["'+cmd|' /C calc'!A0", 'orchestrator'],
    ]);
    expect(new Set(files['runs.csv'].map((x) => x.strategy))).toEqual(new Set(["'-hub", 'mesh', 'ideal', 'sequential']));
    expect(files['trace.csv'][0]).toMatchObject({ task: "'-design", agent: "'-lead" });
  });

  test('negative numbers stay numbers: pairs.csv of the seed scenario', () => {
    const dir = join(tempDir(), 'out');
    expect(coordsim(['compare', SEED, '--strategies', 'orchestrator,mesh', '--runs', '200', '--out', dir]).code).toBe(0);
    const pairs = csvs(dir)['pairs.csv'];
    const first = pairs.find((p) => p.a === 'orchestrator' && p.b === 'mesh')!;
    expect(first.mean_difference).toMatch(/^-\d/);
    expect(Number(first.mean_difference)).toBeLessThan(0);
  });
});
