import { ALWAYS_WORKING, type Calendar } from './Calendar.js';
import { MINUTES_PER_DAY, formatDate, parseDateTime } from './civil.js';
import { DayPlan } from './_internals/DayPlan.js';
import type { DayRange } from './_internals/dayRanges.js';
import { at, fail, show, type Where } from './_internals/fail.js';
import { MAX_DAYS } from './_internals/IntervalTable.js';
import { TimeOrigin } from './_internals/TimeOrigin.js';
import { WorkingTime } from './WorkingTime.js';

/** The scenario's unit of time: of the clock (elapsed) and of work amounts (working time). */
export type TimeUnit = 'minute' | 'hour' | 'day' | 'week';

/** Civil minutes in one elapsed time unit. */
export const UNIT_MINUTES: Readonly<Record<TimeUnit, number>> = Object.freeze({ minute: 1, hour: 60, day: 1440, week: 10080 });

/** Options of `ProjectClock.create`. */
export interface ProjectClockOptions {
  /** The project start: an ISO date (or date-time); needed by any calendar and by every date. */
  start?: unknown;
  /** Unit of elapsed time and of work amounts (default `day`). */
  timeUnit?: TimeUnit;
  /** The project calendar (default `ALWAYS_WORKING`): it places time 0 and sets how long a work day is. */
  calendar?: Calendar;
  /** Where `start` was given, for error messages (default `/start`). */
  where?: Where;
}

/** Options of `ProjectClock.workingTime`. */
export interface WorkingTimeOptions {
  /** Whole days off on top of the calendar (see `parseOffPeriods`). */
  off?: readonly DayRange[];
  /**
   * How long a `day`/`week` of work is: `project` (default) uses the project calendar's hours
   * per day and days per week, so that a 4 h/day calendar takes two days per day of work;
   * `own` uses this calendar's own, so that a day of work is one of its working days.
   */
  workUnit?: 'project' | 'own';
  /** Where the calendar is used (e.g. `/agents/3`), for error messages. */
  where?: Where;
}

/**
 * The project's clock: elapsed time in time units since time 0, where time 0 is the first
 * working moment of the project calendar at or after 00:00 of `start`. Work amounts are
 * working time in the same unit, converted to working minutes with the project calendar's
 * day length: a `day` of work is `hoursPerDay` working hours, a `week` is `daysPerWeek` such
 * days, an `hour` or `minute` is itself. Builds the WorkingTime of every calendar.
 */
export class ProjectClock {
  readonly timeUnit: TimeUnit;
  readonly calendar: Calendar;
  /** Civil minutes per elapsed unit (1, 60, 1440, 10080). */
  readonly unitMinutes: number;
  /** Working minutes per work unit (e.g. 480 for `day` on an 8 h calendar). */
  readonly workMinutes: number;
  /** Working hours of a project calendar day and its working days per week. */
  readonly hoursPerDay: number;
  readonly daysPerWeek: number;
  /** The start's day number (days since 1970-01-01), or null without `start`. */
  readonly startDay: number | null;
  /** Civil minutes from 00:00 of the start day to time 0 (more than 1440 when the start day is not worked). */
  readonly originMinutes: number;
  /** The project calendar's working time (lags, tasks without an agent). */
  readonly project: WorkingTime;
  private readonly time: TimeOrigin;

  private constructor(options: ProjectClockOptions) {
    const where = options.where ?? '/start';
    this.timeUnit = options.timeUnit ?? 'day';
    if (!Object.prototype.hasOwnProperty.call(UNIT_MINUTES, this.timeUnit)) {
      fail('E_PARAM', '/time_unit', '', `time_unit: expected one of minute, hour, day, week, found ${show(this.timeUnit)}`);
    }
    this.calendar = options.calendar ?? ALWAYS_WORKING;
    this.unitMinutes = UNIT_MINUTES[this.timeUnit];
    this.hoursPerDay = this.calendar.minutesPerDay / 60;
    this.daysPerWeek = this.calendar.daysPerWeek;
    this.workMinutes = workMinutesOf(this.timeUnit, this.calendar, this.calendar.where);
    let day0 = 0;
    let origin = 0;
    if (options.start !== undefined) {
      const m = parseDateTime(options.start, where);
      if (!Number.isInteger(m.minute)) fail('E_PARAM', where, '', `start: expected a date or a date-time in whole minutes, found ${show(options.start)}`);
      day0 = m.day;
      origin = firstWorkingMinute(new DayPlan(this.calendar, []), m.day, m.minute);
      if (!(origin < Infinity)) fail('E_PARAM', this.calendar.where, '', `the project calendar has no working time on or after the start ${show(options.start)}`);
    } else if (!this.calendar.alwaysWorking) {
      fail('E_PARAM', where, '', 'a project calendar needs the project `start` date (e.g. start: 2027-01-04)');
    }
    this.startDay = options.start !== undefined ? day0 : null;
    this.originMinutes = origin;
    this.time = new TimeOrigin(day0, origin, this.startDay !== null, this.timeUnit === 'hour' || this.timeUnit === 'minute');
    this.project = this.workingTime(this.calendar, { where: this.calendar.where });
  }

  /** Builds the clock (validating `timeUnit` and `start`). */
  static create(options: ProjectClockOptions = {}): ProjectClock {
    return new ProjectClock(options);
  }

  /**
   * The working time of `calendar` minus `off` days, on this clock. Every WorkingTime caches
   * its intervals: build one per (calendar, days off) and share it. Throws a CoordsimError
   * when the calendar needs `start` and there is none, or has no working time on or after
   * the start.
   */
  workingTime(calendar: Calendar = this.calendar, options: WorkingTimeOptions = {}): WorkingTime {
    const off = options.off ?? [];
    const where = options.where ?? calendar.where;
    const workMinutes = options.workUnit === 'own' ? workMinutesOf(this.timeUnit, calendar, where) : this.workMinutes;
    const common = { time: this.time, unit: this.timeUnit, unitMinutes: this.unitMinutes, workMinutes, where: at(where) };
    if (calendar.alwaysWorking && off.length === 0) return new WorkingTime({ plan: null, ...common });
    if (this.startDay === null) fail('E_PARAM', where, '', 'a working calendar or days off need the project `start` date (e.g. start: 2027-01-04)');
    const plan = new DayPlan(calendar, off);
    if (!(plan.firstWorkingDay(this.startDay, this.startDay + MAX_DAYS) < Infinity)) {
      fail('E_PARAM', where, '', `no working time on or after the project start ${formatDate(this.startDay)} (calendar and days off leave none)`);
    }
    return new WorkingTime({ plan, ...common });
  }

  /**
   * A time given in the scenario: a number is an elapsed time as is; an ISO date or
   * date-time becomes elapsed time since time 0 (negative before it). A date alone means
   * 00:00 of that day for `edge: 'start'` (not_before, actual_start, status_date) and 24:00 of
   * that day for `edge: 'end'` (deadline, actual_finish).
   */
  parseTime(value: unknown, edge: 'start' | 'end', where: Where): number {
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) fail('E_PARAM', where, '', `expected a finite time or an ISO date, found ${show(value)}`);
      return value;
    }
    if (this.startDay === null) fail('E_PARAM', where, '', `a date (${show(value)}) needs the project \`start\` date`);
    const m = parseDateTime(value, where);
    const dateOnly = typeof value === 'string' ? value.length === 10 : m.minute === 0;
    const x = this.time.xOf(m.day + (dateOnly && edge === 'end' ? 1 : 0), m.minute);
    return x / this.unitMinutes;
  }

  /** The ISO date (`day`, `week`) or date-time (`hour`, `minute`; rounded to the minute) of the instant t. */
  format(t: number): string {
    return this.time.format(t * this.unitMinutes);
  }

  /** The civil day number (days since 1970-01-01) of the instant t. */
  dayOf(t: number): number {
    return this.time.dayAt(t * this.unitMinutes);
  }
}

function workMinutesOf(unit: TimeUnit, calendar: Calendar, where: Where): number {
  if (unit === 'minute' || unit === 'hour') return UNIT_MINUTES[unit];
  if (calendar.daysPerWeek === 0) fail('E_PARAM', where, '', `a calendar without regular working days cannot measure work in ${unit}s`);
  return unit === 'day' ? calendar.minutesPerDay : calendar.minutesPerDay * calendar.daysPerWeek;
}

/** Minutes from 00:00 of `day` to the plan's first working moment at or after `minute` of it (Infinity if none). */
function firstWorkingMinute(plan: DayPlan, day: number, minute: number): number {
  const w = plan.windowsOf(day);
  for (let k = 0; k < w.length; k += 2) if (w[k + 1] > minute) return Math.max(w[k], minute);
  const d = plan.firstWorkingDay(day + 1, day + MAX_DAYS);
  return d < Infinity ? (d - day) * MINUTES_PER_DAY + plan.windowsOf(d)[0] : Infinity;
}
