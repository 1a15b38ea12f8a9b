import type { MonteCarloResult } from '../../montecarlo/MonteCarloResult.js';
import type { ChartKit } from './types.js';

/**
 * Cost histogram with its cumulative S-curve (runs in the browser: self-contained): how many
 * runs cost each amount, the share costing at most that, P50/P80/P95 and the budget.
 */
export function drawCostCurve(kit: ChartKit, el: HTMLElement, r: MonteCarloResult): void {
  const { d3, colors, fmt, pct } = kit;
  const cost = r.cost!;
  const hist = r.costHistogram ?? { edges: [], counts: [] };
  const cur = r.currency ? ` ${r.currency}` : '';
  const money = (x: number) => `${fmt(x, 0)}${cur}`;
  const budget = r.budget ?? null;
  const total = hist.counts.reduce((a, b) => a + b, 0) || 1;
  const W = 1100;
  const H = 380;
  const m = { top: 46, right: 70, bottom: 92, left: 80 };
  const lo = Math.min(hist.edges[0] ?? 0, budget ?? Infinity, cost.min);
  const hi = Math.max(hist.edges[hist.edges.length - 1] ?? 1, budget ?? -Infinity, cost.max);
  const pad = (hi - lo) * 0.03 || 1;
  const x = d3.scaleLinear().domain([lo - pad, hi + pad]).range([m.left, W - m.right]);
  const y = d3.scaleLinear().domain([0, (d3.max(hist.counts) ?? 1) * 1.12]).nice().range([H - m.bottom, m.top]);
  const yc = d3.scaleLinear().domain([0, 1]).range([H - m.bottom, m.top]);
  const svg = kit.svg(el, W, H, `Cost distribution over ${r.runs} runs${cur ? `, in${cur}` : ''}`);
  const bins = hist.counts.map((c, i) => ({ x0: hist.edges[i], x1: hist.edges[i + 1], c }));
  const over = (b: { x0: number; x1: number }) => budget !== null && (b.x0 + b.x1) / 2 > budget;
  svg
    .append('g')
    .selectAll('rect')
    .data(bins)
    .join('rect')
    .attr('x', (b) => x(b.x0) + 0.5)
    .attr('width', (b) => Math.max(1, x(b.x1) - x(b.x0) - 1))
    .attr('y', (b) => y(b.c))
    .attr('height', (b) => y(0) - y(b.c))
    .attr('fill', (b) => (over(b) ? colors.late : '#59a14f'))
    .attr('fill-opacity', 0.8)
    .on('mousemove', (event: MouseEvent, b) => kit.tip.show(event, [`${money(b.x0)} – ${money(b.x1)}`, `${b.c} runs (${pct(b.c / total)})`]))
    .on('mouseleave', () => kit.tip.hide());
  let acc = 0;
  const pts: Array<[number, number]> = [[hist.edges[0] ?? cost.min, 0]];
  hist.counts.forEach((c, i) => {
    acc += c;
    pts.push([hist.edges[i + 1], acc / total]);
  });
  svg
    .append('path')
    .attr('class', 's-curve')
    .attr('d', d3.line<[number, number]>().x((p) => x(p[0])).y((p) => yc(p[1])).curve(d3.curveMonotoneX)(pts) ?? '')
    .attr('fill', 'none')
    .attr('stroke', colors.curve)
    .attr('stroke-width', 2.2);
  const marks = [
    { label: 'P50', v: cost.p50, dash: '2 0' },
    { label: 'P80', v: cost.p80, dash: '6 3' },
    { label: 'P95', v: cost.p95, dash: '2 3' },
  ];
  marks.forEach((mk, i) => {
    svg.append('line').attr('x1', x(mk.v)).attr('x2', x(mk.v)).attr('y1', m.top - 4).attr('y2', H - m.bottom).attr('stroke', '#444').attr('stroke-width', 1.5).attr('stroke-dasharray', mk.dash);
    svg.append('text').attr('class', 'mark-label').attr('x', x(mk.v) + 4).attr('y', m.top + 8 + i * 14).text(`${mk.label} ${money(mk.v)}`);
  });
  if (budget !== null) {
    svg.append('line').attr('class', 'budget').attr('x1', x(budget)).attr('x2', x(budget)).attr('y1', m.top - 14).attr('y2', H - m.bottom).attr('stroke', colors.deadline).attr('stroke-width', 2.2).attr('stroke-dasharray', '6 4');
    svg
      .append('text')
      .attr('class', 'mark-label deadline-label')
      .attr('x', x(budget) - 4)
      .attr('y', m.top - 18)
      .attr('text-anchor', 'end')
      .text(`budget ${money(budget)}: ${pct(r.budgetProbability ?? NaN)} of runs stay within it`);
  }
  svg
    .append('text')
    .attr('class', 'chart-caption')
    .attr('x', m.left)
    .attr('y', 16)
    .text(`Mean cost ${money(cost.mean)} (95% CI ${money(cost.ci95[0])} – ${money(cost.ci95[1])})  ·  ${r.runs} runs, strategy ${r.strategy}`);
  svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${H - m.bottom})`).call(d3.axisBottom(x).ticks(12));
  svg.append('g').attr('class', 'axis').attr('transform', `translate(${m.left},0)`).call(d3.axisLeft(y).ticks(6));
  svg.append('g').attr('class', 'axis').attr('transform', `translate(${W - m.right},0)`).call(d3.axisRight(yc).ticks(5).tickFormat((v) => `${Math.round(Number(v) * 100)}%`));
  kit.axisLabel(svg, `cost per run${cur ? ` (${cur.trim()})` : ''}`, (m.left + W - m.right) / 2, H - m.bottom + 36);
  kit.axisLabel(svg, 'runs', m.left - 52, (m.top + H - m.bottom) / 2, true);
  kit.axisLabel(svg, 'share of runs costing at most this (cumulative)', W - m.right + 52, (m.top + H - m.bottom) / 2, true);
  const lh = kit.legend(
    svg,
    [
      { label: 'runs within the budget', color: '#59a14f' },
      ...(budget !== null ? [{ label: 'runs over the budget', color: colors.late }, { label: 'budget', color: colors.deadline, shape: 'dash' as const }] : []),
      { label: 'cumulative share of runs (right axis)', color: colors.curve, shape: 'line' as const },
      { label: 'P50 / P80 / P95', color: '#444', shape: 'dash' as const },
    ],
    m.left,
    H - m.bottom + 52,
    W - m.left - m.right,
  );
  kit.fit(svg, W, H - m.bottom + 52 + lh + 4);
}
