import { describe, expect, test } from 'vitest';
import { compileModel } from '../../src/engine/compileModel.js';
import { compare } from '../../src/montecarlo/compare.js';
import { CostSummary } from '../../src/montecarlo/CostSummary.js';
import { JointHistogram, JOINT_RELATIVE_WIDTH } from '../../src/montecarlo/JointHistogram.js';
import { monteCarlo } from '../../src/montecarlo/monteCarlo.js';
import { mergeRangeSummaries, RangeMerger } from '../../src/montecarlo/RangeSummary.js';
import { summarizeRange } from '../../src/montecarlo/summarizeRange.js';
import { validateScenario } from '../../src/scenario/validateScenario.js';
import type { Scenario } from '../../src/scenario/Scenario.js';
import { loadModel } from '../helpers.js';

/**
 * Finish and cost independent, with known marginals: the makespan is one task's uniform
 * [0, 10] duration and the cost a fixed uniform [0, 100] (no rates), so
 * P(finish <= 6 and cost <= 50) = 0.6 × 0.5 = 0.3, and the 80% joint point sits at both
 * marginals' q = √0.8 quantiles: 10√0.8 days and 100√0.8.
 */
const independent = validateScenario({
  name: 'independent finish and cost',
  time_unit: 'day',
  deadline: 6,
  budget: 50,
  agents: [{ id: 'a' }, { id: 'b' }],
  tasks: [
    { id: 'work', agent: 'a', duration: { uniform: [0, 10] } },
    { id: 'buy', agent: 'b', duration: 0, cost: { uniform: [0, 100] } },
  ],
}) as Scenario;

describe('jointProbability', () => {
  test('equals the product of the marginals for independent finish and cost, within its standard error', async () => {
    const N = 20_000;
    const r = await monteCarlo(independent, { runs: N, seed: 2, workers: 1 });
    const se = Math.sqrt((0.3 * 0.7) / N);
    expect(Math.abs(r.jointProbability! - 0.3)).toBeLessThan(4 * se);
    expect(Math.abs(r.deadlineProbability! - 0.6)).toBeLessThan(4 * Math.sqrt((0.6 * 0.4) / N));
    expect(Math.abs(r.budgetProbability! - 0.5)).toBeLessThan(4 * Math.sqrt((0.5 * 0.5) / N));
    // The exact count agrees with the product of the counted marginals to sampling noise too.
    expect(Math.abs(r.jointProbability! - r.deadlineProbability! * r.budgetProbability!)).toBeLessThan(4 * se);
    const j80 = r.jointConfidence!.find((j) => j.level === 0.8)!;
    const q = Math.sqrt(0.8);
    // Bins are 0.78% wide and the point is a bin's upper edge; sampling adds about 0.3%.
    expect(j80.date / (10 * q)).toBeGreaterThan(1 - 0.01);
    expect(j80.date / (10 * q)).toBeLessThan(1 + JOINT_RELATIVE_WIDTH + 0.01);
    expect(j80.cost / (100 * q)).toBeGreaterThan(1 - 0.01);
    expect(j80.cost / (100 * q)).toBeLessThan(1 + JOINT_RELATIVE_WIDTH + 0.01);
    expect(j80.probability).toBeGreaterThanOrEqual(0.8);
    expect(j80.marginal).toBeGreaterThanOrEqual(0.8);
    // The frontier: dates up, costs down, every point at least as good as the diagonal point.
    const f = j80.frontier;
    for (let i = 1; i < f.length; i++) {
      expect(f[i][0]).toBeGreaterThan(f[i - 1][0]);
      expect(f[i][1]).toBeLessThan(f[i - 1][1]);
    }
    expect(f.some(([d, c]) => d <= j80.date && c <= j80.cost)).toBe(true);
    // Independent uniforms: the frontier is the hyperbola (d / 10)(c / 100) = 0.8.
    for (const [d, c] of f) if (d < 9.9 && c < 99) expect(((d / 10) * c) / 100).toBeCloseTo(0.8, 1);
  });

  test('is null without a budget or without a deadline; budgetProbability needs only the budget', async () => {
    const { deadline: _d, ...noDeadline } = independent;
    const r = await monteCarlo(noDeadline, { runs: 500, seed: 1, workers: 1 });
    expect(r.jointProbability).toBeNull();
    expect(r.budgetProbability).not.toBeNull();
    const { budget: _b, ...noBudget } = independent;
    const s = await monteCarlo(noBudget, { runs: 500, seed: 1, workers: 1 });
    expect(s.jointProbability).toBeNull();
    expect(s.budgetProbability).toBeNull();
    expect(s.cost).toBeDefined();
  });
});

describe('cost summaries merge exactly', () => {
  const model = loadModel('scenarios/llm-team.yaml');
  const o = { strategies: ['supervisor', 'swarm', 'pipeline', 'ideal'], seed: 4, sampling: 'random' as const };

  test('summaries of split ranges merged in run order equal the one-range summary (deep-equal)', () => {
    const whole = summarizeRange(model, { ...o, start: 0, end: 240 }).summary;
    expect(whole.costPairs).toHaveLength(6);
    expect(whole.perStrategy[0].cost).toBeDefined();
    for (const a of [1, 97, 239]) {
      const left = summarizeRange(model, { ...o, start: 0, end: a }).summary;
      const right = summarizeRange(model, { ...o, start: a, end: 240 }).summary;
      expect(mergeRangeSummaries(model, left, right)).toEqual(whole);
    }
    const m = new RangeMerger(model, summarizeRange(model, { ...o, start: 0, end: 10 }).summary);
    for (const [s, e] of [[10, 11], [11, 150], [150, 240]]) m.add(summarizeRange(model, { ...o, start: s, end: e }).summary);
    expect(m.toState()).toEqual(whole);
  });

  test('cost accumulators and joint histograms merge to the same state in any order', () => {
    const parts = [[0, 30], [30, 31], [31, 120], [120, 200]].map(([start, end]) => summarizeRange(model, { ...o, start, end }).summary.perStrategy[0].cost!);
    const orders = [[0, 1, 2, 3], [3, 2, 1, 0], [2, 0, 3, 1], [1, 3, 0, 2]];
    const states = orders.map((order) => {
      const acc = CostSummary.fromState(model, parts[order[0]]);
      for (const i of order.slice(1)) acc.merge(CostSummary.fromState(model, parts[i]));
      return acc.toState();
    });
    for (const s of states) expect(s).toEqual(states[0]);
    const whole = summarizeRange(model, { ...o, start: 0, end: 200 }).summary.perStrategy[0].cost!;
    expect(states[0]).toEqual(whole);
  });

  test('JointHistogram: counts are added per cell, the state is canonical', () => {
    const a = new JointHistogram();
    const b = new JointHistogram();
    a.add(1, 100);
    a.add(1.001, 100.2); // same cells: within 0.78%
    b.add(2, 0);
    b.add(-0, 3);
    const ab = JointHistogram.fromState(a.toState());
    ab.merge(b);
    const ba = JointHistogram.fromState(b.toState());
    ba.merge(a);
    expect(ab.toState()).toEqual(ba.toState());
    expect(ab.cellList().map((c) => c.count)).toEqual([1, 2, 1]);
  });

  test('monteCarlo and compare JSON are byte-identical for 1 and 2 workers', async () => {
    const scenario = (await import('node:fs')).readFileSync(new URL('../../scenarios/llm-team.yaml', import.meta.url), 'utf8');
    const { parseScenario } = await import('../../src/scenario/parseScenario.js');
    const s = parseScenario(scenario, 'llm-team.yaml');
    const one = await compare(s, null, { runs: 3500, seed: 8, workers: 1 });
    const two = await compare(s, null, { runs: 3500, seed: 8, workers: 2 });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    const m1 = await monteCarlo(s, { runs: 2500, seed: 'w', workers: 1, sampling: 'lhs' });
    const m2 = await monteCarlo(s, { runs: 2500, seed: 'w', workers: 2, sampling: 'lhs' });
    expect(JSON.stringify(m2)).toBe(JSON.stringify(m1));
  });
});

describe('compare: cost by strategy', () => {
  test('paired cost differences agree with the difference of mean costs; the P80 front lists who dominates whom', async () => {
    const model = loadModel('scenarios/llm-team.yaml');
    const r = await compare(model, ['supervisor', 'swarm', 'pipeline'], { runs: 1500, seed: 3 });
    const mean = new Map(r.strategies.map((s) => [s.strategy, s.cost!.mean]));
    expect(r.costPairs).toHaveLength(r.pairs.length);
    for (const p of r.costPairs!) {
      expect(p.meanDifference).toBeCloseTo(mean.get(p.a)! - mean.get(p.b)!, 6);
      expect(p.ci95[0]).toBeLessThanOrEqual(p.meanDifference);
      expect(p.ci95[1]).toBeGreaterThanOrEqual(p.meanDifference);
    }
    // sequential and ideal see the same work and no coordination: they cost the same in every run.
    const si = r.costPairs!.find((p) => p.a === 'ideal' && p.b === 'sequential') ?? r.costPairs!.find((p) => p.a === 'sequential' && p.b === 'ideal');
    expect(Math.abs(si!.meanDifference)).toBeLessThan(1e-9);
    const byName = new Map(r.paretoFront!.map((p) => [p.strategy, p]));
    for (const p of r.paretoFront!) {
      for (const d of p.dominatedBy) {
        const q = byName.get(d)!;
        expect(q.makespanP80 <= p.makespanP80 && q.costP80 <= p.costP80).toBe(true);
        expect(d).not.toBe('ideal'); // a lower bound, not a way of working
      }
    }
    expect(r.paretoFront!.some((p) => p.dominatedBy.length === 0 && p.strategy !== 'ideal')).toBe(true);
  });

  test('a scenario without cost keys gets no cost field anywhere', async () => {
    const model = loadModel('scenarios/feature-team-mesh.yaml');
    const r = await compare(model, null, { runs: 300, seed: 1 });
    const json = JSON.stringify(r);
    for (const key of ['"cost', 'budgetProbability', 'jointProbability', 'paretoFront', 'costPairs', 'jointConfidence', 'tokens']) expect(json).not.toContain(key);
    expect(compileModel(validateScenario({ name: 'x', time_unit: 'day', agents: [{ id: 'a' }], tasks: [{ id: 't', agent: 'a', duration: 1 }] }) as Scenario).cost).toBeNull();
  });
});

describe('analyseRisks with costs', () => {
  test("measures each risk's effect on cost: a certain cost-only risk shifts the cost by its cost and the finish by nothing", async () => {
    const { analyseRisks } = await import('../../src/montecarlo/riskAnalysis.js');
    const { risksCsv } = await import('../../src/report/risksCsv.js');
    const s = validateScenario({
      name: 'risk costs',
      time_unit: 'day',
      agents: [{ id: 'a', rate: 10 }],
      tasks: [{ id: 't', agent: 'a', duration: { uniform: [1, 3] } }],
      risks: [
        { id: 'fine', task: 't', probability: 1, cost: 250 },
        { id: 'wait', task: 't', probability: 1, delay: 2 },
      ],
    }) as Scenario;
    const a = analyseRisks(s, { runs: 300, seed: 1 });
    const fine = a.risks.find((r) => r.id === 'fine')!;
    const wait = a.risks.find((r) => r.id === 'wait')!;
    expect(fine.finish.meanShift).toBe(0);
    expect(fine.cost!.meanShift).toBeCloseTo(250, 9);
    expect(fine.cost!.p80Shift).toBeCloseTo(250, 9);
    // Held for 2 days at 10 a day.
    expect(wait.cost!.meanShift).toBeCloseTo(20, 9);
    expect(wait.finish.meanShift).toBeCloseTo(2, 9);
    expect(risksCsv(a).split('\n')[0]).toMatch(/,p80_finish,cost_mean_shift,cost_mean_shift_ci95_low,cost_mean_shift_ci95_high,cost_p80_shift,strategy,runs,time_unit$/);
  });
});

describe('shards with costs', () => {
  test("a shard's runs.csv lines have the cost cells, as runs.csv's header lists them", async () => {
    const { computeShard } = await import('../../src/scaleout/computeShard.js');
    const { runsCsvCostColumns, runsCsvHeader } = await import('../../src/report/runsCsv.js');
    const { readFileSync } = await import('node:fs');
    const { parseScenario } = await import('../../src/scenario/parseScenario.js');
    const scenario = parseScenario(readFileSync(new URL('../../scenarios/llm-team.yaml', import.meta.url), 'utf8'), 'llm-team.yaml');
    const model = compileModel(scenario);
    const f = await computeShard({ command: 'montecarlo', scenario, model, strategies: ['supervisor'], runs: 2000, seed: 1, sampling: 'random', workers: 1, shard: { index: 1, count: 2 }, coordsim: 'test' });
    const header = runsCsvHeader(runsCsvCostColumns(model)).trim().split(',');
    expect(header).toContain('tokens_input');
    const lines = f.runsCsv.join('').trim().split('\n');
    expect(lines).toHaveLength(1000);
    for (const l of lines.slice(0, 5)) expect(l.split(',')).toHaveLength(header.length);
    expect(lines[0].split(',').at(-1)).toBe('hour');
  });
});
