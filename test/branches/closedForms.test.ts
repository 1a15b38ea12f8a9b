import { describe, expect, test } from 'vitest';
import { monteCarlo } from '../../src/montecarlo/monteCarlo.js';
import { analyseRisks } from '../../src/montecarlo/riskAnalysis.js';
import { simulate } from '../../src/engine/simulate.js';
import { validateScenario } from '../../src/scenario/validateScenario.js';
import type { Scenario } from '../../src/scenario/Scenario.js';

// Closed forms of branches, existence risks and drivers on chains (docs/semantics.md §17), checked
// against Monte Carlo within a few standard errors, and the risk ranking of risks of known effect.

const RUNS = 4000;
const K = 4; // standard errors allowed

/** A chain a (3) → b (2) of length B = 5 on one agent, plus whatever `extra` adds. */
function chain(extra: Partial<Scenario>, durations: [unknown, unknown] = [3, 2]): Scenario {
  return validateScenario({
    name: 'chain',
    time_unit: 'day',
    agents: [{ id: 'x' }, { id: 'y' }],
    tasks: [
      { id: 'a', agent: 'x', duration: durations[0] },
      { id: 'b', agent: 'x', duration: durations[1], after: ['a'] },
      ...((extra.tasks as unknown[]) ?? []),
    ],
    strategy: 'ideal',
    ...Object.fromEntries(Object.entries(extra).filter(([k]) => k !== 'tasks')),
  });
}

/** A branch after b: with probability p an extra path e1 (1.5) → e2 (2.5), L = 4. */
const branched = (p: number, durations?: [unknown, unknown], deadline?: number) =>
  chain(
    {
      tasks: [
        { id: 'e1', agent: 'y', duration: 1.5, after: ['b'] },
        { id: 'e2', agent: 'y', duration: 2.5, after: ['e1'] },
      ] as Scenario['tasks'],
      branches: [{ id: 'fails', after: 'b', paths: [{ name: 'ok', probability: 1 - p }, { name: 'extra', probability: p, tasks: ['e1', 'e2'] }] }],
      ...(deadline !== undefined ? { deadline } : {}),
    },
    durations,
  );

describe('branches: closed forms', () => {
  test('monteCarlo: a branch of probability p to a path of length L after a chain of length B has mean B + pL and P(finish > B) = p', async () => {
    const p = 0.3;
    const r = await monteCarlo(branched(p, undefined, 5), { runs: RUNS, workers: 1, seed: 11 });
    const se = 4 * Math.sqrt((p * (1 - p)) / RUNS);
    expect(Math.abs(r.makespan.mean - (5 + p * 4))).toBeLessThan(K * se);
    expect(Math.abs(1 - r.deadlineProbability! - p)).toBeLessThan(K * Math.sqrt((p * (1 - p)) / RUNS));
    // The finish takes exactly the two values B and B + L.
    expect(r.makespan.min).toBe(5);
    expect(r.makespan.max).toBe(9);
    // The extra tasks are critical exactly when their path is taken, never when skipped.
    const e1 = r.tasks.find((t) => t.id === 'e1')!;
    expect(Math.abs(e1.criticality - (1 - r.deadlineProbability!))).toBeLessThan(1e-12);
  });

  test('monteCarlo: with a random chain the mean is E[B] + pL', async () => {
    const p = 0.6;
    const r = await monteCarlo(branched(p, [{ pert: [2, 3, 5] }, { uniform: [1, 3] }]), { runs: RUNS, workers: 1, seed: 3 });
    const expected = (2 + 12 + 5) / 6 + 2 + p * 4;
    expect(Math.abs(r.makespan.mean - expected)).toBeLessThan((K * r.makespan.sd) / Math.sqrt(RUNS));
  });

  test('simulate: a skipped path is never critical and has no execution', () => {
    const s = branched(0.5);
    let skipped = 0;
    for (let run = 0; run < 40; run++) {
      const m = simulate(s, { run }).metrics;
      if (m.branches!.fails === 'ok') {
        skipped++;
        expect(m.tasks.e1).toMatchObject({ skipped: true, critical: false, executions: 0, start: 5, finish: 5 });
        expect(m.criticalPath).toEqual(['a', 'b']);
        expect(m.makespan).toBe(5);
      } else expect(m.criticalPath).toEqual(['a', 'b', 'e1', 'e2']);
    }
    expect(skipped).toBeGreaterThan(5);
    expect(skipped).toBeLessThan(35);
  });

  test('an existence risk of probability q and duration D on a chain shifts the mean by qD', async () => {
    const q = 0.4;
    const s = chain({ existence_risks: [{ id: 'audit', probability: q, agent: 'y', duration: 2.5, after: ['a'], before: ['b'] }] });
    const r = await monteCarlo(s, { runs: RUNS, workers: 1, seed: 5 });
    const se = 2.5 * Math.sqrt((q * (1 - q)) / RUNS);
    expect(Math.abs(r.makespan.mean - (5 + q * 2.5))).toBeLessThan(K * se);
    expect(r.makespan.max).toBe(7.5);
  });

  test('a driver with factor F ~ uniform[1, 2] on a whole chain of length C: the finish is C·F (quantiles C·(1 + q))', async () => {
    const C = 5;
    const s = chain({ risk_drivers: [{ id: 'new-team', probability: 1, factor: { uniform: [1, 2] }, tasks: ['a', 'b'] }] });
    const r = await monteCarlo(s, { runs: RUNS, workers: 1, seed: 9 });
    for (const [q, key] of [[0.1, 'p10'], [0.5, 'p50'], [0.8, 'p80'], [0.9, 'p90'], [0.95, 'p95']] as const) {
      // Sample quantile standard error: sqrt(q(1 − q)/n) / density, density 1/C; plus the histogram's 0.1% bins.
      const tol = K * C * Math.sqrt((q * (1 - q)) / RUNS) + 0.002 * C * (1 + q);
      expect(Math.abs(r.makespan[key] - C * (1 + q)), key).toBeLessThan(tol);
    }
    expect(Math.abs(r.makespan.mean - 1.5 * C)).toBeLessThan((K * C) / Math.sqrt(12 * RUNS));
    expect(r.makespan.min).toBeGreaterThanOrEqual(C);
    expect(r.makespan.max).toBeLessThanOrEqual(2 * C);
  });

  test('a driver of probability q leaves the chain at its length in a share 1 − q of runs', async () => {
    const q = 0.25;
    const s = chain({ deadline: 5, risk_drivers: [{ id: 'd', probability: q, factor: { uniform: [1.1, 1.3] }, tasks: ['b'] }] });
    const r = await monteCarlo(s, { runs: RUNS, workers: 1, seed: 2 });
    expect(Math.abs(r.deadlineProbability! - (1 - q))).toBeLessThan(K * Math.sqrt((q * (1 - q)) / RUNS));
    expect(Math.abs(r.makespan.mean - (5 + q * 2 * 0.2))).toBeLessThan(K * 0.4 * Math.sqrt((q * (1 - q)) / RUNS) + 0.01);
  });
});

describe('analyseRisks: risk ranking of risks of known effect', () => {
  const s = chain({
    tasks: [
      { id: 'e1', agent: 'y', duration: 1.5, after: ['b'] },
      { id: 'e2', agent: 'y', duration: 2.5, after: ['e1'] },
    ] as Scenario['tasks'],
    risks: [
      { id: 'sure', task: 'a', probability: 1, work: 1.5 },
      { id: 'never', task: 'b', probability: 0, work: 10 },
    ],
    existence_risks: [{ id: 'audit', probability: 0.4, agent: 'y', duration: 2.5, after: ['a'], before: ['b'] }],
    branches: [{ id: 'fails', after: 'b', paths: [{ name: 'ok', probability: 0.7 }, { name: 'extra', probability: 0.3, tasks: ['e1', 'e2'] }] }],
  });
  const a = analyseRisks(s, { runs: 2000, seed: 4 });
  const by = new Map(a.risks.map((r) => [r.id, r]));

  test('a certain risk of work W on the only chain moves the mean and the P80 by exactly W, in every run', () => {
    const sure = by.get('sure')!;
    expect(sure.finish.meanShift).toBeCloseTo(1.5, 12);
    expect(sure.finish.meanShiftCi95[1] - sure.finish.meanShiftCi95[0]).toBeLessThan(1e-9);
    expect(sure.finish.p80Shift).toBeCloseTo(1.5, 12);
  });

  test('a risk that never occurs moves nothing (its draws are made all the same: common random numbers)', () => {
    const never = by.get('never')!;
    expect(never.finish.meanShift).toBe(0);
    expect(never.finish.p80Shift).toBe(0);
    expect(never.finish.meanShiftCi95).toEqual([0, 0]);
  });

  test('an existence risk shifts the mean by qD; a branch by pL (switched off: its first path)', () => {
    const audit = by.get('audit')!;
    expect(Math.abs(audit.finish.meanShift - 0.4 * 2.5)).toBeLessThan(K * 2.5 * Math.sqrt(0.24 / 2000));
    expect(audit.finish.meanShiftCi95[0]).toBeLessThan(1);
    expect(audit.finish.meanShiftCi95[1]).toBeGreaterThan(1);
    const fails = by.get('fails')!;
    expect(fails.probability).toBeCloseTo(0.3, 12);
    expect(Math.abs(fails.finish.meanShift - 0.3 * 4)).toBeLessThan(K * 4 * Math.sqrt(0.21 / 2000));
  });

  // All on, the finish is 6.5 (audit no, branch no: 42%), 9 (audit: 28%), 10.5 (branch: 18%), 13 (both: 12%):
  // P80 = 10.5. Branch off: 6.5 (60%), 9 (40%), P80 9. Audit off: 6.5 (70%), 10.5 (30%), P80 10.5. Sure off: all 1.5 earlier.
  test('P80 shifts follow the finish distribution: branch 1.5, audit 0, sure 1.5', () => {
    expect(a.finish.p80).toBe(10.5);
    expect(by.get('fails')!.finish.p80Shift).toBe(1.5);
    expect(by.get('audit')!.finish.p80Shift).toBe(0);
  });

  test('the ranking puts the largest P80 shift first, ties broken by the mean shift', () => {
    expect(a.risks.map((r) => r.id)).toEqual(['sure', 'fails', 'audit', 'never']);
    expect(a.risks.map((r) => r.kind)).toEqual(['risk', 'branch', 'existence', 'risk']);
  });

  test('merge bias: b merges a and the audit; its plan date (mean durations, no risk) is before its simulated mean', () => {
    expect(a.mergePoints.map((p) => p.id)).toEqual(['b']);
    const b = a.mergePoints[0];
    expect(b.deterministic).toBe(3 + 2);
    expect(b.mean).toBeGreaterThan(b.deterministic);
    expect(a.finish.deterministic).toBe(5);
  });
});

describe('merge bias: two parallel uncertain paths', () => {
  test('the simulated mean of a merge of two iid paths exceeds the plan (mean durations) by E[max] − mean, σ/√π for normals', () => {
    const s = validateScenario({
      name: 'merge',
      time_unit: 'day',
      agents: [{ id: 'x' }, { id: 'y' }, { id: 'z' }],
      tasks: [
        { id: 'p', agent: 'x', duration: { normal: { mean: 10, sd: 1 } } },
        { id: 'q', agent: 'y', duration: { normal: { mean: 10, sd: 1 } } },
        { id: 'm', agent: 'z', duration: 1, after: ['p', 'q'] },
      ],
      strategy: 'ideal',
    });
    const a = analyseRisks(s, { runs: 4000, seed: 8 });
    expect(a.risks).toEqual([]);
    const m = a.mergePoints.find((x) => x.id === 'm')!;
    expect(m.deterministic).toBe(11);
    // E[max(X1, X2)] = μ + σ/√π for iid normals; the finish of m is that plus 1. sd of max ≈ 0.826σ.
    expect(Math.abs(m.bias - 1 / Math.sqrt(Math.PI))).toBeLessThan((K * 0.83) / Math.sqrt(4000));
    expect(m.p80).toBeGreaterThan(m.mean);
  });
});
