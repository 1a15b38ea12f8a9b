import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compileModel } from '../../src/engine/compileModel.js';
import { Engine } from '../../src/engine/Engine.js';
import { createRunInputs, sampleRunInputs } from '../../src/engine/RunInputs.js';
import { runMetrics } from '../../src/engine/runMetrics.js';
import { unitMode } from '../../src/engine/units.js';
import { WorkOnlyUnits } from '../../src/engine/WorkOnlyUnits.js';
import type { Scenario } from '../../src/scenario/Scenario.js';
import { validateScenario } from '../../src/scenario/validateScenario.js';
import { unitResults as results, unitScenarioArbitrary } from '../joint/unitScenarios.js';

/**
 * Scenarios in units (joint tasks, shares, pools, rules, pick, pinned orders, milestones) with,
 * each optionally, working calendars (a weekday office calendar for the project and some
 * agents, a six-day calendar of morning shifts for the others, a holiday, a week off) and risks
 * on work tasks (extra work, delays).
 */
function calendaredUnitScenarios(): fc.Arbitrary<Scenario> {
  return fc
    .tuple(
      unitScenarioArbitrary({ maxTasks: 14 }),
      fc.boolean(),
      fc.array(fc.record({ task: fc.nat(100), probability: fc.constantFrom(0.3, 0.7, 1), delay: fc.constantFrom(0, 0.5, 1.5), work: fc.constantFrom(0, 1, 2.5) }), { maxLength: 3 }),
    )
    .map(([raw, calendared, risks]): Scenario => {
      const s: Scenario = { ...raw };
      if (calendared) {
        s.start = '2027-01-04';
        s.calendars = {
          office: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], hours: 8, holidays: ['2027-01-06'] },
          shifts: { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], hours: ['06:00-10:00', '11:00-14:00'] },
        };
        s.calendar = 'office';
        s.agents = raw.agents.map((a, i) => ({ ...a, ...(i % 2 === 1 ? { calendar: 'shifts' } : {}), ...(i === 0 ? { off: [{ from: '2027-01-11', to: '2027-01-15' }] } : {}) }));
      }
      const work = raw.tasks.filter((t) => t.milestone !== true);
      if (work.length > 0 && risks.length > 0) {
        s.risks = risks.map((r, i) => ({
          id: `r${i}`,
          task: work[r.task % work.length].id,
          probability: r.probability,
          ...(r.delay > 0 ? { delay: r.delay } : {}),
          ...(r.work > 0 || r.delay === 0 ? { work: r.work > 0 ? r.work : 1 } : {}),
        }));
      }
      return s;
    });
}

describe('WorkOnlyUnits with calendars and risks', () => {
  test('a work-only run in units on working calendars, with risks, gives exactly the general engine: every time, holding, counter and metric', () => {
    let compared = 0;
    let calendared = 0;
    let risky = 0;
    fc.assert(
      fc.property(calendaredUnitScenarios(), fc.nat(1000), (raw, seed) => {
        const model = compileModel(validateScenario(raw));
        const inputs = createRunInputs(model);
        for (const name of model.strategyNames) {
          const strategy = model.strategies[name];
          if (!unitMode(model, strategy) || !WorkOnlyUnits.applies(model, strategy)) continue;
          const engine = new Engine(model, strategy);
          for (let run = 0; run < 2; run++) {
            sampleRunInputs(model, seed, run, inputs);
            const fast = engine.run(inputs, { seed, run });
            const a = results(fast);
            const am = runMetrics(fast, inputs);
            const general = engine.run(inputs, { seed, run, general: true });
            expect(a, `strategy ${name}, run ${run}`).toStrictEqual(results(general));
            expect(am).toStrictEqual(runMetrics(general, inputs));
            compared++;
            if (model.schedule.calendared) calendared++;
            if (model.risks.length > 0) risky++;
          }
        }
      }),
      { numRuns: 200, seed: 20261202 },
    );
    // ruled (pick least-busy) and pinned are in units in every scenario: the property cannot pass vacuously.
    expect(compared).toBeGreaterThanOrEqual(200 * 2 * 2);
    expect(calendared).toBeGreaterThan(compared / 4);
    expect(risky).toBeGreaterThan(compared / 4);
  });
});
