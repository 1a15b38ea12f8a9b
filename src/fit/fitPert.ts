import { lnBeta } from '../sim/distributions/_internals/beta.js';
import type { FitSpec } from './FitResult.js';
import { sampleMoments } from './_internals/sampleMoments.js';
import { nelderMeadRestarted } from './_internals/nelderMead.js';
import { thin } from './_internals/thin.js';

/**
 * ln L of Beta-PERT (λ = 4) [a, c, b]: shapes α = 1 + 4(c − a)/w, β = 1 + 4(b − c)/w, w = b − a,
 * α + β = 6, so ln L = (α − 1) Σ ln(x − a) + (β − 1) Σ ln(b − x) − 5n ln w − n ln B(α, β).
 * `lnLeft` and `lnRight` are the two sums (they do not depend on c).
 */
function pertLogL(n: number, lnLeft: number, lnRight: number, a: number, c: number, b: number): number {
  const w = b - a;
  const alpha = 1 + (4 * (c - a)) / w;
  const beta = 1 + (4 * (b - c)) / w;
  // A shape of exactly 1 leaves its end's sum out: a value at that end then has density > 0.
  const left = alpha === 1 ? 0 : (alpha - 1) * lnLeft;
  const right = beta === 1 ? 0 : (beta - 1) * lnRight;
  return left + right - 5 * n * Math.log(w) - n * lnBeta(alpha, beta);
}

/**
 * Method-of-moments PERT: the Beta(α, 6 − α) whose skewness 2(β − α)√7 / (8√(αβ)) matches the
 * sample's (clamped to the family's range, about ±1.18), scaled so that the variance
 * w²αβ/252 and the mean a + wα/6 match. Used only as the start of the likelihood search.
 */
export function pertMoments(sorted: readonly number[]): [number, number, number] {
  const n = sorted.length;
  const { mean, variance } = sampleMoments(sorted);
  let m3 = 0;
  for (const x of sorted) m3 += (x - mean) ** 3;
  const skew = m3 / n / variance ** 1.5;
  const skewOf = (alpha: number) => ((6 - 2 * alpha) * Math.sqrt(7)) / (4 * Math.sqrt(alpha * (6 - alpha)));
  // skewOf falls from skewOf(1) ≈ 1.18 to skewOf(5) ≈ −1.18: bisection on α ∈ [1, 5].
  let lo = 1;
  let hi = 5;
  for (let i = 0; i < 60; i++) {
    const mid = 0.5 * (lo + hi);
    if (skewOf(mid) > skew) lo = mid;
    else hi = mid;
  }
  const alpha = 0.5 * (lo + hi);
  const w = Math.sqrt((252 * variance) / (alpha * (6 - alpha)));
  const a = mean - (w * alpha) / 6;
  return [a, a + (w * (alpha - 1)) / 4, a + w];
}

/**
 * Maximum-likelihood Beta-PERT [min, mode, max] (λ = 4) by Nelder–Mead (restarted once) over
 * u = ln((x₍₁₎ − min)/R), v = ln((max − x₍ₙ₎)/R) and t = logit((mode − min)/(max − min)), R the
 * data range, so that the support always holds every value and min >= 0 (min is clamped at 0).
 * It starts twice, from the method-of-moments PERT (`pertMoments`, widened where needed to
 * hold the data) and from the best point of an 8 × 8 × 9 grid over (u, v, t), and keeps the
 * better end point (ties: the moments' start). With more than `THIN_TO` values this search runs
 * on that many evenly spaced order statistics (`thin`), then a last Nelder–Mead on every value.
 * When the smallest value is 0 the support must start there with the density > 0 at 0, which
 * only mode = min = 0 allows: then only max is searched.
 */
export function fitPert(sorted: readonly number[]): FitSpec {
  const n = sorted.length;
  const lo = sorted[0];
  const hi = sorted[n - 1];
  const range = hi - lo;
  const sums = (data: readonly number[], a: number, b: number) => {
    let lnLeft = 0;
    let lnRight = 0;
    for (const x of data) {
      lnLeft += Math.log(x - a);
      lnRight += Math.log(b - x);
    }
    return { lnLeft, lnRight };
  };
  const minOf = (u: number) => Math.max(0, lo - range * Math.exp(u));
  const maxOf = (v: number) => hi + range * Math.exp(v);
  const logistic = (t: number) => 1 / (1 + Math.exp(-t));
  const safe = (logL: number) => (Number.isNaN(logL) ? Infinity : -logL);

  if (lo === 0) {
    const objective = (p: readonly number[]) => {
      const b = maxOf(p[0]);
      const { lnLeft, lnRight } = sums(sorted, 0, b);
      return safe(pertLogL(n, lnLeft, lnRight, 0, 0, b));
    };
    const best = nelderMeadRestarted(objective, [0], { steps: [1] });
    return { pert: [0, 0, maxOf(best.x[0])] };
  }

  const [a0, c0, b0] = pertMoments(sorted);
  // Gaps of at least R/(n + 1) (the expected spacing at the ends of n uniform values).
  const gap = range / (n + 1);
  const a = Math.max(0, Math.min(a0, lo - gap));
  const b = Math.max(b0, hi + gap);
  const share = Math.min(0.99, Math.max(0.01, (c0 - a) / (b - a)));
  const start = [Math.log((lo - a) / range), Math.log((b - hi) / range), Math.log(share / (1 - share))];
  const params = (p: readonly number[]) => {
    const min = minOf(p[0]);
    const max = maxOf(p[1]);
    return { min, mode: min + (max - min) * logistic(p[2]), max };
  };
  const objectiveOn = (data: readonly number[]) => (p: readonly number[]) => {
    const { min, mode, max } = params(p);
    const { lnLeft, lnRight } = sums(data, min, max);
    return safe(pertLogL(data.length, lnLeft, lnRight, min, mode, max));
  };
  // The search runs on at most THIN_TO evenly spaced order statistics (all values when fewer).
  const small = thin(sorted);
  const objective = objectiveOn(small);
  // Second start: the best point of a coarse grid (gaps 10⁻⁶R to 3R, mode shares 2% to 98%),
  // in case the likelihood has another local maximum far from the moments' guess.
  let gridStart = start;
  let gridValue = Infinity;
  for (let i = 0; i < 8; i++) {
    for (let j = 0; j < 8; j++) {
      for (let k = 0; k < 9; k++) {
        const p = [Math.log(10 ** (-6 + (6.5 * i) / 7)), Math.log(10 ** (-6 + (6.5 * j) / 7)), -4 + k];
        const f = objective(p);
        if (f < gridValue) {
          gridValue = f;
          gridStart = p;
        }
      }
    }
  }
  const fromMoments = nelderMeadRestarted(objective, start, { steps: [1, 1, 1] });
  const fromGrid = nelderMeadRestarted(objective, gridStart, { steps: [1, 1, 1] });
  let best = fromGrid.f < fromMoments.f ? fromGrid : fromMoments;
  // Refinement on every value, from the best point of the thinned search.
  if (small !== sorted) best = nelderMeadRestarted(objectiveOn(sorted), best.x, { steps: [0.5, 0.5, 0.5] });
  const { min, mode, max } = params(best.x);
  return { pert: [min, mode, max] };
}
