import type { RunMetrics } from '../engine/runMetrics.js';
import type { TraceRecord } from '../engine/TraceRecord.js';
import type { JointConfidence } from './jointConfidence.js';

export type { JointConfidence } from './jointConfidence.js';
import type { Percentiles } from './QuantileSummary.js';

export type { Percentiles } from './QuantileSummary.js';

/** Distribution summary of one per-run figure over a Monte Carlo (docs/semantics.md §11). */
export interface Stats {
  n: number;
  mean: number;
  sd: number;
  min: number;
  max: number;
  p10: number;
  p50: number;
  p80: number;
  p90: number;
  p95: number;
  /** 95% confidence interval of the mean. */
  ci95: [number, number];
}

/** A histogram of makespan for charts: `counts[i]` runs fell in `[edges[i], edges[i+1])`. */
export interface Histogram {
  edges: number[];
  counts: number[];
}

/** Per-task Monte Carlo statistics. */
export interface TaskStats {
  id: string;
  name: string;
  /** Its identifier in an imported plan (only when it has one). */
  sourceId?: string;
  /** Fixed agent id, or `skill:<name>` for a pool. */
  assignment: string;
  meanDuration: number;
  meanStart: number;
  meanFinish: number;
  /** Share of runs in which the task is on the critical path. */
  criticality: number;
  /** Spearman rank correlation of the task's sampled duration with makespan. */
  sensitivity: number;
  /** With cost keys: Spearman rank correlation of the task's sampled duration with the run's cost. */
  costSensitivity?: number;
  /** With cost keys: Spearman rank correlation of the task's fixed cost with the run's cost (null when it has no cost or a constant one). */
  fixedCostSensitivity?: number | null;
  /** With dates or a task deadline: the distribution of its finish, its dated percentiles, and its own deadline's odds. */
  start?: Percentiles;
  startDate?: DatedPercentiles;
  finish?: Percentiles;
  finishDate?: DatedPercentiles;
  deadline?: number;
  deadlineProbability?: number;
}

/** Dates of percentiles (ISO dates, or date-times in hour and minute units). */
export interface DatedPercentiles {
  p10?: string;
  p50: string;
  p80: string;
  p90?: string;
  p95: string;
}

/** Per-agent Monte Carlo statistics (means over runs). */
export interface AgentStats {
  id: string;
  role: string;
  capacity: number;
  utilization: number;
  workTime: number;
  coordinationTime: number;
  idleTime: number;
}

/** Per-gate Monte Carlo statistics. */
export interface GateStats {
  id: string;
  name: string;
  meanRounds: number;
  /** Mean count per run of each outcome. */
  pass: number;
  remediate: number;
  fail: number;
  /** Share of runs in which the gate hit its round bound. */
  exhausted: number;
}

/** The result of `monteCarlo`: summaries over N runs of one strategy. */
export interface MonteCarloResult {
  scenario: string;
  description: string;
  strategy: string;
  seed: number | string;
  runs: number;
  sampling: 'random' | 'lhs';
  timeUnit: string;
  unitsPerWeek: number;
  deadline: number | null;
  /** Set when `--precision` stopped the runs early. */
  stoppedEarly: boolean;
  makespan: Stats;
  /** With a start date: the project start, and the dates of the makespan's percentiles. */
  startDate?: string;
  finishDate?: DatedPercentiles;
  sequentialMakespan: Stats;
  speedup: Stats;
  timeSavings: Stats;
  workTime: Stats;
  coordinationTime: Stats;
  coordinationOverhead: Stats;
  utilization: Stats;
  capacityUse: Stats;
  /** Share of runs finishing by the deadline, or null without a deadline. */
  deadlineProbability: number | null;
  histogram: Histogram;
  tasks: TaskStats[];
  agents: AgentStats[];
  gates: GateStats[];
  /** Mean counts per run. */
  remediations: number;
  reworks: number;
  escalations: number;
  /** Mean number of simulation events per run (how much work a run is; set by `monteCarlo` and `compare`). */
  events?: number;
  /** The run nearest the median makespan, replayed with its trace (for the Gantt chart and trace.csv). */
  representative: { run: number; metrics: RunMetrics; trace: TraceRecord[] };
  // The fields below are present only when the scenario has cost keys (docs/monte-carlo.md, "Cost and joint confidence").
  /** The scenario's currency and budget (null when not set). */
  currency?: string | null;
  budget?: number | null;
  /** Cost per run, summarised as makespan is. */
  cost?: Stats;
  /** Share of runs costing at most the budget, or null without a budget. */
  budgetProbability?: number | null;
  /** Share of runs meeting both the deadline and the budget, or null unless both are set. */
  jointProbability?: number | null;
  /** The date and cost met together at 70% and at 80% joint confidence, with their frontiers. */
  jointConfidence?: JointConfidence[];
  /** Mean cost per run by kind (they add up to the mean cost). */
  costByKind?: { work: number; coordination: number; fixed: number; risk: number };
  /** Mean cost per run of each agent, then the orchestrator, by id (without fixed and risk costs). */
  costByAgent?: Record<string, number>;
  /** A histogram of cost for charts. */
  costHistogram?: Histogram;
  /** Makespan and cost of the first runs of the rank subsample (at most 1,000), for the cost–finish scatter. */
  costScatter?: { makespan: number[]; cost: number[] };
  /** Tokens per run (input, output) and their cost, when agents use tokens. */
  tokens?: { input: Stats; output: Stats; cost: Stats };
}

/** Paired comparison of the cost of two strategies over the same runs (common random numbers). */
export interface PairedCostDifference {
  a: string;
  b: string;
  /** Mean of cost(a) − cost(b). */
  meanDifference: number;
  ci95: [number, number];
  /** Share of runs in which a costs strictly less than b. */
  probabilityACheaper: number;
}

/** A strategy's P80 finish and P80 cost, and the strategies that beat it on both (the date–cost Pareto front at P80). */
export interface ParetoPoint {
  strategy: string;
  makespanP80: number;
  costP80: number;
  /** Strategies at least as good on both and strictly better on one; empty for a strategy on the front. */
  dominatedBy: string[];
}

/** Paired comparison of two strategies over the same runs (common random numbers). */
export interface PairedDifference {
  a: string;
  b: string;
  /** Mean of makespan(a) − makespan(b). */
  meanDifference: number;
  ci95: [number, number];
  /** Share of runs in which a finishes strictly before b. */
  probabilityAFaster: number;
}

/** The result of `compare`. */
export interface CompareResult {
  scenario: string;
  seed: number | string;
  runs: number;
  strategies: MonteCarloResult[];
  pairs: PairedDifference[];
  /** With cost keys: paired cost differences, for the same pairs as `pairs`. */
  costPairs?: PairedCostDifference[];
  /** With cost keys: every strategy's P80 finish and cost, and which strategies dominate it. */
  paretoFront?: ParetoPoint[];
}
