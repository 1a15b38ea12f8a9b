import { describe, expect, test } from 'vitest';
import { compileModel } from '../../src/engine/compileModel.js';
import { parseScenario } from '../../src/scenario/parseScenario.js';

const base = `name: v
time_unit: day
start: 2027-01-04
agents: [{id: a}, {id: b}]
tasks:
  - {id: t, agent: a, duration: 1}
  - {id: u, agent: a, duration: 1, after: [t]}
  - {id: w, agent: b, duration: 1, after: [u, g]}
  - {id: z, agent: b, duration: 1}
gates:
  - {id: g, after: [u]}
`;
const parse = (extra: string) => () => parseScenario(base + extra, 'v.yaml');
const refused = (extra: string, code: string, message: RegExp, path?: string) => {
  let err: unknown;
  try {
    parse(extra)();
  } catch (e) {
    err = e;
  }
  expect(err, extra).toMatchObject({ code, ...(path ? { context: expect.objectContaining({ path }) } : {}) });
  expect((err as Error).message).toMatch(message);
};

describe('parseScenario: branches, existence risks and drivers', () => {
  test('accepts the documented shapes', () => {
    const s = parseScenario(
      base +
        `branches:
  - {id: b1, after: t, paths: [{probability: 0.4, tasks: [u]}, {probability: 0.6}]}
  - {id: b2, after: g, paths: [{when: {gate_outcome: reworked}, tasks: [w]}, {name: clean}]}
  - {id: b3, after: z, paths: [{when: {finish_after: 2027-01-06}}]}
existence_risks:
  - {id: e1, probability: 0.3, agent: b, duration: 2, after: [t], before: [w, g]}
risk_drivers:
  - {id: d1, probability: 0.5, factor: {uniform: [1, 1.5]}, tasks: [t, e1]}
`,
      'v.yaml',
    );
    expect(s.branches).toHaveLength(3);
    const m = compileModel(s);
    // finish_after 2027-01-06 is the end of that day: 3 days after the start on 2027-01-04 (every day works).
    expect(m.branches[2].paths[0].finishAfter).toBe(3);
    expect(m.branches[0]).toMatchObject({ kind: 'probability', nominal: 0 });
    expect(m.branches[1]).toMatchObject({ kind: 'condition', nominal: 1 });
    expect(m.branches[2]).toMatchObject({ kind: 'condition', nominal: -1 });
    // The existence risk's task comes after the file's four tasks; gates follow it.
    expect(m.tasks[4].id).toBe('e1');
    expect(m.gates[0].node).toBe(5);
    expect(m.gates[0].after).toEqual([1, 4]);
    expect(m.drivers[0].tasks).toEqual([0, 4]);
  });

  test('refuses probabilities that do not sum to 1, mixed kinds and a missing when', () => {
    refused(`branches: [{id: b, after: t, paths: [{probability: 0.4}, {probability: 0.4}]}]\n`, 'E_PARAM', /summing to 1, found 0.4 \+ 0.4 = 0.8/, '/branches/0/paths');
    refused(`branches: [{id: b, after: t, paths: [{probability: 1}, {when: {finish_after: 1}}]}]\n`, 'E_SCHEMA', /a probability on every path .* or on none/);
    refused(`branches: [{id: b, after: t, paths: [{tasks: [u]}, {when: {finish_after: 1}}]}]\n`, 'E_SCHEMA', /expected a 'when' on path 1/, '/branches/0/paths/0');
    refused(`branches: [{id: b, after: t, paths: [{when: {}}]}]\n`, 'E_SCHEMA', /'finish_after' or 'gate_outcome'/);
  });

  test('refuses a path task that is not downstream of its branch point, or on two paths', () => {
    refused(`branches: [{id: b, after: u, paths: [{probability: 1, tasks: [z]}]}]\n`, 'E_REFERENCE', /task 'z' of path 1 must come after the branch point 'u'/, '/branches/0/paths/0/tasks/0');
    refused(`branches: [{id: b, after: t, paths: [{probability: 0.5, tasks: [u]}, {probability: 0.5, tasks: [u]}]}]\n`, 'E_REFERENCE', /already on a path/);
    refused(`branches: [{id: b, after: t, paths: [{name: x, probability: 0.5}, {name: x, probability: 0.5}]}]\n`, 'E_REFERENCE', /two paths are named 'x'/);
    refused(`branches: [{id: b, after: nope, paths: [{probability: 1}]}]\n`, 'E_REFERENCE', /is after 'nope', which is no task or gate/);
  });

  test('refuses gate_outcome after a task and a non-FS link out of a branch point', () => {
    refused(`branches: [{id: b, after: t, paths: [{when: {gate_outcome: passed}}]}]\n`, 'E_PARAM', /'gate_outcome' needs a gate/);
    expect(() =>
      parseScenario(base.replace('{id: u, agent: a, duration: 1, after: [t]}', '{id: u, agent: a, duration: 1, after: [{task: t, type: SS}]}') + `branches: [{id: b, after: t, paths: [{probability: 1, tasks: [u]}]}]\n`, 'v.yaml'),
    ).toThrow(/links out of a branch point are finish-to-start/);
  });

  test('refuses an existence risk that closes a cycle, names nobody, or shares an id', () => {
    refused(`existence_risks: [{id: e, probability: 0.5, agent: a, duration: 1, after: [w], before: [t]}]\n`, 'E_CYCLE', /through the task of existence risk 'e': .*e -> t|t -> .* -> e/);
    refused(`existence_risks: [{id: e, probability: 0.5, agent: nobody, duration: 1}]\n`, 'E_REFERENCE', /agent 'nobody', which does not exist/);
    refused(`existence_risks: [{id: t, probability: 0.5, agent: a, duration: 1}]\n`, 'E_REFERENCE', /duplicate id 't'/);
    refused(`existence_risks: [{id: e, probability: 0.5, skill: flying, duration: 1}]\n`, 'E_INFEASIBLE', /no agent has skill 'flying'/);
  });

  test('refuses a driver on an unknown task and bad factor parameters, and tasks after a branch id', () => {
    refused(`risk_drivers: [{id: d, probability: 0.5, factor: 1.2, tasks: [nope]}]\n`, 'E_REFERENCE', /scales 'nope', which is no task/);
    refused(`risk_drivers: [{id: d, probability: 0.5, factor: {pert: [3, 1, 2]}, tasks: [t]}]\n`, 'E_PARAM', /pert/, '/risk_drivers/0/factor/pert');
    expect(() => parseScenario(base.replace('after: [u]}\n', 'after: [u, b1]}\n') + `branches: [{id: b1, after: t, paths: [{probability: 1}]}]\n`, 'v.yaml')).toThrow(/which is a branch, not a task or gate/);
  });
});
