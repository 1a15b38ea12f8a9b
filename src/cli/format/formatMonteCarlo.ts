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
    ...(r.cost !== undefined ? costLines(r, row) : []),
  ];
  return lines.join('\n') + '\n';
}

/** The cost lines of the headline, for scenarios with costs. */
function costLines(r: MonteCarloResult, row: (label: string, text: string) => string): string[] {
  const c = r.cost!;
  const cur = r.currency ? ` ${r.currency}` : '';
  const lines = [row('cost P50/P80/P95', `${num(c.p50)} / ${num(c.p80)} / ${num(c.p95)}${cur}, mean ${num(c.mean)}, 95% CI ${num(c.ci95[0])}–${num(c.ci95[1])}`)];
  if (r.budget !== null && r.budget !== undefined) {
    lines.push(row('budget', `${num(r.budget)}${cur}: met in ${pct(r.budgetProbability ?? 0)} of runs${r.jointProbability !== null && r.jointProbability !== undefined ? `; deadline and budget both in ${pct(r.jointProbability)}` : ''}`));
  }
  for (const j of r.jointConfidence ?? []) lines.push(row(`joint ${pct(j.level)}`, `finish by ${num(j.date)} and cost at most ${num(j.cost)}${cur} together (each alone ${pct(j.marginal)})`));
  if (r.tokens) lines.push(row('tokens P50', `${num(r.tokens.input.p50 / 1e6)} M in, ${num(r.tokens.output.p50 / 1e6)} M out, ${num(r.tokens.cost.p50)}${cur}`));
  return lines;
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
