import type { Rng } from '../streams.js';
import type { Distribution } from './Distribution.js';
import { checkProbability, checkScale, fail, isFiniteNumber } from './_internals/check.js';
import { constant } from './constant.js';

class Discrete implements Distribution {
  readonly kind = 'discrete' as const;
  readonly mean: number;
  readonly variance: number;
  readonly min: number;
  readonly max: number;
  /** Values sorted ascending, and the CDF at each (cum[n − 1] is exactly 1). */
  private readonly values: Float64Array;
  private readonly cum: Float64Array;

  constructor(private readonly pairs: ReadonlyArray<readonly [number, number]>) {
    const sorted = pairs.map(([v, w]) => [v, w] as const).sort((x, y) => x[0] - y[0]);
    const n = sorted.length;
    let total = 0;
    for (const [, w] of sorted) total += w;
    this.values = new Float64Array(n);
    this.cum = new Float64Array(n);
    let acc = 0;
    let mean = 0;
    for (let i = 0; i < n; i++) {
      const [v, w] = sorted[i];
      acc += w;
      this.values[i] = v;
      this.cum[i] = acc / total;
      mean += (w / total) * v;
    }
    this.cum[n - 1] = 1;
    let variance = 0;
    for (const [v, w] of sorted) variance += (w / total) * (v - mean) * (v - mean);
    this.mean = mean;
    this.variance = variance;
    this.min = this.values[0];
    this.max = this.values[n - 1];
  }

  /** One uniform u, then the first value whose CDF exceeds u (binary search). */
  sample(rng: Rng): number {
    const u = rng();
    const cum = this.cum;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo];
  }

  /** The smallest value v with P(X <= v) >= p. */
  quantile(p: number): number {
    checkProbability('discrete', p);
    const cum = this.cum;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid] >= p) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo];
  }

  scale(k: number): Distribution {
    checkScale('discrete', k);
    return discrete(this.pairs.map(([v, w]) => [v * k, w]));
  }
}

/**
 * A finite distribution: each `[value, weight]` pair gives a value (>= 0) and its relative
 * weight (> 0). Repeated values add up. A single pair gives a constant. One uniform per draw.
 */
export function discrete(pairs: ReadonlyArray<readonly [number, number]>): Distribution {
  if (!Array.isArray(pairs) || pairs.length === 0) fail('discrete', 'a non-empty list of [value, weight] pairs', pairs);
  const copy: Array<readonly [number, number]> = [];
  for (let i = 0; i < pairs.length; i++) {
    const pair: unknown = pairs[i];
    if (!Array.isArray(pair) || pair.length !== 2 || !isFiniteNumber(pair[0]) || !isFiniteNumber(pair[1])) {
      fail('discrete', `pair ${i} to be [value, weight] with finite numbers`, pair);
    }
    const [v, w] = pair as [number, number];
    if (v < 0) fail('discrete', `value >= 0 (durations are non-negative) in pair ${i}`, pair);
    if (!(w > 0)) fail('discrete', `weight > 0 in pair ${i}`, pair);
    copy.push([v === 0 ? 0 : v, w]);
  }
  if (!Number.isFinite(copy.reduce((s, [, w]) => s + w, 0))) fail('discrete', 'weights with a finite sum', pairs);
  if (copy.every(([v]) => v === copy[0][0])) return constant(copy[0][0]);
  return new Discrete(copy);
}
