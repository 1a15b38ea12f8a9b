import { stream } from '../../src/sim/streams.js';
import { distribution, type DistributionSpec } from '../../src/sim/distributions/index.js';

/** n draws of a scenario distribution with the simulator's own sampler and a fixed stream. */
export function sample(spec: DistributionSpec, n: number, seed: number): number[] {
  const d = distribution(spec);
  const rng = stream(seed, 0, 'fit-test');
  return Array.from({ length: n }, () => d.sample(rng));
}

/** Standard deviation (divisor R − 1) of replicate estimates. */
export function sd(xs: readonly number[]): number {
  const m = xs.reduce((s, x) => s + x, 0) / xs.length;
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
}
