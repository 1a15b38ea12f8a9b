import type { ImportedPlan, ImportWarning } from '../ImportedPlan.js';
import { isoDateTime, parseLocalDateTime, type LocalDateTime } from '../_internals/civilDates.js';
import { buildImportedPlan, fail, type DraftAgent, type DraftLink, type DraftTask, type PlanDraft, type SourcePlace } from '../_internals/PlanDraft.js';
import { finishValue, startValue } from '../_internals/scenarioDates.js';
import { advanceWorking, averageDayMinutes, nextWorkingMoment, resolveCalendar, retreatWorking, type TimeRange, type WorkCalendar } from '../_internals/WorkCalendar.js';
import { parseP6CalendarData } from './parseP6CalendarData.js';
import { parseXerTables, type XerRow, type XerTable } from './parseXerTables.js';
import { xerConstraint } from './xerConstraint.js';
import { xerThreePoint } from './xerThreePoint.js';

const LINK_TYPES = new Map<string, DraftLink['type']>([['PR_FS', 'FS'], ['PR_SS', 'SS'], ['PR_FF', 'FF'], ['PR_SF', 'SF']]);
const TASK_TYPES = new Set(['TT_Task', 'TT_Rsrc', 'TT_Mile', 'TT_FinMile', 'TT_LOE', 'TT_WBS']);
const STATUSES = new Set(['TK_NotStart', 'TK_Active', 'TK_Complete']);
/** P6 with no DaysOfWeek in a calendar works Monday to Friday, 08:00-16:00. */
const P6_DEFAULT_DAY = (d: number): TimeRange[] => (d >= 1 && d <= 5 ? [{ start: 480, end: 960 }] : []);

/**
 * Reads a Primavera P6 XER export as a coordsim scenario. The first project of the file is
 * read (a warning lists the others). Durations and lags become days of the project
 * calendar's hours per day; see docs/import.md for the whole mapping.
 */
export function readXer(text: string, file: string): ImportedPlan {
  const tables = parseXerTables(text, file);
  const warnings: ImportWarning[] = [];
  const ctx = new XerContext(file, tables);

  const projects = ctx.table('PROJECT', ['proj_id', 'proj_short_name'], true) as XerTable;
  const realProjects = projects.rows.filter((r) => r.get('project_flag') !== 'N');
  const project = realProjects[0];
  if (!project) fail('E_SCHEMA', file, { location: 'PROJECT', line: projects.line }, 'the PROJECT table has no project row');
  const projId = project.get('proj_id') as string;
  const projPlace = ctx.place(projects, project, project.get('proj_short_name'));
  if (realProjects.length > 1) {
    warnings.push({
      location: projPlace.location,
      message: `the file holds ${realProjects.length} projects; only the first, ${project.get('proj_short_name')}, is read (not ${realProjects.slice(1).map((r) => r.get('proj_short_name')).join(', ')})`,
    });
  }

  // Calendars: all rows, resolved against their base calendars.
  const calTable = ctx.table('CALENDAR', ['clndr_id', 'clndr_name'], false);
  const rawCals = new Map<string, WorkCalendar>();
  const calPlace = new Map<string, SourcePlace>();
  for (const row of calTable?.rows ?? []) {
    const key = row.get('clndr_id') as string;
    const place = ctx.place(calTable as XerTable, row, row.get('clndr_name'));
    if (rawCals.has(key)) fail('E_SCHEMA', file, place, `duplicate clndr_id ${key}`);
    const data = parseP6CalendarData(row.get('clndr_data') ?? '');
    for (const p of data.problems) warnings.push({ location: place.location, message: `clndr_data: ${p}` });
    const hpd = ctx.number(calTable as XerTable, row, 'day_hr_cnt');
    const base = row.get('base_clndr_id');
    rawCals.set(key, {
      key,
      name: row.get('clndr_name') || `calendar ${key}`,
      week: data.week ?? [undefined, undefined, undefined, undefined, undefined, undefined, undefined],
      exceptions: data.exceptions,
      baseKey: base ? base : undefined,
      hoursPerDay: hpd !== undefined && hpd > 0 ? hpd : undefined,
    });
    calPlace.set(key, place);
  }
  const calendars: WorkCalendar[] = [];
  const calByKey = new Map<string, WorkCalendar>();
  for (const c of rawCals.values()) {
    const resolved = resolveCalendar(c, (k) => rawCals.get(k), (m) => warnings.push({ location: (calPlace.get(c.key) as SourcePlace).location, message: m }), P6_DEFAULT_DAY);
    calendars.push(resolved);
    calByKey.set(c.key, resolved);
  }
  const calendarOf = (key: string | undefined, place: SourcePlace): WorkCalendar | undefined => {
    if (!key) return undefined;
    const c = calByKey.get(key);
    if (!c) fail('E_REFERENCE', file, place, `clndr_id ${key} is not in the CALENDAR table`);
    return c;
  };

  let projCal = calendarOf(project.get('clndr_id'), projPlace);
  if (!projCal) {
    const def = (calTable?.rows ?? []).find((r) => r.get('default_flag') === 'Y');
    projCal = def ? calByKey.get(def.get('clndr_id') as string) : undefined;
    warnings.push({ location: projPlace.location, message: projCal ? `no project calendar (clndr_id); the default calendar ${projCal.name} is used` : 'no project calendar and no default calendar: every day is a working day' });
  }
  const hpdOf = (c: WorkCalendar | undefined): number => c?.hoursPerDay ?? (c && averageDayMinutes(c) > 0 ? averageDayMinutes(c) / 60 : 8);
  const hoursPerDay = hpdOf(projCal);

  // Scheduling options that change how P6 counts lags.
  const opts = ctx.table('SCHEDOPTIONS', ['proj_id'], false)?.rows.find((r) => r.get('proj_id') === projId);
  const lagCalendar = opts?.get('sched_calendar_on_relationship_lag') || 'rcal_Predecessor';
  const ssFromEarlyStart = opts?.get('sched_lag_early_start_flag') === 'Y';

  // WBS paths (the project's own root node is not part of a path).
  const wbsTable = ctx.table('PROJWBS', ['wbs_id', 'wbs_name'], false);
  const wbsRows = new Map<string, XerRow>();
  let projectName = project.get('proj_short_name') as string;
  for (const row of wbsTable?.rows ?? []) {
    if (row.get('proj_id') !== undefined && row.get('proj_id') !== projId) continue;
    wbsRows.set(row.get('wbs_id') as string, row);
    if (row.get('proj_node_flag') === 'Y' && row.get('wbs_name')) projectName = row.get('wbs_name') as string;
  }
  const wbsPath = new Map<string, string>();
  const pathOf = (id: string | undefined): string => {
    if (!id) return '';
    const known = wbsPath.get(id);
    if (known !== undefined) return known;
    const names: string[] = [];
    const seen = new Set<string>();
    for (let r = wbsRows.get(id); r && r.get('proj_node_flag') !== 'Y' && !seen.has(r.get('wbs_id') as string); r = wbsRows.get(r.get('parent_wbs_id') ?? '')) {
      seen.add(r.get('wbs_id') as string);
      names.unshift(r.get('wbs_name') || (r.get('wbs_short_name') as string));
    }
    const p = names.join(' / ');
    wbsPath.set(id, p);
    return p;
  };

  // Activities of the chosen project.
  const taskTable = ctx.table('TASK', ['task_id', 'task_code', 'task_name'], true) as XerTable;
  const tasks: DraftTask[] = [];
  const byTaskId = new Map<string, DraftTask>();
  const typeOf = new Map<string, string>();
  const statusOf = new Map<string, string>();
  const actualStartOf = new Map<string, LocalDateTime>();
  const otherProjectTask = new Set<string>();
  const skippedWbs = new Set<string>();
  const allTaskIds = new Set<string>();
  let anyProgress = false;
  // Three-point estimates kept in user-defined fields (optimistic, most likely, pessimistic).
  const threePoint = xerThreePoint(ctx.table('UDFTYPE', [], false), ctx.table('UDFVALUE', [], false), hoursPerDay, (tb, r, f) => ctx.number(tb, r, f), warnings);
  let threePointTasks = 0;
  for (const row of taskTable.rows) {
    const taskId = row.get('task_id') as string;
    const code = row.get('task_code') as string;
    const place = ctx.place(taskTable, row, code);
    if (taskId === '') fail('E_SCHEMA', file, place, 'task_id is empty');
    if (allTaskIds.has(taskId)) fail('E_SCHEMA', file, place, `duplicate task_id ${taskId}`);
    allTaskIds.add(taskId);
    const rowProj = row.get('proj_id');
    if (rowProj !== undefined && rowProj !== '' && rowProj !== projId) {
      otherProjectTask.add(taskId);
      continue;
    }
    if (code === '') fail('E_SCHEMA', file, place, 'task_code (the activity ID) is empty');
    const type = row.get('task_type') || 'TT_Task';
    if (!TASK_TYPES.has(type)) fail('E_SCHEMA', file, place, `task_type must be one of ${[...TASK_TYPES].join(', ')}, found ${JSON.stringify(type)}`);
    const status = row.get('status_code') || 'TK_NotStart';
    if (!STATUSES.has(status)) fail('E_SCHEMA', file, place, `status_code must be one of ${[...STATUSES].join(', ')}, found ${JSON.stringify(status)}`);
    if (type === 'TT_WBS') {
      skippedWbs.add(taskId);
      warnings.push({ location: place.location, message: 'WBS summary activity left out: its WBS is the tasks\' `wbs` path' });
      continue;
    }
    typeOf.set(taskId, type);
    statusOf.set(taskId, status);
    const target = ctx.number(taskTable, row, 'target_drtn_hr_cnt');
    const remain = ctx.number(taskTable, row, 'remain_drtn_hr_cnt');
    const cal = calendarOf(row.get('clndr_id'), place) ?? projCal;
    const actStart = ctx.date(taskTable, row, 'act_start_date');
    const actEnd = ctx.date(taskTable, row, 'act_end_date');
    // Early dates; files written before a schedule run have only the remaining or planned ones.
    const earlyStart = ctx.date(taskTable, row, 'early_start_date') ?? ctx.date(taskTable, row, 'restart_date') ?? ctx.date(taskTable, row, 'target_start_date');
    const earlyEnd = ctx.date(taskTable, row, 'early_end_date') ?? ctx.date(taskTable, row, 'reend_date') ?? ctx.date(taskTable, row, 'target_end_date');
    const milestone = type === 'TT_Mile' || type === 'TT_FinMile';

    const t: DraftTask = { key: taskId, sourceId: code, name: row.get('task_name') || code, place, assignments: [], preds: [], sourceDates: {} };
    const wbs = pathOf(row.get('wbs_id'));
    if (wbs) t.wbs = wbs;
    const planned = status === 'TK_NotStart' ? remain ?? target : target ?? remain;
    if (milestone) t.milestone = true;
    else if (planned === undefined) fail('E_SCHEMA', file, place, 'no duration: target_drtn_hr_cnt and remain_drtn_hr_cnt are both empty');
    else t.duration = planned / hoursPerDay;
    const three = milestone || status !== 'TK_NotStart' ? undefined : threePoint.byTask.get(taskId);
    if (three !== undefined) {
      if (0 <= three[0] && three[0] <= three[1] && three[1] <= three[2]) {
        t.plannedDuration = t.duration as number;
        t.duration = { pert: three };
        threePointTasks++;
      } else warnings.push({ location: place.location, message: `three-point estimate ${three.map((x) => +x.toFixed(6)).join(', ')} days is not in optimistic <= most likely <= pessimistic order: the planned duration is used` });
    }
    if (type === 'TT_LOE') warnings.push({ location: place.location, message: 'level-of-effort activity imported as a task of its planned duration with no resource (it does not stretch over its predecessors\' dates)' });
    if (cal && (type !== 'TT_Rsrc' || !ctx.hasAssignments(taskId))) t.calendarKey = cal.key;
    for (const [typeField, dateField] of [['cstr_type', 'cstr_date'], ['cstr_type2', 'cstr_date2']]) {
      xerConstraint(row.get(typeField), () => ctx.date(taskTable, row, dateField), dateField, t, cal, hoursPerDay, warnings);
    }

    if (status !== 'TK_NotStart') {
      const started = actStart ?? (milestone ? actEnd : undefined);
      if (!started) warnings.push({ location: place.location, message: `${status} without act_start_date: progress left out` });
      else if (status === 'TK_Complete') {
        const finished = actEnd ?? (milestone ? actStart : undefined);
        if (!finished) warnings.push({ location: place.location, message: 'TK_Complete without act_end_date: progress left out' });
        else t.progress = { actual_start: isoDateTime(started), actual_finish: isoDateTime(finished) };
      } else t.progress = milestone ? { actual_start: isoDateTime(started), actual_finish: isoDateTime(started) } : { actual_start: isoDateTime(started), remaining: (remain ?? 0) / hoursPerDay };
      if (t.progress) anyProgress = true;
      if (started) actualStartOf.set(taskId, started);
    }
    const sdStart = status === 'TK_NotStart' ? earlyStart : actStart ?? earlyStart;
    const sdFinish = status === 'TK_Complete' ? actEnd ?? earlyEnd : earlyEnd;
    if (sdStart) t.sourceDates.start = isoDateTime(sdStart);
    if (sdFinish) t.sourceDates.finish = isoDateTime(sdFinish);
    tasks.push(t);
    byTaskId.set(taskId, t);
  }
  if (tasks.length === 0) fail('E_SCHEMA', file, projPlace, `project ${project.get('proj_short_name')} has no activities in the TASK table`);
  if (threePointTasks > 0) {
    const labels = threePoint.labels.map((l) => JSON.stringify(l)).join(', ');
    warnings.push({ location: 'UDFVALUE', message: `three-point estimates of ${threePointTasks} not-started activities taken from the user-defined fields ${labels} as {pert: [optimistic, most likely, pessimistic]} (started activities keep their remaining duration)` });
  }
  const calHours = new Set<string>();
  for (const t of tasks) {
    const c = t.calendarKey !== undefined ? calByKey.get(t.calendarKey) : undefined;
    if (c && c !== projCal && hpdOf(c) !== hoursPerDay && !calHours.has(c.key) && t.assignments.length > 0) {
      calHours.add(c.key);
      warnings.push({ location: t.place.location, message: `calendar ${c.name} has ${hpdOf(c)} h a day; the activity's work is counted in the project calendar's days of ${hoursPerDay} h on its resources' calendars` });
    }
  }

  // Relationships.
  const predTable = ctx.table('TASKPRED', ['task_id', 'pred_task_id'], false);
  for (const row of predTable?.rows ?? []) {
    const succId = row.get('task_id') as string;
    const predId = row.get('pred_task_id') as string;
    const place = ctx.place(predTable as XerTable, row, row.get('task_pred_id'));
    const succ = byTaskId.get(succId);
    if (!succ) {
      if (otherProjectTask.has(succId)) continue; // a link of another project of this file
      if (skippedWbs.has(succId)) {
        warnings.push({ location: place.location, message: 'link to a WBS summary activity dropped' });
        continue;
      }
      fail('E_REFERENCE', file, place, `task_id ${succId} is not in the TASK table`);
    }
    if (!byTaskId.has(predId)) {
      const predProj = row.get('pred_proj_id');
      if (otherProjectTask.has(predId) || (predProj && predProj !== projId)) {
        warnings.push({ location: place.location, message: `link from an activity of another project dropped (pred_task_id ${predId})` });
        continue;
      }
      if (skippedWbs.has(predId)) {
        warnings.push({ location: place.location, message: 'link from a WBS summary activity dropped' });
        continue;
      }
      fail('E_REFERENCE', file, place, `pred_task_id ${predId} (predecessor of ${succ.sourceId}) is not in the TASK table`);
    }
    const rawType = row.get('pred_type') || 'PR_FS';
    const type = LINK_TYPES.get(rawType);
    if (!type) fail('E_SCHEMA', file, place, `pred_type must be PR_FS, PR_SS, PR_FF or PR_SF, found ${JSON.stringify(rawType)}`);
    const lagHours = ctx.number(predTable as XerTable, row, 'lag_hr_cnt') ?? 0;
    if (lagHours !== 0) {
      const onCal =
        lagCalendar === 'rcal_24Hour' ? undefined
        : lagCalendar === 'rcal_Successor' ? succ.calendarKey
        : lagCalendar === 'rcal_ProjDefault' ? projCal?.key
        : (byTaskId.get(predId) as DraftTask).calendarKey;
      // A started predecessor's start is fixed: with P6's default (sched_lag_early_start_flag N) a
      // start-to-start lag counts from that actual start, i.e. the successor starts on or after a
      // fixed moment. The simulation counts it from the predecessor's resumed start (the status
      // date), so the link becomes that moment as not_before.
      const from = actualStartOf.get(predId);
      if (type === 'SS' && lagHours > 0 && from !== undefined && !ssFromEarlyStart && statusOf.get(succId) !== 'TK_Complete') {
        const lagCal = lagCalendar === 'rcal_24Hour' ? undefined : calByKey.get(onCal ?? (projCal?.key as string));
        const at = advanceWorking(lagCal, from, lagHours * 60);
        if (at !== undefined) {
          const succCal = calByKey.get(succ.calendarKey ?? '') ?? projCal;
          const mine = succ.notBefore === undefined ? undefined : parseLocalDateTime(succ.notBefore);
          if (mine === undefined || compare(at, mine) > 0) succ.notBefore = startValue(at, succCal);
          continue;
        }
      }
      if (lagCalendar === 'rcal_24Hour' || (onCal !== undefined && onCal !== projCal?.key)) {
        warnings.push({ location: place.location, message: `lag of ${lagHours} h is counted by P6 on the ${lagCalendar === 'rcal_24Hour' ? '24-hour' : (calByKey.get(onCal as string) as WorkCalendar).name} calendar (${lagCalendar}); here on the project calendar` });
      }
    }
    succ.preds.push({ predKey: predId, type, lag: lagHours / hoursPerDay, place });
  }

  // Resources and assignments.
  const rsrcTable = ctx.table('RSRC', ['rsrc_id', 'rsrc_name'], false);
  const rsrcRows = new Map<string, XerRow>();
  for (const row of rsrcTable?.rows ?? []) {
    const id = row.get('rsrc_id') as string;
    if (rsrcRows.has(id)) fail('E_SCHEMA', file, ctx.place(rsrcTable as XerTable, row, row.get('rsrc_short_name')), `duplicate rsrc_id ${id}`);
    rsrcRows.set(id, row);
  }
  const used = new Set<string>();
  const assignTable = ctx.table('TASKRSRC', ['task_id', 'rsrc_id'], false);
  const material: string[] = [];
  const mixedCalendars: string[] = [];
  const mixedSeen = new Set<string>();
  for (const row of assignTable?.rows ?? []) {
    const t = byTaskId.get(row.get('task_id') as string);
    if (!t) continue; // another project's, or a WBS summary's
    const place = ctx.place(assignTable as XerTable, row, row.get('taskrsrc_id'));
    const rsrcId = row.get('rsrc_id') as string;
    if (rsrcId === '') {
      warnings.push({ location: place.location, message: `role assignment without a resource on ${t.sourceId} left out` });
      continue;
    }
    const r = rsrcRows.get(rsrcId);
    if (!r) fail('E_REFERENCE', file, place, `rsrc_id ${rsrcId} (assigned to ${t.sourceId}) is not in the RSRC table`);
    if ((row.get('rsrc_type') || r.get('rsrc_type')) === 'RT_Mat') {
      material.push(t.sourceId);
      continue;
    }
    if (typeOf.get(t.key) === 'TT_LOE') continue;
    let units = ctx.number(assignTable as XerTable, row, 'target_qty_per_hr') ?? 1;
    if (units <= 0) {
      warnings.push({ location: place.location, message: `units per hour ${units} read as 1` });
      units = 1;
    }
    if (units !== 1) warnings.push({ location: place.location, message: `resource ${r.get('rsrc_short_name') || rsrcId} works at ${units * 100}% on ${t.sourceId}: written as units` });
    if (row.get('curv_id')) warnings.push({ location: place.location, message: 'resource curve ignored: work is spread evenly' });
    const rc = r.get('clndr_id');
    if (typeOf.get(t.key) === 'TT_Task' && rc && t.calendarKey !== undefined && rc !== t.calendarKey && !mixedSeen.has(t.sourceId)) {
      mixedSeen.add(t.sourceId); // a Set: a list's includes() made this loop quadratic
      mixedCalendars.push(t.sourceId);
    }
    t.assignments.push({ agentKey: rsrcId, units });
    used.add(rsrcId);
  }
  if (material.length) warnings.push({ location: 'TASKRSRC', message: `material resources left out (they are quantities, not workers) on ${list(material)}` });
  if (mixedCalendars.length) {
    warnings.push({ location: 'TASKRSRC', message: `task-dependent activities whose resources have other calendars: P6 schedules them on the activity calendar (${list(mixedCalendars)})` });
  }
  const agents: DraftAgent[] = [];
  for (const [id, row] of rsrcRows) {
    if (!used.has(id)) continue;
    const short = row.get('rsrc_short_name') || id;
    const a: DraftAgent = { key: id, wantedId: short, name: row.get('rsrc_name') || short, sourceId: short };
    const rc = row.get('clndr_id');
    if (rc) a.calendarKey = (calendarOf(rc, ctx.place(rsrcTable as XerTable, row, short)) as WorkCalendar).key;
    agents.push(a);
  }

  // Project dates.
  const planStart = ctx.date(projects, project, 'plan_start_date');
  const dataDate = ctx.date(projects, project, 'last_recalc_date');
  let start: string | undefined;
  if (planStart) start = startValue(planStart, projCal);
  else warnings.push({ location: projPlace.location, message: 'no plan_start_date: the scenario has no start date' });
  let statusDate: string | undefined;
  if (dataDate && (anyProgress || (planStart && compare(dataDate, planStart) > 0))) {
    // A data date at or before the plan start is the plan start's first working moment (a bare
    // date would read as midnight, before the start).
    const first = planStart && compare(dataDate, planStart) <= 0 ? nextWorkingMoment(projCal, planStart) : undefined;
    statusDate = first ? isoDateTime(first) : startValue(dataDate, projCal);
  }
  if (anyProgress && opts?.get('sched_progress_override') === 'Y') {
    warnings.push({ location: projPlace.location, message: 'P6 schedules out-of-sequence progress with progress override; coordsim keeps the links (retained logic)' });
  }

  const draft: PlanDraft = { format: 'xer', file, name: projectName, start, calendarKey: projCal?.key, calendars, dayMinutes: hoursPerDay * 60, statusDate, agents, tasks, warnings };
  return buildImportedPlan(draft);
}

function compare(a: LocalDateTime, b: LocalDateTime): number {
  return a.day - b.day || a.minute - b.minute;
}

function list(ids: string[]): string {
  return ids.length <= 10 ? ids.join(', ') : `${ids.slice(0, 10).join(', ')} and ${ids.length - 10} more`;
}

/** The field that names a row in messages: an activity ID, a resource ID, ... */
function labelOf(row: XerRow): string | undefined {
  for (const f of ['task_code', 'rsrc_short_name', 'clndr_name', 'proj_short_name', 'wbs_short_name', 'task_pred_id', 'taskrsrc_id']) {
    const v = row.get(f);
    if (v) return v;
  }
  return undefined;
}

/** Table access with located, typed reads. */
class XerContext {
  private readonly assigned: Set<string>;

  constructor(
    private readonly file: string,
    private readonly tables: Map<string, XerTable>,
  ) {
    this.assigned = new Set((tables.get('TASKRSRC')?.rows ?? []).map((r) => r.get('task_id') ?? ''));
  }

  /** The table, checked to have `required` fields; missing and `mandatory` is an E_SCHEMA. */
  table(name: string, required: string[], mandatory: boolean): XerTable | undefined {
    const t = this.tables.get(name);
    if (!t) {
      if (mandatory) fail('E_SCHEMA', this.file, undefined, `no ${name} table: a P6 project export has one`);
      return undefined;
    }
    for (const f of required) {
      if (!t.fields.includes(f)) fail('E_SCHEMA', this.file, { location: `${name} %F`, line: t.fieldsLine }, `the field list has no ${f} (fields: ${t.fields.slice(0, 8).join(', ')}${t.fields.length > 8 ? ', ...' : ''})`);
    }
    return t;
  }

  place(table: XerTable, row: XerRow, label: string | undefined): SourcePlace {
    return { location: `${table.name} row ${row.index}${label ? ` (${label})` : ''}`, line: row.line };
  }

  hasAssignments(taskId: string): boolean {
    return this.assigned.has(taskId);
  }

  /** A number field; empty is undefined, anything else not a number is an E_SCHEMA. */
  number(table: XerTable, row: XerRow, field: string): number | undefined {
    const v = row.get(field);
    if (v === undefined || v.trim() === '') return undefined;
    const n = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(v) ? Number(v) : NaN;
    if (!Number.isFinite(n)) fail('E_SCHEMA', this.file, this.place(table, row, labelOf(row)), `${field} must be a number, found ${JSON.stringify(v)}`);
    return n;
  }

  /** A `YYYY-MM-DD HH:MM` field; empty is undefined, a bad date an E_SCHEMA. */
  date(table: XerTable, row: XerRow, field: string): LocalDateTime | undefined {
    const v = row.get(field);
    if (v === undefined || v.trim() === '') return undefined;
    const d = parseLocalDateTime(v);
    if (!d) fail('E_SCHEMA', this.file, this.place(table, row, labelOf(row)), `${field} must be a date YYYY-MM-DD HH:MM, found ${JSON.stringify(v)}`);
    return d;
  }
}
