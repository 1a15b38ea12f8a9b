import { CoordsimError } from '../scenario/CoordsimError.js';
import { SimError } from '../sim/SimError.js';
import type { Distribution, DistributionSpec } from '../sim/distributions/Distribution.js';
import { distribution } from '../sim/distributions/index.js';
import { compileCost } from './compileCost.js';
import { resolveSchedule } from '../scenario/resolveSchedule.js';
import { BRANCH_GATE_OUTCOMES, LINK_FS, LINK_TYPES, REVIEWER_DEFAULT, REVIEWER_ORCHESTRATOR, type AgentModel, type BranchModel, type DemandModel, type ExistenceRiskModel, type GateModel, type Model, type RiskModel, type StrategyModel, type TaskModel } from './Model.js';
import { linkTarget, type Scenario, type StrategySpec, type TaskSpec } from '../scenario/Scenario.js';
import type { ScenarioIndex } from '../scenario/_internals/scenarioIndex.js';
import type { ProjectClock } from '../calendar/ProjectClock.js';
import { isValidatedScenario, validatedDuration, validatedIndex, validateScenario } from '../scenario/validateScenario.js';
import { assignmentLabel } from './assignmentLabel.js';
import { compileDispatch, compileStrategy } from './compileStrategy.js';
import { lazyLinkViews } from './_internals/linkViews.js';

const UNITS_PER_WEEK = { minute: 2400, hour: 40, day: 5, week: 1 } as const;

/**
 * Compiles a scenario into the indexed form the engine runs. A scenario that did not come
 * from `parseScenario` or `validateScenario` is validated first (CoordsimError, as
 * `validateScenario` throws them), so that nothing unchecked reaches the engine.
 */
export function compileModel(s: Scenario): Model {
  if (!isValidatedScenario(s)) validateScenario(s);
  const model = compile(s);
  compiled.add(model);
  return model;
}

const compiled = new WeakSet<object>();

/** True for a model made by `compileModel` (the functions that take a scenario or a model tell them apart by this). */
export function isModel(x: Scenario | Model): x is Model {
  return compiled.has(x);
}

function compile(s: Scenario): Model {
  const dist = (spec: DistributionSpec, path: string): Distribution => {
    try {
      return distribution(spec);
    } catch (e) {
      if (e instanceof SimError) throw new CoordsimError(e.code, e.message, { path });
      throw e;
    }
  };
  const skills: string[] = [];
  const skillId = (name: string): number => {
    let i = skills.indexOf(name);
    if (i < 0) i = skills.push(name) - 1;
    return i;
  };
  const sched = resolveSchedule(s);
  const agents: AgentModel[] = s.agents.map((a, index) => ({
    id: a.id,
    index,
    role: a.role ?? a.id,
    skills: a.skills ?? [],
    skillIds: (a.skills ?? []).map(skillId),
    capacity: a.capacity === 'unlimited' ? 1 : (a.capacity ?? 1),
    unlimited: a.capacity === 'unlimited',
    team: a.team ?? null,
  }));
  const agentIndex = new Map(agents.map((a) => [a.id, a.index]));
  // Node numbers: the file's tasks, then the existence risks' tasks (each known once added),
  // then the gates; `after` lists name only file tasks and gates. Read from validation's index
  // (compileModel validates what it compiles).
  const T0 = s.tasks.length;
  const E0 = s.existence_risks?.length ?? 0;
  const ix = validatedIndex(s);
  if (ix === undefined) throw new Error('compile: the scenario was not validated');
  let risksAdded = 0;
  const nodeIndex = indexedNodes(ix, T0, E0, () => risksAdded);
  // Per file task in order, where its `after` entries start in `ix.afterNodes` (resolved by validation).
  let afterAt = 0;
  // `path` names the reference in the error; a function when it would be written for every task.
  const node = (id: string, path: string | (() => string)): number => {
    const i = nodeIndex.get(id);
    if (i === undefined) throw new CoordsimError('E_REFERENCE', `unknown task or gate '${id}'`, { path: typeof path === 'string' ? path : path() });
    return i;
  };
  const orchestrator = {
    id: s.orchestrator?.id ?? 'orchestrator',
    role: s.orchestrator?.role ?? 'Orchestrator',
    capacity: s.orchestrator?.capacity ?? 1,
  };

  const durationOf = (spec: DistributionSpec, t: TaskSpec, index: number, path: string): Distribution => {
    // Validation built it already (unless the spec is the remaining work of a started task, or another since).
    const built = index < s.tasks.length && s.tasks[index] === t ? validatedDuration(s, index, spec) : undefined;
    if (built !== undefined) return built;
    try {
      return distribution(spec);
    } catch (e) {
      if (e instanceof SimError) throw new CoordsimError(e.code, e.message, { path: spec === t.duration ? `${path}/duration` : `/progress/${t.id}/remaining` });
      throw e;
    }
  };
  const alone: Array<{ eligible: number[]; demands: DemandModel[] }> = [];
  const taskModel = (t: TaskSpec, index: number, path: string): TaskModel => {
    const ts = sched.task(t, index);
    let agent = -1;
    let skill = -1;
    let eligible: number[];
    let demands: DemandModel[] = [];
    if (ts.kind !== 'work') eligible = [];
    else if (t.agent !== undefined) {
      agent = agentIndex.get(t.agent) ?? -1;
      if (agent < 0) throw new CoordsimError('E_REFERENCE', `unknown agent '${t.agent}'`, { path: `${path}/agent` });
      const units = t.units ?? 1;
      if (units === 1) {
        // One unit of one agent, the usual task: its lists are shared by all such tasks of the agent (no one changes them).
        const one = (alone[agent] ??= { eligible: [agent], demands: [{ agent, skill: -1, units: 1, split: false }] });
        eligible = one.eligible;
        demands = one.demands;
      } else {
        eligible = [agent];
        demands = [{ agent, skill: -1, units, split: false }];
      }
    } else if (t.skill !== undefined) {
      skill = skillId(t.skill ?? '');
      eligible = agents.filter((a) => a.skillIds.includes(skill)).map((a) => a.index);
      if (eligible.length === 0) {
        throw new CoordsimError('E_INFEASIBLE', `no agent has skill '${t.skill}' (task '${t.id}' can never start)`, { path: `${path}/skill` });
      }
      demands = [{ agent: -1, skill, units: t.units ?? 1, split: false }];
    } else {
      demands = compileDemands(t, path, agentIndex, skillId);
      eligible = agents.filter((a) => demands.some((d) => d.agent === a.index || (d.agent < 0 && a.skillIds.includes(d.skill)))).map((a) => a.index);
      agent = demands.find((d) => d.agent >= 0)?.agent ?? -1;
      if (agent < 0) skill = demands[0].skill;
      for (const d of demands) {
        if (d.agent < 0 && !agents.some((a) => a.skillIds.includes(d.skill))) {
          throw new CoordsimError('E_INFEASIBLE', `no agent has skill '${skills[d.skill]}' (task '${t.id}' can never start)`, { path: `${path}/needs` });
        }
      }
    }
    return {
      id: t.id,
      index,
      name: t.name ?? t.id,
      agent,
      skill,
      assignment: assignmentLabel(t),
      eligible,
      demands,
      duration: durationOf(ts.duration, t, index, path),
      priority: t.priority ?? 0,
      after: afterOf(t, index, path),
      kind: ts.kind,
      time: ts.time,
      notBefore: ts.notBefore,
      deadline: ts.deadline,
      actualStart: ts.actualStart,
      sourceId: t.source_id ?? null,
    };
  };
  const afterOf = (t: TaskSpec, index: number, path: string): number[] => {
    if (t.after === undefined) return [];
    const resolved = ix.afterNodes;
    if (resolved != null && index < T0 && s.tasks[index] === t) {
      const out = new Array<number>(t.after.length);
      for (let k = 0; k < out.length; k++) {
        const p = resolved[afterAt++];
        out[k] = p < T0 ? p : p + E0; // validation numbers gates from T0, the model after the existence risks
      }
      return out;
    }
    return t.after.map((e, k) => node(linkTarget(e), () => `${path}/after/${k}`));
  };
  const tasks: TaskModel[] = s.tasks.map((t, index) => taskModel(t, index, `/tasks/${index}`));
  // Existence risks add their task after the file's tasks (so the file's draws stay where they were).
  const existenceRisks: ExistenceRiskModel[] = (s.existence_risks ?? []).map((r, i) => {
    const index = tasks.length;
    const spec: TaskSpec = { id: r.id, name: r.name, agent: r.agent, skill: r.skill, duration: r.duration, after: r.after, priority: r.priority };
    tasks.push(taskModel(spec, index, `/existence_risks/${i}`));
    risksAdded++; // its id now names its task
    return { id: r.id, description: r.description ?? r.id, probability: r.probability, task: index };
  });
  const T = tasks.length;

  // Resources in units: some task holds more than one unit of one agent or pool, or a capacity is fractional.
  const units = tasks.some((t) => t.demands.length > 1 || (t.demands.length === 1 && t.demands[0].units !== 1)) || agents.some((a) => !Number.isInteger(a.capacity));
  // An unlimited agent has a slot for every task it may run: it never makes work wait.
  for (const a of agents) if (a.unlimited) a.capacity = Math.max(1, tasks.filter((t) => t.eligible.includes(a.index)).length);
  // In units, enough units for all of them at once.
  if (units) for (const a of agents) if (a.unlimited) a.capacity = Math.max(1, tasks.reduce((n, t) => n + (t.eligible.includes(a.index) ? Math.max(1, ...t.demands.map((d) => d.units)) : 0), 0));

  const gates: GateModel[] = (s.gates ?? []).map((g, index) => {
    const path = `/gates/${index}`;
    const after = g.after.map((id, k) => node(id, `${path}/after/${k}`));
    const assesses = (g.assesses ?? g.after.filter((id) => nodeIndex.get(id)! < T)).map((id, k) => {
      const n = node(id, `${path}/assesses/${k}`);
      if (n >= T) throw new CoordsimError('E_REFERENCE', `a gate assesses tasks, '${id}' is a gate`, { path: `${path}/assesses/${k}` });
      return n;
    });
    let reviewer = REVIEWER_DEFAULT;
    if (g.reviewer !== undefined) {
      reviewer = g.reviewer === orchestrator.id ? REVIEWER_ORCHESTRATOR : agentIndex.get(g.reviewer) ?? NaN;
      if (Number.isNaN(reviewer)) throw new CoordsimError('E_REFERENCE', `unknown reviewer '${g.reviewer}'`, { path: `${path}/reviewer` });
    }
    const o = g.outcomes ?? {};
    const pRemediate = o.remediate ?? 0;
    const pFail = o.fail ?? 0;
    return {
      id: g.id,
      index,
      node: T + index,
      name: g.name ?? g.id,
      after,
      assesses,
      reviewer,
      review: dist(g.review ?? 0, `${path}/review`),
      pPass: o.pass ?? 1 - pRemediate - pFail,
      pRemediate,
      pFail,
      remediationEffort: g.remediation ? dist(g.remediation.effort, `${path}/remediation/effort`) : null,
      remediationBlocking: g.remediation?.blocking ?? true,
      reworkFraction: dist(g.rework?.fraction ?? 1, `${path}/rework/fraction`),
      maxRounds: g.max_rounds ?? 3,
    };
  });

  const risks: RiskModel[] = (s.risks ?? []).map((r, i) => ({
    id: r.id,
    description: r.description ?? r.id,
    task: node(r.task, `/risks/${i}/task`),
    probability: r.probability,
    delay: r.delay !== undefined ? dist(r.delay, `/risks/${i}/delay`) : null,
    work: r.work !== undefined ? dist(r.work, `/risks/${i}/work`) : null,
  }));

  const N = T + gates.length;
  // Links in the order they are made, then grouped by their predecessor (a stable counting
  // sort): each node's successors in that order, as views into one array per field.
  const from: number[] = [];
  const to: number[] = [];
  const types: number[] = [];
  const lags: number[] = [];
  const predecessorCount = new Int32Array(N);
  let linkTypes = false;
  const link = (p: number, n: number, type: number, lag: number) => {
    from.push(p);
    to.push(n);
    types.push(type);
    lags.push(lag);
    predecessorCount[n]++;
    if (type !== LINK_FS || lag !== 0) linkTypes = true;
  };
  s.tasks.forEach((t, i) => {
    if (t.after === undefined) return;
    const preds = tasks[i].after;
    t.after.forEach((e, k) => {
      if (typeof e === 'string') link(preds[k], i, LINK_FS, 0);
      else link(preds[k], i, LINK_TYPES.indexOf(e.type ?? 'FS'), e.lag ?? 0);
    });
  });
  existenceRisks.forEach((r, i) => {
    const spec = s.existence_risks![i];
    tasks[r.task].after.forEach((p) => link(p, r.task, LINK_FS, 0));
    // Its successors: tasks (in `before` order), then gates, as for any node.
    const before = (spec.before ?? []).map((id, k) => node(id, `/existence_risks/${i}/before/${k}`));
    for (const b of before) {
      if (b < T) {
        tasks[b].after.push(r.task);
        link(r.task, b, LINK_FS, 0);
      } else gates[b - T].after.push(r.task);
    }
  });
  gates.forEach((g) => g.after.forEach((p) => link(p, g.node, LINK_FS, 0)));
  sched.schedule.timed ||= linkTypes;
  const E = from.length;
  const start = new Int32Array(N + 1);
  for (let e = 0; e < E; e++) start[from[e] + 1]++;
  for (let n = 0; n < N; n++) start[n + 1] += start[n];
  const succTo = new Int32Array(E);
  const succType = new Int8Array(E);
  const succLag = new Float64Array(E);
  const fill = start.slice(0, N);
  for (let e = 0; e < E; e++) {
    const k = fill[from[e]]++;
    succTo[k] = to[e];
    succType[k] = types[e];
    succLag[k] = lags[e];
  }
  const links = lazyLinkViews(start, succTo, succType, succLag);

  // Null prototype: a lookup by a user's name ('constructor', 'toString') finds only strategies.
  const strategies: Record<string, StrategyModel> = Object.create(null) as Record<string, StrategyModel>;
  const names: string[] = [];
  const dispatchOf = (spec: StrategySpec, path: string): Pick<StrategyModel, 'dispatch' | 'pick'> => ({
    dispatch: compileDispatch(spec.dispatch ?? s.dispatch, spec.dispatch !== undefined ? `${path}/dispatch` : '/dispatch', nodeIndex, T),
    pick: spec.pick ?? s.pick ?? 'first',
  });
  for (const [name, spec] of Object.entries(s.strategies ?? {})) {
    strategies[name] = { ...compileStrategy(name, spec, agents, orchestrator.capacity, dist), ...dispatchOf(spec, `/strategies/${name}`) };
    names.push(name);
  }
  for (const b of ['ideal', 'sequential'] as const) {
    if (!strategies[b]) {
      const spec: StrategySpec = { topology: b };
      strategies[b] = { ...compileStrategy(b, spec, agents, orchestrator.capacity, dist), ...dispatchOf(spec, `/strategies/${b}`) };
      names.push(b);
    }
  }
  const defaultStrategy = s.strategy ?? names[0];
  if (!strategies[defaultStrategy]) {
    throw new CoordsimError('E_REFERENCE', `default strategy '${defaultStrategy}' is not defined`, { path: '/strategy' });
  }
  return {
    name: s.name,
    description: s.description ?? '',
    timeUnit: s.time_unit,
    unitsPerWeek: s.units_per_week ?? UNITS_PER_WEEK[s.time_unit],
    deadline: sched.deadline,
    agents,
    orchestrator,
    tasks,
    gates,
    risks,
    branches: compileBranches(s, node, sched.schedule.clock),
    existenceRisks,
    drivers: (s.risk_drivers ?? []).map((d, i) => ({
      id: d.id,
      description: d.description ?? d.id,
      probability: d.probability,
      factor: dist(d.factor, `/risk_drivers/${i}/factor`),
      tasks: d.tasks.map((id, k) => node(id, `/risk_drivers/${i}/tasks/${k}`)),
    })),
    correlations: (s.correlations ?? []).map((c, i) => ({
      tasks: c.tasks.map((id, k) => node(id, `/correlations/${i}/tasks/${k}`)),
      rho: c.rho,
    })),
    get successors() {
      return links().successors;
    },
    get successorType() {
      return links().successorType;
    },
    get successorLag() {
      return links().successorLag;
    },
    schedule: sched.schedule,
    predecessorCount,
    strategies,
    strategyNames: names,
    defaultStrategy,
    skills,
    cost: compileCost(s, dist),
    units,
  };
}

/** The demands of a task given by `agents` or `needs` (references were checked by validation; this guards code-built scenarios). */
function compileDemands(t: TaskSpec, path: string, agentIndex: Map<string, number>, skillId: (name: string) => number): DemandModel[] {
  const agent = (id: string, at: string): number => {
    const a = agentIndex.get(id);
    if (a === undefined) throw new CoordsimError('E_REFERENCE', `unknown agent '${id}'`, { path: at });
    return a;
  };
  if (t.agents !== undefined) return t.agents.map((id, k) => ({ agent: agent(id, `${path}/agents/${k}`), skill: -1, units: t.units ?? 1, split: false }));
  return (t.needs ?? []).map((n, k) =>
    n.agent !== undefined
      ? { agent: agent(n.agent, `${path}/needs/${k}/agent`), skill: -1, units: n.units ?? 1, split: false }
      : { agent: -1, skill: skillId(n.skill ?? ''), units: n.units ?? 1, split: true },
  );
}

/** The scenario's branches with ids resolved (validation has checked their shape). */
function compileBranches(s: Scenario, node: (id: string, path: string) => number, clock: ProjectClock | null): BranchModel[] {
  return (s.branches ?? []).map((b, i) => {
    const probabilistic = b.paths.some((p) => p.probability !== undefined);
    const paths = b.paths.map((p, k) => {
      const at = `/branches/${i}/paths/${k}`;
      const fa = p.when?.finish_after;
      if (typeof fa === 'string' && clock === null) throw new CoordsimError('E_PARAM', `branch '${b.id}': 'finish_after' is a date but the scenario has no start`, { path: `${at}/when/finish_after` });
      return {
        name: p.name ?? `path-${k + 1}`,
        probability: p.probability ?? NaN,
        conditional: p.when !== undefined,
        finishAfter: fa === undefined ? null : typeof fa === 'number' ? fa : clock!.parseTime(fa, 'end', `${at}/when/finish_after`),
        gateOutcome: p.when?.gate_outcome === undefined ? -1 : BRANCH_GATE_OUTCOMES.indexOf(p.when.gate_outcome),
        tasks: (p.tasks ?? []).map((id, j) => node(id, `${at}/tasks/${j}`)),
      };
    });
    const last = paths.length - 1;
    return {
      id: b.id,
      description: b.description ?? b.id,
      node: node(b.after, `/branches/${i}/after`),
      kind: probabilistic ? ('probability' as const) : ('condition' as const),
      paths,
      nominal: probabilistic ? 0 : paths[last].conditional ? -1 : last,
    };
  });
}

/** Node numbers by id. */
interface NodeLookup {
  get(id: string): number | undefined;
}

/**
 * Node numbers from validation's index: file task i is i, existence risk i's task T0 + i (once
 * added: `risksAdded` of them are), gate i T0 + E0 + i; anything else is no node.
 */
function indexedNodes(ix: ScenarioIndex, T0: number, E0: number, risksAdded: () => number): NodeLookup {
  return {
    get: (id) => {
      const n = ix.nodes.get(id);
      if (n === undefined) return undefined;
      if (n.collection === 'tasks') return n.index;
      if (n.collection === 'gates') return T0 + E0 + n.index;
      if (n.collection === 'existence_risks') return n.index < risksAdded() ? T0 + n.index : undefined;
      return undefined;
    },
  };
}
