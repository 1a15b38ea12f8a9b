import { describe, expect, test } from 'vitest';
import { fitDistributions } from '../../src/fit/fitDistributions.js';
import { fittedLaw, logLikelihood } from '../../src/fit/FittedLaw.js';
import { fitNormal, HALF_NORMAL_CV2, truncatedNormalCv2 } from '../../src/fit/fitNormal.js';
import { normal } from '../../src/sim/distributions/index.js';
import { sample } from './sample.js';

const moments = (xs: number[]) => {
  const m = xs.reduce((s, x) => s + x, 0) / xs.length;
  return { mean: m, variance: xs.reduce((s, x) => s + (x - m) ** 2, 0) / xs.length };
};

describe('fitNormal', () => {
  test('fitDistributions AIC of the normal on [10, 11, 12, 13, 14] is 9 + 5 ln(4π), hand-computed', () => {
    // Far from 0 (x̄/s = 12/√2 ≈ 8.5): the MLE is x̄ = 12, s² = 2 (divisor n), and
    // ln L = −(5/2) ln(2π·2) − 5/2, so AIC = 2·2 − 2 ln L = 9 + 5 ln(4π) ≈ 21.65512.
    const normalFit = fitDistributions([10, 11, 12, 13, 14]).candidates.find((c) => c.family === 'normal');
    expect(normalFit?.distribution).toEqual({ normal: { mean: 12, sd: 1.41421 } });
    expect(normalFit?.parameters).toBe(2);
    expect(normalFit?.aic).toBeCloseTo(9 + 5 * Math.log(4 * Math.PI), 8);
  });

  test('fitNormal on data with a CV above the half-normal’s is the half-normal, AIC hand-computed', () => {
    // x̄ = 1.16, mean of x² = 3.46, s²/x̄² ≈ 1.57 > π/2 − 1: mean 0, sd² = 3.46, and
    // ln L = 5 ln 2 − (5/2) ln(2π·3.46) − Σx²/(2·3.46) = 5 ln 2 − (5/2) ln(6.92π) − 5/2.
    const xs = [0.1, 0.2, 0.5, 1, 4];
    expect(fitNormal(xs)).toEqual({ normal: { mean: 0, sd: Math.sqrt(3.46) } });
    const fit = fitDistributions(xs).candidates.find((c) => c.family === 'normal');
    const logL = 5 * Math.log(2) - 2.5 * Math.log(6.92 * Math.PI) - 2.5;
    expect(fit?.aic).toBeCloseTo(4 - 2 * logL, 4); // sd printed as 1.86011, 6 digits
  });

  test('truncatedNormalCv2 rises from 1/α² far left to π/2 − 1 at α = 0', () => {
    let previous = 0;
    for (let alpha = -9; alpha <= 0; alpha += 0.01) {
      const v = truncatedNormalCv2(alpha);
      expect(v).toBeGreaterThan(previous);
      previous = v;
    }
    expect(truncatedNormalCv2(0)).toBeCloseTo(HALF_NORMAL_CV2, 14);
    expect(truncatedNormalCv2(-9)).toBeCloseTo(1 / 81, 12);
  });

  test('fitNormal with real truncation matches the sample mean and variance (the likelihood equations)', () => {
    // An exponential family's MLE equates the model's moments of x and x² with the sample's;
    // the simulator's own normal() computes the truncated moments independently.
    const xs = sample({ normal: { mean: 1, sd: 1.5 } }, 3000, 11);
    const spec = fitNormal([...xs].sort((a, b) => a - b)) as { normal: { mean: number; sd: number } };
    const d = normal(spec.normal.mean, spec.normal.sd);
    const m = moments(xs);
    expect(d.mean).toBeCloseTo(m.mean, 10);
    expect(d.variance).toBeCloseTo(m.variance, 10);
  });

  test('fitNormal is a maximum: moving mean or sd lowers ln L', () => {
    const xs = sample({ normal: { mean: 2, sd: 2 } }, 500, 12);
    const spec = fitNormal([...xs].sort((a, b) => a - b)) as { normal: { mean: number; sd: number } };
    const { mean, sd } = spec.normal;
    const at = (m: number, s: number) => logLikelihood(fittedLaw({ normal: { mean: m, sd: s } }), xs);
    const best = at(mean, sd);
    for (const [dm, ds] of [[1e-3, 0], [-1e-3, 0], [0, 1e-3], [0, -1e-3], [1e-3, 1e-3], [-1e-3, -1e-3]]) {
      expect(at(mean + dm, sd + ds)).toBeLessThan(best);
    }
  });
});
