import type { CompareResult, MonteCarloResult } from '../montecarlo/MonteCarloResult.js';
import { toCsv } from './toCsv.js';

/** Columns of `tasks.csv`; durations and times are in `time_unit`. */
export const TASK_COLUMNS = ['strategy', 'task', 'name', 'assignment', 'mean_duration', 'mean_start', 'mean_finish', 'criticality', 'sensitivity', 'time_unit'] as const;

/**
 * Per-task Monte Carlo statistics as CSV, one row per task in scenario order — per strategy
 * for a comparison, so one file holds them all; numbers unformatted.
 */
export function tasksCsv(result: MonteCarloResult | CompareResult): string {
  const results = 'strategies' in result ? result.strategies : [result];
  const all = results.flatMap((r) => r.tasks);
  // Imported plans lead with the source tool's ids; dated plans add percentiles and dates.
  const keyed = all.some((t) => t.sourceId !== undefined);
  const timed = all.some((t) => t.finish !== undefined);
  const dated = all.some((t) => t.finishDate !== undefined);
  const due = all.some((t) => t.deadlineProbability !== undefined);
  const columns: string[] = [...(keyed ? ['source_id'] : []), ...TASK_COLUMNS.slice(0, -1)];
  if (timed) columns.push(...PERCENTILE_COLUMNS.flatMap((p) => [`start_${p}`, `finish_${p}`]));
  if (dated) columns.push(...PERCENTILE_COLUMNS.flatMap((p) => [`start_date_${p}`, `finish_date_${p}`]));
  if (due) columns.push('deadline', 'deadline_probability');
  columns.push('time_unit');
  return toCsv(
    columns,
    results.flatMap((r) =>
      r.tasks.map((t) => {
        const row: Array<string | number> = [...(keyed ? [t.sourceId ?? ''] : []), r.strategy, t.id, t.name, t.assignment, t.meanDuration, t.meanStart, t.meanFinish, t.criticality, t.sensitivity];
        if (timed) for (const p of PERCENTILE_COLUMNS) row.push(t.start?.[p] ?? '', t.finish?.[p] ?? '');
        if (dated) for (const p of PERCENTILE_COLUMNS) row.push(t.startDate?.[p] ?? '', t.finishDate?.[p] ?? '');
        if (due) row.push(t.deadline ?? '', t.deadlineProbability ?? '');
        row.push(r.timeUnit);
        return row;
      }),
    ),
  );
}

/** The percentiles of task starts and finishes that tasks.csv gives for dated plans. */
const PERCENTILE_COLUMNS = ['p50', 'p80', 'p95'] as const;
