import type { ImportWarning } from '../ImportedPlan.js';
import { daysFromCivil, isoDate, parseLocalDateTime, parseTimeOfDay, weekdayOf } from '../_internals/civilDates.js';
import { fail } from '../_internals/PlanDraft.js';
import { resolveCalendar, type TimeRange, type WorkCalendar } from '../_internals/WorkCalendar.js';
import { child, childrenNamed, pathOf, textOf, type XmlElement } from './parseXmlTree.js';

/** Microsoft Project's working day when a working weekday lists no times. */
const MS_DEFAULT_HOURS: TimeRange[] = [
  { start: 480, end: 720 },
  { start: 780, end: 1020 },
];
const MS_DEFAULT_DAY = (d: number): TimeRange[] => (d >= 1 && d <= 5 ? MS_DEFAULT_HOURS : []);
/** How many dates one recurring exception or work week may expand to. */
const MAX_EXPANDED_DAYS = 3700;

/**
 * Reads `/Project/Calendars`: weekdays (DayType 1 = Sunday .. 7), the Project 2007+
 * `Exceptions` (dated or recurring), the older exception weekdays (DayType 0 with a
 * TimePeriod), and `WorkWeeks`, expanded to dated exceptions; then merges base calendars.
 */
export function readMspdiCalendars(project: XmlElement, file: string, warnings: ImportWarning[]): WorkCalendar[] {
  const raw = new Map<string, WorkCalendar>();
  const where = new Map<string, XmlElement>();
  for (const el of childrenNamed(child(project, 'Calendars'), 'Calendar')) {
    const uid = textOf(el, 'UID');
    if (uid === undefined) fail('E_SCHEMA', file, placeOf(el), 'calendar without a UID');
    if (raw.has(uid)) fail('E_SCHEMA', file, placeOf(el), `duplicate calendar UID ${uid}`);
    const cal: WorkCalendar = { key: uid, name: textOf(el, 'Name') ?? `Calendar ${uid}`, week: [undefined, undefined, undefined, undefined, undefined, undefined, undefined], exceptions: new Map() };
    const base = textOf(el, 'BaseCalendarUID');
    if (textOf(el, 'IsBaseCalendar') !== '1' && base !== undefined && !base.startsWith('-')) cal.baseKey = base; // -1, -65535: none
    const oldStyle: XmlElement[] = [];
    for (const wd of childrenNamed(child(el, 'WeekDays'), 'WeekDay')) {
      const type = Number(textOf(wd, 'DayType'));
      if (type === 0) oldStyle.push(wd);
      else if (Number.isInteger(type) && type >= 1 && type <= 7) cal.week[type - 1] = dayHours(wd, file);
      else fail('E_SCHEMA', file, placeOf(wd), `DayType must be 0 (exception) or 1 (Sunday) to 7 (Saturday), found ${JSON.stringify(textOf(wd, 'DayType') ?? '')}`);
    }
    for (const ww of childrenNamed(child(el, 'WorkWeeks'), 'WorkWeek')) readWorkWeek(ww, cal, file, warnings);
    const exceptions = childrenNamed(child(el, 'Exceptions'), 'Exception');
    // Files that have both forms repeat the same exceptions; the newer form wins, as in Project.
    if (exceptions.length === 0) {
      for (const wd of oldStyle) {
        const range = periodOf(wd, file);
        if (range) for (let d = range[0]; d <= range[1]; d++) cal.exceptions.set(d, dayHours(wd, file));
      }
    }
    for (const x of exceptions) readException(x, cal, file, warnings);
    raw.set(uid, cal);
    where.set(uid, el);
  }
  return [...raw.values()].map((c) =>
    resolveCalendar(c, (k) => raw.get(k), (m) => warnings.push({ location: pathOf(where.get(c.key) as XmlElement), message: m }), MS_DEFAULT_DAY),
  );
}

function placeOf(el: XmlElement): { location: string; line: number; path: string } {
  const path = pathOf(el);
  return { location: path, line: el.line, path };
}

/** The working ranges of a WeekDay / Exception / WorkWeek day ([] when not working). */
function dayHours(el: XmlElement, file: string): TimeRange[] {
  if (textOf(el, 'DayWorking') !== '1') return [];
  const times = childrenNamed(child(el, 'WorkingTimes'), 'WorkingTime');
  if (times.length === 0) return MS_DEFAULT_HOURS;
  const out: TimeRange[] = [];
  for (const t of times) {
    const from = textOf(t, 'FromTime');
    const to = textOf(t, 'ToTime');
    if (from === undefined || to === undefined) continue;
    const start = parseTimeOfDay(from);
    let end = parseTimeOfDay(to);
    if (start === undefined || end === undefined) fail('E_SCHEMA', file, placeOf(t), `working time must be HH:MM:SS, found ${JSON.stringify(`${from}-${to}`)}`);
    if (end === 0) end = 1440; // 00:00 as a finish is midnight
    if (end > start) out.push({ start, end });
  }
  return out;
}

/** The first and last day number of a TimePeriod (a ToDate at midnight ends the day before). */
function periodOf(el: XmlElement, file: string): [number, number] | undefined {
  const tp = child(el, 'TimePeriod');
  if (!tp) return undefined;
  const fromText = textOf(tp, 'FromDate');
  const toText = textOf(tp, 'ToDate');
  if (fromText === undefined && toText === undefined) return undefined; // Project ignores these too
  const from = parseLocalDateTime(fromText ?? (toText as string));
  const to = parseLocalDateTime(toText ?? (fromText as string));
  if (!from || !to) fail('E_SCHEMA', file, placeOf(tp), `FromDate / ToDate must be date-times, found ${JSON.stringify(`${fromText ?? ''} / ${toText ?? ''}`)}`);
  const last = to.minute === 0 && to.day > from.day ? to.day - 1 : to.day;
  return last < from.day ? undefined : [from.day, last];
}

function readWorkWeek(ww: XmlElement, cal: WorkCalendar, file: string, warnings: ImportWarning[]): void {
  const range = periodOf(ww, file);
  if (!range) return;
  const days = new Map<number, TimeRange[]>();
  for (const wd of childrenNamed(child(ww, 'WeekDays'), 'WeekDay')) {
    const type = Number(textOf(wd, 'DayType'));
    if (type >= 1 && type <= 7) days.set(type - 1, dayHours(wd, file));
  }
  let last = range[1];
  if (last - range[0] >= MAX_EXPANDED_DAYS) {
    last = range[0] + MAX_EXPANDED_DAYS - 1;
    warnings.push({ location: pathOf(ww), message: `work week ${textOf(ww, 'Name') ?? ''} is applied up to ${isoDate(last)} only (it runs to ${isoDate(range[1])})` });
  }
  for (let d = range[0]; d <= last; d++) {
    const h = days.get(weekdayOf(d));
    if (h !== undefined) cal.exceptions.set(d, h);
  }
}

/** One `Exception`: a date range, or a recurrence (Type 1/7 daily, 6 weekly, 4/5 monthly, 2/3 yearly). */
function readException(x: XmlElement, cal: WorkCalendar, file: string, warnings: ImportWarning[]): void {
  const range = periodOf(x, file);
  if (!range) return;
  const hours = dayHours(x, file);
  const type = Number(textOf(x, 'Type') ?? '1');
  const period = Math.max(1, Number(textOf(x, 'Period') ?? '1') || 1);
  const occurrences = Number(textOf(x, 'Occurrences') ?? '0') || Infinity;
  const dates: number[] = [];
  const add = (d: number): boolean => {
    if (d < range[0] || d > range[1]) return true;
    if (dates.length >= occurrences) return false;
    if (dates.length >= MAX_EXPANDED_DAYS) {
      warnings.push({ location: pathOf(x), message: `recurring exception cut after ${MAX_EXPANDED_DAYS} dates` });
      return false;
    }
    dates.push(d);
    return true;
  };
  const [y0, m0] = isoDate(range[0]).split('-').map(Number);
  const [y1] = isoDate(range[1]).split('-').map(Number);
  const monthItem = Number(textOf(x, 'MonthItem') ?? '0') - 3; // 3 = Sunday .. 9 = Saturday
  const monthPosition = Number(textOf(x, 'MonthPosition') ?? '0'); // 0 = first .. 4 = last
  const monthDay = Number(textOf(x, 'MonthDay') ?? '1');
  const month = Number(textOf(x, 'Month') ?? '0') + 1;
  const nthWeekday = (y: number, m: number): number => {
    if (monthPosition >= 4) {
      const lastDay = daysFromCivil(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - 1;
      return lastDay - ((weekdayOf(lastDay) - monthItem + 7) % 7);
    }
    const first = daysFromCivil(y, m, 1);
    return first + ((monthItem - weekdayOf(first) + 7) % 7) + 7 * monthPosition;
  };
  switch (type) {
    case 1:
    case 7:
      // Every day of the period is one date range, whatever Occurrences says (as Project shows it).
      if (period === 1) for (let d = range[0]; d <= range[1] && dates.length < MAX_EXPANDED_DAYS; d++) dates.push(d);
      else for (let d = range[0]; d <= range[1]; d += period) if (!add(d)) break;
      break;
    case 6: {
      const mask = Number(textOf(x, 'DaysOfWeek') ?? '0');
      const week0 = range[0] - weekdayOf(range[0]);
      for (let d = range[0]; d <= range[1]; d++) {
        if (Math.floor((d - week0) / 7) % period === 0 && mask & (1 << weekdayOf(d))) if (!add(d)) break;
      }
      break;
    }
    case 4:
    case 5:
      for (let y = y0, m = m0; y <= y1 + 1; ) {
        const d = type === 4 ? daysFromCivil(y, m, monthDay) : nthWeekday(y, m);
        if (d > range[1] || !add(d)) break;
        m += period;
        while (m > 12) {
          m -= 12;
          y++;
        }
      }
      break;
    case 2:
    case 3:
      for (let y = y0; y <= y1; y++) {
        const d = type === 2 ? daysFromCivil(y, month, monthDay) : nthWeekday(y, month);
        if (!add(d)) break;
      }
      break;
    default:
      fail('E_SCHEMA', file, placeOf(x), `exception Type must be 1 to 7, found ${JSON.stringify(textOf(x, 'Type') ?? '')}`);
  }
  for (const d of dates) cal.exceptions.set(d, hours);
}
