import { compileCalendar, type Calendar } from './Calendar.js';
import { at, fail, isRecord, show, type Where } from './_internals/fail.js';
import { parseOffPeriods } from './offPeriods.js';
import { ProjectClock, UNIT_MINUTES, type TimeUnit } from './ProjectClock.js';
import type { WorkingTime } from './WorkingTime.js';

/** The scenario keys the calendars are built from, as written (unvalidated). */
export interface CalendarScenarioKeys {
  start?: unknown;
  time_unit?: unknown;
  calendars?: unknown;
  calendar?: unknown;
}

/** What `CalendarSystem.workingTime` needs to know about whoever works. */
export interface WorkingTimeRequest {
  /** A calendar name (a key of `calendars`); default: the project calendar. */
  calendar?: unknown;
  /** The `off` list as written (dates, `{from, to}`, `{from}`, `{to}`). */
  off?: unknown;
  /** Work unit length: `project` (default; agents) or `own` (see `WorkingTimeOptions.workUnit`). */
  workUnit?: 'project' | 'own';
  /** Where the request comes from, e.g. `/agents/3` (its `calendar` and `off` keys are appended). */
  where: Where;
}

/**
 * A scenario's calendars: the named calendars, the project clock and calendar, and one
 * shared WorkingTime per (calendar, days off). Without `calendars`, `calendar` and agents'
 * `off`, everything is always working and every WorkingTime is the identity.
 */
export class CalendarSystem {
  readonly clock: ProjectClock;
  /** The named calendars, by name (a Map: names are user input). */
  readonly calendars: ReadonlyMap<string, Calendar>;
  private readonly cache = new Map<string, WorkingTime>();

  private constructor(clock: ProjectClock, calendars: ReadonlyMap<string, Calendar>) {
    this.clock = clock;
    this.calendars = calendars;
  }

  /** The project calendar's working time (lags, tasks without an agent). */
  get project(): WorkingTime {
    return this.clock.project;
  }

  /**
   * Validates and compiles `start`, `time_unit`, `calendars` and `calendar` of a scenario
   * document; `where` is the document's root (`''`, or a context with the file name).
   */
  static fromScenario(keys: CalendarScenarioKeys, where: Where = ''): CalendarSystem {
    const unit = keys.time_unit ?? 'day';
    if (typeof unit !== 'string' || !Object.prototype.hasOwnProperty.call(UNIT_MINUTES, unit)) {
      fail('E_PARAM', where, '/time_unit', `time_unit: expected one of minute, hour, day, week, found ${show(unit)}`);
    }
    const calendars = new Map<string, Calendar>();
    if (keys.calendars !== undefined) {
      if (!isRecord(keys.calendars)) fail('E_SCHEMA', where, '/calendars', `calendars: expected a map of calendar names to calendars, found ${show(keys.calendars)}`);
      for (const [name, spec] of Object.entries(keys.calendars)) {
        calendars.set(name, compileCalendar(spec, at(where, `/calendars/${escapePointer(name)}`)));
      }
    }
    const project = keys.calendar === undefined ? undefined : lookup(calendars, keys.calendar, where, '/calendar');
    const clock = ProjectClock.create({ start: keys.start, timeUnit: unit as TimeUnit, calendar: project, where: at(where, '/start') });
    return new CalendarSystem(clock, calendars);
  }

  /** The calendar named `name`; a CoordsimError (E_REFERENCE) naming `where` when there is none. */
  calendar(name: unknown, where: Where): Calendar {
    return lookup(this.calendars, name, where, '');
  }

  /**
   * The working time of whoever works with `request.calendar` (default: the project
   * calendar) and `request.off`. Instances without days off are shared by calendar name.
   */
  workingTime(request: WorkingTimeRequest): WorkingTime {
    const calendar = request.calendar === undefined ? this.clock.calendar : lookup(this.calendars, request.calendar, request.where, '/calendar');
    const off = parseOffPeriods(request.off, at(request.where, '/off'));
    const unit = request.workUnit ?? 'project';
    if (this.clock.startDay === null && !calendar.alwaysWorking) {
      fail('E_PARAM', request.where, '', 'a working calendar needs the project `start` date (e.g. start: 2027-01-04)');
    }
    if (off.length > 0) return this.clock.workingTime(calendar, { off, workUnit: unit, where: request.where });
    const key = `${unit}\u0000${request.calendar === undefined ? '' : String(request.calendar)}`;
    let wt = this.cache.get(key);
    if (wt === undefined) {
      wt = request.calendar === undefined && unit === 'project' ? this.clock.project
        : this.clock.workingTime(calendar, { workUnit: unit, where: calendar.where });
      this.cache.set(key, wt);
    }
    return wt;
  }
}

function lookup(calendars: ReadonlyMap<string, Calendar>, name: unknown, where: Where, suffix: string): Calendar {
  if (typeof name !== 'string') fail('E_SCHEMA', where, suffix, `calendar: expected a calendar name, found ${show(name)}`);
  const c = calendars.get(name);
  if (c === undefined) {
    const known = [...calendars.keys()];
    fail('E_REFERENCE', where, suffix, `unknown calendar ${show(name)} (${known.length ? `defined: ${known.join(', ')}` : 'no `calendars` defined'})`);
  }
  return c;
}

/** JSON-pointer escaping of a key (`~` → `~0`, `/` → `~1`). */
function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
