import { describe, expect, test } from 'vitest';
import type { Scenario, TaskSpec } from '../../src/scenario/Scenario.js';
import { simulate } from '../../src/engine/simulate.js';
import { checkInvariants } from '../../src/testing/index.js';

/**
 * Graham (1969), "Bounds on multiprocessing timing anomalies", SIAM J. Appl. Math. 17(2):
 * list scheduling of T1..T9 (times 3,2,2,2,4,4,4,4,9; T1 → T9, T4 → T5..T8) on 3 processors,
 * list in index order, finishes at 12. Here the processors are agents sharing a skill, the
 * list is file order, and `ideal` is pure list scheduling (docs/semantics.md §3).
 */
function graham(options: { processors?: number; shorten?: number; drop?: boolean } = {}): Scenario {
  const { processors = 3, shorten = 0, drop = false } = options;
  const times = [3, 2, 2, 2, 4, 4, 4, 4, 9];
  const after: Record<number, string[]> = { 9: ['T1'], 5: ['T4'], 6: ['T4'], 7: ['T4'], 8: ['T4'] };
  if (drop) {
    after[5] = [];
    after[6] = [];
  }
  const tasks: TaskSpec[] = times.map((d, i) => ({ id: `T${i + 1}`, skill: 'dev', duration: d - shorten, ...(after[i + 1]?.length ? { after: after[i + 1] } : {}) }));
  const agents = Array.from({ length: processors }, (_, i) => ({ id: `P${i + 1}`, skills: ['dev'] }));
  return { name: 'Graham 1969', time_unit: 'day', agents, tasks, strategy: 'ideal' };
}

const makespan = (s: Scenario) => {
  const r = simulate(s, { trace: true });
  expect(checkInvariants(s, r)).toEqual([]);
  return r.metrics.makespan;
};

describe("Graham's list-scheduling anomalies (the engine must show them, they are not bugs)", () => {
  test('simulate(Graham 1969, 3 agents) finishes at 12, as list scheduling does', () => {
    expect(makespan(graham())).toBe(12);
  });

  test('shortening every task by 1 makes the project longer: 13 > 12', () => {
    expect(makespan(graham({ shorten: 1 }))).toBe(13);
  });

  test('adding a fourth agent makes the project longer: 15 > 12', () => {
    expect(makespan(graham({ processors: 4 }))).toBe(15);
  });

  test('removing dependencies (T4 → T5, T4 → T6) makes the project longer: 16 > 12', () => {
    expect(makespan(graham({ drop: true }))).toBe(16);
  });

  test('so "a cheaper plan never finishes later" is no invariant: the shortened run is still sound', () => {
    const base = simulate(graham(), {}).metrics;
    const cheaper = simulate(graham({ shorten: 1 }), {}).metrics;
    expect(cheaper.workTime).toBeLessThan(base.workTime);
    expect(cheaper.makespan).toBeGreaterThan(base.makespan);
  });
});
