import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compileModel } from '../../src/engine/compileModel.js';
import { Engine } from '../../src/engine/Engine.js';
import { createRunInputs, sampleRunInputs } from '../../src/engine/RunInputs.js';
import type { Scenario } from '../../src/scenario/Scenario.js';
import type { DistributionSpec } from '../../src/sim/distributions/Distribution.js';
import { WorkOnlySchedule } from '../../src/engine/WorkOnlySchedule.js';
import { runMetrics } from '../../src/engine/runMetrics.js';
import { scenarioArbitrary, type FamilyName } from '../../src/testing/index.js';
import { fcParams } from '../invariants/_setup.js';
import { runResults as results } from './runResults.js';


/** Work-only scenarios: no gates, every task on a fixed agent (a skill task goes to the first agent with the skill). */
function workOnly(s: Scenario): Scenario {
  const tasks = s.tasks.map((t) => {
    if (t.agent !== undefined) return t;
    const { skill, ...rest } = t;
    return { ...rest, agent: s.agents.find((a) => a.skills?.includes(skill!))!.id };
  });
  return { ...s, tasks };
}

/**
 * Wider instants: `boost` − 1 more capacity on every agent (two agents have more than 16
 * slots when boost > 8), and with `fan` set, every `fan`-th task also after t0 (which has no
 * predecessor), so t0's end readies many tasks at once.
 */
function widen(s: Scenario, boost: number, fan: number | undefined): Scenario {
  const agents = s.agents.map((a) => ({ ...a, capacity: ((a.capacity as number | undefined) ?? 1) + boost - 1 }));
  const tasks = s.tasks.map((t, i) => {
    if (fan === undefined || i === 0 || i % fan !== 0 || t.after?.includes('t0')) return t;
    return { ...t, after: [...(t.after ?? []), 't0'] };
  });
  return { ...s, agents, tasks };
}

/** Fixed and discrete durations rounded to whole numbers (other families left as they are). */
function wholeDurations(s: Scenario): Scenario {
  const whole = (d: DistributionSpec): DistributionSpec =>
    typeof d === 'number' ? Math.round(d) : 'discrete' in d ? { discrete: d.discrete.map(([v, w]): [number, number] => [Math.round(v), w]) } : d;
  return { ...s, tasks: s.tasks.map((t) => ({ ...t, duration: whole(t.duration!) })) };
}

/**
 * Work-only scenarios with instants where more than 16 tasks start. Two thirds of them have
 * only whole fixed and discrete durations (up to 4, or up to 2 with no dependencies at all):
 * tasks that start together then often end together, and only equal ends on different agents
 * make the order of the starts matter.
 */
function wideArbitrary(minTasks: number, maxTasks: number): fc.Arbitrary<Scenario> {
  const c = { maxGates: 0, minTasks, maxTasks, minAgents: 2, maxAgents: 5, maxCapacity: 3, maxPredecessors: 1 };
  const ties = { families: ['constant', 'discrete'] as FamilyName[], maxDuration: 4 };
  return fc
    .tuple(
      fc.oneof(
        scenarioArbitrary(c),
        scenarioArbitrary({ ...c, ...ties }).map(wholeDurations),
        scenarioArbitrary({ ...c, ...ties, maxPredecessors: 0, maxDuration: 2 }).map(wholeDurations),
      ),
      // Or enough capacity that no task waits for its agent: then every task ready at an instant starts in it.
      fc.oneof(fc.integer({ min: 9, max: 16 }), fc.constant(maxTasks)),
      fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined, freq: 4 }),
    )
    .map(([s, boost, fan]) => widen(workOnly(s), boost, fan));
}

/** Most tasks starting at one instant of a run (every task starts once in a work-only run). */
function widestInstant(taskStart: Float64Array): number {
  const starts = new Map<number, number>();
  let most = 0;
  for (const t of taskStart) {
    const n = (starts.get(t) ?? 0) + 1;
    starts.set(t, n);
    if (n > most) most = n;
  }
  return most;
}

/** What `agreeOnRuns` checked: runs compared, and those of them with an instant where more than 16 tasks start together. */
interface Checked {
  compared: number;
  wide: number;
}

/**
 * Runs 0..runs−1 of every strategy the work-only path applies to, on both paths, and expects
 * the same results, metrics included; one engine switching paths must leave nothing behind.
 */
function agreeOnRuns(scenario: Scenario, seed: number, runs: number, checked: Checked): void {
  const model = compileModel(scenario);
  const inputs = createRunInputs(model);
  for (const [name, strategy] of Object.entries(model.strategies)) {
    if (!WorkOnlySchedule.applies(model, strategy)) continue;
    const fast = new Engine(model, strategy);
    const general = new Engine(model, strategy);
    for (let run = 0; run < runs; run++) {
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
      checked.compared++;
      // (sequential starts one task at a time, though zero-length tasks may share a start time)
      if (strategy.topology !== 'sequential' && widestInstant(generalState.taskStart) > 16) checked.wide++;
    }
  }
}

describe('WorkOnlySchedule', () => {
  test('a work-only run gives exactly the general engine: every time, counter, critical link and metric', () => {
    const checked: Checked = { compared: 0, wide: 0 };
    fc.assert(
      fc.property(scenarioArbitrary({ maxGates: 0, maxTasks: 14, maxAgents: 4, maxCapacity: 3 }), fc.integer({ min: 0, max: 1e6 }), (scenario, seed) => {
        agreeOnRuns(workOnly(scenario), seed, 4, checked);
      }),
      fcParams(71),
    );
    // ideal and sequential always apply, so the property cannot pass vacuously.
    expect(checked.compared).toBeGreaterThanOrEqual(2 * 4 * 500);
  });

  // More than 16 tasks starting in one instant take the fast path's other sort: at time 0 on
  // agents of large capacity, and when one task's end readies many successors.
  test('a work-only run gives exactly the general engine when more than 16 tasks start in one instant', () => {
    const checked: Checked = { compared: 0, wide: 0 };
    const params = fcParams<[Scenario, number]>(72);
    const cases = Math.max(1, Math.round((params.numRuns ?? 500) / 2));
    fc.assert(
      fc.property(wideArbitrary(30, 80), fc.integer({ min: 0, max: 1e6 }), (scenario, seed) => {
        agreeOnRuns(scenario, seed, 2, checked);
      }),
      { ...params, numRuns: cases },
    );
    // ideal and sequential always apply; runs with a wide instant (over 400 of 1,000 with the
    // default seed, none of them sequential's) are at least half of ideal's.
    expect(checked.compared).toBeGreaterThanOrEqual(2 * 2 * cases);
    expect(checked.wide).toBeGreaterThanOrEqual(cases);
  });

  test('a work-only run of a few hundred tasks gives exactly the general engine', () => {
    const checked: Checked = { compared: 0, wide: 0 };
    const params = fcParams<[Scenario, number]>(73);
    const cases = Math.max(1, Math.round((params.numRuns ?? 500) / 20));
    fc.assert(
      fc.property(wideArbitrary(150, 400), fc.integer({ min: 0, max: 1e6 }), (scenario, seed) => {
        agreeOnRuns(scenario, seed, 1, checked);
      }),
      // Shrinking hundreds of tasks takes minutes; the property above finds small counterexamples.
      { ...params, numRuns: cases, endOnFailure: true },
    );
    expect(checked.compared).toBeGreaterThanOrEqual(2 * cases);
    // Every run of ideal has a wide instant (half the tasks or more have no predecessor).
    expect(checked.wide).toBeGreaterThanOrEqual(cases);
  });

  // 20 tasks of duration 1 start in one instant on two agents and all end together. Equal ends
  // are taken in start order and the starts go in rank order (file order here) across agents,
  // so the last end, which sets the makespan and ends the critical path, is that of the last
  // task in the file, though it sits on a0, whose picks come first.
  test.each([
    ['at time 0', false, [19]],
    ['at the end of one task with 20 successors', true, [0, 20]],
  ])('a work-only run starts the more than 16 tasks of one instant in rank order across agents (%s)', (_name, fan, path) => {
    const first = fan ? 1 : 0; // the first task of the wide instant
    const last = first + 19;
    const tasks = Array.from({ length: last + 1 }, (_, i) => ({
      id: `t${i}`,
      // a0: t0 with fan, then every other task of the instant from the first, and the last.
      agent: i < first || (i - first) % 2 === 0 || i === last ? 'a0' : 'a1',
      duration: 1,
      after: i >= first && fan ? ['t0'] : undefined,
    }));
    const model = compileModel({ name: 'wide', time_unit: 'day', agents: [{ id: 'a0', capacity: 11 }, { id: 'a1', capacity: 11 }], tasks });
    const inputs = sampleRunInputs(model, 1, 0, createRunInputs(model));
    const fast = results(new Engine(model, model.strategies.ideal).run(inputs, { seed: 1, run: 0 }));
    const general = results(new Engine(model, model.strategies.ideal).run(inputs, { seed: 1, run: 0, general: true }));
    expect(fast.taskStart).toEqual(tasks.map((_, i) => (i < first ? 0 : first)));
    expect(fast.makespan).toBe(first + 1);
    expect(fast.criticalPath).toEqual(path);
    expect(fast).toStrictEqual(general);
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
