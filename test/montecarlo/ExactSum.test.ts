import { describe, expect, test } from 'vitest';
import { ExactSum, ExactSums, FastExactSum } from '../../src/montecarlo/ExactSum.js';
import { moments, twoProduct } from '../../src/montecarlo/FigureSummary.js';
import { stream } from '../../src/sim/streams.js';

/** Exact reference: values with exponents in [-60, 60] scaled by 2^113 are integers; BigInt sums them, Number() rounds once. */
function reference(values: number[]): number {
  const scale = 2n ** 113n;
  let total = 0n;
  for (const v of values) {
    const scaled = v * 2 ** 113;
    total += BigInt(scaled);
  }
  const neg = total < 0n;
  const abs = neg ? -total : total;
  const r = Number(abs) / Number(scale);
  return neg ? -r : r;
}

function values(n: number, seed: number): number[] {
  const rng = stream(seed, 0, 'exact-sum-test');
  return Array.from({ length: n }, () => (rng() - 0.3) * 2 ** Math.floor(rng() * 80 - 40));
}

describe('ExactSum', () => {
  test('value() is the correctly rounded exact sum', () => {
    expect(ExactSum.of([1e100, 1, -1e100]).value()).toBe(1);
    expect(ExactSum.of([0.1, 0.2, 0.3, -0.6]).value()).toBe(reference([0.1, 0.2, 0.3, -0.6]));
    for (let seed = 0; seed < 20; seed++) {
      const v = values(500, seed);
      expect(ExactSum.of(v).value()).toBe(reference(v));
    }
  });

  test('the sum does not depend on the order of additions or on how ranges are merged', () => {
    const v = values(2000, 7);
    const whole = ExactSum.of(v).canonicalize();
    const reversed = ExactSum.of([...v].reverse()).canonicalize();
    const a = ExactSum.of(v.slice(0, 777));
    a.addSum(ExactSum.of(v.slice(777)));
    expect(reversed.p).toEqual(whole.p);
    expect(a.canonicalize().p).toEqual(whole.p);
    expect(a.value()).toBe(whole.value());
  });

  test('canonicalize() keeps the value and gives the same partials for the same exact sum', () => {
    const s = ExactSum.of([1, 2 ** -80, 3, -(2 ** -90)]);
    const v = s.value();
    expect(s.canonicalize().value()).toBe(v);
    expect(ExactSum.of([3, -(2 ** -90), 2 ** -80, 1]).canonicalize().p).toEqual(s.p);
    expect(new ExactSum().canonicalize().p).toEqual([]);
    expect(ExactSum.of([5, -5]).canonicalize().p).toEqual([]);
  });

  test('FastExactSum gives exactly the ExactSum, for ordinary values and for ones off its fast path', () => {
    const rng = stream(8, 0, 'fast-sum-test');
    const v = Array.from({ length: 200_000 }, (_, i) =>
      i % 1000 === 0 ? (rng() - 0.5) * 1e40 : i % 777 === 0 ? rng() * 1e-25 : i % 555 === 0 ? -(2 ** 40) * rng() : 10 + 30 * rng());
    const fast = new FastExactSum();
    v.forEach((x) => fast.add(x));
    expect(fast.exact().canonicalize().p).toEqual(ExactSum.of(v).canonicalize().p);
    const squares = new FastExactSum();
    const small = v.filter((x) => Math.abs(x) < 1e6);
    small.forEach((x) => squares.addSquare(x));
    const ref = new ExactSum();
    for (const x of small) for (const part of twoProduct(x, x)) ref.add(part);
    expect(squares.exact().value()).toBe(ref.value());
  });

  test('ExactSums keeps n exact sums side by side: each equals its ExactSum, across flushes and merges', () => {
    const rng = stream(9, 0, 'exact-sums-test');
    const n = 5;
    const runs = 70_000; // past one flush (2^16 additions)
    const refs = Array.from({ length: n }, () => new ExactSum());
    const sums = new ExactSums(n);
    const other = new ExactSums(n, [[], [1e-30], [], [2 ** 40], []]);
    const row = new Float64Array(n);
    for (let r = 0; r < runs; r++) {
      row[0] = 10 + 30 * rng();
      row[1] = r % 999 === 0 ? (rng() - 0.5) * 1e40 : rng();
      row[2] = r % 777 === 0 ? rng() * 1e-25 : -rng() * 1e3;
      row[3] = r % 555 === 0 ? -(2 ** 40) * rng() : 1 / 3;
      row[4] = r % 2 === 0 ? NaN : 1; // NaN makes the sum NaN, as in ExactSum
      sums.addAll(row);
      row.forEach((x, i) => refs[i].add(x));
    }
    const ref = refs.map((s) => s.canonicalize().p);
    expect(sums.toPartials().slice(0, 4)).toEqual(ref.slice(0, 4));
    expect(sums.exact(4).value()).toBeNaN();
    other.merge(sums);
    expect(other.exact(1).value()).toBe(ExactSum.of([...refs[1].p, 1e-30]).value());
    expect(other.exact(3).value()).toBe(ExactSum.of([...refs[3].p, 2 ** 40]).value());
  });

  test('twoProduct(a, b) splits a product exactly', () => {
    for (const [a, b] of [[0.1, 0.3], [1 / 3, 3], [123456.789, 1e-7]]) {
      const [p, e] = twoProduct(a, b);
      const exact = BigInt(a * 2 ** 60) * BigInt(b * 2 ** 80);
      expect(BigInt(p * 2 ** 140) + BigInt(e * 2 ** 140)).toBe(exact);
    }
  });

  test('moments(...) gives sd exactly 0 for equal values and the textbook sd otherwise', () => {
    const same = Array(1000).fill(0.1);
    expect(moments(1000, ExactSum.of(same), ExactSum.of(same.map((x) => x * x)), 0.1, 0.1)).toEqual({ mean: 0.1, sd: 0 });
    const x = [2, 4, 4, 4, 5, 5, 7, 9];
    const m = moments(8, ExactSum.of(x), ExactSum.of(x.map((v) => v * v)), 2, 9);
    expect(m.mean).toBe(5);
    expect(m.sd).toBeCloseTo(Math.sqrt(32 / 7), 14);
    // A large offset does not cancel the variance away.
    const big = x.map((v) => v + 1e9);
    const sq = new FastExactSum();
    big.forEach((v) => sq.addSquare(v));
    expect(moments(8, ExactSum.of(big), sq.exact(), 2 + 1e9, 9 + 1e9).sd).toBeCloseTo(Math.sqrt(32 / 7), 12);
  });
});
