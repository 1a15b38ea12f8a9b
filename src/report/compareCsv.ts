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

/** Columns of `compare.csv` before `time_unit` when the scenario has costs. */
export const COMPARE_COST_COLUMNS = [
  'cost_mean',
  'cost_sd',
  'cost_min',
  'cost_p10',
  'cost_p50',
  'cost_p80',
  'cost_p90',
  'cost_p95',
  'cost_max',
  'cost_ci95_low',
  'cost_ci95_high',
  'budget',
  'budget_probability',
  'joint_probability',
  'joint70_date',
  'joint70_cost',
  'joint80_date',
  'joint80_cost',
  'on_pareto_front_p80',
] as const;

/**
 * The strategies of a comparison as CSV, one row per strategy in result order; numbers
 * unformatted, empty cells where there is no deadline. The paired differences are `pairsCsv`.
 */
export function compareCsv(result: CompareResult): string {
  const cost = result.strategies[0]?.cost !== undefined;
  const front = new Map((result.paretoFront ?? []).map((p) => [p.strategy, p.dominatedBy.length === 0]));
  const joint = (r: CompareResult['strategies'][number], level: number) => r.jointConfidence?.find((j) => j.level === level);
  return toCsv(
    cost ? [...COMPARE_COLUMNS.slice(0, -1), ...COMPARE_COST_COLUMNS, 'time_unit'] : COMPARE_COLUMNS,
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
      ...(cost
        ? [
            r.cost!.mean,
            r.cost!.sd,
            r.cost!.min,
            r.cost!.p10,
            r.cost!.p50,
            r.cost!.p80,
            r.cost!.p90,
            r.cost!.p95,
            r.cost!.max,
            r.cost!.ci95[0],
            r.cost!.ci95[1],
            r.budget,
            r.budgetProbability,
            r.jointProbability,
            joint(r, 0.7)?.date,
            joint(r, 0.7)?.cost,
            joint(r, 0.8)?.date,
            joint(r, 0.8)?.cost,
            front.get(r.strategy),
          ]
        : []),
      r.timeUnit,
    ]),
  );
}
