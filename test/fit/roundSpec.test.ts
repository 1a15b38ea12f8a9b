import { describe, expect, test } from 'vitest';
import { roundSpec } from '../../src/fit/_internals/roundSpec.js';

describe('roundSpec', () => {
  test('roundSpec rounds to 6 significant digits, bounds outwards only when the data would fall out', () => {
    expect(roundSpec({ uniform: [1.23456789, 9.87654321] }, 1.2345678, 9.8765433)).toEqual({ uniform: [1.23456, 9.87655] });
    // Nearest keeps the data inside: nearest it is.
    expect(roundSpec({ uniform: [1.2345612, 9.8765488] }, 1.3, 9.9)).toEqual({ uniform: [1.23456, 9.87655] });
    expect(roundSpec({ lognormal: { median: 2.0497912, p90: 5.0535349 } }, 0.5, 8)).toEqual({ lognormal: { median: 2.04979, p90: 5.05353 } });
    expect(roundSpec({ normal: { mean: 12, sd: Math.SQRT2 } }, 10, 14)).toEqual({ normal: { mean: 12, sd: 1.41421 } });
  });

  test('roundSpec keeps the smallest value strictly inside a triangular whose density is 0 at min', () => {
    // min 0.4999996 prints as 0.5 = the smallest value, where the density would be 0: round down.
    expect(roundSpec({ triangular: [0.4999996, 2, 8.5] }, 0.5, 8)).toEqual({ triangular: [0.499999, 2, 8.5] });
  });

  test('roundSpec puts a mode that prints like min on min, the smallest value (right-angled fit)', () => {
    expect(roundSpec({ triangular: [0.5 - 1e-15, 0.5, 8.6476] }, 0.5, 8)).toEqual({ triangular: [0.5, 0.5, 8.6476] });
    // Likewise at max: the largest value 3 may be max when the mode is there too.
    expect(roundSpec({ pert: [1, 3.00000001, 3.0000001] }, 1.5, 3)).toEqual({ pert: [1, 3, 3] });
  });

  test('roundSpec leaves constants exact', () => {
    expect(roundSpec(1.23456789, 1.23456789, 1.23456789)).toBe(1.23456789);
  });
});
