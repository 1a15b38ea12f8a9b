import { csvCell } from './toCsv.js';

/**
 * Columns of `runs.csv`, one row per run and strategy: the library's per-run rows
 * (`RUN_COLUMNS` of summarizeRange) in snake_case, then `time_unit` (of makespan and the times).
 */
export const RUNS_COLUMNS = ['run', 'strategy', 'makespan', 'sequential_makespan', 'speedup', 'time_savings', 'work_time', 'coordination_time', 'coordination_overhead', 'utilization', 'met_deadline', 'time_unit'] as const;

/** The header line of runs.csv. */
export function runsCsvHeader(): string {
  return RUNS_COLUMNS.join(',') + '\n';
}

/**
 * Per-run rows (`RUN_COLUMNS.length` numbers each: the strategy as its index in
 * `strategies`, met_deadline as 1 / 0 / NaN) as CSV lines ending in `timeUnit`, cells as
 * `toCsv` writes them.
 * Streamed while a Monte Carlo runs, so formatted by hand rather than through csv-stringify.
 */
export function runsCsvRows(rows: Float64Array, strategies: readonly string[], timeUnit: string): string {
  const W = RUNS_COLUMNS.length - 1;
  const names = strategies.map(csvCell);
  const unit = csvCell(timeUnit);
  const num = (x: number) => (Number.isFinite(x) ? String(x) : '');
  const lines: string[] = [];
  for (let at = 0; at < rows.length; at += W) {
    const cells = [String(rows[at]), names[rows[at + 1]]];
    for (let c = 2; c < W - 1; c++) cells.push(num(rows[at + c]));
    const met = rows[at + W - 1];
    cells.push(met === 1 ? 'true' : met === 0 ? 'false' : '', unit);
    lines.push(cells.join(','));
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}
