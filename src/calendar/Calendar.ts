import type { ErrorContext } from '../scenario/CoordsimError.js';
import { formatDate } from './civil.js';
import { parseDayRange, parseDayRanges, type DayRange } from './_internals/dayRanges.js';
import { at, checkKeys, fail, isRecord, show, type Where } from './_internals/fail.js';
import { NO_WINDOWS, WHOLE_DAY, parseDayStart, parseHours, windowsTotal, type Windows } from './_internals/hours.js';

/** A working calendar as written in a scenario (every key optional; what is not said is not restricted). */
export interface CalendarSpec {
  /** Working weekdays, `mon` … `sun` (default: all seven). */
  days?: readonly string[];
  /** Hours per working day from `day_start`, or `"HH:MM-HH:MM"` ranges (default: 24, the whole day). */
  hours?: number | readonly string[];
  /** Start of a `hours: N` day, `"HH:MM"` (default 09:00, earlier when N > 15). */
  day_start?: string;
  /** Whole non-working days: dates or `{from, to}` ranges, inclusive. */
  holidays?: readonly (string | { from: string; to: string })[];
  /** Shown in reports (imported calendars keep their source name). */
  name?: string;
  /** Per weekday its own working ranges (`[]`: not working), for weeks whose days differ; instead of `days`/`hours`. */
  week?: Partial<Record<(typeof WEEKDAYS)[number], readonly string[] | number>>;
  /** Days whose working time differs: `{from, to?, working, hours?}`, inclusive (neither `working` nor `hours`: a regular working day). */
  exceptions?: readonly { from: string; to?: string; working?: boolean; hours?: number | readonly string[] }[];
}

/** Days `from` … `to` (inclusive day numbers) worked in `windows` instead of the weekly pattern. */
export interface CalendarException extends DayRange {
  readonly windows: Windows;
}

/** A validated, immutable working calendar: weekly pattern, holidays and exceptions. */
export interface Calendar {
  /** Working windows of each weekday, index 0 = Monday … 6 = Sunday. */
  readonly weekly: readonly Windows[];
  /** The windows of a regular working day (the `hours` key). */
  readonly standard: Windows;
  /** Whole non-working days, sorted by `from`. */
  readonly holidays: readonly DayRange[];
  /** Exception ranges, sorted by `from`, never overlapping; they win over holidays. */
  readonly exceptions: readonly CalendarException[];
  /** Working minutes of a regular working day. */
  readonly minutesPerDay: number;
  /** Working days in a regular week. */
  readonly daysPerWeek: number;
  /** True when every moment is working time (all days, 24 h, no holidays, no exceptions). */
  readonly alwaysWorking: boolean;
  /** Where the calendar was defined, for error messages. */
  readonly where: ErrorContext;
}

/** The weekday names `days` accepts, Monday first. */
export const WEEKDAYS = Object.freeze(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const);

const KEYS = ['name', 'days', 'hours', 'week', 'day_start', 'holidays', 'exceptions'] as const;

function freeze(c: Calendar): Calendar {
  return Object.freeze(c);
}

/** The calendar in which every moment is working time: the default when no calendar is given. */
export const ALWAYS_WORKING: Calendar = freeze({
  weekly: Object.freeze(WEEKDAYS.map(() => WHOLE_DAY)),
  standard: WHOLE_DAY,
  holidays: Object.freeze([]),
  exceptions: Object.freeze([]),
  minutesPerDay: 1440,
  daysPerWeek: 7,
  alwaysWorking: true,
  where: Object.freeze({ path: '(always working)' }),
});

function parseDays(value: unknown, where: Where): boolean[] {
  if (value === undefined) return WEEKDAYS.map(() => true);
  if (!Array.isArray(value)) fail('E_SCHEMA', where, '/days', `days: expected a list of weekdays such as [mon, tue, wed, thu, fri], found ${show(value)}`);
  const on = WEEKDAYS.map(() => false);
  value.forEach((name, i) => {
    const k = typeof name === 'string' ? (WEEKDAYS as readonly string[]).indexOf(name.toLowerCase()) : -1;
    if (k < 0) fail('E_PARAM', where, `/days/${i}`, `days: unknown weekday ${show(name)} (expected one of ${WEEKDAYS.join(', ')})`);
    if (on[k]) fail('E_PARAM', where, `/days/${i}`, `days: ${show(name)} is listed twice`);
    on[k] = true;
  });
  return on;
}

function parseException(item: unknown, standard: Windows, dayStart: number | undefined, where: Where, suffix: string): CalendarException {
  const range = parseDayRange(item, 'exceptions', where, suffix, 'single-or-closed', ['working', 'hours']);
  if (!isRecord(item)) fail('E_SCHEMA', where, suffix, `exceptions: expected {from, to, working, hours?}, found ${show(item)}`);
  const { working, hours } = item;
  if (working !== undefined && typeof working !== 'boolean') fail('E_SCHEMA', where, `${suffix}/working`, `exceptions: expected working: true or false, found ${show(working)}`);
  if (working === false && hours !== undefined) fail('E_PARAM', where, `${suffix}/hours`, 'exceptions: a non-working exception (working: false) has no hours');
  const windows = working === false ? NO_WINDOWS : hours === undefined ? standard : parseHours(hours, typeof hours === 'number' ? dayStart : undefined, where, `${suffix}/hours`);
  return Object.freeze({ ...range, windows });
}

/**
 * Validates a calendar spec (see `CalendarSpec`) found at `where` (e.g. `/calendars/office`)
 * and compiles it. Throws a CoordsimError naming the path and the bad value for unknown keys,
 * malformed dates or times, `from` after `to`, unknown weekdays, hours outside 0..24,
 * overlapping hour ranges or exceptions, and a calendar with no working time at all.
 */
export function compileCalendar(spec: unknown, where: Where): Calendar {
  if (!isRecord(spec)) fail('E_SCHEMA', where, '', `calendar: expected {days, hours, holidays, exceptions}, found ${show(spec)}`);
  checkKeys(spec, KEYS, where, '', 'calendar');
  const on = parseDays(spec.days, where);
  const dayStart = spec.day_start === undefined ? undefined : parseDayStart(spec.day_start, where, '/day_start');
  const standard = spec.hours === undefined ? (dayStart === undefined ? WHOLE_DAY : fail('E_PARAM', where, '/day_start', 'day_start needs `hours: N`'))
    : parseHours(spec.hours, dayStart, where, '/hours');
  const holidays = parseDayRanges(spec.holidays, 'holidays', where, '/holidays', 'closed').sort((a, b) => a.from - b.from || a.to - b.to);
  if (spec.exceptions !== undefined && !Array.isArray(spec.exceptions)) {
    fail('E_SCHEMA', where, '/exceptions', `exceptions: expected a list of {from, to, working, hours?}, found ${show(spec.exceptions)}`);
  }
  const indexed = ((spec.exceptions as unknown[] | undefined) ?? []).map((item, i) => ({ e: parseException(item, standard, dayStart, where, `/exceptions/${i}`), i }));
  indexed.sort((a, b) => a.e.from - b.e.from || a.i - b.i);
  for (let k = 1; k < indexed.length; k++) {
    const prev = indexed[k - 1];
    const cur = indexed[k];
    if (cur.e.from <= prev.e.to) {
      fail('E_PARAM', where, `/exceptions/${cur.i}`, `exceptions: ${formatDate(cur.e.from)}…${formatDate(cur.e.to)} overlaps exception ${prev.i} (${formatDate(prev.e.from)}…${formatDate(prev.e.to)})`);
    }
  }
  const exceptions = indexed.map((x) => x.e);
  let weekly = on.map((w) => (w ? standard : NO_WINDOWS));
  if (spec.week !== undefined) {
    if (spec.days !== undefined || spec.hours !== undefined) fail('E_PARAM', where, '/week', 'week: give either `week` (per weekday) or `days` and `hours`, not both');
    if (!isRecord(spec.week)) fail('E_SCHEMA', where, '/week', `week: expected a map of weekdays to working ranges, found ${show(spec.week)}`);
    checkKeys(spec.week, WEEKDAYS, where, '/week', 'week');
    const week = spec.week as Record<string, unknown>;
    weekly = WEEKDAYS.map((d) => (week[d] === undefined ? NO_WINDOWS : parseHours(week[d], dayStart, where, `/week/${d}`)));
  }
  const worked = weekly.filter((w) => windowsTotal(w) > 0);
  // With `week`, a regular day is the average working day of the week.
  const minutesPerDay = spec.week !== undefined ? (worked.length > 0 ? worked.reduce((a, w) => a + windowsTotal(w), 0) / worked.length : 0) : windowsTotal(standard);
  const daysPerWeek = minutesPerDay > 0 ? (spec.week !== undefined ? worked.length : on.filter(Boolean).length) : 0;
  if (daysPerWeek === 0 && !exceptions.some((e) => e.windows.length > 0)) {
    fail('E_PARAM', where, spec.days !== undefined && on.every((d) => !d) ? '/days' : '/hours',
      `calendar has no working time at all (days ${show(spec.days ?? WEEKDAYS)}, hours ${show(spec.hours ?? 24)})`);
  }
  return freeze({
    weekly: Object.freeze(weekly),
    standard,
    holidays: Object.freeze(holidays),
    exceptions: Object.freeze(exceptions),
    minutesPerDay,
    daysPerWeek,
    alwaysWorking: daysPerWeek === 7 && minutesPerDay === 1440 && holidays.length === 0 && exceptions.length === 0,
    where: at(where),
  });
}
