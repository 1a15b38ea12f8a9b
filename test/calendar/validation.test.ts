import { describe, expect, test } from 'vitest';
import { CalendarSystem, ProjectClock, compileCalendar, parseOffPeriods } from '../../src/calendar/index.js';
import { CoordsimError, type CoordsimErrorCode } from '../../src/scenario/CoordsimError.js';
import { OFFICE, officeSystem } from './fixtures.js';

/** Asserts that `run` throws a CoordsimError with this code, path and message fragments. */
function expectError(run: () => unknown, code: CoordsimErrorCode, path: string, ...says: string[]): void {
  let error: unknown;
  try {
    run();
  } catch (e) {
    error = e;
  }
  expect(error, `expected ${code} at ${path}`).toBeInstanceOf(CoordsimError);
  const e = error as CoordsimError;
  expect({ code: e.code, path: e.context.path }).toEqual({ code, path });
  expect(e.message.startsWith(`at ${path}: `)).toBe(true);
  for (const s of says) expect(e.message).toContain(s);
}

const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri'];

describe('compileCalendar(spec, path) rejects every malformed calendar, naming the path and the value', () => {
  const cases: [string, unknown, CoordsimErrorCode, string, ...string[]][] = [
    ['a calendar that is not a map', 'office', 'E_SCHEMA', '/calendars/c', 'found "office"'],
    ['an unknown key', { days: WEEK, holiday: ['2027-01-01'] }, 'E_SCHEMA', '/calendars/c/holiday', 'unknown key "holiday"', 'holidays'],
    ['days that are not a list', { days: 'mon-fri' }, 'E_SCHEMA', '/calendars/c/days', '"mon-fri"'],
    ['an unknown weekday', { days: ['mon', 'tues'] }, 'E_PARAM', '/calendars/c/days/1', 'unknown weekday "tues"', 'mon, tue, wed'],
    ['a weekday listed twice', { days: ['mon', 'tue', 'tue'] }, 'E_PARAM', '/calendars/c/days/2', '"tue" is listed twice'],
    ['hours above 24', { hours: 25 }, 'E_PARAM', '/calendars/c/hours', 'from 0 to 24, found 25'],
    ['negative hours', { hours: -1 }, 'E_PARAM', '/calendars/c/hours', 'found -1'],
    ['hours that are not whole minutes', { hours: 7.123 }, 'E_PARAM', '/calendars/c/hours', 'whole number of minutes', '7.123'],
    ['hours of the wrong type', { hours: '8' }, 'E_SCHEMA', '/calendars/c/hours', 'found "8"'],
    ['a malformed hour range', { hours: ['9-17'] }, 'E_PARAM', '/calendars/c/hours/0', '"HH:MM-HH:MM"', 'found "9-17"'],
    ['a range past 24:00', { hours: ['22:00-24:30'] }, 'E_PARAM', '/calendars/c/hours/0', 'found "22:00-24:30"'],
    ['a range that ends before it starts', { hours: ['17:00-09:00'] }, 'E_PARAM', '/calendars/c/hours/0', 'cannot cross midnight', '"17:00-09:00"'],
    ['overlapping hour ranges', { hours: ['09:00-12:30', '12:00-17:00'] }, 'E_PARAM', '/calendars/c/hours/1', '"09:00-12:30" and "12:00-17:00" overlap'],
    ['day_start with ranges', { hours: ['09:00-17:00'], day_start: '08:00' }, 'E_PARAM', '/calendars/c/hours', 'day_start applies only'],
    ['day_start without hours', { day_start: '08:00' }, 'E_PARAM', '/calendars/c/day_start', 'needs `hours: N`'],
    ['a malformed day_start', { hours: 8, day_start: '8am' }, 'E_PARAM', '/calendars/c/day_start', 'found "8am"'],
    ['a day that would end after midnight', { hours: 8, day_start: '20:00' }, 'E_PARAM', '/calendars/c/hours', '8 h from day_start 20:00 would end after 24:00'],
    ['holidays that are not a list', { holidays: '2027-01-01' }, 'E_SCHEMA', '/calendars/c/holidays', 'found "2027-01-01"'],
    ['a malformed holiday', { holidays: ['2027-01-01', '2027-02-30'] }, 'E_PARAM', '/calendars/c/holidays/1', 'no such date: "2027-02-30"'],
    ['a holiday with a time of day', { holidays: ['2027-01-01T12:00'] }, 'E_PARAM', '/calendars/c/holidays/0', 'whole date'],
    ['a holiday range with from after to', { holidays: [{ from: '2027-12-31', to: '2027-12-24' }] }, 'E_PARAM', '/calendars/c/holidays/0', '`from` 2027-12-31 is after `to` 2027-12-24'],
    ['a holiday range without to', { holidays: [{ from: '2027-12-24' }] }, 'E_SCHEMA', '/calendars/c/holidays/0', 'both `from` and `to`'],
    ['a holiday range with a bad to', { holidays: [{ from: '2027-12-24', to: 'Dec 31' }] }, 'E_PARAM', '/calendars/c/holidays/0/to', '"Dec 31"'],
    ['a holiday with an unknown key', { holidays: [{ from: '2027-12-24', until: '2027-12-31' }] }, 'E_SCHEMA', '/calendars/c/holidays/0/until', 'unknown key "until"'],
    ['exceptions that are not a list', { exceptions: { from: '2027-01-01' } }, 'E_SCHEMA', '/calendars/c/exceptions', 'expected a list'],
    ['an exception with a non-boolean working', { exceptions: [{ from: '2027-01-16', working: 'yes' }] }, 'E_SCHEMA', '/calendars/c/exceptions/0/working', 'found "yes"'],
    ['a non-working exception with hours', { exceptions: [{ from: '2027-01-16', working: false, hours: 4 }] }, 'E_PARAM', '/calendars/c/exceptions/0/hours', 'has no hours'],
    ['an exception with bad hours', { exceptions: [{ from: '2027-01-16', hours: ['08:00-13:00', '12:00-14:00'] }] }, 'E_PARAM', '/calendars/c/exceptions/0/hours/1', 'overlap'],
    ['an exception with from after to', { exceptions: [{ from: '2027-01-17', to: '2027-01-16', working: true }] }, 'E_PARAM', '/calendars/c/exceptions/0', 'is after'],
    ['overlapping exceptions', { exceptions: [{ from: '2027-01-10', to: '2027-01-20', working: false }, { from: '2027-01-05', to: '2027-01-10', hours: 4 }] }, 'E_PARAM', '/calendars/c/exceptions/0', 'overlaps exception 1'],
    ['no working days', { days: [] }, 'E_PARAM', '/calendars/c/days', 'no working time at all'],
    ['no working hours', { days: WEEK, hours: 0 }, 'E_PARAM', '/calendars/c/hours', 'no working time at all'],
  ];
  for (const [title, spec, code, path, ...says] of cases) {
    test(`rejects ${title}`, () => expectError(() => compileCalendar(spec, '/calendars/c'), code, path, ...says));
  }

  test('accepts a calendar that works only on its exceptions, and an empty one (always working)', () => {
    const c = compileCalendar({ days: [], exceptions: [{ from: '2027-01-16', hours: 8 }] }, '/calendars/event');
    expect([c.daysPerWeek, c.alwaysWorking]).toEqual([0, false]);
    expect(compileCalendar({}, '/calendars/always').alwaysWorking).toBe(true);
    expect(compileCalendar({ days: ['Mon', 'TUE'] }, '/calendars/c').daysPerWeek).toBe(2);
    expect(compileCalendar({ hours: 16 }, '/calendars/c').standard).toEqual([480, 1440]); // starts 08:00 to end by 24:00
    expect(compileCalendar({ hours: ['12:00-17:00', '09:00-12:00'] }, '/calendars/c').standard).toEqual([540, 1020]); // touching ranges merge
  });
});

describe('parseOffPeriods(value, path)', () => {
  test('reads dates, closed ranges and open ends', () => {
    expect(parseOffPeriods(['2027-01-06', { from: '2027-02-08', to: '2027-02-12' }, { from: '2027-06-01' }, { to: '2027-01-03' }], '/agents/0/off')).toEqual([
      { from: 20824, to: 20824 }, { from: 20857, to: 20861 }, { from: 20970, to: Infinity }, { from: -Infinity, to: 20821 },
    ]);
    expect(parseOffPeriods(undefined, '/agents/0/off')).toEqual([]);
  });

  test('rejects an empty period, from after to and malformed dates', () => {
    expectError(() => parseOffPeriods([{}], '/agents/0/off'), 'E_SCHEMA', '/agents/0/off/0', '`from` and/or `to`');
    expectError(() => parseOffPeriods([{ from: '2027-02-12', to: '2027-02-08' }], '/agents/0/off'), 'E_PARAM', '/agents/0/off/0', '`from` 2027-02-12 is after `to` 2027-02-08');
    expectError(() => parseOffPeriods(['2027-02-31'], '/agents/0/off'), 'E_PARAM', '/agents/0/off/0', 'no such date');
    expectError(() => parseOffPeriods({ from: '2027-02-01' }, '/agents/0/off'), 'E_SCHEMA', '/agents/0/off', 'expected a list');
  });
});

describe('CalendarSystem.fromScenario and ProjectClock validation', () => {
  test('an unknown project or agent calendar is an E_REFERENCE naming the defined ones', () => {
    expectError(() => CalendarSystem.fromScenario({ start: '2027-01-04', calendars: { office: OFFICE }, calendar: 'ofice' }), 'E_REFERENCE', '/calendar', 'unknown calendar "ofice"', 'defined: office');
    expectError(() => officeSystem('day').workingTime({ calendar: 'night', where: '/agents/2' }), 'E_REFERENCE', '/agents/2/calendar', 'unknown calendar "night"');
    expectError(() => CalendarSystem.fromScenario({ start: '2027-01-04', calendar: 'office' }), 'E_REFERENCE', '/calendar', 'no `calendars` defined');
  });

  test('calendars, a bad time_unit and a bad start are rejected at their paths', () => {
    expectError(() => CalendarSystem.fromScenario({ calendars: ['office'] }), 'E_SCHEMA', '/calendars', 'a map of calendar names');
    expectError(() => CalendarSystem.fromScenario({ start: '2027-01-04', calendars: { 'a/b': { hours: 30 } } }), 'E_PARAM', '/calendars/a~1b/hours', 'found 30');
    expectError(() => CalendarSystem.fromScenario({ time_unit: 'month' }), 'E_PARAM', '/time_unit', 'minute, hour, day, week, found "month"');
    expectError(() => CalendarSystem.fromScenario({ start: '04/01/2027' }), 'E_PARAM', '/start', 'found "04/01/2027"');
    expectError(() => CalendarSystem.fromScenario({ start: '2027-01-04T09:00:30' }), 'E_PARAM', '/start', 'whole minutes');
    const inFile = () => CalendarSystem.fromScenario({ calendars: { office: { days: ['funday'] } } }, { file: 'plan.yaml', path: '' });
    expect(inFile).toThrow('plan.yaml at /calendars/office/days/0: days: unknown weekday "funday"');
  });

  test('a calendar or days off without a start date is an error; without any, dates are', () => {
    expectError(() => CalendarSystem.fromScenario({ calendars: { office: OFFICE }, calendar: 'office' }), 'E_PARAM', '/start', 'needs the project `start` date');
    const noStart = CalendarSystem.fromScenario({ calendars: { office: OFFICE } });
    expectError(() => noStart.workingTime({ calendar: 'office', where: '/agents/0' }), 'E_PARAM', '/agents/0', 'a working calendar needs the project `start` date');
    expectError(() => noStart.workingTime({ off: ['2027-01-05'], where: '/agents/0' }), 'E_PARAM', '/agents/0', 'days off need the project `start` date');
    expectError(() => noStart.clock.parseTime('2027-03-31', 'end', '/deadline'), 'E_PARAM', '/deadline', 'needs the project `start` date');
    expect(noStart.clock.parseTime(12, 'end', '/deadline')).toBe(12);
    expect(() => noStart.project.finishDate(3)).toThrow(/dates need the project `start` date/);
    expectError(() => noStart.clock.parseTime(NaN, 'end', '/deadline'), 'E_PARAM', '/deadline', 'found NaN');
  });

  test('an agent with no working time on or after the start is an error at its path', () => {
    expectError(() => officeSystem('day').workingTime({ off: [{ from: '2026-12-01' }], where: '/agents/3' }), 'E_PARAM', '/agents/3', 'no working time on or after the project start 2027-01-04');
    expectError(() => CalendarSystem.fromScenario({ start: '2027-01-04', calendars: { once: { days: [], exceptions: [{ from: '2026-06-01', working: true }] } }, calendar: 'once' }),
      'E_PARAM', '/calendars/once', 'cannot measure work in days');
    expectError(() => ProjectClock.create({ start: '2027-01-04', timeUnit: 'hour', calendar: compileCalendar({ days: [], exceptions: [{ from: '2026-06-01', hours: 8 }] }, '/calendars/once') }),
      'E_PARAM', '/calendars/once', 'no working time on or after the start');
  });
});

describe('runaway work is refused with a clear error, not an endless loop', () => {
  test('work needing more than 1,000,000 days of a calendar is E_INFEASIBLE, found quickly', () => {
    const sys = officeSystem('day', { sparse: { days: ['mon'], hours: 1 / 60 } }); // one minute a week
    const sparse = sys.workingTime({ calendar: 'sparse', where: '/agents/7' });
    expect(sparse.advance(0, 1 / 480)).toBe(1 / 1440); // a minute of work: Monday 09:00–09:01
    expect(sparse.advance(0, 100)).toBeCloseTo(7 * 48000 - 7 + 1 / 1440, 6); // 48,000 Mondays later
    const t0 = performance.now();
    expectError(() => sparse.advance(0, 1000), 'E_INFEASIBLE', '/calendars/sparse', 'more than 1,000,000 days');
    expectError(() => sparse.retreat(0, 1000), 'E_INFEASIBLE', '/calendars/sparse', 'more than 1,000,000 days');
    expect(performance.now() - t0).toBeLessThan(30_000); // a hang bound, not a speed figure
  });

  test('advance and retreat refuse negative or NaN work and NaN times (engine bugs)', () => {
    const p = officeSystem('day').project;
    expect(() => p.advance(0, -1)).toThrow(/expected work >= 0, got -1 \(use advanceSigned/);
    expect(() => p.retreat(0, NaN)).toThrow(/expected work >= 0, got NaN/);
    expect(() => p.advance(NaN, 1)).toThrow(/expected a finite time, got NaN/);
    expect(p.advance(Infinity, 1)).toBe(Infinity);
    expect(() => CalendarSystem.fromScenario({}).project.advance(0, -1)).toThrow(CoordsimError);
  });
});

describe('calendar keys for imported plans', () => {
  test('an exception with neither working nor hours is a regular working day; week gives each weekday its hours; name is kept for people', async () => {
    const { compileCalendar } = await import('../../src/calendar/index.js');
    const c = compileCalendar({ name: 'Standard', week: { mon: ['08:00-12:00', '13:00-17:00'], fri: ['08:00-12:00'] }, exceptions: [{ from: '2027-01-16' }] }, '/calendars/c');
    expect(c.daysPerWeek).toBe(2);
    expect(c.minutesPerDay).toBe((8 * 60 + 4 * 60) / 2);
    expect(c.exceptions[0].windows).toEqual(c.standard);
    expect(() => compileCalendar({ week: { mon: ['09:00-17:00'] }, days: ['mon'] }, '/calendars/c')).toThrow(/either `week`/);
  });
});
