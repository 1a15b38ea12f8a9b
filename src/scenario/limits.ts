/**
 * The ranges the engine honours (docs/scenario-format.md, "Limits"). A scenario outside them is
 * refused when it is loaded (E_SCHEMA for a count or size, E_PARAM for a value), so that no
 * valid scenario can exhaust memory, overflow the clock or loop without end; a run that still
 * fails to settle trips a guard (E_GUARD, E_RANGE) with a diagnostic.
 */
export const SCENARIO_LIMITS = {
  /** Largest scenario file `readScenarioText` reads, in bytes (32 MiB). */
  maxFileBytes: 32 * 1024 * 1024,
  /** Largest time (duration or distribution parameter, deadline, period, offset), in time units. */
  maxTime: 1e9,
  /** Shortest period of status updates and checkpoints, in time units. */
  minPeriod: 1e-3,
  /** Largest capacity of an agent or the orchestrator. */
  maxCapacity: 10_000,
  /** Largest sum of the capacities of all agents and the orchestrator (slots the engine allocates). */
  maxTotalCapacity: 1_000_000,
  /** Most agents. */
  maxAgents: 10_000,
  /** Most tasks plus gates. */
  maxNodes: 1_000_000,
  /** Most risks. */
  maxRisks: 1_000_000,
  /** Largest `max_rounds` of a gate. */
  maxRounds: 1_000,
  /** Largest sum over gates of `max_rounds` × assessed tasks (each is three pre-sampled draws per run). */
  maxGateDraws: 1_000_000,
  /** Most distinct tasks in correlation groups (their correlation matrix is checked and factored). */
  maxCorrelatedTasks: 300,
  /** Most correlation groups (the matrix is checked after each). */
  maxCorrelationGroups: 100,
  /** Largest weight of a `discrete` value. */
  maxWeight: 1e9,
  /** Trace rows one traced run may record before it is stopped (E_GUARD). */
  maxTraceRows: 1_000_000,
  /** Events one run may handle before it is stopped (E_GUARD), unless `maxEvents` says otherwise. */
  maxEvents: 50_000_000,
} as const;

/** Largest `units_per_week` per time unit: the hours, days or weeks of a calendar week. */
export const MAX_UNITS_PER_WEEK = { minute: 10080, hour: 168, day: 7, week: 1 } as const;
