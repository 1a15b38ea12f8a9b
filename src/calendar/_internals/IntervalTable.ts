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
  /** Working minutes before `starts[i]` (from an arbitrary base); cums[i + 1] = cums[i] + ends[i] - starts[i]. */
  cums = new Float64Array(256);
  n = 0;
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
  }

  /** Minutes since time 0 of 00:00 of `day`. */
  xOf(day: number): number {
    return (day - this.day0) * MINUTES_PER_DAY - this.origin;
  }

  /** Cumulative working minutes at the end of interval i. */
  cumEnd(i: number): number {
    return this.cums[i] + (this.ends[i] - this.starts[i]);
  }

  /** The last index i with starts[i] <= x, or -1 (binary search). */
  find(x: number): number {
    let lo = 0;
    let hi = this.n;
    const s = this.starts;
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
    const old = { starts: this.starts, ends: this.ends, cums: this.cums, n: this.n, genTo: this.genTo, toX: this.toX };
    this.starts = new Float64Array(256);
    this.ends = new Float64Array(256);
    this.cums = new Float64Array(256);
    this.n = 0;
    this.genTo = from;
    this.generate(from, this.genFrom);
    // Append the old intervals, shifting the new ones' prefix sums so the old ones keep theirs.
    let skip = 0;
    if (this.n > 0 && old.n > 0 && this.ends[this.n - 1] === old.starts[0]) {
      this.ends[this.n - 1] = old.ends[0];
      skip = 1;
    }
    let shift = 0;
    if (old.n > 0 && this.n > 0) {
      const last = this.n - 1;
      shift = skip ? old.cums[0] - (old.starts[0] - this.starts[last]) - this.cums[last] : old.cums[0] - this.cumEnd(last);
    }
    for (let i = 0; i < this.n; i++) this.cums[i] += shift;
    for (let i = skip; i < old.n; i++) this.push(old.starts[i], old.ends[i], old.cums[i]);
    this.genFrom = from;
    this.fromX = this.xOf(from);
    this.genTo = old.genTo;
    this.toX = old.toX;
  }

  private push(s: number, e: number, cum: number): void {
    if (this.n === this.starts.length) {
      const grow = (a: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> => {
        const b = new Float64Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
      this.cums = grow(this.cums);
    }
    this.starts[this.n] = s;
    this.ends[this.n] = e;
    this.cums[this.n] = cum;
    this.n++;
  }

  /** Appends the intervals of days [from, to) (from === genTo), merging touching ones. */
  private generate(from: number, to: number): void {
    this.plan.forEachWorkingDay(from, to, (day: number, w: Windows) => {
      const base = this.xOf(day);
      for (let k = 0; k < w.length; k += 2) {
        const s = base + w[k];
        const e = base + w[k + 1];
        const n = this.n;
        if (n > 0 && this.ends[n - 1] === s) this.ends[n - 1] = e;
        else this.push(s, e, n > 0 ? this.cumEnd(n - 1) : 0);
      }
    });
    this.genTo = to;
    this.toX = this.xOf(to);
  }
}
