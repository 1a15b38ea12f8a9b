import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { parseScenario } from '../../src/scenario/parseScenario.js';
import { validateScenario } from '../../src/scenario/validateScenario.js';
import { branchedScenarioArbitrary, checkInvariants, checkScenario, seedArbitrary, strategyNames } from '../../src/testing/index.js';

const example = parseScenario(readFileSync(new URL('../../scenarios/branching-risks.yaml', import.meta.url), 'utf8'), 'scenarios/branching-risks.yaml');

describe('checkInvariants with branches, existence risks and drivers', () => {
  test('checkInvariants: every invariant holds on 40 runs of each strategy of scenarios/branching-risks.yaml, and every branch outcome occurs', () => {
    const seen = new Set<string>();
    for (const strategy of ['hub', 'ideal', 'sequential']) {
      for (let run = 0; run < 40; run++) {
        const r = simulate(example, { strategy, run, seed: 7 });
        expect(checkInvariants(example, r), `${strategy} run ${run}`).toEqual([]);
        for (const [b, p] of Object.entries(r.metrics.branches!)) seen.add(`${b}:${p}`);
        for (const id of r.metrics.risksOccurred) seen.add(id);
      }
    }
    // Not vacuous: both sides of every branch, the audit and the driver show up.
    expect([...seen].sort()).toEqual(
      ['late-sandbox:on time', 'late-sandbox:triage', 'new-team', 'pci-findings', 'regulator-audit', 'security-rework:clean', 'security-rework:extra pen-test', 'test-fails:passes', 'test-fails:redesign'].sort(),
    );
  });

  test('checkInvariants: holds on generated scenarios with a branch, an existence risk and a driver (branchedScenarioArbitrary)', () => {
    let branched = 0;
    let skipped = 0;
    fc.assert(
      fc.property(branchedScenarioArbitrary({ maxTasks: 8, maxAgents: 3 }), fc.nat(), seedArbitrary(), (s, k, { seed, run }) => {
        validateScenario(s);
        const names = strategyNames(s);
        const r = simulate(s, { strategy: names[k % names.length], seed, run });
        if (s.branches) branched++;
        if (Object.values(r.metrics.tasks).some((t) => t.skipped || t.absent)) skipped++;
        const v = checkInvariants(s, r);
        if (v.length > 0) throw new Error(v.map((x) => `${x.invariant}: ${x.message}`).join('\n'));
      }),
      { numRuns: 150, seed: 20261201 },
    );
    expect(branched).toBeGreaterThan(50);
    expect(skipped).toBeGreaterThan(20);
  });

  test('checkScenario: determinism and scaling (k = 2: added tasks and finish_after times scale too) hold on the example', () => {
    const report = checkScenario(example, { runs: 10, propertyRuns: 10, shrink: false });
    expect(report.violations).toEqual([]);
  });

  test('the branches invariant catches a skipped task that runs anyway', () => {
    const r = simulate(example, { strategy: 'ideal', run: 0, seed: 7 });
    const t = Object.entries(r.metrics.tasks).find(([, m]) => m.skipped)![0];
    const at = r.trace.findIndex((x) => x.kind === 'task_skipped' && x.task === t);
    const row = r.trace[at];
    const broken = { ...r, trace: [...r.trace.slice(0, at + 1), { ...row, kind: 'task_start' as const, agent: 'qa', duration: 0, detail: '' }, { ...row, kind: 'task_finish' as const, agent: 'qa', detail: '' }, ...r.trace.slice(at + 1)] };
    const v = checkInvariants(example, broken, { only: ['branches', 'completion'] });
    expect(v.some((x) => x.invariant === 'completion' && x.task === t)).toBe(true);
    expect(v.some((x) => x.invariant === 'branches' && x.task === t)).toBe(true);
  });

  test('the branches invariant catches a critical skipped task and a wrong path in the metrics', () => {
    const r = simulate(example, { strategy: 'ideal', run: 0, seed: 7 });
    const [t] = Object.entries(r.metrics.tasks).find(([, m]) => m.skipped)!;
    const metrics = structuredClone(r.metrics);
    metrics.tasks[t].critical = true;
    metrics.branches!['test-fails'] = metrics.branches!['test-fails'] === 'passes' ? 'redesign' : 'passes';
    const v = checkInvariants(example, { ...r, metrics }, { only: ['branches'] });
    expect(v.map((x) => x.message).join('\n')).toMatch(new RegExp(`task ${t} did not run \\(skipped\\) but is on the critical path`));
    expect(v.map((x) => x.message).join('\n')).toMatch(/branch test-fails took '.*' in the trace, the metrics say/);
  });
});
