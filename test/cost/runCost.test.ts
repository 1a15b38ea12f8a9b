import { describe, expect, test } from 'vitest';
import { compileModel } from '../../src/engine/compileModel.js';
import { simulate } from '../../src/engine/simulate.js';
import { validateScenario } from '../../src/scenario/validateScenario.js';
import type { Scenario } from '../../src/scenario/Scenario.js';

const scenario = (s: object): Scenario => validateScenario({ name: 'hand', time_unit: 'day', ...s });
const run = (s: Scenario, strategy?: string) => simulate(compileModel(s), { strategy, seed: 1 }).metrics;

/** Two agents, t1 on a then t2 on b: every cost below is worked out from the timeline by hand. */
const twoTasks = {
  currency: 'EUR',
  agents: [
    { id: 'a', rate: 10 },
    { id: 'b', rate: 20 },
  ],
  orchestrator: { rate: 5 },
  tasks: [
    { id: 't1', agent: 'a', duration: 1.5 },
    { id: 't2', agent: 'b', duration: 1, after: ['t1'] },
  ],
};

describe('runCost: constant-duration scenarios against hand-worked timelines', () => {
  test('hub: the orchestrator pays the handoff (t1 0-1.5, handoff 1.5-2, t2 2-3)', () => {
    const m = run(scenario({ ...twoTasks, strategies: { hub: { topology: 'hub', handoff: { effort: 0.5 } } } }));
    expect(m.makespan).toBe(3);
    expect(m.cost).toEqual({
      total: 15 + 20 + 2.5,
      byAgent: { a: 15, b: 20, orchestrator: 2.5 },
      byKind: { work: 35, coordination: 2.5, fixed: 0, risk: 0 },
      currency: 'EUR',
    });
  });

  test('mesh with status updates: the receiver pays the handoff and every engaged agent reports', () => {
    // t1 on a from 0, length 1.5; the update at 1 (0.25 + 1 peer × 0.25) moves its end to 2;
    // at 2 t1 ends first and a, done, misses the update; b pays the handoff 2-2.5 and starts
    // t2 (2.5-3.5); b reports at 3 (0.5), so t2 ends at 4. a: work 1.5 + status 0.5; b: work 1
    // + handoff 0.5 + status 0.5.
    const m = run(
      scenario({ ...twoTasks, strategies: { mesh: { topology: 'mesh', handoff: { effort: 0.5 }, status: { every: 1, effort: 0.25, per_peer: 0.25 } } } }),
    );
    expect(m.makespan).toBe(4);
    expect(m.coordinationByKind).toMatchObject({ handoff: 0.5, status: 1 });
    expect(m.cost).toMatchObject({ total: 60, byAgent: { a: 20, b: 40, orchestrator: 0 }, byKind: { work: 35, coordination: 25, fixed: 0, risk: 0 } });
  });

  test('sequential: work only, whatever the strategy would have coordinated', () => {
    const m = run(scenario({ ...twoTasks, strategies: { mesh: { topology: 'mesh', handoff: { effort: 0.5 } } } }), 'sequential');
    expect(m.makespan).toBe(2.5);
    expect(m.cost).toMatchObject({ total: 35, byKind: { work: 35, coordination: 0 } });
  });

  test('hub checkpoint: each slot of the agent pays the meeting, the orchestrator attends', () => {
    // t1 on a (capacity 2) from 0, length 3; the checkpoint at 2 (0.5) extends it to 3.5; the
    // one at 4 finds nobody engaged. a: work 3 + 2 slots × 0.5; orchestrator: 0.5.
    const s = scenario({
      agents: [{ id: 'a', rate: 10, capacity: 2 }],
      orchestrator: { rate: 4 },
      tasks: [{ id: 't1', agent: 'a', duration: 3 }],
      strategies: { hub: { topology: 'hub', checkpoint: { every: 2, duration: 0.5 } } },
    });
    const m = run(s);
    expect(m.makespan).toBe(3.5);
    expect(m.cost).toMatchObject({ total: 42, byAgent: { a: 40, orchestrator: 2 }, byKind: { work: 30, coordination: 12 } });
  });

  test('a risk delay costs the held agent its rate, and the risk its own cost; task costs are fixed', () => {
    const s = scenario({
      budget: 100,
      agents: [{ id: 'a', rate: 10 }],
      tasks: [{ id: 't1', agent: 'a', duration: 2, cost: 7 }],
      risks: [{ id: 'r', task: 't1', probability: 1, delay: 1, cost: 50 }],
    });
    const m = run(s);
    expect(m.makespan).toBe(3);
    expect(m.cost).toEqual({
      total: 20 + 7 + 10 + 50,
      byAgent: { a: 30, orchestrator: 0 },
      byKind: { work: 20, coordination: 0, fixed: 7, risk: 60 },
      budget: 100,
      metBudget: true,
    });
  });

  test('a risk that does not occur costs nothing (and a risk may have a cost only)', () => {
    const s = scenario({ agents: [{ id: 'a' }], tasks: [{ id: 't1', agent: 'a', duration: 2 }], risks: [{ id: 'r', task: 't1', probability: 0, cost: 50 }] });
    expect(run(s).cost).toMatchObject({ total: 0, byKind: { risk: 0 } });
  });
});

describe('runCost: tokens', () => {
  const prices = { input: 2, output: 4 }; // per million
  // Handoffs read by the orchestrator; a's work writes and reads, b's only reads, at its own price.
  const tokenPlan = {
    ...twoTasks,
    token_prices: prices,
    orchestrator: { rate: 5, tokens: { handoff: { input: 2e6, output: 1e5, input_per_act: 1e6, output_per_act: 5e4 } } },
    agents: [
      { id: 'a', rate: 10, tokens: { work: { input: 1e6, output: 2e5 } } },
      { id: 'b', rate: 20, tokens: { work: { input: 1e6 } }, token_prices: { input: 10 } },
    ],
  };
  test('hub: the orchestrator reads the handoff per unit of its length and per act', () => {
    const s = scenario({ ...tokenPlan, strategies: { hub: { topology: 'hub', handoff: { effort: 0.5 } } } });
    const c = run(s).cost!;
    // orchestrator: 0.5 × 2e6 + 1e6 = 2e6 in, 0.5 × 1e5 + 5e4 = 1e5 out → 2 × 2 + 0.1 × 4 = 4.4
    // a: 1.5 days of work: 1.5e6 in, 3e5 out → 3 + 1.2 = 4.2; b: 1e6 in at 10 → 10 (its own price, output 0)
    expect(c.tokens!.byAgent).toEqual({ a: { input: 1.5e6, output: 3e5 }, b: { input: 1e6, output: 0 }, orchestrator: { input: 2e6, output: 1e5 } });
    expect(c.tokens!.byKind.handoff).toEqual({ input: 2e6, output: 1e5 });
    expect(c.tokens!.byKind.work).toEqual({ input: 2.5e6, output: 3e5 });
    expect(c.tokens!.input).toBe(4.5e6);
    expect(c.tokens!.cost).toBeCloseTo(4.4 + 4.2 + 10, 12);
    expect(c.byAgent.orchestrator).toBeCloseTo(2.5 + 4.4, 12);
    expect(c.byKind.coordination).toBeCloseTo(2.5 + 4.4, 12);
    expect(c.byKind.work).toBeCloseTo(35 + 4.2 + 10, 12);
  });

  test('a strategy tokens.factor multiplies every token count and token cost, and nothing else', () => {
    const base = tokenPlan;
    const hub = { topology: 'hub', handoff: { effort: 0.5 } };
    const plain = run(scenario({ ...base, strategies: { hub } })).cost!;
    const one = run(scenario({ ...base, strategies: { hub: { ...hub, tokens: { factor: 1 } } } })).cost!;
    const triple = run(scenario({ ...base, strategies: { hub: { ...hub, tokens: { factor: 3 } } } })).cost!;
    expect(one).toEqual(plain);
    // The hand-computed figures of the test above, times 3: tokens 4.5e6 → 13.5e6 in; token cost 18.6 → 55.8.
    expect(triple.tokens!.input).toBe(13.5e6);
    expect(triple.tokens!.byAgent.orchestrator).toEqual({ input: 6e6, output: 3e5 });
    expect(triple.tokens!.cost).toBeCloseTo(3 * (4.4 + 4.2 + 10), 12);
    // Rates are untouched: the total grows by exactly twice the plain token cost.
    expect(triple.total - plain.total).toBeCloseTo(2 * plain.tokens!.cost, 9);
  });

  test('mesh: status updates and handoffs are acts of the agent that makes them', () => {
    const perAct = { input_per_act: 1e6 };
    const s = scenario({
      ...twoTasks,
      token_prices: { input: 1 },
      agents: [
        { id: 'a', tokens: { status: perAct, handoff: perAct } },
        { id: 'b', tokens: { status: perAct, handoff: perAct } },
      ],
      strategies: { mesh: { topology: 'mesh', handoff: { effort: 0.5 }, status: { every: 1, effort: 0.25, per_peer: 0.25 } } },
    });
    const c = run(s).cost!;
    // Timeline of the mesh test above: a reports once; b pays one handoff and reports once.
    expect(c.tokens!.byAgent).toEqual({ a: { input: 1e6, output: 0 }, b: { input: 2e6, output: 0 }, orchestrator: { input: 0, output: 0 } });
    expect(c.tokens!.byKind.status.input).toBe(2e6);
    expect(c.total).toBe(3);
  });

  test('checkpoints: tokens per unit of meeting time (slots × length) and per attendance', () => {
    const s = scenario({
      token_prices: { input: 1 },
      agents: [{ id: 'a', capacity: 2, tokens: { checkpoint: { input: 1e6, input_per_act: 1e5 } } }],
      orchestrator: { tokens: { checkpoint: { input: 1e6, input_per_act: 1e5 } } },
      tasks: [{ id: 't1', agent: 'a', duration: 3 }],
      strategies: { hub: { topology: 'hub', checkpoint: { every: 2, duration: 0.5 } } },
    });
    const c = run(s).cost!;
    expect(c.tokens!.byAgent.a.input).toBeCloseTo(1e6 * 1 + 1e5, 6);
    expect(c.tokens!.byAgent.orchestrator.input).toBeCloseTo(1e6 * 0.5 + 1e5, 6);
  });
});
