import { describe, expect, test } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import type { Model } from '../../src/engine/Model.js';
import { loadModel } from '../helpers.js';

function meanMakespan(model: Model, strategy: string, n = 200): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += simulate(model, { strategy, seed: 11, run: i, trace: false }).metrics.makespan;
  return s / n;
}

describe('example scenarios', () => {
  test.each(['feature-team-mesh', 'two-team-hierarchy', 'brooks-law-small', 'brooks-law-large', 'ecommerce-security'])(
    '%s runs every strategy it defines',
    (name) => {
      const model = loadModel(`scenarios/${name}.yaml`);
      for (const s of model.strategyNames) {
        const m = simulate(model, { strategy: s, seed: 5, run: 0 }).metrics;
        expect(m.makespan, s).toBeGreaterThan(0);
        expect(m.strategy).toBe(s);
      }
    },
  );

  test("Brooks's law: seven developers finish later than three on the same work", () => {
    const small = meanMakespan(loadModel('scenarios/brooks-law-small.yaml'), 'mesh');
    const large = meanMakespan(loadModel('scenarios/brooks-law-large.yaml'), 'mesh');
    expect(large).toBeGreaterThan(small * 1.1);
    // ...although with free coordination the larger team would not be slower.
    const idealSmall = meanMakespan(loadModel('scenarios/brooks-law-small.yaml'), 'ideal');
    const idealLarge = meanMakespan(loadModel('scenarios/brooks-law-large.yaml'), 'ideal');
    expect(idealLarge).toBeLessThan(idealSmall * 1.05);
  });

  test('the hierarchy routes in-team handoffs through the lead and cross-team ones to the orchestrator', () => {
    const model = loadModel('scenarios/two-team-hierarchy.yaml');
    const { trace } = simulate(model, { strategy: 'hierarchy', seed: 2, run: 0 });
    const teamOf = new Map(model.agents.map((a) => [a.id, a.team]));
    const assigned = new Map(model.tasks.map((t) => [t.id, t.agent >= 0 ? model.agents[t.agent].id : '']));
    const starts = trace.filter((e) => e.kind === 'handoff_start');
    expect(starts.length).toBeGreaterThan(0);
    for (const h of starts) {
      const from = trace.find((e) => e.kind === 'task_finish' && e.task === h.detail.replace('from ', ''))!.agent;
      const to = assigned.get(h.task)!;
      const sameTeam = to !== '' && teamOf.get(from) === teamOf.get(to);
      expect(h.agent).toBe(sameTeam ? `${teamOf.get(from)}-lead` : 'programme-lead');
    }
  });
});
