import { CalendarSystem } from '../calendar/CalendarSystem.js';
import type { WorkingTime } from '../calendar/WorkingTime.js';
import { CoordsimError } from './CoordsimError.js';
import type { DistributionSpec } from '../sim/distributions/Distribution.js';
import type { ProjectClock } from '../calendar/ProjectClock.js';
import type { Scenario, TaskSpec } from './Scenario.js';

/** What a task is: work for an agent, a milestone (zero length, nobody), or elapsed time for nobody. */
export type TaskKind = 'work' | 'milestone' | 'elapsed';

/** A scenario's schedule side, resolved: all identity (and `timed` false) without dates or calendars. */
export interface ResolvedScheduleCore {
  /** Dates ↔ times; null without `start`. */
  clock: ProjectClock | null;
  /** Some working time is not every moment (calendars, days off). */
  calendared: boolean;
  /** Anything beyond plain finish-to-start work: calendars, milestones, tasks without agent, constraints, progress (link types are added by the model). */
  timed: boolean;
  /** Working time of each agent, then the project calendar's (the orchestrator's). */
  resourceTime: WorkingTime[];
  /** The project calendar's working time: lags, tasks without an agent. */
  projectTime: WorkingTime;
  /** The status date as a time, or null. */
  statusDate: number | null;
}

/** The schedule facts of one task, resolved to times and working times. */
export interface TaskSchedule {
  kind: TaskKind;
  time: WorkingTime | null;
  notBefore: number;
  deadline: number | null;
  actualStart: number | null;
  /** Work to simulate: the task's duration, its remaining work when started, 0 when done. */
  duration: DistributionSpec;
  /** Done before the status date: no agent, it ends at its actual finish. */
  done: boolean;
}

/** The resolved schedule side of a scenario and a resolver for each task's. */
export interface ResolvedSchedule {
  schedule: ResolvedScheduleCore;
  /** The project deadline as a time, or null. */
  deadline: number | null;
  task(t: TaskSpec, index: number): TaskSchedule;
}

/**
 * Resolves dates, calendars, days off, constraints and progress of a scenario (validation
 * calls it for its errors, compilation for its values). Without any
 * of them every working time is the identity and `timed` is false: the engine then runs as
 * it always has, bit for bit.
 */
export function resolveSchedule(s: Scenario): ResolvedSchedule {
  const system = CalendarSystem.fromScenario({ start: s.start, time_unit: s.time_unit, calendars: s.calendars, calendar: s.calendar });
  const clock = system.clock;
  const hasStart = s.start !== undefined;
  const resourceTime = s.agents.map((a, i) => system.workingTime({ calendar: a.calendar, off: a.off, where: `/agents/${i}` }));
  const projectTime = system.project;
  resourceTime.push(projectTime);
  const calendared = !resourceTime.every((w) => w.identity) || !projectTime.identity;
  const time = (value: number | string | undefined, edge: 'start' | 'end', path: string): number | null =>
    value === undefined ? null : clock.parseTime(value, edge, path);
  let statusDate = time(s.status_date, 'start', '/status_date');
  if (statusDate !== null && statusDate < 0) {
    // On the start day but before its first working moment (the date itself, 00:00, when work
    // begins at 09:00): nothing can have been done yet, so it is the start. An earlier day is refused.
    if (typeof s.status_date !== 'string' || clock.dayOf(statusDate) < clock.startDay!) {
      throw new CoordsimError('E_PARAM', `status_date ${s.status_date} is before the project start ${s.start}`, { path: '/status_date' });
    }
    statusDate = 0;
  }
  const progress = new Map(Object.entries(s.progress ?? {}));
  let timed = calendared || statusDate !== null || s.progress !== undefined;
  const task = (t: TaskSpec, index: number): TaskSchedule => {
    // Paths are written out only where a value is there to be read (they name its errors).
    const path = (key: string) => `/tasks/${index}${key}`;
    const p = progress.size > 0 ? progress.get(t.id) : undefined;
    const milestone = t.milestone === true;
    const unassigned = t.agent === undefined && t.skill === undefined && t.agents === undefined && t.needs === undefined;
    let kind: TaskKind = milestone ? 'milestone' : unassigned ? 'elapsed' : 'work';
    let notBefore = t.not_before === undefined ? -Infinity : time(t.not_before, 'start', path('/not_before'))!;
    const deadline = t.deadline === undefined ? null : time(t.deadline, 'end', path('/deadline'));
    let duration: DistributionSpec = milestone ? 0 : t.duration!;
    let actualStart: number | null = null;
    let done = false;
    if (p !== undefined) {
      const at = `/progress/${t.id}`;
      if (statusDate === null) throw new CoordsimError('E_PARAM', `progress of task '${t.id}' needs a status_date`, { path: at });
      actualStart = time(p.actual_start, 'start', `${at}/actual_start`);
      const actualFinish = time(p.actual_finish, 'end', `${at}/actual_finish`);
      if (actualFinish !== null) {
        if (actualFinish > statusDate) throw new CoordsimError('E_PARAM', `task '${t.id}' finished (${p.actual_finish}) after the status date ${s.status_date}`, { path: `${at}/actual_finish` });
        if (actualStart !== null && actualStart > actualFinish) throw new CoordsimError('E_PARAM', `task '${t.id}' finished (${p.actual_finish}) before it started (${p.actual_start})`, { path: `${at}/actual_finish` });
        done = true;
        kind = milestone ? 'milestone' : 'elapsed';
        duration = 0;
        notBefore = actualFinish;
        actualStart ??= actualFinish;
      } else {
        if (actualStart === null && p.remaining === undefined) throw new CoordsimError('E_PARAM', `progress of task '${t.id}': expected actual_start, actual_finish or remaining`, { path: at });
        if (actualStart !== null && actualStart > statusDate) throw new CoordsimError('E_PARAM', `task '${t.id}' started (${p.actual_start}) after the status date ${s.status_date}`, { path: `${at}/actual_start` });
        if (p.remaining !== undefined) duration = p.remaining;
        notBefore = Math.max(notBefore, statusDate!);
      }
    } else if (statusDate !== null) notBefore = Math.max(notBefore, statusDate);
    if (milestone || unassigned || notBefore > -Infinity || deadline !== null) timed = true;
    const own = t.calendar !== undefined ? system.workingTime({ calendar: t.calendar, workUnit: 'own', where: path('') }) : projectTime;
    return { kind, time: kind === 'work' ? null : own, notBefore, deadline, actualStart, duration, done };
  };
  const deadline = time(s.deadline, 'end', '/deadline');
  const out: ResolvedSchedule = {
    schedule: { clock: hasStart ? clock : null, calendared, timed, resourceTime, projectTime, statusDate },
    deadline,
    task: (t, i) => {
      const r = task(t, i);
      out.schedule.timed = timed;
      return r;
    },
  };
  return out;
}
