import type { RiskAnalysis } from '../../montecarlo/riskAnalysis.js';
import type { ModelView } from '../ReportData.js';
import { displayPlural, inDisplay, num, pct } from './format.js';
import { html, type Html } from './html.js';

/** The sentence the report gives to explain merge bias. */
export const MERGE_BIAS_SENTENCE =
  'At a merge point the later of several uncertain paths sets the date, so the simulated mean and P80 fall later than the date the plan computes from average durations: that gap is merge bias, and no single-number schedule shows it.';

/**
 * The blocks of a risk analysis: the ranked chart of risks (drawn by the page script) when the
 * scenario has risks, and the merge-bias table (server-side HTML: it needs no script).
 */
export function riskBlocks(m: ModelView, a: RiskAnalysis): Html[] {
  const unit = displayPlural(m);
  const out: Html[] = [];
  if (a.risks.length > 0) {
    out.push(
      html`<section class="block" data-chart="risks" id="chart-risks"><h2>Which risks matter most — <span class="strategy-name">${a.strategy}</span></h2><p class="note">Each risk switched off in turn, on the same ${a.runs} runs (common random numbers): how much later the P80 and the mean finish are with it (${unit}). A branch switched off takes its nominal path. All figures are in risks.csv.</p><div class="chart-body"></div></section>`,
    );
  }
  if (a.mergePoints.length > 0) {
    const dated = a.mergePoints.some((p) => p.deterministicDate !== undefined);
    const cell = (x: number, d: string | undefined) => (dated && d !== undefined ? html`${d} <span class="task-id">(${inDisplay(x, m, 1)})</span>` : inDisplay(x, m, 2));
    out.push(
      html`<section class="block" data-table="merge-bias" id="table-merge-bias"><h2>Merge bias — <span class="strategy-name">${a.strategy}</span></h2><p class="note">${MERGE_BIAS_SENTENCE} The plan: every duration at its mean, no risk, gates pass, branches on their nominal path (finish ${inDisplay(a.finish.deterministic, m, 2)} ${unit} against a simulated mean of ${inDisplay(a.finish.mean, m, 2)} and P80 of ${inDisplay(a.finish.p80, m, 2)}). Marked on the timeline above.</p><div class="table-wrap"><table class="data-table merge-bias"><thead><tr><th>merge point</th><th>predecessors</th><th>critical in</th><th>plan (${unit})</th><th>simulated mean</th><th>simulated P80</th><th>mean − plan</th></tr></thead><tbody>${a.mergePoints.map(
        (p) => html`<tr><td><div class="task-name">${p.name}</div><div class="task-id">${p.kind} ${p.id}</div></td><td class="num">${p.predecessors}</td><td class="num">${pct(p.criticality)}</td><td class="num">${cell(p.deterministic, p.deterministicDate)}</td><td class="num">${cell(p.mean, p.meanDate)}</td><td class="num">${cell(p.p80, p.p80Date)}</td><td class="num">${inDisplay(p.bias, m, 2)}</td></tr>`,
      )}</tbody></table></div></section>`,
    );
  }
  return out;
}
