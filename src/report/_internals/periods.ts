import type { Model } from '../../engine/Model.js';

/** The periods of a report's load heatmap: their unit, boundaries [edges[i], edges[i+1]) and working time (both in scenario units). */
export interface ReportPeriods {
  unit: 'hour' | 'day' | 'week';
  edges: number[];
  /** Working time of the project calendar in each period (elapsed scenario units); the period's length without a calendar. */
  work: number[];
}

/** Most hour and day periods before the heatmap moves to the next larger period. */
const MAX_HOURS = 48;
const MAX_DAYS = 45;
/** At most this many periods (ten years of weeks). */
const MAX_PERIODS = 600;

/** 00:00 of the start day, as a time (0 or before). */
function startMidnight(m: Model): number {
  const clock = m.schedule.clock!;
  return clock.parseTime(clock.format(0).slice(0, 10), 'start', '/start');
}

/**
 * Hours for short projects, days for a few weeks, weeks beyond (up to `horizon`). Dated plans
 * use civil hours, days from midnight and weeks from Monday; undated ones count from 0, with a
 * day of a fifth of the working week when the scenario's unit is an hour or a minute.
 */
export function reportPeriods(m: Model, horizon: number): ReportPeriods {
  const clock = m.schedule.clock;
  const h = Math.max(horizon, 1e-9);
  const u = m.timeUnit;
  const fine = u === 'minute' || u === 'hour';
  let lengths: Array<[ReportPeriods['unit'], number]>;
  let origin = 0;
  if (clock !== null) {
    const mpu = clock.unitMinutes;
    lengths = [...(fine ? [['hour', 60 / mpu] as ['hour', number]] : []), ['day', 1440 / mpu], ['week', 10080 / mpu]];
    origin = startMidnight(m);
  } else {
    const upw = m.unitsPerWeek;
    const hour = u === 'minute' ? 60 : 1;
    const day = u === 'day' ? 1 : fine ? (upw / hour <= 120 ? upw / 5 : 24 * hour) : 0;
    lengths = [...(fine ? [['hour', hour] as ['hour', number]] : []), ...(day > 0 ? [['day', day] as ['day', number]] : []), ['week', u === 'week' ? 1 : upw]];
  }
  const limit = (unit: string) => (unit === 'hour' ? MAX_HOURS : unit === 'day' ? MAX_DAYS : Infinity);
  const [unit, len] = lengths.find(([un, l]) => (h - Math.min(0, origin)) / l <= limit(un)) ?? lengths[lengths.length - 1];
  let first = origin;
  if (clock !== null && unit === 'week') {
    // Civil weeks start on Monday.
    const weekday = new Date(`${clock.format(0).slice(0, 10)}T00:00:00Z`).getUTCDay();
    first = origin - ((weekday + 6) % 7) * (1440 / clock.unitMinutes);
  }
  // The first period is the one holding time 0.
  first += Math.floor((0 - first) / len + 1e-9) * len;
  const edges: number[] = [first];
  while (edges[edges.length - 1] < h - 1e-9 && edges.length <= MAX_PERIODS) edges.push(first + edges.length * len);
  if (edges.length < 2) edges.push(first + len);
  const time = m.schedule.projectTime;
  const ratio = clock !== null ? clock.workMinutes / clock.unitMinutes : 1;
  const work = edges.slice(1).map((b, i) => (clock === null || time.alwaysWorking ? b - edges[i] : Math.max(0, time.workBetween(edges[i], b) * ratio)));
  return { unit, edges, work };
}

/**
 * The project calendar's working periods as [from, to) times, from 00:00 of the start day to
 * `horizon` (at most ten years); null when every moment is working time. Each period's end
 * is found by bisection on "all of [from, to) is working".
 */
export function workPeriods(m: Model, horizon: number): Array<[number, number]> | null {
  const clock = m.schedule.clock;
  const time = m.schedule.projectTime;
  if (clock === null || time.alwaysWorking) return null;
  const ratio = clock.workMinutes / clock.unitMinutes;
  const day = 1440 / clock.unitMinutes;
  const from = startMidnight(m);
  const to = Math.min(Math.max(horizon, 0) + day, from + 3660 * day);
  const whole = (a: number, b: number) => time.workBetween(a, b) * ratio >= (b - a) * (1 - 1e-12) - 1e-12;
  const out: Array<[number, number]> = [];
  let s = time.nextWorking(from);
  while (s < to && out.length < 100000) {
    let lo = s;
    let hi = s + day;
    while (whole(s, hi) && hi < to + day) {
      lo = hi;
      hi += day;
    }
    for (let k = 0; k < 60 && hi - lo > 1e-9 * Math.max(1, Math.abs(hi)); k++) {
      const mid = (lo + hi) / 2;
      if (whole(s, mid)) lo = mid;
      else hi = mid;
    }
    // A period ends at a whole minute: round the bisection's end to it.
    const end = Math.round(lo * clock.unitMinutes) / clock.unitMinutes;
    out.push([s, end]);
    const next = time.nextWorking(end > s ? end : hi);
    if (!(next > s)) break;
    s = next;
  }
  return out;
}
