import fc from 'fast-check';
import type { AgentSpec, StrategySpec } from '../scenario/Scenario.js';
import { distributionArbitrary, gridValue } from './distributionArbitrary.js';
import { scaleDistribution } from './scaleScenario.js';
import { resolveScenarioConstraints, type ScenarioConstraints } from './ScenarioConstraints.js';

const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

/** Drops keys whose value is undefined (JSON has no undefined; keeps generated documents tidy). */
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** A strategy before it knows the agents: leads and per-peer costs are resolved by `strategyFor`. */
export interface StrategyGene {
  spec: StrategySpec;
  /** Per team (in first-seen order), an index into its members for an explicit lead. */
  leads: Array<number | undefined>;
}

/**
 * Strategy genes: any topology of the constraints with every mechanism optional — handoff
 * (immediate or, with a checkpoint, batched), status updates with per-peer cost, checkpoints
 * with offset and orchestrator attendance, escalation, remediation override and orchestrator
 * capacity. Meetings take at most `maxMeetingShare` of their period so that work always moves.
 */
export function strategyGeneArbitrary(constraints: ScenarioConstraints = {}): fc.Arbitrary<StrategyGene> {
  const c = resolveScenarioConstraints(constraints);
  const dist = (max: number) => distributionArbitrary({ max, families: c.families });
  // Own effort and all peers' share split the status budget (per_peer is spread over n − 1 by `strategyFor`).
  const share = c.maxMeetingShare;
  const status = gridValue(0.5, 4).chain((every) =>
    fc.record({ every: fc.constant(every), effort: dist((every * share) / 2), per_peer: opt(dist((every * share) / 2)) }).map(compact),
  );
  const checkpoint = gridValue(0.5, 6).chain((every) =>
    fc
      .record({ every: fc.constant(every), offset: opt(gridValue(0, every)), duration: dist(every * share), orchestrator: opt(fc.boolean()) })
      .map(compact),
  );
  const escalation = fc
    .record({ probability: fc.constantFrom(0, 0.25, 0.5, 1), delay: dist(2), effort: opt(dist(1)) })
    .map(compact);
  return fc
    .record({
      topology: fc.constantFrom(...c.topologies),
      orchestrator_capacity: opt(fc.integer({ min: 1, max: 2 })),
      handoff: opt(fc.record({ effort: dist(1), batched: opt(fc.boolean()) }).map(compact)),
      status: opt(status),
      checkpoint: opt(checkpoint),
      escalation: opt(escalation),
      remediation: opt(fc.record({ blocking: opt(fc.boolean()) }).map(compact)),
      leads: fc.array(opt(fc.nat()), { maxLength: 2 }),
    })
    .map(({ leads, ...spec }) => {
      const s = compact(spec) as StrategySpec;
      // Batched handoffs need a checkpoint to be batched to (else they would wait forever).
      if (s.handoff?.batched && !s.checkpoint) s.handoff = compact({ ...s.handoff, batched: undefined });
      return { spec: s, leads };
    });
}

/** Resolves a gene against the agents: hierarchy leads from team members, per-peer cost spread over n − 1 peers. */
export function strategyFor(gene: StrategyGene, agents: readonly AgentSpec[]): StrategySpec {
  const spec: StrategySpec = structuredClone(gene.spec);
  const peers = Math.max(1, agents.length - 1);
  if (spec.status?.per_peer !== undefined) spec.status.per_peer = scaleDistribution(spec.status.per_peer, 1 / peers);
  if (spec.topology === 'hierarchy') {
    const teams = [...new Set(agents.flatMap((a) => (a.team !== undefined ? [a.team] : [])))];
    const leads: Record<string, string> = {};
    teams.forEach((team, i) => {
      const pick = gene.leads[i];
      if (pick === undefined) return;
      const members = agents.filter((a) => a.team === team);
      leads[team] = members[pick % members.length].id;
    });
    if (Object.keys(leads).length > 0) spec.leads = leads;
  }
  return spec;
}

/** Valid strategies for the given agents (see `strategyGeneArbitrary`). */
export function strategyArbitrary(agents: readonly AgentSpec[], constraints: ScenarioConstraints = {}): fc.Arbitrary<StrategySpec> {
  return strategyGeneArbitrary(constraints).map((g) => strategyFor(g, agents));
}
