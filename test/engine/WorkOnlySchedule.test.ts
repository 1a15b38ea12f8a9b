import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compileModel } from '../../src/engine/compileModel.js';
import { Engine } from '../../src/engine/Engine.js';
import type { RunState } from '../../src/engine/RunState.js';
import { createRunInputs, sampleRunInputs } from '../../src/engine/RunInputs.js';
import type { Scenario } from '../../src/scenario/Scenario.js';
import { WorkOnlySchedule } from '../../src/engine/WorkOnlySchedule.js';
import { runMetrics } from '../../src/engine/runMetrics.js';
import { scenarioArbitrary } from '../../src/testing/index.js';
import { fcParams } from '../invariants/_setup.js';

/** Every result an engine run leaves behind, as plain data (NaN and -0 kept distinct by toStrictEqual). */
function results(e: RunState) {
  return {
    makespan: e.makespan,
    eventCount: e.eventCount,
    work: Array.from(e.work),
    coord: Array.from(e.coord),
    held: Array.from(e.held),
    firstStart: Array.from(e.firstStart),
    lastEnd: Array.from(e.lastEnd),
    coordByKind: Array.from(e.coordByKind),
    critical: Array.from(e.critical),
    criticalPath: e.criticalPath.slice(),
    taskStart: Array.from(e.taskStart),
    taskFinish: Array.from(e.taskFinish),
    taskAgent: Array.from(e.taskAgent),
    taskExecutions: Array.from(e.taskExecutions),
    counts: [e.remediations, e.reworks, e.escalations, e.handoffs],
  };
}

/** Work-only scenarios: no gates, every task on a fixed agent (a skill task goes to the first agent with the skill). */
function workOnly(s: Scenario): Scenario {
  const tasks = s.tasks.map((t) => {
    if (t.agent !== undefined) return t;
    const { skill, ...rest } = t;
    return { ...rest, agent: s.agents.find((a) => a.skills?.includes(skill!))!.id };
  });
  return { ...s, tasks };
}

describe('WorkOnlySchedule', () => {
  test('a work-only run gives exactly the general engine: every time, counter, critical link and metric', () => {
    let compared = 0;
    fc.assert(
      fc.property(scenarioArbitrary({ maxGates: 0, maxTasks: 14, maxAgents: 4, maxCapacity: 3 }), fc.integer({ min: 0, max: 1e6 }), (scenario, seed) => {
        const model = compileModel(workOnly(scenario));
        const inputs = createRunInputs(model);
        for (const [name, strategy] of Object.entries(model.strategies)) {
          if (!WorkOnlySchedule.applies(model, strategy)) continue;
          const fast = new Engine(model, strategy);
          const general = new Engine(model, strategy);
          for (let run = 0; run < 4; run++) {
            sampleRunInputs(model, seed, run, inputs);
            const o = { seed, run };
            const fastState = fast.run(inputs, o);
            const generalState = general.run(inputs, { ...o, general: true });
            const a = results(fastState);
            const b = results(generalState);
            expect(a, `strategy ${name}, run ${run}`).toStrictEqual(b);
            expect(runMetrics(fastState, inputs)).toStrictEqual(runMetrics(generalState, inputs));
            // One engine switching paths leaves nothing behind from the other.
            expect(results(fast.run(inputs, { ...o, general: true }))).toStrictEqual(b);
            expect(results(fast.run(inputs, o))).toStrictEqual(a);
            compared++;
          }
        }
      }),
      fcParams(71),
    );
    // ideal and sequential always apply, so the property cannot pass vacuously.
    expect(compared).toBeGreaterThanOrEqual(2 * 4 * 500);
  });

  test('WorkOnlySchedule.applies(model, strategy) only without gates, skill pools and coordination', () => {
    const base: Scenario = {
      name: 'p',
      time_unit: 'day',
      agents: [{ id: 'a', skills: ['x'] }, { id: 'b' }],
      tasks: [
        { id: 't1', agent: 'a', duration: 1 },
        { id: 't2', agent: 'b', duration: 2, after: ['t1'] },
      ],
      strategies: { talk: { topology: 'mesh', handoff: { effort: 0.1 } }, quiet: { topology: 'mesh' } },
    };
    const m = compileModel(base);
    expect(WorkOnlySchedule.applies(m, m.strategies.ideal)).toBe(true);
    expect(WorkOnlySchedule.applies(m, m.strategies.sequential)).toBe(true);
    expect(WorkOnlySchedule.applies(m, m.strategies.quiet)).toBe(true);
    expect(WorkOnlySchedule.applies(m, m.strategies.talk)).toBe(false);
    const pool = compileModel({ ...base, tasks: [base.tasks[0], { id: 't2', skill: 'x', duration: 2 }] });
    expect(WorkOnlySchedule.applies(pool, pool.strategies.ideal)).toBe(false);
    const gated = compileModel({ ...base, gates: [{ id: 'g', after: ['t2'], outcomes: { pass: 1 } }] });
    expect(WorkOnlySchedule.applies(gated, gated.strategies.ideal)).toBe(false);
  });

  test('Engine.run(...) with a max-event guard below the run size still trips the guard', () => {
    const m = compileModel({
      name: 'g',
      time_unit: 'day',
      agents: [{ id: 'a' }],
      tasks: [1, 2, 3].map((i) => ({ id: `t${i}`, agent: 'a', duration: i })),
    });
    const inputs = sampleRunInputs(m, 1, 0, createRunInputs(m));
    const e = new Engine(m, m.strategies.ideal);
    expect(() => e.run(inputs, { seed: 1, run: 0, maxEvents: 3 })).toThrow(/stopped after 3 events/);
    expect(e.run(inputs, { seed: 1, run: 0, maxEvents: 4 }).makespan).toBe(6);
  });
});
