import type { DistributionSpec } from '../../sim/distributions/Distribution.js';
import type { AgentSpec, GateSpec, RiskSpec, Scenario, StrategySpec, TaskSpec } from '../../scenario/Scenario.js';
import { linkTarget } from '../../scenario/Scenario.js';
import { compact, strategyFor, type StrategyGene } from '../strategyArbitrary.js';

type Opt<T> = T | undefined;

/** Raw draws of `scenarioArbitrary`; `buildScenario` turns any of them into a valid scenario. */
export interface ScenarioGenes {
  timeUnit: Scenario['time_unit'];
  deadline: Opt<number>;
  orchestrator: Opt<{ id: Opt<string>; capacity: Opt<number> }>;
  agents: Array<{ skills: string[]; capacity: Opt<number>; team: Opt<string> }>;
  tasks: Array<{ pick: number; bySkill: boolean; duration: DistributionSpec; preds: number[]; gatePred: Opt<number>; priority: Opt<number> }>;
  gates: Array<{
    pos: number;
    after: number[];
    afterGate: Opt<number>;
    assesses: Opt<number[]>;
    reviewer: Opt<number>;
    review: Opt<DistributionSpec>;
    outcomes: Opt<[number, number, number, boolean]>;
    remediation: { effort: DistributionSpec; blocking: Opt<boolean> };
    keepRemediation: boolean;
    fraction: Opt<Opt<DistributionSpec>>;
    maxRounds: Opt<number>;
  }>;
  risks: Array<{ task: number; probability: number; delay: Opt<DistributionSpec>; work: Opt<DistributionSpec> }>;
  correlation: Opt<[number, number, number]>;
  strategies: StrategyGene[];
  defaultStrategy: Opt<number>;
}

const uniq = <T>(xs: T[]) => [...new Set(xs)];

/**
 * Maps genes to a valid scenario. Acyclic by construction: a gate at position p (1..T) sits
 * between tasks p−1 and p; tasks only follow earlier tasks and gates at positions <= their
 * index, gates follow tasks before them and earlier gates at positions <= theirs.
 */
export function buildScenario(g: ScenarioGenes): Scenario {
  const agents: AgentSpec[] = g.agents.map((a, i) => compact({ id: `a${i}`, skills: a.skills.length ? a.skills : undefined, capacity: a.capacity, team: a.team }));
  const skills = uniq(g.agents.flatMap((a) => a.skills));
  const T = g.tasks.length;
  const pos = g.gates.map((x) => 1 + (x.pos % T));
  const gateId = (k: number) => `g${k}`;
  const tasks: TaskSpec[] = g.tasks.map((t, i) => {
    const gatesBefore = pos.flatMap((p, k) => (p <= i ? [gateId(k)] : []));
    const after = uniq([
      ...(i > 0 ? t.preds.map((n) => `t${n % i}`) : []),
      ...(t.gatePred !== undefined && gatesBefore.length ? [gatesBefore[t.gatePred % gatesBefore.length]] : []),
    ]);
    const assign = t.bySkill && skills.length ? { skill: skills[t.pick % skills.length] } : { agent: agents[t.pick % agents.length].id };
    return compact({ id: `t${i}`, ...assign, duration: t.duration, after: after.length ? after : undefined, priority: t.priority });
  });
  const orchestratorId = g.orchestrator?.id ?? 'orchestrator';
  const gateAfter = g.gates.map((x, k) => {
    const earlierGates = g.gates.flatMap((_, j) => (j < k && pos[j] <= pos[k] ? [gateId(j)] : []));
    return uniq([
      ...x.after.map((n) => `t${n % pos[k]}`),
      ...(x.afterGate !== undefined && earlierGates.length ? [earlierGates[x.afterGate % earlierGates.length]] : []),
    ]);
  });
  const gates: GateSpec[] = [];
  g.gates.forEach((x, k) => {
    const after = gateAfter[k];
    const upstream = upstreamTasks(after, tasks, gateAfter);
    const assesses = x.assesses ? uniq(x.assesses.map((n) => upstream[n % upstream.length])) : undefined;
    let outcomes: GateSpec['outcomes'];
    if (x.outcomes && x.outcomes[0] + x.outcomes[1] + x.outcomes[2] > 0) {
      const [p, r, f, explicitPass] = x.outcomes;
      const sum = p + r + f;
      outcomes = compact({ pass: explicitPass ? p / sum : undefined, remediate: r ? r / sum : undefined, fail: f ? f / sum : undefined });
    }
    const needsRemediation = (outcomes?.remediate ?? 0) > 0;
    const r = x.reviewer === undefined ? undefined : x.reviewer % (agents.length + 1);
    gates.push(
      compact({
        id: gateId(k),
        after,
        assesses,
        reviewer: r === undefined ? undefined : r === agents.length ? orchestratorId : agents[r].id,
        review: x.review,
        outcomes,
        remediation: needsRemediation || x.keepRemediation ? compact({ ...x.remediation }) : undefined,
        rework: x.fraction === undefined ? undefined : compact({ fraction: x.fraction }),
        max_rounds: x.maxRounds,
      }),
    );
  });
  const risks: RiskSpec[] = g.risks.map((r, i) =>
    compact({ id: `r${i}`, task: `t${r.task % T}`, probability: r.probability, delay: r.delay ?? (r.work === undefined ? 1 : undefined), work: r.work }),
  );
  const strategies: Record<string, StrategySpec> = {};
  g.strategies.forEach((s, i) => (strategies[`s${i}`] = strategyFor(s, agents)));
  const names = [...Object.keys(strategies), 'ideal', 'sequential'];
  const s: Scenario = compact({
    name: 'generated',
    time_unit: g.timeUnit,
    deadline: g.deadline,
    agents,
    orchestrator: g.orchestrator ? compact({ id: g.orchestrator.id, capacity: g.orchestrator.capacity }) : undefined,
    tasks,
    gates: gates.length ? gates : undefined,
    risks: risks.length ? risks : undefined,
    correlations: g.correlation && T >= 2 && g.correlation[0] % T !== g.correlation[1] % T
      ? [{ tasks: [`t${g.correlation[0] % T}`, `t${g.correlation[1] % T}`], rho: g.correlation[2] / 10 }]
      : undefined,
    strategy: g.defaultStrategy === undefined ? undefined : names[g.defaultStrategy % names.length],
    strategies: g.strategies.length ? strategies : undefined,
  });
  return s;
}

/** Task ids upstream of an `after` list (tasks listed, and everything before them), in file order. */
function upstreamTasks(after: string[], tasks: TaskSpec[], gateAfter: string[][]): string[] {
  const seen = new Set<string>();
  const todo = [...after];
  while (todo.length) {
    const id = todo.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const n = Number(id.slice(1));
    todo.push(...(id.startsWith('t') ? (tasks[n].after ?? []).map(linkTarget) : gateAfter[n]));
  }
  return [...seen].filter((id) => id.startsWith('t')).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
}
