import type { CompareResult, MonteCarloResult } from '../montecarlo/MonteCarloResult.js';
import type { Model } from '../engine/Model.js';
import type { RunMetrics } from '../engine/runMetrics.js';
import type { TraceRecord } from '../engine/TraceRecord.js';

/** What `renderReport` draws: one run, a Monte Carlo of one strategy, or a comparison of strategies. */
export type ReportInput =
  | { kind: 'run'; model: Model; metrics: RunMetrics; trace: TraceRecord[] }
  | { kind: 'montecarlo'; model: Model; result: MonteCarloResult }
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
  /** `assignment` is the agent id, or `skill:<name>` for a pool. */
  tasks: Array<{ id: string; name: string; assignment: string }>;
  gates: Array<{ id: string; name: string }>;
  strategies: Array<{ name: string; description: string; topology: string }>;
  defaultStrategy: string;
}

/** The data embedded in the report as JSON: the input with the model reduced to its view. */
export type ReportData =
  | { kind: 'run'; model: ModelView; metrics: RunMetrics; trace: TraceRecord[] }
  | { kind: 'montecarlo'; model: ModelView; result: MonteCarloResult }
  | { kind: 'compare'; model: ModelView; result: CompareResult };

/** Reduces a compiled model to what the report shows. */
export function modelView(m: Model): ModelView {
  return {
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
      assignment: t.agent >= 0 ? m.agents[t.agent].id : `skill:${m.skills[t.skill] ?? ''}`,
    })),
    gates: m.gates.map((g) => ({ id: g.id, name: g.name })),
    strategies: m.strategyNames.map((n) => ({
      name: n,
      description: m.strategies[n]?.description ?? '',
      topology: m.strategies[n]?.topology ?? '',
    })),
    defaultStrategy: m.defaultStrategy,
  };
}

/** The embedded data of a report input. */
export function reportData(input: ReportInput): ReportData {
  const model = modelView(input.model);
  switch (input.kind) {
    case 'run':
      return { kind: 'run', model, metrics: input.metrics, trace: input.trace };
    case 'montecarlo':
      return { kind: 'montecarlo', model, result: input.result };
    case 'compare':
      return { kind: 'compare', model, result: input.result };
  }
}
