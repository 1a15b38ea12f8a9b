import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CoordsimError } from '../../src/scenario/CoordsimError.js';
import { parseScenario } from '../../src/scenario/parseScenario.js';
import { compileModel } from '../../src/engine/compileModel.js';
import { simulate, strategyOf } from '../../src/engine/simulate.js';
import { compare } from '../../src/montecarlo/compare.js';
import { monteCarlo } from '../../src/montecarlo/monteCarlo.js';
import { boundedCli, built, misbehaviour, scenarioFile, tempDir, yamlOf } from './_hostile.js';

/** Names every plain JavaScript object answers to. */
const BUILT_INS = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'toLocaleString', '__defineGetter__'];

/** A scenario whose agent, task, gate, risk, team, skill and strategy are all called `name`. */
function named(name: string): Record<string, unknown> {
  return {
    name: 'names',
    time_unit: 'day',
    agents: [{ id: name, skills: [name], team: name }, { id: 'other', team: name }],
    tasks: [
      { id: name, agent: name, duration: 1 },
      { id: 'next', skill: name, duration: 1, after: [`${name}-gate`] },
    ],
    gates: [{ id: `${name}-gate`, after: [name], outcomes: { fail: 0.5 }, max_rounds: 2 }],
    risks: [{ id: `${name}-risk`, task: name, probability: 0.5, work: 1 }],
    strategy: name,
    strategies: { [name]: { topology: 'hierarchy', leads: { [name]: name }, handoff: { effort: 0.1 } } },
  };
}

describe('names that are JavaScript built-ins', () => {
  test.each(BUILT_INS)('%s works as an agent, task, team, skill and strategy name in simulate, monteCarlo and compare', async (name) => {
    const s = parseScenario(yamlOf(named(name)), 'n.yaml');
    const r = simulate(s);
    expect(r.metrics.strategy).toBe(name);
    expect(Object.keys(r.metrics.tasks)).toEqual([name, 'next']);
    expect(Object.keys(r.metrics.utilization.byAgent)).toEqual([name, 'other']);
    expect(r.metrics.tasks[name].agent).toBe(name);
    expect(JSON.parse(JSON.stringify(r.metrics)).tasks[name].executions).toBeGreaterThanOrEqual(1);
    const mc = await monteCarlo(s, { runs: 30, workers: 1 });
    expect(mc.strategy).toBe(name);
    const cmp = await compare(s, [name], { runs: 30, workers: 1 });
    expect(cmp.strategies.map((x) => x.strategy)).toEqual([name, 'sequential', 'ideal']);
  });

  test.each(BUILT_INS)('strategy %s is unknown (E_USAGE) when the scenario does not define it, not a TypeError', (name) => {
    const model = compileModel(parseScenario(yamlOf(named('plain')), 'n.yaml'));
    expect(() => strategyOf(model, name)).toThrow(CoordsimError);
    expect(() => simulate(model, { strategy: name })).toThrow(`unknown strategy '${name}'; the scenario defines: plain, ideal, sequential`);
  });

  test("strategy '__proto__' is unknown, not the prototype", () => {
    const model = compileModel(parseScenario(yamlOf(named('plain')), 'n.yaml'));
    expect(() => simulate(model, { strategy: '__proto__' })).toThrow("unknown strategy '__proto__'");
  });

  test.each([
    ['agents/0/id', { agents: [{ id: '__proto__' }], tasks: [{ id: 't', agent: '__proto__', duration: 1 }] }],
    ['tasks/0/id', { agents: [{ id: 'a' }], tasks: [{ id: '__proto__', agent: 'a', duration: 1 }] }],
    ['gates/0/id', { agents: [{ id: 'a' }], tasks: [{ id: 't', agent: 'a', duration: 1 }], gates: [{ id: '__proto__', after: ['t'] }] }],
    ['risks/0/id', { agents: [{ id: 'a' }], tasks: [{ id: 't', agent: 'a', duration: 1 }], risks: [{ id: '__proto__', task: 't', probability: 1, work: 1 }] }],
    ['agents/0/team', { agents: [{ id: 'a', team: '__proto__' }], tasks: [{ id: 't', agent: 'a', duration: 1 }] }],
    ['agents/0/skills/0', { agents: [{ id: 'a', skills: ['__proto__'] }], tasks: [{ id: 't', skill: '__proto__', duration: 1 }] }],
    ['orchestrator/id', { agents: [{ id: 'a' }], orchestrator: { id: '__proto__' }, tasks: [{ id: 't', agent: 'a', duration: 1 }] }],
  ])("'__proto__' is refused at load as %s, with its line", (path, body) => {
    let err: unknown;
    try {
      parseScenario(yamlOf({ name: 'x', time_unit: 'day', ...body }), 'p.yaml');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CoordsimError);
    expect((err as CoordsimError).code).toBe('E_SCHEMA');
    expect((err as CoordsimError).context.path).toBe('/' + path);
    expect((err as CoordsimError).message).toMatch(/^p\.yaml:\d+:\d+ at .*'__proto__': JavaScript reserves this name/);
  });
});

describe.skipIf(!built)('names through the built CLI', () => {
  test.each(['constructor', 'toString', '__proto__'])('--strategy %s is refused with exit 2 by run, montecarlo, compare and check', (name) => {
    const file = scenarioFile(yamlOf(named('plain')));
    for (const args of [['run', file], ['montecarlo', file, '--runs', '10'], ['compare', file, '--runs', '10', '--strategies', name], ['check', file]]) {
      const flag = args[0] === 'compare' ? [] : ['--strategy', name];
      const r = boundedCli([...args, ...flag]);
      expect(misbehaviour(r), args.join(' ')).toBe('');
      expect(r.code, `${args[0]}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toContain(`unknown strategy '${name}'`);
    }
  });

  test('a task and an agent called constructor appear in run.json, trace.csv and report.html', () => {
    const file = scenarioFile(yamlOf(named('constructor')));
    const out = join(tempDir(), 'out');
    const r = boundedCli(['run', file, '--out', out]);
    expect(misbehaviour(r)).toBe('');
    expect(r.code).toBe(0);
    const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { tasks: Record<string, unknown>; utilization: { byAgent: Record<string, unknown> } };
    expect(Object.keys(run.tasks)).toContain('constructor');
    expect(Object.keys(run.utilization.byAgent)).toContain('constructor');
    expect(readFileSync(join(out, 'trace.csv'), 'utf8')).toMatch(/,task_start,constructor,constructor,/);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('"constructor"');
  });

  test('a scenario with a task __proto__ is refused by validate with exit 2 naming the line', () => {
    const file = scenarioFile(yamlOf({ name: 'x', time_unit: 'day', agents: [{ id: 'a' }], tasks: [{ id: '__proto__', agent: 'a', duration: 1 }] }));
    const r = boundedCli(['validate', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/scenario\.yaml:\d+:\d+ at \/tasks\/0\/id: invalid task id '__proto__'/);
  });
});
