import { describe, expect, test } from 'vitest';
import type { Scenario } from '../../src/models/Scenario.js';
import { checkScenario, shrinkScenario } from '../../src/testing/index.js';

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

  // Relies on the engine bug pinned in test/invariants/knownBugs.test.ts (a meeting past the
  // makespan): when it is fixed, this scenario passes and this test needs another failure.
  test('checkScenario finds a violation, names its replay, and shrinks it to a minimal counterexample', () => {
    const r = checkScenario(noisy, { runs: 50, strategies: ['st'] });
    expect(r.ok).toBe(false);
    expect(r.violations[0]).toMatchObject({ invariant: 'accounting', strategy: 'st', seed: 1 });
    const c = r.counterexample!;
    expect(c.invariant).toBe('accounting');
    expect(c.scenario.tasks.map((t) => t.id)).toEqual(['T1', 'T2']);
    expect(c.scenario.gates).toBeUndefined();
    expect(Object.keys(c.scenario.strategies!)).toEqual(['st']);
  });
});
