import { CoordsimError } from '../../scenario/CoordsimError.js';
import type { ImportWarning, ImportedPlan } from '../ImportedPlan.js';
import { fileStem } from '../_internals/fileStem.js';
import { findCycle } from '../_internals/findCycle.js';

/** More jobs or resources than this is not a PSPLIB instance (the largest sets have 120 jobs). */
const MAX_JOBS = 100_000;
const MAX_RESOURCES = 1_000;

interface Job {
  number: number;
  line: number;
  successors: number[];
  duration?: number;
  demands?: number[];
  /** Line of its REQUESTS/DURATIONS row. */
  requestLine?: number;
}

/**
 * Reads a PSPLIB single-mode RCPSP file (`.sm`: the J30, J60, J90 and J120 sets) into a
 * resource-constrained scenario: each renewable resource an agent `R1..Rk` with its
 * availability as capacity, each job a task (`source_id` its number) with its duration, its
 * nonzero demands as `needs` and its predecessors as `after`; the dummy source and sink
 * (duration 0, no demand) are milestones. Periods are days; there is no start date and no
 * stored schedule. See docs/import.md, "PSPLIB".
 */
export function readPsplib(text: string, file: string): ImportedPlan {
  const warnings: ImportWarning[] = [];
  const lines = text.split(/\r?\n/);
  // Missing parts are reported at the end of the text, where they were looked for last.
  const lastLine = Math.max(0, lines.length - (lines.at(-1) === '' ? 2 : 1));
  const fail = (code: 'E_PARSE' | 'E_SCHEMA' | 'E_REFERENCE' | 'E_CYCLE', message: string, index: number): never => {
    throw new CoordsimError(code, message, { file, line: index + 1 });
  };

  const header = (label: RegExp, what: string): { value: number; index: number } => {
    const index = lines.findIndex((l) => label.test(l));
    if (index === -1) fail('E_SCHEMA', `not a PSPLIB .sm file, or a truncated one: no "${what}" line in the header`, lastLine);
    const m = /:\s*(\S+)/.exec(lines[index]);
    const value = m && /^\d+$/.test(m[1]) ? Number(m[1]) : NaN;
    if (!Number.isSafeInteger(value)) fail('E_PARSE', `header "${what}": expected a whole number, found "${m?.[1] ?? ''}"`, index);
    return { value, index };
  };
  const jobs = header(/^\s*jobs \(incl\. supersource\/sink \)\s*:/, 'jobs (incl. supersource/sink )');
  const renewable = header(/^\s*-\s*renewable\s*:/, '- renewable');
  const nonrenewable = header(/^\s*-\s*nonrenewable\s*:/, '- nonrenewable');
  const doubly = header(/^\s*-\s*doubly constrained\s*:/, '- doubly constrained');
  const projects = lines.findIndex((l) => /^\s*projects\s*:/.test(l));
  if (projects !== -1 && !/:\s*1\s*$/.test(lines[projects])) fail('E_SCHEMA', `"${lines[projects].trim()}": only files with one project are read`, projects);
  const n = jobs.value;
  if (n < 1 || n > MAX_JOBS) fail('E_SCHEMA', `header jobs: expected 1 to ${MAX_JOBS} jobs, found ${n}`, jobs.index);
  const k = renewable.value;
  const kAll = k + nonrenewable.value + doubly.value;
  if (kAll > MAX_RESOURCES) fail('E_SCHEMA', `header RESOURCES: expected at most ${MAX_RESOURCES} resources, found ${kAll}`, renewable.index);
  if (nonrenewable.value > 0) warnings.push({ location: `line ${nonrenewable.index + 1}`, message: `${nonrenewable.value} nonrenewable resources: their demands are not imported` });
  if (doubly.value > 0) warnings.push({ location: `line ${doubly.index + 1}`, message: `${doubly.value} doubly constrained resources: their demands are not imported` });

  /** The data rows of a section: after its title and column header, up to the next `***` line. */
  const section = (title: string): { rows: { fields: string[]; index: number }[]; index: number } => {
    const index = lines.findIndex((l) => l.trim().toUpperCase() === title);
    if (index === -1) fail('E_SCHEMA', `not a PSPLIB .sm file, or a truncated one: no ${title} section`, lastLine);
    const rows: { fields: string[]; index: number }[] = [];
    let i = index + 1;
    if (i < lines.length && /[A-Za-z]/.test(lines[i])) i++; // the column header
    for (; i < lines.length && !/^\s*\*{3,}/.test(lines[i]); i++) {
      if (/^\s*-{3,}\s*$/.test(lines[i]) || lines[i].trim() === '') continue;
      rows.push({ fields: lines[i].trim().split(/\s+/), index: i });
    }
    return { rows, index };
  };
  const int = (text: string, what: string, index: number): number => {
    if (!/^\d{1,9}$/.test(text)) fail('E_PARSE', `${what}: expected a non-negative whole number, found "${text}"`, index);
    return Number(text);
  };

  const byNumber = new Map<number, Job>();
  const order: Job[] = [];
  const prec = section('PRECEDENCE RELATIONS:');
  for (const { fields, index } of prec.rows) {
    const number = int(fields[0], 'PRECEDENCE RELATIONS jobnr.', index);
    const modes = int(fields[1] ?? '', `PRECEDENCE RELATIONS job ${number} #modes`, index);
    if (modes !== 1) fail('E_SCHEMA', `PRECEDENCE RELATIONS job ${number}: ${modes} modes; only single-mode files (.sm) are read`, index);
    const count = int(fields[2] ?? '', `PRECEDENCE RELATIONS job ${number} #successors`, index);
    if (fields.length !== 3 + count) fail('E_PARSE', `PRECEDENCE RELATIONS job ${number}: ${count} successors announced, ${fields.length - 3} listed`, index);
    const successors = fields.slice(3).map((f) => int(f, `PRECEDENCE RELATIONS job ${number} successor`, index));
    if (byNumber.has(number)) fail('E_SCHEMA', `PRECEDENCE RELATIONS: job ${number} is listed twice`, index);
    if (number < 1 || number > n) fail('E_SCHEMA', `PRECEDENCE RELATIONS: job ${number} is outside 1..${n}`, index);
    const job: Job = { number, line: index + 1, successors };
    byNumber.set(number, job);
    order.push(job);
  }
  if (order.length !== n) fail('E_SCHEMA', `PRECEDENCE RELATIONS: ${n} jobs announced, ${order.length} found (truncated?)`, prec.rows.at(-1)?.index ?? prec.index);
  for (const job of order) {
    for (const s of job.successors) {
      if (!byNumber.has(s)) fail('E_REFERENCE', `PRECEDENCE RELATIONS job ${job.number}: successor ${s} is not a job (1..${n})`, job.line - 1);
    }
  }

  const req = section('REQUESTS/DURATIONS:');
  for (const { fields, index } of req.rows) {
    const number = int(fields[0], 'REQUESTS/DURATIONS jobnr.', index);
    if (fields.length !== 3 + kAll) fail('E_PARSE', `REQUESTS/DURATIONS job ${number}: expected jobnr., mode, duration and ${kAll} resource demands, found ${fields.length} fields`, index);
    const job = byNumber.get(number);
    if (!job) fail('E_REFERENCE', `REQUESTS/DURATIONS: job ${number} has no PRECEDENCE RELATIONS row`, index);
    else {
      if (job.duration !== undefined) fail('E_SCHEMA', `REQUESTS/DURATIONS: job ${number} is listed twice`, index);
      job.duration = int(fields[2], `REQUESTS/DURATIONS job ${number} duration`, index);
      job.requestLine = index + 1;
      job.demands = fields.slice(3).map((f, r) => int(f, `REQUESTS/DURATIONS job ${number} demand ${r + 1}`, index));
    }
  }
  const missing = order.find((j) => j.duration === undefined);
  if (missing) fail('E_SCHEMA', `REQUESTS/DURATIONS: no row for job ${missing.number} (truncated?)`, req.rows.at(-1)?.index ?? req.index);

  const avail = section('RESOURCEAVAILABILITIES:');
  if (avail.rows.length !== 1 || avail.rows[0].fields.length !== kAll) {
    fail('E_PARSE', `RESOURCEAVAILABILITIES: expected one row of ${kAll} numbers (truncated?)`, avail.rows[0]?.index ?? avail.index);
  }
  const capacity = avail.rows[0].fields.map((f, r) => int(f, `RESOURCEAVAILABILITIES resource ${r + 1}`, avail.rows[0].index));

  const preds = new Map<number, number[]>(order.map((j) => [j.number, []]));
  for (const job of order) for (const s of job.successors) preds.get(s)?.push(job.number);
  const cycle = findCycle(new Map(order.map((j) => [String(j.number), (preds.get(j.number) ?? []).map(String)])));
  if (cycle) fail('E_CYCLE', `PRECEDENCE RELATIONS form a cycle: jobs ${cycle.join(' -> ')}`, (byNumber.get(Number(cycle[0]))?.line ?? 1) - 1);

  const tasks = order.map((job) => {
    const demands = (job.demands as number[]).slice(0, k);
    const task: Record<string, unknown> = { id: String(job.number), source_id: String(job.number) };
    const needs = demands.flatMap((units, r) => (units > 0 ? [{ agent: `R${r + 1}`, units }] : []));
    for (const [r, units] of demands.entries()) {
      if (units > capacity[r]) warnings.push({ location: `line ${job.requestLine}`, message: `job ${job.number} needs ${units} of R${r + 1}, which has ${capacity[r]}: it can never start` });
    }
    const milestone = job.duration === 0 && needs.length === 0;
    if (!milestone) task.duration = job.duration;
    if (needs.length > 0) task.needs = needs;
    const after = (preds.get(job.number) ?? []).slice().sort((a, b) => a - b);
    if (after.length > 0) task.after = after.map(String);
    if (milestone) task.milestone = true;
    return task;
  });
  const agents = capacity.slice(0, k).map((c, r) => ({ id: `R${r + 1}`, capacity: c }));
  const scenario: Record<string, unknown> = { name: fileStem(file), time_unit: 'day', agents, tasks };
  return { format: 'psplib', scenario, sourceDates: new Map(), warnings };
}
