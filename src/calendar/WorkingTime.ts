import { CoordsimError, type ErrorContext } from '../scenario/CoordsimError.js';
import { formatDate } from './civil.js';
import type { DayPlan } from './_internals/DayPlan.js';
import { ceilQuotient } from './_internals/float.js';
import { IntervalTable, MAX_DAYS } from './_internals/IntervalTable.js';
import type { TimeOrigin } from './_internals/TimeOrigin.js';
import type { TimeUnit } from './ProjectClock.js';

/**
 * Tolerance of boundary snapping, in working minutes (0.6 µs): work that ends within it of a
 * working period's end ends there (17:00 Friday, not 09:00 Monday) despite rounding in
 * t × unit, and less work than that is no work. A constant, so that results stay monotonic
 * in t and in work; it is above float noise (a few ulps) for times up to about 20 years
 * from the start in minutes, and far beyond in coarser units.
 */
export const SNAP_MINUTES = 1e-8;
const TOL = SNAP_MINUTES;

/** Tolerance (minutes) of date rounding at x: far below any visible time, far above float noise. */
function dateTol(x: number): number {
  return 1e-7 + Math.abs(x) * 2 ** -40;
}

/** What `ProjectClock.workingTime` passes to the WorkingTime it builds. @internal */
export interface WorkingTimeInit {
  /** Null for an always-working calendar without days off. */
  plan: DayPlan | null;
  time: TimeOrigin;
  unit: TimeUnit;
  /** Civil minutes per elapsed time unit and working minutes per work unit. */
  unitMinutes: number;
  workMinutes: number;
  where: ErrorContext;
}

/**
 * The working time of one calendar with one set of days off, on the project's clock:
 * elapsed time in time units since time 0, work in work units (see `ProjectClock`). Working
 * periods are half-open, [09:00, 17:00): 17:00 itself is not working time, but work may end
 * there. Intervals are generated lazily and cached, so one instance should be shared by
 * everyone on the same calendar; no call allocates once the horizon covers it.
 */
export class WorkingTime {
  /** True when every moment is working time: the functions are then plain arithmetic. */
  readonly alwaysWorking: boolean;
  /** True when, moreover, a work unit is an elapsed unit: every function is the identity (`advance(t, w) === t + w`). */
  readonly identity: boolean;
  readonly unit: TimeUnit;
  readonly unitMinutes: number;
  readonly workMinutes: number;
  readonly where: ErrorContext;
  private readonly U: number;
  private readonly W: number;
  private readonly ratio: number;
  private readonly invRatio: number;
  private readonly time: TimeOrigin;
  private readonly table: IntervalTable | null;

  /** Use `ProjectClock.workingTime` (or `CalendarSystem.workingTime`) to build one. @internal */
  constructor(init: WorkingTimeInit) {
    this.alwaysWorking = init.plan === null;
    this.identity = this.alwaysWorking && init.unitMinutes === init.workMinutes;
    this.unit = init.unit;
    this.unitMinutes = this.U = init.unitMinutes;
    this.workMinutes = this.W = init.workMinutes;
    this.ratio = this.W / this.U;
    this.invRatio = this.U / this.W;
    this.time = init.time;
    this.where = init.where;
    this.table = init.plan === null ? null : new IntervalTable(init.plan, init.time.day0, init.time.origin, () => this.horizon());
  }

  /**
   * The elapsed time at which `work` (>= 0 work units) started at t is done. Work begins at
   * the first working moment at or after t and pauses outside working time; work that ends
   * exactly at the end of a working period ends there. `advance(t, 0)` is t, even in
   * non-working time (a zero-length item does not move to the next working moment).
   */
  advance(t: number, work: number): number {
    if (this.table === null) {
      if (!(work >= 0)) this.badWork('advance', work);
      return this.identity ? t + work : t + work * this.ratio;
    }
    if (!(work > 0)) {
      if (work === 0) return t;
      this.badWork('advance', work);
    }
    if (!Number.isFinite(t)) return this.nonFinite('advance', t);
    const tab = this.table;
    const x = t * this.U;
    this.cover(x);
    const i = tab.find(x);
    const inside = i >= 0 && x < tab.ends[i];
    // Work starts in interval j, with c0 working minutes since time 0 done before it.
    const j = inside ? i : i + 1;
    const c0 = inside ? x + tab.shifts[i] : i >= 0 ? tab.cumEnd(i) : tab.n > 0 ? tab.cumStart(0) : 0;
    const need = work * this.W;
    const target = c0 + need;
    const goal = target - TOL;
    while (j >= tab.n || tab.cumEnd(tab.n - 1) < goal) {
      if (!tab.moreAhead) this.cannotFinish(t, work);
      tab.extendForward();
    }
    if (need <= TOL) return inside ? t : ceilQuotient(tab.starts[j], this.U); // no work: just the start
    // First interval k >= j whose end reaches the goal (galloping, then binary search: work
    // usually spans a few intervals); ending within TOL of it snaps to it.
    const ends = tab.ends;
    const shifts = tab.shifts;
    const last = tab.n - 1;
    let lo = j;
    let hi = j;
    for (let step = 1; ends[hi] + shifts[hi] < goal; step *= 2) {
      lo = hi + 1;
      hi = Math.min(hi + step, last);
    }
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ends[mid] + shifts[mid] < goal) lo = mid + 1;
      else hi = mid;
    }
    if (ends[lo] + shifts[lo] <= target + TOL) return ends[lo] / this.U;
    return (lo === i ? x + need : target - shifts[lo]) / this.U;
  }

  /**
   * The latest elapsed time s such that `work` (>= 0 work units) started at s is done by t:
   * the inverse of `advance`. When that start falls on the boundary between two working
   * periods, it is the start of the later one (09:00 Monday rather than 17:00 Friday), so
   * `retreat(advance(t, w), w)` is the first working moment at or after t. `retreat(t, 0)` is t.
   */
  retreat(t: number, work: number): number {
    if (this.table === null) {
      if (!(work >= 0)) this.badWork('retreat', work);
      return this.identity ? t - work : t - work * this.ratio;
    }
    if (!(work > 0)) {
      if (work === 0) return t;
      this.badWork('retreat', work);
    }
    if (!Number.isFinite(t)) return this.nonFinite('retreat', t);
    const tab = this.table;
    const x = t * this.U;
    this.cover(x);
    const need = work * this.W;
    if (need <= TOL) {
      const l = this.lastWorking(t); // no work: just the finish
      return l > -Infinity ? l : t;
    }
    let i = tab.find(x);
    const inside = i >= 0 && x < tab.ends[i];
    const c0 = i < 0 ? (tab.n > 0 ? tab.cumStart(0) : 0) : inside ? x + tab.shifts[i] : tab.cumEnd(i);
    const target = c0 - need;
    const goal = target + TOL;
    if (tab.n === 0 || tab.cumStart(0) > goal) {
      do {
        if (!tab.moreBehind) this.cannotStart(t, work);
        tab.extendBackward();
      } while (tab.n === 0 || tab.cumStart(0) > goal);
      i = tab.find(x);
    }
    // Last interval k <= i whose start has at most the goal done before it (galloping back,
    // then binary search); starting within TOL of it snaps to it.
    const starts = tab.starts;
    const shifts = tab.shifts;
    let lo = i;
    let hi = i;
    for (let step = 1; starts[lo] + shifts[lo] > goal; step *= 2) {
      hi = lo - 1;
      lo = Math.max(lo - step, 0);
    }
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid] + shifts[mid] <= goal) lo = mid;
      else hi = mid - 1;
    }
    if (starts[lo] + shifts[lo] >= target - TOL) return ceilQuotient(starts[lo], this.U);
    return (lo === i && inside ? x - need : Math.min(tab.ends[lo], target - shifts[lo])) / this.U;
  }

  /** `advance(t, lag)` for lag >= 0, `retreat(t, -lag)` for a negative lag. */
  advanceSigned(t: number, lag: number): number {
    return lag < 0 ? this.retreat(t, -lag) : this.advance(t, lag);
  }

  /** Working time in [a, b), in work units; negative when b < a (`workBetween(b, a)` negated). */
  workBetween(a: number, b: number): number {
    if (this.table === null) return this.identity ? b - a : (b - a) * this.invRatio;
    return (this.cumAt(b * this.U) - this.cumAt(a * this.U)) / this.W;
  }

  /** True when t is working time (a working period contains its start, not its end). */
  isWorking(t: number): boolean {
    if (this.table === null) return true;
    const x = t * this.U;
    if (!Number.isFinite(x)) return false;
    this.cover(x);
    const i = this.table.find(x);
    return i >= 0 && x < this.table.ends[i];
  }

  /** The first working moment at or after t (t itself when working; Infinity when none follows). */
  nextWorking(t: number): number {
    const x = t * this.U;
    const n = this.nextWorkingX(x);
    return n === x ? t : n === Infinity ? n : ceilQuotient(n, this.U);
  }

  /**
   * The latest moment at or before t that is working time or the end of a working period:
   * t itself when working or exactly at a period's end, otherwise the end of the previous
   * period (-Infinity when none precedes).
   */
  lastWorking(t: number): number {
    const x = t * this.U;
    const l = this.lastWorkingX(x);
    return l === x ? t : l / this.U;
  }

  /**
   * The ISO date (day and week units) or date-time (`YYYY-MM-DDTHH:MM`, hour and minute
   * units) of the last working moment before t: a task done at the end of Tuesday's work
   * finishes on Tuesday, even at 17:00 or at Wednesday 00:00. Pass the item's `start` for a
   * zero-length item (start === t): its finish date is then the date of t itself.
   */
  finishDate(t: number, start?: number): string {
    const time = this.time;
    time.check();
    const x = t * this.U;
    if (start !== undefined && !(t > start)) return this.instantDate(x);
    const tol = dateTol(x);
    let e = this.lastWorkingX(x - tol);
    if (!(e > -Infinity)) e = x;
    return time.dateTime ? time.format(e) : formatDate(time.dayAt(Math.min(e, x) - tol));
  }

  /**
   * The ISO date or date-time of the first working moment at or after t (a task released
   * at 17:00 Friday starts on Monday). Pass the item's `finish` for a zero-length item
   * (finish === t): its start date is then the date of t itself, as its finish date.
   */
  startDate(t: number, finish?: number): string {
    const time = this.time;
    time.check();
    const x = t * this.U;
    if (finish !== undefined && !(finish > t)) return this.instantDate(x);
    const tol = dateTol(x);
    let s = this.nextWorkingX(x + tol);
    if (!(s < Infinity)) s = x;
    return time.dateTime ? time.format(s) : formatDate(time.dayAt(s));
  }

  /**
   * The date or date-time of the instant t itself (float noise just below midnight counts as
   * midnight). In day units, an instant that ends a working period and is not working time
   * (midnight after a whole day's work, on a calendar without hours) is dated by the day that
   * work was done: a milestone reached when Friday's work ends is on Friday, not on Saturday.
   */
  private instantDate(x: number): string {
    if (this.time.dateTime) return this.time.format(x);
    const tol = dateTol(x);
    const endsWork = this.nextWorkingX(x) > x && Math.abs(this.lastWorkingX(x + tol) - x) <= tol;
    return formatDate(this.time.dayAt(endsWork ? x - tol : x + tol));
  }

  private nextWorkingX(x: number): number {
    const tab = this.table;
    if (tab === null || !Number.isFinite(x)) return x;
    this.cover(x);
    const i = tab.find(x);
    if (i >= 0 && x < tab.ends[i]) return x;
    while (i + 1 >= tab.n) {
      if (!tab.moreAhead) return Infinity;
      tab.extendForward();
    }
    return tab.starts[i + 1];
  }

  private lastWorkingX(x: number): number {
    const tab = this.table;
    if (tab === null || !Number.isFinite(x)) return x;
    this.cover(x);
    let i = tab.find(x);
    while (i < 0) {
      if (!tab.moreBehind) return -Infinity;
      tab.extendBackward();
      i = tab.find(x);
    }
    return x <= tab.ends[i] ? x : tab.ends[i];
  }

  /** Working minutes since time 0 at x. */
  private cumAt(x: number): number {
    const tab = this.table!;
    if (!Number.isFinite(x)) {
      this.nonFinite('workBetween', x);
      // ±Infinity: all the working time there is in that direction
      const bound = x > 0 ? tab.plan.lastDay + 1 : tab.plan.firstDay;
      if (!Number.isFinite(bound)) return x;
      const xb = tab.xOf(bound);
      this.cover(xb);
      return tab.cumAt(xb);
    }
    this.cover(x);
    return tab.cumAt(x);
  }

  /** Makes the table cover x (both directions). */
  private cover(x: number): void {
    const tab = this.table!;
    if (x >= tab.toX) tab.ensureUpTo(x);
    else if (x < tab.fromX) tab.ensureDownTo(x);
  }

  private badWork(call: string, work: number): never {
    throw new CoordsimError('E_INVARIANT', `WorkingTime.${call}: expected work >= 0, got ${work}${work < 0 ? ' (use advanceSigned for a negative lag)' : ''}`, this.where);
  }

  private nonFinite(call: string, t: number): number {
    if (Number.isNaN(t)) throw new CoordsimError('E_INVARIANT', `WorkingTime.${call}: expected a finite time, got NaN`, this.where);
    return t;
  }

  private describe(t: number): string {
    return this.time.hasStart ? this.time.format(t * this.U, true) : `time ${t}`;
  }

  private cannotFinish(t: number, work: number): never {
    const plan = this.table!.plan;
    throw new CoordsimError('E_INFEASIBLE',
      `${work} ${this.unit}(s) of work started at ${this.describe(t)} can never finish: this calendar has no working time after ${formatDate(plan.lastDay)}`, this.where);
  }

  private cannotStart(t: number, work: number): never {
    const plan = this.table!.plan;
    throw new CoordsimError('E_INFEASIBLE',
      `${work} ${this.unit}(s) of work cannot be done by ${this.describe(t)}: this calendar has no working time before ${formatDate(plan.firstDay)}`, this.where);
  }

  private horizon(): never {
    throw new CoordsimError('E_INFEASIBLE',
      `working time more than ${MAX_DAYS.toLocaleString('en-US')} days (about 2,700 years) from the project start is not supported: too much work for this calendar, or a calendar with almost no working time`, this.where);
  }
}
