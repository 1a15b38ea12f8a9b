import type { TraceRecord } from '../engine/TraceRecord.js';
import { toCsv } from './toCsv.js';

/** Columns of `trace.csv`: the first four are contract (docs/semantics.md §15); `time` and `duration` are in `time_unit`. */
export const TRACE_COLUMNS = ['time', 'kind', 'task', 'agent', 'gate', 'detail', 'duration', 'time_unit'] as const;

/** The event trace of one run as CSV, one row per event in processing order. */
export function traceCsv(trace: readonly TraceRecord[], timeUnit: string): string {
  return toCsv(
    TRACE_COLUMNS,
    trace.map((e) => [e.time, e.kind, e.task, e.agent, e.gate, e.detail, e.duration, timeUnit]),
  );
}
