import { describe, expect, test } from 'vitest';
import type { GateSpec, Scenario } from '../../src/scenario/Scenario.js';
import { simulate } from '../../src/engine/simulate.js';
import { timeline } from './_setup.js';

/** w (agent a) → gate g (orchestrator review of 1) → s (agent b). */
const gated = (gate: Omit<GateSpec, 'id' | 'after'>): Scenario => ({
  name: 'gate',
  time_unit: 'day',
  agents: [{ id: 'a' }, { id: 'b' }],
  tasks: [
    { id: 'w', agent: 'a', duration: 2 },
    { id: 's', agent: 'b', duration: 1, after: ['g'] },
  ],
  gates: [{ id: 'g', after: ['w'], review: 1, ...gate }],
  strategy: 'blocking',
  strategies: {
    blocking: { topology: 'hub', remediation: { blocking: true } },
    parallel: { topology: 'hub', remediation: { blocking: false } },
  },
});

describe('gate timelines (docs/semantics.md §8), computed by hand', () => {
  const remediate = gated({ outcomes: { pass: 0, remediate: 1 }, remediation: { effort: 1.5 } });

  test('a blocking remediation holds the gate: s starts when it ends', () => {
    expect(timeline(remediate, 'blocking')).toEqual([
      '0 task_ready w a', '0 task_start w a',
      '2 task_finish w a', '2 gate_review_start g orchestrator',
      '3 gate_review_finish g orchestrator', '3 gate_outcome w a', '3 remediation_start w a',
      '4.5 remediation_finish w a', '4.5 gate_done g', '4.5 task_ready s b', '4.5 task_start s b',
      '5.5 task_finish s b',
    ]);
  });

  test('a parallel remediation lets s go on; the makespan is the remediation end', () => {
    expect(timeline(remediate, 'parallel')).toEqual([
      '0 task_ready w a', '0 task_start w a',
      '2 task_finish w a', '2 gate_review_start g orchestrator',
      '3 gate_review_finish g orchestrator', '3 gate_outcome w a', '3 gate_done g', '3 task_ready s b',
      '3 remediation_start w a', '3 task_start s b',
      '4 task_finish s b', '4.5 remediation_finish w a',
    ]);
    expect(simulate(remediate, { strategy: 'parallel' }).metrics.makespan).toBe(4.5);
  });

  test('fail → rework of half the task → a second round, which is the last (max_rounds 2)', () => {
    const s = gated({ outcomes: { fail: 1 }, rework: { fraction: 0.5 }, max_rounds: 2 });
    expect(timeline(s)).toEqual([
      '0 task_ready w a', '0 task_start w a',
      '2 task_finish w a', '2 gate_review_start g orchestrator',
      '3 gate_review_finish g orchestrator', '3 gate_outcome w a', '3 task_start w a',
      '4 task_finish w a', '4 gate_review_start g orchestrator',
      '5 gate_review_finish g orchestrator', '5 gate_outcome w a', '5 gate_done g', '5 task_ready s b', '5 task_start s b',
      '6 task_finish s b',
    ]);
    const m = simulate(s, {}).metrics;
    expect(m.gates.g).toEqual({ rounds: 2, outcomes: { pass: 0, remediate: 0, fail: 2 }, exhausted: true });
    expect([m.reworks, m.tasks.w.executions, m.workTime]).toEqual([1, 2, 4]);
  });
});
