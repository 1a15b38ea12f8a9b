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
  /** Unit of every duration: hour | day | week. */
  time_unit: TimeUnit;
  /** Working time units per calendar week, used by reports' weekly views (default: 5 days, 40 hours, 1 week). */
  units_per_week?: number;
  /** The date the plan promises, in time units from the start. */
  deadline?: number;
  agents: AgentSpec[];
  /** The coordinator of `hub` and `hierarchy` topologies (default id `orchestrator`, capacity 1). */
  orchestrator?: OrchestratorSpec;
  tasks: TaskSpec[];
  gates?: GateSpec[];
  risks?: RiskSpec[];
  /** Correlated task durations (rank correlation), used by Monte Carlo. */
  correlations?: CorrelationSpec[];
  /** The default strategy: a key of `strategies`, or `ideal` / `sequential`. */
  strategy?: string;
  strategies?: Record<string, StrategySpec>;
  /** Currency of every cost (a short label such as `EUR`), shown in reports. */
  currency?: string;
  /** The promised cost of the plan, in `currency`. */
  budget?: number;
  /** Default token prices of every agent, in `currency` per million tokens. */
  token_prices?: TokenPricesSpec;
}

export type TimeUnit = 'hour' | 'day' | 'week';

export interface AgentSpec extends ResourceCostSpec {
  id: string;
  role?: string;
  skills?: string[];
  /** Tasks it can work on at once (default 1). */
  capacity?: number;
  /** Team name, for the `hierarchy` topology. */
  team?: string;
}

export interface OrchestratorSpec extends ResourceCostSpec {
  id?: string;
  role?: string;
  capacity?: number;
}

export interface TaskSpec {
  id: string;
  name?: string;
  description?: string;
  /** Fixed assignment (exactly one of `agent` and `skill`). */
  agent?: string;
  /** Any agent with this skill (the first free one in file order). */
  skill?: string;
  duration: DistributionSpec;
  /** Finish-to-start dependencies: task ids or gate ids. */
  after?: string[];
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

export interface CorrelationSpec {
  tasks: string[];
  /** Pairwise rank correlation between the listed tasks' durations, in (-1, 1). */
  rho: number;
}

/** A coordination strategy (docs/semantics.md §5, §9): every mechanism optional. */
export interface StrategySpec {
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
}
