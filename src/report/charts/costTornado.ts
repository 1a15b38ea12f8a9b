import type { TaskStats } from '../../montecarlo/MonteCarloResult.js';
import type { ChartKit } from './types.js';

/**
 * Tornado of what drives the cost (runs in the browser: self-contained): the task durations
 * and fixed task costs whose sampled values move the run's cost most (rank correlation).
 */
export function drawCostTornado(kit: ChartKit, el: HTMLElement, tasks: TaskStats[], limit = 12): void {
  const { d3, fmt } = kit;
  const drivers = tasks.flatMap((t) => [
    { key: `d:${t.id}`, label: `${t.name && t.name !== t.id ? t.name : t.id}: duration`, rho: t.costSensitivity ?? NaN, kind: 'duration' },
    { key: `c:${t.id}`, label: `${t.name && t.name !== t.id ? t.name : t.id}: fixed cost`, rho: t.fixedCostSensitivity ?? NaN, kind: 'fixed cost' },
  ]);
  const top = drivers
    .filter((d) => Number.isFinite(d.rho))
    .sort((a, b) => Math.abs(b.rho) - Math.abs(a.rho) || a.key.localeCompare(b.key))
    .slice(0, limit);
  const W = 1100;
  const rowH = 26;
  const m = { top: 14, right: 40, bottom: 78, left: 340 };
  const plotH = Math.max(1, top.length) * rowH;
  const ext = Math.max(0.1, ...top.map((d) => Math.abs(d.rho)));
  const x = d3.scaleLinear().domain([-ext, ext]).nice().range([m.left, W - m.right]);
  const y = d3.scaleBand<string>().domain(top.map((d) => d.key)).range([m.top, m.top + plotH]).padding(0.18);
  const color = (kind: string) => (kind === 'duration' ? '#4e79a7' : '#59a14f');
  const svg = kit.svg(el, W, m.top + plotH + m.bottom, 'Cost drivers: rank correlation of task durations and fixed costs with the cost of the run');
  svg
    .append('g')
    .selectAll('rect')
    .data(top)
    .join('rect')
    .attr('x', (d) => Math.min(x(0), x(d.rho)))
    .attr('width', (d) => Math.max(1, Math.abs(x(d.rho) - x(0))))
    .attr('y', (d) => y(d.key) ?? 0)
    .attr('height', y.bandwidth())
    .attr('fill', (d) => color(d.kind))
    .on('mousemove', (event: MouseEvent, d) => kit.tip.show(event, [d.label, `rank correlation with the run's cost ${fmt(d.rho, 2)}`]))
    .on('mouseleave', () => kit.tip.hide());
  svg
    .append('g')
    .selectAll('text')
    .data(top)
    .join('text')
    .attr('class', 'lane-label')
    .attr('x', m.left - 8)
    .attr('y', (d) => (y(d.key) ?? 0) + y.bandwidth() / 2 + 4)
    .attr('text-anchor', 'end')
    .text((d) => d.label)
    .call((sel) => kit.fitText(sel, m.left - 14));
  svg
    .append('g')
    .selectAll('text.bar-value')
    .data(top)
    .join('text')
    .attr('class', 'bar-value')
    .attr('x', (d) => (d.rho >= 0 ? x(d.rho) + 4 : x(d.rho) - 4))
    .attr('text-anchor', (d) => (d.rho >= 0 ? 'start' : 'end'))
    .attr('y', (d) => (y(d.key) ?? 0) + y.bandwidth() / 2 + 4)
    .text((d) => fmt(d.rho, 2));
  svg.append('line').attr('x1', x(0)).attr('x2', x(0)).attr('y1', m.top).attr('y2', m.top + plotH).attr('stroke', '#333');
  svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${m.top + plotH})`).call(d3.axisBottom(x).ticks(10));
  kit.axisLabel(svg, 'Spearman rank correlation with the cost of the run (−1 to 1; no unit)', (m.left + W - m.right) / 2, m.top + plotH + 34);
  const lh = kit.legend(
    svg,
    [
      { label: 'task duration', color: color('duration') },
      { label: 'fixed task cost', color: color('fixed cost') },
    ],
    m.left,
    m.top + plotH + 50,
    W - m.left - 20,
  );
  kit.fit(svg, W, m.top + plotH + 50 + lh + 4);
}
