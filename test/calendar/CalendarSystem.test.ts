import { expect, test } from 'vitest';
import { CalendarSystem } from '../../src/calendar/index.js';
import { OFFICE, advanceIso, officeSystem } from './fixtures.js';

test('CalendarSystem.workingTime shares one WorkingTime per calendar without days off', () => {
  const sys = officeSystem('day', { half: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], hours: 4 } });
  expect(sys.workingTime({ where: '/agents/0' })).toBe(sys.project);
  const a = sys.workingTime({ calendar: 'half', where: '/agents/1' });
  expect(sys.workingTime({ calendar: 'half', where: '/agents/2' })).toBe(a);
  expect(sys.workingTime({ calendar: 'half', workUnit: 'own', where: '/tasks/0' })).not.toBe(a);
  const withOff = sys.workingTime({ calendar: 'half', off: ['2027-01-05'], where: '/agents/3' });
  expect(withOff).not.toBe(a);
  expect(withOff.where.path).toBe('/agents/3');
  expect(a.where.path).toBe('/calendars/half');
  expect(sys.workingTime({ calendar: 'office', where: '/agents/4' })).not.toBe(sys.project); // same rules, own cache
  expect(advanceIso(sys, sys.workingTime({ calendar: 'office', where: '/agents/4' }), '2027-01-08T15:00', 1)).toBe('2027-01-11T15:00');
});

test('CalendarSystem.fromScenario keeps calendar names in a Map (no prototype keys)', () => {
  const sys = CalendarSystem.fromScenario({ start: '2027-01-04', calendars: { __proto__: OFFICE, constructor: {} } as Record<string, unknown> });
  expect([...sys.calendars.keys()]).toEqual(['constructor']); // an object literal's __proto__ is not a key
  const sys2 = CalendarSystem.fromScenario({ start: '2027-01-04', calendars: JSON.parse('{"__proto__": {"days": ["mon"]}, "toString": {}}') });
  expect([...sys2.calendars.keys()]).toEqual(['__proto__', 'toString']);
  expect(sys2.calendar('__proto__', '/agents/0').daysPerWeek).toBe(1);
  expect(() => sys2.calendar('hasOwnProperty', '/agents/0')).toThrow(/unknown calendar "hasOwnProperty"/);
});

test('CalendarSystem without any calendar is the identity and reports plain unit conversions', () => {
  const sys = CalendarSystem.fromScenario({ time_unit: 'week' });
  expect(sys.project.identity).toBe(true);
  expect([sys.clock.unitMinutes, sys.clock.workMinutes, sys.clock.hoursPerDay, sys.clock.daysPerWeek, sys.clock.startDay]).toEqual([10080, 10080, 24, 7, null]);
  expect(sys.workingTime({ where: '/agents/0' }).advance(1.5, 2)).toBe(3.5);
});

test('project hours per day set the work unit: a 7.5 h, 4-day week', () => {
  const sys = CalendarSystem.fromScenario({
    start: '2027-01-04', time_unit: 'week', calendar: 'short',
    calendars: { short: { days: ['mon', 'tue', 'wed', 'thu'], hours: 7.5, day_start: '08:30' } },
  });
  expect([sys.clock.hoursPerDay, sys.clock.daysPerWeek, sys.clock.workMinutes, sys.clock.originMinutes]).toEqual([7.5, 4, 1800, 510]);
  expect(sys.clock.format(sys.project.advance(0, 1))).toBe('2027-01-07'); // Thursday 16:00
  expect(sys.project.finishDate(sys.project.advance(0, 1))).toBe('2027-01-07');
});
