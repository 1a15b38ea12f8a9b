import type { CompareResult } from '../montecarlo/MonteCarloResult.js';
import { toCsv } from './toCsv.js';

/** Columns of `compare.csv`: one row per strategy with its headline figures; times in `time_unit`. */
export const COMPARE_COLUMNS = [
  'strategy',
  'runs',
  'makespan_mean',
  'makespan_sd',
  'makespan_min',
  'makespan_p10',
  'makespan_p50',
  'makespan_p80',
  'makespan_p90',
  'makespan_p95',
  'makespan_max',
  'makespan_ci95_low',
  'makespan_ci95_high',
  'deadline',
  'deadline_probability',
  'sequential_makespan_mean',
  'speedup_mean',
  'time_savings_mean',
  'work_time_mean',
  'coordination_time_mean',
  'coordination_overhead_mean',
  'utilization_mean',
  'capacity_use_mean',
  'remediations',
  'reworks',
  'escalations',
  'time_unit',
] as const;

/**
 * The strategies of a comparison as CSV, one row per strategy in result order; numbers
 * unformatted, empty cells where there is no deadline. The paired differences are `pairsCsv`.
 */
export function compareCsv(result: CompareResult): string {
  return toCsv(
    COMPARE_COLUMNS,
    result.strategies.map((r) => [
      r.strategy,
      r.runs,
      r.makespan.mean,
      r.makespan.sd,
      r.makespan.min,
      r.makespan.p10,
      r.makespan.p50,
      r.makespan.p80,
      r.makespan.p90,
      r.makespan.p95,
      r.makespan.max,
      r.makespan.ci95[0],
      r.makespan.ci95[1],
      r.deadline,
      r.deadlineProbability,
      r.sequentialMakespan.mean,
      r.speedup.mean,
      r.timeSavings.mean,
      r.workTime.mean,
      r.coordinationTime.mean,
      r.coordinationOverhead.mean,
      r.utilization.mean,
      r.capacityUse.mean,
      r.remediations,
      r.reworks,
      r.escalations,
      r.timeUnit,
    ]),
  );
}
