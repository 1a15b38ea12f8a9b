import { compileModel } from '../../src/engine/compileModel.js';
import type { Model } from '../../src/engine/Model.js';
import type { Scenario } from '../../src/scenario/Scenario.js';

/** n independent tasks on n agents with uniform(0, 1) durations: under `ideal` the makespan is the max, mean n/(n+1). */
export function uniformMax(n: number): Scenario {
  return {
    name: `max of ${n} uniforms`,
    time_unit: 'day',
    agents: Array.from({ length: n }, (_, i) => ({ id: `a${i}` })),
    tasks: Array.from({ length: n }, (_, i) => ({ id: `t${i}`, agent: `a${i}`, duration: { uniform: [0, 1] as [number, number] } })),
    strategy: 'ideal',
  };
}

/** A small project with every mechanism but no randomness at all (constant durations, sure gate, no escalation). */
export function certain(): Scenario {
  return {
    name: 'certain',
    time_unit: 'day',
    deadline: 10,
    agents: [{ id: 'a' }, { id: 'b' }],
    tasks: [
      { id: 'x', agent: 'a', duration: 2 },
      { id: 'y', agent: 'b', duration: 3, after: ['x'] },
      { id: 'z', agent: 'a', duration: 1, after: ['g'] },
    ],
    gates: [{ id: 'g', after: ['y'], review: 0.5, outcomes: { pass: 1 } }],
    strategy: 'hub',
    strategies: { hub: { topology: 'hub', handoff: { effort: 0.25 }, status: { every: 1, effort: 0.05 }, checkpoint: { every: 2, duration: 0.1 } } },
  };
}

/** A random project: each task fixed to an agent, depending on up to three earlier tasks, PERT durations. */
export function randomProject(tasks: number, agents: number, correlations: Scenario['correlations'] = []): Scenario {
  let s = 12345;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  return {
    name: `random ${tasks} x ${agents}`,
    time_unit: 'day',
    deadline: tasks * 2,
    agents: Array.from({ length: agents }, (_, i) => ({ id: `a${i}` })),
    tasks: Array.from({ length: tasks }, (_, i) => {
      const lo = 1 + Math.floor(rnd() * 4);
      const mode = lo + 1 + Math.floor(rnd() * 3);
      const after = [...new Set(Array.from({ length: Math.min(i, Math.floor(rnd() * 4)) }, () => `t${Math.floor(rnd() * i)}`))];
      return { id: `t${i}`, agent: `a${Math.floor(rnd() * agents)}`, duration: { pert: [lo, mode, mode + 2 + Math.floor(rnd() * 4)] as [number, number, number] }, after };
    }),
    correlations,
    strategy: 'hub',
    strategies: {
      hub: { topology: 'hub', handoff: { effort: { pert: [0.1, 0.2, 0.4] } }, checkpoint: { every: 5, duration: 0.2 }, escalation: { probability: 0.2, delay: 0.5 } },
      'hub-copy': { topology: 'hub', handoff: { effort: { pert: [0.1, 0.2, 0.4] } }, checkpoint: { every: 5, duration: 0.2 }, escalation: { probability: 0.2, delay: 0.5 } },
      mesh: { topology: 'mesh', handoff: { effort: 0.2 }, status: { every: 1, effort: 0.01, per_peer: 0.01 } },
    },
  };
}

export const compiled = (s: Scenario): Model => compileModel(s);
