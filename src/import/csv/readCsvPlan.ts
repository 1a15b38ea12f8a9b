import { parse } from 'csv-parse/sync';
import { CoordsimError } from '../../scenario/CoordsimError.js';
import type { ImportWarning, ImportedPlan, SourceDates } from '../ImportedPlan.js';
import { IdAllocator } from '../_internals/IdAllocator.js';
import { WEEKDAYS, holidayEntries, parseIsoDay } from '../_internals/calendarDays.js';
import { fileStem } from '../_internals/fileStem.js';
import { findCycle } from '../_internals/findCycle.js';
import { CSV_COLUMNS, IGNORED_COLUMNS, columnOf, normalizeHeader, type CsvColumn } from './_internals/csvColumns.js';
import { listEntries, parseDate, parseDuration, parseFlag, type DayLengths } from './_internals/csvValues.js';
import { placeholderAgents } from '../_internals/placeholderAgent.js';

/** More rows than this is refused (hostile input). */
const MAX_ROWS = 1_000_000;

interface Row {
  line: number;
  cells: Map<CsvColumn, string>;
  sourceId: string;
  id: string;
}

/**
 * Reads a CSV task list into a scenario: one task per row, columns named in the header (case
 * and spacing free, with the names Microsoft Project's CSV export uses), predecessors as
 * Microsoft Project writes them (`3;5SS+2d;7 FF-1`), three-point durations as PERT. Leading
 * `# key: value` comment lines set the name, start, calendar and unit conversions. See
 * docs/import.md, "CSV task lists".
 */
export function readCsvPlan(text: string, file: string): ImportedPlan {
  const warnings: ImportWarning[] = [];
  const directives = readDirectives(text, file);
  const lengths: DayLengths = { hoursPerDay: directives.hoursPerDay, daysPerWeek: directives.daysPerWeek, daysPerMonth: 20 };

  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      comment: '#',
      comment_no_infix: true,
      skip_empty_lines: true,
      info: true,
      to: MAX_ROWS + 1,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw new CoordsimError('E_PARSE', `not readable as CSV: ${(err as Error).message}`, line === undefined ? { file } : { file, line });
  }
  records = records.filter((r) => r.record.some((c) => c.trim() !== ''));
  if (records.length === 0) throw new CoordsimError('E_SCHEMA', 'no header row: expected column names such as id, name, duration, predecessors', { file, line: 1 });
  if (records.length > MAX_ROWS + 1) throw new CoordsimError('E_SCHEMA', `more than ${MAX_ROWS} rows`, { file, line: records[MAX_ROWS + 1].info.lines });

  // Header: every column known (or a known Microsoft Project column we skip), none twice.
  const headerLine = records[0].info.lines;
  const columns: (CsvColumn | undefined)[] = [];
  const seen = new Map<CsvColumn, string>();
  for (const cell of records[0].record) {
    const column = columnOf(cell);
    if (column === undefined) {
      if (IGNORED_COLUMNS.has(normalizeHeader(cell))) {
        warnings.push({ location: `line ${headerLine}`, message: `column "${cell.trim()}" is not used: ignored` });
        columns.push(undefined);
        continue;
      }
      throw new CoordsimError('E_SCHEMA', `unknown column "${cell.trim()}": expected one of ${CSV_COLUMNS.join(', ')} (or their aliases, see docs/import.md)`, { file, line: headerLine });
    }
    const before = seen.get(column);
    if (before !== undefined) throw new CoordsimError('E_SCHEMA', `columns "${before}" and "${cell.trim()}" both give ${column}`, { file, line: headerLine });
    seen.set(column, cell.trim());
    columns.push(column);
  }
  const threePoint = ['optimistic', 'most_likely', 'pessimistic'] as const;
  const given = threePoint.filter((c) => seen.has(c));
  if (given.length > 0 && given.length < 3) {
    throw new CoordsimError('E_SCHEMA', `three-point durations need the columns optimistic, most_likely and pessimistic; missing ${threePoint.filter((c) => !seen.has(c)).join(', ')}`, { file, line: headerLine });
  }
  if (!seen.has('name')) throw new CoordsimError('E_SCHEMA', 'missing column name (or "Task Name")', { file, line: headerLine });
  if (!seen.has('duration') && given.length === 0) {
    throw new CoordsimError('E_SCHEMA', 'missing column duration (or the three columns optimistic, most_likely, pessimistic)', { file, line: headerLine });
  }

  // Rows and their ids: the id column, else the row number as Microsoft Project numbers rows.
  const ids = new IdAllocator();
  const rows: Row[] = [];
  const bySource = new Map<string, Row>();
  for (const [n, { record, info }] of records.slice(1).entries()) {
    const cells = new Map<CsvColumn, string>();
    record.forEach((value, i) => {
      const column = columns[i];
      if (column !== undefined) cells.set(column, value.trim());
    });
    const sourceId = seen.has('id') ? (cells.get('id') ?? '') : String(n + 1);
    if (sourceId === '') throw new CoordsimError('E_SCHEMA', 'empty id', { file, line: info.lines });
    const dup = bySource.get(sourceId);
    if (dup) throw new CoordsimError('E_SCHEMA', `duplicate id "${sourceId}": already used on line ${dup.line}`, { file, line: info.lines });
    const row: Row = { line: info.lines, cells, sourceId, id: ids.allocate(sourceId, 'task') };
    bySource.set(sourceId, row);
    rows.push(row);
  }
  if (rows.length === 0) throw new CoordsimError('E_SCHEMA', 'no task rows after the header', { file, line: headerLine });

  const agentIds = new IdAllocator();
  const agentOf = new Map<string, string>();
  const agents: Record<string, unknown>[] = [];
  const sourceDates = new Map<string, SourceDates>();
  let earliestStart: string | undefined;
  const tasks: Record<string, unknown>[] = [];
  const predIds = new Map<string, string[]>();

  for (const row of rows) {
    const where = { file, line: row.line };
    const cell = (c: CsvColumn) => row.cells.get(c) ?? '';
    const days = (c: CsvColumn): number | undefined => {
      const text = cell(c);
      if (text === '') return undefined;
      const d = parseDuration(text, lengths);
      if (!d) throw new CoordsimError('E_PARSE', `${c} "${text}": expected a duration such as 5, 5d, 4h or 2w`, where);
      if (d.elapsed) warnings.push({ location: `line ${row.line}`, message: `${c} "${text}" is elapsed time: imported as working time` });
      return d.days;
    };
    const date = (c: CsvColumn): string | undefined => {
      const text = cell(c);
      if (text === '' || text.toUpperCase() === 'NA') return undefined;
      const d = parseDate(text);
      if (!d) throw new CoordsimError('E_PARSE', `${c} "${text}": expected a date YYYY-MM-DD (or YYYY-MM-DD HH:MM, or M/D/YYYY)`, where);
      return d;
    };

    const task: Record<string, unknown> = { id: row.id };
    const name = cell('name');
    if (name !== '') task.name = name;
    task.source_id = row.sourceId;
    if (cell('wbs') !== '') task.wbs = cell('wbs');

    const flag = parseFlag(cell('milestone'));
    if (flag === null) throw new CoordsimError('E_PARSE', `milestone "${cell('milestone')}": expected yes or no`, where);
    const points = threePoint.map(days);
    let duration: unknown;
    let fixed: number | undefined;
    if (points.some((p) => p !== undefined)) {
      if (points.some((p) => p === undefined)) throw new CoordsimError('E_SCHEMA', 'three-point duration: optimistic, most_likely and pessimistic must all be given, or none', where);
      const [o, m, p] = points as number[];
      if (!(o <= m && m <= p)) throw new CoordsimError('E_SCHEMA', `three-point duration ${o}, ${m}, ${p}: expected optimistic <= most_likely <= pessimistic`, where);
      duration = { pert: [o, m, p] };
      if (cell('duration') !== '') warnings.push({ location: `line ${row.line}`, message: 'both a duration and three points: the three points are used' });
    } else {
      fixed = days('duration');
      if (fixed === undefined && flag !== true) throw new CoordsimError('E_SCHEMA', 'empty duration: expected a duration such as 5, 5d, 4h or 2w', where);
      duration = fixed;
    }
    const milestone = flag === true || (flag === undefined && fixed === 0);
    if (milestone && fixed !== undefined && fixed !== 0) warnings.push({ location: `line ${row.line}`, message: `milestone with duration ${cell('duration')}: imported with zero duration` });
    if (milestone && duration !== undefined && typeof duration === 'object') warnings.push({ location: `line ${row.line}`, message: 'milestone with a three-point duration: imported with zero duration' });
    if (!milestone) task.duration = duration;

    const assigned = listEntries(cell('resources')).map((entry) => {
      const m = /^(.*?)\s*(?:\[\s*(\d+(?:\.\d+)?)\s*(%?)\s*\])?$/s.exec(entry) as RegExpExecArray; // s: a quoted cell may hold a line break
      const resource = m[1];
      if (resource === '') throw new CoordsimError('E_PARSE', `resource "${entry}": expected a name, optionally with units as Name[50%]`, where);
      const units = m[2] === undefined ? 1 : Number(m[2]) / (m[3] === '%' ? 100 : 1);
      if (!(units > 0)) throw new CoordsimError('E_PARSE', `resource "${entry}": units must be above 0`, where);
      let agent = agentOf.get(resource);
      if (agent === undefined) {
        agent = agentIds.allocate(resource, 'agent');
        agentOf.set(resource, agent);
        agents.push({ id: agent, name: resource, capacity: 'unlimited' });
      }
      return { agent, units };
    });
    if (milestone && assigned.length > 0) {
      warnings.push({ location: `line ${row.line}`, message: 'resources on a milestone: not imported (a milestone needs no agent)' });
    } else if (assigned.length > 0) {
      if (new Set(assigned.map((a) => a.agent)).size !== assigned.length) throw new CoordsimError('E_SCHEMA', 'a resource is named twice', where);
      if (assigned.every((a) => a.units === 1)) {
        if (assigned.length === 1) task.agent = assigned[0].agent;
        else task.agents = assigned.map((a) => a.agent);
      } else {
        task.needs = assigned.map((a) => ({ agent: a.agent, units: a.units }));
      }
    }

    const after = listEntries(cell('predecessors')).map((entry) => predecessor(entry, bySource, lengths, where, warnings));
    if (after.length > 0) task.after = after;
    predIds.set(row.id, after.map((a) => (typeof a === 'string' ? a : a.task)));
    if (milestone) task.milestone = true;
    const notBefore = date('start_no_earlier_than');
    if (notBefore) task.not_before = notBefore;
    const deadline = date('deadline');
    if (deadline) task.deadline = deadline;

    const start = date('start');
    const finish = date('finish');
    if (start || finish) sourceDates.set(row.id, { ...(start ? { start } : {}), ...(finish ? { finish } : {}) });
    if (start && (earliestStart === undefined || start.slice(0, 10) < earliestStart)) earliestStart = start.slice(0, 10);
    tasks.push(task);
  }

  const cycle = findCycle(predIds);
  if (cycle) {
    const byId = new Map(rows.map((r) => [r.id, r]));
    throw new CoordsimError('E_CYCLE', `the predecessors form a cycle: ${cycle.map((id) => byId.get(id)?.sourceId).join(' -> ')}`, { file, line: byId.get(cycle[0])?.line });
  }

  const scenario: Record<string, unknown> = { name: directives.name ?? fileStem(file), time_unit: 'day' };
  const start = directives.start ?? earliestStart;
  if (start) scenario.start = start;
  if (directives.days || directives.holidays) {
    const cal: Record<string, unknown> = { days: directives.days ?? ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] };
    if (directives.holidays) cal.holidays = holidayEntries(directives.holidays);
    scenario.calendar = 'standard';
    scenario.calendars = { standard: cal };
  }
  scenario.agents = agents.length > 0 ? agents : placeholderAgents();
  scenario.tasks = tasks;
  return { format: 'csv', scenario, sourceDates, warnings };
}

/** One predecessor entry: `ID`, `ID FS`, `IDSS+2d`, `ID FF-1`, as Microsoft Project writes them. */
function predecessor(entry: string, bySource: Map<string, Row>, lengths: DayLengths, where: { file: string; line: number }, warnings: ImportWarning[]): string | { task: string; type: string; lag?: number } {
  const whole = bySource.get(entry);
  if (whole) return whole.id;
  const m = /^(.*?)\s*(FS|SS|FF|SF)?\s*(?:([+-])\s*(.+))?$/is.exec(entry) as RegExpExecArray; // s: a quoted cell may hold a line break
  const row = bySource.get(m[1]);
  if (!row) throw new CoordsimError('E_REFERENCE', `predecessor "${entry}": no task has id "${m[1]}"`, where);
  const type = (m[2] ?? 'FS').toUpperCase();
  let lag = 0;
  if (m[3] !== undefined) {
    if (/%\s*$/.test(m[4])) throw new CoordsimError('E_SCHEMA', `predecessor "${entry}": percentage lags are not supported; give the lag as a duration`, where);
    const d = parseDuration(m[4], lengths);
    if (!d) throw new CoordsimError('E_PARSE', `predecessor "${entry}": expected a lag such as +2, -1d or +4h`, where);
    if (d.elapsed) warnings.push({ location: `line ${where.line}`, message: `predecessor "${entry}": elapsed lag imported as working time` });
    lag = m[3] === '-' ? -d.days : d.days;
  }
  if (type === 'FS' && lag === 0) return row.id;
  return lag === 0 ? { task: row.id, type } : { task: row.id, type, lag };
}

interface Directives {
  name?: string;
  start?: string;
  days?: string[];
  holidays?: number[];
  hoursPerDay: number;
  daysPerWeek: number;
}

/** `# key: value` comment lines before the header: name, start, days, holidays, hours_per_day, days_per_week. */
function readDirectives(text: string, file: string): Directives {
  const out: Directives = { hoursPerDay: 8, daysPerWeek: 5 };
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    if (!line.startsWith('#')) break;
    const m = /^#\s*([a-z_ ]+?)\s*:\s*(.*)$/i.exec(line);
    if (!m) continue;
    const key = m[1].toLowerCase().replace(/ /g, '_');
    const value = m[2].trim();
    const where = { file, line: i + 1 };
    if (key === 'name') out.name = value;
    else if (key === 'start') {
      if (parseIsoDay(value) === undefined) throw new CoordsimError('E_PARSE', `# start: expected a date YYYY-MM-DD, found "${value}"`, where);
      out.start = value;
    } else if (key === 'days') {
      const days = listEntries(value.replace(/\s+/g, ',')).map((d) => d.toLowerCase().slice(0, 3));
      const bad = days.find((d) => !(WEEKDAYS as readonly string[]).includes(d));
      if (bad !== undefined || days.length === 0) throw new CoordsimError('E_PARSE', `# days: expected weekdays such as mon tue wed thu fri, found "${value}"`, where);
      out.days = [1, 2, 3, 4, 5, 6, 0].map((i) => WEEKDAYS[i]).filter((d) => days.includes(d));
    } else if (key === 'holidays') {
      out.holidays = listEntries(value.replace(/\s+/g, ',')).map((d) => {
        const day = parseIsoDay(d);
        if (day === undefined) throw new CoordsimError('E_PARSE', `# holidays: expected dates YYYY-MM-DD, found "${d}"`, where);
        return day;
      });
    } else if (key === 'hours_per_day' || key === 'days_per_week') {
      const n = Number(value);
      if (!(n > 0 && n <= (key === 'hours_per_day' ? 24 : 7))) throw new CoordsimError('E_PARSE', `# ${key}: expected a number above 0, found "${value}"`, where);
      if (key === 'hours_per_day') out.hoursPerDay = n;
      else out.daysPerWeek = n;
    }
  }
  return out;
}

/** The field delimiter: whichever of `,` `;` and tab occurs most in the header line outside quotes. */
function detectDelimiter(text: string): string {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/).find((l) => l.trim() !== '' && !l.trim().startsWith('#')) ?? '';
  const unquoted = header.replace(/"[^"]*"/g, '');
  const count = (c: string) => unquoted.split(c).length - 1;
  const best = [',', ';', '\t'].map((c) => [c, count(c)] as const).sort((a, b) => b[1] - a[1])[0];
  return best[1] > 0 ? best[0] : ',';
}

