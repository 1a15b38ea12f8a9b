import { describe, expect, test } from 'vitest';
import { compileModel } from '../../src/engine/compileModel.js';
import { Engine } from '../../src/engine/Engine.js';
import { createRunInputs, sampleRunInputs } from '../../src/engine/RunInputs.js';
import { WorkOnlyUnits } from '../../src/engine/WorkOnlyUnits.js';
import { unitResults } from '../joint/unitScenarios.js';

describe('WorkOnlyUnits with pool demands', () => {
  // Three agents of capacity 1 in pool s. At 0, a holds 0.7 of p1 and b 0.9 of p2, so the pool
  // has 0.3 + 0.1 + 1 = 1.4 free (as rounded: 0.30000000000000004 + 0.09999999999999998 + 1):
  // c's 1.4 fit exactly, d's 1.5 and e's 3 do not. At 1 (c ends) the pool has 1.4 again: d is
  // still short. At 2 (a ends) 2.1: d takes p1 1, p2 0.1, p3 0.4. At 3 (b and d end) everything
  // is free: e starts and ends at 4.
  test('a pool demand starts when its pool has the units free, to the last rounding, as in the general engine', () => {
    const model = compileModel({
      name: 'pools',
      time_unit: 'day',
      agents: ['p1', 'p2', 'p3'].map((id) => ({ id, skills: ['s'] })),
      tasks: [
        { id: 'a', agent: 'p1', units: 0.7, duration: 2 },
        { id: 'b', agent: 'p2', units: 0.9, duration: 3 },
        { id: 'c', needs: [{ skill: 's', units: 1.4 }], duration: 1 },
        { id: 'd', needs: [{ skill: 's', units: 1.5 }], duration: 1 },
        { id: 'e', needs: [{ skill: 's', units: 3 }], duration: 1 },
      ],
    });
    const strategy = model.strategies.ideal;
    expect(WorkOnlyUnits.applies(model, strategy)).toBe(true);
    const inputs = sampleRunInputs(model, 1, 0, createRunInputs(model));
    const engine = new Engine(model, strategy);
    const fast = unitResults(engine.run(inputs, { seed: 1, run: 0 }));
    expect(fast.taskStart).toEqual([0, 0, 0, 2, 3]);
    expect(fast.taskFinish).toEqual([2, 3, 1, 3, 4]);
    expect(fast.holdings).toEqual([[0], [1], [0, 1, 2], [0, 1, 2], [0, 1, 2]]);
    expect(fast.makespan).toBe(4);
    expect(fast).toStrictEqual(unitResults(engine.run(inputs, { seed: 1, run: 0, general: true })));
  });
});
