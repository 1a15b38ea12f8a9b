import { describe, expect, test } from 'vitest';
import { binnedQuantile, HISTOGRAM_RELATIVE_WIDTH, LogHistogram } from '../../src/montecarlo/LogHistogram.js';
import { studentT975 } from '../../src/montecarlo/studentT.js';
import { stream } from '../../src/sim/streams.js';

/** Type-7 sample quantile of sorted values. */
function exactQuantile(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return lo + 1 < sorted.length ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
}

describe('LogHistogram', () => {
  test('binnedQuantile(...) is within the bin resolution of the sample quantile, for positive and negative values', () => {
    const rng = stream(3, 0, 'hist-test');
    for (const shift of [30, 0.5, -0.2]) {
      const v = Array.from({ length: 20000 }, () => shift + (rng() + rng() + rng() - 1.5) * 4);
      const h = new LogHistogram();
      v.forEach((x) => h.add(x));
      const sorted = [...v].sort((a, b) => a - b);
      const bins = h.bins();
      for (const p of [0, 0.1, 0.5, 0.8, 0.95, 1]) {
        const want = exactQuantile(sorted, p);
        const got = binnedQuantile(bins, v.length, p, sorted[0], sorted[sorted.length - 1]);
        expect(Math.abs(got - want)).toBeLessThanOrEqual(Math.abs(want) * HISTOGRAM_RELATIVE_WIDTH + 1e-12);
      }
    }
  });

  test('merge(...) adds counts: two halves give the state of the whole', () => {
    const rng = stream(4, 0, 'hist-test');
    const v = Array.from({ length: 5000 }, () => (rng() - 0.4) * 100);
    const whole = new LogHistogram();
    v.forEach((x) => whole.add(x));
    const a = new LogHistogram();
    const b = new LogHistogram();
    v.forEach((x, i) => (i % 3 === 0 ? a : b).add(x));
    b.merge(a);
    expect(b.toState()).toEqual(whole.toState());
    expect(LogHistogram.fromState(whole.toState()).bins()).toEqual(whole.bins());
  });

  test('bins() are sorted, zero and -0 share a bin', () => {
    const h = new LogHistogram();
    for (const x of [3, -2, 0, -0, 1e-300, -1e300, 7]) h.add(x);
    const bins = h.bins();
    expect(bins.map((b) => b.count)).toEqual([1, 1, 2, 1, 1, 1]);
    for (let i = 1; i < bins.length; i++) expect(bins[i].lo).toBeGreaterThanOrEqual(bins[i - 1].hi);
  });
});

test('studentT975(nu) matches tabulated t quantiles', () => {
  expect(studentT975(1)).toBeCloseTo(12.7062, 4);
  expect(studentT975(5)).toBeCloseTo(2.570582, 5);
  expect(studentT975(10)).toBeCloseTo(2.228139, 6);
  expect(studentT975(30)).toBeCloseTo(2.042272, 6);
  expect(studentT975(1e9)).toBeCloseTo(1.959964, 6);
});
