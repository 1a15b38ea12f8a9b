import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { parseScenario } from '../../src/scenario/parseScenario.js';
import type { Scenario } from '../../src/scenario/Scenario.js';
import { scenarioArbitrary } from '../../src/testing/index.js';
import { CoordsimError } from '../../src/scenario/CoordsimError.js';

const run = (yaml: string, strategy?: string) => simulate(parseScenario(yaml, 'plan.yaml'), { seed: 1, strategy });
/** Per task: [start, finish] (times), or with dates [startDate, finishDate]. */
const times = (yaml: string) => Object.fromEntries(Object.entries(run(yaml).metrics.tasks).map(([id, t]) => [id, [t.start, t.finish]]));
const dates = (yaml: string) => Object.fromEntries(Object.entries(run(yaml).metrics.tasks).map(([id, t]) => [id, [t.startDate, t.finishDate]]));

const chain = (link: string) => `
name: link
time_unit: day
agents: [{id: a}, {id: b}]
tasks:
  - {id: A, agent: a, duration: 3}
  - {id: B, agent: b, duration: 2, after: [${link}]}
`;

describe('dependency types and lags, computed by hand (always-working time, A = 3 on agent a, B = 2 on agent b)', () => {
  test.each([
    ['A', [0, 3], [3, 5]],
    ['{task: A, type: FS, lag: 1}', [0, 3], [4, 6]],
    ['{task: A, type: FS, lag: -1}', [0, 3], [2, 4]],
    ['{task: A, type: SS}', [0, 3], [0, 2]],
    ['{task: A, type: SS, lag: 2}', [0, 3], [2, 4]],
    ['{task: A, type: FF}', [0, 3], [1, 3]],
    ['{task: A, type: FF, lag: 2}', [0, 3], [3, 5]],
    ['{task: A, type: FF, lag: -2}', [0, 3], [0, 2]],
    ['{task: A, type: SF, lag: 4}', [0, 3], [2, 4]],
    ['{task: A, type: SF, lag: 1}', [0, 3], [0, 2]],
  ])('B after %s: A %j, B %j', (link, a, b) => {
    expect(times(chain(link))).toEqual({ A: a, B: b });
  });

  test('the critical path follows the driving link, and a milestone takes no time and no agent', () => {
    const r = run(`
name: m
time_unit: day
agents: [{id: a}]
tasks:
  - {id: A, agent: a, duration: 3}
  - {id: B, agent: a, duration: 1}
  - {id: C, agent: a, duration: 2, after: [{task: A, type: SS, lag: 1}, B]}
  - {id: done, milestone: true, after: [C]}
`);
    // a runs A 0-3, then B 3-4 (file order), then C 4-6; done at 6.
    expect(Object.fromEntries(Object.entries(r.metrics.tasks).map(([id, t]) => [id, [t.agent, t.start, t.finish]]))).toEqual({
      A: ['a', 0, 3],
      B: ['a', 3, 4],
      C: ['a', 4, 6],
      done: ['', 6, 6],
    });
    expect(r.metrics.makespan).toBe(6);
    expect(r.metrics.criticalPath).toEqual(['A', 'B', 'C', 'done']);
    expect(r.metrics.workTime).toBe(6);
  });

  test('a milestone costs no handoff, and a task without an agent is elapsed time for nobody', () => {
    const r = run(`
name: h
time_unit: day
agents: [{id: a}, {id: b}]
tasks:
  - {id: A, agent: a, duration: 1}
  - {id: M, milestone: true, after: [A]}
  - {id: deliver, duration: 2, after: [M]}
  - {id: B, agent: b, duration: 1, after: [deliver]}
strategy: hub
strategies: {hub: {topology: hub, handoff: {effort: 0.5}}}
`, 'hub');
    expect(Object.fromEntries(Object.entries(r.metrics.tasks).map(([id, t]) => [id, [t.agent, t.start, t.finish]]))).toEqual({
      A: ['a', 0, 1],
      M: ['', 1, 1],
      deliver: ['', 1, 3],
      B: ['b', 3, 4],
    });
    expect(r.metrics.handoffs).toBe(0);
    expect(r.metrics.workTime).toBe(2);
  });
});

describe('working calendars, computed by hand', () => {
  const office = `
name: office week
time_unit: day
start: 2027-01-04            # a Monday
calendars:
  office: {days: [mon, tue, wed, thu, fri], hours: 8, holidays: [2027-01-06]}
calendar: office
deadline: 2027-01-15
agents:
  - {id: a}
  - {id: b, off: [{from: 2027-01-11, to: 2027-01-12}]}
tasks:
  - {id: design, agent: a, duration: 3}
  - {id: build, agent: b, duration: 2, after: [{task: design, type: SS, lag: 1}]}
  - {id: cure, duration: 2, after: [build]}
  - {id: test, agent: a, duration: 1, after: [{task: cure, type: FS, lag: 1}], not_before: 2027-01-13}
  - {id: live, milestone: true, after: [test]}
`;

  test('weekends, a holiday, a vacation, an SS lag, elapsed work, an FS lag, not_before and a milestone', () => {
    // design: Mon 4, Tue 5, (Wed 6 holiday) Thu 7. build: SS + 1 day -> Tue 5; b works Tue 5, Thu 7.
    // cure (project calendar): Fri 8, Mon 11. test: FS + 1 day -> after Tue 12, but not before Wed 13: Wed 13.
    expect(dates(office)).toEqual({
      design: ['2027-01-04', '2027-01-07'],
      build: ['2027-01-05', '2027-01-07'],
      cure: ['2027-01-08', '2027-01-11'],
      test: ['2027-01-13', '2027-01-13'],
      live: ['2027-01-13', '2027-01-13'],
    });
    const m = run(office).metrics;
    expect(m.startDate).toBe('2027-01-04');
    expect(m.finishDate).toBe('2027-01-13');
    // Time 0 is Monday 09:00; Wednesday 13 at 17:00 is 9 days and 8 hours later.
    expect(m.makespan).toBeCloseTo(9 + 8 / 24, 12);
    expect(m.metDeadline).toBe(true);
    // The not-before date drives test: the critical path starts there.
    expect(m.criticalPath).toEqual(['test', 'live']);
  });

  test('on a calendar of whole days, a milestone after work that ends on Friday is dated Friday (not Saturday, a day off)', () => {
    const yaml = `
name: whole days
time_unit: day
start: 2027-01-04            # a Monday
calendars: {week: {days: [mon, tue, wed, thu, fri]}}
calendar: week
agents: [{id: a}]
tasks:
  - {id: A, agent: a, duration: 5}
  - {id: M, milestone: true, after: [A]}
  - {id: B, agent: a, duration: 1, after: [M]}
`;
    // A: Mon 4 .. Fri 8, ending at Saturday 00:00; M at that instant; B starts on Monday 11.
    expect(dates(yaml)).toEqual({ A: ['2027-01-04', '2027-01-08'], M: ['2027-01-08', '2027-01-08'], B: ['2027-01-11', '2027-01-11'] });
  });

  test('a vacation that starts mid-task pauses the work', () => {
    const yaml = office.replace("{id: build, agent: b, duration: 2, after: [{task: design, type: SS, lag: 1}]}", "{id: build, agent: b, duration: 4, after: [{task: design, type: SS, lag: 1}]}");
    // b: Tue 5, Thu 7, Fri 8, (Mon 11, Tue 12 off) Wed 13.
    expect(dates(yaml).build).toEqual(['2027-01-05', '2027-01-13']);
  });

  test('hour units: a 1-day (8 h) task started at 15:00 on a Friday ends at 15:00 on Monday', () => {
    const r = run(`
name: friday
time_unit: hour
start: 2027-01-08            # a Friday
calendars: {office: {days: [mon, tue, wed, thu, fri], hours: 8}}
calendar: office
agents: [{id: a}]
tasks:
  - {id: late, agent: a, duration: 8, not_before: "2027-01-08T15:00"}
`);
    const t = r.metrics.tasks.late;
    expect([t.startDate, t.finishDate]).toEqual(['2027-01-08T15:00', '2027-01-11T15:00']);
    expect(t.finish - t.start).toBe(72);
  });
});

describe('progress to a status date', () => {
  const plan = `
name: under way
time_unit: day
start: 2027-01-04
agents: [{id: a}, {id: b}]
tasks:
  - {id: design, agent: a, duration: 5}
  - {id: build, agent: b, duration: 6, after: [design]}
  - {id: test, agent: a, duration: 2, after: [build]}
  - {id: docs, agent: a, duration: 1}
status_date: 2027-01-14
progress:
  design: {actual_start: 2027-01-04, actual_finish: 2027-01-08}
  build: {actual_start: 2027-01-09, remaining: 3}
`;
  test('done work is fixed, started work finishes its remaining work from the status date, nothing unfinished starts before it', () => {
    expect(times(plan)).toEqual({
      design: [0, 5],
      build: [5, 13],
      test: [13, 15],
      docs: [10, 11],
    });
    expect(dates(plan)).toEqual({
      design: ['2027-01-04', '2027-01-08'],
      build: ['2027-01-09', '2027-01-16'],
      test: ['2027-01-17', '2027-01-18'],
      docs: ['2027-01-14', '2027-01-14'],
    });
  });

  test('a status date on the start day, before its first working moment, is the start (nothing done yet); the day before is refused', () => {
    const office = `
name: not begun
time_unit: day
start: 2027-01-04
calendars: {office: {days: [mon, tue, wed, thu, fri], hours: 8}}
calendar: office
agents: [{id: a}]
tasks:
  - {id: design, agent: a, duration: 2}
`;
    // time 0 is Monday 09:00; the status date 2027-01-04 means Monday 00:00, nine hours earlier
    expect(dates(office + 'status_date: 2027-01-04\n')).toEqual({ design: ['2027-01-04', '2027-01-05'] });
    expect(times(office + 'status_date: 2027-01-04T08:00\n')).toEqual(times(office));
    expect(() => run(office + 'status_date: 2027-01-03\n')).toThrow(/status_date 2027-01-03 is before the project start 2027-01-04/);
  });

  test('progress that contradicts the links is refused with its place', () => {
    const bad = plan.replace('build: {actual_start: 2027-01-09, remaining: 3}', 'build: {actual_start: 2027-01-09, remaining: 3}\n  test: {actual_start: 2027-01-10, actual_finish: 2027-01-11}');
    expect(() => run(bad)).toThrow(/test.*finished but its predecessor 'build' is not/);
  });
});

describe('schedule validation: located messages', () => {
  const base = (extra: string) => `
name: v
time_unit: day
agents: [{id: a}]
tasks:
  - {id: t, agent: a, duration: 1}
${extra}`;
  test.each([
    ['start: 2027-02-30', /2027-02-30/],
    ['start: 2027-01-04\ncalendar: nope', /nope/],
    ['start: 2027-01-04\ncalendars: {never: {days: []}}\ncalendar: never', /no working time|days/],
    ['start: 2027-01-04\nstatus_date: 2026-12-01', /status_date.*before the project start/],
    ['deadline: 2027-03-31', /needs the project `start`/],
  ])('%s', (extra, message) => {
    let err: unknown;
    try {
      run(base(extra));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CoordsimError);
    expect((err as CoordsimError).code).not.toBe('E_STALL');
    expect((err as CoordsimError).message).toMatch(/plan\.yaml/);
    expect((err as CoordsimError).message).toMatch(message);
  });
});

describe('an always-working calendar changes nothing', () => {
  test('with start and an always-working project calendar, every figure equals the run without them, bit for bit', () => {
    let compared = 0;
    fc.assert(
      fc.property(scenarioArbitrary({ maxTasks: 12 }), fc.nat(1000), (s: Scenario, seed) => {
        const dated: Scenario = { ...s, start: '2027-01-04', calendars: { always: {} }, calendar: 'always' };
        for (const strategy of Object.keys(s.strategies ?? {}).concat(['ideal', 'sequential'])) {
          const a = simulate(s, { seed, strategy }).metrics;
          const b = simulate(dated, { seed, strategy }).metrics;
          const { startDate, finishDate, ...rest } = b;
          expect(typeof startDate).toBe('string');
          expect(typeof finishDate).toBe('string');
          const tasks = Object.fromEntries(Object.entries(rest.tasks).map(([id, t]) => {
            const { startDate: _s, finishDate: _f, ...x } = t;
            return [id, x];
          }));
          expect({ ...rest, tasks }).toStrictEqual(a);
          compared++;
        }
      }),
      { numRuns: 150, seed: 12 },
    );
    expect(compared).toBeGreaterThan(300);
  });
});

describe('the work-only path on calendars', () => {
  test('gives exactly the general engine on working calendars with holidays and days off', async () => {
    const { compileModel } = await import('../../src/engine/compileModel.js');
    const { Engine } = await import('../../src/engine/Engine.js');
    const { WorkOnlySchedule } = await import('../../src/engine/WorkOnlySchedule.js');
    const { createRunInputs, sampleRunInputs } = await import('../../src/engine/RunInputs.js');
    const { runMetrics } = await import('../../src/engine/runMetrics.js');
    let compared = 0;
    fc.assert(
      fc.property(scenarioArbitrary({ maxGates: 0, maxTasks: 30, maxAgents: 4, maxCapacity: 3 }), fc.nat(1000), fc.constantFrom('hour', 'day'), (s0: Scenario, seed, unit) => {
        const tasks = s0.tasks.map((t) => (t.agent !== undefined ? t : { ...t, skill: undefined, agent: s0.agents.find((a) => a.skills?.includes(t.skill!))!.id }));
        const s: Scenario = {
          ...s0,
          time_unit: unit as Scenario['time_unit'],
          tasks,
          start: '2027-01-01',
          calendars: { office: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], hours: 8, holidays: ['2027-01-06', { from: '2027-01-20', to: '2027-01-22' }] } },
          calendar: 'office',
          agents: s0.agents.map((a, i) => (i === 0 ? { ...a, off: [{ from: '2027-01-11', to: '2027-01-12' }] } : a)),
        };
        const model = compileModel(s);
        const inputs = createRunInputs(model);
        for (const strategy of Object.values(model.strategies)) {
          if (!WorkOnlySchedule.applies(model, strategy)) continue;
          const fast = new Engine(model, strategy);
          const general = new Engine(model, strategy);
          for (let run = 0; run < 2; run++) {
            sampleRunInputs(model, seed, run, inputs);
            const a = runMetrics(fast.run(inputs, { seed, run }), inputs);
            const b = runMetrics(general.run(inputs, { seed, run, general: true }), inputs);
            expect(a).toStrictEqual(b);
            compared++;
          }
        }
      }),
      { numRuns: 120, seed: 5 },
    );
    expect(compared).toBeGreaterThanOrEqual(2 * 2 * 120);
  });
});

describe('the calendar invariant of coordsim/testing', () => {
  test('holds on generated runs over working calendars, meetings included, and catches a job that works through a weekend', async () => {
    const { checkInvariants } = await import('../../src/testing/index.js');
    let checked = 0;
    fc.assert(
      fc.property(scenarioArbitrary({ maxTasks: 12, maxAgents: 4 }), fc.nat(1000), (s0: Scenario, seed) => {
        const s: Scenario = {
          ...s0,
          start: '2027-01-04',
          calendars: { office: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], hours: 8, holidays: ['2027-01-06'] } },
          calendar: 'office',
        };
        for (const strategy of Object.keys(s.strategies ?? {}).concat(['ideal'])) {
          const r = simulate(s, { seed, strategy });
          expect(checkInvariants(s, r, { only: ['calendar'] })).toEqual([]);
          checked++;
        }
      }),
      { numRuns: 60, seed: 3 },
    );
    expect(checked).toBeGreaterThan(60);
    const s = parseScenario(`
name: c
time_unit: day
start: 2027-01-08
calendars: {office: {days: [mon, tue, wed, thu, fri], hours: 8}}
calendar: office
agents: [{id: a}]
tasks: [{id: t, agent: a, duration: 2}]
`, 'c.yaml');
    const r = simulate(s, { seed: 1 });
    const bad = { ...r, trace: r.trace.map((x) => (x.kind === 'task_finish' ? { ...x, time: x.time + 1 } : x)) };
    expect(checkInvariants(s, bad, { only: ['calendar'] }).map((v) => v.invariant)).toEqual(['calendar']);
  });
});

describe('dated reports', () => {
  test('the report of a dated plan has a dates table, date axes and the non-working days of the project calendar', async () => {
    const { monteCarlo } = await import('../../src/montecarlo/monteCarlo.js');
    const { renderReport } = await import('../../src/report/renderReport.js');
    const { compileModel } = await import('../../src/engine/compileModel.js');
    const s = parseScenario(`
name: dated report
time_unit: day
start: 2027-01-04
calendars: {office: {days: [mon, tue, wed, thu, fri], hours: 8, holidays: [2027-01-06]}}
calendar: office
agents: [{id: a}]
tasks:
  - {id: t, agent: a, duration: 6}
  - {id: done, milestone: true, after: [t]}
`, 'r.yaml');
    const model = compileModel(s);
    const result = await monteCarlo(model, { runs: 50, workers: 1 });
    const html = renderReport({ kind: 'montecarlo', model, result });
    // Mon 4, Tue 5, (Wed 6 holiday) Thu 7, Fri 8, (weekend) Mon 11, Tue 12.
    expect(result.finishDate?.p50).toBe('2027-01-12');
    expect(html).toContain('id="table-dates"');
    expect(html).toContain('done (milestone)');
    const data = JSON.parse(html.match(/<script type="application\/json" id="coordsim-data">([\s\S]*?)<\/script>/)![1]);
    expect(data.model.dates.origin).toBe('2027-01-04T09:00');
    // Non-working days from time 0 (Monday 09:00) in days: Wed 6 and the weekend 9–10, as [from, to).
    expect(data.model.dates.offDays.slice(0, 2)).toEqual([[2 - 9 / 24, 3 - 9 / 24], [5 - 9 / 24, 7 - 9 / 24]]);
  });
});
