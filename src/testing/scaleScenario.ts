import type { DistributionSpec } from '../sim/distributions/Distribution.js';
import { CoordsimError } from '../scenario/CoordsimError.js';
import type { Scenario, StrategySpec } from '../scenario/Scenario.js';

/** A distribution spec with every value multiplied by k (weights and shapes unchanged). */
export function scaleDistribution(spec: DistributionSpec, k: number): DistributionSpec {
  if (typeof spec === 'number') return spec * k;
  if ('uniform' in spec) return { uniform: [spec.uniform[0] * k, spec.uniform[1] * k] };
  if ('triangular' in spec) return { triangular: spec.triangular.map((x) => x * k) as [number, number, number] };
  if ('pert' in spec) return { pert: spec.pert.map((x) => x * k) as [number, number, number] };
  if ('lognormal' in spec) return { lognormal: { median: spec.lognormal.median * k, p90: spec.lognormal.p90 * k } };
  if ('normal' in spec) return { normal: { mean: spec.normal.mean * k, sd: spec.normal.sd * k } };
  return { discrete: spec.discrete.map(([v, w]) => [v * k, w] as [number, number]) };
}

/**
 * The scenario with every time quantity multiplied by k > 0: task durations, review and
 * remediation efforts, risk delays and extra work, existence risks' durations, branch
 * conditions' `finish_after` times, handoff, status, checkpoint and escalation efforts, periods
 * and offsets, and the deadline. Probabilities, rework fractions (shares of a
 * duration), capacities and priorities are unchanged, so the makespan should scale by k.
 * Powers of two keep every floating-point time exactly k times the original (but lognormal
 * draws, whose log(k·median) rounds).
 */
export function scaleScenario(s: Scenario, k: number): Scenario {
  if (!(Number.isFinite(k) && k > 0)) throw new CoordsimError('E_USAGE', `scaleScenario: expected a finite k > 0, got ${k}`);
  const d = (x: DistributionSpec) => scaleDistribution(x, k);
  const out: Scenario = structuredClone(s);
  if (typeof out.deadline === 'number') out.deadline *= k;
  for (const t of out.tasks) if (t.duration !== undefined) t.duration = d(t.duration);
  for (const g of out.gates ?? []) {
    if (g.review !== undefined) g.review = d(g.review);
    if (g.remediation) g.remediation.effort = d(g.remediation.effort);
  }
  for (const r of out.risks ?? []) {
    if (r.delay !== undefined) r.delay = d(r.delay);
    if (r.work !== undefined) r.work = d(r.work);
  }
  // Added tasks take time; a branch condition's time is a time; a driver's factor is a ratio (unchanged).
  for (const e of out.existence_risks ?? []) e.duration = d(e.duration);
  for (const b of out.branches ?? []) for (const p of b.paths) if (typeof p.when?.finish_after === 'number') p.when.finish_after *= k;
  for (const st of Object.values(out.strategies ?? {})) scaleStrategy(st, k);
  return out;
}

function scaleStrategy(st: StrategySpec, k: number): void {
  const d = (x: DistributionSpec) => scaleDistribution(x, k);
  if (st.handoff) st.handoff.effort = d(st.handoff.effort);
  if (st.status) {
    st.status.every *= k;
    st.status.effort = d(st.status.effort);
    if (st.status.per_peer !== undefined) st.status.per_peer = d(st.status.per_peer);
  }
  if (st.checkpoint) {
    st.checkpoint.every *= k;
    if (st.checkpoint.offset !== undefined) st.checkpoint.offset *= k;
    st.checkpoint.duration = d(st.checkpoint.duration);
  }
  if (st.escalation) {
    st.escalation.delay = d(st.escalation.delay);
    if (st.escalation.effort !== undefined) st.escalation.effort = d(st.escalation.effort);
  }
}
