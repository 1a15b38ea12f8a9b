import type { DistributionSpec } from '../../sim/distributions/Distribution.js';
import type { Scenario } from '../Scenario.js';
import type { Path } from './pointer.js';

/**
 * Called with each distribution a scenario holds and where it is, as the segments of its path
 * (`'tasks', 3, 'duration'`): `distributionPath` makes them a path, which only an error needs.
 */
export type DistributionVisitor = (spec: DistributionSpec, a: string, b: string | number, c: string, d?: string) => void;

/** The path of a distribution given to a `DistributionVisitor`. */
export function distributionPath(a: string, b: string | number, c: string, d?: string): Path {
  return d === undefined ? [a, b, c] : [a, b, c, d];
}

/** Visits every distribution a scenario holds, in document order of its sections. */
export function forEachDistribution(s: Scenario, visit: DistributionVisitor): void {
  const add = (spec: DistributionSpec | undefined, a: string, b: string | number, c: string, d?: string) => {
    if (spec !== undefined) visit(spec, a, b, c, d);
  };
  const tasks = s.tasks;
  for (let i = 0; i < tasks.length; i++) add(tasks[i].duration, 'tasks', i, 'duration');
  for (let i = 0; i < tasks.length; i++) add(tasks[i].cost, 'tasks', i, 'cost');
  (s.gates ?? []).forEach((g, i) => {
    add(g.review, 'gates', i, 'review');
    add(g.remediation?.effort, 'gates', i, 'remediation', 'effort');
    add(g.rework?.fraction, 'gates', i, 'rework', 'fraction');
  });
  (s.risks ?? []).forEach((r, i) => {
    add(r.delay, 'risks', i, 'delay');
    add(r.work, 'risks', i, 'work');
    add(r.cost, 'risks', i, 'cost');
  });
  (s.existence_risks ?? []).forEach((r, i) => add(r.duration, 'existence_risks', i, 'duration'));
  (s.risk_drivers ?? []).forEach((r, i) => add(r.factor, 'risk_drivers', i, 'factor'));
  for (const [id, p] of Object.entries(s.progress ?? {})) add(p.remaining, 'progress', id, 'remaining');
  for (const [name, st] of Object.entries(s.strategies ?? {})) {
    add(st.handoff?.effort, 'strategies', name, 'handoff', 'effort');
    add(st.status?.effort, 'strategies', name, 'status', 'effort');
    add(st.status?.per_peer, 'strategies', name, 'status', 'per_peer');
    add(st.checkpoint?.duration, 'strategies', name, 'checkpoint', 'duration');
    add(st.escalation?.delay, 'strategies', name, 'escalation', 'delay');
    add(st.escalation?.effort, 'strategies', name, 'escalation', 'effort');
  }
}
