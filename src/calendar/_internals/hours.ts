import { MINUTES_PER_DAY } from '../civil.js';
import { fail, show, type Where } from './fail.js';

/**
 * The working windows of one day as minutes of the day, flat: `[start0, end0, start1, end1, …]`,
 * sorted, disjoint and never touching (touching windows are merged). Whole minutes only, so
 * that every interval boundary and every sum of working time is an exact integer.
 */
export type Windows = readonly number[];

/** No working time. */
export const NO_WINDOWS: Windows = Object.freeze([]);

/** The whole day. */
export const WHOLE_DAY: Windows = Object.freeze([0, MINUTES_PER_DAY]);

/** Default start of a `hours: N` working day. */
export const DEFAULT_DAY_START = 9 * 60;

const CLOCK = /^(\d{1,2}):(\d{2})$/;
const RANGE = /^\s*(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})\s*$/;

/** Minutes of `HH:MM` (00:00 … 24:00), or NaN. */
function clockMinutes(text: string): number {
  const m = CLOCK.exec(text);
  if (!m) return NaN;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return NaN;
  return h * 60 + min;
}

/** Parses `day_start: "08:00"` into minutes of the day (00:00 … 23:59). */
export function parseDayStart(value: unknown, where: Where, suffix: string): number {
  const m = typeof value === 'string' ? clockMinutes(value) : NaN;
  if (!(m >= 0 && m < MINUTES_PER_DAY)) fail('E_PARAM', where, suffix, `day_start: expected a time of day "HH:MM" from 00:00 to 23:59, found ${show(value)}`);
  return m;
}

/** Total working minutes of a day's windows. */
export function windowsTotal(w: Windows): number {
  let s = 0;
  for (let i = 0; i < w.length; i += 2) s += w[i + 1] - w[i];
  return s;
}

/**
 * Parses `hours`: a number N of hours (0..24, whole minutes) worked from `dayStart` (default
 * 09:00, moved earlier when the day would end after 24:00; N = 24 is the whole day), or a
 * list of `"HH:MM-HH:MM"` ranges (end up to 24:00, no overlaps, no crossing midnight).
 */
export function parseHours(value: unknown, dayStart: number | undefined, where: Where, suffix: string): Windows {
  if (typeof value === 'number') {
    if (!(Number.isFinite(value) && value >= 0 && value <= 24)) {
      fail('E_PARAM', where, suffix, `hours: expected a number of hours from 0 to 24, found ${show(value)}`);
    }
    const exact = value * 60;
    const len = Math.round(exact);
    if (Math.abs(exact - len) > 1e-6) fail('E_PARAM', where, suffix, `hours: expected a whole number of minutes (e.g. 7.5 = 7 h 30 min), found ${show(value)} h`);
    if (len === 0) return NO_WINDOWS;
    if (len === MINUTES_PER_DAY) return WHOLE_DAY;
    const start = dayStart ?? Math.min(DEFAULT_DAY_START, MINUTES_PER_DAY - len);
    if (start + len > MINUTES_PER_DAY) {
      fail('E_PARAM', where, suffix, `hours: ${value} h from day_start ${clock(start)} would end after 24:00`);
    }
    return Object.freeze([start, start + len]);
  }
  if (!Array.isArray(value)) {
    fail('E_SCHEMA', where, suffix, `hours: expected a number of hours or a list of "HH:MM-HH:MM" ranges, found ${show(value)}`);
  }
  if (dayStart !== undefined) fail('E_PARAM', where, suffix, 'day_start applies only to hours given as a number; with ranges, the ranges say when the day starts');
  const ranges: { s: number; e: number; text: string; i: number }[] = [];
  value.forEach((item, i) => {
    const m = typeof item === 'string' ? RANGE.exec(item) : null;
    const s = m ? clockMinutes(m[1]) : NaN;
    const e = m ? clockMinutes(m[2]) : NaN;
    if (Number.isNaN(s) || Number.isNaN(e)) {
      fail('E_PARAM', where, `${suffix}/${i}`, `hours: expected a range "HH:MM-HH:MM" such as "09:00-12:00", found ${show(item)}`);
    }
    if (!(e > s)) {
      fail('E_PARAM', where, `${suffix}/${i}`, `hours: a range must end after it starts and cannot cross midnight (write "22:00-24:00" and "00:00-06:00"), found ${show(item)}`);
    }
    ranges.push({ s, e, text: item as string, i });
  });
  ranges.sort((a, b) => a.s - b.s || a.e - b.e);
  const out: number[] = [];
  for (let k = 0; k < ranges.length; k++) {
    const r = ranges[k];
    if (k > 0 && r.s < ranges[k - 1].e) {
      fail('E_PARAM', where, `${suffix}/${r.i}`, `hours: ranges ${show(ranges[k - 1].text)} and ${show(r.text)} overlap`);
    }
    if (out.length > 0 && out[out.length - 1] === r.s) out[out.length - 1] = r.e;
    else out.push(r.s, r.e);
  }
  return Object.freeze(out);
}

/** `HH:MM` of a minute of the day. */
export function clock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}
