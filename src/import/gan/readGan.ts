import { CoordsimError } from '../../scenario/CoordsimError.js';
import type { ImportWarning, ImportedPlan, SourceDates } from '../ImportedPlan.js';
import { IdAllocator, sanitizeId } from '../_internals/IdAllocator.js';
import { dateParts, formatDay } from '../_internals/calendarDays.js';
import { fileStem } from '../_internals/fileStem.js';
import { findCycle } from '../_internals/findCycle.js';
import { childNamed, childrenNamed, parseXmlTree } from '../_internals/parseXmlTree.js';
import { GanCalendar } from './_internals/GanCalendar.js';
import { readGanTasks, type GanTask, type LinkType } from './_internals/readGanTasks.js';
import { readGanResources, type Assignment } from './_internals/readGanResources.js';
import { placeholderAgents } from '../_internals/placeholderAgent.js';

/** Expanding links of summary tasks to their subtasks may not produce more links than this. */
const MAX_LINKS = 1_000_000;

interface Link {
  pred: GanTask;
  type: LinkType;
  lag: number;
  rubber: boolean;
}

/**
 * Reads a GanttProject `.gan` file into a scenario: its leaf tasks in document order (summary
 * tasks become `wbs` paths, and their links are carried to the tasks under them), the project
 * calendar, resources as unlimited agents with their allocations, and for each task the dates
 * GanttProject shows (its `start`, and the day its `duration` working days end: the file stores
 * no finish). See docs/import.md, "GanttProject".
 */
export function readGan(text: string, file: string): ImportedPlan {
  const warnings: ImportWarning[] = [];
  const root = parseXmlTree(text, file, 'GanttProject');
  if (root.name !== 'project') {
    throw new CoordsimError('E_SCHEMA', `not a GanttProject file: the root element is <${root.name}>, expected <project>`, { file, line: root.line });
  }
  const tasksEl = childNamed(root, 'tasks');
  if (!tasksEl) throw new CoordsimError('E_SCHEMA', 'not a GanttProject file, or a truncated one: <project> has no <tasks> section', { file, line: root.line });
  const calendar = new GanCalendar(root, file, warnings);
  const { tasks, byId } = readGanTasks(tasksEl, file);
  const leaves = tasks.filter((t) => t.children.length === 0);
  if (leaves.length === 0) throw new CoordsimError('E_SCHEMA', '<tasks> holds no task', { file, line: tasksEl.line });

  const ids = new IdAllocator();
  const idOf = new Map<GanTask, string>();
  for (const t of leaves) idOf.set(t, ids.allocate(t.sourceId, 'task'));

  // The dates GanttProject shows: a task works `duration` working days from its start.
  const first = new Map<GanTask, number>();
  const sourceDates = new Map<string, SourceDates>();
  let projectStart = Infinity;
  let projectEnd = -Infinity;
  for (const t of leaves) {
    const where = { file, line: t.line };
    const what = `task ${t.sourceId} "${t.name}"`;
    const start = t.start as number;
    const a = t.milestone || t.duration === 0 ? start : calendar.firstWorkingDay(start, what, where);
    const b = t.milestone || t.duration === 0 ? a : calendar.lastWorkingDay(a, t.duration, what, where);
    first.set(t, a);
    projectStart = Math.min(projectStart, a);
    projectEnd = Math.max(projectEnd, b);
    sourceDates.set(idOf.get(t) as string, { start: formatDay(a), finish: formatDay(b) });
  }

  const linksTo = expandLinks(tasks, byId, file, warnings);
  const predIds = new Map<string, string[]>();
  for (const t of leaves) predIds.set(idOf.get(t) as string, [...new Set((linksTo.get(t) ?? []).map((l) => idOf.get(l.pred) as string))]);
  const cycle = findCycle(predIds);
  if (cycle) {
    const byScenarioId = new Map(leaves.map((t) => [idOf.get(t) as string, t]));
    const names = cycle.map((id) => {
      const t = byScenarioId.get(id) as GanTask;
      return `${t.sourceId} "${t.name}"`;
    });
    throw new CoordsimError('E_CYCLE', `the task links form a cycle: ${names.join(' -> ')}`, { file, line: byScenarioId.get(cycle[0])?.line });
  }

  const { agents, assignments } = readGanResources(root, byId, file, warnings);

  const out: Record<string, unknown>[] = [];
  const dateNotes = new Map<string, string>();
  for (const t of leaves) {
    const where = `line ${t.line}, task ${t.sourceId}`;
    const task: Record<string, unknown> = { id: idOf.get(t) };
    if (t.name !== '') task.name = t.name;
    task.source_id = t.sourceId;
    const path: string[] = [];
    for (let p = t.parent; p; p = p.parent) path.unshift(p.name);
    if (path.length > 0) task.wbs = path.join(' / ');
    if (!t.milestone) task.duration = t.duration;
    else if (t.duration !== 0) warnings.push({ location: where, message: `milestone with duration ${t.duration}: imported with zero duration` });
    const assigned = assignments.get(t) ?? [];
    if (t.milestone && assigned.length > 0) {
      warnings.push({ location: where, message: 'resources allocated to a milestone: not imported (a milestone needs no agent)' });
    } else {
      Object.assign(task, assignmentKeys(assigned, where, warnings));
    }
    const links = linksTo.get(t) ?? [];
    if (links.length > 0) {
      task.after = links.map((l) => {
        const pred = idOf.get(l.pred) as string;
        if (l.type === 'FS' && l.lag === 0) return pred;
        return l.lag === 0 ? { task: pred, type: l.type } : { task: pred, type: l.type, lag: l.lag };
      });
    }
    if (t.milestone) task.milestone = true;
    if (t.milestone && links.length > 0) dateNotes.set(idOf.get(t) as string, 'GanttProject shows a milestone on the working day after its predecessors finish; the simulation places it at the moment they finish');
    // A task no strong link drives stays where it was put (a rubber link only pushes it later).
    const start = first.get(t) as number;
    let notBefore = links.some((l) => !l.rubber) ? undefined : start;
    if (t.earliestStart !== undefined) notBefore = Math.max(notBefore ?? -Infinity, t.earliestStart);
    if (notBefore !== undefined && notBefore > projectStart) task.not_before = formatDay(notBefore);
    if (t.complete > 0) {
      warnings.push({ location: where, message: `${t.complete}% complete: not imported as progress (GanttProject stores no status date); the task is planned in full` });
    }
    out.push(task);
  }

  const calendarId = sanitizeId(calendar.name) || 'default';
  const firstYear = dateParts(projectStart).year;
  const lastYear = dateParts(projectEnd).year + 1;
  if (calendar.hasRecurringEvents) {
    warnings.push({ location: `line ${calendar.line}`, message: `yearly recurring calendar events written out for the years ${firstYear} to ${lastYear}` });
  }
  const name = (root.attrs.get('name') ?? '').trim();
  const scenario: Record<string, unknown> = {
    name: name || fileStem(file),
    time_unit: 'day',
    start: formatDay(projectStart),
    calendar: calendarId,
    calendars: { [calendarId]: calendar.toScenario(firstYear, lastYear) },
  };
  scenario.agents = agents.length > 0 ? agents : placeholderAgents();
  scenario.tasks = out;
  return { format: 'gan', scenario, sourceDates, warnings, dateNotes };
}

/**
 * The links into each leaf task. A link from or to a summary task binds every leaf task under
 * it: exact for a summary's finish as predecessor (the last subtask to finish) and for its
 * start as successor (every subtask starts after); a summary's start as predecessor or its
 * finish as successor bind all its subtasks too, which is stricter than GanttProject (warned).
 */
function expandLinks(tasks: GanTask[], byId: Map<string, GanTask>, file: string, warnings: ImportWarning[]): Map<GanTask, Link[]> {
  const leavesOf = new Map<GanTask, GanTask[]>();
  const leavesUnder = (t: GanTask): GanTask[] => {
    let list = leavesOf.get(t);
    if (!list) {
      list = [];
      const stack = [t];
      while (stack.length > 0) {
        const n = stack.pop() as GanTask;
        if (n.children.length === 0) list.push(n);
        else for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
      }
      leavesOf.set(t, list);
    }
    return list;
  };
  const isUnder = (t: GanTask, ancestor: GanTask): boolean => {
    for (let p = t.parent; p; p = p.parent) if (p === ancestor) return true;
    return false;
  };
  const linksTo = new Map<GanTask, Link[]>();
  const seen = new Set<string>();
  let count = 0;
  for (const t of tasks) {
    for (const d of t.depends) {
      const what = `task ${t.sourceId} "${t.name}"`;
      const succ = byId.get(d.successor);
      if (!succ) throw new CoordsimError('E_REFERENCE', `${what}: <depend id="${d.successor}">: no task has id ${d.successor}`, { file, line: d.line });
      if (succ === t) throw new CoordsimError('E_CYCLE', `${what} depends on itself`, { file, line: d.line });
      if (isUnder(succ, t) || isUnder(t, succ)) {
        throw new CoordsimError('E_SCHEMA', `${what}: <depend id="${d.successor}"> links a summary task with a task under it`, { file, line: d.line });
      }
      if ((t.children.length > 0 && (d.type === 'SS' || d.type === 'SF')) || (succ.children.length > 0 && (d.type === 'FF' || d.type === 'SF'))) {
        warnings.push({
          location: `line ${d.line}, task ${t.sourceId}`,
          message: `${d.type} link from task ${t.sourceId} to task ${succ.sourceId} binds a summary task's ${d.type === 'SS' || (d.type === 'SF' && t.children.length > 0) ? 'start' : 'finish'}: imported as a link of every task under it, stricter than GanttProject`,
        });
      }
      for (const p of leavesUnder(t)) {
        for (const s of leavesUnder(succ)) {
          const key = `${p.sourceId} ${s.sourceId} ${d.type} ${d.lag} ${d.rubber}`;
          if (seen.has(key)) continue;
          seen.add(key);
          if (++count > MAX_LINKS) throw new CoordsimError('E_SCHEMA', `more than ${MAX_LINKS} links after carrying summary links to their subtasks`, { file, line: d.line });
          let list = linksTo.get(s);
          if (!list) linksTo.set(s, (list = []));
          list.push({ pred: p, type: d.type, lag: d.lag, rubber: d.rubber });
        }
      }
    }
  }
  return linksTo;
}

/** `agent`, `agents` or `needs` for a task's allocations (needs when a load is not 100%). */
function assignmentKeys(assigned: Assignment[], where: string, warnings: ImportWarning[]): Record<string, unknown> {
  if (assigned.length === 0) return {};
  if (assigned.every((a) => a.load === 100)) {
    return assigned.length === 1 ? { agent: assigned[0].agent } : { agents: assigned.map((a) => a.agent) };
  }
  for (const a of assigned) {
    if (a.load !== 100) warnings.push({ location: where, message: `${a.agent} allocated at ${a.load}%: imported as units ${a.load / 100} (GanttProject keeps the duration whatever the load)` });
  }
  return { needs: assigned.map((a) => ({ agent: a.agent, units: a.load / 100 })) };
}
