/**
 * Tests that need the compiled package: worker threads run dist/ JavaScript, and the CLI is
 * dist/cli/main.js. `npm test` builds first; run alone, this file builds when dist/ is stale.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, test } from 'vitest';
import { cli, repoPath } from '../helpers.js';

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

beforeAll(() => {
  const worker = repoPath('dist/montecarlo/worker.js');
  if (!existsSync(worker) || statSync(worker).mtimeMs < newest(repoPath('src'))) {
    const r = spawnSync(process.execPath, [repoPath('node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: repoPath('.'), encoding: 'utf8' });
    if (!existsSync(worker)) throw new Error(`build failed: ${r.stdout}${r.stderr}`);
  }
});

const SEED = 'scenarios/ecommerce-security.yaml';

describe('worker threads', () => {
  test('the same seed gives byte-identical JSON with 1, 2 and 4 workers (monteCarlo and compare, random and lhs)', async () => {
    const lib = await import(repoPath('dist/index.js'));
    const io = await import(repoPath('dist/cli/io.js'));
    const { scenario } = await io.loadScenarioFile(repoPath(SEED));
    for (const sampling of ['random', 'lhs']) {
      const runs = sampling === 'lhs' ? 2100 : 3500;
      const json = async (workers: number) => io.toJson(await lib.monteCarlo(scenario, { runs, seed: 3, workers, sampling }));
      const one = await json(1);
      expect(await json(2)).toBe(one);
      expect(await json(4)).toBe(one);
    }
    const cmp = async (workers: number) => io.toJson(await lib.compare(scenario, ['orchestrator', 'mesh'], { runs: 2500, seed: 4, workers }));
    const c1 = await cmp(1);
    expect(await cmp(2)).toBe(c1);
    expect(await cmp(4)).toBe(c1);
  });

  test('early stopping picks the same batch whatever the workers', async () => {
    const lib = await import(repoPath('dist/index.js'));
    const io = await import(repoPath('dist/cli/io.js'));
    const { scenario } = await io.loadScenarioFile(repoPath(SEED));
    const run = async (workers: number) => io.toJson(await lib.monteCarlo(scenario, { runs: 100_000, precision: 0.002, seed: 5, workers }));
    const one = await run(1);
    expect(JSON.parse(one).stoppedEarly).toBe(true);
    expect(await run(2)).toBe(one);
  });
});

describe('coordsim montecarlo / compare', () => {
  test('--json prints exactly one JSON document; the same seed gives the same bytes with any --workers', () => {
    const a = cli(['montecarlo', SEED, '--runs', '1500', '--seed', '7', '--json', '--workers', '1']);
    expect(a.code).toBe(0);
    const r = JSON.parse(a.stdout);
    expect(r.runs).toBe(1500);
    for (const k of ['makespan', 'sequentialMakespan', 'speedup', 'timeSavings', 'coordinationOverhead', 'utilization', 'deadlineProbability', 'tasks', 'representative']) {
      expect(r, k).toHaveProperty(k);
    }
    for (const k of ['mean', 'sd', 'min', 'max', 'p10', 'p50', 'p80', 'p90', 'p95', 'ci95']) expect(r.makespan, k).toHaveProperty(k);
    expect(cli(['montecarlo', SEED, '--runs', '1500', '--seed', '7', '--json', '--workers', '2']).stdout).toBe(a.stdout);
  });

  test('montecarlo --out writes the JSON and the CSVs, runs.csv with one row per run', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'coordsim-mc-')), 'out');
    const r = cli(['montecarlo', SEED, '--runs', '1200', '--out', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/P50\/P80\/P95/);
    // The seed scenario has risks: the set holds their ranking too.
    expect(readdirSync(dir).sort()).toEqual(['agents.csv', 'montecarlo.json', 'report.html', 'risks.csv', 'runs.csv', 'tasks.csv', 'trace.csv']);
    const runs: Array<Record<string, string>> = parse(readFileSync(join(dir, 'runs.csv'), 'utf8'), { columns: true });
    // The seed scenario has costs: the cost columns come before time_unit.
    expect(Object.keys(runs[0])).toEqual([
      'run', 'strategy', 'makespan', 'sequential_makespan', 'speedup', 'time_savings', 'work_time', 'coordination_time', 'coordination_overhead', 'utilization', 'met_deadline',
      'cost', 'cost_work', 'cost_coordination', 'cost_fixed', 'cost_risk', 'met_budget', 'time_unit',
    ]);
    expect(runs.map((x) => Number(x.run))).toEqual(Array.from({ length: 1200 }, (_, i) => i));
    const json = JSON.parse(readFileSync(join(dir, 'montecarlo.json'), 'utf8'));
    const mean = runs.reduce((s, x) => s + Number(x.makespan), 0) / runs.length;
    expect(json.makespan.mean).toBeCloseTo(mean, 9);
    expect(json.deadlineProbability).toBeCloseTo(runs.filter((x) => x.met_deadline === 'true').length / 1200, 12);
    expect(json.cost.mean).toBeCloseTo(runs.reduce((s, x) => s + Number(x.cost), 0) / runs.length, 6);
    expect(json.budgetProbability).toBeCloseTo(runs.filter((x) => x.met_budget === 'true').length / 1200, 12);
    expect(json.jointProbability).toBeCloseTo(runs.filter((x) => x.met_budget === 'true' && x.met_deadline === 'true').length / 1200, 12);
    const trace: Array<Record<string, string>> = parse(readFileSync(join(dir, 'trace.csv'), 'utf8'), { columns: true });
    expect(Object.keys(trace[0]).slice(0, 4)).toEqual(['time', 'kind', 'task', 'agent']);
  });

  test('compare prints a table per strategy and the pairs; --out rows cover every strategy of every run', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'coordsim-cmp-')), 'out');
    const r = cli(['compare', SEED, '--strategies', 'orchestrator,mesh', '--runs', '1000', '--out', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/orchestrator − mesh/);
    expect(r.stdout).toMatch(/sequential/);
    const runs: Array<Record<string, string>> = parse(readFileSync(join(dir, 'runs.csv'), 'utf8'), { columns: true });
    expect(runs).toHaveLength(4000);
    expect(runs.slice(0, 4).map((x) => x.strategy)).toEqual(['orchestrator', 'mesh', 'sequential', 'ideal']);
    expect(JSON.parse(readFileSync(join(dir, 'compare.json'), 'utf8')).pairs).toHaveLength(6);
  });

  test('bad flags exit 2 with a message naming the flag, and leave no output', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'coordsim-bad-')), 'out');
    for (const args of [['--runs', '0'], ['--workers', 'x'], ['--precision', '3'], ['--sampling', 'sobol'], ['--strategy', 'nope']]) {
      const r = cli(['montecarlo', SEED, ...args, '--out', dir]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(existsSync(join(dir, 'runs.csv'))).toBe(false);
    }
    expect(cli(['compare', SEED, '--strategies', 'orchestrator,nope']).code).toBe(2);
  });
});
