import type { MonteCarloResult } from '../../montecarlo/MonteCarloResult.js';
import type { RunMetrics } from '../../engine/runMetrics.js';
import type { ModelView, ReportData } from '../ReportData.js';
import { deadlinePhrase, displayPlural, duration, inDisplay, num, pct } from './format.js';
import { html, type Html } from './html.js';
import { costTableCells, costTableHead, monteCarloCostCards, runCostCard } from './costSummary.js';

/** One headline figure: a label, the figure, and a line that explains it. */
function card(label: string, figure: string, detail: string | Html, tone: 'good' | 'warn' | 'bad' | '' = ''): Html {
  return html`<div class="card ${tone}"><div class="card-label">${label}</div><div class="card-figure">${figure}</div><div class="card-detail">${detail}</div></div>`;
}

/** The summary of a single run, in the seed story's terms. */
function runSummary(m: ModelView, r: RunMetrics): Html {
  const unit = displayPlural(m);
  const late = r.deadline !== null && r.makespan > r.deadline;
  const timeline =
    r.deadline === null
      ? `Finished in ${duration(r.makespan, m)}; no deadline is set.`
      : `Against ${deadlinePhrase(r.deadline, m)}: ${late ? `late by ${inDisplay(r.makespan - r.deadline, m)}` : `on time with ${inDisplay(r.deadline - r.makespan, m)} to spare`} ${unit}.`;
  const k = r.coordinationByKind;
  const lead = html`<p class="lead">Under strategy <strong>${r.strategy}</strong> this run finished in <strong>${duration(r.makespan, m)}</strong>${
    r.deadline !== null ? html` against ${deadlinePhrase(r.deadline, m)}, which it ${late ? 'missed' : 'met'}` : ''
  }, with ${pct(r.coordinationOverhead)} coordination overhead, ${pct(r.utilization.mean)} average agent utilisation and ${pct(r.timeSavings)} time saved against sequential work.</p>`;
  return html`${lead}<div class="cards">${[
    card('Timeline', duration(r.makespan, m), timeline, r.deadline === null ? '' : late ? 'bad' : 'good'),
    card(
      'Coordination overhead',
      pct(r.coordinationOverhead),
      `${inDisplay(r.coordinationTime, m)} of ${inDisplay(r.workTime + r.coordinationTime, m)} agent-${unit} coordinating: status ${inDisplay(k.status, m)}, checkpoints ${inDisplay(k.checkpoint, m)}, handoffs ${inDisplay(k.handoff, m)}, gate reviews ${inDisplay(k.review, m)}, escalations ${inDisplay(k.escalation, m)}.`,
    ),
    card('Average utilisation', pct(r.utilization.mean), `Busy share of each agent's engaged span; the whole team's capacity use over the project is ${pct(r.capacityUse)}.`),
    card('Time saved vs sequential', pct(r.timeSavings), `One task at a time would take ${duration(r.sequentialMakespan, m)}: a speedup of ${num(r.speedup, 2)}×.`),
    ...(r.cost !== undefined ? [runCostCard(r.cost)] : []),
  ]}</div><p class="facts">${[
    `${r.handoffs} handoffs, ${r.remediations} remediations, ${r.reworks} reworks, ${r.escalations} escalations.`,
    r.risksOccurred.length > 0 ? ` Risks that occurred: ${r.risksOccurred.join(', ')}.` : ' No risk occurred.',
    r.criticalPath.length > 0 ? ` Critical path: ${r.criticalPath.join(' → ')}.` : '',
  ]}</p>`;
}

/** The summary of a Monte Carlo of one strategy, in the seed story's terms. */
export function monteCarloCards(m: ModelView, r: MonteCarloResult): Html {
  const s = r.makespan;
  const chance = r.deadlineProbability;
  const timeline =
    r.deadline === null
      ? `P80 ${inDisplay(s.p80, m)}, P95 ${inDisplay(s.p95, m)} ${displayPlural(m)}; no deadline is set.`
      : `vs ${deadlinePhrase(r.deadline, m)}: ${pct(chance)} chance to make it. P80 ${inDisplay(s.p80, m)}, P95 ${inDisplay(s.p95, m)} ${displayPlural(m)}.`;
  const tone = chance === null ? '' : chance >= 0.8 ? 'good' : chance < 0.5 ? 'bad' : 'warn';
  return html`<div class="cards">${[
    card('Timeline (P50)', duration(s.p50, m), timeline, tone),
    card('Coordination overhead', pct(r.coordinationOverhead.mean), `Mean over ${r.runs} runs (P10–P90: ${pct(r.coordinationOverhead.p10)}–${pct(r.coordinationOverhead.p90)}).`),
    card(
      'Average utilisation',
      pct(r.utilization.mean),
      `Busy share of each agent's engaged span (P10–P90: ${pct(r.utilization.p10)}–${pct(r.utilization.p90)}); team capacity use ${pct(r.capacityUse.mean)}.`,
    ),
    card('Time saved vs sequential', pct(r.timeSavings.mean), `Sequential would take ${duration(r.sequentialMakespan.p50, m)} at P50: a speedup of ${num(r.speedup.mean, 2)}×.`),
    ...monteCarloCostCards(m, r),
  ]}</div><p class="facts">${`Per run on average: ${num(r.remediations, 2)} remediations, ${num(r.reworks, 2)} reworks, ${num(r.escalations, 2)} escalations. ${r.runs} runs, ${r.sampling === 'lhs' ? 'Latin hypercube' : 'random'} sampling${r.stoppedEarly ? ', stopped early at the requested precision' : ''}.`}</p>`;
}

function monteCarloLead(m: ModelView, r: MonteCarloResult): Html {
  return html`<p class="lead">Under strategy <strong>${r.strategy}</strong> the plan finishes in <strong>P50 ${duration(r.makespan.p50, m)}</strong>${
    r.deadline !== null ? html` vs ${deadlinePhrase(r.deadline, m)}, <strong>${pct(r.deadlineProbability)} chance to make it</strong>` : ''
  }, with ${pct(r.coordinationOverhead.mean)} coordination overhead, ${pct(r.utilization.mean)} average utilisation and ${pct(r.timeSavings.mean)} time saved against sequential work.</p>`;
}

/** True for a strategy of the `ideal` topology: a lower bound of the makespan, not a way to work. */
function isBound(m: ModelView, r: MonteCarloResult): boolean {
  return m.strategies.find((s) => s.name === r.strategy)?.topology === 'ideal';
}

/** The strategy with the least median makespan, the ideal bound aside (null when it is all there is). */
function fastestOption(m: ModelView, results: MonteCarloResult[]): MonteCarloResult | null {
  const options = results.filter((r) => !isBound(m, r));
  return options.length > 0 ? options.reduce((a, b) => (b.makespan.p50 < a.makespan.p50 ? b : a), options[0]) : null;
}

/** The strategy table of a comparison, one row per strategy. */
function strategyTable(m: ModelView, results: MonteCarloResult[]): Html {
  const best = fastestOption(m, results);
  const desc = new Map(m.strategies.map((s) => [s.name, s.description]));
  const unit = displayPlural(m);
  return html`<table class="data-table strategies"><thead><tr><th>Strategy</th><th>P50 (${unit})</th><th>P80</th><th>P95</th><th>Chance by the deadline</th><th>Coordination overhead</th><th>Utilisation</th><th>Time saved vs sequential</th>${costTableHead(results)}</tr></thead><tbody>${results.map(
    (r) =>
      html`<tr class="${r === best ? 'best' : ''}"><td><div class="task-name">${r.strategy}${r.strategy === m.defaultStrategy ? ' (default)' : ''}${r === best ? ' — fastest' : isBound(m, r) ? ' — lower bound, not an option' : ''}</div><div class="task-id">${desc.get(r.strategy) ?? ''}</div></td><td class="num">${inDisplay(r.makespan.p50, m)}</td><td class="num">${inDisplay(r.makespan.p80, m)}</td><td class="num">${inDisplay(r.makespan.p95, m)}</td><td class="num">${pct(r.deadlineProbability)}</td><td class="num">${pct(r.coordinationOverhead.mean)}</td><td class="num">${pct(r.utilization.mean)}</td><td class="num">${pct(r.timeSavings.mean)}</td>${costTableCells(r)}</tr>`,
  )}</tbody></table>`;
}

/** The summary section of any report: headline sentence, four figures, and for a comparison the strategy table. */
export function summaryHtml(data: ReportData): Html {
  const m = data.model;
  if (data.kind === 'run') return runSummary(m, data.metrics);
  if (data.kind === 'montecarlo') return html`${monteCarloLead(m, data.result)}${monteCarloCards(m, data.result)}`;
  const results = data.result.strategies;
  if (results.length === 0) return html`<p class="lead">The comparison holds no strategy.</p>`;
  const main = results.find((r) => r.strategy === m.defaultStrategy) ?? results[0];
  const fastest = fastestOption(m, results);
  const options = results.filter((r) => !isBound(m, r));
  const surest = options.reduce((a, b) => ((b.deadlineProbability ?? -1) > (a.deadlineProbability ?? -1) ? b : a), options[0] ?? results[0]);
  const verdict =
    fastest === null
      ? html`Only the ideal bound was compared: no strategy to choose.`
      : isBound(m, main)
        ? html`The fastest option at the median is <strong>${fastest.strategy}</strong> (P50 ${duration(fastest.makespan.p50, m)}); the ideal bound, ${main.strategy}, lies ${inDisplay(fastest.makespan.p50 - main.makespan.p50, m)} ${displayPlural(m)} below it.`
        : fastest === main
      ? html`<strong>${main.strategy}</strong> is the fastest of the ${options.length} strategies compared at the median${options.length < results.length ? ' (the ideal bound aside)' : ''}.`
      : html`The fastest at the median is <strong>${fastest.strategy}</strong> (P50 ${duration(fastest.makespan.p50, m)}), ${inDisplay(main.makespan.p50 - fastest.makespan.p50, m)} ${displayPlural(m)} sooner than ${main.strategy}.`;
  const surer =
    surest.deadlineProbability !== null && surest !== main && surest !== fastest
      ? html` Most likely to meet the deadline: <strong>${surest.strategy}</strong> (${pct(surest.deadlineProbability)}).`
      : '';
  return html`${monteCarloLead(m, main)}<p class="lead">${verdict}${surer}</p>${monteCarloCards(m, main)}${strategyTable(m, results)}`;
}
