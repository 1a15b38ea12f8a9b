import { describe, expect, test } from 'vitest';
import type { Scenario } from '../../src/scenario/Scenario.js';
import { simulate, type RunResult } from '../../src/engine/simulate.js';
import type { TraceRecord } from '../../src/engine/TraceRecord.js';
import { checkInvariants, type InvariantName } from '../../src/testing/index.js';

/** A hub with handoffs, a checkpoint, a gate with a parallel remediation and a skill pool. */
const scenario: Scenario = {
  name: 'corruptible',
  time_unit: 'day',
  agents: [{ id: 'a', skills: ['dev'] }, { id: 'b', skills: ['dev'] }, { id: 'c' }],
  tasks: [
    { id: 's1', agent: 'a', duration: 2 },
    { id: 's2', agent: 'b', duration: 3 },
    { id: 'n1', agent: 'c', duration: 1, after: ['s1'] },
    { id: 'n2', agent: 'c', duration: 2, after: ['s2', 'g'] },
    { id: 'p', skill: 'dev', duration: 2, after: ['s1'] },
  ],
  gates: [{ id: 'g', after: ['s1'], review: 0.5, outcomes: { pass: 0, remediate: 1 }, remediation: { effort: 1, blocking: false } }],
  strategy: 'hub',
  strategies: { hub: { topology: 'hub', handoff: { effort: 0.5 }, checkpoint: { every: 1.5, duration: 0.25 } } },
};

const fresh = (): RunResult => structuredClone(simulate(scenario, { seed: 1 }));
const broken = (r: RunResult): InvariantName[] => [...new Set(checkInvariants(scenario, r).map((v) => v.invariant as InvariantName))];
const find = (r: RunResult, f: (x: TraceRecord) => boolean) => {
  const i = r.trace.findIndex(f);
  if (i < 0) throw new Error('row not found');
  return i;
};

describe('checkInvariants on a corrupted run (each invariant really looks at something)', () => {
  test('checkInvariants(sound run) finds nothing', () => {
    expect(checkInvariants(scenario, fresh())).toEqual([]);
  });

  test('clock: a row earlier than the one before it', () => {
    const r = fresh();
    r.trace[find(r, (x) => x.kind === 'task_finish' && x.task === 's2')].time = 0.1;
    expect(broken(r)).toContain('clock');
  });

  test('capacity: a task moved onto an agent that is busy', () => {
    const r = fresh();
    for (const x of r.trace) if (x.task === 'p' && x.kind.startsWith('task_') && x.kind !== 'task_ready') x.agent = 'c';
    expect(broken(r)).toContain('capacity');
  });

  test('dispatch: a skill task given to a later agent while the first one with the skill is free', () => {
    const r = fresh();
    for (const x of r.trace) if (x.task === 'p' && (x.kind === 'task_start' || x.kind === 'task_finish')) x.agent = 'b';
    expect(broken(r)).toContain('dispatch');
  });

  test('durations: a job that ends later than its length plus its meetings', () => {
    const r = fresh();
    const last = r.trace.length - 1;
    r.trace[last].time += 0.5;
    r.metrics.makespan = r.trace[last].time;
    expect(broken(r)).toContain('durations');
  });

  test('dependencies: a successor started before its handoff finished', () => {
    const r = fresh();
    const start = find(r, (x) => x.kind === 'task_start' && x.task === 'n1');
    const handoff = find(r, (x) => x.kind === 'handoff_finish' && x.task === 'n1');
    const [row] = r.trace.splice(start, 1);
    r.trace.splice(handoff, 0, row);
    expect(broken(r)).toContain('dependencies');
  });

  test('handoffs: a hub handoff paid by an agent instead of the orchestrator', () => {
    const r = fresh();
    for (const x of r.trace) if (x.kind.startsWith('handoff_') && x.task === 'n1') x.agent = 'a';
    expect(broken(r)).toContain('handoffs');
  });

  test('completion: a task that never finishes', () => {
    const r = fresh();
    r.trace.splice(find(r, (x) => x.kind === 'task_finish' && x.task === 'n1'), 1);
    expect(broken(r)).toContain('completion');
  });

  test('meetings: an engaged agent missing from a checkpoint', () => {
    const r = fresh();
    r.trace.splice(find(r, (x) => x.kind === 'checkpoint' && x.agent === 'b'), 1);
    expect(broken(r)).toContain('meetings');
  });

  test('accounting: idle time that does not add up', () => {
    const r = fresh();
    r.metrics.idleTime.byAgent.a += 0.5;
    expect(broken(r)).toEqual(['accounting']);
  });

  test('makespan: a makespan that is not the last end', () => {
    const r = fresh();
    r.metrics.makespan += 1;
    expect(broken(r)).toContain('makespan');
  });

  test('utilization: a utilisation above 1', () => {
    const r = fresh();
    r.metrics.utilization.byAgent.c = 1.25;
    expect(broken(r)).toEqual(['utilization']);
  });

  test('checkInvariants(model, run, {only}) checks only the invariants named', () => {
    const r = fresh();
    r.metrics.utilization.byAgent.c = 1.25;
    expect(checkInvariants(scenario, r, { only: ['clock', 'accounting'] })).toEqual([]);
  });
});
