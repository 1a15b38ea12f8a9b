import { describe, expect, test } from 'vitest';
import { parseScenario } from '../../src/scenario/parseScenario.js';
import { simulate } from '../../src/engine/simulate.js';

describe('runMetrics tasks[id].finish', () => {
  const text = [
    'name: rework',
    'time_unit: day',
    'agents: [{id: a}]',
    'tasks:',
    '  - {id: t, agent: a, duration: 2}',
    '  - {id: u, agent: a, duration: 1, after: [g]}',
    'gates: [{id: g, after: [t], outcomes: {fail: 1}, rework: {fraction: 0.5}, max_rounds: 3}]',
    'strategy: ideal',
    '',
  ].join('\n');

  test('is the end of the last rework; firstFinish the end of the first execution', () => {
    // t: 0–2; round 1 fails: rework 2–3; round 2 fails: rework 3–4; round 3 fails, the last:
    // accepted as it is. u then runs 4–5.
    const m = simulate(parseScenario(text, 'rework.yaml')).metrics;
    expect(m.tasks.t).toEqual({ agent: 'a', start: 0, finish: 4, firstFinish: 2, duration: 2, executions: 3, critical: true });
    expect(m.tasks.u).toEqual({ agent: 'a', start: 4, finish: 5, firstFinish: 5, duration: 1, executions: 1, critical: true });
  });

  test('equals firstFinish for a task without rework, on the work-only path too', () => {
    const m = simulate(parseScenario('name: x\ntime_unit: day\nagents: [{id: a}]\ntasks: [{id: t, agent: a, duration: 2}]\n', 'x.yaml'), { trace: false }).metrics;
    expect([m.tasks.t.finish, m.tasks.t.firstFinish]).toEqual([2, 2]);
  });
});
