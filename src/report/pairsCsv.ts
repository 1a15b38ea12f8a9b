import type { CompareResult } from '../montecarlo/MonteCarloResult.js';
import { toCsv } from './toCsv.js';

/** Columns of `pairs.csv`: paired makespan differences a − b over the same runs, in `time_unit`. */
export const PAIR_COLUMNS = ['a', 'b', 'mean_difference', 'ci95_low', 'ci95_high', 'probability_a_faster', 'time_unit'] as const;

/** The paired differences of a comparison as CSV, one row per pair; numbers unformatted. */
/** Columns of `pairs.csv` before `time_unit` when the scenario has costs: paired cost differences a − b. */
export const PAIR_COST_COLUMNS = ['cost_mean_difference', 'cost_ci95_low', 'cost_ci95_high', 'probability_a_cheaper'] as const;

export function pairsCsv(result: CompareResult): string {
  const unit = result.strategies[0]?.timeUnit ?? '';
  const cost = result.costPairs;
  return toCsv(
    cost ? [...PAIR_COLUMNS.slice(0, -1), ...PAIR_COST_COLUMNS, 'time_unit'] : PAIR_COLUMNS,
    result.pairs.map((p, i) => [p.a, p.b, p.meanDifference, p.ci95[0], p.ci95[1], p.probabilityAFaster, ...(cost ? [cost[i].meanDifference, cost[i].ci95[0], cost[i].ci95[1], cost[i].probabilityACheaper] : []), unit]),
  );
}
