import type { CompareResult } from '../montecarlo/MonteCarloResult.js';
import { toCsv } from './toCsv.js';

/** Columns of `pairs.csv`: paired makespan differences a − b over the same runs. */
export const PAIR_COLUMNS = ['a', 'b', 'mean_difference', 'ci95_low', 'ci95_high', 'probability_a_faster'] as const;

/** The paired differences of a comparison as CSV, one row per pair; numbers unformatted. */
/** Columns appended to `pairs.csv` when the scenario has costs: paired cost differences a − b. */
export const PAIR_COST_COLUMNS = ['cost_mean_difference', 'cost_ci95_low', 'cost_ci95_high', 'probability_a_cheaper'] as const;

export function pairsCsv(result: CompareResult): string {
  const cost = result.costPairs;
  return toCsv(
    cost ? [...PAIR_COLUMNS, ...PAIR_COST_COLUMNS] : PAIR_COLUMNS,
    result.pairs.map((p, i) => [p.a, p.b, p.meanDifference, p.ci95[0], p.ci95[1], p.probabilityAFaster, ...(cost ? [cost[i].meanDifference, cost[i].ci95[0], cost[i].ci95[1], cost[i].probabilityACheaper] : [])]),
  );
}
