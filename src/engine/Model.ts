import type { Distribution } from '../sim/distributions/Distribution.js';
import type { WorkingTime } from '../calendar/WorkingTime.js';
import type { ResolvedScheduleCore, TaskKind } from '../scenario/resolveSchedule.js';
import type { TimeUnit } from '../scenario/Scenario.js';
import type { CostModel } from './CostModel.js';

/**
 * A scenario compiled for simulation: ids resolved to indices, distributions built,
 * defaults applied. Strategy-independent; built once and reused for every run.
 */
export interface Model {
  name: string;
  description: string;
  timeUnit: TimeUnit;
  unitsPerWeek: number;
  deadline: number | null;
  agents: AgentModel[];
  orchestrator: { id: string; role: string; capacity: number };
  tasks: TaskModel[];
  gates: GateModel[];
  risks: RiskModel[];
  /** Branches after a task or gate, in file order (docs/semantics.md §17). */
  branches: BranchModel[];
  /** Existence risks: each adds its task (appended after the file's tasks, in this order) when it occurs. */
  existenceRisks: ExistenceRiskModel[];
  /** Risk drivers: each scales the durations of its tasks by one sampled factor when it occurs. */
  drivers: DriverModel[];
  correlations: Array<{ tasks: number[]; rho: number }>;
  /** Successors of every node; nodes are tasks `0..T-1` then gates `T..T+G-1`. */
  successors: Int32Array[];
  /** Per node, parallel to `successors`: the link's type (`LINK_FS` .. `LINK_SF`) and lag. */
  successorType: Int8Array[];
  successorLag: Float64Array[];
  /** Dates, calendars, link types and lags, constraints and progress. */
  schedule: ScheduleModel;
  /** Number of predecessors of every node. */
  predecessorCount: Int32Array;
  strategies: Record<string, StrategyModel>;
  /** Strategy names in file order, built-ins (`ideal`, `sequential`) last. */
  strategyNames: string[];
  defaultStrategy: string;
  /** Distinct skills, in first-seen order; `agents[i].skillIds` index into it. */
  skills: string[];
  /** Rates, fixed costs and tokens; null when the scenario has no cost key (its outputs then carry no cost). */
  cost: CostModel | null;
  /**
   * Resources in units (docs/semantics.md §18): some task holds anything but one unit of one
   * agent or pool (joint tasks, shares, `needs`), or some capacity is fractional.
   */
  units: boolean;
}

/** One resource demand of a task: `units` of a fixed agent, or of the agents with a skill. */
export interface DemandModel {
  /** The agent, or -1 for a pool. */
  agent: number;
  /** The pool's skill (-1 for a fixed agent). */
  skill: number;
  units: number;
  /** A `needs` pool entry: several agents may share the units (each gives what it has free); else one agent gives them all. */
  split: boolean;
}

/** Dispatch rules, as in the scenario (docs/scenario-format.md, "Joint work and units"). */
export type DispatchRuleName = 'file-order' | 'lft' | 'mts' | 'grpw' | 'spt';

/** A strategy's dispatch: a rule, or a pinned start order of tasks. */
export interface DispatchModel {
  rule: DispatchRuleName;
  /** Task indices in their pinned start order, or null. */
  order: number[] | null;
}

/** Link types, as stored in `Model.successorType`. */
export const LINK_FS = 0;
export const LINK_SS = 1;
export const LINK_FF = 2;
export const LINK_SF = 3;
export const LINK_TYPES = ['FS', 'SS', 'FF', 'SF'] as const;

export type { TaskKind } from '../scenario/resolveSchedule.js';
/** The schedule side of a model (see `resolveSchedule`; `timed` also covers link types and lags). */
export type ScheduleModel = ResolvedScheduleCore;

export interface AgentModel {
  id: string;
  index: number;
  role: string;
  skills: string[];
  skillIds: number[];
  capacity: number;
  /** `capacity: unlimited`: it has a slot for every task it may run, and its meetings count once. */
  unlimited: boolean;
  team: string | null;
}

export interface TaskModel {
  id: string;
  index: number;
  name: string;
  /** Fixed agent index (a joint task's first agent), or -1 for a skill pool. */
  agent: number;
  /** Skill index when assigned by skill (a pool demand's first skill when no agent is fixed), else -1. */
  skill: number;
  /** Who it is assigned to, as results show it (`assignmentLabel`). */
  assignment: string;
  /** Agents that may run it, in file order. */
  eligible: number[];
  /** What it holds while it runs: one unit of `agent` or of a `skill` agent for a plain task. */
  demands: DemandModel[];
  duration: Distribution;
  priority: number;
  /** Predecessor node indices. */
  after: number[];
  kind: TaskKind;
  /** Working time of a task without an agent (its own calendar, else the project's); null for agent work. */
  time: WorkingTime | null;
  /** Earliest start (`not_before`, the status date for unfinished work), or -Infinity. */
  notBefore: number;
  /** Its own promised finish, or null. */
  deadline: number | null;
  /** Progress: the actual start of a started or finished task (shown as its start), or null. */
  actualStart: number | null;
  /** Its identifier in an imported plan, or null. */
  sourceId: string | null;
}

/** `GateModel.reviewer` when the scenario names none: the topology decides. */
export const REVIEWER_DEFAULT = -1;
/** `GateModel.reviewer` when the scenario names the orchestrator. */
export const REVIEWER_ORCHESTRATOR = -2;

export interface GateModel {
  id: string;
  index: number;
  /** Node index (`tasks.length + index`). */
  node: number;
  name: string;
  after: number[];
  /** Assessed task indices. */
  assesses: number[];
  /** Reviewer: an agent index, `REVIEWER_ORCHESTRATOR`, or `REVIEWER_DEFAULT` (as the topology says). */
  reviewer: number;
  review: Distribution;
  pPass: number;
  pRemediate: number;
  pFail: number;
  remediationEffort: Distribution | null;
  remediationBlocking: boolean;
  reworkFraction: Distribution;
  maxRounds: number;
}

export interface RiskModel {
  id: string;
  description: string;
  task: number;
  probability: number;
  delay: Distribution | null;
  work: Distribution | null;
}

/** Outcomes a conditional branch after a gate can test (`BranchPathModel.gateOutcome` indexes it). */
export const BRANCH_GATE_OUTCOMES = ['passed', 'remediated', 'reworked', 'failed', 'exhausted'] as const;

export interface BranchModel {
  id: string;
  description: string;
  /** The branch point: a node index (task, or `tasks.length + gate`). */
  node: number;
  /** `probability`: a path drawn with the paths' probabilities; `condition`: the first path whose condition holds. */
  kind: 'probability' | 'condition';
  paths: BranchPathModel[];
  /** The path taken when the branch is switched off (risk ranking): the first path of a probabilistic branch, a conditional one's path without condition, or -1 (none). */
  nominal: number;
}

export interface BranchPathModel {
  name: string;
  /** Its probability (probabilistic branch), NaN otherwise. */
  probability: number;
  /** The path has a `when` (conditional branch); without one it is the otherwise path. */
  conditional: boolean;
  /** Condition: the branch point finishes after this time (null: not tested). */
  finishAfter: number | null;
  /** Condition: index into `BRANCH_GATE_OUTCOMES`, or -1 (not tested). */
  gateOutcome: number;
  /** Task indices of the path. */
  tasks: number[];
}

export interface ExistenceRiskModel {
  id: string;
  description: string;
  probability: number;
  /** Index of the task it adds. */
  task: number;
}

export interface DriverModel {
  id: string;
  description: string;
  probability: number;
  factor: Distribution;
  /** Task indices whose durations it multiplies. */
  tasks: number[];
}

export type Topology = 'hub' | 'mesh' | 'hierarchy' | 'ideal' | 'sequential';

/** A coordination strategy with defaults applied (docs/semantics.md §3; docs/semantics.md §5, §9). */
export interface StrategyModel {
  name: string;
  description: string;
  topology: Topology;
  /** True for `ideal` and `sequential`: no coordination mechanism at all. */
  builtin: boolean;
  orchestratorCapacity: number;
  /** Team lead agent index per agent (its team's lead), -1 when not in a team. */
  leadOf: Int32Array;
  handoff: { effort: Distribution; batched: boolean } | null;
  status: { every: number; effort: Distribution; perPeer: Distribution | null } | null;
  checkpoint: { every: number; offset: number; duration: Distribution; orchestrator: boolean } | null;
  escalation: { probability: number; delay: Distribution; effort: Distribution | null } | null;
  /** Overrides every gate's remediation blocking, or null. */
  remediationBlocking: boolean | null;
  /** Multiplies every gate's remediate and fail probabilities (`gate_failure.factor`; 1: as the gates say). */
  gateFailureFactor: number;
  /** Multiplies all token use under this strategy (`tokens.factor`; 1: as the agents say). */
  tokenFactor: number;
  /** The order ready work is offered resources (the strategy's, else the scenario's). */
  dispatch: DispatchModel;
  /** Agent choice in pools (the strategy's, else the scenario's). */
  pick: 'first' | 'least-busy';
}
