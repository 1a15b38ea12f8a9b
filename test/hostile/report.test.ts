import { describe, expect, test } from 'vitest';
import { parseScenario } from '../../src/scenario/parseScenario.js';
import { compileModel } from '../../src/engine/compileModel.js';
import { simulate } from '../../src/engine/simulate.js';
import { compare } from '../../src/montecarlo/compare.js';
import { renderReport } from '../../src/report/renderReport.js';
import { clientScript } from '../../src/report/clientScript.js';
import { yamlOf } from './_hostile.js';

/** Two agents; `hub` pays for coordination, so the ideal bound is faster than every option. */
const SCENARIO = yamlOf({
  name: 'bound',
  time_unit: 'day',
  agents: [{ id: 'a', role: 'Dev' }, { id: 'b', role: 'Dev' }],
  tasks: [
    { id: 't1', agent: 'a', duration: 2 },
    { id: 't2', agent: 'b', duration: { pert: [1, 2, 4] }, after: ['t1'] },
    { id: 't3', agent: 'a', duration: 6, after: ['t1'] },
  ],
  strategies: { hub: { topology: 'hub', handoff: { effort: 0.5 } }, mesh: { topology: 'mesh', handoff: { effort: 0.3 }, status: { every: 1, effort: 0.05 } } },
});

/** The visible text of the page's summary (before the scripts). */
const markup = (page: string) => page.slice(0, page.indexOf('<script'));

describe('reports: ideal is a bound, not an option', () => {
  test('the comparison headline and table never call ideal the fastest', async () => {
    const s = parseScenario(SCENARIO, 'bound.yaml');
    const model = compileModel(s);
    const result = await compare(s, null, { runs: 200, workers: 1 });
    const ideal = result.strategies.find((r) => r.strategy === 'ideal')!;
    // The premise: ideal has the least median of all.
    expect(Math.min(...result.strategies.map((r) => r.makespan.p50))).toBe(ideal.makespan.p50);
    const page = markup(renderReport({ kind: 'compare', model, result }));
    const options = result.strategies.filter((r) => r.strategy !== 'ideal');
    const fastest = options.reduce((a, b) => (b.makespan.p50 < a.makespan.p50 ? b : a));
    expect(page).toContain(`<strong>${fastest.strategy}</strong> is the fastest of the 3 strategies compared at the median (the ideal bound aside).`);
    expect(page).toContain(`<tr class="best"><td><div class="task-name">${fastest.strategy}`);
    expect(page).toContain('ideal — lower bound, not an option');
    expect(page).not.toMatch(/ideal( \(default\))? — fastest/);
    expect(page).not.toMatch(/<tr class="best"><td><div class="task-name">ideal/);
  });
});

describe('reports: utilisation beside the engaged span and the team capacity use', () => {
  test('the run report draws notes with the engaged span and the share of the project', () => {
    const script = clientScript();
    expect(script).toContain('busy over ${fmt(len)} ${unit} engaged');
    expect(script).toContain('of the project');
    expect(script).toContain('team capacity use');
  });

  test('the run data carry what the notes are made of: an agent 100% busy while engaged for 2 of 8 days', () => {
    const m = simulate(parseScenario(SCENARIO, 'bound.yaml'), { strategy: 'ideal' }).metrics;
    expect(m.utilization.byAgent.b).toBe(1);
    expect(m.engagedSpan.byAgent.b.end - m.engagedSpan.byAgent.b.start).toBeLessThan(m.makespan / 2);
    expect(m.capacityUse).toBeLessThan(1);
  });
});
