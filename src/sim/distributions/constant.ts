import type { Rng } from '../streams.js';
import type { Distribution } from './Distribution.js';
import { checkProbability, checkScale, fail, isFiniteNumber } from './_internals/check.js';

class Constant implements Distribution {
  readonly kind = 'constant' as const;
  readonly variance = 0;
  constructor(readonly mean: number) {}
  get min(): number {
    return this.mean;
  }
  get max(): number {
    return this.mean;
  }
  /** Returns the value; draws nothing from `rng`. */
  sample(_rng: Rng): number {
    return this.mean;
  }
  quantile(p: number): number {
    checkProbability('constant', p);
    return this.mean;
  }
  scale(k: number): Distribution {
    checkScale('constant', k);
    return constant(this.mean * k);
  }
}

/**
 * The distribution that always gives `value` (a finite number >= 0). Sampling it consumes no
 * randomness. Degenerate members of other families (uniform [a, a], normal sd 0) are this.
 */
export function constant(value: number): Distribution {
  if (!(isFiniteNumber(value) && value >= 0)) fail('constant', 'a finite number >= 0', value);
  return new Constant(value === 0 ? 0 : value); // normalise -0
}
