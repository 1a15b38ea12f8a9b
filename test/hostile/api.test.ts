import { describe, expect, test } from 'vitest';
import { CoordsimError } from '../../src/scenario/CoordsimError.js';
import { parseScenario } from '../../src/scenario/parseScenario.js';
import { validateScenario } from '../../src/scenario/validateScenario.js';
import { compileModel } from '../../src/engine/compileModel.js';
import { simulate } from '../../src/engine/simulate.js';
import { monteCarlo } from '../../src/montecarlo/monteCarlo.js';
import { compare } from '../../src/montecarlo/compare.js';

const TEXT = 'name: x\ntime_unit: day\nagents: [{id: a}]\ntasks: [{id: t, agent: a, duration: 1}]\n';
const raw = () => ({ name: 'x', time_unit: 'day', agents: [{ id: 'a' }], tasks: [{ id: 't', agent: 'a', duration: 1 }] });

async function failure(f: () => unknown): Promise<CoordsimError> {
  try {
    await f();
  } catch (e) {
    if (e instanceof CoordsimError) return e;
    throw new Error(`not a CoordsimError: ${(e as Error).stack}`);
  }
  throw new Error('nothing was thrown');
}

describe('public functions called wrongly throw E_ARGUMENT naming the function and the value', () => {
  test.each<[string, () => unknown, string]>([
    ['parseScenario(null)', () => parseScenario(null as never, 'f.yaml'), 'parseScenario: expected the text of a scenario (a string of YAML or JSON), got null'],
    ['parseScenario(object)', () => parseScenario(raw() as never, 'f.yaml'), 'parseScenario: expected the text of a scenario (a string of YAML or JSON), got a mapping {"name":"x"'],
    ['parseScenario(text, 42)', () => parseScenario(TEXT, 42 as never), 'parseScenario: expected file to be the name of the file (a string), got an integer 42'],
    ['validateScenario(x, "f.yaml")', () => validateScenario(raw(), 'f.yaml' as never), "validateScenario: expected an options object (or nothing), got a string 'f.yaml'"],
    ['simulate(null)', () => simulate(null as never), 'simulate: expected a scenario object (or a compiled model), got null'],
    ['simulate(yamlText)', () => simulate(TEXT as never), 'simulate: expected a scenario object (or a compiled model); to run YAML or JSON text, parse it first with parseScenario(text, file), got a string'],
    ['simulate([])', () => simulate([] as never), 'simulate: expected a scenario object (or a compiled model), got an empty list'],
    ['simulate(s, null)', () => simulate(raw() as never, null as never), 'simulate: expected an options object (or nothing), got null'],
    ['seed: NaN', () => simulate(raw() as never, { seed: NaN }), 'simulate: expected seed to be a finite number or a string, got NaN'],
    ['seed: {}', () => simulate(raw() as never, { seed: {} as never }), 'simulate: expected seed to be a finite number or a string, got a mapping {}'],
    ['run: -1', () => simulate(raw() as never, { run: -1 }), 'simulate: expected run to be an integer >= 0, got an integer -1'],
    ['run: 0.5', () => simulate(raw() as never, { run: 0.5 }), 'simulate: expected run to be an integer >= 0, got a number 0.5'],
    ['maxEvents: NaN', () => simulate(raw() as never, { maxEvents: NaN }), 'simulate: expected maxEvents to be an integer >= 1, got NaN'],
    ['maxEvents: 0', () => simulate(raw() as never, { maxEvents: 0 }), 'simulate: expected maxEvents to be an integer >= 1, got an integer 0'],
    ['trace: "yes"', () => simulate(raw() as never, { trace: 'yes' as never }), "simulate: expected trace to be true or false, got a string 'yes'"],
    ['strategy: 3', () => simulate(raw() as never, { strategy: 3 as never }), 'simulate: expected strategy to be a string, got an integer 3'],
    ['monteCarlo(text)', () => monteCarlo(TEXT as never), 'monteCarlo: expected a scenario object (or a compiled model); to run YAML'],
    ['monteCarlo runs: 1.5', () => monteCarlo(raw() as never, { runs: 1.5 }), 'monteCarlo: runs must be a positive integer, got 1.5'],
    ['monteCarlo seed: NaN', () => monteCarlo(raw() as never, { seed: NaN }), 'monteCarlo: seed must be a finite number or a string, got NaN'],
    ['monteCarlo onRows: 1', () => monteCarlo(raw() as never, { onRows: 1 as never }), 'monteCarlo: expected onRows to be a function, got an integer 1'],
    ['compare(s, {runs})', () => compare(raw() as never, { runs: 100 } as never), 'compare: expected strategies to be a list of strategy names or null (options come third: compare(scenario, null, options)), got a mapping {"runs":100}'],
    ['compare(s, "hub")', () => compare(raw() as never, 'hub' as never), "compare: expected strategies to be a list of strategy names or null, got a string 'hub'"],
    ['compare(s, [1])', () => compare(raw() as never, [1] as never), 'compare: expected strategies to be a list of strategy names or null, got a list [1]'],
  ])('%s', async (_name, call, message) => {
    const e = await failure(call);
    expect(e.code).toBe('E_ARGUMENT');
    expect(e.message.startsWith(message), e.message).toBe(true);
    expect(e.isInputError).toBe(true);
  });
});

describe('simulate, monteCarlo, compare and compileModel validate raw scenario objects before running', () => {
  const cyclic = () => ({ ...raw(), tasks: [{ id: 't', agent: 'a', duration: 1, after: ['u'] }, { id: 'u', agent: 'a', duration: 1, after: ['t'] }] });
  const zero = () => ({ ...raw(), agents: [{ id: 'a', capacity: 0 }] });
  test.each<[string, () => unknown, string]>([
    ['simulate, a cycle', () => simulate(cyclic() as never), 'E_CYCLE'],
    ['simulate, capacity 0', () => simulate(zero() as never), 'E_SCHEMA'],
    ['monteCarlo, a cycle', () => monteCarlo(cyclic() as never, { runs: 10, workers: 1 }), 'E_CYCLE'],
    ['compare, capacity 0', () => compare(zero() as never, null, { runs: 10, workers: 1 }), 'E_SCHEMA'],
    ['compileModel, a cycle', () => compileModel(cyclic() as never), 'E_CYCLE'],
    ['simulate, no tasks', () => simulate({ ...raw(), tasks: [] } as never), 'E_SCHEMA'],
  ])('%s', async (_name, call, code) => {
    expect((await failure(call)).code).toBe(code);
  });

  test('a raw object that is valid runs, and gives what its parsed text gives', () => {
    expect(simulate(raw() as never).metrics).toEqual(simulate(parseScenario(TEXT, 'f.yaml')).metrics);
  });
});
