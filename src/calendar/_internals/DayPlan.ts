import type { Calendar } from '../Calendar.js';
import { weekdayOf } from '../civil.js';
import type { DayRange } from './dayRanges.js';
import { NO_WINDOWS, type Windows } from './hours.js';

/**
 * Which windows each civil day is worked in, for one calendar with one set of days off:
 * sorted, disjoint day segments that override the weekly pattern. Priority: days off, then
 * exceptions, then holidays, then the weekly pattern.
 */
export class DayPlan {
  /** Segment bounds (inclusive day numbers; ±Infinity for open ends) and their windows. */
  readonly segFrom: number[] = [];
  readonly segTo: number[] = [];
  readonly segWindows: Windows[] = [];
  readonly weekly: readonly Windows[];
  readonly weeklyEmpty: boolean;
  /** No working time before this day / after this day (±Infinity when unbounded). */
  readonly firstDay: number;
  readonly lastDay: number;

  constructor(calendar: Calendar, off: readonly DayRange[]) {
    this.weekly = calendar.weekly;
    this.weeklyEmpty = calendar.weekly.every((w) => w.length === 0);
    const items: { from: number; to: number; windows: Windows; prio: number }[] = [
      ...calendar.holidays.map((h) => ({ ...h, windows: NO_WINDOWS, prio: 1 })),
      ...calendar.exceptions.map((e) => ({ from: e.from, to: e.to, windows: e.windows, prio: 2 })),
      ...off.map((o) => ({ ...o, windows: NO_WINDOWS, prio: 3 })),
    ];
    // Elementary segments between all item boundaries; each takes its highest-priority item.
    const bounds = [...new Set(items.flatMap((it) => [it.from, it.to + 1]))].sort((a, b) => a - b);
    for (let k = 0; k + 1 < bounds.length; k++) {
      const lo = bounds[k];
      const hi = bounds[k + 1] - 1;
      let best: (typeof items)[number] | null = null;
      for (const it of items) if (it.from <= lo && it.to >= hi && (best === null || it.prio > best.prio)) best = it;
      if (best === null) continue;
      const n = this.segFrom.length;
      if (n > 0 && this.segTo[n - 1] === lo - 1 && this.segWindows[n - 1] === best.windows) this.segTo[n - 1] = hi;
      else {
        this.segFrom.push(lo);
        this.segTo.push(hi);
        this.segWindows.push(best.windows);
      }
    }
    let first = -Infinity;
    let last = Infinity;
    const n = this.segFrom.length;
    if (this.weeklyEmpty) {
      first = Infinity;
      last = -Infinity;
      for (let k = 0; k < n; k++) {
        if (this.segWindows[k].length > 0) {
          first = Math.min(first, this.segFrom[k]);
          last = Math.max(last, this.segTo[k]);
        }
      }
    } else {
      if (n > 0 && this.segFrom[0] === -Infinity && this.segWindows[0].length === 0) first = this.segTo[0] + 1;
      if (n > 0 && this.segTo[n - 1] === Infinity && this.segWindows[n - 1].length === 0) last = this.segFrom[n - 1] - 1;
    }
    this.firstDay = first;
    this.lastDay = last;
  }

  /** Index of the first segment that ends on or after `day` (may be the segment count). */
  segmentAtOrAfter(day: number): number {
    let lo = 0;
    let hi = this.segTo.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.segTo[mid] < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The working windows of `day`. */
  windowsOf(day: number): Windows {
    const k = this.segmentAtOrAfter(day);
    if (k < this.segFrom.length && this.segFrom[k] <= day) return this.segWindows[k];
    return this.weekly[weekdayOf(day)];
  }

  /**
   * Calls `visit(day, windows)` for every day in [from, to) that has working time, in order,
   * skipping non-working segments in one step.
   */
  forEachWorkingDay(from: number, to: number, visit: (day: number, windows: Windows) => void): void {
    const lo = Math.max(from, this.firstDay);
    const hi = Math.min(to, this.lastDay + 1);
    let k = this.segmentAtOrAfter(lo);
    let d = lo;
    while (d < hi) {
      if (k < this.segFrom.length && this.segFrom[k] <= d) {
        const w = this.segWindows[k];
        const end = Math.min(this.segTo[k] + 1, hi);
        if (w.length === 0) d = end;
        else for (; d < end; d++) visit(d, w);
        k++;
      } else {
        const end = Math.min(k < this.segFrom.length ? this.segFrom[k] : Infinity, hi);
        if (this.weeklyEmpty) d = end;
        else {
          for (let wd = weekdayOf(d); d < end; d++, wd = wd === 6 ? 0 : wd + 1) {
            const w = this.weekly[wd];
            if (w.length > 0) visit(d, w);
          }
        }
      }
    }
  }

  /** The first day in [from, limit) that has working time, or Infinity. */
  firstWorkingDay(from: number, limit: number): number {
    const n = this.segFrom.length;
    const hi = Math.min(limit, this.lastDay + 1);
    let d = Math.max(from, this.firstDay);
    while (d < hi) {
      const k = this.segmentAtOrAfter(d);
      if (k < n && this.segFrom[k] <= d) {
        if (this.segWindows[k].length > 0) return d;
        d = this.segTo[k] + 1;
      } else if (this.weeklyEmpty) d = k < n ? this.segFrom[k] : Infinity;
      else if (this.weekly[weekdayOf(d)].length > 0) return d;
      else d++;
    }
    return Infinity;
  }
}
