import type { CompareResult, MonteCarloResult } from '../../montecarlo/MonteCarloResult.js';
import type { RunCost } from '../../engine/runCost.js';
import type { ModelView } from '../ReportData.js';
import { displayPlural, inDisplay, num, pct } from './format.js';
import { html, type Html } from './html.js';

/** An amount with thousands separators and the currency, when there is one: "12,480 EUR". */
export function money(x: number, currency: string | null | undefined, digits = 0): string {
  if (!Number.isFinite(x)) return '–';
  const [whole, frac] = Math.abs(x).toFixed(digits).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${x < 0 && Number(whole + (frac ?? '')) !== 0 ? '−' : ''}${grouped}${frac ? `.${frac}` : ''}${currency ? ` ${currency}` : ''}`;
}

/** A token count in millions: "12.4 M". */
export function millions(x: number): string {
  return Number.isFinite(x) ? `${num(x / 1e6, x >= 1e7 ? 0 : 1)} M` : '–';
}

function card(label: string, figure: string, detail: string | Html, tone: 'good' | 'warn' | 'bad' | '' = ''): Html {
  return html`<div class="card ${tone}"><div class="card-label">${label}</div><div class="card-figure">${figure}</div><div class="card-detail">${detail}</div></div>`;
}

/** The cost card of one run. */
export function runCostCard(c: RunCost): Html {
  const cur = c.currency;
  const k = c.byKind;
  const tokens = c.tokens ? ` Tokens: ${millions(c.tokens.input)} in, ${millions(c.tokens.output)} out (${money(c.tokens.cost, cur)}).` : '';
  const detail = `Work ${money(k.work, cur)}, coordination ${money(k.coordination, cur)}, fixed ${money(k.fixed, cur)}, risks ${money(k.risk, cur)}.${tokens}${
    c.budget !== undefined ? ` Budget ${money(c.budget, cur)}: ${c.metBudget ? 'met' : 'exceeded'}.` : ''
  }`;
  return card('Cost', money(c.total, cur), detail, c.budget === undefined ? '' : c.metBudget ? 'good' : 'bad');
}

/** The cost cards of a Monte Carlo: the cost and, with a budget, the joint chance of date and cost. */
export function monteCarloCostCards(m: ModelView, r: MonteCarloResult): Html[] {
  if (r.cost === undefined) return [];
  const cur = r.currency;
  const c = r.cost;
  const k = r.costByKind!;
  const chance = r.budgetProbability ?? null;
  const tone = chance === null ? '' : chance >= 0.8 ? 'good' : chance < 0.5 ? 'bad' : 'warn';
  const cards = [
    card(
      'Cost (P50)',
      money(c.p50, cur),
      `${chance !== null ? `vs a budget of ${money(r.budget!, cur)}: ${pct(chance)} chance to stay within it. ` : ''}P80 ${money(c.p80, cur)}, mean ${money(c.mean, cur)}: work ${money(k.work, cur)}, coordination ${money(k.coordination, cur)}, fixed ${money(k.fixed, cur)}, risks ${money(k.risk, cur)}.${
        r.tokens ? ` Tokens per run (P50): ${millions(r.tokens.input.p50)} in, ${millions(r.tokens.output.p50)} out.` : ''
      }`,
      tone,
    ),
  ];
  const j80 = r.jointConfidence?.find((j) => j.level === 0.8);
  if (j80) {
    const both = r.jointProbability;
    const jt = both === null || both === undefined ? '' : both >= 0.8 ? 'good' : both < 0.5 ? 'bad' : 'warn';
    cards.push(
      card(
        'Date and cost together (80%)',
        `${inDisplay(j80.date, m)} ${displayPlural(m)} · ${money(j80.cost, cur)}`,
        `In 80% of runs the plan finishes by ${inDisplay(j80.date, m)} ${displayPlural(m)} and costs at most ${money(j80.cost, cur)} (each alone in ${pct(j80.marginal)}).${
          both !== null && both !== undefined ? ` The deadline and the budget are both met in ${pct(both)} of runs.` : ''
        }`,
        jt,
      ),
    );
  }
  return cards;
}

/** Extra header cells and per-strategy cells of the comparison table when results carry costs. */
export function costTableHead(results: readonly MonteCarloResult[]): Html {
  if (results[0]?.cost === undefined) return html``;
  const cur = results[0].currency;
  return html`<th>P50 cost${cur ? ` (${cur})` : ''}</th><th>P80 cost</th><th>Chance within budget</th><th>Deadline and budget</th>`;
}

export function costTableCells(r: MonteCarloResult): Html {
  if (r.cost === undefined) return html``;
  return html`<td class="num">${money(r.cost.p50, null)}</td><td class="num">${money(r.cost.p80, null)}</td><td class="num">${pct(r.budgetProbability ?? null)}</td><td class="num">${pct(r.jointProbability ?? null)}</td>`;
}

/** The table of paired cost differences of a comparison (empty without costs). */
export function costPairsTable(result: CompareResult): Html {
  const pairs = result.costPairs;
  if (pairs === undefined || pairs.length === 0) return html``;
  const cur = result.strategies[0]?.currency ?? null;
  const front = new Map((result.paretoFront ?? []).map((p) => [p.strategy, p.dominatedBy]));
  return html`<section class="block" id="table-cost-pairs"><h2>Paired cost differences between strategies</h2><p class="note">Run by run on the same sampled work: the mean of cost(a) − cost(b) with its 95% confidence interval, and how often a is cheaper. An interval clear of zero is a real difference.</p><table class="data-table"><thead><tr><th>a − b</th><th>Mean difference${cur ? ` (${cur})` : ''}</th><th>95% CI</th><th>P(a cheaper)</th></tr></thead><tbody>${pairs.map(
    (p) => html`<tr><td>${p.a} − ${p.b}</td><td class="num">${money(p.meanDifference, null, 1)}</td><td class="num">${money(p.ci95[0], null, 1)} … ${money(p.ci95[1], null, 1)}</td><td class="num">${pct(p.probabilityACheaper)}</td></tr>`,
  )}</tbody></table><p class="facts">${`On the date–cost front at P80 (no other strategy both sooner and cheaper): ${[...front].filter(([, d]) => d.length === 0).map(([s]) => s).join(', ') || 'none'}.`}</p></section>`;
}
