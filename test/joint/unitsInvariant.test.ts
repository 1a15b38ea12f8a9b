import { describe, expect, test } from 'vitest';
import { simulate, type RunResult } from '../../src/engine/simulate.js';
import type { Scenario } from '../../src/scenario/Scenario.js';
import { checkInvariants, readTrace, type InvariantName } from '../../src/testing/index.js';

/** A joint task, shares of one agent and units of a pool, under a mesh with handoffs, updates and a gate that fails once. */
const scenario: Scenario = {
  name: 'units',
  time_unit: 'day',
  agents: [{ id: 'a', skills: ['qa'] }, { id: 'b', skills: ['qa'] }, { id: 'c', capacity: 1.5, skills: ['qa'] }],
  tasks: [
    { id: 's1', agent: 'c', units: 0.5, duration: 3 },
    { id: 's2', agent: 'c', units: 1, duration: 2 },
    { id: 'j', agents: ['a', 'b'], duration: 2 },
    { id: 'load', needs: [{ skill: 'qa', units: 2 }], duration: 1, after: ['j'] },
  ],
  gates: [{ id: 'g', after: ['j'], review: 0.5, outcomes: { fail: 1 }, max_rounds: 2 }],
  strategy: 'm',
  strategies: { m: { topology: 'mesh', handoff: { effort: 0.25 }, status: { every: 1.5, effort: 0.25 } } },
};

const fresh = (): RunResult => structuredClone(simulate(scenario, { seed: 1 }));
const broken = (r: RunResult): InvariantName[] => [...new Set(checkInvariants(scenario, r).map((v) => v.invariant as InvariantName))];

describe('the units invariant', () => {
  test('a sound run in units breaks nothing; the joint task and its rework hold a and b', () => {
    const r = fresh();
    expect(checkInvariants(scenario, r)).toEqual([]);
    const j = readTrace(r.trace).executions.filter((e) => e.task === 'j');
    expect(j.map((e) => [e.kind, e.holders])).toEqual([
      ['task', [{ agent: 'a', units: 1 }, { agent: 'b', units: 1 }]],
      ['rework', [{ agent: 'a', units: 1 }, { agent: 'b', units: 1 }]],
    ]);
    expect(r.metrics.tasks.j.agents).toEqual(['a', 'b']);
  });

  test('catches a share grown beyond what its agent has (c holds 2 of 1.5)', () => {
    const r = fresh();
    for (const x of r.trace) if (x.task === 's1' && x.kind.startsWith('task_') && x.kind !== 'task_ready') x.detail = 'units 1';
    expect(broken(r)).toContain('units');
  });

  test('catches a joint task on an agent it does not name', () => {
    const r = fresh();
    for (const x of r.trace) if (x.task === 'j' && x.agent === 'b' && (x.kind === 'task_start' || x.kind === 'task_finish') && x.detail === '') x.agent = 'c';
    expect(broken(r)).toContain('units');
  });

  test('catches a pool task that holds fewer units than it needs', () => {
    const r = fresh();
    const rows = r.trace.filter((x) => x.task === 'load' && (x.kind === 'task_start' || x.kind === 'task_finish'));
    expect(rows.length).toBe(4);
    r.trace = r.trace.filter((x) => x !== rows[1] && x !== rows[3]);
    expect(broken(r)).toContain('units');
  });

  test('catches a rework that holds other agents than its first execution', () => {
    const r = fresh();
    for (const x of r.trace) if (x.task === 'j' && x.detail === 'rework for g' && x.agent === 'b') x.agent = 'c';
    expect(broken(r)).toContain('units');
  });
});
