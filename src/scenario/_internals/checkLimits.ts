import type { DistributionSpec } from '../../sim/distributions/Distribution.js';
import { MAX_UNITS_PER_WEEK, SCENARIO_LIMITS as L } from '../limits.js';
import type { Scenario } from '../Scenario.js';
import { distributionPath, forEachDistribution } from './distributionSpecs.js';
import type { Fail } from './fail.js';
import type { Path } from './pointer.js';

/**
 * Checks that a schema-valid scenario stays within the ranges the engine honours
 * (`SCENARIO_LIMITS`, docs/scenario-format.md "Limits"): how many agents, tasks, gates, risks
 * and correlated tasks; capacities; gate rounds; and the size of every time. Sizes and counts
 * fail with E_SCHEMA, distribution parameters with E_PARAM. Runs before the other checks, so
 * none of them meets a scenario too large to check quickly.
 */
export function checkLimits(s: Scenario, fail: Fail): void {
  const count = (n: number, max: number, what: string, path: Path) => {
    if (n > max) fail('E_SCHEMA', `expected at most ${shown(max)} ${what}, found ${n.toLocaleString('en-US')} (see Limits in docs/scenario-format.md)`, path);
  };
  count(s.agents.length, L.maxAgents, 'agents', ['agents']);
  count(s.tasks.length + (s.gates?.length ?? 0), L.maxNodes, 'tasks and gates', ['tasks']);
  count(s.risks?.length ?? 0, L.maxRisks, 'risks', ['risks']);

  const time = (x: number | undefined, path: Path, what: string) => {
    if (x !== undefined && x > L.maxTime) fail('E_SCHEMA', `expected ${what} of at most ${shown(L.maxTime)} time units, found ${x} (see Limits in docs/scenario-format.md)`, path);
  };
  time(typeof s.deadline === 'number' ? s.deadline : undefined, ['deadline'], 'a deadline');
  const upw = s.units_per_week;
  if (upw !== undefined && upw > MAX_UNITS_PER_WEEK[s.time_unit]) {
    fail('E_SCHEMA', `expected at most ${MAX_UNITS_PER_WEEK[s.time_unit]} ${s.time_unit}s per week (a calendar week), found ${upw}`, ['units_per_week']);
  }

  const capacity = (c: number | undefined, path: Path) => {
    if (c !== undefined && c > L.maxCapacity) fail('E_SCHEMA', `expected a capacity of at most ${shown(L.maxCapacity)}, found ${c} (see Limits in docs/scenario-format.md)`, path);
  };
  let slots = 0;
  s.agents.forEach((a, i) => {
    // An unlimited agent has one slot per task it may run: counted with the tasks below.
    const c = a.capacity === 'unlimited' ? undefined : a.capacity;
    capacity(c, ['agents', i, 'capacity']);
    slots += c ?? 1;
  });
  capacity(s.orchestrator?.capacity, ['orchestrator', 'capacity']);
  let orchestratorSlots = s.orchestrator?.capacity ?? 1;
  for (const [name, st] of Object.entries(s.strategies ?? {})) {
    capacity(st.orchestrator_capacity, ['strategies', name, 'orchestrator_capacity']);
    orchestratorSlots = Math.max(orchestratorSlots, st.orchestrator_capacity ?? 0);
    for (const key of ['status', 'checkpoint'] as const) {
      const every = st[key]?.every;
      if (every === undefined) continue;
      const path = ['strategies', name, key, 'every'];
      if (every < L.minPeriod) fail('E_SCHEMA', `expected a period of at least ${shown(L.minPeriod)} time units, found ${every} (see Limits in docs/scenario-format.md)`, path);
      time(every, path, 'a period');
    }
    time(st.checkpoint?.offset, ['strategies', name, 'checkpoint', 'offset'], 'an offset');
  }
  if (slots + orchestratorSlots > L.maxTotalCapacity) {
    fail('E_SCHEMA', `expected capacities summing to at most ${shown(L.maxTotalCapacity)} (agents and orchestrator), found ${(slots + orchestratorSlots).toLocaleString('en-US')}`, ['agents']);
  }

  // Which ids in the gates' `after` lists are tasks (not gates): asked of those ids only.
  let taskIds: Set<string> | null = null;
  const isTask = (id: string): boolean => {
    if (taskIds === null) {
      const wanted = new Set((s.gates ?? []).flatMap((g) => (g.assesses === undefined ? g.after : [])));
      taskIds = new Set();
      for (const t of s.tasks) if (wanted.has(t.id)) taskIds.add(t.id);
    }
    return taskIds.has(id);
  };
  let draws = 0;
  (s.gates ?? []).forEach((g, i) => {
    const rounds = g.max_rounds ?? 3;
    if (rounds > L.maxRounds) fail('E_SCHEMA', `expected max_rounds of at most ${shown(L.maxRounds)}, found ${rounds} (see Limits in docs/scenario-format.md)`, ['gates', i, 'max_rounds']);
    draws += rounds * (g.assesses ?? g.after.filter(isTask)).length;
    if (draws > L.maxGateDraws) {
      fail('E_SCHEMA', `expected gates whose max_rounds × assessed tasks sum to at most ${shown(L.maxGateDraws)}, found ${draws.toLocaleString('en-US')} up to this gate (lower max_rounds)`, ['gates', i, 'max_rounds']);
    }
  });

  const correlated = new Set<string>();
  const groups = s.correlations ?? [];
  count(groups.length, L.maxCorrelationGroups, 'correlation groups', ['correlations']);
  groups.forEach((c, i) => {
    c.tasks.forEach((id) => correlated.add(id));
    count(correlated.size, L.maxCorrelatedTasks, 'correlated tasks', ['correlations', i, 'tasks']);
  });

  forEachDistribution(s, (spec, a, b, c, d) => checkSpec(spec, () => distributionPath(a, b, c, d), fail));
}

/** A limit as the docs write it: 1e9, 0.001, 10,000. */
function shown(x: number): string {
  return x >= 1e6 ? x.toExponential().replace('e+', 'e') : x.toLocaleString('en-US', { maximumSignificantDigits: 15 });
}

/** Every number of a distribution is a time of at most `maxTime` (a discrete weight at most `maxWeight`). */
function checkSpec(spec: DistributionSpec, path: () => Path, fail: Fail): void {
  // Negative values are the families' to refuse (checkParameters), with their own messages.
  const over = (x: unknown, max: number) => typeof x === 'number' && x > max;
  const refuse = (x: unknown, at: Path, max: number, what: string): never =>
    fail('E_PARAM', `expected ${what} of at most ${shown(max)}, found ${x as number} (see Limits in docs/scenario-format.md)`, at);
  if (typeof spec === 'number') {
    if (over(spec, L.maxTime)) refuse(spec, path(), L.maxTime, 'a time');
    return;
  }
  let key: string | undefined;
  for (const k in spec) {
    if (Object.hasOwn(spec, k)) {
      key = k;
      break;
    }
  }
  if (key === undefined) return;
  const params: unknown = (spec as Record<string, unknown>)[key];
  if (key === 'discrete' && Array.isArray(params)) {
    params.forEach((pair: unknown, k) => {
      if (!Array.isArray(pair)) return;
      if (over(pair[0], L.maxTime)) refuse(pair[0], [...path(), key, k, 0], L.maxTime, 'a time');
      if (over(pair[1], L.maxWeight)) refuse(pair[1], [...path(), key, k, 1], L.maxWeight, 'a weight');
    });
  } else if (Array.isArray(params)) {
    for (let k = 0; k < params.length; k++) if (over(params[k], L.maxTime)) refuse(params[k], [...path(), key, k], L.maxTime, 'a time');
  } else if (params !== null && typeof params === 'object') {
    for (const [name, x] of Object.entries(params)) if (over(x, L.maxTime)) refuse(x, [...path(), key, name], L.maxTime, 'a time');
  }
}
