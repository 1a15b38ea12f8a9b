import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { parseScenario } from '../../src/scenario/parseScenario.js';
import { validateScenario } from '../../src/scenario/validateScenario.js';
import { CoordsimError } from '../../src/scenario/CoordsimError.js';
import { BAD_SCENARIOS, VALID, edit, lineOf } from './badScenarios.js';

const FILE = 'plans/checkout.yaml';

/** The CoordsimError `fn` throws (fails the test if it throws nothing or something else). */
function thrown(fn: () => unknown): CoordsimError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CoordsimError);
    return e as CoordsimError;
  }
  throw new Error('expected a CoordsimError, nothing was thrown');
}

describe('parseScenario', () => {
  test('parseScenario(valid YAML) returns the document as written', () => {
    const s = parseScenario(VALID, FILE);
    expect(s.name).toBe('Checkout hardening');
    expect(s.tasks.map((t) => t.id)).toEqual(['blueprint', 'login', 'checkout', 'release']);
    expect(s.tasks[0].duration).toEqual({ pert: [3, 5, 8] });
    expect(s.gates?.[0].outcomes).toEqual({ pass: 0.7, remediate: 0.2, fail: 0.1 });
    expect(s.strategies?.mesh.status).toEqual({ every: 1, effort: 0.1, per_peer: 0.05 });
  });

  test('parseScenario(valid JSON) gives the same scenario', () => {
    const json = JSON.stringify(parse(VALID), null, 2);
    expect(parseScenario(json, 'plan.json')).toEqual(parseScenario(VALID, FILE));
  });

  test.each(BAD_SCENARIOS)('parseScenario rejects a $title ($code, file, path and line)', (bad) => {
    const e = thrown(() => parseScenario(bad.text, FILE));
    expect(e.code).toBe(bad.code);
    expect(e.isInputError).toBe(true);
    expect(e.message).toContain(`${FILE}:${bad.line}:`);
    expect(e.context).toMatchObject({ file: FILE, line: bad.line });
    if (bad.path) {
      expect(e.message).toContain(` at ${bad.path}: `);
      expect(e.context.path).toBe(bad.path);
    }
    for (const text of bad.says) expect(e.message).toContain(text);
  });

  test('parseScenario gives JSON schema errors a line and column', () => {
    const doc = parse(VALID);
    doc.tasks[2].duration = 'five days';
    const json = JSON.stringify(doc, null, 2);
    const e = thrown(() => parseScenario(json, 'plan.json'));
    const line = lineOf(json, '"five days"');
    expect(e.code).toBe('E_SCHEMA');
    expect(e.message).toContain(`plan.json:${line}:`);
    expect(e.message).toContain('at /tasks/2/duration');
    expect(e.context.column).toBe(json.split('\n')[line - 1].indexOf('"duration"') + 1);
  });

  test('parseScenario gives JSON syntax errors a line', () => {
    const json = edit(JSON.stringify(parse(VALID), null, 2), '"time_unit": "day",', '"time_unit": "day"');
    const e = thrown(() => parseScenario(json, 'plan.json'));
    expect(e.code).toBe('E_PARSE');
    // The missing comma is noticed at the next key.
    expect(e.context.line).toBe(lineOf(json, '"time_unit"') + 1);
    expect(e.message).toContain(`plan.json:${e.context.line}:`);
  });

  test('parseScenario refuses a second YAML document', () => {
    const e = thrown(() => parseScenario(VALID + '---\nname: again\n', FILE));
    expect(e.code).toBe('E_PARSE');
    expect(e.message).toContain('expected one document');
  });

  test('parseScenario refuses a duplicate key, at the second one', () => {
    const text = VALID + 'deadline: 40\n';
    const e = thrown(() => parseScenario(text, FILE));
    expect(e.code).toBe('E_PARSE');
    expect(e.context.line).toBe(lineOf(text, 'deadline: 40'));
  });

  test('parseScenario of an empty file expects a mapping', () => {
    const e = thrown(() => parseScenario('', FILE));
    expect(e.code).toBe('E_SCHEMA');
    expect(e.message).toContain('expected a mapping, found null');
  });

  test('parseScenario reports a misspelt key, not the key it makes missing', () => {
    const text = edit(VALID, 'duration: 5', 'durration: 5');
    const e = thrown(() => parseScenario(text, FILE));
    expect(e.message).toContain("unknown key 'durration' (did you mean 'duration'?)");
    expect(e.context).toMatchObject({ path: '/tasks/2/durration', line: lineOf(text, 'durration') });
  });

  test('parseScenario follows aliases', () => {
    const text = edit(edit(VALID, 'duration: {pert: [3, 5, 8]}', 'duration: &est {pert: [3, 5, 8]}'), 'duration: 5', 'duration: *est');
    expect(parseScenario(text, FILE).tasks[2].duration).toEqual({ pert: [3, 5, 8] });
  });

  test('parseScenario reports a gate assessing a task that is not before it', () => {
    const text = edit(VALID, 'review: 1', 'review: 1\n    assesses: [release]');
    const e = thrown(() => parseScenario(text, FILE));
    expect(e.code).toBe('E_REFERENCE');
    expect(e.context).toMatchObject({ path: '/gates/0/assesses/0', line: lineOf(text, 'assesses: [release]') });
  });

  test('parseScenario checks hierarchy leads', () => {
    const base = edit(edit(VALID, 'skills: [architecture]', 'skills: [architecture]\n    team: core'), 'capacity: 2', 'capacity: 2\n    team: shop');
    const tree = (leads: string) => base + `  tree:\n    topology: hierarchy\n    leads: {${leads}}\n`;
    expect(parseScenario(tree('core: architect, shop: dev'), FILE).strategies?.tree.leads).toEqual({ core: 'architect', shop: 'dev' });
    expect(thrown(() => parseScenario(tree('core: dev'), FILE)).message).toContain("agent 'dev' is in team 'shop'");
    expect(thrown(() => parseScenario(tree('ops: dev'), FILE)).message).toContain("no agent is in that team");
    expect(thrown(() => parseScenario(tree('core: nobody'), FILE)).message).toContain("'nobody', which is no agent");
  });

  test('parseScenario refuses correlations no durations can have', () => {
    const text = edit(edit(VALID, 'tasks: [login, checkout]', 'tasks: [blueprint, login, checkout]'), 'rho: 0.4', 'rho: -0.7');
    const e = thrown(() => parseScenario(text, FILE));
    expect(e.code).toBe('E_PARAM');
    expect(e.context).toMatchObject({ path: '/correlations/0/rho', line: lineOf(text, 'rho: -0.7') });
  });

  test('parseScenario truncates a long offending value', () => {
    const text = edit(VALID, 'duration: 5', `duration: ${'x'.repeat(500)}`);
    const e = thrown(() => parseScenario(text, FILE));
    expect(e.message).toContain(`found a string 'xxxx`);
    expect(e.message.length).toBeLessThan(400);
  });
});

describe('validateScenario', () => {
  test('validateScenario(object) names the path but no line', () => {
    const doc = parse(VALID);
    doc.tasks[1].skill = 'oauth';
    const e = thrown(() => validateScenario(doc, { file: 'inline' }));
    expect(e.code).toBe('E_INFEASIBLE');
    expect(e.context).toEqual({ file: 'inline', path: '/tasks/1/skill' });
    expect(e.message).toBe("inline at /tasks/1/skill: no agent has skill 'oauth' (task 'login' can never start) (did you mean 'auth'?)");
  });
});
