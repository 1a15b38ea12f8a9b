import type { FitSpec } from './FitResult.js';
import { nelderMeadRestarted } from './_internals/nelderMead.js';

/**
 * ln L of the best triangular on [a, b] and its mode. For fixed a < b the mode's maximum-
 * likelihood estimate is one of the data values: between two consecutive order statistics
 * ln L is convex in the mode, so its maximum is at an end (Oliver, "A maximum likelihood
 * oddity", Am. Stat. 26(3), 1972; van Dorp & Kotz, Am. Stat. 56(2), 2002, for the two-sided
 * power family). Every distinct value is tried, with prefix sums: O(n).
 */
export function triangularProfile(sorted: readonly number[], a: number, b: number): { logL: number; mode: number } {
  const n = sorted.length;
  // ln L(a, c, b) = n ln(2/(b − a)) + Σ_{x<c} ln((x − a)/(c − a)) + Σ_{x>c} ln((b − x)/(b − c)).
  // suffix[i] = Σ_{k>=i} ln(b − x₍k₎), summed from the top so no infinity is ever subtracted.
  const suffix = new Float64Array(n + 1);
  for (let k = n - 1; k >= 0; k--) suffix[k] = suffix[k + 1] + Math.log(b - sorted[k]);
  let leftSum = 0;
  let best = -Infinity;
  let mode = sorted[0];
  for (let i = 0; i < n; ) {
    const c = sorted[i];
    let j = i;
    while (j < n && sorted[j] === c) j++;
    const below = i;
    const above = n - j;
    let logL = leftSum + suffix[j];
    if (below > 0) logL -= below * Math.log(c - a);
    if (above > 0) logL -= above * Math.log(b - c);
    // Strictly greater: among equal likelihoods the smallest mode wins, a fixed rule.
    if (logL > best) {
      best = logL;
      mode = c;
    }
    leftSum += (j - i) * Math.log(c - a);
    i = j;
  }
  return { logL: best + n * Math.log(2 / (b - a)), mode };
}

/**
 * Maximum-likelihood triangular [min, mode, max]: for each (min, max) the mode is the best
 * order statistic (`triangularProfile`, exact); min and max maximise that profile likelihood
 * by Nelder–Mead over the log-gaps u = ln((x₍₁₎ − min)/R), v = ln((max − x₍ₙ₎)/R), R the data
 * range, from u = v = −½ ln n (gaps of order R/√n, the spacing of a triangular's extremes),
 * with min clamped at 0. `sorted` is ascending with at least two distinct values.
 */
export function fitTriangular(sorted: readonly number[]): FitSpec {
  const n = sorted.length;
  const lo = sorted[0];
  const hi = sorted[n - 1];
  const range = hi - lo;
  const ends = (p: readonly number[]) => ({ a: Math.max(0, lo - range * Math.exp(p[0])), b: hi + range * Math.exp(p[1]) });
  const objective = (p: readonly number[]) => {
    const { a, b } = ends(p);
    const logL = triangularProfile(sorted, a, b).logL;
    return Number.isNaN(logL) ? Infinity : -logL;
  };
  const start = -0.5 * Math.log(n);
  const best = nelderMeadRestarted(objective, [start, start], { steps: [1, 1] });
  const { a, b } = ends(best.x);
  return { triangular: [a, triangularProfile(sorted, a, b).mode, b] };
}
