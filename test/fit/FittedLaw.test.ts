import { describe, expect, test } from 'vitest';
import type { FitSpec } from '../../src/fit/FitResult.js';
import { fittedLaw } from '../../src/fit/FittedLaw.js';
import { distribution } from '../../src/sim/distributions/index.js';

const SPECS: FitSpec[] = [
  { uniform: [2, 6] },
  { triangular: [1, 2, 6] },
  { triangular: [1, 1, 6] },
  { pert: [1, 2, 6] },
  { pert: [0, 0, 4] },
  { pert: [0, 3, 4] },
  { lognormal: { median: 3, p90: 8 } },
  { normal: { mean: 5, sd: 1 } },
  { normal: { mean: 1, sd: 1.5 } },
  { normal: { mean: 0, sd: 2 } },
];

describe('fittedLaw(spec) is the law the simulator samples', () => {
  test.each(SPECS)('fittedLaw(%j).cdf inverts the simulator quantile', (spec) => {
    const law = fittedLaw(spec);
    const d = distribution(spec);
    for (const p of [0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99]) expect(law.cdf(d.quantile(p))).toBeCloseTo(p, 9);
  });

  test.each(SPECS)('fittedLaw(%j) density is the derivative of its CDF and integrates to 1', (spec) => {
    const law = fittedLaw(spec);
    const d = distribution(spec);
    const lo = d.quantile(0);
    const hi = d.quantile(0.999999);
    // Midpoint rule on 20,000 cells: the density's mass up to the 0.999999 quantile.
    const cells = 20_000;
    const h = (hi - lo) / cells;
    let mass = 0;
    for (let i = 0; i < cells; i++) mass += Math.exp(law.logPdf(lo + (i + 0.5) * h)) * h;
    expect(mass).toBeCloseTo(0.999999, 3);
    for (const p of [0.2, 0.5, 0.8]) {
      const x = d.quantile(p);
      const e = 1e-6 * Math.max(1, x);
      expect(Math.exp(law.logPdf(x))).toBeCloseTo((law.cdf(x + e) - law.cdf(x - e)) / (2 * e), 5);
    }
  });

  test('fittedLaw gives -Infinity outside the support and the counting-measure 0 for a constant', () => {
    expect(fittedLaw({ uniform: [2, 6] }).logPdf(1.9)).toBe(-Infinity);
    expect(fittedLaw({ triangular: [1, 2, 6] }).logPdf(1)).toBe(-Infinity);
    expect(fittedLaw({ pert: [1, 2, 6] }).logPdf(6)).toBe(-Infinity);
    expect(fittedLaw({ normal: { mean: 1, sd: 1 } }).logPdf(-0.1)).toBe(-Infinity);
    expect(fittedLaw({ lognormal: { median: 1, p90: 2 } }).logPdf(0)).toBe(-Infinity);
    expect(fittedLaw(3).logPdf(3)).toBe(0);
    expect(fittedLaw(3).cdf(2.9)).toBe(0);
  });
});
