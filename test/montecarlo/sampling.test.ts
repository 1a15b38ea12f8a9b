import { describe, expect, test } from 'vitest';
import { createRunInputs } from '../../src/engine/RunInputs.js';
import { correlationPlan, spearman } from '../../src/montecarlo/correlation.js';
import { InputSampler } from '../../src/montecarlo/InputSampler.js';
import { LHS_BLOCK, lhsBlock } from '../../src/montecarlo/lhs.js';
import { monteCarlo } from '../../src/montecarlo/monteCarlo.js';
import { compiled, randomProject, uniformMax } from './fixtures.js';

const correlated = randomProject(12, 4, [
  { tasks: ['t1', 't2', 't3'], rho: 0.6 },
  { tasks: ['t5', 't7'], rho: -0.4 },
  { tasks: ['t3', 't9'], rho: 0.3 },
]);

/** Achieved Spearman correlation of two tasks' durations over runs [from, from + n). */
function achieved(sampling: 'random' | 'lhs', a: number, b: number, from: number, n: number): number {
  const model = compiled(correlated);
  const sampler = new InputSampler(model, 11, sampling);
  const inputs = createRunInputs(model);
  const x: number[] = [];
  const y: number[] = [];
  for (let run = from; run < from + n; run++) {
    sampler.sample(run, inputs);
    x.push(inputs.durations[a]);
    y.push(inputs.durations[b]);
  }
  return spearman(x, y);
}

describe('Latin hypercube sampling', () => {
  test('lhsBlock: every block puts exactly one value of each task in each of its 1,000 strata', () => {
    for (const scenario of [uniformMax(5), correlated]) {
      const model = compiled(scenario);
      const plan = correlationPlan(model);
      const T = model.tasks.length;
      for (const block of [0, 1, 17]) {
        const u = lhsBlock(model, 3, block, plan);
        for (let t = 0; t < T; t++) {
          const strata = Array.from({ length: LHS_BLOCK }, (_, i) => Math.floor(u[i * T + t] * LHS_BLOCK)).sort((a, b) => a - b);
          expect(strata).toEqual(Array.from({ length: LHS_BLOCK }, (_, k) => k));
        }
      }
    }
  });

  test('the sampled durations of a block are the quantiles of those uniforms, and the mean converges faster than random', async () => {
    const lhs = await monteCarlo(uniformMax(1), { runs: 1000, workers: 1, sampling: 'lhs' });
    // One task uniform(0, 1), one full block: the sample mean is 0.5 within the strata's jitter.
    expect(Math.abs(lhs.makespan.mean - 0.5)).toBeLessThan(0.002);
    expect(lhs.sampling).toBe('lhs');
    expect(lhs.makespan.min).toBeLessThan(0.001);
    expect(lhs.makespan.max).toBeGreaterThan(0.999);
  });
});

describe('correlated durations', () => {
  test('Iman–Conover in LHS blocks reaches the requested rank correlation within 0.05', () => {
    expect(achieved('lhs', 1, 2, 0, 1000)).toBeCloseTo(0.6, 1);
    expect(Math.abs(achieved('lhs', 1, 3, 1000, 1000) - 0.6)).toBeLessThan(0.05);
    expect(Math.abs(achieved('lhs', 5, 7, 2000, 1000) + 0.4)).toBeLessThan(0.05);
    expect(Math.abs(achieved('lhs', 3, 9, 0, 1000) - 0.3)).toBeLessThan(0.05);
    expect(Math.abs(achieved('lhs', 1, 9, 0, 1000))).toBeLessThan(0.05); // in no common group: uncorrelated
    expect(Math.abs(achieved('lhs', 0, 4, 0, 1000))).toBeLessThan(0.1); // tasks in no group stay independent
  });

  test('the Gaussian copula of random sampling reaches the requested rank correlation within 0.05', () => {
    // 16,000 runs: the sampling error of a rank correlation is then about 0.007, far inside 0.05.
    expect(Math.abs(achieved('random', 1, 2, 0, 16_000) - 0.6)).toBeLessThan(0.05);
    expect(Math.abs(achieved('random', 5, 7, 0, 16_000) + 0.4)).toBeLessThan(0.05);
    expect(Math.abs(achieved('random', 3, 9, 0, 16_000) - 0.3)).toBeLessThan(0.05);
    expect(Math.abs(achieved('random', 0, 4, 0, 16_000))).toBeLessThan(0.05);
  });

  test('correlated tasks keep their marginal distribution; uncorrelated tasks draw exactly as without correlations', () => {
    const withC = compiled(correlated);
    const without = compiled({ ...correlated, correlations: [] });
    const a = new InputSampler(withC, 2, 'random');
    const b = new InputSampler(without, 2, 'random');
    const ia = createRunInputs(withC);
    const ib = createRunInputs(without);
    let mean = 0;
    for (let run = 0; run < 4000; run++) {
      a.sample(run, ia);
      b.sample(run, ib);
      expect(ia.durations[0]).toBe(ib.durations[0]);
      expect(ia.durations[11]).toBe(ib.durations[11]);
      mean += ia.durations[1] / 4000;
    }
    expect(mean).toBeCloseTo(withC.tasks[1].duration.mean, 1);
  });
});
