import { dayNumber, formatDay, parseIsoDay } from '../../_internals/calendarDays.js';

/** How hours, weeks and months convert to days (Microsoft Project's defaults: 8, 5, 20). */
export interface DayLengths {
  hoursPerDay: number;
  daysPerWeek: number;
  daysPerMonth: number;
}

const UNITS: [RegExp, (n: number, l: DayLengths) => number][] = [
  [/^(m|min|mins|minute|minutes)$/, (n, l) => n / 60 / l.hoursPerDay],
  [/^(h|hr|hrs|hour|hours)$/, (n, l) => n / l.hoursPerDay],
  [/^(|d|dy|dys|day|days)$/, (n) => n],
  [/^(w|wk|wks|week|weeks)$/, (n, l) => n * l.daysPerWeek],
  [/^(mo|mon|mons|month|months)$/, (n, l) => n * l.daysPerMonth],
];

/**
 * A duration or lag in days: a number with an optional unit (`5`, `5d`, `5 days`, `4h`, `2w`,
 * `1mo`; Microsoft Project's trailing `?` of estimates is ignored). `elapsed` is set for
 * Microsoft Project's elapsed units (`5ed`). Undefined when the text is none of these.
 */
export function parseDuration(text: string, lengths: DayLengths): { days: number; elapsed: boolean } | undefined {
  const m = /^(\d+(?:\.\d+)?|\.\d+)\s*(e?)([a-z]*)\??$/i.exec(text.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[3].toLowerCase();
  const elapsed = m[2] !== '' && unit !== '';
  const bare = m[2] !== '' && unit === '' ? 'e' : unit; // "5e" is not a unit
  for (const [re, toDays] of UNITS) if (re.test(bare)) return { days: toDays(n, lengths), elapsed };
  return undefined;
}

/**
 * A date (`YYYY-MM-DD`) or date-time (`YYYY-MM-DDTHH:MM`) from ISO text (`2027-01-04`,
 * `2027-01-04 08:00`, `2027-01-04T08:00`) or Microsoft Project's US English form
 * (`Mon 1/4/27`, `1/4/2027 8:00 AM`). Undefined when it is none of these.
 */
export function parseDate(text: string): string | undefined {
  const t = text.trim();
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::00)?)?$/.exec(t);
  if (iso) {
    if (parseIsoDay(iso[1]) === undefined) return undefined;
    if (iso[2] === undefined) return iso[1];
    return Number(iso[2]) < 24 && Number(iso[3]) < 60 ? `${iso[1]}T${iso[2]}:${iso[3]}` : undefined;
  }
  const us = /^(?:[A-Za-z]{3}\s+)?(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})\s*([AaPp][Mm])?)?$/.exec(t);
  if (!us) return undefined;
  const year = us[3].length === 2 ? 2000 + Number(us[3]) : Number(us[3]);
  const day = dayNumber(year, Number(us[1]), Number(us[2]));
  if (day === undefined) return undefined;
  if (us[4] === undefined) return formatDay(day);
  let hour = Number(us[4]);
  const minute = Number(us[5]);
  if (us[6]) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (us[6].toLowerCase() === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return undefined;
  return `${formatDay(day)}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** `yes`/`no` style flags; undefined for an empty cell, null when the text is not a flag. */
export function parseFlag(text: string): boolean | undefined | null {
  const t = text.trim().toLowerCase();
  if (t === '') return undefined;
  if (['yes', 'y', 'true', '1'].includes(t)) return true;
  if (['no', 'n', 'false', '0'].includes(t)) return false;
  return null;
}

/** The entries of a list cell, separated by `;` or `,`, trimmed, empty ones dropped. */
export function listEntries(text: string): string[] {
  return text.split(/[;,]/).map((s) => s.trim()).filter((s) => s !== '');
}
