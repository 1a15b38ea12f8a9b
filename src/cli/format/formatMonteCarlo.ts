import type { Model } from '../../engine/Model.js';
import type { MonteCarloResult, Stats } from '../../montecarlo/MonteCarloResult.js';
import { num, pct } from './numbers.js';

/** The headline of a Monte Carlo for people: percentiles, deadline, overhead, utilisation, savings, critical tasks. */
export function formatMonteCarlo(model: Model, r: MonteCarloResult): string {
  const unit = `${model.timeUnit}s`;
  const m = r.makespan;
  const weeks = (x: number) => num(x / model.unitsPerWeek);
  const row = (label: string, text: string) => `  ${label.padEnd(22)}${text}`;
  const lines = [
    `${r.scenario} — strategy ${r.strategy}, ${r.runs.toLocaleString('en-US')} runs (${r.sampling} sampling), seed ${r.seed}${r.stoppedEarly ? ', stopped early at the requested precision' : ''}`,
    row('makespan P50/P80/P95', `${num(m.p50)} / ${num(m.p80)} / ${num(m.p95)} ${unit} (${weeks(m.p50)} / ${weeks(m.p80)} / ${weeks(m.p95)} weeks)`),
    row('mean makespan', `${num(m.mean)} ${unit}, 95% CI ${num(m.ci95[0])}–${num(m.ci95[1])}, sd ${num(m.sd)}, range ${num(m.min)}–${num(m.max)}`),
    row('deadline', r.deadline !== null ? `${num(r.deadline)} ${unit}: met in ${pct(r.deadlineProbability ?? 0)} of runs` : 'none set'),
    row('coordination overhead', spread(r.coordinationOverhead)),
    row('utilisation', `${spread(r.utilization)} over engaged spans; ` + r.agents.map((a) => `${a.id} ${pct(a.utilization)}`).join(', ')),
    row('time savings', `${spread(r.timeSavings)} vs sequential (mean speedup ${num(r.speedup.mean)}×)`),
    row('top critical tasks', topCritical(r)),
  ];
  return lines.join('\n') + '\n';
}

function spread(s: Stats): string {
  return `${pct(s.mean)} mean (P10 ${pct(s.p10)}, P90 ${pct(s.p90)})`;
}

function topCritical(r: MonteCarloResult): string {
  return r.tasks
    .map((t, i) => ({ t, i }))
    .sort((a, b) => b.t.criticality - a.t.criticality || b.t.sensitivity - a.t.sensitivity || a.i - b.i)
    .slice(0, 5)
    .map(({ t }) => `${t.id} ${pct(t.criticality)} (sensitivity ${t.sensitivity.toFixed(2)})`)
    .join(', ');
}
