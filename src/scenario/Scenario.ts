import type { DistributionSpec } from '../sim/distributions/Distribution.js';
import type { CostSpec, ResourceCostSpec, TokenPricesSpec } from './CostSpec.js';

export type { CostSpec, ResourceCostSpec, TokenActSpec, TokenPricesSpec, TokenRateSpec, TokenUseSpec } from './CostSpec.js';

/**
 * A scenario as written in YAML or JSON (snake_case keys, docs/scenario-format.md), after schema
 * validation. Defaults are applied later, by `compileModel`.
 */
export interface Scenario {
  name: string;
  description?: string;
  /** Unit of every duration: minute | hour | day | week. */
  time_unit: TimeUnit;
  /** ISO date (or date-time): time 0 is the first working moment of this day; outputs then speak in dates too. */
  start?: string;
  /** Named working calendars (see docs/calendars.md). */
  calendars?: Record<string, Record<string, unknown>>;
  /** The project calendar: lags and tasks without an agent follow it (default: every day works). */
  calendar?: string;
  /** Progress: what is done before this date is fixed, the rest is forecast from it. */
  status_date?: string;
  /** Per task id: actual start and finish, or remaining work. */
  progress?: Record<string, ProgressSpec>;
  /** Working time units per calendar week, used by reports' weekly views (default: 5 days, 40 hours, 1 week). */
  units_per_week?: number;
  /** The date the plan promises: time units from the start, or an ISO date. */
  deadline?: number | string;
  agents: AgentSpec[];
  /** The coordinator of `hub` and `hierarchy` topologies (default id `orchestrator`, capacity 1). */
  orchestrator?: OrchestratorSpec;
  tasks: TaskSpec[];
  gates?: GateSpec[];
  risks?: RiskSpec[];
  /** Correlated task durations (rank correlation), used by Monte Carlo. */
  correlations?: CorrelationSpec[];
  /** Probabilistic and conditional branches: after a task or gate, one of several paths is taken, the others' tasks are skipped. */
  branches?: BranchSpec[];
  /** Risks that add a whole task to the network when they occur. */
  existence_risks?: ExistenceRiskSpec[];
  /** Risk drivers (Hulett): one cause that, when it occurs, multiplies the durations of several tasks by a sampled factor. */
  risk_drivers?: RiskDriverSpec[];
  /** The default strategy: a key of `strategies`, or `ideal` / `sequential`. */
  strategy?: string;
  strategies?: Record<string, StrategySpec>;
  /** Currency of every cost (a short label such as `EUR`), shown in reports. */
  currency?: string;
  /** The promised cost of the plan, in `currency`. */
  budget?: number;
  /** Default token prices of every agent, in `currency` per million tokens. */
  token_prices?: TokenPricesSpec;
  /** Dispatch rule: the order in which ready tasks are offered resources (default `file-order`). */
  dispatch?: DispatchSpec;
  /** How a pool (a skill) chooses among its free agents (default `first`). */
  pick?: PickRule;
}

/** Dispatch rules (docs/scenario-format.md, "Joint work and units"): priority first, then the rule, then file order. */
export type DispatchRule = 'file-order' | 'lft' | 'mts' | 'grpw' | 'spt';

/** A dispatch rule, or a pinned start order of task ids (a plan found by `planSchedule`). */
export type DispatchSpec = DispatchRule | { order: string[] };

/** Agent choice in a pool: the first free agent in file order, or the free agent with the least work done so far. */
export type PickRule = 'first' | 'least-busy';

/** One resource demand of a task: `units` (default 1) of a named agent, or of agents with a skill. */
export interface NeedSpec {
  agent?: string;
  skill?: string;
  units?: number;
}

export type TimeUnit = 'minute' | 'hour' | 'day' | 'week';

export interface AgentSpec extends ResourceCostSpec {
  id: string;
  /** Its name in the plan it was imported from. */
  name?: string;
  /** Its identifier in the plan it was imported from. */
  source_id?: string;
  role?: string;
  skills?: string[];
  /** Units of work it gives at once (default 1; fractional allowed): tasks of one unit it runs at once; `unlimited`: never limits work. */
  capacity?: number | 'unlimited';
  /** Team name, for the `hierarchy` topology. */
  team?: string;
  /** Its working calendar (default: the project calendar). */
  calendar?: string;
  /** Days off on top of its calendar: dates, `{from, to}`, `{from}` (leaves), `{to}` (joins late). */
  off?: Array<string | { from?: string; to?: string }>;
}

/** Dependency types: finish-to-start, start-to-start, finish-to-finish, start-to-finish. */
export type LinkType = 'FS' | 'SS' | 'FF' | 'SF';

/** A dependency with a type and a lag (in working time of the project calendar; negative: a lead). */
export interface LinkSpec {
  task: string;
  type?: LinkType;
  lag?: number;
}

/** Progress of one task at the status date. */
export interface ProgressSpec {
  actual_start?: string | number;
  actual_finish?: string | number;
  /** Work left at the status date (a number or a distribution), for a started task. */
  remaining?: DistributionSpec;
}

/** The task or gate id a dependency entry names. */
export function linkTarget(entry: string | LinkSpec): string {
  return typeof entry === 'string' ? entry : entry.task;
}

export interface OrchestratorSpec extends ResourceCostSpec {
  id?: string;
  role?: string;
  capacity?: number;
}

export interface TaskSpec {
  id: string;
  name?: string;
  /** Its identifier in the plan it was imported from (results are keyed by it too). */
  source_id?: string;
  /** Where it sits in the plan's work breakdown, as a readable path. */
  wbs?: string;
  description?: string;
  /** Fixed assignment (at most one of `agent` and `skill`; neither: elapsed time only). */
  agent?: string;
  /** Any agent with this skill (the first free one in file order). */
  skill?: string;
  /** A joint task: all of these agents, together, for the whole task. */
  agents?: string[];
  /** Resource demands: units of named agents or of skill pools, all held together for the whole task. */
  needs?: NeedSpec[];
  /** Units of each agent named by `agent`, `agents` or `skill` (default 1; 0.5 is half of an agent's capacity). */
  units?: number;
  /** Work time (required unless a milestone). */
  duration?: DistributionSpec;
  /** Dependencies: task or gate ids (finish-to-start), or `{task, type, lag}`. */
  after?: Array<string | LinkSpec>;
  /** Zero duration, no agent, no handoff. */
  milestone?: boolean;
  /** Its own calendar (tasks without an agent; default: the project calendar). */
  calendar?: string;
  /** Start no earlier than: time units from the start, or an ISO date. */
  not_before?: number | string;
  /** Its own promised finish: time units from the start, or an ISO date. */
  deadline?: number | string;
  /** Higher starts first when several are ready (default 0). */
  priority?: number;
  /** A fixed cost of the task (bought services, licences), sampled once per run. */
  cost?: CostSpec;
}

export interface GateSpec {
  id: string;
  name?: string;
  /** Tasks (or gates) that must be done before the review starts. */
  after: string[];
  /** Tasks whose work is assessed (default: the tasks in `after`). */
  assesses?: string[];
  /** Who reviews: an agent id or the orchestrator's id (default: the orchestrator when the topology has one, else the agent of the first assessed task). */
  reviewer?: string;
  /** Review duration (coordination time of the reviewer). */
  review?: DistributionSpec;
  /** Per assessed task, the probabilities of each outcome. With `pass` given the three sum to 1; without it, `pass` is 1 − remediate − fail (default: pass 1). */
  outcomes?: { pass?: number; remediate?: number; fail?: number };
  remediation?: {
    /** Extra work of the task's agent. */
    effort: DistributionSpec;
    /** When false, successors go on while the remediation runs in parallel (default true). */
    blocking?: boolean;
  };
  rework?: {
    /** Share of the task's sampled duration that is redone (default 1: wholly). */
    fraction?: DistributionSpec;
  };
  /** Bound on review rounds (default 3): a `fail` drawn in the last round is recorded, not reworked, and the gate is marked exhausted. */
  max_rounds?: number;
}

export interface RiskSpec {
  id: string;
  description?: string;
  task: string;
  probability: number;
  /** Elapsed delay: the task's agent is held, waiting, for this long (not work). */
  delay?: DistributionSpec;
  /** Extra work added to the task. */
  work?: DistributionSpec;
  /** A cost added when the risk occurs (penalty, emergency purchase), in `currency`. */
  cost?: CostSpec;
}

/** A branch point: after task or gate `after` finishes, one of `paths` is taken (docs/scenario-format.md#branches-and-risk-drivers). */
export interface BranchSpec {
  id: string;
  description?: string;
  /** The branch point: a task or gate id. */
  after: string;
  /** Every path has a `probability` (they sum to 1), or every path but the last has a `when` (the first that holds is taken). */
  paths: BranchPathSpec[];
}

/** One path of a branch: the tasks that run only when it is taken. */
export interface BranchPathSpec {
  /** Shown in outputs (default `path-<n>`, n from 1). */
  name?: string;
  /** Chance of this path (probabilistic branch). */
  probability?: number;
  /** Condition of this path (conditional branch); a last path without one is taken when no condition holds. */
  when?: BranchConditionSpec;
  /** Tasks of this path (each downstream of the branch point, on at most one path of all branches). Default: none. */
  tasks?: string[];
}

/** A branch condition, evaluated when the branch point finishes; every key given must hold. */
export interface BranchConditionSpec {
  /** The branch point finishes after this time (time units, or an ISO date meaning the end of that day). */
  finish_after?: number | string;
  /** A gate branch point's outcome: passed (every assessed task passed round 1), remediated, reworked, failed (some fail outcome), exhausted. */
  gate_outcome?: 'passed' | 'remediated' | 'reworked' | 'failed' | 'exhausted';
}

/** A risk that adds a task when it occurs; the task's id is the risk's id. */
export interface ExistenceRiskSpec {
  id: string;
  /** The added task's name (default: the id). */
  name?: string;
  description?: string;
  probability: number;
  /** Who does the added task (at most one of agent and skill; neither: elapsed time). */
  agent?: string;
  skill?: string;
  duration: DistributionSpec;
  /** Tasks or gates the added task waits for. */
  after?: string[];
  /** Tasks or gates that wait for the added task. */
  before?: string[];
  priority?: number;
}

/** A risk driver: when it occurs, the listed tasks' durations are multiplied by one sampled factor. */
export interface RiskDriverSpec {
  id: string;
  description?: string;
  probability: number;
  /** Multiplier of the durations, sampled once per run (e.g. {triangular: [1, 1.1, 1.4]}). */
  factor: DistributionSpec;
  tasks: string[];
}

export interface CorrelationSpec {
  tasks: string[];
  /** Pairwise rank correlation between the listed tasks' durations, in (-1, 1). */
  rho: number;
}

/** A coordination strategy (docs/semantics.md §5, §9): every mechanism optional. */
export interface StrategySpec {
  /** A preset for AI-agent teams, expanded when the scenario is validated (docs/presets.md); kept as a marker. */
  preset?: 'supervisor' | 'swarm' | 'pipeline';
  description?: string;
  /** `hub`, `mesh`, `hierarchy`, or the built-ins `ideal` / `sequential`. */
  topology: 'hub' | 'mesh' | 'hierarchy' | 'ideal' | 'sequential';
  /** Orchestrator capacity under this strategy (overrides `orchestrator.capacity`). */
  orchestrator_capacity?: number;
  /** Team leads for `hierarchy`: team name → agent id (default: the team's first agent). */
  leads?: Record<string, string>;
  handoff?: {
    /** Effort of one cross-agent handoff (paid by the orchestrator in a hub, the receiver in a mesh, the lead or orchestrator in a hierarchy). */
    effort: DistributionSpec;
    /** When true, handoffs wait for the next checkpoint (batched sync). */
    batched?: boolean;
  };
  status?: {
    /** Period of status updates. */
    every: number;
    /** Effort of one update by one agent. */
    effort: DistributionSpec;
    /** Extra effort per peer (n − 1 peers), the cost of a mesh's all-to-all status traffic. */
    per_peer?: DistributionSpec;
  };
  checkpoint?: {
    /** Period of the meeting. */
    every: number;
    /** Time of the first meeting (default: `every`). */
    offset?: number;
    /** Length of the meeting; interrupts every engaged attendee. */
    duration: DistributionSpec;
    /** Whether the orchestrator attends (default: true when the topology has one). */
    orchestrator?: boolean;
  };
  escalation?: {
    /** Probability that a handoff raises a conflict. */
    probability: number;
    /** Elapsed time until the conflict is resolved. */
    delay: DistributionSpec;
    /** Coordination effort of whoever resolves it (the orchestrator in a hub, else the receiver). Default 0. */
    effort?: DistributionSpec;
  };
  /** Overrides remediation blocking for every gate under this strategy. */
  remediation?: { blocking?: boolean };
  /**
   * Multiplies every gate's probabilities of remediation and of rework (`fail`) under this
   * strategy (pass takes the rest; two that exceed 1 together are scaled to sum to 1). Default 1.
   */
  gate_failure?: { factor: number };
  /** Multiplies all token use (work and coordination) under this strategy (default 1). */
  tokens?: { factor: number };
  /** Overrides the scenario's dispatch rule under this strategy. */
  dispatch?: DispatchSpec;
  /** Overrides the scenario's pool agent choice under this strategy. */
  pick?: PickRule;
}
