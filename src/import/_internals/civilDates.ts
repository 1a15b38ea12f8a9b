/**
 * Calendar-date arithmetic on day numbers (days since 1970-01-01), without `Date`, so that
 * results never depend on the machine's time zone. Algorithms from H. Hinnant,
 * "chrono-Compatible Low-Level Date Algorithms" (days_from_civil / civil_from_days).
 */

/** A local date-time as a source file stores it: a day number and minutes after midnight. */
export interface LocalDateTime {
  day: number;
  minute: number;
}

/** Day number of a proleptic Gregorian date. */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** `YYYY-MM-DD` of a day number. */
export function isoDate(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** Weekday of a day number: 0 = Sunday .. 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** `HH:MM` of minutes after midnight (1440 is written `24:00`). */
export function hhmm(minute: number): string {
  return `${pad2(Math.floor(minute / 60))}:${pad2(minute % 60)}`;
}

/** `YYYY-MM-DDTHH:MM`. */
export function isoDateTime(t: LocalDateTime): string {
  return `${isoDate(t.day)}T${hhmm(t.minute)}`;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;

/**
 * Parses `YYYY-MM-DD`, `YYYY-MM-DD HH:MM` (P6) or `YYYY-MM-DDTHH:MM:SS` (MSPDI); undefined
 * when the text is not such a date or names an impossible day or time.
 */
export function parseLocalDateTime(text: string): LocalDateTime | undefined {
  const m = DATE_TIME.exec(text.trim());
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const h = m[4] === undefined ? 0 : Number(m[4]);
  const mi = m[5] === undefined ? 0 : Number(m[5]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 24 || mi > 59 || (h === 24 && mi !== 0)) return undefined;
  const day = daysFromCivil(y, mo, d);
  if (isoDate(day) !== `${m[1]}-${m[2]}-${m[3]}`) return undefined; // e.g. 2027-02-30
  return { day, minute: h * 60 + mi };
}

/** Parses `HH:MM` or `HH:MM:SS` (and P6's `8:00 AM` form) to minutes after midnight. */
export function parseTimeOfDay(text: string): number | undefined {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$/.exec(text.trim());
  if (!m) return undefined;
  let h = Number(m[1]);
  const mi = Number(m[2]);
  if (m[4]) {
    if (h < 1 || h > 12) return undefined;
    h = (h % 12) + (m[4].toLowerCase() === 'pm' ? 12 : 0);
  }
  if (h > 24 || mi > 59 || (h === 24 && mi !== 0)) return undefined;
  return h * 60 + mi;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
