import type { Rng } from '../streams.js';
import type { Distribution } from './Distribution.js';
import { betaRegularizedInverse, lnBeta } from './_internals/beta.js';
import { checkProbability, checkScale, fail, isFiniteNumber } from './_internals/check.js';
import { gammaMT } from './_internals/gamma.js';
import { constant } from './constant.js';

/** PERT's weight on the mode (the classic λ = 4). */
const LAMBDA = 4;

/** Numbers per PERT in `pertDraw`'s parameter arrays: min, width, max, d1, c1, d2, c2 (and a pad). */
export const PERT_STRIDE = 8;

/**
 * One PERT draw from parameters at `p[o ..]`: Beta(α, β) as X / (X + Y) with X ~ Gamma(α),
 * Y ~ Gamma(β) (both shapes >= 1), scaled to [min, max]. Shared by `Pert.sample` and flat
 * samplers that keep many PERTs in one array (same draws).
 * @internal
 */
export function pertDraw(rng: Rng, p: Float64Array, o: number): number {
  const x = gammaMT(rng, p[o + 3], p[o + 4]);
  const y = gammaMT(rng, p[o + 5], p[o + 6]);
  const v = p[o] + p[o + 1] * (x / (x + y));
  return v > p[o + 2] ? p[o + 2] : v; // rounding guard
}

/** The `pertDraw` parameters of a PERT distribution, or null for any other. @internal */
export function pertParams(d: Distribution): Float64Array | null {
  return d instanceof Pert ? d.params : null;
}

class Pert implements Distribution {
  readonly kind = 'pert' as const;
  /** min, width, max and the Marsaglia–Tsang constants, as `pertDraw` reads them. */
  readonly params = new Float64Array(PERT_STRIDE);
  readonly mean: number;
  readonly variance: number;
  private readonly width: number;
  private readonly alpha: number;
  private readonly beta: number;
  /** ln B(α, β), for `quantile` only: computed on its first call (a large plan builds tens of thousands of PERTs that never need it). */
  private lnB = NaN;
  /** Marsaglia–Tsang constants d = shape − 1/3, c = 1/√(9d) of the two gamma draws. */
  private readonly d1: number;
  private readonly c1: number;
  private readonly d2: number;
  private readonly c2: number;

  constructor(readonly min: number, readonly mode: number, readonly max: number) {
    const w = max - min;
    this.width = w;
    this.alpha = 1 + (LAMBDA * (mode - min)) / w;
    this.beta = 1 + (LAMBDA * (max - mode)) / w;
    const s = this.alpha + this.beta; // always λ + 2 = 6
    this.mean = (min + LAMBDA * mode + max) / (LAMBDA + 2);
    this.variance = (w * w * this.alpha * this.beta) / (s * s * (s + 1));
    this.d1 = this.alpha - 1 / 3;
    this.c1 = 1 / Math.sqrt(9 * this.d1);
    this.d2 = this.beta - 1 / 3;
    this.c2 = 1 / Math.sqrt(9 * this.d2);
    const p = this.params;
    p[0] = min;
    p[1] = w;
    p[2] = max;
    p[3] = this.d1;
    p[4] = this.c1;
    p[5] = this.d2;
    p[6] = this.c2;
  }

  /** Beta(α, β) as X / (X + Y) with X ~ Gamma(α), Y ~ Gamma(β) (both shapes >= 1). */
  sample(rng: Rng): number {
    return pertDraw(rng, this.params, 0);
  }

  quantile(p: number): number {
    checkProbability('pert', p);
    if (Number.isNaN(this.lnB)) this.lnB = lnBeta(this.alpha, this.beta);
    const v = this.min + this.width * betaRegularizedInverse(p, this.alpha, this.beta, this.lnB);
    return v > this.max ? this.max : v;
  }

  scale(k: number): Distribution {
    checkScale('pert', k);
    return pert(this.min * k, this.mode * k, this.max * k);
  }
}

/**
 * Beta-PERT on [min, max] with most likely value `mode` (Malcolm et al. 1959; λ = 4):
 * shapes α = 1 + 4(mode − min)/(max − min), β = 1 + 4(max − mode)/(max − min), mean
 * (min + 4·mode + max)/6. min == max gives a constant.
 */
export function pert(min: number, mode: number, max: number): Distribution {
  const got = [min, mode, max];
  if (!isFiniteNumber(min) || !isFiniteNumber(mode) || !isFiniteNumber(max)) {
    fail('pert', 'three finite numbers [min, mode, max]', got);
  }
  if (min < 0) fail('pert', 'min >= 0 (durations are non-negative)', got);
  if (!(min <= mode && mode <= max)) fail('pert', 'min <= mode <= max', got);
  if (min === max) return constant(min);
  return new Pert(min, mode, max);
}
