import { describe, expect, test } from 'vitest';
import type { Scenario } from '../../src/scenario/Scenario.js';
import { simulate } from '../../src/engine/simulate.js';
import { timeline } from './_setup.js';

const base = { name: 'timeline', time_unit: 'day' as const, strategy: 'ideal' };

describe('dispatch timelines (docs/semantics.md §3), computed by hand', () => {
  test('a freed agent takes the highest-priority, then earliest-in-file ready task, including one ready at that very instant', () => {
    const s: Scenario = {
      ...base,
      agents: [{ id: 'x' }],
      tasks: [
        { id: 'a', agent: 'x', duration: 2, priority: 2 },
        { id: 'b', agent: 'x', duration: 1 },
        { id: 'c', agent: 'x', duration: 1, priority: 1, after: ['a'] },
        { id: 'd', agent: 'x', duration: 1, priority: 1 },
      ],
    };
    // At 2, c (ready at 2, priority 1, before d in the file) beats d (priority 1) and b (priority 0).
    expect(timeline(s)).toEqual([
      '0 task_ready a x', '0 task_ready b x', '0 task_ready d x', '0 task_start a x',
      '2 task_finish a x', '2 task_ready c x', '2 task_start c x',
      '3 task_finish c x', '3 task_start d x',
      '4 task_finish d x', '4 task_start b x',
      '5 task_finish b x',
    ]);
  });

  test('a skill task goes to the first free agent with the skill in file order; an agent of capacity 2 runs two at once', () => {
    const s: Scenario = {
      ...base,
      agents: [{ id: 'p', skills: ['dev'] }, { id: 'q', skills: ['dev'], capacity: 2 }, { id: 'r', skills: ['ops'] }],
      tasks: [
        { id: 't1', skill: 'dev', duration: 3 },
        { id: 't2', skill: 'dev', duration: 1 },
        { id: 't3', skill: 'dev', duration: 2 },
        { id: 't4', skill: 'dev', duration: 2 },
        { id: 't5', agent: 'q', duration: 1 },
      ],
    };
    expect(timeline(s)).toEqual([
      '0 task_ready t1', '0 task_ready t2', '0 task_ready t3', '0 task_ready t4', '0 task_ready t5 q',
      '0 task_start t1 p', '0 task_start t2 q', '0 task_start t3 q',
      '1 task_finish t2 q', '1 task_start t4 q',
      '2 task_finish t3 q', '2 task_start t5 q',
      '3 task_finish t1 p', '3 task_finish t4 q', '3 task_finish t5 q',
    ]);
  });

  test('zero-length tasks start and finish within the instant, and their successors start in it too', () => {
    const s: Scenario = {
      ...base,
      agents: [{ id: 'x' }],
      tasks: [
        { id: 'z1', agent: 'x', duration: 0 },
        { id: 'z2', agent: 'x', duration: 0, after: ['z1'] },
        { id: 'w', agent: 'x', duration: 1, after: ['z2'] },
        { id: 'v', agent: 'x', duration: 1, priority: -1 },
      ],
    };
    expect(timeline(s)).toEqual([
      '0 task_ready z1 x', '0 task_ready v x', '0 task_start z1 x', '0 task_finish z1 x',
      '0 task_ready z2 x', '0 task_start z2 x', '0 task_finish z2 x',
      '0 task_ready w x', '0 task_start w x',
      '1 task_finish w x', '1 task_start v x',
      '2 task_finish v x',
    ]);
  });

  test('a risk delay holds the agent without working: work 3, held 1.5, makespan 4.5', () => {
    const s: Scenario = {
      ...base,
      agents: [{ id: 'a' }],
      tasks: [
        { id: 'r1', agent: 'a', duration: 2 },
        { id: 'r2', agent: 'a', duration: 1, after: ['r1'] },
      ],
      risks: [{ id: 'outage', task: 'r1', probability: 1, delay: 1.5 }],
    };
    expect(timeline(s)).toEqual([
      '0 task_ready r1 a', '0 risk r1 a', '0 task_start r1 a',
      '3.5 task_finish r1 a', '3.5 task_ready r2 a', '3.5 task_start r2 a',
      '4.5 task_finish r2 a',
    ]);
    const m = simulate(s, {}).metrics;
    expect([m.workTime, m.heldTime, m.makespan, m.sequentialMakespan]).toEqual([3, 1.5, 4.5, 4.5]);
    expect(m.utilization.byAgent.a).toBeCloseTo(3 / 4.5, 12);
  });
});
