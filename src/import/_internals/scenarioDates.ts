import { isoDate, isoDateTime, weekdayOf, type LocalDateTime } from './civilDates.js';
import type { TimeRange, WorkCalendar } from './WorkCalendar.js';

function rangesOn(day: number, cal: WorkCalendar | undefined): TimeRange[] {
  if (!cal) return [{ start: 0, end: 1440 }]; // no calendar: every moment works
  return cal.exceptions.get(day) ?? (cal.week[weekdayOf(day)] as TimeRange[]);
}

/**
 * A moment that starts something (project start, start-no-earlier-than): the bare date when it
 * is at or before the first working minute of its day, else `YYYY-MM-DDTHH:MM`.
 */
export function startValue(t: LocalDateTime, cal: WorkCalendar | undefined): string {
  const r = rangesOn(t.day, cal);
  if (t.minute === 0 || (r.length > 0 && t.minute <= r[0].start)) return isoDate(t.day);
  return isoDateTime(t);
}

/**
 * A moment that ends something (a deadline, finish-no-later-than): the bare date when it is
 * at or after the last working minute of its day; midnight is the end of the day before.
 */
export function finishValue(t: LocalDateTime, cal: WorkCalendar | undefined): string {
  if (t.minute === 0) return isoDate(t.day - 1);
  const r = rangesOn(t.day, cal);
  if (r.length === 0 || t.minute >= r[r.length - 1].end) return isoDate(t.day);
  return isoDateTime(t);
}
