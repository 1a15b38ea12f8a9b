import { describe, expect, test } from 'vitest';
import { createRunInputs } from '../../src/engine/RunInputs.js';
import { Engine } from '../../src/engine/Engine.js';
import { runMetrics } from '../../src/engine/runMetrics.js';
import { simulate } from '../../src/engine/simulate.js';
import { InputSampler } from '../../src/montecarlo/InputSampler.js';
import { mergeRangeSummaries, RangeMerger } from '../../src/montecarlo/RangeSummary.js';
import { FIGURES, readFigures } from '../../src/montecarlo/runFigures.js';
import { summarizeRange } from '../../src/montecarlo/summarizeRange.js';
import { loadModel } from '../helpers.js';
import { compiled, randomProject } from './fixtures.js';

const seedModel = loadModel('scenarios/ecommerce-security.yaml');

describe('summarizeRange', () => {
  test('summaries of [0, a) and [a, N) merged equal the summary of [0, N), deep-equal, for every split', () => {
    const strategies = ['orchestrator', 'mesh', 'sequential', 'ideal'];
    const o = { strategies, seed: 5, sampling: 'random' as const };
    const whole = summarizeRange(seedModel, { ...o, start: 0, end: 300 }).summary;
    for (const a of [1, 137, 299]) {
      const left = summarizeRange(seedModel, { ...o, start: 0, end: a }).summary;
      const right = summarizeRange(seedModel, { ...o, start: a, end: 300 }).summary;
      expect(mergeRangeSummaries(seedModel, left, right)).toEqual(whole);
    }
    // Three pieces, merged incrementally in run order.
    const m = new RangeMerger(seedModel, summarizeRange(seedModel, { ...o, start: 0, end: 100 }).summary);
    m.add(summarizeRange(seedModel, { ...o, start: 100, end: 101 }).summary);
    m.add(summarizeRange(seedModel, { ...o, start: 101, end: 300 }).summary);
    expect(m.toState()).toEqual(whole);
  });

  test('the exact merge holds for Latin hypercube blocks with correlations too, across a block boundary', () => {
    const model = compiled(randomProject(10, 3, [{ tasks: ['t1', 't2'], rho: 0.5 }]));
    const o = { strategies: ['hub', 'ideal'], seed: 'lhs-merge', sampling: 'lhs' as const };
    const whole = summarizeRange(model, { ...o, start: 900, end: 1300 }).summary;
    const left = summarizeRange(model, { ...o, start: 900, end: 1042 }).summary;
    const right = summarizeRange(model, { ...o, start: 1042, end: 1300 }).summary;
    expect(mergeRangeSummaries(model, left, right)).toEqual(whole);
  });

  test('merging refuses ranges that are not adjacent or come from another set-up', () => {
    const o = { strategies: ['ideal'], seed: 5, sampling: 'random' as const };
    const a = summarizeRange(seedModel, { ...o, start: 0, end: 10 }).summary;
    const c = summarizeRange(seedModel, { ...o, start: 20, end: 30 }).summary;
    expect(() => mergeRangeSummaries(seedModel, a, c)).toThrow(/adjacent/);
    const other = summarizeRange(seedModel, { ...o, seed: 6, start: 10, end: 20 }).summary;
    expect(() => mergeRangeSummaries(seedModel, a, other)).toThrow(/different/);
  });

  test('readFigures(engine) is bit-identical to runMetrics', () => {
    const inputs = createRunInputs(seedModel);
    const sampler = new InputSampler(seedModel, 3, 'random');
    const out = new Float64Array(FIGURES.length);
    const agents = new Float64Array(4 * seedModel.agents.length);
    for (const name of seedModel.strategyNames) {
      const e = new Engine(seedModel, seedModel.strategies[name]);
      for (let run = 0; run < 20; run++) {
        const state = e.run(sampler.sample(run, inputs), { seed: 3, run });
        readFigures(state, out, agents);
        const m = runMetrics(state, inputs);
        expect([...out]).toEqual([m.makespan, m.sequentialMakespan, m.speedup, m.timeSavings, m.workTime, m.coordinationTime, m.coordinationOverhead, m.utilization.mean, m.capacityUse]);
        seedModel.agents.forEach((a, i) => {
          expect(agents[4 * i]).toBe(m.utilization.byAgent[a.id]);
          expect(agents[4 * i + 3]).toBe(m.idleTime.byAgent[a.id]);
        });
      }
    }
  });

  test('random sampling without correlations draws run i exactly as simulate(run: i) does', () => {
    const inputs = createRunInputs(seedModel);
    const sampler = new InputSampler(seedModel, 9, 'random');
    for (const run of [0, 1, 999, 1000, 123456]) {
      const e = new Engine(seedModel, seedModel.strategies.orchestrator).run(sampler.sample(run, inputs), { seed: 9, run });
      expect(runMetrics(e, inputs)).toEqual(simulate(seedModel, { seed: 9, run, trace: false }).metrics);
    }
  });

  test('per-run rows: one per run and strategy, in run order', () => {
    const model = compiled(randomProject(12, 3));
    const { rows } = summarizeRange(model, { strategies: ['hub', 'ideal'], seed: 1, sampling: 'random', start: 40, end: 45, rows: true });
    const W = 11;
    expect(rows!.length).toBe(5 * 2 * W);
    expect(Array.from({ length: 10 }, (_, k) => [rows![k * W], rows![k * W + 1]])).toEqual([40, 41, 42, 43, 44].flatMap((r) => [[r, 0], [r, 1]]));
  });
});
