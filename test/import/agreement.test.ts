import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parse, stringify } from 'yaml';
import { parseLocalDateTime } from '../../src/import/_internals/civilDates.js';
import { scenarioYaml } from '../../src/import/_internals/scenarioYaml.js';
import { advanceWorking, nextWorkingMoment, retreatWorking, type WorkCalendar } from '../../src/import/_internals/WorkCalendar.js';
import { checkPlanDates } from '../../src/import/checkPlanDates.js';
import { comparePlanDates } from '../../src/import/comparePlanDates.js';
import { readMspdi } from '../../src/import/mspdi/index.js';
import { readPlan } from '../../src/import/readPlan.js';
import { readXer } from '../../src/import/xer/index.js';
import { mpxjAvailable, mpxjFiles, mpxjPaths } from './mpxjSamples.js';

const depotXer = readFileSync(new URL('./fixtures/depot.xer', import.meta.url), 'utf8');
const depotXml = readFileSync(new URL('./fixtures/depot.xml', import.meta.url), 'utf8');

/** A small MSPDI project on a Mon-Fri 08:00-12:00, 13:00-17:00 calendar (UID 1). */
function mspdi(tasks: string, extra = '', start = '2027-01-04T08:00:00'): string {
  const days = [1, 2, 3, 4, 5, 6, 7].map((d) => `<WeekDay><DayType>${d}</DayType><DayWorking>${d === 1 || d === 7 ? 0 : 1}</DayWorking></WeekDay>`).join('');
  return `<?xml version="1.0"?>
<Project xmlns="http://schemas.microsoft.com/project"><Name>P</Name><StartDate>${start}</StartDate><CalendarUID>1</CalendarUID>${extra}
<Calendars><Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar><WeekDays>${days}</WeekDays></Calendar></Calendars>
<Tasks>${tasks}</Tasks></Project>`;
}
const task = (uid: number, start: string, finish: string, inner: string): string =>
  `<Task><UID>${uid}</UID><Name>T${uid}</Name><OutlineLevel>1</OutlineLevel><Start>${start}</Start><Finish>${finish}</Finish>${inner}</Task>`;
/** Simulated [startDate, finishDate] per task id. */
function simulated(plan: ReturnType<typeof readMspdi>): Record<string, [string | undefined, string | undefined]> {
  const tasks = checkPlanDates(plan).run.metrics.tasks;
  return Object.fromEntries(Object.entries(tasks).map(([id, t]) => [id, [t.startDate, t.finishDate]]));
}

const office: WorkCalendar = {
  key: 'o',
  name: 'Office',
  week: [[], ...[1, 2, 3, 4, 5].map(() => [{ start: 480, end: 720 }, { start: 780, end: 1020 }]), []],
  exceptions: new Map([[parseLocalDateTime('2027-01-06')!.day, []]]),
};

describe('advanceWorking and nextWorkingMoment count working minutes on a calendar', () => {
  const at = (s: string) => parseLocalDateTime(s)!;
  test('advanceWorking(office, Mon 08:00, 8 h) starts the next morning: work ending with a range starts at the next one', () => {
    expect(advanceWorking(office, at('2027-01-04T08:00'), 480)).toEqual(at('2027-01-05T08:00'));
  });
  test('advanceWorking skips the lunch break, the holiday (Wed 6th) and the weekend', () => {
    expect(advanceWorking(office, at('2027-01-04T11:00'), 120)).toEqual(at('2027-01-04T14:00'));
    expect(advanceWorking(office, at('2027-01-05T16:00'), 120)).toEqual(at('2027-01-07T09:00'));
    expect(advanceWorking(office, at('2027-01-08T16:00'), 60)).toEqual(at('2027-01-11T08:00'));
  });
  test('advanceWorking without a calendar counts clock minutes', () => {
    expect(advanceWorking(undefined, at('2027-01-04T20:00'), 600)).toEqual(at('2027-01-05T06:00'));
  });
  test('retreatWorking counts working minutes back over lunch, the holiday and the weekend, to where the work starts', () => {
    expect(retreatWorking(office, at('2027-01-07T10:00'), 120)).toEqual(at('2027-01-07T08:00'));
    expect(retreatWorking(office, at('2027-01-07T09:00'), 120)).toEqual(at('2027-01-05T16:00'));
    expect(retreatWorking(office, at('2027-01-11T08:00'), 60)).toEqual(at('2027-01-08T16:00'));
    expect(retreatWorking(office, at('2027-01-04T14:00'), 180)).toEqual(at('2027-01-04T10:00'));
    expect(retreatWorking(office, at('2027-01-04T14:00'), 0)).toEqual(at('2027-01-04T14:00'));
    expect(retreatWorking(undefined, at('2027-01-05T06:00'), 600)).toEqual(at('2027-01-04T20:00'));
  });
  test('nextWorkingMoment moves midnight, lunch and a holiday to the next working minute', () => {
    expect(nextWorkingMoment(office, at('2027-01-04T00:00'))).toEqual(at('2027-01-04T08:00'));
    expect(nextWorkingMoment(office, at('2027-01-04T12:30'))).toEqual(at('2027-01-04T13:00'));
    expect(nextWorkingMoment(office, at('2027-01-05T17:00'))).toEqual(at('2027-01-07T08:00'));
  });
});

describe('checkPlanDates on the Depot Upgrade fixtures (dates hand-scheduled on the two calendars)', () => {
  for (const [name, plan, a1020, a1050] of [
    ['depot.xer', readXer(depotXer, 'depot.xer'), 'A1020', 'A1050'],
    ['depot.xml', readMspdi(depotXml, 'depot.xml'), '3', '6'],
  ] as const) {
    test(`checkPlanDates(${name}): 6 of 7 agree; the SS +1 day successor of the started design task starts on the data date, 2027-01-18`, () => {
      const { agreement, run } = checkPlanDates(plan);
      expect([agreement.total, agreement.starts, agreement.finishes, agreement.agree]).toEqual([7, 6, 6, 6]);
      // Design started 2027-01-07 08:00: + 8 working hours is 2027-01-08 08:00, before the data date.
      expect(run.metrics.tasks[a1020].startDate).toBe('2027-01-18');
      expect(run.metrics.tasks[a1020].finishDate).toBe('2027-01-19');
      expect(agreement.differ.map((d) => [d.id, d.cause])).toEqual([[a1050, 'link-before-predecessor']]);
    });
  }

  test('readXer keeps the SS link when P6 counts start-to-start lags from the early start (sched_lag_early_start_flag Y)', () => {
    const plan = readXer(depotXer.replace('%R\t1\t100\tN\trcal_Predecessor', '%R\t1\t100\tY\trcal_Predecessor'), 'y.xer');
    const a1020 = (plan.scenario.tasks as Record<string, unknown>[])[2];
    expect(a1020.after).toEqual([{ task: 'A1010', type: 'SS', lag: 1 }]);
    expect(a1020.not_before).toBeUndefined();
    // The data date (Jan 18) plus one working day: the early start P6 would count from.
    expect(checkPlanDates(plan).run.metrics.tasks.A1020.startDate).toBe('2027-01-19');
  });

  test('readXer writes a data date at or before the plan start as the first working moment of the start', () => {
    const plan = readXer(depotXer.replace('2027-01-18 08:00\t2027-01-04 08:00', '2027-01-04 00:00\t2027-01-04 00:00'), 'd.xer');
    expect([plan.scenario.start, plan.scenario.status_date]).toEqual(['2027-01-04', '2027-01-04T08:00']);
  });
});

describe('readMspdi translations checked against dates Project would store (hand-counted)', () => {
  test('a MinutesPerDay of 450 on an 8-hour calendar: 75 h is 9.375 calendar days, ending Fri 15th 11:00', () => {
    // Mon 4th to Thu 14th is 9 working days (72 h), then 3 h on Friday.
    const plan = readMspdi(mspdi(task(1, '2027-01-04T08:00:00', '2027-01-15T11:00:00', '<Duration>PT75H0M0S</Duration>'), '<MinutesPerDay>450</MinutesPerDay>'), 'm.xml');
    expect((plan.scenario.tasks as Record<string, unknown>[])[0].duration).toBe(9.375);
    expect(simulated(plan)).toEqual({ '1': ['2027-01-04', '2027-01-15'] });
  });

  test('an elapsed duration (48 edays-hours) of a task without resources runs round the clock: Fri 8th 08:00 to Sun 10th 08:00', () => {
    const plan = readMspdi(mspdi(task(1, '2027-01-08T08:00:00', '2027-01-10T08:00:00', '<Duration>PT48H0M0S</Duration><DurationFormat>8</DurationFormat>'), '', '2027-01-08T08:00:00'), 'e.xml');
    const t = (plan.scenario.tasks as Record<string, unknown>[])[0];
    expect([t.duration, t.calendar]).toEqual([2, 'Elapsed-time']); // 48 h in days of its own 24-hour calendar
    expect(simulated(plan)).toEqual({ '1': ['2027-01-08', '2027-01-10'] });
  });

  test('a manually scheduled task stays at its Start; one before StartDate moves the scenario start, the others keep StartDate', () => {
    const plan = readMspdi(
      mspdi(
        task(1, '2027-01-11T08:00:00', '2027-01-11T17:00:00', '<Manual>1</Manual><Duration>PT8H0M0S</Duration>') +
          task(2, '2026-12-28T08:00:00', '2026-12-28T17:00:00', '<Manual>1</Manual><Duration>PT8H0M0S</Duration>') +
          task(3, '2027-01-04T08:00:00', '2027-01-04T17:00:00', '<Duration>PT8H0M0S</Duration>'),
      ),
      'man.xml',
    );
    const tasks = plan.scenario.tasks as Record<string, unknown>[];
    expect([plan.scenario.start, ...tasks.map((t) => t.not_before)]).toEqual(['2026-12-28', '2027-01-11', '2026-12-28', '2027-01-04T08:00']);
    expect(simulated(plan)).toEqual({ '1': ['2027-01-11', '2027-01-11'], '2': ['2026-12-28', '2026-12-28'], '3': ['2027-01-04', '2027-01-04'] });
  });

  test('progress without a StatusDate: a started task starts at its actual start with its whole duration, as Project continues it', () => {
    const plan = readMspdi(
      mspdi(task(1, '2027-01-05T08:00:00', '2027-01-06T17:00:00', '<Duration>PT16H0M0S</Duration><RemainingDuration>PT8H0M0S</RemainingDuration><ActualStart>2027-01-05T08:00:00</ActualStart>') + task(2, '2027-01-04T08:00:00', '2027-01-04T17:00:00', '<Duration>PT8H0M0S</Duration>')),
      'p.xml',
    );
    expect([plan.scenario.status_date, plan.scenario.progress, (plan.scenario.tasks as Record<string, unknown>[])[0].not_before]).toEqual([undefined, undefined, '2027-01-05T08:00']);
    expect(simulated(plan)).toEqual({ '1': ['2027-01-05', '2027-01-06'], '2': ['2027-01-04', '2027-01-04'] });
  });

  test('an SS +1 day link from a started task counts from its actual start: the successor starts on the status date, not a day after', () => {
    const lag = '<PredecessorLink><PredecessorUID>1</PredecessorUID><Type>3</Type><LinkLag>4800</LinkLag><LagFormat>7</LagFormat></PredecessorLink>';
    const plan = readMspdi(
      mspdi(
        task(1, '2027-01-04T08:00:00', '2027-01-08T17:00:00', '<Duration>PT40H0M0S</Duration><RemainingDuration>PT24H0M0S</RemainingDuration><ActualStart>2027-01-04T08:00:00</ActualStart>') +
          task(2, '2027-01-06T08:00:00', '2027-01-06T17:00:00', `<Duration>PT8H0M0S</Duration>${lag}`),
        '<StatusDate>2027-01-06T08:00:00</StatusDate>',
      ),
      'ss.xml',
    );
    const t2 = (plan.scenario.tasks as Record<string, unknown>[])[1];
    expect([t2.after, t2.not_before]).toEqual([undefined, '2027-01-05']); // Jan 4 08:00 + 8 h
    expect(simulated(plan)['2']).toEqual(['2027-01-06', '2027-01-06']);
  });

  test('a plan without resources gets the unused agent "unassigned", so that it validates and runs', () => {
    const plan = readMspdi(mspdi(task(1, '2027-01-04T08:00:00', '2027-01-04T17:00:00', '<Duration>PT8H0M0S</Duration>')), 'n.xml');
    expect(plan.scenario.agents).toEqual([{ id: 'unassigned', name: 'No resource (the plan assigns none)', capacity: 'unlimited' }]);
    expect(checkPlanDates(plan).agreement).toMatchObject({ total: 1, agree: 1 });
  });
});

describe('comparePlanDates', () => {
  test('comparePlanDates counts starts and finishes apart and names the predecessor whose dates differ', () => {
    const plan = {
      format: 'csv' as const,
      scenario: { tasks: [{ id: 'a', source_id: 'A' }, { id: 'b', after: ['a'] }, { id: 'c', after: [{ task: 'a', type: 'SF' }] }] },
      sourceDates: new Map([
        ['a', { start: '2027-01-04T08:00', finish: '2027-01-05T17:00' }],
        ['b', { start: '2027-01-06T08:00', finish: '2027-01-06T17:00' }],
        ['c', { start: '2027-01-01T08:00', finish: '2027-01-04T17:00' }],
      ]),
      warnings: [],
    };
    const a = comparePlanDates(plan, { a: { startDate: '2027-01-04', finishDate: '2027-01-06' }, b: { startDate: '2027-01-07', finishDate: '2027-01-07' }, c: { startDate: '2027-01-04', finishDate: '2027-01-05' } });
    expect([a.total, a.starts, a.finishes, a.agree]).toEqual([3, 1, 0, 0]);
    expect(a.differ.map((d) => [d.id, d.cause, d.reason])).toEqual([
      ['a', undefined, undefined],
      ['b', 'predecessor-differs', 'after A, whose dates differ'],
      ['c', 'link-before-predecessor', 'stored to start before its SF predecessor A starts (2027-01-04): the simulation starts a successor no earlier than its predecessor'],
    ]);
  });
});

describe('scenarioYaml writes what yaml writes', () => {
  test('scenarioYaml(doc) is byte for byte stringify(doc, {lineWidth: 0}) for every fixture', () => {
    for (const f of ['depot.xer', 'depot.xml', 'relaunch.csv', 'small-house.gan', 'small12.sm']) {
      const plan = readPlan(readFileSync(new URL(`./fixtures/${f}`, import.meta.url)), f);
      expect(scenarioYaml(plan.scenario), f).toBe(stringify(plan.scenario, { lineWidth: 0 }));
    }
  });

  test('scenarioYaml agrees with yaml on awkward strings (indicators, numbers, booleans, quotes, colons, unicode) and nesting', () => {
    const awkward = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'Z', '0', '9', ' ', '-', ':', '#', '"', "'", '.', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '%', '@', '`', '?', '~', '/', '\\', '\t', 'é', '—') }),
      fc.constantFrom('', 'true', 'False', 'null', '~', 'NULL', '1', '-2', '0x1F', '0o7', '1e3', '.5', '.inf', '-.Inf', '.nan', '2027-01-04', '2027-01-04T08:00', '08:00-12:00', 'a: b', 'a #b', 'x ', ' x', '- x', '"q"', 'yes', 'on', '1_000', '+1'),
    );
    const value = fc.letrec<{ v: unknown }>((tie) => ({
      v: fc.oneof({ depthSize: 'small' }, awkward, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(awkward, tie('v'), { maxKeys: 3 })),
    })).v;
    fc.assert(
      fc.property(fc.dictionary(awkward, value, { maxKeys: 4 }), (doc) => {
        expect(scenarioYaml(doc)).toBe(stringify(doc, { lineWidth: 0 }));
      }),
      { seed: 42, numRuns: 1000 },
    );
  });
});

describe('scenarioYaml and multi-line text', () => {
  test('scenarioYaml double-quotes multi-line strings (yaml would write block scalars), and they read back unchanged', () => {
    const doc = { name: 'Line one\nline two', tasks: [{ id: 'a', name: 'x\r\n"y"\ttab' }] };
    expect(scenarioYaml(doc)).toBe('name: "Line one\\nline two"\ntasks:\n  - id: a\n    name: "x\\r\\n\\"y\\"\\ttab"\n');
    expect(parse(scenarioYaml(doc))).toEqual(doc);
  });
});

/**
 * The simulation cannot yet reproduce these stored dates; each needs an engine change (see
 * docs/import.md, "Where the dates differ"). Skipped until then: the bodies state the dates the
 * source tools store.
 */
describe('dates that need an engine change', () => {
  test.skip('SF link: Train operators (depot A1050) finishes one day after Install starts and so starts before it, 2027-01-27 (engine releases start-side links only at the predecessor start: src/engine/links.ts releaseAtStart)', () => {
    const { run } = checkPlanDates(readXer(depotXer, 'depot.xer'));
    expect([run.metrics.tasks.A1050.startDate, run.metrics.tasks.A1050.finishDate]).toEqual(['2027-01-27', '2027-01-29']);
  });

  // GanttProject's calendars have no hours: a task ends at midnight after its last day, and a
  // milestone at that instant (Friday 24:00) was dated Saturday, a day off. It is now dated by
  // the day whose work it ends (Friday); GanttProject itself shows the next working day.
  test('a milestone after a task ending on a Friday is not dated Saturday on a whole-day calendar', () => {
    const gan = '/work/data/ganttproject/HouseBuildingSample.gan';
    if (!existsSync(gan)) return;
    const { run } = checkPlanDates(readPlan(readFileSync(gan), gan));
    expect(['2024-06-28', '2024-07-01']).toContain(run.metrics.tasks['17'].startDate);
  });
});

/**
 * Date agreement measured on the MPXJ samples (scripts/import-agreement.mjs, 2026-12-02): for
 * each file, its activities with stored dates and how many start and finish on the stored days.
 * The counts may rise, never fall.
 */
const MEASURED: [string, number, number][] = [
  ["PredecessorCalendar.xer", 1, 1],
  ["ProjectDefaultCalendar.xer", 1, 1],
  ["SuccessorCalendar.xer", 1, 1],
  ["TwentyFourHourCalendar.xer", 1, 1],
  ["assignment/resource-rates-test.xer", 1, 1],
  ["baselines.xml", 1, 1],
  ["calendar/invalid/invalid-8.4.xer", 12, 12],
  ["enterprise.xml", 1, 1],
  ["generated/assignment-assignments/assignment-assignments-project2002-mspdi.xml", 3, 3],
  ["generated/assignment-assignments/assignment-assignments-project2003-mspdi.xml", 3, 3],
  ["generated/assignment-assignments/assignment-assignments-project2007-mspdi.xml", 3, 3],
  ["generated/assignment-assignments/assignment-assignments-project2010-mspdi.xml", 3, 3],
  ["generated/assignment-assignments/assignment-assignments-project2013-mspdi.xml", 3, 3],
  ["generated/assignment-assignments/assignment-assignments-project2016-mspdi.xml", 3, 3],
  ["generated/assignment-assignments/assignment-assignments-project2019-mspdi.xml", 3, 3],
  ["generated/assignment-flags/assignment-flags-project2003-mspdi.xml", 20, 20],
  ["generated/assignment-flags/assignment-flags-project2007-mspdi.xml", 20, 20],
  ["generated/assignment-flags/assignment-flags-project2010-mspdi.xml", 20, 20],
  ["generated/assignment-flags/assignment-flags-project2013-mspdi.xml", 20, 20],
  ["generated/assignment-flags/assignment-flags-project2016-mspdi.xml", 20, 20],
  ["generated/assignment-flags/assignment-flags-project2019-mspdi.xml", 20, 20],
  ["generated/assignment-text/assignment-text-project2002-mspdi.xml", 30, 30],
  ["generated/assignment-text/assignment-text-project2003-mspdi.xml", 30, 30],
  ["generated/assignment-text/assignment-text-project2007-mspdi.xml", 30, 30],
  ["generated/assignment-text/assignment-text-project2010-mspdi.xml", 30, 30],
  ["generated/assignment-text/assignment-text-project2013-mspdi.xml", 30, 30],
  ["generated/assignment-text/assignment-text-project2016-mspdi.xml", 30, 30],
  ["generated/assignment-text/assignment-text-project2019-mspdi.xml", 30, 30],
  ["generated/task-baselines/task-baselines-project2002-mspdi.xml", 55, 55],
  ["generated/task-baselines/task-baselines-project2003-mspdi.xml", 55, 55],
  ["generated/task-baselines/task-baselines-project2007-mspdi.xml", 55, 55],
  ["generated/task-baselines/task-baselines-project2010-mspdi.xml", 110, 110],
  ["generated/task-baselines/task-baselines-project2013-mspdi.xml", 110, 110],
  ["generated/task-baselines/task-baselines-project2016-mspdi.xml", 110, 110],
  ["generated/task-baselines/task-baselines-project2019-mspdi.xml", 110, 110],
  ["generated/task-costs/task-costs-project2003-mspdi.xml", 10, 10],
  ["generated/task-costs/task-costs-project2007-mspdi.xml", 10, 10],
  ["generated/task-costs/task-costs-project2010-mspdi.xml", 10, 10],
  ["generated/task-costs/task-costs-project2013-mspdi.xml", 10, 10],
  ["generated/task-costs/task-costs-project2016-mspdi.xml", 10, 10],
  ["generated/task-costs/task-costs-project2019-mspdi.xml", 10, 10],
  ["generated/task-dates/task-dates-project2003-mspdi.xml", 10, 10],
  ["generated/task-dates/task-dates-project2007-mspdi.xml", 10, 10],
  ["generated/task-dates/task-dates-project2010-mspdi.xml", 10, 10],
  ["generated/task-dates/task-dates-project2013-mspdi.xml", 10, 10],
  ["generated/task-dates/task-dates-project2016-mspdi.xml", 10, 10],
  ["generated/task-dates/task-dates-project2019-mspdi.xml", 10, 10],
  ["generated/task-durations/task-durations-project2003-mspdi.xml", 110, 110],
  ["generated/task-durations/task-durations-project2007-mspdi.xml", 110, 110],
  ["generated/task-durations/task-durations-project2010-mspdi.xml", 110, 110],
  ["generated/task-durations/task-durations-project2013-mspdi.xml", 110, 110],
  ["generated/task-durations/task-durations-project2016-mspdi.xml", 110, 110],
  ["generated/task-durations/task-durations-project2019-mspdi.xml", 110, 110],
  ["generated/task-finishes/task-finishes-project2003-mspdi.xml", 10, 10],
  ["generated/task-finishes/task-finishes-project2007-mspdi.xml", 10, 10],
  ["generated/task-finishes/task-finishes-project2010-mspdi.xml", 10, 10],
  ["generated/task-finishes/task-finishes-project2013-mspdi.xml", 10, 10],
  ["generated/task-finishes/task-finishes-project2016-mspdi.xml", 10, 10],
  ["generated/task-finishes/task-finishes-project2019-mspdi.xml", 10, 10],
  ["generated/task-flags/task-flags-project2003-mspdi.xml", 20, 20],
  ["generated/task-flags/task-flags-project2007-mspdi.xml", 20, 20],
  ["generated/task-flags/task-flags-project2010-mspdi.xml", 20, 20],
  ["generated/task-flags/task-flags-project2013-mspdi.xml", 20, 20],
  ["generated/task-flags/task-flags-project2016-mspdi.xml", 20, 20],
  ["generated/task-flags/task-flags-project2019-mspdi.xml", 20, 20],
  ["generated/task-links/task-links-project2003-mspdi.xml", 16, 16],
  ["generated/task-links/task-links-project2007-mspdi.xml", 16, 16],
  ["generated/task-links/task-links-project2010-mspdi.xml", 16, 16],
  ["generated/task-links/task-links-project2013-mspdi.xml", 16, 16],
  ["generated/task-links/task-links-project2016-mspdi.xml", 16, 16],
  ["generated/task-links/task-links-project2019-mspdi.xml", 16, 16],
  ["generated/task-numbers/task-numbers-project2003-mspdi.xml", 20, 20],
  ["generated/task-numbers/task-numbers-project2007-mspdi.xml", 20, 20],
  ["generated/task-numbers/task-numbers-project2010-mspdi.xml", 20, 20],
  ["generated/task-numbers/task-numbers-project2013-mspdi.xml", 20, 20],
  ["generated/task-numbers/task-numbers-project2016-mspdi.xml", 20, 20],
  ["generated/task-numbers/task-numbers-project2019-mspdi.xml", 20, 20],
  ["generated/task-percentcomplete/percent-complete-8.4.xer", 12, 12],
  ["generated/task-starts/task-starts-project2003-mspdi.xml", 10, 10],
  ["generated/task-starts/task-starts-project2007-mspdi.xml", 10, 10],
  ["generated/task-starts/task-starts-project2010-mspdi.xml", 10, 10],
  ["generated/task-starts/task-starts-project2013-mspdi.xml", 10, 10],
  ["generated/task-starts/task-starts-project2016-mspdi.xml", 10, 10],
  ["generated/task-starts/task-starts-project2019-mspdi.xml", 10, 10],
  ["generated/task-text/task-text-project2003-mspdi.xml", 30, 30],
  ["generated/task-text/task-text-project2007-mspdi.xml", 30, 30],
  ["generated/task-text/task-text-project2010-mspdi.xml", 30, 30],
  ["generated/task-text/task-text-project2013-mspdi.xml", 30, 30],
  ["generated/task-text/task-text-project2016-mspdi.xml", 30, 30],
  ["generated/task-text/task-text-project2019-mspdi.xml", 30, 30],
  ["generated/task-textvalues/task-textvalues-project2010-mspdi.xml", 3, 3],
  ["generated/task-textvalues/task-textvalues-project2013-mspdi.xml", 3, 3],
  ["generated/task-textvalues/task-textvalues-project2016-mspdi.xml", 3, 3],
  ["generated/task-textvalues/task-textvalues-project2019-mspdi.xml", 3, 3],
  ["legacy/caltest.xml", 3, 3],
  ["legacy/mspdipriority.xml", 10, 10],
  ["legacy/mspextattr.xml", 1, 1],
  ["legacy/sample.xml", 16, 14],
  ["legacy/sample1.xml", 18, 16],
  ["mspdiassignmentcustom.xml", 1, 1],
  ["mspdiassignmentfields.xml", 1, 1],
  ["mspdiduration.xml", 10, 10],
  ["mspdinulltasks.xml", 3, 3],
  ["mspdirelations.xml", 5, 4],
  ["mspdiresource.xml", 3, 0],
  ["mspdisplittask.xml", 2, 0],
  ["mspditimephased.xml", 40, 25],
  ["mspditimephasedsegments.xml", 20, 20],
  ["project/default-duration-format/DefaultDurationFormat.xml", 1, 1],
];

describe.skipIf(!mpxjAvailable)('date agreement on the MPXJ sample files (fetched copy, not committed)', () => {
  test('checkPlanDates agrees on at least as many activities per sample as measured, 2,524 of 2,549 in all', () => {
    const files = mpxjFiles(MEASURED.map(([p]) => `junit/data/${p}`));
    let total = 0;
    let agree = 0;
    for (const [p, activities, measured] of MEASURED) {
      const file = `junit/data/${p}`;
      const a = checkPlanDates(readPlan(files.get(file) as Buffer, file)).agreement;
      expect(a.total, p).toBe(activities);
      expect(a.agree, p).toBeGreaterThanOrEqual(measured);
      total += a.total;
      agree += a.agree;
    }
    expect(mpxjPaths('.xer').length).toBe(7);
    expect(total).toBe(2549);
    expect(agree).toBeGreaterThanOrEqual(2524);
  });
});
