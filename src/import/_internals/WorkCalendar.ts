import { hhmm, isoDate, weekdayOf, type LocalDateTime } from './civilDates.js';

/** A working-time range of one day, in minutes after midnight (`end` may be 1440). */
export interface TimeRange {
  start: number;
  end: number;
}

/**
 * A working calendar as read from a source file, before it is written in scenario form.
 * `week[0]` is Sunday; `undefined` means "as the base calendar" (derived calendars).
 */
export interface WorkCalendar {
  /** The calendar's identifier in the source (P6 clndr_id, MSPDI UID). */
  key: string;
  name: string;
  week: (TimeRange[] | undefined)[];
  /** Per day number, the working ranges of that date ([] = not working). */
  exceptions: Map<number, TimeRange[]>;
  baseKey?: string;
  /** Working hours in a day of duration, when the source says (P6 day_hr_cnt). */
  hoursPerDay?: number;
}

const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
/** Weekdays in the order the scenario format lists them. */
const MONDAY_FIRST = [1, 2, 3, 4, 5, 6, 0];

/** Sorts ranges and joins overlapping or touching ones (P6 often stores half-hour slots). */
export function normaliseRanges(ranges: readonly TimeRange[]): TimeRange[] {
  const sorted = ranges.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: TimeRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/**
 * The calendar with its base calendar's days and exceptions filled in. `lookup` finds a
 * calendar by key; a missing base or a loop of bases is reported through `onProblem`.
 */
export function resolveCalendar(
  cal: WorkCalendar,
  lookup: (key: string) => WorkCalendar | undefined,
  onProblem: (message: string) => void,
  defaultDay: (weekday: number) => TimeRange[],
): WorkCalendar {
  const chain: WorkCalendar[] = [];
  const seen = new Set<string>();
  for (let c: WorkCalendar | undefined = cal; c; ) {
    if (seen.has(c.key)) {
      onProblem(`calendar ${cal.name} has a loop of base calendars; the loop is cut at ${c.name}`);
      break;
    }
    seen.add(c.key);
    chain.push(c);
    if (c.baseKey === undefined) break;
    const base = lookup(c.baseKey);
    if (!base) onProblem(`calendar ${c.name} names base calendar ${c.baseKey}, which the file does not define`);
    c = base;
  }
  const week: TimeRange[][] = [];
  for (let d = 0; d < 7; d++) {
    const own = chain.find((c) => c.week[d] !== undefined);
    week.push(normaliseRanges(own ? (own.week[d] as TimeRange[]) : defaultDay(d)));
  }
  const exceptions = new Map<number, TimeRange[]>();
  for (let i = chain.length - 1; i >= 0; i--) {
    for (const [day, ranges] of chain[i].exceptions) exceptions.set(day, normaliseRanges(ranges));
  }
  return { key: cal.key, name: cal.name, week, exceptions, hoursPerDay: cal.hoursPerDay ?? chain.find((c) => c.hoursPerDay !== undefined)?.hoursPerDay };
}

/** Working minutes of a (resolved) calendar's average working weekday; 0 when no day works. */
export function averageDayMinutes(cal: WorkCalendar): number {
  let total = 0;
  let days = 0;
  for (const ranges of cal.week) {
    const m = minutesOf(ranges ?? []);
    if (m > 0) {
      total += m;
      days++;
    }
  }
  return days === 0 ? 0 : total / days;
}

function minutesOf(ranges: readonly TimeRange[]): number {
  return ranges.reduce((s, r) => s + r.end - r.start, 0);
}

function rangesText(ranges: readonly TimeRange[]): string[] {
  return ranges.map((r) => `${hhmm(r.start)}-${hhmm(r.end)}`);
}

function sameRanges(a: readonly TimeRange[], b: readonly TimeRange[]): boolean {
  return a.length === b.length && a.every((r, i) => r.start === b[i].start && r.end === b[i].end);
}

/**
 * The scenario form of a resolved calendar: `days` + `hours` when every working day has the
 * same hours, else `week`; `holidays` and `exceptions` with consecutive dates joined into
 * ranges. Exceptions that repeat the regular week are dropped.
 */
export function calendarDocument(cal: WorkCalendar): Record<string, unknown> {
  const week = cal.week as TimeRange[][];
  const doc: Record<string, unknown> = { name: cal.name };
  const working = MONDAY_FIRST.filter((d) => week[d].length > 0);
  if (working.every((d) => sameRanges(week[d], week[working[0]]))) {
    doc.days = working.map((d) => WEEKDAY_KEYS[d]);
    doc.hours = working.length ? rangesText(week[working[0]]) : [];
  } else {
    const w: Record<string, string[]> = {};
    for (const d of MONDAY_FIRST) w[WEEKDAY_KEYS[d]] = rangesText(week[d]);
    doc.week = w;
  }
  const days = [...cal.exceptions.keys()].sort((a, b) => a - b);
  const holidays: unknown[] = [];
  const exceptions: unknown[] = [];
  let i = 0;
  while (i < days.length) {
    const ranges = cal.exceptions.get(days[i]) as TimeRange[];
    if (sameRanges(ranges, week[weekdayOf(days[i])])) {
      i++;
      continue;
    }
    // Extend the run over following dates with the same hours; a run of holidays also
    // bridges days that do not work anyway (a two-week closure over a weekend is one range).
    let j = i;
    let to = days[i];
    for (let next = days[i] + 1; ; next++) {
      const r = cal.exceptions.get(next);
      if (r !== undefined && sameRanges(r, ranges)) {
        to = next;
        j = days.indexOf(next, j);
        continue;
      }
      const idle = ranges.length === 0 && r === undefined && week[weekdayOf(next)].length === 0;
      if (!idle || next - to > 7) break;
    }
    const from = isoDate(days[i]);
    const until = isoDate(to);
    if (ranges.length === 0) holidays.push(from === until ? from : { from, to: until });
    else exceptions.push({ from, to: until, hours: rangesText(ranges) });
    i = j + 1;
  }
  if (holidays.length) doc.holidays = holidays;
  if (exceptions.length) doc.exceptions = exceptions;
  return doc;
}

/**
 * The moment `minutes` (> 0) working minutes after `t` on a resolved calendar (no calendar:
 * every minute works), as a start: work ending with a working range starts at the next one.
 * Undefined when the calendar does not work for ten years after `t`.
 */
export function advanceWorking(cal: WorkCalendar | undefined, t: LocalDateTime, minutes: number): LocalDateTime | undefined {
  if (!cal) {
    const m = t.minute + minutes;
    return { day: t.day + Math.floor(m / 1440), minute: m % 1440 };
  }
  let left = minutes;
  for (let day = t.day; day < t.day + 3660; day++) {
    for (const r of cal.exceptions.get(day) ?? (cal.week[weekdayOf(day)] as TimeRange[])) {
      const from = day === t.day ? Math.max(r.start, t.minute) : r.start;
      if (from >= r.end) continue;
      if (r.end - from > left) return { day, minute: from + left };
      left -= r.end - from;
    }
  }
  return undefined;
}

/**
 * The moment `minutes` (>= 0) working minutes before `t` on a resolved calendar (no calendar:
 * every minute works): where work of that length starts to end at `t`. Undefined when the
 * calendar does not work for ten years before `t`.
 */
export function retreatWorking(cal: WorkCalendar | undefined, t: LocalDateTime, minutes: number): LocalDateTime | undefined {
  if (!cal) {
    const m = t.day * 1440 + t.minute - minutes;
    return { day: Math.floor(m / 1440), minute: m - Math.floor(m / 1440) * 1440 };
  }
  if (minutes === 0) return t;
  let left = minutes;
  for (let day = t.day; day > t.day - 3660; day--) {
    const ranges = cal.exceptions.get(day) ?? (cal.week[weekdayOf(day)] as TimeRange[]);
    for (let k = ranges.length - 1; k >= 0; k--) {
      const r = ranges[k];
      const to = day === t.day ? Math.min(r.end, t.minute) : r.end;
      if (to <= r.start) continue;
      if (to - r.start >= left) return { day, minute: to - left };
      left -= to - r.start;
    }
  }
  return undefined;
}

/** The first working moment at or after `t` (no calendar: `t`); undefined when none within ten years. */
export function nextWorkingMoment(cal: WorkCalendar | undefined, t: LocalDateTime): LocalDateTime | undefined {
  if (!cal) return t;
  for (let day = t.day; day < t.day + 3660; day++) {
    for (const r of cal.exceptions.get(day) ?? (cal.week[weekdayOf(day)] as TimeRange[])) {
      const from = day === t.day ? Math.max(r.start, t.minute) : r.start;
      if (from < r.end) return { day, minute: from };
    }
  }
  return undefined;
}
