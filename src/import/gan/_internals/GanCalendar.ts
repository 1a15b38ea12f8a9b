import { CoordsimError, type ErrorContext } from '../../../scenario/CoordsimError.js';
import type { ImportWarning } from '../../ImportedPlan.js';
import { WEEKDAYS, dateParts, dayNumber, daysInMonth, holidayEntries, weekday } from '../../_internals/calendarDays.js';
import { childNamed, childrenNamed, type XmlElement } from '../../_internals/parseXmlTree.js';

/** A task may not need more calendar days than this to do its work (about 550 years). */
const MAX_SPAN_DAYS = 200_000;

/**
 * GanttProject's one project calendar, in whole days: the default week (attribute `1` marks a
 * weekend day, `0` a working day; a missing `<calendars>` means every day works), dated events
 * (`HOLIDAY` makes a day non-working, `WORKING_DAY` working, `NEUTRAL` changes nothing) and
 * recurring events (no `year`: the same month and day every year). Months are 1-12.
 */
export class GanCalendar {
  readonly name: string;
  /** Line of `<calendars>` (of `<project>` when there is none). */
  readonly line: number;
  private readonly workingWeekdays: boolean[];
  private readonly holidays = new Set<number>();
  private readonly workingDays = new Set<number>();
  /** Recurring events by `month * 100 + day`. */
  private readonly recurringHolidays = new Set<number>();
  private readonly recurringWorking = new Set<number>();

  constructor(project: XmlElement, file: string, warnings: ImportWarning[]) {
    const calendars = childNamed(project, 'calendars');
    const week = calendars && childNamed(childNamed(calendars, 'day-types') ?? calendars, 'default-week');
    this.name = week?.attrs.get('name') || 'default';
    this.line = (calendars ?? project).line;
    this.workingWeekdays = WEEKDAYS.map((d) => {
      const v = week?.attrs.get(d) ?? '0';
      if (v !== '0' && v !== '1') {
        throw new CoordsimError('E_SCHEMA', `<default-week> attribute ${d}="${v}": expected 0 (working day) or 1 (weekend)`, { file, line: week?.line });
      }
      return v === '0';
    });
    for (const ev of calendars ? childrenNamed(calendars, 'date') : []) this.addEvent(ev, file, warnings);
  }

  private addEvent(ev: XmlElement, file: string, warnings: ImportWarning[]): void {
    const type = ev.attrs.get('type') || 'HOLIDAY';
    const year = ev.attrs.get('year') ?? '';
    const month = Number(ev.attrs.get('month'));
    const date = Number(ev.attrs.get('date'));
    const where = `line ${ev.line}`;
    if (type === 'NEUTRAL') return;
    if (type !== 'HOLIDAY' && type !== 'WORKING_DAY') {
      warnings.push({ location: where, message: `calendar event type "${type}" is not HOLIDAY, WORKING_DAY or NEUTRAL: ignored (as GanttProject does)` });
      return;
    }
    if (year.trim() === '') {
      if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(date) || date < 1 || date > daysInMonth(2000, month)) {
        throw new CoordsimError('E_SCHEMA', `<date month="${ev.attrs.get('month')}" date="${ev.attrs.get('date')}">: expected a month 1-12 and a day of that month`, { file, line: ev.line });
      }
      (type === 'HOLIDAY' ? this.recurringHolidays : this.recurringWorking).add(month * 100 + date);
      return;
    }
    const day = /^\d{1,4}$/.test(year) ? dayNumber(Number(year), month, date) : undefined;
    if (day === undefined) {
      throw new CoordsimError('E_SCHEMA', `<date year="${year}" month="${ev.attrs.get('month')}" date="${ev.attrs.get('date')}">: not a calendar date`, { file, line: ev.line });
    }
    (type === 'HOLIDAY' ? this.holidays : this.workingDays).add(day);
  }

  /** Whether `day` is a working day: a dated or recurring event wins over the weekday. */
  isWorking(day: number): boolean {
    if (this.holidays.has(day)) return false;
    if (this.workingDays.has(day)) return true;
    if (this.recurringHolidays.size > 0 || this.recurringWorking.size > 0) {
      const p = dateParts(day);
      const key = p.month * 100 + p.day;
      if (this.recurringHolidays.has(key)) return false;
      if (this.recurringWorking.has(key)) return true;
    }
    return this.workingWeekdays[weekday(day)];
  }

  /** The first working day on or after `day`. */
  firstWorkingDay(day: number, what: string, where: ErrorContext): number {
    for (let d = day; d < day + MAX_SPAN_DAYS; d++) if (this.isWorking(d)) return d;
    throw new CoordsimError('E_SCHEMA', `${what}: the calendar has no working day within ${MAX_SPAN_DAYS} days of its start`, where);
  }

  /** The day on which `duration` (>= 1) working days counted from `first` (a working day) end. */
  lastWorkingDay(first: number, duration: number, what: string, where: ErrorContext): number {
    let left = duration;
    for (let d = first; d < first + MAX_SPAN_DAYS; d++) {
      if (this.isWorking(d) && --left === 0) return d;
    }
    throw new CoordsimError('E_SCHEMA', `${what}: ${duration} working days do not fit in ${MAX_SPAN_DAYS} calendar days`, where);
  }

  /** Whether the calendar has events that recur every year. */
  get hasRecurringEvents(): boolean {
    return this.recurringHolidays.size + this.recurringWorking.size > 0;
  }

  /**
   * The scenario calendar: working weekdays, holidays and working exceptions, recurring events
   * written out for every year from `fromYear` to `toYear`.
   */
  toScenario(fromYear: number, toYear: number): Record<string, unknown> {
    const holidays = new Set(this.holidays);
    const working = new Set(this.workingDays);
    for (let y = fromYear; y <= toYear; y++) {
      for (const [set, out] of [[this.recurringHolidays, holidays], [this.recurringWorking, working]] as const) {
        for (const key of set) {
          const day = dayNumber(y, Math.floor(key / 100), key % 100); // undefined for Feb 29 of a common year
          if (day !== undefined) out.add(day);
        }
      }
    }
    const order = [1, 2, 3, 4, 5, 6, 0];
    const cal: Record<string, unknown> = { name: this.name, days: order.filter((i) => this.workingWeekdays[i]).map((i) => WEEKDAYS[i]) };
    if (holidays.size > 0) cal.holidays = holidayEntries(holidays);
    if (working.size > 0) cal.exceptions = holidayEntries(working).map((e) => (typeof e === 'string' ? { from: e, to: e } : e));
    return cal;
  }
}
