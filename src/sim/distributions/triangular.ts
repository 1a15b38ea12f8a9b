import type { Rng } from '../streams.js';
import type { Distribution } from './Distribution.js';
import { checkProbability, checkScale, fail, isFiniteNumber } from './_internals/check.js';
import { constant } from './constant.js';

class Triangular implements Distribution {
  readonly kind = 'triangular' as const;
  readonly mean: number;
  readonly variance: number;
  /** CDF at the mode, and the two square-root factors of the inverse CDF. */
  private readonly fc: number;
  private readonly left: number;
  private readonly right: number;
  constructor(readonly min: number, readonly mode: number, readonly max: number) {
    const a = min;
    const c = mode;
    const b = max;
    this.mean = (a + b + c) / 3;
    // (a² + b² + c² − ab − ac − bc) / 18, written with differences: the expanded form cancels
    // catastrophically (negative) for close points of large magnitude.
    this.variance = ((b - a) * (b - a) + (c - a) * (c - a) + (b - c) * (b - c)) / 36;
    this.fc = (c - a) / (b - a);
    this.left = (b - a) * (c - a);
    this.right = (b - a) * (b - c);
  }
  sample(rng: Rng): number {
    return this.inverse(rng());
  }
  quantile(p: number): number {
    checkProbability('triangular', p);
    return this.inverse(p);
  }
  scale(k: number): Distribution {
    checkScale('triangular', k);
    return triangular(this.min * k, this.mode * k, this.max * k);
  }
  /** Inverse CDF (e.g. Kotz & van Dorp, "Beyond Beta", 2004, §1.2). */
  private inverse(u: number): number {
    const x = u < this.fc ? this.min + Math.sqrt(u * this.left) : this.max - Math.sqrt((1 - u) * this.right);
    return x < this.min ? this.min : x > this.max ? this.max : x;
  }
}

/** Triangular on [min, max] peaking at mode; min == max gives a constant. One uniform per draw. */
export function triangular(min: number, mode: number, max: number): Distribution {
  const got = [min, mode, max];
  if (!isFiniteNumber(min) || !isFiniteNumber(mode) || !isFiniteNumber(max)) {
    fail('triangular', 'three finite numbers [min, mode, max]', got);
  }
  if (min < 0) fail('triangular', 'min >= 0 (durations are non-negative)', got);
  if (!(min <= mode && mode <= max)) fail('triangular', 'min <= mode <= max', got);
  if (min === max) return constant(min);
  return new Triangular(min, mode, max);
}
