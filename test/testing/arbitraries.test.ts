import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseScenario } from '../../src/scenario/parseScenario.js';
import { compileModel } from '../../src/engine/compileModel.js';
import { distribution } from '../../src/sim/distributions/index.js';
import { distributionArbitrary, FAMILY_NAMES, resolveScenarioConstraints, runCaseArbitrary, scenarioArbitrary } from '../../src/testing/index.js';

describe('scenarioArbitrary', () => {
  test('scenarioArbitrary() generates scenarios that parseScenario accepts as they are', () => {
    fc.assert(
      fc.property(scenarioArbitrary({ maxTasks: 12 }), (s) => {
        expect(parseScenario(JSON.stringify(s), 'generated.json')).toEqual(s);
        compileModel(s);
      }),
      { numRuns: 500 },
    );
  });

  test('scenarioArbitrary() reaches every mechanism', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(scenarioArbitrary(), (s) => {
        for (const t of s.tasks) seen.add(t.skill ? 'skill' : 'agent');
        if (s.tasks.some((t) => t.after?.some((a) => typeof a === 'string' && a.startsWith('g')))) seen.add('after-gate');
        for (const a of s.agents) if (((a.capacity as number | undefined) ?? 1) > 1) seen.add('capacity');
        for (const g of s.gates ?? []) {
          if (g.outcomes?.remediate) seen.add(g.remediation?.blocking === false ? 'parallel-remediation' : 'blocking-remediation');
          if (g.outcomes?.fail) seen.add('fail');
          if (g.after.some((a) => a.startsWith('g'))) seen.add('gate-after-gate');
        }
        for (const r of s.risks ?? []) seen.add(r.delay !== undefined ? 'risk-delay' : 'risk-work');
        for (const st of Object.values(s.strategies ?? {})) {
          seen.add(st.topology);
          if (st.handoff) seen.add(st.handoff.batched ? 'batched' : 'handoff');
          if (st.status?.per_peer !== undefined) seen.add('per-peer');
          if (st.checkpoint) seen.add('checkpoint');
          if (st.escalation) seen.add('escalation');
          if (st.leads) seen.add('leads');
        }
      }),
      { numRuns: 500, seed: 1 },
    );
    expect([...seen].sort()).toEqual(
      ['agent', 'skill', 'after-gate', 'capacity', 'parallel-remediation', 'blocking-remediation', 'fail', 'gate-after-gate', 'risk-delay', 'risk-work',
        'hub', 'mesh', 'hierarchy', 'handoff', 'batched', 'per-peer', 'checkpoint', 'escalation', 'leads'].sort(),
    );
  });

  test('scenarioArbitrary(constraints) respects the sizes it is given', () => {
    fc.assert(
      fc.property(scenarioArbitrary({ minTasks: 3, maxTasks: 5, maxAgents: 2, maxGates: 0, maxRisks: 0, maxStrategies: 0 }), (s) => {
        expect(s.tasks.length).toBeGreaterThanOrEqual(3);
        expect(s.tasks.length).toBeLessThanOrEqual(5);
        expect(s.agents.length).toBeLessThanOrEqual(2);
        expect(s.gates).toBeUndefined();
        expect(s.risks).toBeUndefined();
        expect(s.strategies).toBeUndefined();
      }),
    );
  });

  test('resolveScenarioConstraints rejects bad constraints, naming the value', () => {
    expect(() => resolveScenarioConstraints({ minTasks: 4, maxTasks: 2 })).toThrow(/scenarioArbitrary: expected minTasks <= maxTasks, got \[4,2\]/);
    expect(() => resolveScenarioConstraints({ maxAgents: 0 })).toThrow(/maxAgents to be an integer >= 1, got 0/);
  });
});

describe('distributionArbitrary', () => {
  test.each(FAMILY_NAMES)('distributionArbitrary({families: [%s]}) builds, within max', (family) => {
    fc.assert(
      fc.property(distributionArbitrary({ families: [family], max: 3 }), (spec) => {
        const d = distribution(spec);
        expect(d.min).toBeGreaterThanOrEqual(0);
        if (family !== 'lognormal' && family !== 'normal') expect(d.max).toBeLessThanOrEqual(3);
      }),
      { numRuns: 200 },
    );
  });
});

describe('runCaseArbitrary', () => {
  test('runCaseArbitrary(scenario) picks strategies of that scenario', () => {
    fc.assert(
      fc.property(runCaseArbitrary({ maxStrategies: 2 }), (c) => {
        expect(compileModel(c.scenario).strategyNames).toContain(c.strategy);
      }),
      { numRuns: 200 },
    );
  });
});
