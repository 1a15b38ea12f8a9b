import { describe, expect, test } from 'vitest';
import type { Scenario } from '../../src/scenario/Scenario.js';
import { simulate } from '../../src/engine/simulate.js';
import { timeline } from './_setup.js';

/** Two producers on different agents, each feeding one task of a third agent. */
const handoffs = (topology: 'hub' | 'mesh'): Scenario => ({
  name: 'handoffs',
  time_unit: 'day',
  orchestrator: { capacity: 1 },
  agents: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
  tasks: [
    { id: 's1', agent: 'a', duration: 2 },
    { id: 's2', agent: 'b', duration: 2 },
    { id: 'n1', agent: 'c', duration: 1, after: ['s1'] },
    { id: 'n2', agent: 'c', duration: 1, after: ['s2'] },
  ],
  strategy: topology,
  strategies: { [topology]: { topology, handoff: { effort: 1 } } },
});

describe('coordination timelines (docs/semantics.md §5, §9), computed by hand', () => {
  test('hub: handoffs queue at an orchestrator of capacity 1, first come first served', () => {
    // Coordination jobs are dispatched before tasks at an instant (both start at 3 anyway).
    expect(timeline(handoffs('hub'))).toEqual([
      '0 task_ready s1 a', '0 task_ready s2 b', '0 task_start s1 a', '0 task_start s2 b',
      '2 task_finish s1 a', '2 task_finish s2 b', '2 handoff_start n1 orchestrator',
      '3 handoff_finish n1 orchestrator', '3 task_ready n1 c', '3 handoff_start n2 orchestrator', '3 task_start n1 c',
      '4 handoff_finish n2 orchestrator', '4 task_ready n2 c', '4 task_finish n1 c', '4 task_start n2 c',
      '5 task_finish n2 c',
    ]);
  });

  test('mesh: the receiver pays both handoffs, before it starts the work they unblock', () => {
    expect(timeline(handoffs('mesh'))).toEqual([
      '0 task_ready s1 a', '0 task_ready s2 b', '0 task_start s1 a', '0 task_start s2 b',
      '2 task_finish s1 a', '2 task_finish s2 b', '2 handoff_start n1 c',
      '3 handoff_finish n1 c', '3 task_ready n1 c', '3 handoff_start n2 c',
      '4 handoff_finish n2 c', '4 task_ready n2 c', '4 task_start n1 c',
      '5 task_finish n1 c', '5 task_start n2 c',
      '6 task_finish n2 c',
    ]);
  });

  test('a checkpoint interrupts and extends a running task, and skips an agent that has not started', () => {
    const s: Scenario = {
      name: 'checkpoint',
      time_unit: 'day',
      agents: [{ id: 'a' }, { id: 'b' }],
      tasks: [
        { id: 't1', agent: 'a', duration: 3 },
        { id: 't2', agent: 'b', duration: 1, after: ['t1'] },
      ],
      strategy: 'weekly',
      strategies: { weekly: { topology: 'mesh', checkpoint: { every: 2, duration: 0.5 } } },
    };
    // At 2 only a is engaged (b has not started): t1 ends at 3.5, not 3. At 4 a is done, b is engaged.
    expect(timeline(s)).toEqual([
      '0 task_ready t1 a', '0 task_start t1 a',
      '2 checkpoint a',
      '3.5 task_finish t1 a', '3.5 task_ready t2 b', '3.5 task_start t2 b',
      '4 checkpoint b',
      '5 task_finish t2 b',
    ]);
    const m = simulate(s, {}).metrics;
    expect([m.makespan, m.coordinationTime, m.workTime]).toEqual([5, 1, 4]);
  });
});
