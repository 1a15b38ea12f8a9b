import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { shardRange } from '../../src/scaleout/shardRange.js';

describe('shardRange(runs, {index, count})', () => {
  test('deals whole 1,000-run chunks out in order', () => {
    expect([0, 1, 2].map((index) => shardRange(10_000, { index, count: 3 }))).toEqual([
      [0, 3000],
      [3000, 6000],
      [6000, 10_000],
    ]);
    expect([0, 1, 2].map((index) => shardRange(3500, { index, count: 3 }))).toEqual([
      [0, 1000],
      [1000, 2000],
      [2000, 3500],
    ]);
    expect(shardRange(999, { index: 0, count: 1 })).toEqual([0, 999]);
  });

  test('tiles [0, runs) with chunk-aligned shards differing by at most one chunk (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_000_000 }), fc.integer({ min: 1, max: 400 }), (runs, n) => {
        const chunks = Math.ceil(runs / 1000);
        const count = Math.min(n, chunks);
        const ranges = Array.from({ length: count }, (_, index) => shardRange(runs, { index, count }));
        let at = 0;
        for (const [a, b] of ranges) {
          expect(a).toBe(at);
          expect(b).toBeGreaterThan(a);
          expect(a % 1000).toBe(0);
          at = b;
        }
        expect(at).toBe(runs);
        const sizes = ranges.map(([a, b]) => Math.ceil(b / 1000) - a / 1000);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
  });

  test('refuses more shards than chunks, saying how many fit', () => {
    expect(() => shardRange(3000, { index: 0, count: 4 })).toThrow('3,000 runs make 3 chunks of 1,000 runs, and a shard takes whole chunks: use at most 3 shards');
  });
});
