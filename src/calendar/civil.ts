import { fail, show, type Where } from './_internals/fail.js';

/**
 * Civil (time-zone-free, proleptic Gregorian) dates as integer day numbers: days since
 * 1970-01-01. No time zones and no daylight saving: every day has 24 hours.
 */

/** Minutes in a civil day. */
export const MINUTES_PER_DAY = 1440;

/** A civil moment: a day number and the minute of that day (0 <= minute < 1440, may be fractional). */
export interface CivilMoment {
  day: number;
  minute: number;
}

/**
 * The day number of year-month-day (month 1..12): days since 1970-01-01, negative before.
 * Howard Hinnant's `days_from_civil` (chrono-compatible low-level date algorithms).
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The `[year, month, day]` of a day number: the inverse of `daysFromCivil` (Hinnant's `civil_from_days`). */
export function civilFromDays(dayNumber: number): [number, number, number] {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** The weekday of a day number: 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?$/;

/**
 * Parses an ISO 8601 civil date `2027-01-04` or date-time `2027-01-04T13:30` (seconds
 * optional, `T13:30:15`) into a day number and minute of day. Also accepts a JavaScript
 * Date (read in UTC, as YAML 1.1 timestamps are). Time zones are refused: times are civil.
 */
export function parseDateTime(value: unknown, where: Where, suffix = ''): CivilMoment {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) fail('E_PARAM', where, suffix, `expected a date such as "2027-01-04", found an invalid Date`);
    const day = Math.floor(ms / 86_400_000);
    return { day, minute: (ms - day * 86_400_000) / 60_000 };
  }
  if (typeof value !== 'string') {
    fail('E_SCHEMA', where, suffix, `expected a date "YYYY-MM-DD" or date-time "YYYY-MM-DDTHH:MM", found ${show(value)}`);
  }
  const m = DATE_TIME.exec(value);
  if (!m) {
    const zone = /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}(:?\d{2})?)$/.test(value);
    fail('E_PARAM', where, suffix, zone
      ? `expected a civil date-time without a time zone, such as "2027-01-04T13:30", found ${show(value)}`
      : `expected a date "YYYY-MM-DD" or date-time "YYYY-MM-DDTHH:MM", found ${show(value)}`);
  }
  const year = Number(m[1]);
  const month = Number(m[2]);
  const dom = Number(m[3]);
  if (month < 1 || month > 12 || dom < 1 || dom > daysInMonth(year, month)) {
    fail('E_PARAM', where, suffix, `no such date: ${show(value)}`);
  }
  let minute = 0;
  if (m[4] !== undefined) {
    const h = Number(m[4]);
    const min = Number(m[5]);
    const s = m[6] === undefined ? 0 : Number(m[6]);
    if (h > 23 || min > 59 || s >= 60) fail('E_PARAM', where, suffix, `no such time of day (00:00 to 23:59): ${show(value)}`);
    minute = h * 60 + min + s / 60;
  }
  return { day: daysFromCivil(year, month, dom), minute };
}

/** Parses an ISO 8601 date `2027-01-04` (no time of day) into its day number. */
export function parseDate(value: unknown, where: Where, suffix = ''): number {
  const moment = parseDateTime(value, where, suffix);
  if (moment.minute !== 0 || (typeof value === 'string' && value.length > 10)) {
    fail('E_PARAM', where, suffix, `expected a whole date "YYYY-MM-DD", found the date-time ${show(value)}`);
  }
  return moment.day;
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${s}` : s;
}

/** Formats a day number as `YYYY-MM-DD` (years before 0000 get a minus sign, after 9999 five digits). */
export function formatDate(dayNumber: number): string {
  const [y, m, d] = civilFromDays(dayNumber);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/**
 * Formats a civil moment as `YYYY-MM-DDTHH:MM`, rounded to the nearest minute (so float
 * noise such as 16:59:59.9999 prints as 17:00); a moment that rounds to 24:00 prints as the
 * next day's 00:00.
 */
export function formatDateTime(dayNumber: number, minute: number): string {
  let day = dayNumber;
  let whole = Math.round(minute);
  day += Math.floor(whole / MINUTES_PER_DAY);
  whole -= Math.floor(whole / MINUTES_PER_DAY) * MINUTES_PER_DAY;
  return `${formatDate(day)}T${pad(Math.floor(whole / 60), 2)}:${pad(whole % 60, 2)}`;
}
