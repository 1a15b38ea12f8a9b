import type { Scenario } from '../../src/scenario/Scenario.js';

/**
 * A tiny project for property tests (about 10 µs a run): two agents, a dependency, a gate that
 * can send work back, a risk and two strategies, so every summary part is exercised.
 */
export function tinyProject(): Scenario {
  return {
    name: 'tiny',
    time_unit: 'day',
    deadline: 6,
    agents: [{ id: 'a' }, { id: 'b' }],
    tasks: [
      { id: 'x', agent: 'a', duration: { pert: [1, 2, 4] } },
      { id: 'y', agent: 'b', duration: { triangular: [1, 2, 3] }, after: ['x'] },
      { id: 'z', agent: 'a', duration: { uniform: [0.5, 1.5] }, after: ['g'] },
    ],
    gates: [{ id: 'g', after: ['y'], assesses: ['y'], review: 0.2, outcomes: { pass: 0.8, remediate: 0.2 }, remediation: { effort: 0.3 }, max_rounds: 3 }],
    risks: [{ id: 'r', task: 'x', probability: 0.3, delay: { uniform: [0.5, 1] } }],
    correlations: [{ tasks: ['x', 'y'], rho: 0.5 }],
    strategy: 'hub',
    strategies: {
      hub: { topology: 'hub', handoff: { effort: { uniform: [0.1, 0.3] } }, checkpoint: { every: 2, duration: 0.1 } },
      mesh: { topology: 'mesh', handoff: { effort: 0.2 }, status: { every: 1, effort: 0.02 } },
    },
  };
}

/**
 * `tinyProject` with dates, a working calendar, rates, a fixed cost and a budget, so shard
 * parts carry every cost and date summary.
 */
export function costedDatedProject(): Scenario {
  const s = tinyProject();
  return {
    ...s,
    name: 'tiny, costed and dated',
    start: '2027-01-04',
    calendars: { office: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], holidays: ['2027-01-06'] } },
    calendar: 'office',
    currency: 'EUR',
    budget: 5000,
    orchestrator: { rate: 300 },
    agents: [
      { id: 'a', rate: 400 },
      { id: 'b', rate: 250 },
    ],
    tasks: s.tasks.map((t) => (t.id === 'y' ? { ...t, cost: { pert: [200, 300, 600] }, deadline: '2027-01-12' } : t)),
  } as Scenario;
}
