// A strategy's gate_failure.factor scales every gate's chances of remediation and rework.
import { describe, expect, it } from 'vitest';
import { outcomeThresholds } from '../../src/engine/gate.js';
import { compileModel } from '../../src/engine/compileModel.js';
import { simulate } from '../../src/engine/simulate.js';
import type { Scenario } from '../../src/scenario/Scenario.js';
import { validateScenario } from '../../src/scenario/validateScenario.js';

function project(factor?: number): Scenario {
  return validateScenario({
    name: 'gated',
    time_unit: 'day',
    agents: [{ id: 'a' }, { id: 'b' }],
    tasks: [
      { id: 'x', agent: 'a', duration: { pert: [1, 2, 4] } },
      { id: 'y', agent: 'b', duration: 2, after: ['g'] },
    ],
    gates: [{ id: 'g', after: ['x'], review: 0.2, outcomes: { pass: 0.6, remediate: 0.2, fail: 0.2 }, remediation: { effort: 0.5 }, max_rounds: 3 }],
    strategy: 's',
    strategies: { s: { topology: 'mesh', handoff: { effort: 0.1 }, ...(factor === undefined ? {} : { gate_failure: { factor } }) } },
  });
}

const runs = (s: Scenario, n: number) => Array.from({ length: n }, (_, run) => simulate(s, { seed: 11, run, trace: false }).metrics);

describe('gate_failure.factor', () => {
  it('outcomeThresholds scales remediate and fail, pass takes the rest, and normalises past 1', () => {
    const g = compileModel(project()).gates[0];
    expect(outcomeThresholds(g, 1)).toEqual({ pass: 0.6, passOrRemediate: 0.8 });
    const half = outcomeThresholds(g, 0.5); // remediate 0.1, fail 0.1
    expect(half.pass).toBeCloseTo(0.8, 15);
    expect(half.passOrRemediate - half.pass).toBeCloseTo(0.1, 15);
    const over = outcomeThresholds(g, 5); // 1.0 and 1.0 → 0.5 and 0.5, nothing passes
    expect(over).toEqual({ pass: 0, passOrRemediate: 0.5 });
    expect(outcomeThresholds(g, 0)).toEqual({ pass: 1, passOrRemediate: 1 });
  });

  it('1 gives every run exactly as without the key', () => {
    expect(runs(project(1), 40)).toEqual(runs(project(), 40));
  });

  it('0: every review passes (no remediation, no rework), where the gate alone sends work back', () => {
    const plain = runs(project(), 60);
    expect(plain.some((m) => m.remediations + m.reworks > 0)).toBe(true);
    for (const m of runs(project(0), 60)) {
      expect(m.remediations + m.reworks).toBe(0);
      expect(m.gates.g.outcomes.pass).toBe(1);
    }
  });

  it('a factor that leaves no room for pass: no review ever passes, every round sends work back until the rounds run out', () => {
    for (const m of runs(project(5), 30)) {
      expect(m.gates.g.outcomes.pass).toBe(0);
      expect(m.gates.g.outcomes.remediate + m.gates.g.outcomes.fail).toBeGreaterThan(0);
    }
  });

  it('is refused outside 0 … 1000 with the path', () => {
    expect(() => project(-1)).toThrow(/strategies\/s\/gate_failure\/factor/);
    expect(() => project(1001)).toThrow(/strategies\/s\/gate_failure\/factor/);
  });
});
