import type { Rng } from '../streams.js';
import type { Distribution } from './Distribution.js';
import { checkProbability, checkScale, fail, isFiniteNumber } from './_internals/check.js';
import { constant } from './constant.js';

class Uniform implements Distribution {
  readonly kind = 'uniform' as const;
  readonly mean: number;
  readonly variance: number;
  private readonly width: number;
  constructor(readonly min: number, readonly max: number) {
    this.width = max - min;
    this.mean = 0.5 * (min + max);
    this.variance = (this.width * this.width) / 12;
  }
  sample(rng: Rng): number {
    const x = this.min + this.width * rng();
    return x > this.max ? this.max : x; // rounding guard
  }
  quantile(p: number): number {
    checkProbability('uniform', p);
    const x = this.min + this.width * p;
    return x > this.max ? this.max : x;
  }
  scale(k: number): Distribution {
    checkScale('uniform', k);
    return uniform(this.min * k, this.max * k);
  }
}

/** Uniform on [a, b] with 0 <= a <= b; a == b gives `constant(a)`. One uniform per draw. */
export function uniform(a: number, b: number): Distribution {
  if (!isFiniteNumber(a) || !isFiniteNumber(b)) fail('uniform', 'two finite numbers [a, b]', [a, b]);
  if (a < 0) fail('uniform', 'a >= 0 (durations are non-negative)', [a, b]);
  if (a > b) fail('uniform', 'a <= b', [a, b]);
  if (a === b) return constant(a);
  return new Uniform(a, b);
}
