import { describe, expect, test } from 'vitest';
import { betaRegularized, betaRegularizedInverse } from '../../src/sim/distributions/_internals/beta.js';
import { gammaMT, lnGamma } from '../../src/sim/distributions/_internals/gamma.js';
import { erfc, normalCdf, normalQuantile, standardNormal } from '../../src/sim/distributions/_internals/normal.js';
import { stream } from '../../src/sim/streams.js';

/** Relative error, for values spanning many magnitudes. */
const rel = (x: number, y: number) => Math.abs(x - y) / Math.abs(y);

describe('normal helpers', () => {
  test('normalCdf(x) matches reference values to 1e-13 relative, far into the lower tail', () => {
    const table: Array<[number, number]> = [
      [0, 0.5],
      [-1, 0.15865525393145707],
      [-2, 0.022750131948179207],
      [-3, 0.0013498980316301035],
      [-5, 2.866515718791939e-7],
      [-10, 7.619853024160527e-24],
      [1.5, 0.9331927987311419],
    ];
    for (const [x, p] of table) expect(rel(normalCdf(x), p)).toBeLessThan(1e-13);
    expect(erfc(0.3)).toBeCloseTo(0.6713732405408726, 15);
    expect(erfc(-2)).toBeCloseTo(1.9953222650189528, 15);
  });

  test('normalQuantile(p) matches reference values and inverts normalCdf', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.9)).toBeCloseTo(1.2815515655446004, 14);
    expect(rel(normalQuantile(1e-10), -6.361340902404056)).toBeLessThan(1e-14);
    expect([normalQuantile(0), normalQuantile(1), normalQuantile(0.5)]).toEqual([-Infinity, Infinity, 0]);
    for (let x = -30; x <= 0; x += 0.25) expect(Math.abs(normalQuantile(normalCdf(x)) - x)).toBeLessThan(1e-12 * Math.max(1, -x));
  });

  test('standardNormal(rng) has mean 0 and variance 1 and depends only on rng', () => {
    const rng = stream(1, 0, 'std');
    const n = 200_000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const z = standardNormal(rng);
      s += z;
      s2 += z * z;
    }
    expect(Math.abs(s / n)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(s2 / n - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    const a = stream(5, 1, 'p');
    const b = stream(5, 1, 'p');
    standardNormal(stream(9, 9, 'other')); // no hidden state: another stream's draw changes nothing
    for (let i = 0; i < 50; i++) expect(standardNormal(a)).toBe(standardNormal(b));
  });

  test('standardNormal(rng) follows the normal CDF in the body, the wedges and the tail beyond the ziggurat', () => {
    const rng = stream(2, 0, 'ziggurat');
    const n = 2_000_000;
    const points = [-4, -3.442619855899, -3, -2, -1.3, -1, -0.5, -0.1, 0, 0.1, 0.5, 1, 1.3, 2, 3, 3.442619855899, 4];
    const below = new Array<number>(points.length).fill(0);
    for (let i = 0; i < n; i++) {
      const z = standardNormal(rng);
      for (let k = 0; k < points.length; k++) if (z < points[k]) below[k]++;
    }
    points.forEach((x, k) => {
      const p = normalCdf(x);
      // Within 5 binomial standard errors of Φ(x) (and not a bare 0 in the far tails).
      expect(Math.abs(below[k] / n - p), `P(Z < ${x})`).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n) + 1e-7);
    });
    expect(below[0]).toBeGreaterThan(0); // the tail method is reached: P(Z < -4) n ≈ 63
  });
});

describe('gamma and beta helpers', () => {
  test('lnGamma(x) matches ln((x - 1)!) and Γ(1/2) = √π', () => {
    expect(rel(lnGamma(5), Math.log(24))).toBeLessThan(1e-14);
    expect(rel(lnGamma(10), Math.log(362880))).toBeLessThan(1e-14);
    expect(rel(lnGamma(0.5), 0.5 * Math.log(Math.PI))).toBeLessThan(1e-14);
  });

  test('gammaMT(rng, d, c) has mean and variance equal to the shape', () => {
    for (const shape of [1, 2.5, 5]) {
      const d = shape - 1 / 3;
      const c = 1 / Math.sqrt(9 * d);
      const rng = stream(3, 0, `gamma${shape}`);
      const n = 200_000;
      let s = 0;
      let s2 = 0;
      let min = Infinity;
      for (let i = 0; i < n; i++) {
        const g = gammaMT(rng, d, c);
        min = Math.min(min, g);
        s += g;
        s2 += g * g;
      }
      const mean = s / n;
      expect(min).toBeGreaterThan(0);
      expect(Math.abs(mean - shape)).toBeLessThan(4 * Math.sqrt(shape / n));
      expect(Math.abs(s2 / n - mean * mean - shape)).toBeLessThan(0.05 * shape);
    }
  });

  test('betaRegularized(x, a, b) matches the binomial sum for integer shapes', () => {
    // I_x(2, 4) = 1 − (1−x)^5 − 5x(1−x)^4
    for (const x of [0.01, 0.3, 0.5, 0.9, 0.999]) {
      expect(betaRegularized(x, 2, 4)).toBeCloseTo(1 - (1 - x) ** 5 - 5 * x * (1 - x) ** 4, 14);
    }
    expect([betaRegularized(0, 2, 3), betaRegularized(1, 2, 3)]).toEqual([0, 1]);
  });

  test('betaRegularizedInverse(p, a, b) inverts betaRegularized', () => {
    for (const [a, b] of [[1, 5], [5, 1], [3, 3], [1.4, 4.6], [4.99, 1.01]]) {
      let prev = 0;
      for (let i = 0; i <= 1000; i++) {
        const p = i / 1000;
        const x = betaRegularizedInverse(p, a, b);
        expect(x).toBeGreaterThanOrEqual(prev);
        expect(Math.abs(betaRegularized(x, a, b) - p)).toBeLessThan(1e-12);
        prev = x;
      }
    }
  });
});
