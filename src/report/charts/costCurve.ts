import type { MonteCarloResult } from '../../montecarlo/MonteCarloResult.js';
import type { ChartKit } from './types.js';

/**
 * Cost histogram with its cumulative S-curve (runs in the browser: self-contained): how many
 * runs cost each amount, the share costing at most that, P50/P80/P95 and the budget.
 */
export function drawCostCurve(kit: ChartKit, el: HTMLElement, r: MonteCarloResult): void {
  const { colors, fmt, pct } = kit;
  const cost = r.cost!;
  const hist = r.costHistogram ?? { edges: [], counts: [] };
  const cur = r.currency ? ` ${r.currency}` : '';
  const money = (x: number) => `${fmt(x, 0)}${cur}`;
  const budget = r.budget ?? null;
  const marks = [
    { label: 'P50', v: cost.p50, dash: '2 0' },
    { label: 'P80', v: cost.p80, dash: '6 3' },
    { label: 'P95', v: cost.p95, dash: '2 3' },
  ];
  kit.distributionChart(kit, el, {
    edges: hist.edges,
    counts: hist.counts,
    start: cost.min,
    extent: [cost.min, cost.max, ...(budget !== null ? [budget] : [])],
    height: 380,
    margin: { top: 46, right: 70, bottom: 92, left: 80 },
    title: `Cost distribution over ${r.runs} runs${cur ? `, in${cur}` : ''}`,
    fill: (over) => (over ? colors.late : '#59a14f'),
    opacity: 0.8,
    tip: (b, total) => [`${money(b.x0)} – ${money(b.x1)}`, `${b.c} runs (${pct(b.c / total)})`],
    dots: false,
    marks: marks.map((mk) => ({ ...mk, color: '#444', text: `${mk.label} ${money(mk.v)}` })),
    limit: budget !== null ? { value: budget, cls: 'budget', text: `budget ${money(budget)}: ${pct(r.budgetProbability ?? NaN)} of runs stay within it` } : null,
    caption: `Mean cost ${money(cost.mean)} (95% CI ${money(cost.ci95[0])} – ${money(cost.ci95[1])})  ·  ${r.runs} runs, strategy ${r.strategy}`,
    shade: false,
    axis: (axis) => axis.ticks(12),
    xLabel: `cost per run${cur ? ` (${cur.trim()})` : ''}`,
    runsOffset: 52,
    rightLabel: 'share of runs costing at most this (cumulative)',
    legend: [
      { label: 'runs within the budget', color: '#59a14f' },
      ...(budget !== null ? [{ label: 'runs over the budget', color: colors.late }, { label: 'budget', color: colors.deadline, shape: 'dash' as const }] : []),
      { label: 'cumulative share of runs (right axis)', color: colors.curve, shape: 'line' as const },
      { label: 'P50 / P80 / P95', color: '#444', shape: 'dash' as const },
    ],
  });
}
