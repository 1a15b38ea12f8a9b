import type { RiskAnalysis } from '../montecarlo/riskAnalysis.js';
import { toCsv } from './toCsv.js';

/** Columns of `risks.csv`; finish figures are in `time_unit`. */
export const RISK_COLUMNS = [
  'rank',
  'risk',
  'kind',
  'description',
  'probability',
  'mean_shift',
  'mean_shift_ci95_low',
  'mean_shift_ci95_high',
  'p80_shift',
  'mean_finish_off',
  'p80_finish_off',
  'mean_finish',
  'p80_finish',
  'strategy',
  'runs',
  'time_unit',
] as const;

/**
 * The risk ranking as CSV, one row per risk, most important first: how much later the mean
 * and P80 finish are with the risk than with it switched off (paired, on common random
 * numbers), the finish with it off, and the finish with every risk on; numbers unformatted.
 */
export function risksCsv(a: RiskAnalysis): string {
  return toCsv(
    RISK_COLUMNS,
    a.risks.map((r, i) => [
      i + 1,
      r.id,
      r.kind,
      r.description,
      r.probability,
      r.finish.meanShift,
      r.finish.meanShiftCi95[0],
      r.finish.meanShiftCi95[1],
      r.finish.p80Shift,
      r.finish.off.mean,
      r.finish.off.p80,
      a.finish.mean,
      a.finish.p80,
      a.strategy,
      a.runs,
      a.timeUnit,
    ]),
  );
}
