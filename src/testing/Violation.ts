/** The invariants `checkInvariants` checks, with what each one means. */
export const INVARIANTS = {
  clock: 'the simulation clock never goes backwards: trace times are finite, >= 0 and non-decreasing',
  capacity: 'no agent (or orchestrator) runs more jobs (in units: holds more units) than its capacity at once, none starts a job during its own meeting, and `sequential` runs one job at a time',
  units: 'at no instant does any agent hold more units than it has, nor the agents of a pool more than theirs together; every job holds what its task needs (docs/semantics.md §18)',
  dispatch: 'dispatch is work-conserving (no ready task waits while an eligible agent is free), a task never overtakes a better ready task its agent could run, and a skill task goes to the first free agent with the skill (docs/semantics.md §3)',
  durations: 'every job lasts exactly its duration plus the meetings that interrupted it; first executions last at least the sampled duration, reworks at most',
  dependencies: 'no task or gate review starts before every task and gate it depends on is done (and its handoff and escalation delay); reworks and remediations follow their gate outcome; a gate is done only after its reworks and blocking remediations',
  handoffs: 'handoffs happen exactly on edges between different agents (when the strategy has them), paid by the right party, batched ones only from a checkpoint on',
  completion: 'each task runs once plus one rework per failed review round and ends finished; each gate is done once and reviewed by its reviewer; counts agree with the metrics',
  meetings: 'status updates and checkpoints fall on exactly the engaged agents (started, with unfinished work)',
  accounting: "every agent's work + coordination (from the trace) + idle time equals makespan × capacity, idle >= 0, and totals agree with the metrics",
  makespan: 'makespan is the last task, gate or remediation end, >= the longest dependency chain, >= total work / total capacity; ideal <= sequentialMakespan; sequential == sequentialMakespan',
  utilization: 'all utilisations lie in [0, 1] and agree with the engaged spans and busy time in the trace',
  branches: 'each branch decides once, when its branch point finishes, and the tasks of the paths it did not take are skipped (no execution, never critical, passed when they would have become ready); only an existence risk that did not occur leaves its task absent (docs/semantics.md §17)',
  calendar: 'with working calendars: no work, meeting or status update in non-working time (each job works exactly its length plus its interruptions between start and finish, on its calendar)',
} as const;

/** Name of an invariant of `checkInvariants`. */
export type InvariantName = keyof typeof INVARIANTS;

/** Names of every invariant, in the order they are checked. */
export const INVARIANT_NAMES = Object.keys(INVARIANTS) as InvariantName[];

/** One broken invariant, with where it broke. */
export interface Violation {
  /** The invariant (or `determinism` / `scaling` for the property helpers, or a user property's name). */
  invariant: InvariantName | 'determinism' | 'scaling' | 'error' | (string & {});
  message: string;
  time?: number;
  task?: string;
  gate?: string;
  agent?: string;
}
