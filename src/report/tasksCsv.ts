import type { CompareResult, MonteCarloResult } from '../montecarlo/MonteCarloResult.js';
import { toCsv } from './toCsv.js';

/** Columns of `tasks.csv`. */
export const TASK_COLUMNS = ['strategy', 'id', 'name', 'assignment', 'mean_duration', 'mean_start', 'mean_finish', 'criticality', 'sensitivity'] as const;

/** Columns appended to `tasks.csv` when the scenario has costs. */
export const TASK_COST_COLUMNS = ['cost_sensitivity', 'fixed_cost_sensitivity'] as const;

/**
 * Per-task Monte Carlo statistics as CSV, one row per task in scenario order — per strategy
 * for a comparison, so one file holds them all; numbers unformatted.
 */
export function tasksCsv(result: MonteCarloResult | CompareResult): string {
  const results = 'strategies' in result ? result.strategies : [result];
  const cost = results[0]?.cost !== undefined;
  return toCsv(
    cost ? [...TASK_COLUMNS, ...TASK_COST_COLUMNS] : TASK_COLUMNS,
    results.flatMap((r) =>
      r.tasks.map((t) => [r.strategy, t.id, t.name, t.assignment, t.meanDuration, t.meanStart, t.meanFinish, t.criticality, t.sensitivity, ...(cost ? [t.costSensitivity, t.fixedCostSensitivity] : [])]),
    ),
  );
}
