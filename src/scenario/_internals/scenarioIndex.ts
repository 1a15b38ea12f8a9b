import type { Scenario } from '../Scenario.js';
import type { Fail } from './fail.js';

/** What a node id (the `after` namespace, shared with risks) names. */
export interface NodeRef {
  kind: 'task' | 'gate' | 'risk' | 'branch';
  index: number;
  /** Its list in the document (`tasks`, `gates`, `risks`, `existence_risks`, `risk_drivers`, `branches`). */
  collection: string;
}

/** The ids of a scenario, checked to be unique. */
export interface ScenarioIndex {
  agents: Map<string, number>;
  /** Tasks, gates and risks: one namespace. */
  nodes: Map<string, NodeRef>;
  orchestratorId: string;
  skills: Set<string>;
  teams: Set<string>;
  /**
   * What every `after` entry names, as a node number (task i is i, gate i is T + i), tasks'
   * lists then gates', in file order: written by `checkReferences` once it has found them all
   * (`checkCycles` reads it instead of looking the ids up again); null before.
   */
  afterNodes: Int32Array | null;
}

/**
 * Indexes a schema-valid scenario's ids, failing with E_REFERENCE on a duplicate: agent ids
 * (and the orchestrator's) are one namespace, tasks, gates and risks another.
 */
export function indexScenario(s: Scenario, fail: Fail): ScenarioIndex {
  const agents = new Map<string, number>();
  s.agents.forEach((a, i) => {
    const first = agents.get(a.id);
    if (first !== undefined) fail('E_REFERENCE', `duplicate agent id '${a.id}' (already used at /agents/${first})`, ['agents', i, 'id']);
    agents.set(a.id, i);
  });
  const orchestratorId = s.orchestrator?.id ?? 'orchestrator';
  if (agents.has(orchestratorId)) {
    const path = s.orchestrator?.id !== undefined ? ['orchestrator', 'id'] : ['agents', agents.get(orchestratorId)!, 'id'];
    fail('E_REFERENCE', `agent id '${orchestratorId}' is also the orchestrator's id (rename one; see orchestrator.id)`, path);
  }
  const nodes = new Map<string, NodeRef>();
  const add = (kind: NodeRef['kind'], collection: string) => (x: { id: string }, index: number) => {
    const first = nodes.get(x.id);
    if (first) {
      const at = `/${first.collection}/${first.index}`;
      fail('E_REFERENCE', `duplicate id '${x.id}' (already used by the ${first.kind} at ${at}; tasks, gates and risks share one namespace)`, [collection, index, 'id']);
    }
    nodes.set(x.id, { kind, index, collection });
  };
  s.tasks.forEach(add('task', 'tasks'));
  (s.gates ?? []).forEach(add('gate', 'gates'));
  (s.risks ?? []).forEach(add('risk', 'risks'));
  (s.existence_risks ?? []).forEach(add('risk', 'existence_risks'));
  (s.risk_drivers ?? []).forEach(add('risk', 'risk_drivers'));
  (s.branches ?? []).forEach(add('branch', 'branches'));
  const skills = new Set(s.agents.flatMap((a) => a.skills ?? []));
  const teams = new Set(s.agents.flatMap((a) => (a.team !== undefined ? [a.team] : [])));
  return { agents, nodes, orchestratorId, skills, teams, afterNodes: null };
}
