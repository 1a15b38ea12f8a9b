import type { Model } from '../../engine/Model.js';
import type { RunMetrics } from '../../engine/runMetrics.js';
import { pct, round2 as num } from './numbers.js';

/** A run's headline figures in the seed story's terms, for people (stdout without --json). */
export function formatRunSummary(model: Model, m: RunMetrics): string {
  const unit = model.timeUnit;
  const weeks = m.makespan / model.unitsPerWeek;
  const lines = [
    `${model.name} — strategy ${m.strategy}, seed ${m.seed}`,
    `  makespan            ${num(m.makespan)} ${unit}s (${num(weeks)} weeks)` +
      (m.deadline !== null ? `, deadline ${num(m.deadline)}: ${m.metDeadline ? 'met' : 'MISSED'}` : ''),
    `  sequential          ${num(m.sequentialMakespan)} ${unit}s → speedup ${num(m.speedup)}×, ${pct(m.timeSavings)} faster`,
    `  work / coordination ${num(m.workTime)} / ${num(m.coordinationTime)} ${unit}s → overhead ${pct(m.coordinationOverhead)}`,
    `  utilisation         ${pct(m.utilization.mean)} mean over engaged spans; ` +
      Object.entries(m.utilization.byAgent).map(([id, u]) => `${id} ${pct(u)}`).join(', '),
    `  gates               ` +
      (Object.entries(m.gates).map(([id, g]) => `${id}: ${g.rounds} round(s), ${g.outcomes.remediate} remediation(s), ${g.outcomes.fail} fail(s)`).join('; ') || 'none'),
    `  critical path       ${m.criticalPath.join(' → ')}`,
  ];
  return lines.join('\n') + '\n';
}
