import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compileModel } from '../../src/engine/compileModel.js';
import { Engine } from '../../src/engine/Engine.js';
import type { EngineState } from '../../src/engine/EngineState.js';
import type { Model } from '../../src/engine/Model.js';
import { createRunInputs, sampleRunInputs } from '../../src/engine/RunInputs.js';
import { WorkOnlyFixed } from '../../src/engine/WorkOnlyFixed.js';
import { WorkOnlyUnits } from '../../src/engine/WorkOnlyUnits.js';
import { unitMode } from '../../src/engine/units.js';
import type { Scenario } from '../../src/scenario/Scenario.js';
import { validateScenario } from '../../src/scenario/validateScenario.js';
import { unitResults as results, unitScenarioArbitrary, type UnitScenarioOptions } from './unitScenarios.js';

/** The engine's internals a test looks at: the path it takes, and the arrays a path is built on. */
const inside = (e: Engine) => e as unknown as { workOnly: unknown; st: EngineState };

/**
 * Every strategy of the scenario that takes the path of whole units: its runs must be the
 * general engine's and `WorkOnlyUnits`' (the path it stands in for), field by field. Returns
 * how many strategies took it.
 */
function fixedAgainstOthers(raw: Scenario, seed: number): number {
  const model = compileModel(validateScenario(raw));
  let fixed = 0;
  for (const name of model.strategyNames) {
    const strategy = model.strategies[name];
    if (!unitMode(model, strategy) || !WorkOnlyFixed.applies(model, strategy)) continue;
    const engine = new Engine(model, strategy);
    expect(inside(engine).workOnly).toBeInstanceOf(WorkOnlyFixed);
    const inputs = sampleRunInputs(model, seed, 0, createRunInputs(model));
    const fast = results(engine.run(inputs, { seed, run: 0 }));
    expect(fast).toStrictEqual(results(engine.run(inputs, { seed, run: 0, general: true })));
    const st = inside(engine).st;
    expect(fast).toStrictEqual(results(new WorkOnlyUnits(model, strategy, st.rank, st.succOff, st.succList).run(inputs, { seed, run: 0 })));
    fixed++;
  }
  return fixed;
}

/** Task indices of a scenario's pinned order (the `pinned` strategy of `unitScenarioArbitrary`). */
function pinnedOrder(model: Model, raw: Scenario): number[] {
  const order = (raw.strategies!.pinned.dispatch as { order: string[] }).order;
  return order.map((id) => model.tasks.findIndex((t) => t.id === id));
}

/** Compares the path with the others on `numRuns` generated scenarios; returns how many strategies took it. */
function fixedOnScenarios(o: UnitScenarioOptions, numRuns: number, seed: number): number {
  let fixed = 0;
  fc.assert(
    fc.property(unitScenarioArbitrary(o), fc.nat(5), (raw, s) => {
      fixed += fixedAgainstOthers(raw, s);
    }),
    { numRuns, seed },
  );
  return fixed;
}

describe('WorkOnlyFixed', () => {
  test('gives exactly the results of the general engine and of WorkOnlyUnits on whole units of named agents (joint pairs, two units, milestones, rules, pick)', () => {
    const fixed = fixedOnScenarios({ maxTasks: 16, whole: true }, 300, 20261203);
    // Most scenarios have a joint task or two units somewhere (else only `pick: least-busy` puts them in units).
    expect(fixed).toBeGreaterThan(300);
  });

  test('gives exactly the same results under contention: agents of capacity 1, long ready lists, joint tasks waiting behind earlier-ranked work', () => {
    const fixed = fixedOnScenarios({ minTasks: 20, maxTasks: 40, capacities: [1], whole: true }, 150, 20261204);
    expect(fixed).toBeGreaterThan(200);
  });

  test('gives exactly the same results with shares and fractional capacities of named agents', () => {
    const fixed = fixedOnScenarios({ maxTasks: 16, named: true }, 300, 20261206);
    expect(fixed).toBeGreaterThan(300);
  });

  test('gives exactly the same results with shares under contention: agents of capacity 1, long ready lists, shares and joint tasks', () => {
    // A joint task that holds a share of an agent must not stay on it: a share ranked before
    // the agent's next task may take the agent, leave that task waiting, and leave room.
    const fixed = fixedOnScenarios({ minTasks: 20, maxTasks: 40, capacities: [1], named: true }, 200, 20261207);
    expect(fixed).toBeGreaterThan(200);
  });

  test('takes new ranks from setDispatch, and moves to WorkOnlyUnits for a pinned order (the planner)', () => {
    let moved = 0;
    fc.assert(
      fc.property(unitScenarioArbitrary({ minTasks: 6, maxTasks: 20, whole: true }), fc.nat(5), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 20, maxLength: 20 }), (raw, seed, keys) => {
        const model = compileModel(validateScenario(raw));
        const strategy = model.strategies.ruled;
        if (!WorkOnlyFixed.applies(model, strategy)) return;
        const T = model.tasks.length;
        const byKey = Array.from({ length: T }, (_, t) => t).sort((a, b) => keys[a] - keys[b] || a - b);
        const rank = new Int32Array(T);
        byKey.forEach((t, k) => (rank[t] = k));
        const inputs = sampleRunInputs(model, seed, 0, createRunInputs(model));
        const engine = new Engine(model, strategy);
        engine.setDispatch(rank, []);
        expect(inside(engine).workOnly).toBeInstanceOf(WorkOnlyFixed);
        expect(results(engine.run(inputs, { seed, run: 0 }))).toStrictEqual(results(engine.run(inputs, { seed, run: 0, general: true })));
        // As the planner pins one: the order, and ranks in that order.
        const order = pinnedOrder(model, raw);
        order.forEach((t, k) => (rank[t] = k));
        engine.setDispatch(rank, order);
        expect(inside(engine).workOnly).toBeInstanceOf(WorkOnlyUnits);
        expect(results(engine.run(inputs, { seed, run: 0 }))).toStrictEqual(results(engine.run(inputs, { seed, run: 0, general: true })));
        moved++;
      }),
      { numRuns: 100, seed: 20261205 },
    );
    expect(moved).toBeGreaterThan(50);
  });

  test('applies with milestones and shares in 64ths, not to other shares, pools, a pinned order or one task at a time', () => {
    const base: Scenario = { name: 'w', time_unit: 'day', agents: [{ id: 'a', capacity: 2 }, { id: 'b' }], tasks: [{ id: 'x', agents: ['a', 'b'], duration: 2 }, { id: 'y', agent: 'a', units: 2, duration: 1, after: ['x'] }], strategy: 'ideal' };
    const applies = (s: Scenario, strategy = 'ideal') => {
      const model = compileModel(validateScenario(s));
      return WorkOnlyFixed.applies(model, model.strategies[strategy]);
    };
    expect(applies(base)).toBe(true);
    expect(applies({ ...base, tasks: [...base.tasks, { id: 'z', agent: 'b', units: 0.5, duration: 1 }] })).toBe(true);
    expect(applies({ ...base, tasks: [...base.tasks, { id: 'z', agent: 'b', units: 0.3, duration: 1 }] })).toBe(false);
    expect(applies({ ...base, agents: [{ id: 'a', capacity: 2, skills: ['s'] }, { id: 'b' }], tasks: [...base.tasks, { id: 'z', needs: [{ skill: 's', units: 1 }], duration: 1 }] })).toBe(false);
    expect(applies({ ...base, tasks: [...base.tasks, { id: 'm', milestone: true, after: ['y'] }] })).toBe(true);
    expect(applies({ ...base, agents: [{ id: 'a', capacity: 2.5 }, { id: 'b' }] })).toBe(true);
    expect(applies({ ...base, agents: [{ id: 'a', capacity: 2.1 }, { id: 'b' }] })).toBe(false);
    expect(applies({ ...base, strategies: { pinned: { topology: 'ideal', dispatch: { order: ['x', 'y'] } } } }, 'pinned')).toBe(false);
    expect(applies(base, 'sequential')).toBe(false);
  });
});
