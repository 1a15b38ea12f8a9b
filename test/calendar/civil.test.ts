import fc from 'fast-check';
import { expect, test } from 'vitest';
import { civilFromDays, daysFromCivil, formatDate, formatDateTime, parseDate, parseDateTime, weekdayOf } from '../../src/calendar/index.js';
import { CoordsimError } from '../../src/scenario/CoordsimError.js';

test('daysFromCivil and civilFromDays agree with Date.UTC over ±300,000 days (years 1148–2791)', () => {
  fc.assert(fc.property(fc.integer({ min: -300_000, max: 300_000 }), (n) => {
    const d = new Date(n * 86_400_000);
    expect(civilFromDays(n)).toEqual([d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()]);
    expect(daysFromCivil(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())).toBe(n);
    expect(weekdayOf(n)).toBe((d.getUTCDay() + 6) % 7);
  }), { numRuns: 3000, seed: 1 });
  expect(daysFromCivil(1970, 1, 1)).toBe(0);
  expect(daysFromCivil(2027, 1, 4)).toBe(20822);
  expect(weekdayOf(20822)).toBe(0); // 2027-01-04 is a Monday
  expect(daysFromCivil(2000, 3, 1) - daysFromCivil(2000, 2, 28)).toBe(2); // 2000 is a leap year
  expect(daysFromCivil(1900, 3, 1) - daysFromCivil(1900, 2, 28)).toBe(1); // 1900 is not
});

test('parseDate and parseDateTime read ISO dates and civil date-times', () => {
  expect(parseDate('2027-01-04', '/start')).toBe(20822);
  expect(parseDateTime('2027-01-04T13:30', '/x')).toEqual({ day: 20822, minute: 810 });
  expect(parseDateTime('2027-01-04T13:30:30', '/x')).toEqual({ day: 20822, minute: 810.5 });
  expect(parseDateTime(new Date(Date.UTC(2027, 0, 4, 6)), '/x')).toEqual({ day: 20822, minute: 360 });
  expect(parseDate('2024-02-29', '/x')).toBe(daysFromCivil(2024, 2, 29));
});

test('parseDate and parseDateTime reject malformed values, naming the path and the value', () => {
  const cases: [unknown, string, string][] = [
    ['2027-13-01', 'E_PARAM', 'no such date: "2027-13-01"'],
    ['2027-02-29', 'E_PARAM', 'no such date: "2027-02-29"'],
    ['2027-1-4', 'E_PARAM', 'expected a date "YYYY-MM-DD" or date-time "YYYY-MM-DDTHH:MM", found "2027-1-4"'],
    ['2027-01-04T25:00', 'E_PARAM', 'no such time of day'],
    ['2027-01-04T10:00Z', 'E_PARAM', 'without a time zone'],
    ['2027-01-04T10:00+01:00', 'E_PARAM', 'without a time zone'],
    [20270104, 'E_SCHEMA', 'found 20270104'],
    [new Date(NaN), 'E_PARAM', 'invalid Date'],
  ];
  for (const [value, code, says] of cases) {
    try {
      parseDateTime(value, '/tasks/2/deadline');
      expect.unreachable(String(value));
    } catch (e) {
      expect(e).toBeInstanceOf(CoordsimError);
      expect((e as CoordsimError).code).toBe(code);
      expect((e as CoordsimError).context.path).toBe('/tasks/2/deadline');
      expect((e as CoordsimError).message).toContain(says);
      expect((e as CoordsimError).message).toMatch(/^at \/tasks\/2\/deadline: /);
    }
  }
  expect(() => parseDate('2027-01-04T09:00', '/holidays/0')).toThrow('at /holidays/0: expected a whole date "YYYY-MM-DD", found the date-time "2027-01-04T09:00"');
  expect(() => parseDate('2027-01-04', { file: 'plan.yaml', path: '/start' })).not.toThrow();
  expect(() => parseDate('nope', { file: 'plan.yaml', path: '/start' })).toThrow(/^plan\.yaml at \/start: /);
});

test('formatDate and formatDateTime print ISO 8601, rounding to the nearest minute', () => {
  expect(formatDate(20822)).toBe('2027-01-04');
  expect(formatDate(0)).toBe('1970-01-01');
  expect(formatDate(daysFromCivil(-1, 12, 31))).toBe('-0001-12-31');
  expect(formatDateTime(20822, 810)).toBe('2027-01-04T13:30');
  expect(formatDateTime(20822, 1019.9999999)).toBe('2027-01-04T17:00');
  expect(formatDateTime(20822, 1439.7)).toBe('2027-01-05T00:00');
  expect(formatDateTime(20822, 0.2)).toBe('2027-01-04T00:00');
});
