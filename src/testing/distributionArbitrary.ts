import fc from 'fast-check';
import type { DistributionSpec } from '../sim/distributions/Distribution.js';
import { FAMILY_NAMES, type FamilyName } from './ScenarioConstraints.js';

/** Limits of `distributionArbitrary`. */
export interface DistributionConstraints {
  /** Largest value a bounded family can draw (default 8). Lognormal keeps its p90 below it, normal its mean + 2 sd. */
  max?: number;
  /** Families to draw from (default all of `FAMILY_NAMES`). */
  families?: readonly FamilyName[];
}

/** Grid of generated values: multiples of 1/64, exact in binary so sums tie and scaling by 2^n is exact. */
const STEP = 64;

/** A value in [lo, hi] on the 1/64 grid, integers favoured (they make equal-time events likely). */
export function gridValue(lo: number, hi: number): fc.Arbitrary<number> {
  const a = Math.ceil(lo * STEP);
  const b = Math.max(a, Math.floor(hi * STEP));
  const ints = Math.ceil(lo) <= Math.floor(hi) ? [fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) })] : [];
  return fc.oneof(...ints, fc.integer({ min: a, max: b }).map((n) => n / STEP));
}

/** Sorted tuple of `n` grid values in [0, max]. */
const sortedValues = (n: number, max: number) =>
  fc.array(gridValue(0, max), { minLength: n, maxLength: n }).map((xs) => xs.sort((x, y) => x - y));

/**
 * Distribution specs as written in scenarios (docs/scenario-format.md), every family with valid parameters:
 * plain numbers, uniform, triangular, pert, lognormal, normal and discrete.
 */
export function distributionArbitrary(constraints: DistributionConstraints = {}): fc.Arbitrary<DistributionSpec> {
  const max = constraints.max ?? 8;
  const families = constraints.families ?? FAMILY_NAMES;
  const half = max / 2;
  const by: Record<FamilyName, fc.Arbitrary<DistributionSpec>> = {
    constant: gridValue(0, max),
    uniform: sortedValues(2, max).map(([a, b]) => ({ uniform: [a, b] as [number, number] })),
    triangular: sortedValues(3, max).map(([a, c, b]) => ({ triangular: [a, c, b] as [number, number, number] })),
    pert: sortedValues(3, max).map(([a, c, b]) => ({ pert: [a, c, b] as [number, number, number] })),
    // p90 <= 2 median keeps the tail light (sigma <= 0.54): no run-away durations.
    lognormal: fc
      .tuple(gridValue(1 / STEP, half), fc.integer({ min: 1, max: STEP }))
      .map(([median, k]) => ({ lognormal: { median, p90: median * (1 + k / STEP) } })),
    normal: fc
      .tuple(gridValue(0, half), fc.integer({ min: 0, max: 8 }))
      .map(([mean, k]) => ({ normal: { mean, sd: (mean * k) / 16 } })),
    discrete: fc
      .array(fc.tuple(gridValue(0, max), fc.integer({ min: 1, max: 4 })), { minLength: 1, maxLength: 3 })
      .map((pairs) => ({ discrete: pairs as Array<[number, number]> })),
  };
  return fc.oneof(...families.map((f) => by[f]));
}
