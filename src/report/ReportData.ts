import type { CompareResult, MonteCarloResult } from '../montecarlo/MonteCarloResult.js';
import type { Model } from '../engine/Model.js';
import type { RunMetrics } from '../engine/runMetrics.js';
import type { TraceRecord } from '../engine/TraceRecord.js';
import type { RiskAnalysis } from '../montecarlo/riskAnalysis.js';
import { LINK_TYPES } from '../engine/Model.js';
import { displayUnit, type DisplayUnit } from './_internals/displayUnit.js';
import { reportPeriods, workPeriods, type ReportPeriods } from './_internals/periods.js';

/** What `renderReport` draws: one run, a Monte Carlo of one strategy, or a comparison of strategies. */
export type ReportInput =
  | { kind: 'run'; model: Model; metrics: RunMetrics; trace: TraceRecord[] }
  | { kind: 'montecarlo'; model: Model; result: MonteCarloResult; risks?: RiskAnalysis }
  | { kind: 'compare'; model: Model; result: CompareResult };

/** The plain-data part of a `Model` the report shows (names, roles, units); JSON-safe. */
export interface ModelView {
  name: string;
  description: string;
  timeUnit: string;
  unitsPerWeek: number;
  deadline: number | null;
  agents: Array<{ id: string; role: string; capacity: number }>;
  orchestrator: { id: string; role: string; capacity: number };
  /** `assignment` as `assignmentLabel` gives it: an agent id, `skill:<name>`, joint agents joined by `+`, or empty. */
  tasks: Array<{ id: string; name: string; assignment: string; milestone?: true }>;
  gates: Array<{ id: string; name: string }>;
  strategies: Array<{ name: string; description: string; topology: string }>;
  defaultStrategy: string;
  /** With a start date: time 0 as an ISO date-time, minutes per time unit, and the project calendar's non-working days as [from, to) times. */
  dates?: {
    origin: string;
    unitMinutes: number;
    offDays: Array<[number, number]>;
    /** The project calendar's working periods as [from, to) times up to the horizon; null when every moment works. */
    work: Array<[number, number]> | null;
  };
  /** The unit the report shows times in, chosen by their magnitude (`perUnit` of it per scenario unit). */
  display: DisplayUnit;
  /** The periods of the load heatmap and of the Gantt chart's top row: hours, days or weeks. */
  periods: ReportPeriods;
  /** Dependencies between tasks: predecessor id, successor id, link type. */
  links: Array<[string, string, 'FS' | 'SS' | 'FF' | 'SF']>;
}

/** The data embedded in the report as JSON: the input with the model reduced to its view. */
export type ReportData =
  | { kind: 'run'; model: ModelView; metrics: RunMetrics; trace: TraceRecord[] }
  | { kind: 'montecarlo'; model: ModelView; result: MonteCarloResult; risks?: RiskAnalysis }
  | { kind: 'compare'; model: ModelView; result: CompareResult };

/** Reduces a compiled model to what the report shows (`horizon`: the last time its charts draw). */
export function modelView(m: Model, horizon = 0): ModelView {
  const view: ModelView = {
    name: m.name,
    description: m.description,
    timeUnit: m.timeUnit,
    unitsPerWeek: m.unitsPerWeek,
    deadline: m.deadline,
    agents: m.agents.map((a) => ({ id: a.id, role: a.role, capacity: a.capacity })),
    orchestrator: { id: m.orchestrator.id, role: m.orchestrator.role, capacity: m.orchestrator.capacity },
    tasks: m.tasks.map((t) => ({
      id: t.id,
      name: t.name,
      assignment: t.assignment,
      ...(t.kind === 'milestone' ? { milestone: true as const } : {}),
    })),
    gates: m.gates.map((g) => ({ id: g.id, name: g.name })),
    strategies: m.strategyNames.map((n) => ({
      name: n,
      description: m.strategies[n]?.description ?? '',
      topology: m.strategies[n]?.topology ?? '',
    })),
    defaultStrategy: m.defaultStrategy,
    display: displayUnit(m.timeUnit, m.unitsPerWeek, m.schedule.clock?.unitMinutes ?? null, horizon),
    periods: reportPeriods(m, horizon),
    links: taskLinks(m),
  };
  const clock = m.schedule.clock;
  if (clock !== null) view.dates = { origin: originOf(m), unitMinutes: clock.unitMinutes, offDays: offDays(m, horizon), work: workPeriods(m, horizon) };
  return view;
}

/** Task-to-task links in the model's node order (links from or to gates are left out). */
function taskLinks(m: Model): ModelView['links'] {
  const T = m.tasks.length;
  const out: ModelView['links'] = [];
  for (let n = 0; n < T; n++) {
    const succ = m.successors[n];
    for (let k = 0; k < succ.length; k++) {
      if (succ[k] < T) out.push([m.tasks[n].id, m.tasks[succ[k]].id, LINK_TYPES[m.successorType[n][k]] ?? 'FS']);
    }
  }
  return out;
}

/** Time 0 as `YYYY-MM-DDTHH:MM` (minutes since the start day's midnight). */
function originOf(m: Model): string {
  const clock = m.schedule.clock!;
  const day = clock.format(0).slice(0, 10);
  const midnight = clock.parseTime(day, 'start', '/start');
  const minutes = Math.round(-midnight * clock.unitMinutes);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${day}T${hh}:${mm}`;
}

/** Whole days without working time in the project calendar, merged into [from, to) times, up to `horizon` (at most ten years). */
function offDays(m: Model, horizon: number): Array<[number, number]> {
  const clock = m.schedule.clock!;
  const time = m.schedule.projectTime;
  if (time.alwaysWorking) return [];
  const perDay = 1440 / clock.unitMinutes;
  const first = clock.parseTime(clock.format(0).slice(0, 10), 'start', '/start');
  const days = Math.min(3660, Math.ceil((horizon - first) / perDay) + 1);
  const out: Array<[number, number]> = [];
  for (let d = 0; d < days; d++) {
    const a = first + d * perDay;
    const b = a + perDay;
    if (time.workBetween(a, b) > 0) continue;
    const last = out[out.length - 1];
    if (last !== undefined && last[1] === a) last[1] = b;
    else out.push([a, b]);
  }
  return out;
}

/** The last time a report's time charts reach. */
function horizonOf(input: ReportInput): number {
  switch (input.kind) {
    case 'run':
      return Math.max(input.metrics.makespan, input.model.deadline ?? 0);
    case 'montecarlo':
      return Math.max(input.result.makespan.max, input.model.deadline ?? 0);
    case 'compare':
      return Math.max(0, input.model.deadline ?? 0, ...input.result.strategies.map((s) => s.makespan.max));
  }
}

/** The embedded data of a report input. */
export function reportData(input: ReportInput): ReportData {
  const model = modelView(input.model, horizonOf(input));
  switch (input.kind) {
    case 'run':
      return { kind: 'run', model, metrics: input.metrics, trace: input.trace };
    case 'montecarlo':
      // The risk analysis (risk ranking, merge bias) only when there is one: other reports are unchanged.
      return input.risks !== undefined ? { kind: 'montecarlo', model, result: input.result, risks: input.risks } : { kind: 'montecarlo', model, result: input.result };
    case 'compare':
      return { kind: 'compare', model, result: input.result };
  }
}
