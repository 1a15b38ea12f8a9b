import type { ImportedPlan, ImportWarning } from '../ImportedPlan.js';
import { isoDateTime, parseLocalDateTime, type LocalDateTime } from '../_internals/civilDates.js';
import { buildImportedPlan, fail, type DraftAgent, type DraftLink, type DraftTask, type SourcePlace } from '../_internals/PlanDraft.js';
import { finishValue, startValue } from '../_internals/scenarioDates.js';
import { advanceWorking, nextWorkingMoment, retreatWorking, type WorkCalendar } from '../_internals/WorkCalendar.js';
import { child, childrenNamed, parseXmlTree, pathOf, textOf, type XmlElement } from './parseXmlTree.js';
import { readMspdiCalendars } from './readMspdiCalendars.js';

const MSPDI_NS = 'http://schemas.microsoft.com/project';
/** Parts of a project file the reader never uses; not kept in memory. */
const SKIPPED = new Set(['TimephasedData', 'Views', 'Filters', 'Groups', 'Tables', 'Maps', 'Reports', 'Drawings', 'DataLinks', 'VBAProjects', 'OutlineCodes', 'WBSMasks', 'Baseline', 'Notes']);
/** PredecessorLink Type: 0 FF, 1 FS, 2 SF, 3 SS. */
const LINK_TYPES: DraftLink['type'][] = ['FF', 'FS', 'SF', 'SS'];
/** Field ids of the custom fields Duration1-3, where Project's PERT analysis keeps optimistic, expected and pessimistic durations. */
const PERT_FIELDS = ['188743783', '188743784', '188743785'];
/** Duration and lag formats (DurationFormat / LagFormat) that count elapsed time, estimated variants included. */
const ELAPSED_FORMATS = new Set([4, 6, 8, 10, 12, 36, 38, 40, 42, 44]);
/** The key of the round-the-clock calendar written for elapsed durations (no MSPDI UID looks like it). */
const ELAPSED_KEY = 'elapsed:24h';
const PERCENT_FORMATS = new Set([19, 20, 51, 52]);

/**
 * Reads a Microsoft Project XML (MSPDI) file as a coordsim scenario. Summary tasks become
 * `wbs` paths; durations and lags become days of the project's MinutesPerDay. See
 * docs/import.md for the whole mapping.
 */
export function readMspdi(text: string, file: string): ImportedPlan {
  const root = parseXmlTree(text, file, SKIPPED);
  const warnings: ImportWarning[] = [];
  if (root.name !== 'Project' || (root.uri !== MSPDI_NS && root.uri !== '')) {
    fail('E_SCHEMA', file, { location: `line ${root.line}`, line: root.line, path: '/' + root.name }, `not a Microsoft Project XML file: expected the root element Project in namespace ${MSPDI_NS}, found ${root.name}${root.uri ? ` in ${root.uri}` : ''}`);
  }
  if (root.uri === '') warnings.push({ location: '/Project', message: `the Project element has no namespace (expected ${MSPDI_NS}); read as MSPDI` });
  if (!child(root, 'Tasks')) fail('E_SCHEMA', file, { location: '/Project', line: root.line, path: '/Project' }, 'no Tasks element: not a Microsoft Project XML export');

  const minutesPerDay = numberOf(root, 'MinutesPerDay', file) ?? 480;
  if (minutesPerDay <= 0) fail('E_SCHEMA', file, placeOf(child(root, 'MinutesPerDay') as XmlElement), `MinutesPerDay must be positive, found ${minutesPerDay}`);
  if (textOf(root, 'ScheduleFromStart') === '0') warnings.push({ location: '/Project', message: 'the project is scheduled from its finish date; coordsim schedules forward from the start' });

  const calendars = readMspdiCalendars(root, file, warnings);
  const calByKey = new Map<string, WorkCalendar>();
  for (const c of calendars) calByKey.set(c.key, c);
  const calUid = textOf(root, 'CalendarUID');
  const projCal = calUid !== undefined ? calByKey.get(calUid) : undefined;
  if (calUid !== undefined && !projCal) fail('E_REFERENCE', file, placeOf(child(root, 'CalendarUID') as XmlElement), `project CalendarUID ${calUid} is not a calendar of the file`);
  if (!projCal) warnings.push({ location: '/Project', message: 'no project calendar: every day is a working day' });
  for (const c of calendars) c.hoursPerDay = minutesPerDay / 60; // one day length for the whole file
  const elapsedTasks: DraftTask[] = [];

  // Optimistic / expected / pessimistic estimates: Duration1-3, unless renamed to something else.
  const aliases = new Map<string, string>();
  for (const ea of childrenNamed(child(root, 'ExtendedAttributes'), 'ExtendedAttribute')) {
    const id = textOf(ea, 'FieldID');
    if (id !== undefined) aliases.set(id, textOf(ea, 'Alias') ?? '');
  }
  const pertUsable = PERT_FIELDS.every((f, i) => {
    const alias = aliases.get(f);
    return alias === undefined || alias === '' || [/optim/i, /expect|likely/i, /pessim/i][i].test(alias);
  });

  // Tasks in outline order; summaries give the WBS path and are not tasks.
  const taskEls = childrenNamed(child(root, 'Tasks'), 'Task');
  const tasks: DraftTask[] = [];
  const byUid = new Map<string, DraftTask>();
  const dropped = new Map<string, string>(); // UID -> why it is not a task
  const leavesOf = new Map<string, string[]>(); // summary UID -> leaf task UIDs
  const openSummaries: { level: number; uid: string; name: string }[] = [];
  const allUids = new Set<string>();
  const linkEls: { task: DraftTask | string; el: XmlElement }[] = [];
  let usedPert = false;
  const manual: string[] = [];
  const actualStartOf = new Map<string, LocalDateTime>();
  const finishedUids = new Set<string>();
  const later = (a: LocalDateTime | undefined, b: LocalDateTime | undefined): LocalDateTime | undefined => (!a ? b : !b ? a : b.day > a.day || (b.day === a.day && b.minute > a.minute) ? b : a);
  for (const el of taskEls) {
    const place = placeOf(el);
    const uid = textOf(el, 'UID');
    if (uid === undefined) fail('E_SCHEMA', file, place, 'task without a UID');
    if (allUids.has(uid)) fail('E_SCHEMA', file, place, `duplicate task UID ${uid}`);
    allUids.add(uid);
    const name = textOf(el, 'Name') ?? '';
    place.location = `${place.location} (UID ${uid}${name ? ` ${name}` : ''})`;
    if (textOf(el, 'IsNull') === '1') {
      dropped.set(uid, 'a blank row');
      continue;
    }
    const level = numberOf(el, 'OutlineLevel', file) ?? 1;
    if (level === 0 || uid === '0') {
      dropped.set(uid, 'the project summary task');
      continue;
    }
    while (openSummaries.length && openSummaries[openSummaries.length - 1].level >= level) openSummaries.pop();
    if (textOf(el, 'Summary') === '1') {
      openSummaries.push({ level, uid, name });
      leavesOf.set(uid, []);
      for (const l of childrenNamed(el, 'PredecessorLink')) linkEls.push({ task: uid, el: l });
      continue;
    }
    if (textOf(el, 'Active') === '0') {
      dropped.set(uid, 'an inactive task');
      warnings.push({ location: place.location, message: 'inactive task left out' });
      continue;
    }
    if (textOf(el, 'ExternalTask') === '1' || textOf(el, 'IsSubproject') === '1') {
      dropped.set(uid, 'an external task or inserted project');
      warnings.push({ location: place.location, message: 'external task or inserted project left out' });
      continue;
    }
    for (const s of openSummaries) (leavesOf.get(s.uid) as string[]).push(uid);
    const t: DraftTask = { key: uid, sourceId: uid, name: name || `Task ${uid}`, place, assignments: [], preds: [], sourceDates: {} };
    if (openSummaries.length) t.wbs = openSummaries.map((s) => s.name).join(' / ');
    if (textOf(el, 'Manual') === '1') manual.push(uid);

    const durationMin = durationOf(el, 'Duration', file);
    const remainingMin = durationOf(el, 'RemainingDuration', file);
    const format = numberOf(el, 'DurationFormat', file);
    const elapsed = format !== undefined && ELAPSED_FORMATS.has(format);
    if (textOf(el, 'Milestone') === '1') {
      t.milestone = true;
      if (durationMin) warnings.push({ location: place.location, message: 'milestone with a duration: imported as a zero-duration milestone' });
    } else if (durationMin === undefined) fail('E_SCHEMA', file, place, 'task without a Duration');
    else t.duration = durationMin / minutesPerDay;
    if (!t.milestone && pertUsable) {
      const three = PERT_FIELDS.map((f) => {
        const ea = childrenNamed(el, 'ExtendedAttribute').find((e) => textOf(e, 'FieldID') === f);
        const v = ea && child(ea, 'Value');
        return v ? parseDuration(v, file) : undefined;
      });
      if (three.every((v) => v !== undefined)) {
        const [o, m, p] = three as number[];
        if (o <= m && m <= p) {
          t.plannedDuration = t.duration as number | undefined;
          t.duration = { pert: [o / minutesPerDay, m / minutesPerDay, p / minutesPerDay] };
          usedPert = true;
        } else warnings.push({ location: place.location, message: 'Duration1-3 are not in optimistic <= expected <= pessimistic order: the single Duration is used' });
      }
    }

    const calKey = textOf(el, 'CalendarUID');
    if (calKey !== undefined && calKey !== '-1') {
      if (!calByKey.has(calKey)) fail('E_REFERENCE', file, place, `CalendarUID ${calKey} is not a calendar of the file`);
      t.calendarKey = calKey;
    }
    const cal = calKey !== undefined ? calByKey.get(calKey) ?? projCal : projCal;
    if (elapsed && !t.milestone) elapsedTasks.push(t);
    readConstraints(el, t, cal, minutesPerDay, file, warnings);

    const actStart = dateOf(el, 'ActualStart', file);
    const actFinish = dateOf(el, 'ActualFinish', file);
    if (actFinish) t.progress = { actual_start: isoDateTime(actStart ?? actFinish), actual_finish: isoDateTime(actFinish) };
    else if (actStart) t.progress = t.milestone ? { actual_start: isoDateTime(actStart), actual_finish: isoDateTime(actStart) } : { actual_start: isoDateTime(actStart), remaining: (remainingMin ?? durationMin ?? 0) / minutesPerDay };
    else if ((numberOf(el, 'PercentComplete', file) ?? 0) > 0) warnings.push({ location: place.location, message: 'PercentComplete without ActualStart: progress left out' });
    const start = dateOf(el, 'Start', file);
    const finish = dateOf(el, 'Finish', file);
    if (start) t.sourceDates.start = isoDateTime(start);
    if (actStart ?? actFinish) actualStartOf.set(uid, (actStart ?? actFinish) as LocalDateTime);
    if (actFinish) finishedUids.add(uid);
    // Project leaves a manually scheduled task where the user put it: it starts on or after its Start.
    if (textOf(el, 'Manual') === '1' && start && !actStart) {
      const mine = t.notBefore === undefined ? undefined : parseLocalDateTime(t.notBefore);
      if (later(mine, start) === start) t.notBefore = startValue(start, cal);
    }
    if (finish) t.sourceDates.finish = isoDateTime(finish);
    tasks.push(t);
    byUid.set(uid, t);
    for (const l of childrenNamed(el, 'PredecessorLink')) linkEls.push({ task: t, el: l });
  }
  if (tasks.length === 0) fail('E_SCHEMA', file, { location: '/Project/Tasks', line: (child(root, 'Tasks') as XmlElement).line, path: '/Project/Tasks' }, 'the file has no tasks (only summaries or blank rows)');
  if (manual.length) warnings.push({ location: '/Project/Tasks', message: `${manual.length} manually scheduled task(s) imported as automatically scheduled from their Start (not_before; UID ${manual.slice(0, 10).join(', ')}${manual.length > 10 ? ', ...' : ''})` });
  if (usedPert) warnings.push({ location: '/Project/Tasks', message: 'three-point estimates taken from Duration1-3 (optimistic, expected, pessimistic) as {pert: [...]}' });

  // Links; a summary on either side stands for its leaf tasks.
  for (const { task, el } of linkEls) {
    const place = placeOf(el);
    const predUid = textOf(el, 'PredecessorUID');
    if (predUid === undefined) fail('E_SCHEMA', file, place, 'PredecessorLink without a PredecessorUID');
    if (textOf(el, 'CrossProject') === '1') {
      warnings.push({ location: place.location, message: `link from another project (${textOf(el, 'CrossProjectName') ?? predUid}) dropped` });
      continue;
    }
    const rawType = textOf(el, 'Type') ?? '1';
    const type = LINK_TYPES[Number(rawType)];
    if (!/^[0-3]$/.test(rawType) || !type) fail('E_SCHEMA', file, place, `link Type must be 0 (FF), 1 (FS), 2 (SF) or 3 (SS), found ${JSON.stringify(rawType)}`);
    const lagRaw = numberOf(el, 'LinkLag', file) ?? 0;
    const lagFormat = numberOf(el, 'LagFormat', file) ?? 7;
    let lag = lagRaw / 10 / minutesPerDay;
    if (lagRaw !== 0 && PERCENT_FORMATS.has(lagFormat)) {
      warnings.push({ location: place.location, message: 'percentage lag is not supported: the link is kept without lag' });
      lag = 0;
    } else if (lagRaw !== 0 && ELAPSED_FORMATS.has(lagFormat)) {
      lag = lagRaw / 10 / 1440;
      warnings.push({ location: place.location, message: `elapsed lag of ${round2(lag)} calendar days counted as working days` });
    }
    const succUids = typeof task === 'string' ? (leavesOf.get(task) as string[]) : [task.key];
    const predUids = leavesOf.get(predUid) ?? [predUid];
    if (typeof task === 'string' || leavesOf.has(predUid)) warnings.push({ location: place.location, message: `link involving a summary task applied to its ${succUids.length * predUids.length} leaf task pair(s)` });
    for (const p of predUids) {
      if (!byUid.has(p)) {
        if (dropped.has(p)) {
          warnings.push({ location: place.location, message: `link from ${dropped.get(p)} (UID ${p}) dropped` });
          continue;
        }
        if (!allUids.has(p)) fail('E_REFERENCE', file, place, `PredecessorUID ${p} is not a task of the file`);
        continue; // an empty summary
      }
      for (const s of succUids) {
        if (s === p) continue; // a summary linked to one of its own leaves
        const succ = byUid.get(s) as DraftTask;
        // A started predecessor's start is fixed: a start-to-start lag from it is a fixed moment
        // (the simulation would count it from the predecessor's resumed start, the status date).
        const from = actualStartOf.get(p);
        if (type === 'SS' && lag > 0 && from !== undefined && !finishedUids.has(s)) {
          const at = advanceWorking(ELAPSED_FORMATS.has(lagFormat) ? undefined : projCal, from, lag * (ELAPSED_FORMATS.has(lagFormat) ? 1440 : minutesPerDay));
          if (at !== undefined) {
            const mine = succ.notBefore === undefined ? undefined : parseLocalDateTime(succ.notBefore);
            if (later(mine, at) === at) succ.notBefore = startValue(at, calByKey.get(succ.calendarKey ?? '') ?? projCal);
            continue;
          }
        }
        succ.preds.push({ predKey: p, type, lag, place });
      }
    }
  }

  // Resources and assignments.
  const resEls = new Map<string, XmlElement>();
  for (const el of childrenNamed(child(root, 'Resources'), 'Resource')) {
    const uid = textOf(el, 'UID');
    if (uid === undefined) fail('E_SCHEMA', file, placeOf(el), 'resource without a UID');
    if (resEls.has(uid)) fail('E_SCHEMA', file, placeOf(el), `duplicate resource UID ${uid}`);
    resEls.set(uid, el);
  }
  const used = new Set<string>();
  const skippedKinds: string[] = [];
  const contoured: string[] = [];
  for (const el of childrenNamed(child(root, 'Assignments'), 'Assignment')) {
    const place = placeOf(el);
    const taskUid = textOf(el, 'TaskUID');
    const resUid = textOf(el, 'ResourceUID');
    if (taskUid === undefined || resUid === undefined) fail('E_SCHEMA', file, place, 'assignment without TaskUID or ResourceUID');
    if (resUid === '-65535') continue; // Project's placeholder for "no resource"
    const t = byUid.get(taskUid);
    if (!t) {
      if (!allUids.has(taskUid)) fail('E_REFERENCE', file, place, `TaskUID ${taskUid} is not a task of the file`);
      if (!dropped.has(taskUid)) warnings.push({ location: place.location, message: `assignment to summary task ${taskUid} left out` });
      continue;
    }
    const r = resEls.get(resUid);
    if (!r) fail('E_REFERENCE', file, place, `ResourceUID ${resUid} is not a resource of the file`);
    const kind = textOf(r, 'Type') ?? '1';
    if (kind !== '1') {
      skippedKinds.push(`${t.sourceId} (${kind === '0' ? 'material' : 'cost'})`);
      continue;
    }
    let units = numberOf(el, 'Units', file) ?? 1;
    if (units <= 0) {
      warnings.push({ location: place.location, message: `Units ${units} read as 1` });
      units = 1;
    }
    if (units !== 1) warnings.push({ location: place.location, message: `resource ${textOf(r, 'Name') ?? resUid} works at ${round2(units * 100)}% on task ${t.sourceId}: written as units` });
    t.assignments.push({ agentKey: resUid, units });
    used.add(resUid);
    const contour = textOf(el, 'WorkContour');
    if (contour !== undefined && contour !== '0') {
      t.dateNote = 'Project spreads the work by a work contour or splits it (timephased work); here it is spread evenly, without splits';
      contoured.push(t.sourceId);
    }
  }
  // Elapsed durations run round the clock: a task without resources gets a calendar that always
  // works (its duration, in project working days, is the same number of minutes).
  const byResources: string[] = [];
  for (const t of elapsedTasks) {
    if (t.assignments.length > 0) {
      byResources.push(t.sourceId);
      continue;
    }
    if (!calByKey.has(ELAPSED_KEY)) {
      const always: WorkCalendar = { key: ELAPSED_KEY, name: 'Elapsed time', week: [0, 1, 2, 3, 4, 5, 6].map(() => [{ start: 0, end: 1440 }]), exceptions: new Map(), hoursPerDay: 24 };
      calendars.push(always);
      calByKey.set(ELAPSED_KEY, always);
    }
    t.calendarKey = ELAPSED_KEY;
  }
  if (byResources.length) warnings.push({ location: '/Project/Tasks', message: `elapsed durations of tasks with resources counted as working time of the resources (UID ${byResources.slice(0, 10).join(', ')}${byResources.length > 10 ? ', ...' : ''})` });
  if (contoured.length) warnings.push({ location: '/Project/Assignments', message: `work contours and splits (timephased work) not carried over: the work is spread evenly (task UID ${contoured.slice(0, 10).join(', ')}${contoured.length > 10 ? ', ...' : ''})` });
  if (skippedKinds.length) warnings.push({ location: '/Project/Assignments', message: `material and cost resources left out on ${skippedKinds.slice(0, 10).join(', ')}${skippedKinds.length > 10 ? ` and ${skippedKinds.length - 10} more` : ''}` });
  const agents: DraftAgent[] = [];
  for (const [uid, el] of resEls) {
    if (!used.has(uid)) continue;
    const name = textOf(el, 'Name') ?? `Resource ${uid}`;
    const a: DraftAgent = { key: uid, wantedId: name, name, sourceId: uid };
    const rc = textOf(el, 'CalendarUID');
    if (rc !== undefined && rc !== '-1') {
      if (!calByKey.has(rc)) fail('E_REFERENCE', file, placeOf(el), `resource CalendarUID ${rc} is not a calendar of the file`);
      a.calendarKey = rc;
    }
    agents.push(a);
  }

  let startDate = dateOf(root, 'StartDate', file);
  const statusDate = dateOf(root, 'StatusDate', file);
  if (!startDate) warnings.push({ location: '/Project', message: 'no StartDate: the scenario has no start date' });
  // Progress needs a status date. Without one, Project continues started work where it was
  // left and schedules the rest where the logic puts it, however early: so started tasks start
  // at their actual start (not_before) with their whole duration, and no progress is written.
  if (!statusDate) {
    const started: string[] = [];
    for (const t of tasks) {
      const at = actualStartOf.get(t.key);
      if (!t.progress || at === undefined) continue;
      delete t.progress;
      const mine = t.notBefore === undefined ? undefined : parseLocalDateTime(t.notBefore);
      if (later(mine, at) === at) t.notBefore = isoDateTime(at);
      started.push(t.sourceId);
    }
    if (started.length) warnings.push({ location: '/Project', message: `progress without a StatusDate: started tasks start at their actual start with their whole duration, without progress (UID ${started.slice(0, 10).join(', ')}${started.length > 10 ? ', ...' : ''})` });
  }
  // Manually scheduled tasks, started tasks and start constraints may sit before the project
  // start, and Project schedules them there: the scenario starts at the earliest of them, and
  // the other tasks start on or after StartDate.
  let earliest: LocalDateTime | undefined;
  const own = new Map<string, LocalDateTime>();
  for (const t of tasks) {
    const at = actualStartOf.get(t.key) ?? (t.notBefore === undefined ? undefined : parseLocalDateTime(t.notBefore));
    if (!at) continue;
    own.set(t.key, at);
    if (!earliest || later(at, earliest) === earliest) earliest = at;
  }
  if (startDate && earliest && later(earliest, startDate) === startDate && (earliest.day !== startDate.day || earliest.minute !== startDate.minute)) {
    const from = startDate;
    for (const t of tasks) {
      const mine = own.get(t.key);
      if (mine === undefined) t.notBefore = isoDateTime(from); // the moment itself: a task calendar may work earlier that day
    }
    warnings.push({ location: '/Project/StartDate', message: `tasks start before the project start ${isoDateTime(from)}: the scenario starts at ${isoDateTime(earliest)}, and tasks without a start of their own start on or after StartDate` });
    startDate = earliest;
  }
  return buildImportedPlan({
    format: 'mspdi',
    file,
    name: textOf(root, 'Name') ?? textOf(root, 'Title') ?? file,
    start: startDate ? startValue(startDate, projCal) : undefined,
    calendarKey: projCal?.key,
    calendars,
    dayMinutes: minutesPerDay,
    statusDate: statusDate ? startValue(statusDate, projCal) : undefined,
    agents,
    tasks,
    warnings,
  });
}

/** ConstraintType 0..7 and ConstraintDate, plus Deadline, onto not_before / deadline. */
function readConstraints(el: XmlElement, t: DraftTask, cal: WorkCalendar | undefined, minutesPerDay: number, file: string, warnings: ImportWarning[]): void {
  const at = t.place.location;
  const type = numberOf(el, 'ConstraintType', file) ?? 0;
  const date = dateOf(el, 'ConstraintDate', file);
  let deadline = dateOf(el, 'Deadline', file);
  const keepEarliest = (d: LocalDateTime): void => {
    if (!deadline || d.day < deadline.day || (d.day === deadline.day && d.minute < deadline.minute)) deadline = d;
  };
  if (type !== 0 && type !== 1 && !date) warnings.push({ location: at, message: `ConstraintType ${type} without a ConstraintDate ignored` });
  else
    switch (type) {
      case 0:
        break;
      case 1:
        warnings.push({ location: at, message: 'as-late-as-possible constraint ignored: the task is scheduled as soon as possible' });
        break;
      case 2:
        t.notBefore = startValue(date as LocalDateTime, cal);
        warnings.push({ location: at, message: 'must-start-on constraint written as start-no-earlier-than (not_before)' });
        break;
      case 3:
        keepEarliest(date as LocalDateTime);
        warnings.push({ location: at, message: 'must-finish-on constraint written as a deadline (it does not move the task)' });
        break;
      case 4:
        t.notBefore = startValue(date as LocalDateTime, cal);
        break;
      case 5:
        warnings.push({ location: at, message: 'start-no-later-than constraint ignored (no scenario key)' });
        break;
      case 6: {
        // Finish no earlier than the date: start no earlier than the planned duration before it.
        const planned = typeof t.duration === 'number' ? t.duration : (t.plannedDuration ?? 0);
        const start = retreatWorking(cal, date as LocalDateTime, Math.round(planned * minutesPerDay));
        if (!start) {
          warnings.push({ location: at, message: 'finish-no-earlier-than constraint ignored: its calendar does not work before the date' });
          break;
        }
        t.notBefore = startValue(nextWorkingMoment(cal, start) ?? start, cal);
        warnings.push({ location: at, message: 'finish-no-earlier-than constraint written as start-no-earlier-than its planned duration before the date (not_before): approximate, a sampled duration shorter than planned finishes before the date' });
        break;
      }
      case 7:
        keepEarliest(date as LocalDateTime);
        break;
      default:
        fail('E_SCHEMA', file, placeOf(child(el, 'ConstraintType') as XmlElement), `ConstraintType must be 0 to 7, found ${type}`);
    }
  if (deadline) t.deadline = finishValue(deadline, cal);
}

function placeOf(el: XmlElement): SourcePlace {
  const path = pathOf(el);
  return { location: path, line: el.line, path };
}

function numberOf(el: XmlElement, name: string, file: string): number | undefined {
  const v = textOf(el, name);
  if (v === undefined) return undefined;
  const n = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(v) ? Number(v) : NaN;
  if (!Number.isFinite(n)) fail('E_SCHEMA', file, placeOf(child(el, name) as XmlElement), `${name} must be a number, found ${JSON.stringify(v)}`);
  return n;
}

function dateOf(el: XmlElement, name: string, file: string): LocalDateTime | undefined {
  const v = textOf(el, name);
  if (v === undefined) return undefined;
  const d = parseLocalDateTime(v);
  if (!d) fail('E_SCHEMA', file, placeOf(child(el, name) as XmlElement), `${name} must be a date-time YYYY-MM-DDTHH:MM:SS, found ${JSON.stringify(v)}`);
  return d;
}

function durationOf(el: XmlElement, name: string, file: string): number | undefined {
  const c = child(el, name);
  return c && c.text.trim() !== '' ? parseDuration(c, file) : undefined;
}

/**
 * Minutes of an ISO 8601 duration as MSPDI writes it (`PT8H0M0S`; also `P1DT2H`, a leading
 * `-`, fractional parts). Days count 24 hours, as in XML Schema.
 */
function parseDuration(el: XmlElement, file: string): number {
  const v = el.text.trim();
  const m = /^(-)?P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(-?\d+(?:\.\d+)?)H)?(?:(-?\d+(?:\.\d+)?)M)?(?:(-?\d+(?:\.\d+)?)S)?)?$/.exec(v);
  if (!m || v === 'P' || v.endsWith('T')) fail('E_SCHEMA', file, placeOf(el), `${el.name} must be an ISO 8601 duration such as PT8H0M0S, found ${JSON.stringify(v)}`);
  if (m[2] || m[3]) fail('E_SCHEMA', file, placeOf(el), `${el.name} in years or months is not supported, found ${JSON.stringify(v)}`);
  const n = (i: number): number => (m[i] ? Number(m[i]) : 0);
  const minutes = n(4) * 1440 + n(5) * 60 + n(6) + n(7) / 60;
  return m[1] ? -minutes : minutes;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
