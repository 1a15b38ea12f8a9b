import { describe, expect, test } from 'vitest';
import { CoordsimError } from '../../src/scenario/CoordsimError.js';
import { parseScenario } from '../../src/scenario/parseScenario.js';
import { compileModel } from '../../src/engine/compileModel.js';
import { Engine } from '../../src/engine/Engine.js';
import { createRunInputs } from '../../src/engine/RunInputs.js';
import { simulate } from '../../src/engine/simulate.js';
import { monteCarlo } from '../../src/montecarlo/monteCarlo.js';
import { compare } from '../../src/montecarlo/compare.js';
import { boundedCli, built, misbehaviour, scenarioFile, yamlOf } from './_hostile.js';

/** Two agents, a then b, under checkpoints that leave `1 - duration` of every period for work. */
function meetings(duration: number, every = 1): Record<string, unknown> {
  return {
    name: 'meetings',
    time_unit: 'day',
    agents: [{ id: 'a' }, { id: 'b' }],
    tasks: [
      { id: 't1', agent: 'a', duration: 1 },
      { id: 't2', agent: 'b', duration: 2, after: ['t1'] },
    ],
    strategies: { s: { topology: 'hub', checkpoint: { every, duration } } },
  };
}

function thrown(f: () => unknown): CoordsimError {
  try {
    f();
  } catch (e) {
    if (e instanceof CoordsimError) return e;
    throw e;
  }
  throw new Error('expected a CoordsimError, nothing was thrown');
}

async function rejected(p: Promise<unknown>): Promise<CoordsimError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof CoordsimError) return e;
    throw e;
  }
  throw new Error('expected a CoordsimError, the promise resolved');
}

describe('starvation guard', () => {
  const livelock = () => parseScenario(yamlOf(meetings(0.9999999)), 'live.yaml');

  test.each([true, false])('simulate(trace: %s) of meetings taking 99.99999%% of the time stops with E_STALL naming the agent, promptly', (trace) => {
    const t0 = performance.now();
    const e = thrown(() => simulate(livelock(), { trace }));
    expect(e.code).toBe('E_STALL');
    // t1 ends at 1, as the first checkpoint starts; b's t2 then starves: 1,000 periods later the guard trips.
    expect(e.message).toBe(
      "run stalled under strategy 's': meetings of strategy 's' leave agent b 0.00001% of its time for work over more than 1,000 periods (status updates and checkpoints take the rest: shorten them or space them out); unfinished: t2 (waiting on 0 dependencies)",
    );
    expect(e.context.time).toBe(1002);
    expect(e.isInputError).toBe(false);
    // The message and time show the starvation guard tripped (not the event limit, which would
    // take minutes); the bound here only catches a hang, whatever the machine's load.
    expect(performance.now() - t0).toBeLessThan(60_000);
  });

  test('monteCarlo and compare stop at the first starving run with the same diagnostic', async () => {
    expect((await rejected(monteCarlo(livelock(), { runs: 100, workers: 1 }))).message).toContain("leave agent b 0.00001% of its time");
    expect((await rejected(compare(livelock(), null, { runs: 100, workers: 1 }))).code).toBe('E_STALL');
  });

  test('meetings taking 99.5% of the time are slow but not starving: the run settles', () => {
    const r = simulate(parseScenario(yamlOf(meetings(0.995)), 'slow.yaml'), { trace: false });
    // The checkpoint at 1 comes before t1's end (scheduled first) and moves it to 1.995; t2 then
    // gets 0.005 of work before 2 and 0.005 per period after: 2 / 0.005 = 400 slices, the last
    // ending at 401.995.
    expect(r.metrics.makespan).toBeCloseTo(401.995, 6);
  });
});

describe('trace and event guards', () => {
  const slow = () => parseScenario(yamlOf(meetings(0.995)), 'slow.yaml');

  test('simulate stops a traced run at maxTraceRows rows with E_GUARD, naming the meetings', () => {
    const e = thrown(() => simulate(slow(), { maxTraceRows: 300 }));
    expect(e.code).toBe('E_GUARD');
    expect(e.message).toMatch(/^trace stopped after 300 rows at time \d+ \(strategy 's'\): meetings of strategy 's' leave agent b 0\.5% of its time for work/);
  });

  test('the trace guard keeps the trace of a run that settles whole: 9 rows fit in 9', () => {
    const s = parseScenario(yamlOf({ ...meetings(0.5), strategies: undefined }), 'ok.yaml');
    const rows = simulate(s).trace.length;
    expect(simulate(s, { maxTraceRows: rows }).trace).toHaveLength(rows);
    expect(thrown(() => simulate(s, { maxTraceRows: rows - 1 })).message).toMatch(`trace stopped after ${rows - 1} rows`);
  });

  test('the event guard names the meetings too', () => {
    const e = thrown(() => simulate(slow(), { trace: false, maxEvents: 200 }));
    expect(e.code).toBe('E_GUARD');
    expect(e.message).toBe(
      "simulation stopped after 200 events at time 100: meetings of strategy 's' leave agent b 0.51% of its time for work (status updates and checkpoints take the rest: shorten them or space them out); raise maxEvents if the model is really this large",
    );
  });

  test('the event guard names frequent periodic events when they are most of the events', () => {
    const s = parseScenario(yamlOf({ ...meetings(0.0001, 0.001), tasks: [{ id: 't', agent: 'a', duration: 1e6 }] }), 'often.yaml');
    const e = thrown(() => simulate(s, { trace: false, maxEvents: 10_000 }));
    expect(e.message).toMatch(/^simulation stopped after 10000 events at time [\d.]+: checkpoints every 0\.001 of strategy 's' make about 5,000 of the 10,000 events by time [\d.]+, with the wake-ups they cause \(space them out\); raise maxEvents/);
  });
});

describe('finite times', () => {
  const model = () => compileModel(parseScenario(yamlOf({ ...meetings(0.1), tasks: [{ id: 't1', agent: 'a', duration: 1 }, { id: 't2', agent: 'a', duration: 1, after: ['t1'] }] }), 'f.yaml'));

  test.each([
    ['the work-only path', 'ideal', false],
    ['the general path, traced', 'ideal', true],
    ['the work-only path, sequential', 'sequential', false],
  ])('durations adding up past the largest number stop %s with E_RANGE', (_what, strategy, trace) => {
    const m = model();
    const inputs = createRunInputs(m);
    inputs.durations.set([1e308, 1e308]);
    const e = thrown(() => new Engine(m, m.strategies[strategy]).run(inputs, { seed: 1, run: 0, trace }));
    expect(e.code).toBe('E_RANGE');
    expect(e.message).toMatch(new RegExp(`^run stopped under strategy '${strategy}': an event time left the finite range \\(Infinity\\)`));
    expect(e.isInputError).toBe(false);
  });

  test('a periodic event that cannot advance the clock stops the run with E_RANGE', () => {
    const m = model();
    m.strategies.s.checkpoint!.offset = 1e17; // ulp(1e17) = 16 > every = 1 (a model changed by hand)
    const inputs = createRunInputs(m);
    inputs.durations.set([1e18, 1]);
    const e = thrown(() => new Engine(m, m.strategies.s).run(inputs, { seed: 1, run: 0 }));
    expect(e.code).toBe('E_RANGE');
    expect(e.message).toBe("checkpoints every 1 of strategy 's' no longer advance the clock at time 100000000000000000 (the period is below the precision of times this large): space them out");
  });
});

describe.skipIf(!built)('guards through the built CLI (512 MB heap, 60 s)', () => {
  test.each([['run'], ['check'], ['montecarlo', '--runs', '50', '--workers', '1'], ['compare', '--runs', '50', '--workers', '1']])('%s on a livelocked meeting schedule exits 1 naming the starving agent', (cmd, ...flags) => {
    const file = scenarioFile(yamlOf(meetings(0.9999999)));
    const r = boundedCli([cmd, file, ...flags]);
    expect(misbehaviour(r)).toBe('');
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout + r.stderr).toContain("meetings of strategy 's' leave agent b 0.00001% of its time for work");
    expect(r.ms).toBeLessThan(30_000);
  });
});
