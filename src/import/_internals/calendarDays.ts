/**
 * Whole-day date arithmetic for plan readers: dates are day numbers (days since 1970-01-01,
 * proleptic Gregorian), independent of any time zone and of the clock.
 */

/** The weekday keys of scenario calendars, indexed by `weekday()` (0 = Sunday). */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The day number of a valid calendar date, or undefined (month 1-12, day 1-31, no 2027-02-30). */
export function dayNumber(year: number, month: number, day: number): number | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / 86_400_000);
}

/** The day number of an ISO `YYYY-MM-DD` date, or undefined when the text is not one. */
export function parseIsoDay(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m ? dayNumber(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/** `YYYY-MM-DD` of a day number. */
export function formatDay(day: number): string {
  const d = new Date(day * 86_400_000);
  const y = String(d.getUTCFullYear()).padStart(4, '0');
  return `${y}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** Year, month (1-12) and day of month of a day number. */
export function dateParts(day: number): { year: number; month: number; day: number } {
  const d = new Date(day * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Holidays as scenario calendar entries: sorted, without repeats, runs of consecutive days as
 * `{from, to}` and single days as plain dates.
 */
export function holidayEntries(days: Iterable<number>): (string | { from: string; to: string })[] {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const out: (string | { from: string; to: string })[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    out.push(j === i ? formatDay(sorted[i]) : { from: formatDay(sorted[i]), to: formatDay(sorted[j]) });
    i = j + 1;
  }
  return out;
}
