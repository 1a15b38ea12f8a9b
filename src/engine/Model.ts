import type { Distribution } from '../sim/distributions/Distribution.js';
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
  correlations: Array<{ tasks: number[]; rho: number }>;
  /** Successors of every node; nodes are tasks `0..T-1` then gates `T..T+G-1`. */
  successors: Int32Array[];
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
}

export interface AgentModel {
  id: string;
  index: number;
  role: string;
  skills: string[];
  skillIds: number[];
  capacity: number;
  team: string | null;
}

export interface TaskModel {
  id: string;
  index: number;
  name: string;
  /** Fixed agent index, or -1 for a skill pool. */
  agent: number;
  /** Skill index when assigned by skill, else -1. */
  skill: number;
  /** Agents that may run it, in file order. */
  eligible: number[];
  duration: Distribution;
  priority: number;
  /** Predecessor node indices. */
  after: number[];
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
}
