import { describe, expect, test } from 'vitest';
import { fitDistributions } from '../../src/fit/fitDistributions.js';
import { ksStatistic } from '../../src/fit/ksStatistic.js';

describe('ksStatistic', () => {
  test('ksStatistic([0, 1, 2, 3, 10], x/10) is 0.5, hand-computed', () => {
    // i/n − F: 0.2, 0.3, 0.4, 0.5, 0; F − (i−1)/n: 0, −0.1, −0.2, −0.3, 0.2.
    expect(ksStatistic([0, 1, 2, 3, 10], (x) => x / 10)).toBeCloseTo(0.5, 15);
  });

  test('ksStatistic with ties compares the CDF with the ECDF on both sides of the jump', () => {
    // At 1 the ECDF jumps 0 → 3/5. With F = x/3, F(1) = 1/3 is 1/3 above the ECDF just before
    // the jump (at 2: gaps 2/15 and 1/15; at 3: 1/5): D = 1/3.
    expect(ksStatistic([1, 1, 1, 2, 3], (x) => x / 3)).toBeCloseTo(1 / 3, 15);
    // With F(1) = 0.1, F(2) = 0.8, F(3) = 1 (piecewise linear), F(1) is 3/5 − 0.1 = 0.5 below the
    // ECDF just after the jump; every other gap is at most 0.2.
    const F = (x: number) => (x <= 1 ? 0.1 * x : x <= 2 ? 0.1 + 0.7 * (x - 1) : Math.min(1, 0.8 + 0.2 * (x - 2)));
    expect(ksStatistic([1, 1, 1, 2, 3], F)).toBeCloseTo(0.5, 15);
  });

  test('ksStatistic of evenly spread values against their uniform is 1/n', () => {
    // F(x(i)) = (i − 1)/(n − 1) for x = 1..5 on [1, 5]: the gaps are at most 1/5.
    expect(ksStatistic([1, 2, 3, 4, 5], (x) => (x - 1) / 4)).toBeCloseTo(0.2, 15);
  });

  test('fitDistributions reports the hand-computed KS of the uniform fit', () => {
    const uniform = fitDistributions([0, 1, 2, 3, 10]).candidates.find((c) => c.family === 'uniform');
    expect(uniform?.distribution).toEqual({ uniform: [0, 10] });
    expect(uniform?.ks).toBeCloseTo(0.5, 15);
  });
});
