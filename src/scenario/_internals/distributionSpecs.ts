import type { DistributionSpec } from '../../sim/distributions/Distribution.js';
import type { Scenario } from '../Scenario.js';
import type { Path } from './pointer.js';

/** One distribution written in a scenario, and where. */
export interface DistributionAt {
  spec: DistributionSpec;
  path: Path;
}

/** Every distribution a scenario holds, in document order of its sections. */
export function distributionSpecs(s: Scenario): DistributionAt[] {
  const out: DistributionAt[] = [];
  const add = (spec: DistributionSpec | undefined, ...path: Array<string | number>) => {
    if (spec !== undefined) out.push({ spec, path });
  };
  s.tasks.forEach((t, i) => add(t.duration, 'tasks', i, 'duration'));
  (s.gates ?? []).forEach((g, i) => {
    add(g.review, 'gates', i, 'review');
    add(g.remediation?.effort, 'gates', i, 'remediation', 'effort');
    add(g.rework?.fraction, 'gates', i, 'rework', 'fraction');
  });
  (s.risks ?? []).forEach((r, i) => {
    add(r.delay, 'risks', i, 'delay');
    add(r.work, 'risks', i, 'work');
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
  return out;
}
