import { CoordsimError } from '../scenario/CoordsimError.js';
import type { DispatchSpec, StrategySpec } from '../scenario/Scenario.js';
import type { Distribution, DistributionSpec } from '../sim/distributions/Distribution.js';
import type { AgentModel, DispatchModel, StrategyModel } from './Model.js';

/** A dispatch spec with task ids resolved (default: file order). */
export function compileDispatch(spec: DispatchSpec | undefined, path: string, nodeIndex: { get(id: string): number | undefined }, T: number): DispatchModel {
  if (spec === undefined) return { rule: 'file-order', order: null };
  if (typeof spec === 'string') return { rule: spec, order: null };
  const order = spec.order.map((id, k) => {
    const n = nodeIndex.get(id);
    if (n === undefined || n >= T) throw new CoordsimError('E_REFERENCE', `dispatch order lists '${id}', which is no task`, { path: `${path}/order/${k}` });
    return n;
  });
  return { rule: 'file-order', order };
}

/** A strategy with its distributions built and its settings checked (dispatch and pick are added by the caller). */
export function compileStrategy(
  name: string,
  spec: StrategySpec,
  agents: AgentModel[],
  orchestratorCapacity: number,
  dist: (spec: DistributionSpec, path: string) => Distribution,
): Omit<StrategyModel, 'dispatch' | 'pick'> {
  const path = `/strategies/${name}`;
  const builtin = spec.topology === 'ideal' || spec.topology === 'sequential';
  const leadOf = new Int32Array(agents.length).fill(-1);
  if (spec.topology === 'hierarchy') {
    const leads = new Map<string, number>();
    for (const [team, id] of Object.entries(spec.leads ?? {})) {
      const a = agents.find((x) => x.id === id);
      if (!a) throw new CoordsimError('E_REFERENCE', `unknown lead agent '${id}' for team '${team}'`, { path: `${path}/leads/${team}` });
      leads.set(team, a.index);
    }
    for (const a of agents) {
      if (a.team === null) continue;
      if (!leads.has(a.team)) leads.set(a.team, a.index); // first agent of the team in file order
      leadOf[a.index] = leads.get(a.team)!;
    }
  }
  const checkpoint = spec.checkpoint && !builtin
    ? {
        every: spec.checkpoint.every,
        offset: spec.checkpoint.offset ?? spec.checkpoint.every,
        duration: dist(spec.checkpoint.duration, `${path}/checkpoint/duration`),
        orchestrator: spec.checkpoint.orchestrator ?? (spec.topology === 'hub' || spec.topology === 'hierarchy'),
      }
    : null;
  if (spec.handoff?.batched && !checkpoint && !builtin) {
    throw new CoordsimError('E_PARAM', `batched handoffs need a checkpoint to be batched to`, { path: `${path}/handoff/batched` });
  }
  for (const [key, every] of [['status', spec.status?.every], ['checkpoint', spec.checkpoint?.every]] as const) {
    if (every !== undefined && !(every > 0)) {
      throw new CoordsimError('E_PARAM', `${key}.every must be > 0, got ${every}`, { path: `${path}/${key}/every` });
    }
  }
  const status = spec.status && !builtin
    ? {
        every: spec.status.every,
        effort: dist(spec.status.effort, `${path}/status/effort`),
        perPeer: spec.status.per_peer !== undefined ? dist(spec.status.per_peer, `${path}/status/per_peer`) : null,
      }
    : null;
  // On average, meetings must leave some time for work, or no task could ever finish.
  const load = (checkpoint ? checkpoint.duration.mean / checkpoint.every : 0) +
    (status ? (status.effort.mean + (agents.length - 1) * (status.perPeer?.mean ?? 0)) / status.every : 0);
  if (load >= 1) {
    throw new CoordsimError(
      'E_INFEASIBLE',
      `status updates and checkpoints take ${(100 * load).toFixed(0)}% of every engaged agent's time on average: no work could ever finish (shorten them or space them out)`,
      { path },
    );
  }
  return {
    name,
    description: spec.description ?? '',
    topology: spec.topology,
    builtin,
    orchestratorCapacity: spec.orchestrator_capacity ?? orchestratorCapacity,
    leadOf,
    handoff: spec.handoff && !builtin
      ? { effort: dist(spec.handoff.effort, `${path}/handoff/effort`), batched: spec.handoff.batched ?? false }
      : null,
    status,
    checkpoint,
    escalation: spec.escalation && !builtin
      ? {
          probability: spec.escalation.probability,
          delay: dist(spec.escalation.delay, `${path}/escalation/delay`),
          effort: spec.escalation.effort !== undefined ? dist(spec.escalation.effort, `${path}/escalation/effort`) : null,
        }
      : null,
    remediationBlocking: spec.remediation?.blocking ?? null,
    gateFailureFactor: spec.gate_failure?.factor ?? 1,
    tokenFactor: spec.tokens?.factor ?? 1,
  };
}
