import type { FitSpec } from '../FitResult.js';
import { roundDown, roundNearest, roundUp } from './round.js';

/**
 * A fitted distribution with its parameters written to 6 significant digits, such that the
 * support still holds every value of the data, whose smallest and largest are `lo` and `hi`:
 * a bound is rounded to nearest when that keeps the data inside (strictly inside where the
 * density is 0 at the bound), else outwards. A mode that prints like its bound is put on it
 * (a right-angled fit, mode = min = the smallest value, keeps a density > 0 there). Constants
 * are kept exact (they equal a data value).
 */
export function roundSpec(spec: FitSpec, lo: number, hi: number): FitSpec {
  if (typeof spec === 'number') return spec;
  if ('uniform' in spec) return { uniform: [lower(spec.uniform[0], lo, true), upper(spec.uniform[1], hi, true)] };
  if ('triangular' in spec) return { triangular: threePoint(spec.triangular, lo, hi) };
  if ('pert' in spec) return { pert: threePoint(spec.pert, lo, hi) };
  if ('lognormal' in spec) {
    const { median, p90 } = spec.lognormal;
    const m = roundNearest(median);
    const q = roundNearest(p90);
    // A p90 within a millionth of the median would round onto it: keep the exact pair then.
    return q > m ? { lognormal: { median: m, p90: q } } : spec;
  }
  const sd = roundNearest(spec.normal.sd);
  return { normal: { mean: roundNearest(spec.normal.mean), sd: sd > 0 ? sd : spec.normal.sd } };
}

/** A lower bound <= lo (< lo unless the density is > 0 at the bound). */
function lower(a: number, lo: number, openAtBound: boolean): number {
  const near = roundNearest(a);
  return near < lo || (near === lo && openAtBound) ? near : roundDown(a);
}

/** An upper bound >= hi (> hi unless the density is > 0 at the bound). */
function upper(b: number, hi: number, openAtBound: boolean): number {
  const near = roundNearest(b);
  return near > hi || (near === hi && openAtBound) ? near : roundUp(b);
}

function threePoint([min, mode, max]: readonly [number, number, number], lo: number, hi: number): [number, number, number] {
  const c = roundNearest(mode);
  const atMin = c === roundNearest(min);
  const atMax = c === roundNearest(max);
  const a = lower(min, lo, atMin);
  const b = upper(max, hi, atMax);
  return [a, atMin ? a : atMax ? b : Math.min(b, Math.max(a, c)), b];
}
