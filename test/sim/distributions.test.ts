import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { SimError } from '../../src/sim/SimError.js';
import type { Distribution, DistributionSpec } from '../../src/sim/distributions/index.js';
import { distribution, lognormal, normal, pert, triangular } from '../../src/sim/distributions/index.js';
import { stream } from '../../src/sim/streams.js';

const N = 200_000;

/** Each family with a couple of parameter sets, edge shapes included (mode at an end). */
const CASES: Array<[string, DistributionSpec]> = [
  ['constant 4', 4],
  ['uniform [2, 10]', { uniform: [2, 10] }],
  ['uniform [0, 0.5]', { uniform: [0, 0.5] }],
  ['triangular [1, 2, 9]', { triangular: [1, 2, 9] }],
  ['triangular [0, 0, 4]', { triangular: [0, 0, 4] }],
  ['triangular [3, 7, 7]', { triangular: [3, 7, 7] }],
  ['pert [3, 5, 8]', { pert: [3, 5, 8] }],
  ['pert [0, 0, 10]', { pert: [0, 0, 10] }],
  ['pert [2, 9.5, 10]', { pert: [2, 9.5, 10] }],
  ['lognormal {median 5, p90 8}', { lognormal: { median: 5, p90: 8 } }],
  ['lognormal {median 0.5, p90 2}', { lognormal: { median: 0.5, p90: 2 } }],
  ['normal {mean 10, sd 2}', { normal: { mean: 10, sd: 2 } }],
  ['normal {mean 0, sd 3}', { normal: { mean: 0, sd: 3 } }],
  ['normal {mean 1, sd 2}', { normal: { mean: 1, sd: 2 } }],
  ['discrete 3 values', { discrete: [[1, 1], [2, 2], [5, 1]] }],
  ['discrete unsorted, repeated', { discrete: [[8, 0.5], [0, 0.25], [3, 0.125], [8, 0.125]] }],
];

/** N draws from a fixed stream, sorted, with moments. */
function draw(d: Distribution, key: string) {
  const rng = stream(2024, 0, key);
  const xs = new Float64Array(N);
  for (let i = 0; i < N; i++) xs[i] = d.sample(rng);
  let mean = 0;
  for (const x of xs) mean += x / N;
  let m2 = 0;
  let m4 = 0;
  for (const x of xs) {
    const e = (x - mean) ** 2;
    m2 += e / N;
    m4 += (e * e) / N;
  }
  return { xs, sorted: xs.slice().sort(), mean, m2, m4 };
}

/** Share of sorted samples <= x (or < x when strict). */
function ecdf(sorted: Float64Array, x: number, strict = false): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (strict ? sorted[mid] < x : sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo / sorted.length;
}

const PS = [0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99];

describe.each(CASES)('%s', (name, spec) => {
  const d = distribution(spec);
  const s = draw(d, name);

  test('sample mean is within 4 standard errors of the analytic mean', () => {
    const se = Math.sqrt(d.variance / N);
    expect(Math.abs(s.mean - d.mean)).toBeLessThanOrEqual(4 * se + 1e-10 * d.mean);
  });

  test('sample variance is within 5 standard errors of the analytic variance', () => {
    const se = Math.sqrt(Math.max(0, s.m4 - s.m2 * s.m2) / N);
    expect(Math.abs(s.m2 - d.variance)).toBeLessThanOrEqual(5 * se + 1e-12);
  });

  test('every sample is a number inside [min, max]', () => {
    expect(s.sorted[0]).toBeGreaterThanOrEqual(d.min);
    expect(s.sorted[N - 1]).toBeLessThanOrEqual(d.max);
    expect(s.sorted[0]).toBeGreaterThanOrEqual(0);
    expect(s.xs.every((x) => x === x)).toBe(true);
  });

  test('quantile(p) is monotone, within [min, max], and the ECDF at quantile(p) is p', () => {
    let prev = -Infinity;
    for (let i = 0; i <= 1000; i++) {
      const q = d.quantile(i / 1000);
      expect(q).toBeGreaterThanOrEqual(prev);
      expect(q).toBeGreaterThanOrEqual(d.min);
      expect(q).toBeLessThanOrEqual(d.max);
      prev = q;
    }
    expect(d.quantile(0)).toBe(d.min);
    for (const p of PS) {
      const q = d.quantile(p);
      if (d.kind === 'discrete' || d.kind === 'constant') {
        // Atoms: P(X < q) <= p <= P(X <= q).
        expect(ecdf(s.sorted, q, true)).toBeLessThanOrEqual(p + 0.01);
        expect(ecdf(s.sorted, q)).toBeGreaterThanOrEqual(p - 0.01);
      } else {
        expect(Math.abs(ecdf(s.sorted, q) - p)).toBeLessThanOrEqual(0.01);
      }
    }
  });

  test('scale(k) multiplies the mean by k and the variance by k²', () => {
    for (const k of [0.5, 2.5, 7]) {
      const scaled = d.scale(k);
      expect(scaled.kind).toBe(d.kind);
      expect(scaled.mean).toBeCloseTo(d.mean * k, 10);
      expect(scaled.variance).toBeCloseTo(d.variance * k * k, 8);
      expect(scaled.max).toBe(d.max * k);
    }
  });

  test('the same stream gives the same draws', () => {
    const a = stream(7, 3, 'again');
    const b = stream(7, 3, 'again');
    for (let i = 0; i < 100; i++) expect(d.sample(a)).toBe(d.sample(b));
  });
});

describe('analytic figures', () => {
  test('pert(min, mode, max).mean is (min + 4 mode + max) / 6', () => {
    expect(pert(3, 5, 8).mean).toBeCloseTo(31 / 6, 14);
    expect(pert(0, 0, 10).mean).toBeCloseTo(10 / 6, 14);
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 3, maxLength: 3 }), (xs) => {
        const [a, m, b] = xs.sort((x, y) => x - y);
        expect(pert(a, m, b).mean).toBeCloseTo((a + 4 * m + b) / 6, 6);
      }),
    );
  });

  test('lognormal empirical median and p90 are within 1% of the parameters', () => {
    for (const [median, p90] of [[5, 8], [0.5, 2], [40, 41]]) {
      const { sorted } = draw(lognormal(median, p90), `lognormal ${median}`);
      expect(Math.abs(sorted[N / 2] / median - 1)).toBeLessThan(0.01);
      expect(Math.abs(sorted[0.9 * N] / p90 - 1)).toBeLessThan(0.01);
      expect(lognormal(median, p90).quantile(0.5)).toBeCloseTo(median, 12);
      expect(lognormal(median, p90).quantile(0.9)).toBeCloseTo(p90, 12);
    }
  });

  test('triangular variance stays non-negative for close points of large magnitude', () => {
    // The expanded formula gave -7.1 here (found by the property below, seed -2141923308).
    const d = triangular(999999977.0790136, 999999977.0790137, 999999977.079014);
    expect(d.variance).toBeGreaterThanOrEqual(0);
    expect(d.variance).toBeLessThan(1e-12);
    expect(triangular(0, 3, 6).variance).toBeCloseTo(1.5, 14); // (36 + 9 + 9) / 36
  });

  test('normal(mean, sd) reports the moments of the truncated law', () => {
    // Half-normal: mean sd·√(2/π), variance sd²(1 − 2/π).
    const half = normal(0, 3);
    expect(half.mean).toBeCloseTo(3 * Math.sqrt(2 / Math.PI), 14);
    expect(half.variance).toBeCloseTo(9 * (1 - 2 / Math.PI), 13);
    // Far from 0 the truncation is invisible.
    expect(normal(100, 1).mean).toBe(100);
    expect(normal(100, 1).variance).toBe(1);
  });

  test('degenerate parameters give constants that draw nothing', () => {
    for (const spec of [{ uniform: [3, 3] }, { triangular: [3, 3, 3] }, { pert: [3, 3, 3] }, { normal: { mean: 3, sd: 0 } }, { discrete: [[3, 1], [3, 2]] }] as DistributionSpec[]) {
      const d = distribution(spec);
      expect([d.kind, d.mean, d.variance, d.min, d.max]).toEqual(['constant', 3, 0, 3, 3]);
      const rng = stream(1, 0, 'x');
      expect(d.sample(rng)).toBe(3);
      expect(rng()).toBe(stream(1, 0, 'x')());
    }
  });
});

describe('any valid parameters', () => {
  const sorted3 = fc
    .array(fc.double({ min: 0, max: 1e9, noNaN: true }), { minLength: 3, maxLength: 3 })
    .map((xs) => xs.sort((x, y) => x - y));
  const specs: fc.Arbitrary<DistributionSpec> = fc.oneof(
    fc.double({ min: 0, max: 1e9, noNaN: true }),
    sorted3.map(([a, , b]) => ({ uniform: [a, b] as [number, number] })),
    sorted3.map((t) => ({ triangular: t as [number, number, number] })),
    sorted3.map((t) => ({ pert: t as [number, number, number] })),
    fc.tuple(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), fc.double({ min: 1.0001, max: 1e3, noNaN: true }))
      .map(([median, r]) => ({ lognormal: { median, p90: median * r } })),
    fc.tuple(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }))
      .map(([mean, sd]) => ({ normal: { mean, sd } })),
    fc.array(fc.tuple(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 1e-9, max: 1e9, noNaN: true })), { minLength: 1, maxLength: 20 })
      .map((discrete) => ({ discrete })),
  );

  test('sample(rng) is never negative, NaN or outside [min, max]; quantile is monotone', () => {
    fc.assert(
      fc.property(specs, fc.integer(), (spec, seed) => {
        const d = distribution(spec);
        const rng = stream(seed, 0, 'prop');
        for (let i = 0; i < 200; i++) {
          const x = d.sample(rng);
          expect(x >= d.min && x <= d.max && x >= 0).toBe(true);
        }
        let prev = 0;
        for (let i = 0; i <= 20; i++) {
          const q = d.quantile(i / 20);
          expect(q >= prev && q >= d.min && q <= d.max).toBe(true);
          prev = q;
        }
        expect(Number.isFinite(d.mean) && d.variance >= 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

/** Asserts that `f` throws SimError E_PARAM with exactly this message. */
function expectParamError(f: () => unknown, message: string): void {
  let err: unknown;
  try {
    f();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(SimError);
  expect((err as SimError).code).toBe('E_PARAM');
  expect((err as SimError).message).toBe(message);
}

describe('validation', () => {
  const bad: Array<[unknown, string]> = [
    [-1, 'constant: expected a finite number >= 0, got -1'],
    [NaN, 'constant: expected a finite number >= 0, got NaN'],
    [Infinity, 'constant: expected a finite number >= 0, got Infinity'],
    [{ uniform: [5, 3] }, 'uniform: expected a <= b, got [5, 3]'],
    [{ uniform: [-1, 3] }, 'uniform: expected a >= 0 (durations are non-negative), got [-1, 3]'],
    [{ uniform: [1, 2, 3] }, 'uniform: expected [a, b] of finite numbers, got [1, 2, 3]'],
    [{ uniform: [1, '2'] }, 'uniform: expected [a, b] of finite numbers, got [1, "2"]'],
    [{ triangular: [5, 3, 8] }, 'triangular: expected min <= mode <= max, got [5, 3, 8]'],
    [{ triangular: [1, 9, 8] }, 'triangular: expected min <= mode <= max, got [1, 9, 8]'],
    [{ triangular: [-2, 3, 8] }, 'triangular: expected min >= 0 (durations are non-negative), got [-2, 3, 8]'],
    [{ pert: [5, 3, 8] }, 'pert: expected min <= mode <= max, got [5, 3, 8]'],
    [{ pert: [5, 3] }, 'pert: expected [min, mode, max] of finite numbers, got [5, 3]'],
    [{ pert: [1, NaN, 3] }, 'pert: expected [min, mode, max] of finite numbers, got [1, NaN, 3]'],
    [{ pert: [-1, 0, 3] }, 'pert: expected min >= 0 (durations are non-negative), got [-1, 0, 3]'],
    [{ lognormal: { median: 5, p90: 3 } }, 'lognormal: expected p90 > median > 0, got {median: 5, p90: 3}'],
    [{ lognormal: { median: 5, p90: 5 } }, 'lognormal: expected p90 > median > 0, got {median: 5, p90: 5}'],
    [{ lognormal: { median: 0, p90: 5 } }, 'lognormal: expected p90 > median > 0, got {median: 0, p90: 5}'],
    [{ lognormal: { median: 5 } }, 'lognormal: expected {median, p90} of finite numbers, got {median: 5}'],
    [{ lognormal: { median: 5, p95: 9 } }, 'lognormal: expected {median, p90} of finite numbers, got {median: 5, p95: 9}'],
    [{ lognormal: { median: 1, p90: 1e300 } }, 'lognormal: expected a p90 / median ratio that gives a finite variance, got {median: 1, p90: 1e+300}'],
    [{ normal: { mean: 5, sd: -1 } }, 'normal: expected sd >= 0, got {mean: 5, sd: -1}'],
    [{ normal: { mean: -5, sd: 1 } }, 'normal: expected mean >= 0 (durations are non-negative), got {mean: -5, sd: 1}'],
    [{ normal: [5, 1] }, 'normal: expected {mean, sd} of finite numbers, got [5, 1]'],
    [{ discrete: [] }, 'discrete: expected a non-empty list of [value, weight] pairs, got []'],
    [{ discrete: 3 }, 'discrete: expected a non-empty list of [value, weight] pairs, got 3'],
    [{ discrete: [[1, 1], [2, 0]] }, 'discrete: expected weight > 0 in pair 1, got [2, 0]'],
    [{ discrete: [[1, 1], [2, -3]] }, 'discrete: expected weight > 0 in pair 1, got [2, -3]'],
    [{ discrete: [[-1, 1]] }, 'discrete: expected value >= 0 (durations are non-negative) in pair 0, got [-1, 1]'],
    [{ discrete: [[1, 1], [2]] }, 'discrete: expected pair 1 to be [value, weight] with finite numbers, got [2]'],
    [{ discrete: [[1, 1e308], [2, 1e308]] }, 'discrete: expected weights with a finite sum, got [[1, 1e+308], [2, 1e+308]]'],
    [{}, 'distribution: expected a number or an object with exactly one key of uniform, triangular, pert, lognormal, normal, discrete, got {}'],
    [{ pert: [1, 2, 3], uniform: [1, 2] }, 'distribution: expected a number or an object with exactly one key of uniform, triangular, pert, lognormal, normal, discrete, got {pert: [1, 2, 3], uniform: [1, 2]}'],
    [{ beta: [1, 2] }, 'distribution: expected one of uniform, triangular, pert, lognormal, normal, discrete (or a plain number), got "beta"'],
    ['5', 'distribution: expected a number or an object with exactly one key of uniform, triangular, pert, lognormal, normal, discrete, got "5"'],
    [null, 'distribution: expected a number or an object with exactly one key of uniform, triangular, pert, lognormal, normal, discrete, got null'],
  ];
  test.each(bad)('distribution(%j) throws E_PARAM', (spec, message) => {
    expectParamError(() => distribution(spec as DistributionSpec), message);
  });

  test('scale(k) refuses k <= 0 and non-finite k', () => {
    expectParamError(() => pert(1, 2, 3).scale(0), 'pert.scale: expected a finite k > 0, got 0');
    expectParamError(() => distribution(2).scale(-1), 'constant.scale: expected a finite k > 0, got -1');
    expectParamError(() => normal(1, 1).scale(Infinity), 'normal.scale: expected a finite k > 0, got Infinity');
  });

  test('quantile(p) refuses p outside [0, 1]', () => {
    expectParamError(() => pert(1, 2, 3).quantile(1.5), 'pert.quantile: expected 0 <= p <= 1, got 1.5');
    expectParamError(() => lognormal(1, 2).quantile(NaN), 'lognormal.quantile: expected 0 <= p <= 1, got NaN');
  });
});
