import fc from 'fast-check';
import { expect, test } from 'vitest';
import { averageRanks, spearman } from '../../src/montecarlo/correlation.js';

/** The textbook definition: rank = 1 + (number below) + (number of equal others) / 2. */
function naiveRanks(v: number[]): number[] {
  return v.map((x) => 1 + v.filter((y) => y < x).length + (v.filter((y) => y === x).length - 1) / 2);
}

test('averageRanks(values) gives tied values their mean rank, as the textbook definition', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { maxLength: 60 }), (v) => {
      expect(Array.from(averageRanks(v))).toEqual(naiveRanks(v));
    }),
    { numRuns: 500, seed: 42 },
  );
  expect(Array.from(averageRanks([3, 1, 3, 2, 3]))).toEqual([4, 1, 4, 2, 4]);
  expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBe(1);
  expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBe(-1);
});
