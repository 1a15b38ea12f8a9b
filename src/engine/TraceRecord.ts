/**
 * One row of a run's event trace, in the order the engine processed it (docs/semantics.md §15).
 * `kind` is one of `TRACE_KINDS`; `task`, `agent` and `gate` are ids or '' when not relevant.
 */
export interface TraceRecord {
  time: number;
  kind: TraceKind;
  task: string;
  agent: string;
  gate: string;
  /** Outcome, rework round, peer count... free text for people reading the trace. */
  detail: string;
  /** Length of the activity that starts here (meetings, status updates, escalation delays), else 0. */
  duration: number;
}

/** Every trace kind the engine writes. */
export const TRACE_KINDS = [
  'task_ready',
  'task_start',
  'task_finish',
  'handoff_start',
  'handoff_finish',
  'handoff_batched',
  'escalation',
  'escalation_start',
  'escalation_finish',
  'escalation_resolved',
  'status_update',
  'checkpoint',
  'meeting_cut',
  'gate_review_start',
  'gate_review_finish',
  'gate_outcome',
  'gate_done',
  'remediation_start',
  'remediation_finish',
  'risk',
  'branch',
  'task_skipped',
  'task_absent',
] as const;

export type TraceKind = (typeof TRACE_KINDS)[number];
