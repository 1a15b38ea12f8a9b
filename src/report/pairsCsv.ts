import type { CompareResult } from '../montecarlo/MonteCarloResult.js';
import { toCsv } from './toCsv.js';

/** Columns of `pairs.csv`: paired makespan differences a − b over the same runs, in `time_unit`. */
export const PAIR_COLUMNS = ['a', 'b', 'mean_difference', 'ci95_low', 'ci95_high', 'probability_a_faster', 'time_unit'] as const;

/** The paired differences of a comparison as CSV, one row per pair; numbers unformatted. */
export function pairsCsv(result: CompareResult): string {
  const unit = result.strategies[0]?.timeUnit ?? '';
  return toCsv(
    PAIR_COLUMNS,
    result.pairs.map((p) => [p.a, p.b, p.meanDifference, p.ci95[0], p.ci95[1], p.probabilityAFaster, unit]),
  );
}
