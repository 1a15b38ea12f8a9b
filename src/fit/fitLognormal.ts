import { Z90 } from '../sim/distributions/lognormal.js';
import type { FitSpec } from './FitResult.js';
import { sampleMoments } from './_internals/sampleMoments.js';

/**
 * Maximum-likelihood lognormal, in closed form: μ̂ and σ̂² are the mean and the variance
 * (divisor n) of ln x, written as the scenario's median = e^μ̂ and p90 = e^(μ̂ + Φ⁻¹(0.9) σ̂).
 * Needs every value > 0 and two distinct values; returns null when a value is 0.
 */
export function fitLognormal(sorted: readonly number[]): FitSpec | null {
  if (!(sorted[0] > 0)) return null;
  const { mean: mu, variance } = sampleMoments(sorted.map(Math.log));
  const sigma = Math.sqrt(variance);
  return { lognormal: { median: Math.exp(mu), p90: Math.exp(mu + Z90 * sigma) } };
}
