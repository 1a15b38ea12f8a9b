import type { RunMetrics } from '../engine/runMetrics.js';
import type { TraceRecord } from '../engine/TraceRecord.js';
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
}
