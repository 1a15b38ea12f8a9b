import { MINUTES_PER_DAY } from '../civil.js';
import type { DayPlan } from './DayPlan.js';
import type { Windows } from './hours.js';

/** How many days the table may reach from the project start, in each direction. */
export const MAX_DAYS = 1_000_000;

const FIRST_SPAN = 366;

/**
 * The working intervals of a DayPlan as half-open [start, end) minutes since time 0, with
 * the working minutes before each start (prefix sums), generated lazily around the project
 * start and extended forward or backward (doubling) on demand. Touching intervals are merged,
 * so an interval boundary is always a real change between working and non-working time.
 * Every boundary and every prefix sum is a whole number of minutes: sums are exact.
 */
export class IntervalTable {
  starts = new Float64Array(256);
  ends = new Float64Array(256);
  /**
   * Working minutes since time 0 at x in interval i are x + shifts[i] (negative before time 0):
   * one addition of two numbers of the size of x, so the sums keep full precision.
   */
  shifts = new Float64Array(256);
  n = 0;
  /** For each generated day, the first interval that ends after its 00:00 (n when none). */
  dayFirst = new Int32Array(0);
  /** Days [genFrom, genTo) are generated; their bounds in minutes since time 0. */
  genFrom: number;
  genTo: number;
  fromX: number;
  toX: number;

  /** `onLimit` throws: the table would pass MAX_DAYS in that direction. */
  constructor(readonly plan: DayPlan, readonly day0: number, readonly origin: number, private readonly onLimit: (forward: boolean) => never) {
    this.genFrom = day0 - 7;
    this.genTo = this.genFrom;
    this.fromX = this.toX = this.xOf(this.genFrom);
    this.generate(this.genFrom, day0 + FIRST_SPAN);
    // Base the sums at time 0: cum(0) = 0.
    const i = this.find(0);
    const base = i < 0 ? (this.n > 0 ? this.cumStart(0) : 0) : 0 < this.ends[i] ? this.shifts[i] : this.cumEnd(i);
    for (let k = 0; k < this.n; k++) this.shifts[k] -= base;
  }

  /** Minutes since time 0 of 00:00 of `day`. */
  xOf(day: number): number {
    return (day - this.day0) * MINUTES_PER_DAY - this.origin;
  }

  /** Working minutes since time 0 at the start of interval i. */
  cumStart(i: number): number {
    return this.starts[i] + this.shifts[i];
  }

  /** Working minutes since time 0 at the end of interval i (= cumStart(i + 1)). */
  cumEnd(i: number): number {
    return this.ends[i] + this.shifts[i];
  }

  /** Working minutes since time 0 at x (negative before it). */
  cumAt(x: number): number {
    const i = this.find(x);
    if (i < 0) return this.n > 0 ? this.cumStart(0) : 0;
    return x < this.ends[i] ? x + this.shifts[i] : this.cumEnd(i);
  }

  /**
   * The last index i with starts[i] <= x, or -1: through the day index inside the generated
   * days (a day has few intervals), by binary search outside them.
   */
  find(x: number): number {
    const s = this.starts;
    const d = Math.floor((x - this.fromX) / MINUTES_PER_DAY);
    if (d >= 0 && d < this.dayFirst.length) {
      let i = this.dayFirst[d];
      const n = this.n;
      while (i < n && s[i] <= x) i++;
      return i - 1;
    }
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (s[mid] <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /** Generates until x lies inside the generated days, or no working time can follow. */
  ensureUpTo(x: number): void {
    while (this.toX <= x && this.genTo <= this.plan.lastDay) this.extendForward();
  }

  /** Generates until x lies inside the generated days, or no working time can precede. */
  ensureDownTo(x: number): void {
    while (this.fromX > x && this.genFrom > this.plan.firstDay) this.extendBackward();
  }

  /** True when there may be working time after the generated days. */
  get moreAhead(): boolean {
    return this.genTo <= this.plan.lastDay;
  }

  /** True when there may be working time before the generated days. */
  get moreBehind(): boolean {
    return this.genFrom > this.plan.firstDay;
  }

  /** Generates the next (doubling) span of days. */
  extendForward(): void {
    const limit = this.day0 + MAX_DAYS;
    if (this.genTo >= limit) this.onLimit(true);
    this.generate(this.genTo, Math.min(limit, this.genTo + Math.max(FIRST_SPAN, this.genTo - this.genFrom)));
  }

  /** Generates the previous (doubling) span of days: new arrays, shifted indices. */
  extendBackward(): void {
    const limit = this.day0 - MAX_DAYS;
    if (this.genFrom <= limit) this.onLimit(false);
    const from = Math.max(limit, this.genFrom - Math.max(FIRST_SPAN, this.genTo - this.genFrom));
    const old = { starts: this.starts, ends: this.ends, shifts: this.shifts, n: this.n, genTo: this.genTo, toX: this.toX };
    this.starts = new Float64Array(Math.max(256, old.starts.length));
    this.ends = new Float64Array(this.starts.length);
    this.shifts = new Float64Array(this.starts.length);
    this.n = 0;
    this.genTo = from;
    this.generate(from, this.genFrom, false);
    // Append the old intervals; the new ones' sums move so that they end where the old begin.
    const m = this.n;
    let skip = 0;
    if (m > 0 && old.n > 0) {
      const delta = old.starts[0] + old.shifts[0] - this.cumEnd(m - 1);
      for (let k = 0; k < m; k++) this.shifts[k] += delta;
      if (this.ends[m - 1] === old.starts[0]) {
        this.ends[m - 1] = old.ends[0];
        skip = 1;
      }
    }
    for (let k = skip; k < old.n; k++) this.push(old.starts[k], old.ends[k], old.shifts[k]);
    this.genFrom = from;
    this.fromX = this.xOf(from);
    this.genTo = old.genTo;
    this.toX = old.toX;
    this.indexDays();
  }

  private push(s: number, e: number, shift: number): void {
    if (this.n === this.starts.length) {
      const grow = (a: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> => {
        const b = new Float64Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
      this.shifts = grow(this.shifts);
    }
    this.starts[this.n] = s;
    this.ends[this.n] = e;
    this.shifts[this.n] = shift;
    this.n++;
  }

  /** Appends the intervals of days [from, to) (from === genTo), merging touching ones; re-indexes the days. */
  private generate(from: number, to: number, index = true): void {
    this.plan.forEachWorkingDay(from, to, (day: number, w: Windows) => {
      const base = this.xOf(day);
      for (let k = 0; k < w.length; k += 2) {
        const s = base + w[k];
        const e = base + w[k + 1];
        const n = this.n;
        if (n > 0 && this.ends[n - 1] === s) this.ends[n - 1] = e;
        else this.push(s, e, n > 0 ? this.cumEnd(n - 1) - s : -s);
      }
    });
    this.genTo = to;
    this.toX = this.xOf(to);
    if (index) this.indexDays();
  }

  /** Rebuilds `dayFirst` for days [genFrom, genTo) with one sweep over the intervals. */
  private indexDays(): void {
    const days = this.genTo - this.genFrom;
    const index = this.dayFirst.length === days ? this.dayFirst : new Int32Array(days);
    let i = 0;
    for (let d = 0; d < days; d++) {
      const x = this.fromX + d * MINUTES_PER_DAY;
      while (i < this.n && this.ends[i] <= x) i++;
      index[d] = i;
    }
    this.dayFirst = index;
  }
}
