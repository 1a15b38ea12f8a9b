import { describe, expect, test } from 'vitest';
import { parseScenario } from '../../src/scenario/parseScenario.js';
import type { Scenario } from '../../src/scenario/Scenario.js';
import { scaleDistribution, scaleScenario } from '../../src/testing/index.js';

describe('scaleScenario', () => {
  test('scaleDistribution(spec, k) multiplies values, not weights or shapes', () => {
    expect(scaleDistribution(3, 2)).toBe(6);
    expect(scaleDistribution({ pert: [1, 2, 4] }, 0.5)).toEqual({ pert: [0.5, 1, 2] });
    expect(scaleDistribution({ lognormal: { median: 2, p90: 3 } }, 2)).toEqual({ lognormal: { median: 4, p90: 6 } });
    expect(scaleDistribution({ normal: { mean: 2, sd: 1 } }, 4)).toEqual({ normal: { mean: 8, sd: 4 } });
    expect(scaleDistribution({ discrete: [[1, 3], [2, 1]] }, 2)).toEqual({ discrete: [[2, 3], [4, 1]] });
  });

  test('scaleScenario(s, k) scales every time quantity and leaves probabilities, fractions and the input alone', () => {
    const s: Scenario = {
      name: 'x',
      time_unit: 'day',
      deadline: 10,
      agents: [{ id: 'a', capacity: 2 }],
      tasks: [{ id: 't', agent: 'a', duration: { uniform: [1, 3] }, priority: 1 }],
      gates: [{ id: 'g', after: ['t'], review: 1, outcomes: { pass: 0.5, remediate: 0.5 }, remediation: { effort: 2 }, rework: { fraction: 0.5 } }],
      risks: [{ id: 'r', task: 't', probability: 0.3, delay: 1, work: 2 }],
      strategies: {
        hub: {
          topology: 'hub',
          handoff: { effort: 0.5, batched: true },
          status: { every: 1, effort: 0.1, per_peer: 0.05 },
          checkpoint: { every: 5, offset: 2, duration: 0.5 },
          escalation: { probability: 0.1, delay: 1, effort: 0.25 },
        },
      },
    };
    const before = structuredClone(s);
    const x = scaleScenario(s, 2);
    expect(s).toEqual(before);
    expect(x.deadline).toBe(20);
    expect(x.tasks[0]).toEqual({ id: 't', agent: 'a', duration: { uniform: [2, 6] }, priority: 1 });
    expect(x.gates![0]).toMatchObject({ review: 2, outcomes: { pass: 0.5, remediate: 0.5 }, remediation: { effort: 4 }, rework: { fraction: 0.5 } });
    expect(x.risks![0]).toEqual({ id: 'r', task: 't', probability: 0.3, delay: 2, work: 4 });
    expect(x.strategies!.hub).toEqual({
      topology: 'hub',
      handoff: { effort: 1, batched: true },
      status: { every: 2, effort: 0.2, per_peer: 0.1 },
      checkpoint: { every: 10, offset: 4, duration: 1 },
      escalation: { probability: 0.1, delay: 2, effort: 0.5 },
    });
    expect(parseScenario(JSON.stringify(x), 'scaled.json')).toEqual(x);
  });

  test('scaleScenario rejects k <= 0, naming it', () => {
    expect(() => scaleScenario({ name: 'x', time_unit: 'day', agents: [{ id: 'a' }], tasks: [{ id: 't', agent: 'a', duration: 1 }] }, 0)).toThrow(/scaleScenario: expected a finite k > 0, got 0/);
  });
});
