import { describe, expect, test } from 'vitest';
import { compileModel } from '../../src/engine/compileModel.js';
import { Engine } from '../../src/engine/Engine.js';
import { createRunInputs, sampleRunInputs } from '../../src/engine/RunInputs.js';
import { simulate } from '../../src/engine/simulate.js';
import { COORD_KINDS } from '../../src/engine/RunState.js';
import { validateScenario } from '../../src/scenario/validateScenario.js';
import { stream } from '../../src/sim/streams.js';
import type { Scenario } from '../../src/scenario/Scenario.js';
import { loadModel } from '../helpers.js';

const base = {
  name: 'draws',
  time_unit: 'day',
  agents: [{ id: 'a' }, { id: 'b' }],
  tasks: [
    { id: 't0', agent: 'a', duration: { pert: [1, 2, 4] } },
    { id: 't1', agent: 'b', duration: { uniform: [1, 3] }, after: ['t0'] },
    { id: 't2', agent: 'a', duration: 1, after: ['t0'] },
  ],
  risks: [{ id: 'r0', task: 't1', probability: 0.5, delay: { uniform: [0, 1] } }],
  strategies: { hub: { topology: 'hub', handoff: { effort: { uniform: [0.1, 0.3] } } }, mesh: { topology: 'mesh', handoff: { effort: 0.2 }, status: { every: 1, effort: 0.05 } } },
};
const withCosts = {
  ...base,
  tasks: [{ ...base.tasks[0], cost: { uniform: [0, 10] } }, base.tasks[1], { ...base.tasks[2], cost: 4 }],
  risks: [{ ...base.risks[0], cost: { uniform: [100, 200] } }],
};

describe("fixed and risk costs: the run's own 'costs' stream", () => {
  test('task costs in file order, then risk costs, drawn from (seed, run, costs) whether or not the risk occurs', () => {
    const model = compileModel(validateScenario(withCosts) as Scenario);
    for (const run of [0, 1, 7]) {
      const inputs = sampleRunInputs(model, 42, run, createRunInputs(model));
      const rng = stream(42, run, 'costs');
      const u0 = rng(); // t0: uniform [0, 10]; t1 has no cost; t2 is a constant (no draw)
      const u1 = rng(); // r0: uniform [100, 200]
      expect(Array.from(inputs.fixedCost)).toEqual([10 * u0, 0, 4]);
      expect(Array.from(inputs.riskCost)).toEqual([100 + 100 * u1]);
    }
  });

  test('cost keys change no duration, risk or coordination draw: every other figure is unchanged', () => {
    const plain = compileModel(validateScenario(base) as Scenario);
    const costly = compileModel(validateScenario(withCosts) as Scenario);
    for (const strategy of ['hub', 'mesh', 'sequential']) {
      for (const run of [0, 3]) {
        const a = simulate(plain, { strategy, seed: 9, run });
        const b = simulate(costly, { strategy, seed: 9, run });
        const { cost, ...rest } = b.metrics;
        expect(cost).toBeDefined();
        expect(rest).toEqual(a.metrics);
        expect(b.trace).toEqual(a.trace);
      }
    }
  });

  test('without cost keys runs carry no cost and derive no costs stream', () => {
    const plain = compileModel(validateScenario(base) as Scenario);
    expect(plain.cost).toBeNull();
    expect('cost' in simulate(plain, { seed: 1 }).metrics).toBe(false);
  });

  test('common random numbers: every strategy pays the same fixed and risk costs in run i', () => {
    const costly = compileModel(validateScenario(withCosts) as Scenario);
    for (const run of [0, 1, 2, 3, 4]) {
      const fixed = ['hub', 'mesh', 'sequential', 'ideal'].map((s) => simulate(costly, { strategy: s, seed: 3, run }).metrics.cost!.byKind);
      for (const k of fixed) {
        expect(k.fixed).toBe(fixed[0].fixed);
      }
    }
  });
});

describe('RunState.coordByResourceKind', () => {
  test('adds up, over resources, to coordByKind and, over kinds, to each resource coord (meetings cut at the end included)', () => {
    const model = loadModel('scenarios/ecommerce-security.yaml');
    const K = COORD_KINDS.length;
    const inputs = createRunInputs(model);
    let checked = 0;
    for (const name of model.strategyNames) {
      const engine = new Engine(model, model.strategies[name]);
      for (let run = 0; run < 20; run++) {
        sampleRunInputs(model, 11, run, inputs);
        const s = engine.run(inputs, { seed: 11, run, general: true });
        for (let k = 0; k < K; k++) {
          let sum = 0;
          for (let r = 0; r < s.coord.length; r++) sum += s.coordByResourceKind[r * K + k];
          expect(sum).toBeCloseTo(s.coordByKind[k], 9);
        }
        for (let r = 0; r < s.coord.length; r++) {
          let sum = 0;
          for (let k = 0; k < K; k++) sum += s.coordByResourceKind[r * K + k];
          expect(sum).toBeCloseTo(s.coord[r], 9);
        }
        checked++;
      }
    }
    expect(checked).toBe(20 * model.strategyNames.length);
  });
});
