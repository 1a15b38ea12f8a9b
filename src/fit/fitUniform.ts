import type { FitSpec } from './FitResult.js';

/**
 * Maximum-likelihood uniform: [min, max] of the data (ln L = −n ln(b − a) grows as the range
 * shrinks, and the range must hold every value). Biased inwards: E[min] = a + (b − a)/(n + 1).
 * `sorted` is ascending with at least two distinct values.
 */
export function fitUniform(sorted: readonly number[]): FitSpec {
  return { uniform: [sorted[0], sorted[sorted.length - 1]] };
}
