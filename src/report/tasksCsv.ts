import type { CompareResult, MonteCarloResult } from '../montecarlo/MonteCarloResult.js';
import { toCsv } from './toCsv.js';

/** Columns of `tasks.csv`; durations and times are in `time_unit`. */
export const TASK_COLUMNS = ['strategy', 'task', 'name', 'assignment', 'mean_duration', 'mean_start', 'mean_finish', 'criticality', 'sensitivity', 'time_unit'] as const;

/**
 * Per-task Monte Carlo statistics as CSV, one row per task in scenario order — per strategy
 * for a comparison, so one file holds them all; numbers unformatted.
 */
export function tasksCsv(result: MonteCarloResult | CompareResult): string {
  const results = 'strategies' in result ? result.strategies : [result];
  return toCsv(
    TASK_COLUMNS,
    results.flatMap((r) => r.tasks.map((t) => [r.strategy, t.id, t.name, t.assignment, t.meanDuration, t.meanStart, t.meanFinish, t.criticality, t.sensitivity, r.timeUnit])),
  );
}
