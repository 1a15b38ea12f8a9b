import { describe, expect, test } from 'vitest';
import type { Scenario } from '../../src/scenario/Scenario.js';
import { simulate } from '../../src/engine/simulate.js';
import { checkInvariants } from '../../src/testing/index.js';

/**
 * Engagement (docs/semantics.md §5, §9): meetings fall only on agents that are engaged. X and Y share skill s;
 * the pool task T1 starts on X at 0 and runs to 10, Y's own T2 ends at 7.6. Once T1 is X's,
 * Y is done with all its work and attends no status update at 10 (found by the invariant
 * suite: Y used to attend, its meeting ran past the makespan and its idle time went negative).
 */
describe('engagement', () => {
  const s: Scenario = {
    name: 'meeting past the makespan',
    time_unit: 'day',
    agents: [{ id: 'X', skills: ['s'] }, { id: 'Y', skills: ['s'] }],
    tasks: [
      { id: 'T1', skill: 's', duration: 10 },
      { id: 'T2', agent: 'Y', duration: 6 },
    ],
    strategy: 'st',
    strategies: { st: { topology: 'mesh', status: { every: 5, effort: { uniform: [0, 4.9] } } } },
  };

  test('an agent whose only unfinished eligible task runs on another agent attends no status update', () => {
    const r = simulate(s, { seed: 19 });
    expect(r.trace.filter((x) => x.kind === 'status_update' && x.agent === 'Y' && x.time === 10)).toEqual([]);
    expect(r.trace.filter((x) => x.kind === 'status_update' && x.agent === 'X' && x.time === 10)).toHaveLength(1);
  });

  test('so idle time stays >= 0 and capacityUse <= 1', () => {
    const r = simulate(s, { seed: 19 });
    expect(checkInvariants(s, r, { only: ['accounting', 'utilization', 'meetings'] })).toEqual([]);
    expect(r.metrics.idleTime.byAgent.Y).toBeGreaterThanOrEqual(0);
    expect(r.metrics.capacityUse).toBeLessThanOrEqual(1);
  });

  test('a meeting still running when the last work ends is cut at the makespan (meeting_cut)', () => {
    // At 2 X is engaged (the pool task P, ready once Z's A ends, could be X's) and draws a long
    // status update; A ends during it and P goes to Y, the only free agent with the skill.
    // The project ends when P does, while X is still reporting: the rest of X's update is cut.
    const t: Scenario = {
      name: 'meeting cut',
      time_unit: 'day',
      agents: [{ id: 'Y', skills: ['s'] }, { id: 'X', skills: ['s'] }, { id: 'Z' }],
      tasks: [
        { id: 'A', agent: 'Z', duration: 2 },
        { id: 'B', agent: 'Y', duration: 1 },
        { id: 'C', agent: 'X', duration: 1 },
        { id: 'P', skill: 's', duration: 1, after: ['A'] },
      ],
      strategy: 'st',
      strategies: { st: { topology: 'mesh', status: { every: 2, effort: { uniform: [0, 1.9] } } } },
    };
    const r = simulate(t, { seed: 10 });
    const status = (id: string) => r.trace.find((x) => x.kind === 'status_update' && x.agent === id)!.duration;
    const m = r.metrics;
    expect(m.makespan).toBeCloseTo(2 + status('Z') + 1, 12); // A extended by Z's update, then P
    expect(2 + status('X')).toBeGreaterThan(m.makespan);
    const cut = r.trace[r.trace.length - 1];
    expect(cut).toMatchObject({ kind: 'meeting_cut', agent: 'X', time: m.makespan });
    expect(cut.duration).toBeCloseTo(2 + status('X') - m.makespan, 12);
    expect(m.engagedSpan.byAgent.X.end).toBe(m.makespan);
    expect(m.idleTime.byAgent.X).toBeCloseTo(m.makespan - 1 - (m.makespan - 2), 12); // C's 1 day + the cut update
    expect(checkInvariants(t, r)).toEqual([]);
  });
});
