import type { FitSpec } from './FitResult.js';
import { nelderMead, nelderMeadRestarted } from './_internals/nelderMead.js';
import { thin } from './_internals/thin.js';

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
  // suffix[i] = Σ_{k>=i} ln(b − x₍k₎), summed from the top so no infinity is ever subtracted;
  // ln(c − a) and ln(b − c) at a data value c are its own terms: two logarithms per value.
  const { lnRight, lnGap } = scratch(n);
  lnRight[n] = 0;
  for (let k = n - 1; k >= 0; k--) {
    lnGap[k] = Math.log(b - sorted[k]);
    lnRight[k] = lnRight[k + 1] + lnGap[k];
  }
  let leftSum = 0;
  let best = -Infinity;
  let mode = sorted[0];
  for (let i = 0; i < n; ) {
    const c = sorted[i];
    let j = i + 1;
    while (j < n && sorted[j] === c) j++;
    const lnLeftGap = Math.log(c - a);
    const below = i;
    const above = n - j;
    let logL = leftSum + lnRight[j];
    if (below > 0) logL -= below * lnLeftGap;
    if (above > 0) logL -= above * lnGap[i]; // ln(b − c)
    // Strictly greater: among equal likelihoods the smallest mode wins, a fixed rule.
    if (logL > best) {
      best = logL;
      mode = c;
    }
    leftSum += (j - i) * lnLeftGap;
    i = j;
  }
  return { logL: best + n * Math.log(2 / (b - a)), mode };
}

/** Reused buffers for n values (the profile runs hundreds of times per fit). */
let buffers = { lnRight: new Float64Array(1), lnGap: new Float64Array(0) };
function scratch(n: number): { lnRight: Float64Array; lnGap: Float64Array } {
  if (buffers.lnGap.length < n) buffers = { lnRight: new Float64Array(n + 1), lnGap: new Float64Array(n) };
  return buffers;
}

/** Relative gaps (to the data range) of the start grid: 10⁻⁶ (a right-angled end) to 3. */
export const GAP_GRID: readonly number[] = Array.from({ length: 15 }, (_, i) => 10 ** (-6 + (6.5 * i) / 14));

/**
 * Maximum-likelihood triangular [min, mode, max]. For each (min, max) the mode is the best order
 * statistic (`triangularProfile`, exact). min and max maximise that profile likelihood, which is
 * only piecewise smooth and can have several local maxima (one is often the right-angled
 * triangle, mode = min = the smallest value), so the search is multi-start, over the log-gaps
 * u = ln((x₍₁₎ − min)/R), v = ln((max − x₍ₙ₎)/R), R the data range:
 * 1. starts: u = v = −½ ln n (gaps of R/√n, the spacing of a triangular's extremes), and the
 *    4 best points of a 15 × 15 grid of gaps from 10⁻⁶R (a right-angled end) to 3R (`GAP_GRID`);
 * 2. from each, Nelder–Mead on the profile, restarted once;
 * 3. then a polish: with the mode held, Nelder–Mead on the then smooth likelihood in (u, v), and
 *    the mode chosen again, until the mode stays (at most 5 rounds; each can only raise ln L);
 * 4. the best end point wins (ties: the earlier start). min is clamped at 0.
 * With more than `THIN_TO` values, steps 1–4 run on that many evenly spaced order statistics
 * (`thin`), then Nelder–Mead (restarted) and the polish run once more on every value.
 * `sorted` is ascending with at least two distinct values.
 */
export function fitTriangular(sorted: readonly number[]): FitSpec {
  const n = sorted.length;
  const lo = sorted[0];
  const hi = sorted[n - 1];
  const range = hi - lo;
  const ends = (p: readonly number[]) => ({ a: Math.max(0, lo - range * Math.exp(p[0])), b: hi + range * Math.exp(p[1]) });
  /** The profile objective on `data` and the mode-held polish of a point found on it. */
  const on = (data: readonly number[]) => {
    const objective = (p: readonly number[]) => {
      const { a, b } = ends(p);
      return -triangularProfile(data, a, b).logL;
    };
    const modeAt = (p: readonly number[]) => {
      const { a, b } = ends(p);
      return triangularProfile(data, a, b).mode;
    };
    const polish = (found: { x: number[]; f: number }) => {
      let best = found;
      for (let round = 0; round < 5; round++) {
        const mode = modeAt(best.x);
        const held = (p: readonly number[]) => {
          const { a, b } = ends(p);
          return -logLikelihoodAt(data, a, mode, b);
        };
        const x = nelderMead(held, best.x, { steps: [0.5, 0.5] }).x;
        const f = objective(x);
        if (!(f < best.f)) break;
        best = { x, f };
        if (modeAt(x) === mode) break;
      }
      return best;
    };
    return { objective, polish };
  };

  // Multi-start search on at most THIN_TO evenly spaced order statistics (all values when fewer).
  const small = thin(sorted);
  const coarse = on(small);
  const grid: Array<{ p: number[]; f: number }> = [];
  for (const ga of GAP_GRID) {
    for (const gb of GAP_GRID) {
      const p = [Math.log(ga), Math.log(gb)];
      grid.push({ p, f: coarse.objective(p) });
    }
  }
  grid.sort((x, y) => x.f - y.f); // stable: equal values keep grid order
  const starts = [[-0.5 * Math.log(n), -0.5 * Math.log(n)], ...grid.slice(0, 4).map((g) => g.p)];
  let best = { x: starts[0], f: Infinity };
  for (const start of starts) {
    const found = coarse.polish(nelderMeadRestarted(coarse.objective, start, { steps: [1, 1] }));
    if (found.f < best.f) best = found;
  }
  if (small !== sorted) {
    // Refinement on every value, from the best point of the thinned search.
    const fine = on(sorted);
    best = fine.polish(nelderMeadRestarted(fine.objective, best.x, { steps: [0.5, 0.5] }));
  }
  const { a, b } = ends(best.x);
  return { triangular: [a, triangularProfile(sorted, a, b).mode, b] };
}

/** ln L of triangular [a, c, b] (direct sum; a value at c counts as the peak). */
function logLikelihoodAt(sorted: readonly number[], a: number, c: number, b: number): number {
  let sum = sorted.length * Math.log(2 / (b - a));
  for (const x of sorted) {
    if (x < c) sum += Math.log((x - a) / (c - a));
    else if (x > c) sum += Math.log((b - x) / (b - c));
  }
  return sum;
}
