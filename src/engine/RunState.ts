import type { Model, StrategyModel } from './Model.js';
import type { TraceRecord } from './TraceRecord.js';

/** Coordination time categories, in the order of `RunState.coordByKind`. */
export const COORD_KINDS = ['handoff', 'status', 'checkpoint', 'review', 'escalation'] as const;
export const C_HANDOFF = 0;
export const C_STATUS = 1;
export const C_CHECKPOINT = 2;
export const C_REVIEW = 3;
export const C_ESCALATION = 4;

/** Gate outcomes, in the order of `RunState.gateOutcomes` (three per gate). */
export const GATE_OUTCOMES = ['pass', 'remediate', 'fail'] as const;
export const O_PASS = 0;
export const O_REMEDIATE = 1;
export const O_FAIL = 2;

/**
 * What one run produced: the value both engine paths fill and return, and the only thing
 * metrics, Monte Carlo summaries and reports read. Resources are the agents `0 .. A-1`, then
 * the orchestrator at `A`. An engine fills the same RunState on every run (no allocation per
 * run): read it, or copy what you keep, before the next run of that engine.
 */
export class RunState {
  readonly model: Model;
  readonly strategy: StrategyModel;
  /** Capacity of each resource (agents, then the orchestrator): slots, or units when resources are in units. */
  readonly capacity: Float64Array;
  seed: number | string = 1;
  run = 0;
  makespan = 0;
  /** Work (task, rework, remediation) per resource. */
  readonly work: Float64Array;
  /** Coordination per resource. */
  readonly coord: Float64Array;
  /** Held-but-not-working time (risk delays) per resource. */
  readonly held: Float64Array;
  /** Start of each resource's first job (Infinity when it had none) and end of its last activity. */
  readonly firstStart: Float64Array;
  readonly lastEnd: Float64Array;
  /** Coordination time by mechanism, indexed like `COORD_KINDS`. */
  readonly coordByKind = new Float64Array(COORD_KINDS.length);
  /** Coordination time per resource and mechanism, at `r * COORD_KINDS.length + kind` (what token costs read). */
  readonly coordByResourceKind: Float64Array;
  /**
   * Coordination acts per resource and mechanism, indexed like `coordByResourceKind`: handoffs
   * paid, status updates given, checkpoints attended, reviews done, escalations resolved.
   */
  readonly actsByResourceKind: Float64Array;
  /** Per task: 1 when on the critical path. */
  readonly critical: Uint8Array;
  /** Start and finish of each task's first execution (rework comes after, and is counted in `taskExecutions`). */
  readonly taskStart: Float64Array;
  readonly taskFinish: Float64Array;
  /** End of each task's last rework; read only where `taskExecutions` > 1 (not reset between runs). */
  readonly taskReworkFinish: Float64Array;
  /** Agent that did each task's first execution, or -1. */
  readonly taskAgent: Int32Array;
  readonly taskExecutions: Int32Array;
  readonly gateRounds: Int32Array;
  /** Per gate: counts of each outcome, indexed `3 * gate + O_PASS | O_REMEDIATE | O_FAIL`. */
  readonly gateOutcomes: Int32Array;
  /** Per gate: 1 when it ran out of rounds with a failure. */
  readonly gateExhausted: Uint8Array;
  /** Per gate: when it was done (its sign-off), NaN before. */
  readonly gateFinish: Float64Array;
  /** Per task: 0 ran, 1 skipped (on a path not taken), 2 absent (an existence risk that did not occur). */
  readonly taskSkipped: Uint8Array;
  /** Per branch: the path it took, -1 for none. */
  readonly branchPath: Int32Array;
  remediations = 0;
  reworks = 0;
  escalations = 0;
  handoffs = 0;
  /** Events processed. */
  eventCount = 0;
  /** Task indices of the critical path, in the order their work first appears on it. */
  criticalPath: number[] = [];
  /** The event trace (empty unless the run was traced). */
  trace: TraceRecord[] = [];
  /** Resources in units: the length of every task, rework and remediation added up (what one at a time would take). */
  serialTime = 0;
  /**
   * Resources in units (else null): the resources task t's first execution held, in the order
   * it took them, are `holdRes[holdOff[t] .. holdOff[t] + holdLen[t])` (none for a milestone).
   */
  holdings: { res: Int32Array; off: Int32Array; len: Int32Array } | null;

  constructor(model: Model, strategy: StrategyModel) {
    this.model = model;
    this.strategy = strategy;
    const A = model.agents.length;
    const R = A + 1;
    const T = model.tasks.length;
    const G = model.gates.length;
    this.capacity = new Float64Array(R);
    model.agents.forEach((a, i) => (this.capacity[i] = a.capacity));
    this.capacity[A] = strategy.orchestratorCapacity;
    this.work = new Float64Array(R);
    this.coord = new Float64Array(R);
    this.held = new Float64Array(R);
    this.coordByResourceKind = new Float64Array(R * COORD_KINDS.length);
    this.actsByResourceKind = new Float64Array(R * COORD_KINDS.length);
    this.firstStart = new Float64Array(R);
    this.lastEnd = new Float64Array(R);
    this.critical = new Uint8Array(T);
    this.taskStart = new Float64Array(T);
    this.taskFinish = new Float64Array(T);
    this.taskReworkFinish = new Float64Array(T);
    this.taskAgent = new Int32Array(T);
    this.taskExecutions = new Int32Array(T);
    this.gateRounds = new Int32Array(G);
    this.gateOutcomes = new Int32Array(3 * G);
    this.gateExhausted = new Uint8Array(G);
    this.holdings = model.units || strategy.pick !== 'first' || strategy.dispatch.order !== null ? { res: new Int32Array(0), off: new Int32Array(T), len: new Int32Array(T) } : null;
    this.gateFinish = new Float64Array(G).fill(NaN);
    this.taskSkipped = new Uint8Array(T);
    this.branchPath = new Int32Array(model.branches.length).fill(-1);
  }
}
