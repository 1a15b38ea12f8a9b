/**
 * Parameter recovery: samples drawn with the simulator's own distributions and fixed seeds,
 * fitted back, each estimate within 4 standard errors of the truth. Standard errors are closed
 * forms where the model is regular (lognormal, normal far from 0), the exact law of the sample
 * extremes for the uniform, and otherwise the spread of the estimates over 30 replicate samples.
 */
import { describe, expect, test } from 'vitest';
import { Z90 } from '../../src/sim/distributions/lognormal.js';
import { fitLognormal } from '../../src/fit/fitLognormal.js';
import { fitNormal } from '../../src/fit/fitNormal.js';
import { fitPert } from '../../src/fit/fitPert.js';
import { fitTriangular } from '../../src/fit/fitTriangular.js';
import { fitUniform } from '../../src/fit/fitUniform.js';
import type { FitSpec } from '../../src/fit/FitResult.js';
import { fitDistributions } from '../../src/fit/fitDistributions.js';
import type { DistributionSpec } from '../../src/sim/distributions/index.js';
import { sample, sd } from './sample.js';

const N = 2000;
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

/** Estimates of `fit` on R replicate samples (seeds 100…), one array per parameter. */
function replicates(spec: DistributionSpec, fit: (s: number[]) => number[], R = 30): number[][] {
  const out: number[][] = [];
  for (let r = 0; r < R; r++) {
    const p = fit(sorted(sample(spec, N, 100 + r)));
    p.forEach((v, i) => (out[i] ??= []).push(v));
  }
  return out;
}

const threePoint = (f: FitSpec) => ('triangular' in (f as object) ? (f as { triangular: number[] }).triangular : (f as { pert: number[] }).pert);

describe('fits recover the parameters they were drawn from', () => {
  test('fitLognormal recovers μ = ln median and σ within 4 closed-form standard errors', () => {
    // ln X ~ N(μ, σ²): se(μ̂) = σ/√n, se(σ̂) ≈ σ/√(2n).
    const mu = Math.log(3);
    const sigma = Math.log(8 / 3) / Z90;
    const fit = fitLognormal(sorted(sample({ lognormal: { median: 3, p90: 8 } }, N, 1))) as { lognormal: { median: number; p90: number } };
    const muHat = Math.log(fit.lognormal.median);
    const sigmaHat = Math.log(fit.lognormal.p90 / fit.lognormal.median) / Z90;
    expect(Math.abs(muHat - mu)).toBeLessThan((4 * sigma) / Math.sqrt(N));
    expect(Math.abs(sigmaHat - sigma)).toBeLessThan((4 * sigma) / Math.sqrt(2 * N));
  });

  test('fitNormal far from 0 recovers mean and sd within 4 closed-form standard errors', () => {
    const fit = fitNormal(sorted(sample({ normal: { mean: 10, sd: 2 } }, N, 2))) as { normal: { mean: number; sd: number } };
    expect(Math.abs(fit.normal.mean - 10)).toBeLessThan((4 * 2) / Math.sqrt(N));
    expect(Math.abs(fit.normal.sd - 2)).toBeLessThan((4 * 2) / Math.sqrt(2 * N));
  });

  test('fitNormal truncated at 0 recovers the parameters before truncation within 4 replicate SEs', () => {
    const spec = { normal: { mean: 1, sd: 1.5 } };
    const est = (s: number[]) => {
      const f = fitNormal(s) as { normal: { mean: number; sd: number } };
      return [f.normal.mean, f.normal.sd];
    };
    const [means, sds] = replicates(spec, est);
    const [mean, sdHat] = est(sorted(sample(spec, N, 3)));
    expect(Math.abs(mean - 1)).toBeLessThan(4 * sd(means));
    expect(Math.abs(sdHat - 1.5)).toBeLessThan(4 * sd(sds));
    // The sample mean is not the answer: the truncated law's mean is 1 + 1.5 φ(2/3)/Φ(2/3) ≈ 1.64.
    const naive = sample(spec, N, 3).reduce((s, x) => s + x, 0) / N;
    expect(naive - 1).toBeGreaterThan(4 * sd(means));
  });

  test('fitUniform min and max lie inside [a, b] by at most 5 (b − a)/(n + 1)', () => {
    // x₍₁₎ − a ~ (b − a)·Beta(1, n): mean and sd both about (b − a)/(n + 1).
    const fit = fitUniform(sorted(sample({ uniform: [2, 6] }, N, 4))) as { uniform: [number, number] };
    const se = 4 / (N + 1);
    expect(fit.uniform[0] - 2).toBeGreaterThanOrEqual(0);
    expect(fit.uniform[0] - 2).toBeLessThan(5 * se);
    expect(6 - fit.uniform[1]).toBeGreaterThanOrEqual(0);
    expect(6 - fit.uniform[1]).toBeLessThan(5 * se);
  });

  const threePointCases: Array<[string, DistributionSpec, (s: number[]) => FitSpec, number, number[]]> = [
    ['triangular', { triangular: [1, 2, 6] }, fitTriangular, 5, [1, 2, 6]],
    ['pert', { pert: [1, 2, 6] }, fitPert, 6, [1, 2, 6]],
  ];
  test.each(threePointCases)('fit %s recovers min, mode and max within 4 replicate SEs', (_name, spec, fit, seed, truth) => {
    const est = (s: number[]) => threePoint(fit(s));
    const spread = replicates(spec, est).map(sd);
    const got = est(sorted(sample(spec, N, seed)));
    got.forEach((v, i) => expect(Math.abs(v - truth[i]), `parameter ${i}: ${v} vs ${truth[i]} (se ${spread[i]})`).toBeLessThan(4 * spread[i]));
    // The replicate SEs are those of a working estimator: small next to the range.
    for (const s of spread) expect(s).toBeLessThan(0.2);
  });

  test('fitDistributions prints the parameters the fitters found to 6 significant digits, data inside', () => {
    const xs = sample({ pert: [1, 2, 6] }, 500, 7);
    const raw = threePoint(fitPert(sorted(xs)));
    const printed = threePoint(fitDistributions(xs).candidates.find((c) => c.family === 'pert')!.distribution);
    printed.forEach((v, i) => expect(Math.abs(v - raw[i])).toBeLessThanOrEqual(1e-5 * Math.abs(raw[i])));
    // Bounds round to nearest only while the data stay strictly inside (the density is 0 there).
    expect(printed[0]).toBeLessThan(Math.min(...xs));
    expect(printed[2]).toBeGreaterThan(Math.max(...xs));
  });
});
