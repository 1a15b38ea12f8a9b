import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compileModel } from '../../src/engine/compileModel.js';
import { Engine } from '../../src/engine/Engine.js';
import { createRunInputs, sampleRunInputs } from '../../src/engine/RunInputs.js';
import { WorkOnlyUnits } from '../../src/engine/WorkOnlyUnits.js';
import { unitMode } from '../../src/engine/units.js';
import type { Scenario } from '../../src/scenario/Scenario.js';
import { validateScenario } from '../../src/scenario/validateScenario.js';
import { unitResults as results, unitScenarioArbitrary } from './unitScenarios.js';

/**
 * Runs every strategy of the scenario that takes the units fast path, fast and general, and
 * expects the same results; returns how many took the path and how many were compared.
 */
function fastAgainstGeneral(raw: Scenario, seed: number): { fast: number; compared: number } {
  const model = compileModel(validateScenario(raw));
  let fast = 0;
  let compared = 0;
  for (const name of model.strategyNames) {
    const strategy = model.strategies[name];
    if (!unitMode(model, strategy) || !WorkOnlyUnits.applies(model, strategy)) continue;
    fast++;
    const inputs = sampleRunInputs(model, seed, 0, createRunInputs(model));
    const engine = new Engine(model, strategy);
    expect(results(engine.run(inputs, { seed, run: 0 }))).toStrictEqual(results(engine.run(inputs, { seed, run: 0, general: true })));
    compared++;
  }
  return { fast, compared };
}

describe('WorkOnlyUnits', () => {
  test('gives exactly the general engine results on work-only scenarios in units (joint tasks, shares, pools, rules, pick, pinned order, milestones)', () => {
    let compared = 0;
    let fast = 0;
    fc.assert(
      fc.property(unitScenarioArbitrary({ maxTasks: 16 }), fc.nat(5), (raw, seed) => {
        const n = fastAgainstGeneral(raw, seed);
        fast += n.fast;
        compared += n.compared;
      }),
      { numRuns: 300, seed: 20270113 },
    );
    expect(fast).toBeGreaterThan(600);
    expect(compared).toBe(fast);
  });

  test('gives exactly the general engine results under contention: agents of capacity 1, long ready lists, joint tasks waiting behind earlier-ranked work', () => {
    // Joint tasks here often wait for the end of a task ranked before them on a busy agent
    // (the fast path then skips the ends before it), and whole durations make ends tie.
    let compared = 0;
    fc.assert(
      fc.property(unitScenarioArbitrary({ minTasks: 20, maxTasks: 40, capacities: [1] }), fc.nat(5), (raw, seed) => {
        compared += fastAgainstGeneral(raw, seed).compared;
      }),
      { numRuns: 150, seed: 20261202 },
    );
    expect(compared).toBeGreaterThan(300);
  });
});
