import { describe, expect, test } from 'vitest';
import { CoordsimError } from '../../src/scenario/CoordsimError.js';
import { distribution } from '../../src/sim/distributions/index.js';
import { fitDistributions, MIN_FIT_VALUES } from '../../src/fit/fitDistributions.js';
import { fittedLaw, logLikelihood } from '../../src/fit/FittedLaw.js';
import { sample } from './sample.js';

describe('fitDistributions', () => {
  test('fitDistributions ranks candidates by AIC, with ΔAIC from the best and best = the first', () => {
    const r = fitDistributions(sample({ lognormal: { median: 2, p90: 5 } }, 200, 41));
    expect(r.n).toBe(200);
    expect(r.candidates.map((c) => c.family).sort()).toEqual(['lognormal', 'normal', 'pert', 'triangular', 'uniform']);
    for (let i = 1; i < r.candidates.length; i++) expect(r.candidates[i].aic).toBeGreaterThanOrEqual(r.candidates[i - 1].aic);
    expect(r.best).toEqual(r.candidates[0].distribution);
    for (const c of r.candidates) {
      expect(c.deltaAic).toBeCloseTo(c.aic - r.candidates[0].aic, 12);
      expect(c.aic).toBeCloseTo(2 * c.parameters - 2 * c.logLikelihood, 12);
      expect(c.ks).toBeGreaterThan(0);
      expect(c.ks).toBeLessThan(1);
    }
    expect(r.notFitted).toEqual([]);
  });

  test('fitDistributions scores each distribution exactly as printed, and the simulator accepts it', () => {
    const xs = sample({ pert: [1, 3, 9] }, 300, 42);
    for (const c of fitDistributions(xs).candidates) {
      expect(() => distribution(c.distribution)).not.toThrow();
      expect(c.logLikelihood).toBeCloseTo(logLikelihood(fittedLaw(c.distribution), xs), 9);
    }
  });

  test('fitDistributions is deterministic and does not depend on the order of the values', () => {
    const xs = sample({ triangular: [1, 4, 5] }, 300, 43);
    const a = fitDistributions(xs);
    expect(fitDistributions(xs)).toEqual(a);
    expect(fitDistributions([...xs].reverse())).toEqual(a);
  });

  test('fitDistributions of values that are all equal gives the constant, the only candidate', () => {
    const r = fitDistributions([2.5, 2.5, 2.5, 2.5, 2.5]);
    expect(r.best).toBe(2.5);
    expect(r.candidates).toEqual([{ family: 'constant', distribution: 2.5, aic: 2, ks: 0, logLikelihood: 0, parameters: 1, deltaAic: 0 }]);
    expect(r.notFitted.map((s) => s.family)).toEqual(['uniform', 'triangular', 'pert', 'lognormal', 'normal']);
  });

  test('fitDistributions with a 0 among the values fits no lognormal and says why', () => {
    const r = fitDistributions([0, 1, 1.5, 2, 3, 4, 7]);
    expect(r.candidates.map((c) => c.family)).not.toContain('lognormal');
    expect(r.notFitted).toEqual([{ family: 'lognormal', reason: expect.stringContaining('value is 0') }]);
    const pert = r.candidates.find((c) => c.family === 'pert');
    expect(pert?.distribution).toMatchObject({ pert: [0, 0, expect.any(Number)] });
  });

  test('fitDistributions on values spanning 600 orders of magnitude reports only finite scores', () => {
    const r = fitDistributions([1e-300, 1e-200, 1, 1e200, 1e300]);
    expect(r.candidates.length).toBeGreaterThan(0);
    for (const c of r.candidates) {
      expect(Number.isFinite(c.aic) && Number.isFinite(c.ks), c.family).toBe(true);
      expect(() => distribution(c.distribution)).not.toThrow();
    }
    expect(r.candidates.length + r.notFitted.length).toBe(5);
  });

  test.each([
    [[1, 2, 3, 4], `at least ${MIN_FIT_VALUES} values, got 4`],
    [[1, 2, -3, 4, 5], 'values >= 0 (durations), got -3 at index 2'],
    [[1, 2, NaN, 4, 5], 'finite numbers, got NaN at index 2'],
    [[1, 2, Infinity, 4, 5], 'finite numbers, got Infinity at index 2'],
  ])('fitDistributions(%j) throws E_PARAM naming the problem', (values, message) => {
    let error: unknown;
    try {
      fitDistributions(values);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CoordsimError);
    expect((error as CoordsimError).code).toBe('E_PARAM');
    expect((error as CoordsimError).message).toContain(message);
  });
});
