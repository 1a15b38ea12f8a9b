import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { checkDeterminism, checkScaling, runCaseArbitrary } from '../../src/testing/index.js';
import { fcParams, runOf, SMALL } from './_setup.js';

describe('determinism, scaling and the sequential baseline over generated scenarios', () => {
  test('checkDeterminism: same (scenario, strategy, seed, run) gives the same trace, on a fresh or a reused engine', () => {
    fc.assert(
      fc.property(runCaseArbitrary(SMALL), (c) => {
        expect(checkDeterminism(c.scenario, c)).toEqual([]);
      }),
      fcParams(100),
    );
  });

  test('checkScaling: multiplying every time quantity by k = 2^n multiplies makespan and every trace time by k', () => {
    fc.assert(
      fc.property(runCaseArbitrary(SMALL), fc.constantFrom(0.25, 0.5, 2, 8), (c, k) => {
        expect(checkScaling(c.scenario, { ...c, k })).toEqual([]);
      }),
      fcParams(101),
    );
  });

  test('simulate(sequential).makespan equals every strategy\'s metrics.sequentialMakespan (same sampled work)', () => {
    fc.assert(
      fc.property(runCaseArbitrary(SMALL), (c) => {
        const { model, result } = runOf(c);
        const seq = simulate(model, { strategy: 'sequential', seed: c.seed, run: c.run, trace: false }).metrics.makespan;
        expect(Math.abs(seq - result.metrics.sequentialMakespan)).toBeLessThanOrEqual(1e-9 * Math.max(1, seq));
      }),
      fcParams(102),
    );
  });
});
