/**
 * The fits are maxima of the likelihood: no point of a grid over the parameters (scored with
 * fittedLaw, not with the fitters' own formulas) beats them.
 */
import { describe, expect, test } from 'vitest';
import { fittedLaw, logLikelihood } from '../../src/fit/FittedLaw.js';
import { fitPert } from '../../src/fit/fitPert.js';
import { fitTriangular, triangularProfile } from '../../src/fit/fitTriangular.js';
import type { FitSpec } from '../../src/fit/FitResult.js';
import type { DistributionSpec } from '../../src/sim/distributions/index.js';
import { sample } from './sample.js';

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

/** Support bounds on a grid below the minimum and above the maximum, by relative gap. */
function bounds(xs: number[]): { mins: number[]; maxs: number[] } {
  const lo = xs[0];
  const hi = xs[xs.length - 1];
  const range = hi - lo;
  const gaps = Array.from({ length: 24 }, (_, i) => range * 10 ** (-3 + (3.3 * i) / 23));
  return { mins: gaps.map((g) => lo - g).filter((a) => a >= 0), maxs: gaps.map((g) => hi + g) };
}

describe('fits are likelihood maxima', () => {
  test.each([
    [{ triangular: [1, 2, 6] }, 31],
    [{ triangular: [1, 2, 6] }, 35],
    [{ triangular: [0.5, 4, 5] }, 36],
    [{ uniform: [2, 6] }, 37],
  ] as Array<[DistributionSpec, number]>)('fitTriangular on %j (seed %i) beats every grid point, modes at and between the data values', (spec, seed) => {
    const xs = sorted(sample(spec, 30, seed));
    const fit = fitTriangular(xs);
    const best = logLikelihood(fittedLaw(fit), xs);
    const { mins, maxs } = bounds(xs);
    let checked = 0;
    for (const a of mins)
      for (const b of maxs) {
        const modes = [...xs, ...xs.slice(1).map((x, i) => (x + xs[i]) / 2)];
        for (const c of modes) {
          expect(logLikelihood(fittedLaw({ triangular: [a, c, b] }), xs)).toBeLessThanOrEqual(best + 1e-9);
          checked++;
        }
      }
    expect(checked).toBeGreaterThan(10_000);
  });

  test('triangularProfile picks the best mode among data values and midpoints', () => {
    const xs = sorted(sample({ triangular: [0.5, 4, 5] }, 40, 32));
    const a = 0.3;
    const b = 5.2;
    const { logL, mode } = triangularProfile(xs, a, b);
    expect(xs).toContain(mode);
    expect(logL).toBeCloseTo(logLikelihood(fittedLaw({ triangular: [a, mode, b] }), xs), 9);
    for (let c = a; c <= b; c += 0.001) expect(logLikelihood(fittedLaw({ triangular: [a, c, b] }), xs)).toBeLessThanOrEqual(logL + 1e-9);
  });

  test.each([
    [{ pert: [1, 2, 6] }, 33],
    [{ pert: [1, 5.5, 6] }, 38],
    [{ lognormal: { median: 2, p90: 5 } }, 39],
    [{ uniform: [2, 6] }, 40],
  ] as Array<[DistributionSpec, number]>)('fitPert on %j (seed %i) beats every grid point of (min, mode, max)', (spec, seed) => {
    const xs = sorted(sample(spec, 30, seed));
    const fit = fitPert(xs) as { pert: [number, number, number] };
    const best = logLikelihood(fittedLaw(fit), xs);
    const { mins, maxs } = bounds(xs);
    let checked = 0;
    for (const a of mins)
      for (const b of maxs)
        for (let k = 0; k <= 40; k++) {
          const spec: FitSpec = { pert: [a, a + ((b - a) * k) / 40, b] };
          expect(logLikelihood(fittedLaw(spec), xs)).toBeLessThanOrEqual(best + 1e-9);
          checked++;
        }
    expect(checked).toBeGreaterThan(10_000);
  });

  test('fitPert with a 0 in the data starts the support at 0 with mode 0, the only finite choice', () => {
    const xs = sorted([0, ...sample({ pert: [0, 0.5, 4] }, 40, 34)]);
    const fit = fitPert(xs) as { pert: [number, number, number] };
    expect(fit.pert[0]).toBe(0);
    expect(fit.pert[1]).toBe(0);
    expect(fit.pert[2]).toBeGreaterThan(xs[xs.length - 1]);
    const best = logLikelihood(fittedLaw(fit), xs);
    expect(Number.isFinite(best)).toBe(true);
    for (let k = 1; k <= 200; k++) {
      const b = xs[xs.length - 1] * (1 + k / 100);
      expect(logLikelihood(fittedLaw({ pert: [0, 0, b] }), xs)).toBeLessThanOrEqual(best + 1e-9);
    }
  });
});
