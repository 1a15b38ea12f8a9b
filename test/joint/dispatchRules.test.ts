import { describe, expect, test } from 'vitest';
import { compileModel } from '../../src/engine/compileModel.js';
import { dispatchRanks, ruleKeys } from '../../src/engine/dispatchRules.js';
import { simulate } from '../../src/engine/simulate.js';
import type { Scenario } from '../../src/scenario/Scenario.js';
import { validateScenario } from '../../src/scenario/validateScenario.js';
import { checkInvariants } from '../../src/testing/index.js';

/**
 * A network where the five rules disagree (docs/semantics.md §18, example `dispatch-lft`): A, B,
 * C, D on r; X after B, Y after C, Z after D and W after Z on s. Means: A 2, B 3, C 1, D 4, X 3,
 * Y 4, Z 1, W 1. By hand: the longest path is D, Z, W = 6, so the latest finishes are A 6, B 6 − 3
 * = 3, C 6 − 4 = 2, D 6 − 1 − 1 = 4, X 6, Y 6, Z 5, W 6; successors (MTS) A 0, B 1, C 1, D 2, Z 1;
 * GRPW A 2, B 3 + 3 = 6, C 1 + 4 = 5, D 4 + 1 = 5, X 3, Y 4, Z 1 + 1 = 2, W 1.
 */
const network: Scenario = {
  name: 'rules',
  time_unit: 'day',
  agents: [{ id: 'r' }, { id: 's' }],
  tasks: [
    { id: 'A', agent: 'r', duration: 2 },
    { id: 'B', agent: 'r', duration: 3 },
    { id: 'C', agent: 'r', duration: 1 },
    { id: 'D', agent: 'r', duration: 4 },
    { id: 'X', agent: 's', duration: 3, after: ['B'] },
    { id: 'Y', agent: 's', duration: 4, after: ['C'] },
    { id: 'Z', agent: 's', duration: 1, after: ['D'] },
    { id: 'W', agent: 's', duration: 1, after: ['Z'] },
  ],
  strategy: 'ideal',
};

/** Each rule's whole timeline, worked out by hand: [task, start, finish] in start order, and the makespan. */
const TIMELINES = {
  // r: A, B, C, D. s: X ready 5, Y at 6 waits for X, Z at 10 waits for Y.
  'file-order': { makespan: 14, starts: [['A', 0, 2], ['B', 2, 5], ['C', 5, 6], ['X', 5, 8], ['D', 6, 10], ['Y', 8, 12], ['Z', 12, 13], ['W', 13, 14]] },
  // r: C (2), B (3), D (4), A (6). s: Y at 1, X at 4 waits for Y, Z at 8.
  lft: { makespan: 10, starts: [['C', 0, 1], ['B', 1, 4], ['Y', 1, 5], ['D', 4, 8], ['X', 5, 8], ['Z', 8, 9], ['A', 8, 10], ['W', 9, 10]] },
  // r: D (2 successors), B (1), C (1, later in the file), A. s: Z at 4, W, X at 7, Y at 8 waits for X.
  mts: { makespan: 14, starts: [['D', 0, 4], ['B', 4, 7], ['Z', 4, 5], ['W', 5, 6], ['C', 7, 8], ['X', 7, 10], ['A', 8, 10], ['Y', 10, 14]] },
  // r: B (6), C (5), D (5, later in the file), A (2). s: X at 3, Y at 4 waits for X, Z at 8 waits for Y.
  grpw: { makespan: 12, starts: [['B', 0, 3], ['C', 3, 4], ['X', 3, 6], ['D', 4, 8], ['Y', 6, 10], ['A', 8, 10], ['Z', 10, 11], ['W', 11, 12]] },
  // r: C (1), A (2), B (3), D (4). s: Y at 1, X at 6, Z at 10.
  spt: { makespan: 12, starts: [['C', 0, 1], ['A', 1, 3], ['Y', 1, 5], ['B', 3, 6], ['X', 6, 9], ['D', 6, 10], ['Z', 10, 11], ['W', 11, 12]] },
} as const;

describe('dispatch rules', () => {
  test('ruleKeys(model, rule) are the hand-computed values (MTS and GRPW negated: smaller first)', () => {
    const m = compileModel(network);
    expect(Array.from(ruleKeys(m, 'lft'))).toEqual([6, 3, 2, 4, 6, 6, 5, 6]);
    expect(Array.from(ruleKeys(m, 'mts'))).toEqual([-0, -1, -1, -2, -0, -0, -1, -0]);
    expect(Array.from(ruleKeys(m, 'grpw'))).toEqual([-2, -6, -5, -5, -3, -4, -2, -1]);
    expect(Array.from(ruleKeys(m, 'spt'))).toEqual([2, 3, 1, 4, 3, 4, 1, 1]);
  });

  for (const [rule, expected] of Object.entries(TIMELINES)) {
    test(`${rule}: the whole timeline, by hand`, () => {
      const s = { ...network, dispatch: rule as keyof typeof TIMELINES };
      const r = simulate(s, { trace: true });
      const rows = r.trace.filter((x) => x.kind === 'task_start').map((x) => [x.task, x.time, x.time + x.duration]);
      expect(rows).toEqual(expected.starts);
      expect(r.metrics.makespan).toBe(expected.makespan);
      expect(checkInvariants(s, r)).toEqual([]);
      // The same on the work-only path (untraced).
      expect(simulate(s, { trace: false }).metrics.makespan).toBe(expected.makespan);
    });
  }

  test('priority comes before the rule, file order after it', () => {
    const s: Scenario = { ...network, dispatch: 'lft', tasks: network.tasks.map((t) => (t.id === 'A' ? { ...t, priority: 1 } : t)) };
    const ranks = Array.from(dispatchRanks(compileModel(s), compileModel(s).strategies.ideal));
    // A first (priority), then by LFT: C 2, B 3, D 4, Z 5, then X, Y, W (6, file order).
    expect(ranks).toEqual([0, 2, 1, 3, 5, 6, 4, 7]);
  });

  test("a strategy's dispatch and pick override the scenario's", () => {
    const s: Scenario = { ...network, dispatch: 'spt', pick: 'least-busy', strategies: { plan: { topology: 'ideal', dispatch: 'lft', pick: 'first' }, same: { topology: 'ideal' } } };
    const m = compileModel(validateScenario(s));
    expect([m.strategies.plan.pick, m.strategies.same.pick]).toEqual(['first', 'least-busy']);
    expect(m.strategies.plan.dispatch.rule).toBe('lft');
    expect(m.strategies.same.dispatch.rule).toBe('spt');
    expect(m.strategies.ideal.dispatch.rule).toBe('spt');
    expect(simulate(m, { strategy: 'plan' }).metrics.makespan).toBe(10);
    expect(simulate(m, { strategy: 'same' }).metrics.makespan).toBe(12);
  });
});
