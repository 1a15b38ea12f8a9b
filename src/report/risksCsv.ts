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

/** Columns of `risks.csv` before `strategy` when the scenario has costs: each risk's effect on the cost of a run, in `currency`. */
export const RISK_COST_COLUMNS = ['cost_mean_shift', 'cost_mean_shift_ci95_low', 'cost_mean_shift_ci95_high', 'cost_p80_shift'] as const;

/**
 * The risk ranking as CSV, one row per risk, most important first: how much later the mean
 * and P80 finish are with the risk than with it switched off (paired, on common random
 * numbers), the finish with it off, and the finish with every risk on; numbers unformatted.
 */
export function risksCsv(a: RiskAnalysis): string {
  const cost = a.risks.some((r) => r.cost !== undefined); // only for scenarios with costs
  return toCsv(
    cost ? [...RISK_COLUMNS.slice(0, -3), ...RISK_COST_COLUMNS, ...RISK_COLUMNS.slice(-3)] : RISK_COLUMNS,
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
      ...(cost ? [r.cost?.meanShift, r.cost?.meanShiftCi95[0], r.cost?.meanShiftCi95[1], r.cost?.p80Shift] : []),
      a.strategy,
      a.runs,
      a.timeUnit,
    ]),
  );
}
