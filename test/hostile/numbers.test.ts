import { describe, expect, test } from 'vitest';
import { CoordsimError } from '../../src/scenario/CoordsimError.js';
import { parseScenario } from '../../src/scenario/parseScenario.js';
import { validateScenario } from '../../src/scenario/validateScenario.js';
import { simulate } from '../../src/engine/simulate.js';
import { monteCarlo } from '../../src/montecarlo/monteCarlo.js';
import { HOSTILE_NUMBERS, NUMBER_PATHS, boundedCli, built, filesIn, fullScenario, misbehaviour, scenarioFile, tempDir, withNumber, yamlOf } from './_hostile.js';
import { join } from 'node:path';

/** How a library call ended: 'ok', or the CoordsimError code; anything else fails the test. */
async function outcome(f: () => unknown): Promise<string> {
  try {
    await f();
    return 'ok';
  } catch (e) {
    if (e instanceof CoordsimError) return e.code;
    throw new Error(`not a CoordsimError: ${(e as Error).stack}`);
  }
}

describe('hostile numbers through the library', () => {
  test('fullScenario is valid and runs (the baseline every case changes one number of)', () => {
    const s = parseScenario(yamlOf(fullScenario()), 'full.yaml');
    expect(simulate(s, { strategy: 's' }).metrics.makespan).toBeGreaterThan(0);
  });

  test('parseScenario, simulate and monteCarlo end every case with a result or a CoordsimError', async () => {
    const seen = new Map<string, number>();
    let cases = 0;
    for (const path of NUMBER_PATHS) {
      for (const value of HOSTILE_NUMBERS) {
        cases++;
        const text = yamlOf(withNumber(path, value));
        let s;
        try {
          s = parseScenario(text, 'h.yaml');
        } catch (e) {
          if (!(e instanceof CoordsimError)) throw new Error(`${path} = ${value}: ${(e as Error).stack}`);
          expect(e.isInputError, `${path} = ${value}: ${e.message}`).toBe(true);
          expect(e.message, `${path} = ${value}`).toMatch(/^h\.yaml:\d+:\d+ at \//);
          seen.set('refused', (seen.get('refused') ?? 0) + 1);
          continue;
        }
        for (const strategy of ['s', 'ideal', 'sequential']) {
          const code = await outcome(() => simulate(s, { strategy, maxEvents: 200_000 }));
          seen.set(code, (seen.get(code) ?? 0) + 1);
          // Compiling may still refuse the input (meetings that take all the time): E_INFEASIBLE.
          if (code !== 'ok') expect(['E_GUARD', 'E_STALL', 'E_RANGE', 'E_INFEASIBLE'], `${path} = ${value} under ${strategy}`).toContain(code);
          else await outcome(() => monteCarlo(s, { strategy, runs: 20, workers: 1 }));
        }
      }
    }
    expect(cases).toBe(NUMBER_PATHS.length * HOSTILE_NUMBERS.length);
    // Both outcomes occur: the suite cannot pass by refusing everything or by running everything.
    expect(seen.get('refused')).toBeGreaterThan(100);
    expect(seen.get('ok')).toBeGreaterThan(100);
  }, 300_000);

  test('validateScenario refuses each documented limit just past it, and accepts it at the limit', () => {
    const cases: Array<[string, number, number]> = [
      ['tasks.0.duration', 1e9, 1.000001e9],
      ['deadline', 1e9, 2e9],
      ['strategies.s.status.every', 1e-3, 9e-4],
      ['strategies.s.checkpoint.every', 1e-3, 9e-4],
      ['strategies.s.checkpoint.offset', 1e9, 1e10],
      ['agents.0.capacity', 10_000, 10_001],
      ['orchestrator.capacity', 10_000, 10_001],
      ['strategies.s.orchestrator_capacity', 10_000, 10_001],
      ['gates.0.max_rounds', 1000, 1001],
      ['units_per_week', 7, 7.5],
      ['risks.0.work.discrete.1.1', 1e9, 1e10],
      ['strategies.s.escalation.effort.normal.sd', 1e9, 1e10],
    ];
    for (const [path, ok, bad] of cases) {
      expect(() => validateScenario(withNumber(path, ok)), `${path} = ${ok}`).not.toThrow();
      let err: unknown;
      try {
        validateScenario(withNumber(path, bad));
      } catch (e) {
        err = e;
      }
      expect(err, `${path} = ${bad}`).toBeInstanceOf(CoordsimError);
      expect((err as CoordsimError).context.path, path).toBe('/' + path.split('.').join('/'));
      expect((err as CoordsimError).message).toMatch(/at most|at least/);
    }
  });

  test('validateScenario refuses more correlated tasks, gate draws and capacities than the limits allow', () => {
    const many = <T,>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));
    const tasks = many(301, (i) => ({ id: `t${i}`, agent: 'a', duration: 1 }));
    const base = { name: 'x', time_unit: 'day', agents: [{ id: 'a' }] };
    expect(() => validateScenario({ ...base, tasks, correlations: [{ tasks: tasks.map((t) => t.id), rho: 0.1 }] })).toThrow(/at most 300 correlated tasks, found 301/);
    const more = many(1001, (i) => ({ id: `t${i}`, agent: 'a', duration: 1 }));
    expect(() => validateScenario({ ...base, tasks: more, gates: [{ id: 'g', after: more.map((t) => t.id), max_rounds: 1000 }] })).toThrow(/sum to at most 1e6, found 1,001,000 up to this gate/);
    expect(() => validateScenario({ ...base, agents: many(101, (i) => ({ id: `a${i}`, capacity: 10_000 })), tasks: [{ id: 't', agent: 'a0', duration: 1 }] })).toThrow(/capacities summing to at most 1e6/);
  });

  test('validateScenario checks 300 correlated tasks in 100 groups quickly (the check is cubic)', () => {
    const tasks = Array.from({ length: 300 }, (_, i) => ({ id: `t${i}`, agent: 'a', duration: 1 }));
    const correlations = Array.from({ length: 100 }, (_, g) => ({ tasks: [`t${g}`, `t${299 - g}`, `t${(g * 7) % 300}`].filter((x, i, l) => l.indexOf(x) === i), rho: 0.01 }));
    const t0 = performance.now();
    validateScenario({ name: 'x', time_unit: 'day', agents: [{ id: 'a' }], tasks, correlations });
    expect(performance.now() - t0).toBeLessThan(20_000);
  });
});

describe.skipIf(!built)('hostile numbers through the built CLI (512 MB heap, 60 s)', () => {
  const paths = ['tasks.0.duration', 'agents.0.capacity', 'gates.0.max_rounds', 'strategies.s.status.every'];
  // Accepted values stay small enough for the default event guard (a 1e9-day task under status
  // updates every day is valid and would take the guard's 50M events to stop): see the library test.
  const values = [1e308, Infinity, NaN, 2147483647, 1e-9, -0.5, 0];
  test('validate, run and montecarlo end with exit 0, 1 or 2, a message, and no partial output', () => {
    const problems: string[] = [];
    let refused = 0;
    for (const path of paths) {
      for (const value of values) {
        const file = scenarioFile(yamlOf(withNumber(path, value)));
        const v = boundedCli(['validate', file]);
        const bad = misbehaviour(v);
        if (bad) problems.push(`validate ${path}=${value}: ${bad}`);
        if (v.code === 2) {
          refused++;
          continue;
        }
        const out = join(tempDir(), 'out');
        for (const args of [['run', file, '--strategy', 's', '--out', out], ['montecarlo', file, '--strategy', 's', '--runs', '20', '--workers', '1', '--out', out + '-mc']]) {
          const r = boundedCli(args);
          const b = misbehaviour(r);
          if (b) problems.push(`${args[0]} ${path}=${value}: ${b}`);
          const dir = args[args.length - 1];
          if (r.code !== 0 && filesIn(dir).length > 0) problems.push(`${args[0]} ${path}=${value}: exit ${r.code} left ${filesIn(dir).join(', ')}`);
        }
      }
    }
    expect(problems).toEqual([]);
    // Refused: every value of capacity, max_rounds and every; the duration's 1e308, .inf, .nan, 2147483647 and -0.5.
    expect(refused).toBe(26);
  }, 600_000);
});
