import { describe, expect, test } from 'vitest';
import { monteCarlo } from '../../src/montecarlo/monteCarlo.js';
import { compare } from '../../src/montecarlo/compare.js';
import { simulate } from '../../src/engine/simulate.js';
import { certain, compiled, randomProject, uniformMax } from './fixtures.js';

describe('monteCarlo', () => {
  test('a scenario without uncertainty gives sd 0 and equal percentiles', async () => {
    const r = await monteCarlo(certain(), { runs: 1500, workers: 1 });
    const one = simulate(certain(), { trace: false }).metrics;
    for (const f of ['makespan', 'speedup', 'coordinationOverhead', 'utilization', 'timeSavings'] as const) {
      const s = r[f];
      expect(s.sd, f).toBe(0);
      expect(new Set([s.mean, s.min, s.max, s.p10, s.p50, s.p80, s.p90, s.p95, ...s.ci95]).size, f).toBe(1);
    }
    expect(r.makespan.mean).toBe(one.makespan);
    expect(r.deadlineProbability).toBe(1);
    expect(r.runs).toBe(1500);
    expect(r.histogram.counts).toEqual([1500]);
  });

  test('n independent uniform(0, 1) tasks under ideal: the CI of the mean makespan contains n/(n+1)', async () => {
    for (const n of [1, 3, 8]) {
      const r = await monteCarlo(uniformMax(n), { runs: 20_000, workers: 1, seed: n });
      const want = n / (n + 1);
      expect(r.makespan.ci95[0], `n=${n}`).toBeLessThanOrEqual(want);
      expect(r.makespan.ci95[1], `n=${n}`).toBeGreaterThanOrEqual(want);
      // The P50 of the max of n uniforms is 0.5^(1/n): the histogram's answer is within its resolution.
      expect(Math.abs(r.makespan.p50 - 0.5 ** (1 / n))).toBeLessThan(0.01);
      expect(r.tasks.every((t) => t.sensitivity > 0)).toBe(true);
    }
  });

  test('--precision stops early, at a batch boundary, reproducibly', async () => {
    const s = randomProject(20, 5);
    const a = await monteCarlo(s, { runs: 200_000, precision: 0.003, workers: 1, seed: 2 });
    const b = await monteCarlo(s, { runs: 200_000, precision: 0.003, workers: 1, seed: 2 });
    expect(a.stoppedEarly).toBe(true);
    expect(a.runs).toBeLessThan(200_000);
    expect(a.runs % 1000).toBe(0);
    expect(b).toEqual(a);
    const half = (a.makespan.ci95[1] - a.makespan.ci95[0]) / 2;
    expect(half).toBeLessThan(0.003 * a.makespan.mean);
    // One batch earlier the target was not met yet.
    const before = await monteCarlo(s, { runs: a.runs - 1000, workers: 1, seed: 2 });
    expect((before.makespan.ci95[1] - before.makespan.ci95[0]) / 2).toBeGreaterThanOrEqual(0.003 * before.makespan.mean);
  });

  test('the representative run is the subsample run nearest the median, replayed exactly', async () => {
    const s = randomProject(15, 4);
    const r = await monteCarlo(s, { runs: 2000, workers: 1, seed: 4 });
    const rep = r.representative;
    expect(rep.metrics).toEqual(simulate(s, { seed: 4, run: rep.run }).metrics);
    expect(rep.trace).toEqual(simulate(s, { seed: 4, run: rep.run }).trace);
    expect(Math.abs(rep.metrics.makespan - r.makespan.p50)).toBeLessThan(0.05 * r.makespan.p50);
  });

  test('statistics hang together: criticality in [0, 1], a task always critical in a chain, agents and gates reported', async () => {
    const r = await monteCarlo(randomProject(20, 5), { runs: 3000, workers: 1 });
    expect(r.tasks.every((t) => t.criticality >= 0 && t.criticality <= 1)).toBe(true);
    expect(r.makespan.p10).toBeLessThanOrEqual(r.makespan.p50);
    expect(r.makespan.p50).toBeLessThanOrEqual(r.makespan.p95);
    expect(r.histogram.counts.reduce((a, b) => a + b, 0)).toBe(3000);
    expect(r.agents).toHaveLength(5);
    expect(r.timeSavings.mean).toBeCloseTo(1 - r.makespan.mean / r.sequentialMakespan.mean, 1);
  });

  test('bad options are refused with the value found', async () => {
    await expect(monteCarlo(certain(), { runs: 0 })).rejects.toThrow(/runs must be a positive integer, got 0/);
    await expect(monteCarlo(certain(), { precision: 2 })).rejects.toThrow(/precision .* got 2/);
    await expect(monteCarlo(certain(), { strategy: 'nope' })).rejects.toThrow(/unknown strategy 'nope'/);
  });
});

describe('compare', () => {
  test('a strategy paired with an identical copy of itself differs by exactly 0 (common random numbers)', async () => {
    const r = await compare(randomProject(20, 5), ['hub', 'hub-copy', 'mesh'], { runs: 2000, workers: 1 });
    expect(r.strategies.map((s) => s.strategy)).toEqual(['hub', 'hub-copy', 'mesh', 'sequential', 'ideal']);
    const same = r.pairs.find((p) => p.a === 'hub' && p.b === 'hub-copy')!;
    expect(same).toEqual({ a: 'hub', b: 'hub-copy', meanDifference: 0, ci95: [0, 0], probabilityAFaster: 0 });
    expect(r.pairs).toHaveLength(10);
    const { strategy: _a, representative: _ra, ...hub } = r.strategies[0];
    const { strategy: _b, representative: _rb, ...copy } = r.strategies[1];
    expect(copy).toEqual(hub);
  });

  test('each strategy of a comparison is exactly its own Monte Carlo, and ideal never loses to sequential', async () => {
    const s = randomProject(20, 5);
    const r = await compare(s, ['mesh'], { runs: 1500, workers: 1, seed: 8 });
    expect(r.strategies[0]).toEqual(await monteCarlo(s, { strategy: 'mesh', runs: 1500, workers: 1, seed: 8 }));
    const p = r.pairs.find((x) => x.a === 'sequential' && x.b === 'ideal')!;
    expect(p.meanDifference).toBeGreaterThan(0);
    expect(p.probabilityAFaster).toBe(0);
  });

  test('works on a compiled model too (in-process)', async () => {
    const r = await compare(compiled(randomProject(8, 2)), ['ideal'], { runs: 100, workers: 4 });
    expect(r.strategies.map((x) => x.strategy)).toEqual(['ideal', 'sequential']);
  });
});
