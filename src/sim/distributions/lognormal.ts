import type { Rng } from '../streams.js';
import type { Distribution } from './Distribution.js';
import { checkProbability, checkScale, fail, isFiniteNumber } from './_internals/check.js';
import { normalQuantile, standardNormal } from './_internals/normal.js';

/** Φ⁻¹(0.9): the 90th percentile of the standard normal. */
export const Z90 = 1.2815515655446004;

class Lognormal implements Distribution {
  readonly kind = 'lognormal' as const;
  readonly min = 0;
  readonly max = Infinity;
  readonly mean: number;
  readonly variance: number;
  /** Parameters of the underlying normal: ln X ~ N(mu, sigma²). */
  private readonly mu: number;
  private readonly sigma: number;

  constructor(readonly median: number, readonly p90: number) {
    this.mu = Math.log(median);
    this.sigma = (Math.log(p90) - this.mu) / Z90;
    const s2 = this.sigma * this.sigma;
    this.mean = Math.exp(this.mu + 0.5 * s2);
    this.variance = Math.expm1(s2) * Math.exp(2 * this.mu + s2);
  }

  sample(rng: Rng): number {
    return Math.exp(this.mu + this.sigma * standardNormal(rng));
  }

  quantile(p: number): number {
    checkProbability('lognormal', p);
    return Math.exp(this.mu + this.sigma * normalQuantile(p)); // p = 0 gives exp(−∞) = 0
  }

  scale(k: number): Distribution {
    checkScale('lognormal', k);
    return lognormal(this.median * k, this.p90 * k);
  }
}

/**
 * Lognormal given by its median and 90th percentile (p90 > median > 0): ln X ~ N(μ, σ²) with
 * μ = ln median and σ = (ln p90 − ln median) / Φ⁻¹(0.9). Unbounded above.
 */
export function lognormal(median: number, p90: number): Distribution {
  const got = { median, p90 };
  if (!isFiniteNumber(median) || !isFiniteNumber(p90)) fail('lognormal', 'finite numbers {median, p90}', got);
  if (!(p90 > median && median > 0)) fail('lognormal', 'p90 > median > 0', got);
  const d = new Lognormal(median, p90);
  if (!Number.isFinite(d.variance)) fail('lognormal', 'a p90 / median ratio that gives a finite variance', got);
  return d;
}
