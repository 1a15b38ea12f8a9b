// An example of a user's own property tests, as docs/property-testing.md describes them.
// In your project, import from 'coordsim/testing' and 'coordsim' instead of ../../src.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseScenario, simulate } from '../../src/index.js';
import { checkInvariants, gateDoneTime, readTrace, releases, runCaseArbitrary, seedArbitrary } from '../../src/testing/index.js';

const scenario = parseScenario(readFileSync('scenarios/ecommerce-security.yaml', 'utf8'), 'ecommerce-security.yaml');
const WEEK = scenario.units_per_week ?? 5;

describe('properties of the e-commerce security plan', () => {
  test('the payment work never waits on the compliance agent (any strategy, any seed)', () => {
    fc.assert(
      fc.property(runCaseArbitrary(scenario), ({ strategy, seed, run }) => {
        const { trace } = simulate(scenario, { strategy, seed, run });
        for (const r of releases(scenario, trace)) {
          if (r.agent === 'payment') expect(r.byAgent, `${r.task} was released by ${r.by}`).not.toBe('compliance');
        }
      }),
      { numRuns: 300 },
    );
  });

  test('with parallel remediation, the security-integration gate is done when its last review ends', () => {
    const parallel = ['orchestrator', 'mesh', 'daily-checkpoints', 'batched-handoffs'];
    fc.assert(
      fc.property(fc.constantFrom(...parallel), seedArbitrary(), (strategy, { seed, run }) => {
        const { trace } = simulate(scenario, { strategy, seed, run });
        const reviews = readTrace(trace).executions.filter((e) => e.kind === 'review' && e.gate === 'security-integration');
        expect(gateDoneTime(trace, 'security-integration')).toBe(Math.max(...reviews.map((e) => e.finish)));
      }),
      { numRuns: 300 },
    );
  });

  test('the scenario keeps every scheduling invariant, whatever the run', () => {
    fc.assert(
      fc.property(runCaseArbitrary(scenario), ({ strategy, seed, run }) => {
        expect(checkInvariants(scenario, simulate(scenario, { strategy, seed, run }))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  test('"the security-integration gate always runs before week 4" is false: fast-check finds the run that breaks it', () => {
    const before = fc.property(seedArbitrary(), ({ seed, run }) => {
      const { trace } = simulate(scenario, { strategy: 'orchestrator', seed, run });
      return gateDoneTime(trace, 'security-integration')! < 3 * WEEK;
    });
    const result = fc.check(before, { numRuns: 1000, seed: 42 });
    expect(result.failed).toBe(true);
    // The shrunk counterexample is the seed and run to replay: coordsim run … --seed S --run i.
    const [{ seed, run }] = result.counterexample!;
    const { trace } = simulate(scenario, { strategy: 'orchestrator', seed, run });
    expect(gateDoneTime(trace, 'security-integration')).toBeGreaterThanOrEqual(3 * WEEK);
  });
});
