import { CoordsimError } from '../../scenario/CoordsimError.js';
import type { ImportedPlan, ImportWarning, PlanFormat, SourceDates } from '../ImportedPlan.js';
import { IdAllocator } from './IdAllocator.js';
import { placeholderAgents } from './placeholderAgent.js';
import { averageDayMinutes, calendarDocument, type WorkCalendar } from './WorkCalendar.js';

/** Where a record sits in its source file: a readable location, and line or path for errors. */
export interface SourcePlace {
  /** e.g. `TASK row 3 (A1000)` or `/Project/Tasks/Task[4]`. */
  location: string;
  line?: number;
  path?: string;
}

/** A dependency as read: the predecessor's reader key, type and lag in days. */
export interface DraftLink {
  predKey: string;
  type: 'FS' | 'SS' | 'FF' | 'SF';
  lag: number;
  place: SourcePlace;
}

/** An activity as read, keyed by the reader's own identifier (P6 task_id, MSPDI UID). */
export interface DraftTask {
  key: string;
  sourceId: string;
  name: string;
  place: SourcePlace;
  wbs?: string;
  duration?: number | { pert: [number, number, number] };
  /** With a three-point `duration`: the single duration the source tool scheduled with (its stored dates come from it). */
  plannedDuration?: number;
  milestone?: boolean;
  /** Resources by draft agent key, with units (1 = the whole resource). */
  assignments: { agentKey: string; units: number }[];
  preds: DraftLink[];
  calendarKey?: string;
  notBefore?: string;
  deadline?: string;
  progress?: { actual_start?: string; actual_finish?: string; remaining?: number };
  sourceDates: SourceDates;
  /** Why the source's dates may differ from a simulation of this task (carried into `dateNotes`). */
  dateNote?: string;
}

/** A resource as read. */
export interface DraftAgent {
  key: string;
  /** The id wanted in the scenario (sanitised and de-duplicated by the builder). */
  wantedId: string;
  name: string;
  sourceId: string;
  calendarKey?: string;
}

/** Everything a reader found, in source order, ready to be written as a scenario. */
export interface PlanDraft {
  format: PlanFormat;
  file: string;
  name: string;
  start?: string;
  calendarKey?: string;
  /** Resolved calendars (base calendars merged in), in source order. */
  calendars: WorkCalendar[];
  /**
   * Working minutes of the day the reader counted durations and lags in (P6 day_hr_cnt, MSPDI
   * MinutesPerDay). A scenario's day of work is a working day of the calendar that counts it,
   * so the builder converts: the project calendar's for lags and tasks with agents, the task's
   * own for tasks without. Absent: no conversion.
   */
  dayMinutes?: number;
  statusDate?: string;
  agents: DraftAgent[];
  tasks: DraftTask[];
  warnings: ImportWarning[];
}

/** Rounds away binary noise (40 / 8 stays 5, 1 / 3 becomes 0.333333). */
export function round6(x: number): number {
  const r = Math.round(x * 1e6) / 1e6;
  return Object.is(r, -0) ? 0 : r;
}

/** Throws a located CoordsimError. */
export function fail(code: 'E_PARSE' | 'E_SCHEMA' | 'E_REFERENCE' | 'E_CYCLE', file: string, place: SourcePlace | undefined, message: string): never {
  const context: { file: string; line?: number; path?: string } = { file };
  if (place?.line !== undefined) context.line = place.line;
  if (place?.path !== undefined) context.path = place.path;
  // The error's context already shows the line and path; the message adds only what they lack.
  let prefix = place?.location ?? '';
  if (place?.path !== undefined && prefix.startsWith(place.path)) prefix = prefix.slice(place.path.length).trim();
  if (place?.line !== undefined && prefix === `line ${place.line}`) prefix = '';
  throw new CoordsimError(code, prefix ? `${prefix}: ${message}` : message, context);
}

/**
 * Turns a draft into an ImportedPlan: scenario ids, resolved links (a missing task is an
 * E_REFERENCE, a loop an E_CYCLE naming its tasks), the calendars in use, and the document
 * keys in the documented order.
 */
export function buildImportedPlan(draft: PlanDraft): ImportedPlan {
  const { file } = draft;
  const warnings = draft.warnings;

  const taskIds = new IdAllocator('task');
  const idOfTask = new Map<string, string>();
  const sourceIdSeen = new Map<string, DraftTask>();
  for (const t of draft.tasks) {
    if (idOfTask.has(t.key)) fail('E_SCHEMA', file, t.place, `duplicate activity identifier ${t.key}`);
    const other = sourceIdSeen.get(t.sourceId);
    if (other) fail('E_SCHEMA', file, t.place, `duplicate activity id ${JSON.stringify(t.sourceId)} (also at ${other.place.location})`);
    sourceIdSeen.set(t.sourceId, t);
    idOfTask.set(t.key, taskIds.allocate(t.sourceId));
  }

  const calByKey = new Map<string, WorkCalendar>();
  for (const c of draft.calendars) calByKey.set(c.key, c);
  const projectCal = draft.calendarKey !== undefined ? calByKey.get(draft.calendarKey) : undefined;
  const shapeOf = new Map<string, string>();
  const shape = (c: WorkCalendar): string => {
    let s = shapeOf.get(c.key);
    if (s === undefined) {
      const { name: _name, ...rest } = calendarDocument(c);
      s = JSON.stringify([rest, c.hoursPerDay ?? null]);
      shapeOf.set(c.key, s);
    }
    return s;
  };
  const usedCals = new Set<string>();
  if (projectCal) usedCals.add(projectCal.key);
  /** The calendar key to write for a task or agent: none when it works like the project's. */
  const ownCalendar = (key: string | undefined): string | undefined => {
    if (key === undefined) return undefined;
    const c = calByKey.get(key);
    if (!c || c === projectCal || (projectCal && shape(c) === shape(projectCal))) return undefined;
    usedCals.add(c.key);
    return c.key;
  };

  const agentIds = new IdAllocator('agent');
  const idOfAgent = new Map<string, string>();
  const agentCal = new Map<string, string | undefined>();
  for (const a of draft.agents) {
    idOfAgent.set(a.key, agentIds.allocate(a.wantedId));
    agentCal.set(a.key, ownCalendar(a.calendarKey));
  }
  const taskCal = draft.tasks.map((t) => ownCalendar(t.calendarKey));

  const calIds = new IdAllocator('calendar');
  const idOfCal = new Map<string, string>();
  for (const c of draft.calendars) if (usedCals.has(c.key)) idOfCal.set(c.key, calIds.allocate(c.name));

  // Same working minutes, in days of the calendar that counts them.
  const perDay = (c: WorkCalendar | undefined): number => {
    const m = c ? averageDayMinutes(c) : 0;
    return draft.dayMinutes !== undefined && m > 0 ? draft.dayMinutes / m : 1;
  };
  const projectFactor = perDay(projectCal);
  const factorOf = (t: DraftTask): number => (t.assignments.length === 0 && t.calendarKey !== undefined ? perDay(calByKey.get(t.calendarKey)) : projectFactor);

  // Links, resolved to scenario ids; then the loop check over the whole graph.
  const succs = new Map<string, { to: string; place: SourcePlace }[]>();
  const afterOf: unknown[][] = [];
  for (const t of draft.tasks) {
    const id = idOfTask.get(t.key) as string;
    const after: unknown[] = [];
    const seen = new Set<string>();
    for (const l of t.preds) {
      const pred = idOfTask.get(l.predKey);
      if (pred === undefined) fail('E_REFERENCE', file, l.place, `predecessor ${l.predKey} of ${t.sourceId} is not an activity of this plan`);
      if (pred === id) fail('E_CYCLE', file, l.place, `activity ${t.sourceId} depends on itself`);
      const lag = round6(l.lag * projectFactor);
      const sig = `${pred}|${l.type}|${lag}`;
      if (seen.has(sig)) {
        warnings.push({ location: l.place.location, message: `repeated link from ${pred} dropped` });
        continue;
      }
      seen.add(sig);
      if (l.type === 'FS' && lag === 0) after.push(pred);
      else {
        const o: Record<string, unknown> = { task: pred };
        if (l.type !== 'FS') o.type = l.type;
        if (lag !== 0) o.lag = lag;
        after.push(o);
      }
      let list = succs.get(pred);
      if (!list) succs.set(pred, (list = []));
      list.push({ to: id, place: l.place });
    }
    afterOf.push(after);
  }
  checkAcyclic(file, draft.tasks.map((t) => idOfTask.get(t.key) as string), succs);

  const doc: Record<string, unknown> = { name: draft.name, time_unit: 'day' };
  if (draft.start !== undefined) doc.start = draft.start;
  if (projectCal) doc.calendar = idOfCal.get(projectCal.key);
  if (idOfCal.size) {
    const cals: Record<string, unknown> = {};
    for (const c of draft.calendars) {
      const id = idOfCal.get(c.key);
      if (id !== undefined) cals[id] = calendarDocument(c);
    }
    doc.calendars = cals;
  }
  if (draft.statusDate !== undefined) doc.status_date = draft.statusDate;
  doc.agents = draft.agents.map((a) => {
    const o: Record<string, unknown> = { id: idOfAgent.get(a.key), name: a.name, source_id: a.sourceId };
    const cal = agentCal.get(a.key);
    if (cal !== undefined) o.calendar = idOfCal.get(cal);
    o.capacity = 'unlimited';
    return o;
  });
  // A scenario needs an agent; a plan without resources gets one that no task uses (its tasks need nobody).
  if (draft.agents.length === 0) doc.agents = placeholderAgents();

  const sourceDates = new Map<string, SourceDates>();
  const dateNotes = new Map<string, string>();
  const plannedDurations = new Map<string, number>();
  const progress: Record<string, unknown> = {};
  doc.tasks = draft.tasks.map((t, i) => {
    const id = idOfTask.get(t.key) as string;
    const o: Record<string, unknown> = { id, name: t.name, source_id: t.sourceId };
    if (t.wbs) o.wbs = t.wbs;
    const f = factorOf(t);
    if (t.duration !== undefined && !t.milestone) o.duration = typeof t.duration === 'number' ? round6(t.duration * f) : { pert: t.duration.pert.map((x) => round6(x * f)) };
    if (typeof o.duration === 'object' && t.plannedDuration !== undefined) plannedDurations.set(id, round6(t.plannedDuration * f));
    const needs = mergeAssignments(t, idOfAgent, warnings, file);
    if (needs.length === 1 && needs[0].units === 1) o.agent = needs[0].agent;
    else if (needs.length > 1 && needs.every((n) => n.units === 1)) o.agents = needs.map((n) => n.agent);
    else if (needs.length) o.needs = needs;
    if (afterOf[i].length) o.after = afterOf[i];
    if (t.milestone) o.milestone = true;
    if (taskCal[i] !== undefined) o.calendar = idOfCal.get(taskCal[i] as string);
    if (t.notBefore !== undefined) o.not_before = t.notBefore;
    if (t.deadline !== undefined) o.deadline = t.deadline;
    if (t.progress) {
      const p: Record<string, unknown> = {};
      if (t.progress.actual_start !== undefined) p.actual_start = t.progress.actual_start;
      if (t.progress.actual_finish !== undefined) p.actual_finish = t.progress.actual_finish;
      if (t.progress.remaining !== undefined) p.remaining = round6(t.progress.remaining * f);
      progress[id] = p;
    }
    sourceDates.set(id, t.sourceDates);
    if (t.dateNote !== undefined) dateNotes.set(id, t.dateNote);
    return o;
  });
  if (Object.keys(progress).length) doc.progress = progress;
  return {
    format: draft.format,
    scenario: doc,
    sourceDates,
    warnings,
    ...(dateNotes.size ? { dateNotes } : {}),
    ...(plannedDurations.size ? { plannedDurations } : {}),
  };
}

function mergeAssignments(t: DraftTask, idOfAgent: Map<string, string>, warnings: ImportWarning[], file: string): { agent: string; units: number }[] {
  const out: { agent: string; units: number }[] = [];
  for (const a of t.assignments) {
    const agent = idOfAgent.get(a.agentKey);
    if (agent === undefined) fail('E_REFERENCE', file, t.place, `resource ${a.agentKey} assigned to ${t.sourceId} is not defined`);
    const same = out.find((n) => n.agent === agent);
    if (same) {
      same.units = round6(same.units + a.units);
      warnings.push({ location: t.place.location, message: `resource ${agent} is assigned twice; the units are added (${same.units})` });
    } else out.push({ agent, units: round6(a.units) });
  }
  return out;
}

/** Depth-first search for a loop; reports the first one found, naming its tasks in order. */
function checkAcyclic(file: string, ids: string[], succs: Map<string, { to: string; place: SourcePlace }[]>): void {
  const state = new Map<string, 1 | 2>(); // 1 = on the current path, 2 = done
  for (const root of ids) {
    if (state.has(root)) continue;
    const path: string[] = [root];
    const next: number[] = [0];
    state.set(root, 1);
    while (path.length) {
      const node = path[path.length - 1];
      const out = succs.get(node) ?? [];
      const k = next[next.length - 1]++;
      if (k >= out.length) {
        state.set(node, 2);
        path.pop();
        next.pop();
        continue;
      }
      const { to, place } = out[k];
      const s = state.get(to);
      if (s === 1) {
        const loop = [...path.slice(path.indexOf(to)), to];
        fail('E_CYCLE', file, place, `the links form a loop: ${loop.join(' -> ')}`);
      }
      if (s === undefined) {
        state.set(to, 1);
        path.push(to);
        next.push(0);
      }
    }
  }
}
