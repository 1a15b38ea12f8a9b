import type { Scenario } from '../scenario/Scenario.js';
import { simulate } from '../engine/simulate.js';
import type { RunSelector } from './checkDeterminism.js';
import { scaleScenario } from './scaleScenario.js';
import type { Violation } from './Violation.js';

/** Options of `checkScaling`: the run, and the factor. */
export interface ScalingOptions extends RunSelector {
  /** Factor k > 0 (default 2). Powers of two keep floating point exact. */
  k?: number;
}

/**
 * Scaling: multiplying every duration, effort, delay and period by k (`scaleScenario`)
 * multiplies the makespan — and every trace time — by k, with the same rows in the same
 * order. Exact for powers of two unless a lognormal is sampled (log(k·median) rounds); else
 * within 1e-9 relative.
 */
export function checkScaling(scenario: Scenario, options: ScalingOptions = {}): Violation[] {
  const k = options.k ?? 2;
  const sel = { strategy: options.strategy, seed: options.seed ?? 1, run: options.run ?? 0 };
  const a = simulate(scenario, sel);
  const b = simulate(scaleScenario(scenario, k), sel);
  const exact = Number.isInteger(Math.log2(k)) && !JSON.stringify(scenario).includes('"lognormal"');
  const close = (x: number, y: number) => (exact ? x * k === y : Math.abs(x * k - y) <= 1e-9 * Math.max(1, Math.abs(y)));
  const out: Violation[] = [];
  const fail = (message: string) => out.push({ invariant: 'scaling', message: `k = ${k}: ${message}` });
  if (!close(a.metrics.makespan, b.metrics.makespan)) fail(`makespan ${a.metrics.makespan} became ${b.metrics.makespan}, expected ${a.metrics.makespan * k}`);
  const n = Math.min(a.trace.length, b.trace.length);
  for (let i = 0; i < n; i++) {
    const x = a.trace[i];
    const y = b.trace[i];
    if (x.kind !== y.kind || x.task !== y.task || x.agent !== y.agent || x.gate !== y.gate || !close(x.time, y.time)) {
      fail(`trace row ${i} was ${x.time} ${x.kind} ${x.task || x.gate} ${x.agent}, became ${y.time} ${y.kind} ${y.task || y.gate} ${y.agent}`);
      return out;
    }
  }
  if (a.trace.length !== b.trace.length) fail(`the trace had ${a.trace.length} rows, now ${b.trace.length}`);
  return out;
}
