import { describe, expect, test } from 'vitest';
import type { Scenario } from '../../src/scenario/Scenario.js';
import { compileModel } from '../../src/engine/compileModel.js';
import { simulate } from '../../src/engine/simulate.js';
import { checkScenario, shrinkScenario, type ScenarioProperty } from '../../src/testing/index.js';

const noisy: Scenario = {
  name: 'noisy',
  time_unit: 'day',
  agents: [{ id: 'X', skills: ['s'] }, { id: 'Y', skills: ['s'] }, { id: 'Z', team: 'red', capacity: 2 }],
  tasks: [
    { id: 'T1', skill: 's', duration: 10 },
    { id: 'T2', agent: 'Y', duration: 6 },
    { id: 'T3', agent: 'Z', duration: { pert: [1, 2, 3] }, priority: 1 },
    { id: 'T4', agent: 'Z', duration: 1, after: ['T3', 'G'] },
  ],
  gates: [{ id: 'G', after: ['T3'], review: 0.5, outcomes: { pass: 0.5, fail: 0.5 } }],
  risks: [{ id: 'R', task: 'T3', probability: 0.5, delay: 1 }],
  strategy: 'st',
  strategies: {
    st: { topology: 'mesh', status: { every: 5, effort: { uniform: [0, 4.9] } }, checkpoint: { every: 3, duration: 0.1 } },
    other: { topology: 'hub', handoff: { effort: 0.2 } },
  },
};

describe('shrinkScenario', () => {
  test('shrinkScenario drops everything the failure does not need, keeping the scenario valid', () => {
    // A made-up failure: "some task of Z is after gate G".
    const fails = (s: Scenario) => s.tasks.some((t) => t.agent === 'Z' && t.after?.includes('G'));
    const { scenario, steps } = shrinkScenario(noisy, fails, { strategy: 'st' });
    expect(scenario.tasks.map((t) => t.id)).toEqual(['T3', 'T4']);
    expect(scenario.tasks[1]).toEqual({ id: 'T4', agent: 'Z', duration: 1, after: ['G'] });
    expect(scenario.gates).toEqual([{ id: 'G', after: ['T3'], outcomes: { pass: 0.5, fail: 0.5 } }]);
    expect(scenario.risks).toBeUndefined();
    expect(Object.keys(scenario.strategies ?? {})).toEqual(['st']);
    expect(steps).toContain('drop task T1');
  });

  test('shrinkScenario stops at its attempt budget', () => {
    expect(shrinkScenario(noisy, () => true, { maxAttempts: 3 }).attempts).toBe(3);
  });
});

describe('checkScenario', () => {
  test('checkScenario(seed-like scenario) reports every strategy and no violation', () => {
    const r = checkScenario({ ...noisy, strategies: { other: noisy.strategies!.other }, strategy: 'other' }, { runs: 20 });
    expect(r).toMatchObject({ ok: true, runs: 20, seed: 1, strategies: ['other', 'ideal', 'sequential'], violations: [], counterexample: null });
  });

  test('checkScenario checks a user property, names its replay, and shrinks it to a minimal counterexample', () => {
    // "Z's work is done by day 3": T4 waits for gate G, whose failures send T3 back for rework.
    const zEarly: ScenarioProperty = {
      name: 'z-early',
      check: ({ metrics }) => (metrics.tasks.T4.finish > 3 ? `T4 finishes at ${metrics.tasks.T4.finish}` : null),
    };
    const r = checkScenario(noisy, { runs: 50, strategies: ['st'], properties: [zEarly] });
    expect(r.ok).toBe(false);
    expect(r.violations[0]).toMatchObject({ invariant: 'z-early', strategy: 'st', seed: 1 });
    expect(r.violations.every((v) => v.invariant === 'z-early')).toBe(true); // the engine's invariants hold
    const c = r.counterexample!;
    expect(c.invariant).toBe('z-early');
    expect(c.scenario.tasks.map((t) => t.id)).toEqual(['T3', 'T4']);
    expect(c.scenario.tasks.some((t) => t.id === 'T1')).toBe(false);
    expect(Object.keys(c.scenario.strategies!)).toEqual(['st']);
    const replay = simulate(c.scenario, { strategy: 'st', seed: 1, run: c.run });
    expect(zEarly.check(replay, compileModel(c.scenario))).not.toBeNull();
  });
});
