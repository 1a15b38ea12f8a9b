import { normalCdf, normalPdf } from '../sim/distributions/_internals/normal.js';
import type { FitSpec } from './FitResult.js';
import { sampleMoments } from './_internals/sampleMoments.js';

/** Squared coefficient of variation of the half-normal (the normal truncated at its mean 0): π/2 − 1. */
export const HALF_NORMAL_CV2 = Math.PI / 2 - 1;

/**
 * Squared coefficient of variation of a normal truncated below at 0, as a function of the
 * truncation point in standard units α = −mean/sd alone (Johnson, Kotz & Balakrishnan vol. 1,
 * §10.1, with λ = φ(α)/(1 − Φ(α))): (1 + αλ − λ²) / (λ − α)². Rises from 0 (α → −∞) to
 * π/2 − 1 (α = 0).
 */
export function truncatedNormalCv2(alpha: number): number {
  const lambda = normalPdf(alpha) / normalCdf(-alpha);
  return (1 + alpha * lambda - lambda * lambda) / ((lambda - alpha) * (lambda - alpha));
}

/**
 * Maximum-likelihood normal truncated at 0, with mean >= 0 as the simulator requires.
 *
 * The truncated normal is an exponential family (sufficient statistics x and x²), so ln L is
 * concave in the natural parameters, the maximum is unique and it is where the fitted law's
 * mean and variance equal the sample's (divisor n). Those two depend on (mean, sd) only through
 * α = −mean/sd and a scale, so α solves truncatedNormalCv2(α) = s²/x̄² (bisection), then
 * sd = x̄/(λ − α) and mean = −α·sd. Two boundary cases:
 * - s/x̄ < 1/8: the truncation is negligible (α < −8, mass cut off below 10⁻¹⁵): the
 *   untruncated MLE (x̄, s) is returned, equal to the truncated one in double precision;
 * - s²/x̄² >= π/2 − 1: the unconstrained maximum has mean < 0, so the constrained one is on
 *   the boundary mean = 0, the half-normal, whose MLE is sd² = mean of x².
 */
export function fitNormal(sorted: readonly number[]): FitSpec {
  const { mean, variance } = sampleMoments(sorted);
  const sd = Math.sqrt(variance);
  if (sd < mean / 8) return { normal: { mean, sd } };
  const cv2 = variance / (mean * mean);
  if (cv2 >= HALF_NORMAL_CV2) {
    let m2 = 0;
    for (const x of sorted) m2 += x * x;
    return { normal: { mean: 0, sd: Math.sqrt(m2 / sorted.length) } };
  }
  // truncatedNormalCv2 is increasing; at −9 it is below 1/81 < 1/64 <= cv2, at 0 above cv2.
  let lo = -9;
  let hi = 0;
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (lo + hi);
    if (mid === lo || mid === hi) break;
    if (truncatedNormalCv2(mid) < cv2) lo = mid;
    else hi = mid;
  }
  const alpha = 0.5 * (lo + hi);
  const lambda = normalPdf(alpha) / normalCdf(-alpha);
  const sigma = mean / (lambda - alpha);
  return { normal: { mean: -alpha * sigma, sd: sigma } };
}
