import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkInvariants, INVARIANT_NAMES, INVARIANTS, runCaseArbitrary } from '../../src/testing/index.js';
import { fcParams, lines, runOf, SMALL } from './_setup.js';

describe('engine invariants over generated scenarios', () => {
  test.each(INVARIANT_NAMES.map((name, i) => [name, i] as const))('checkInvariants: %s holds on every generated run', (name, salt) => {
    fc.assert(
      fc.property(runCaseArbitrary(SMALL), (c) => {
        const { model, result } = runOf(c);
        const v = checkInvariants(model, result, { only: [name] });
        if (v.length > 0) throw new Error(`${INVARIANTS[name]}\n${v.map((x) => x.message).join('\n')}\ntrace:\n${lines(result).join('\n')}`);
      }),
      fcParams(salt),
    );
  });

  test('checkInvariants checks every invariant it lists', () => {
    expect(INVARIANT_NAMES).toEqual(['clock', 'capacity', 'units', 'dispatch', 'durations', 'dependencies', 'handoffs', 'completion', 'meetings', 'accounting', 'makespan', 'utilization', 'branches', 'calendar']);
  });
});
