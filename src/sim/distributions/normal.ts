import type { Rng } from '../streams.js';
import type { Distribution } from './Distribution.js';
import { checkProbability, checkScale, fail, isFiniteNumber } from './_internals/check.js';
import { normalCdf, normalPdf, normalQuantile, standardNormal } from './_internals/normal.js';
import { constant } from './constant.js';

class TruncatedNormal implements Distribution {
  readonly kind = 'normal' as const;
  readonly min = 0;
  readonly max = Infinity;
  readonly mean: number;
  readonly variance: number;
  /** Φ(α) and 1 − Φ(α), where α = −mu/sd is the truncation point in standard units. */
  private readonly massBelow: number;
  private readonly massAbove: number;

  /** `mu` and `sd` are the parameters of the normal before truncation. */
  constructor(readonly mu: number, readonly sd: number) {
    const alpha = -mu / sd;
    this.massBelow = normalCdf(alpha);
    this.massAbove = normalCdf(-alpha); // computed directly: accurate even when Φ(α) is tiny
    // Moments of the normal truncated below at 0 (Johnson, Kotz & Balakrishnan, Continuous
    // Univariate Distributions vol. 1, §10.1): λ = φ(α)/(1 − Φ(α)).
    const lambda = normalPdf(alpha) / this.massAbove;
    this.mean = mu + sd * lambda;
    // λ = 0 when the truncation is invisible; α may then be −∞ (a subnormal sd), and ∞·0 is NaN.
    this.variance = sd * sd * (1 + (lambda === 0 ? 0 : alpha * lambda) - lambda * lambda);
  }

  /**
   * Rejection from the untruncated normal: a draw is kept with probability 1 − Φ(α) >= 1/2
   * (mean >= 0), so about two tries at worst. Chosen over the inverse CDF because the polar
   * sampler is small enough to be inlined, so that `sample` allocates nothing.
   */
  sample(rng: Rng): number {
    for (;;) {
      const x = this.mu + this.sd * standardNormal(rng);
      if (x >= 0) return x;
    }
  }

  quantile(p: number): number {
    checkProbability('normal', p);
    return this.inverse(p);
  }

  scale(k: number): Distribution {
    checkScale('normal', k);
    return normal(this.mu * k, this.sd * k);
  }

  /**
   * Solves Φ(z) = Φ(α) + u(1 − Φ(α)) for z, passing AS 241 whichever tail probability is small
   * (it is exact there): the lower one below the median of the standard normal, else the upper
   * one, (1 − u)(1 − Φ(α)), which does not round to 1 when u is close to 1.
   */
  private inverse(u: number): number {
    if (u === 0) return 0;
    const lower = this.massBelow + u * this.massAbove;
    const z = lower < 0.5 ? normalQuantile(lower) : -normalQuantile((1 - u) * this.massAbove);
    const x = this.mu + this.sd * z;
    return x > 0 ? x : 0; // rounding may land a hair below 0 for u close to 0
  }
}

/**
 * Normal with the given `mean` and `sd` before truncation, truncated at 0 so that no draw is
 * negative; `mean` and `variance` of the result are those of the truncated law. Needs
 * mean >= 0 and sd >= 0; sd == 0 gives `constant(mean)`.
 */
export function normal(mean: number, sd: number): Distribution {
  const got = { mean, sd };
  if (!isFiniteNumber(mean) || !isFiniteNumber(sd)) fail('normal', 'finite numbers {mean, sd}', got);
  if (mean < 0) fail('normal', 'mean >= 0 (durations are non-negative)', got);
  if (sd < 0) fail('normal', 'sd >= 0', got);
  if (sd === 0) return constant(mean);
  return new TruncatedNormal(mean, sd);
}
