import fc from 'fast-check';
import type { Scenario } from '../scenario/Scenario.js';
import { distributionArbitrary, gridValue } from './distributionArbitrary.js';
import { buildScenario, type ScenarioGenes } from './_internals/buildScenario.js';
import { resolveScenarioConstraints, type ScenarioConstraints } from './ScenarioConstraints.js';
import { strategyGeneArbitrary } from './strategyArbitrary.js';

const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

/**
 * Valid scenarios (every one passes `parseScenario`): agents with skills, capacities and
 * teams; a random dependency DAG (edges only from earlier to later tasks, gates in between);
 * tasks fixed to an agent or by a skill some agent has; every distribution family; gates with
 * pass / remediate / fail outcomes, blocking or parallel remediation, rework fractions and
 * round bounds; risks; and user strategies of every topology and mechanism. Shrinks towards
 * fewer, simpler elements.
 */
export function scenarioArbitrary(constraints: ScenarioConstraints = {}): fc.Arbitrary<Scenario> {
  const c = resolveScenarioConstraints(constraints);
  const dist = (max: number) => distributionArbitrary({ max, families: c.families });
  // A rework fraction is a share (<= 1): only bounded families.
  const bounded = c.families.filter((f) => f !== 'lognormal' && f !== 'normal');
  const fraction = distributionArbitrary({ max: 1, families: bounded.length ? bounded : ['constant'] });
  const agent = fc.record({
    skills: fc.subarray(['s0', 's1', 's2']),
    capacity: opt(fc.integer({ min: 1, max: c.maxCapacity })),
    team: opt(fc.constantFrom('red', 'blue')),
  });
  const task = fc.record({
    pick: fc.nat(),
    bySkill: fc.boolean(),
    duration: dist(c.maxDuration),
    preds: fc.array(fc.nat(), { maxLength: c.maxPredecessors }),
    gatePred: opt(fc.nat()),
    priority: opt(fc.integer({ min: -1, max: 2 })),
  });
  const gate = fc.record({
    pos: fc.nat(),
    after: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
    afterGate: opt(fc.nat()),
    assesses: opt(fc.array(fc.nat(), { minLength: 1, maxLength: 2 })),
    reviewer: opt(fc.nat()),
    review: opt(dist(2)),
    outcomes: opt(fc.tuple(fc.nat(4), fc.nat(4), fc.nat(4), fc.boolean())),
    remediation: fc.record({ effort: dist(2), blocking: opt(fc.boolean()) }),
    keepRemediation: fc.boolean(),
    fraction: opt(opt(fraction)),
    maxRounds: opt(fc.integer({ min: 1, max: c.maxRounds })),
  });
  const risk = fc.record({
    task: fc.nat(),
    probability: fc.oneof(fc.constantFrom(0, 1), gridValue(0, 1)),
    delay: opt(dist(c.maxDuration / 2)),
    work: opt(dist(c.maxDuration / 2)),
  });
  const genes: fc.Arbitrary<ScenarioGenes> = fc.record({
    timeUnit: fc.constantFrom('hour', 'day', 'week') as fc.Arbitrary<Scenario['time_unit']>,
    deadline: opt(gridValue(0, 4 * c.maxDuration)),
    orchestrator: opt(fc.record({ id: opt(fc.constantFrom('orchestrator', 'lead')), capacity: opt(fc.integer({ min: 1, max: 2 })) })),
    agents: fc.array(agent, { minLength: c.minAgents, maxLength: c.maxAgents }),
    tasks: fc.array(task, { minLength: c.minTasks, maxLength: c.maxTasks }),
    gates: fc.array(gate, { maxLength: c.maxGates }),
    risks: fc.array(risk, { maxLength: c.maxRisks }),
    correlation: opt(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: -9, max: 9 }))),
    strategies: fc.array(strategyGeneArbitrary(c), { maxLength: c.maxStrategies }),
    defaultStrategy: opt(fc.nat()),
  });
  return genes.map(buildScenario);
}

/** One run to simulate: a scenario, one of its strategies (built-ins included), a seed and a run index. */
export interface RunCase {
  scenario: Scenario;
  strategy: string;
  seed: number;
  run: number;
}

/** Strategy names of a scenario as `compileModel` lists them: its own, then the built-ins it does not redefine. */
export function strategyNames(s: Scenario): string[] {
  const own = Object.keys(s.strategies ?? {});
  return [...own, ...['ideal', 'sequential'].filter((b) => !own.includes(b))];
}

/** Seeds and run indices to replay a run with (`coordsim run --seed S --run i`). */
export function seedArbitrary(): fc.Arbitrary<{ seed: number; run: number }> {
  return fc.record({ seed: fc.integer({ min: 0, max: 1_000_000 }), run: fc.nat(99) });
}

/**
 * Run cases over generated scenarios (or over one fixed scenario of the user's): every
 * strategy of the scenario is reachable, with any seed and run index.
 */
export function runCaseArbitrary(source: ScenarioConstraints | Scenario = {}): fc.Arbitrary<RunCase> {
  const scenarios = 'tasks' in source ? fc.constant(source as Scenario) : scenarioArbitrary(source as ScenarioConstraints);
  return fc.tuple(scenarios, fc.nat(), seedArbitrary()).map(([scenario, k, { seed, run }]) => {
    const names = strategyNames(scenario);
    return { scenario, strategy: names[k % names.length], seed, run };
  });
}
