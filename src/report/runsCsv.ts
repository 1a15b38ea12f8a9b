import type { Model } from '../engine/Model.js';
import { RUN_COLUMNS, runColumns } from '../montecarlo/summarizeRange.js';
import { csvCell } from './toCsv.js';

/**
 * Columns of `runs.csv`, one row per run and strategy: the library's per-run rows
 * (`RUN_COLUMNS` of summarizeRange) in snake_case, then `time_unit` (of makespan and the times).
 */
export const RUNS_COLUMNS = ['run', 'strategy', 'makespan', 'sequential_makespan', 'speedup', 'time_savings', 'work_time', 'coordination_time', 'coordination_overhead', 'utilization', 'met_deadline', 'time_unit'] as const;

/**
 * The cost columns of runs.csv for this model, before `time_unit`: the library's cost columns
 * (`runColumns` beyond `RUN_COLUMNS`) in snake_case; none without cost keys. `met_budget` is a
 * boolean like `met_deadline`.
 */
export function runsCsvCostColumns(model: Model): string[] {
  return runColumns(model)
    .slice(RUN_COLUMNS.length)
    .map((c) => c.replace(/[A-Z]/g, (x) => `_${x.toLowerCase()}`));
}

/** The header line of runs.csv (with the model's cost columns, when given, before `time_unit`). */
export function runsCsvHeader(costColumns: readonly string[] = []): string {
  return [...RUNS_COLUMNS.slice(0, -1), ...costColumns, 'time_unit'].join(',') + '\n';
}

/**
 * Per-run rows (`runColumns(model).length` numbers each: the strategy as its index in
 * `strategies`, met_deadline as 1 / 0 / NaN) as CSV lines: the run's figures, the cost cells
 * (`runsCsvCostColumns(model)`, when the scenario has costs), then `timeUnit`; cells as `toCsv`
 * writes them.
 * Streamed while a Monte Carlo runs, so formatted by hand rather than through csv-stringify.
 */
export function runsCsvRows(rows: Float64Array, strategies: readonly string[], timeUnit: string, costColumns: readonly string[] = []): string {
  const W0 = RUNS_COLUMNS.length - 1;
  const W = W0 + costColumns.length;
  const flag = costColumns.map((c) => c.startsWith('met_'));
  const names = strategies.map(csvCell);
  const unit = csvCell(timeUnit);
  const num = (x: number) => (Number.isFinite(x) ? String(x) : '');
  const lines: string[] = [];
  for (let at = 0; at < rows.length; at += W) {
    const cells = [String(rows[at]), names[rows[at + 1]]];
    for (let c = 2; c < W0 - 1; c++) cells.push(num(rows[at + c]));
    const met = rows[at + W0 - 1];
    cells.push(met === 1 ? 'true' : met === 0 ? 'false' : '');
    for (let c = 0; c < costColumns.length; c++) {
      const x = rows[at + W0 + c];
      cells.push(flag[c] ? (x === 1 ? 'true' : x === 0 ? 'false' : '') : num(x));
    }
    cells.push(unit);
    lines.push(cells.join(','));
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}
