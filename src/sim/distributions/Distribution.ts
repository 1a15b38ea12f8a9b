import type { Rng } from '../streams.js';

/**
 * A probability distribution of non-negative values (durations, efforts, delays).
 * Parameters are validated and any set-up (e.g. PERT's Beta shape) is done once, when the
 * distribution is built, so `sample` does only per-draw work.
 */
export interface Distribution {
  /** The family name, e.g. `pert`. */
  readonly kind: 'constant' | 'uniform' | 'triangular' | 'pert' | 'lognormal' | 'normal' | 'discrete';
  /** Analytic mean. */
  readonly mean: number;
  /** Analytic variance. */
  readonly variance: number;
  /** Smallest value that can be drawn (inclusive). */
  readonly min: number;
  /** Largest value that can be drawn (Infinity when unbounded). */
  readonly max: number;
  /** Draws one value using the stream `rng`. */
  sample(rng: Rng): number;
  /** Inverse CDF at p ∈ [0, 1): used by Latin hypercube sampling and rank correlation. */
  quantile(p: number): number;
  /** The same distribution with every value multiplied by k > 0. */
  scale(k: number): Distribution;
}

/**
 * A distribution as written in a scenario (docs/scenario-format.md): a plain number (constant), or
 * exactly one of the keyed forms.
 */
export type DistributionSpec =
  | number
  | { uniform: [number, number] }
  | { triangular: [number, number, number] }
  | { pert: [number, number, number] }
  | { lognormal: { median: number; p90: number } }
  | { normal: { mean: number; sd: number } }
  | { discrete: Array<[number, number]> };
