import type { FitSpec } from '../FitResult.js';
import { roundDown, roundNearest, roundUp } from './round.js';

/**
 * A fitted distribution with its parameters written to 6 significant digits, support bounds
 * rounded outwards (min down, max up) so the support still holds every value; a mode stays
 * inside, on an end when it is within one printed digit of it. Constants are kept exact (they equal a data value).
 */
export function roundSpec(spec: FitSpec): FitSpec {
  if (typeof spec === 'number') return spec;
  if ('uniform' in spec) return { uniform: [roundDown(spec.uniform[0]), roundUp(spec.uniform[1])] };
  if ('triangular' in spec) return { triangular: threePoint(spec.triangular) };
  if ('pert' in spec) return { pert: threePoint(spec.pert) };
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

function threePoint([min, mode, max]: readonly [number, number, number]): [number, number, number] {
  const a = roundDown(min);
  const b = roundUp(max);
  // A mode within one printed digit of an end is put on that end: a right-angled fit (mode = min
  // at the smallest value) must not print a mode above that value.
  const c = roundDown(mode) <= a ? a : roundUp(mode) >= b ? b : roundNearest(mode);
  return [a, c, b];
}
