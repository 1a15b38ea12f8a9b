import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { compileModel } from '../../src/engine/compileModel.js';
import { createRunInputs, sampleRunInputs } from '../../src/engine/RunInputs.js';
import { simulate } from '../../src/engine/simulate.js';
import { monteCarlo } from '../../src/montecarlo/monteCarlo.js';
import { analyseRisks } from '../../src/montecarlo/riskAnalysis.js';
import { renderReport } from '../../src/report/renderReport.js';
import { RISK_COLUMNS, risksCsv } from '../../src/report/risksCsv.js';
import { MERGE_BIAS_SENTENCE } from '../../src/report/_internals/riskBlocks.js';
import { parseScenario } from '../../src/scenario/parseScenario.js';
import type { Scenario } from '../../src/scenario/Scenario.js';
import { inProcess, tempDir } from '../cli/_cli.js';

const FILE = 'scenarios/branching-risks.yaml';
const text = readFileSync(new URL(`../../${FILE}`, import.meta.url), 'utf8');
const example = parseScenario(text, FILE);

describe('common random numbers', () => {
  test('sampleRunInputs: the branch, existence and driver keys leave the other draws of a run unchanged', () => {
    const plain: Scenario = structuredClone(example);
    delete plain.branches;
    delete plain.existence_risks;
    delete plain.risk_drivers;
    const a = compileModel(example);
    const b = compileModel(plain);
    for (let run = 0; run < 20; run++) {
      const x = sampleRunInputs(a, 3, run, createRunInputs(a));
      const y = sampleRunInputs(b, 3, run, createRunInputs(b));
      // Durations of the file's tasks agree except where a driver that occurred scaled them.
      for (let t = 0; t < b.tasks.length; t++) expect(x.durations[t], `run ${run} ${b.tasks[t].id}`).toBe(y.durations[t] * x.durationScale[t]);
      expect(x.riskHit).toEqual(y.riskHit);
      expect(x.gateDraws).toEqual(y.gateDraws);
    }
  });

  test('simulate: every strategy sees the same branch draws, existence risks and drivers in run i', () => {
    for (let run = 0; run < 30; run++) {
      const [hub, ideal] = ['hub', 'ideal'].map((strategy) => simulate(example, { strategy, run, seed: 5, trace: false }).metrics);
      expect(ideal.branches!['test-fails'], `run ${run}`).toBe(hub.branches!['test-fails']);
      expect(ideal.risksOccurred).toEqual(hub.risksOccurred);
      expect(ideal.tasks.api.duration).toBe(hub.tasks.api.duration);
    }
  });

  test('a switched-off risk changes only its own occurrence', () => {
    const m = compileModel(example);
    const on = sampleRunInputs(m, 1, 4, createRunInputs(m));
    const off = sampleRunInputs(m, 1, 4, createRunInputs(m), false, { kind: 'existence', index: 0 });
    expect(off.existenceHit[0]).toBe(0);
    expect(off.durations).toEqual(on.durations);
    expect(off.branchDraws).toEqual(on.branchDraws);
    expect(off.driverHit).toEqual(on.driverHit);
  });
});

describe('risk ranking and merge bias outputs', () => {
  const analysis = analyseRisks(example, { runs: 300, seed: 2 });

  test('analyseRisks: every risk of the example is ranked, each kind present, largest P80 shift first', () => {
    expect(analysis.risks.map((r) => r.id).sort()).toEqual(['late-sandbox', 'new-team', 'pci-findings', 'regulator-audit', 'security-rework', 'test-fails']);
    const shifts = analysis.risks.map((r) => Math.abs(r.finish.p80Shift));
    expect(shifts).toEqual([...shifts].sort((a, b) => b - a));
    expect(analysis.risks[0].finish.p80Shift).toBeGreaterThan(0);
    expect(new Set(analysis.risks.map((r) => r.kind))).toEqual(new Set(['risk', 'existence', 'driver', 'branch']));
    // The merge points of the example: api (design, sandbox, triage), integration-test, the review (two tests), release.
    expect(analysis.mergePoints.map((p) => p.id).sort()).toEqual(['api', 'integration-test', 'release', 'security-review']);
    for (const p of analysis.mergePoints) expect(p.mean).toBeGreaterThanOrEqual(p.deterministic - 1e-9);
  });

  test('risksCsv: one row per risk in rank order, the documented columns', () => {
    const rows = parse(risksCsv(analysis), { columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0])).toEqual([...RISK_COLUMNS]);
    expect(rows.map((r) => r.risk)).toEqual(analysis.risks.map((r) => r.id));
    expect(rows.map((r) => Number(r.rank))).toEqual(analysis.risks.map((_, i) => i + 1));
    expect(Number(rows[0].p80_shift)).toBe(analysis.risks[0].finish.p80Shift);
    expect(rows.find((r) => r.risk === 'late-sandbox')!.probability).toBe('');
  });

  test('renderReport: a Monte Carlo with its risk analysis has the ranking chart and the merge-bias table; without it neither', async () => {
    const model = compileModel(example);
    const result = await monteCarlo(model, { runs: 300, seed: 2, workers: 1 });
    const withRisks = renderReport({ kind: 'montecarlo', model, result, risks: analysis });
    expect(withRisks).toContain('data-chart="risks"');
    expect(withRisks).toContain('data-table="merge-bias"');
    expect(withRisks).toContain(MERGE_BIAS_SENTENCE);
    const table = withRisks.slice(withRisks.indexOf('data-table="merge-bias"'));
    for (const p of analysis.mergePoints) expect(table).toContain(`${p.kind} ${p.id}`);
    const without = renderReport({ kind: 'montecarlo', model, result });
    expect(without).not.toContain('data-chart="risks"');
    expect(without).not.toContain('data-table="merge-bias"');
    expect(without).not.toContain('"mergePoints"');
  });
});

describe('coordsim montecarlo --out', () => {
  test('writes risks.csv for a scenario with risks (the ranking of analyseRisks with the same runs and seed), none without', async () => {
    const dir = join(tempDir(), 'out');
    const r = await inProcess(['montecarlo', FILE, '--runs', '200', '--seed', '4', '--workers', '1', '--out', dir]);
    expect(r.code, r.stderr).toBe(0);
    const csv = readFileSync(join(dir, 'risks.csv'), 'utf8');
    expect(csv).toBe(risksCsv(analyseRisks(example, { runs: 200, seed: 4 })));
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('data-table="merge-bias"');
    const plain = join(tempDir(), 'out');
    const p = await inProcess(['montecarlo', 'scenarios/feature-team-mesh.yaml', '--runs', '100', '--workers', '1', '--out', plain]);
    expect(p.code, p.stderr).toBe(0);
    expect(existsSync(join(plain, 'risks.csv'))).toBe(false);
  });
});
