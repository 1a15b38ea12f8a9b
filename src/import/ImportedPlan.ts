/**
 * What a plan reader returns: a scenario document in coordsim's own format (ready to be written
 * as YAML or handed to the scenario validator), the dates the source tool stored for each
 * task (to check that the imported plan reproduces them), and what could not be carried over.
 */
export interface ImportedPlan {
  /** The source format. */
  format: PlanFormat;
  /** A scenario document: plain JSON-compatible data with the keys of docs/scenario-format.md. */
  scenario: Record<string, unknown>;
  /** Per scenario task id, the early start and finish the source tool stored (ISO 8601 local date-times). */
  sourceDates: Map<string, SourceDates>;
  /** Things the reader could not carry over exactly, located in the source file. */
  warnings: ImportWarning[];
  /**
   * Per scenario task id, why the simulated dates may differ from the stored ones: what the
   * reader carried over approximately on that task (a level of effort, an ignored constraint).
   */
  dateNotes?: Map<string, string>;
  /**
   * Per scenario task id whose `duration` is a three-point estimate from the source: the single
   * duration the source tool scheduled with. The date check runs with these.
   */
  plannedDurations?: Map<string, number>;
}

/** The plan formats coordsim reads. */
export type PlanFormat = 'mspdi' | 'xer' | 'gan' | 'csv' | 'psplib';

/** Dates a source tool stored for one activity. */
export interface SourceDates {
  start?: string;
  finish?: string;
}

/** A located note about something imported approximately or not at all. */
export interface ImportWarning {
  /** Where in the source: e.g. `TASK row 12 (A1020)` or `/Project/Tasks/Task[4]`, or `line 17`. */
  location: string;
  message: string;
}
