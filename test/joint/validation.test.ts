import { describe, expect, test } from 'vitest';
import { parseScenario } from '../../src/scenario/parseScenario.js';
import { loadPlanText } from '../../src/import/loadPlanText.js';

const base = `name: v
time_unit: day
agents:
  - {id: a, skills: [qa]}
  - {id: b, skills: [qa], capacity: 0.5}
tasks:
`;
const error = (tasks: string, extra = '') => {
  try {
    parseScenario(base + tasks + extra, 'plan.yaml');
  } catch (e) {
    return e as { code: string; message: string; context: { path?: string; line?: number; file?: string } };
  }
  throw new Error('accepted');
};

describe('validation of joint work and units', () => {
  test('accepts joint tasks, shares, needs, fractional capacity, rules, pick and a pinned order', () => {
    const s = parseScenario(
      base +
        `  - {id: j, agents: [a, b], units: 0.5, duration: 1}
  - {id: n, needs: [{skill: qa, units: 1.5}], duration: 1, after: [j]}
  - {id: m, needs: [{agent: a, units: 0.5}, {skill: qa, units: 0.5}], duration: 1}
dispatch: {order: [j, n, m]}
pick: least-busy
strategies: {s: {topology: ideal, dispatch: grpw, pick: first}}
`,
      'plan.yaml',
    );
    expect(s.tasks.length).toBe(3);
  });

  test.each([
    ['two assignment keys', `  - {id: t, agent: a, agents: [a, b], duration: 1}\n`, 'E_SCHEMA', '/tasks/0', "found 'agent' and 'agents'"],
    ['units without an agent', `  - {id: t, needs: [{agent: a}], units: 2, duration: 1}\n`, 'E_SCHEMA', '/tasks/0/units', "'units' goes with"],
    ['a needs entry with neither', `  - {id: t, needs: [{units: 2}], duration: 1}\n`, 'E_SCHEMA', '/tasks/0/needs/0', 'found neither'],
    ['an unknown joint agent', `  - {id: t, agents: [a, c], duration: 1}\n`, 'E_REFERENCE', '/tasks/0/agents/1', "agent 'c'"],
    ['an unknown pool', `  - {id: t, needs: [{skill: ops}], duration: 1}\n`, 'E_INFEASIBLE', '/tasks/0/needs/0/skill', "skill 'ops'"],
    ['more units than an agent has', `  - {id: t, agent: b, units: 1, duration: 1}\n`, 'E_INFEASIBLE', '/tasks/0/units', "1 unit(s) of 'b', which has 0.5"],
    ['more units than a pool has', `  - {id: t, needs: [{skill: qa, units: 2}], duration: 1}\n`, 'E_INFEASIBLE', '/tasks/0/needs/0', 'which have 1.5 between them'],
    ['a joint task over capacity', `  - {id: t, agents: [a, b], duration: 1}\n`, 'E_INFEASIBLE', '/tasks/0/agents/1', "'b', which has 0.5"],
    ['a milestone with agents', `  - {id: t, milestone: true, agents: [a]}\n`, 'E_SCHEMA', '/tasks/0/agents', 'a milestone needs no agent'],
    ['a zero share', `  - {id: t, agent: a, units: 0, duration: 1}\n`, 'E_SCHEMA', '/tasks/0/units', '0'],
    ['an unknown rule', `  - {id: t, agent: a, duration: 1}\n`, 'E_SCHEMA', '/dispatch', 'lfs', 'dispatch: lfs\n'],
    ['an order naming no task', `  - {id: t, agent: a, duration: 1}\n`, 'E_REFERENCE', '/dispatch/order/1', "'u'", 'dispatch: {order: [t, u]}\n'],
    ['an order against a dependency', `  - {id: t, agent: a, duration: 1}\n  - {id: u, agent: a, duration: 1, after: [t]}\n`, 'E_PARAM', '/dispatch/order/0', "lists 'u' before 't'", 'dispatch: {order: [u, t]}\n'],
  ])('refuses %s (%s at its path, with the line)', (_name, tasks, code, path, words, extra = '') => {
    const e = error(tasks, extra);
    expect(e.code).toBe(code);
    expect(e.context.path).toBe(path);
    expect(e.context.file).toBe('plan.yaml');
    expect(e.context.line).toBeGreaterThan(0);
    expect(e.message).toContain(words);
  });
});

describe('loadPlanText', () => {
  test('loadPlanText(text, "x.yaml") is parseScenario', () => {
    const text = base + `  - {id: t, agent: a, duration: 1}\n`;
    expect(loadPlanText(text, 'x.yaml')).toEqual(parseScenario(text, 'x.yaml'));
  });

  test('loadPlanText(text, "x.SM") reads PSPLIB, and its errors name the file and line', () => {
    try {
      loadPlanText('not a psplib file\n', 'broken.SM');
      throw new Error('accepted');
    } catch (e) {
      expect((e as { code: string }).code).toBe('E_SCHEMA');
      expect((e as { context: { file: string; line: number } }).context).toMatchObject({ file: 'broken.SM', line: 1 });
    }
  });
});
