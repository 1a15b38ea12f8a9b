import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compileModel } from '../../src/engine/compileModel.js';
import { simulate } from '../../src/engine/simulate.js';
import { validateScenario } from '../../src/scenario/validateScenario.js';
import { checkInvariants } from '../../src/testing/index.js';
import { unitScenarioArbitrary } from './unitScenarios.js';

describe('checkInvariants on runs in units', () => {
  test('every invariant holds on generated scenarios with joint tasks, shares, pools, rules, pick, pinned orders and coordination', () => {
    let runs = 0;
    let joint = 0;
    fc.assert(
      fc.property(unitScenarioArbitrary({ maxTasks: 12, coordination: true }), fc.nat(3), (raw, seed) => {
        const s = validateScenario(raw);
        const model = compileModel(s);
        for (const strategy of model.strategyNames) {
          const result = simulate(model, { strategy, seed, trace: true });
          const v = checkInvariants(model, result);
          if (v.length > 0) throw new Error(`${strategy}: ${v.map((x) => `${x.invariant}: ${x.message}`).join('\n')}`);
          runs++;
          if (Object.values(result.metrics.tasks).some((t) => (t.agents?.length ?? 0) > 1)) joint++;
        }
      }),
      { numRuns: 150, seed: 20270114 },
    );
    expect(runs).toBe(150 * 7);
    expect(joint).toBeGreaterThan(200);
  });
});
