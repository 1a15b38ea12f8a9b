import type { TaskStats } from '../../montecarlo/MonteCarloResult.js';
import type { ChartKit } from './types.js';

/**
 * Tornado of task sensitivity (runs in the browser: self-contained): the tasks whose
 * duration moves the makespan most, as bars of rank correlation, coloured by criticality.
 */
export function drawTornado(kit: ChartKit, el: HTMLElement, tasks: TaskStats[], limit = 12): void {
  const { d3, fmt, pct, unit } = kit;
  const top = tasks
    .filter((t) => Number.isFinite(t.sensitivity))
    .slice()
    .sort((a, b) => Math.abs(b.sensitivity) - Math.abs(a.sensitivity) || a.id.localeCompare(b.id))
    .slice(0, limit);
  const W = 1100;
  const rowH = 26;
  const m = { top: 14, right: 40, bottom: 78, left: 340 };
  const plotH = Math.max(1, top.length) * rowH;
  const H = m.top + plotH + m.bottom;
  const ext = Math.max(0.1, ...top.map((t) => Math.abs(t.sensitivity)));
  const x = d3.scaleLinear().domain([-ext, ext]).nice().range([m.left, W - m.right]);
  const y = d3.scaleBand<string>().domain(top.map((t) => t.id)).range([m.top, m.top + plotH]).padding(0.18);
  const color = (c: number) => d3.interpolateBlues(0.25 + 0.75 * Math.max(0, Math.min(1, c)));
  const svg = kit.svg(el, W, H, 'Task sensitivity: rank correlation of task duration with makespan');
  svg
    .append('g')
    .selectAll('rect')
    .data(top)
    .join('rect')
    .attr('x', (t) => Math.min(x(0), x(t.sensitivity)))
    .attr('width', (t) => Math.max(1, Math.abs(x(t.sensitivity) - x(0))))
    .attr('y', (t) => y(t.id) ?? 0)
    .attr('height', y.bandwidth())
    .attr('fill', (t) => color(t.criticality))
    .attr('stroke', '#2b4a6f')
    .attr('stroke-width', 0.5)
    .on('mousemove', (event: MouseEvent, t) =>
      kit.tip.show(event, [
        `${t.name} (${t.id})`,
        `sensitivity ${fmt(t.sensitivity, 2)} · on the critical path in ${pct(t.criticality)} of runs`,
        `mean duration ${kit.tf(t.meanDuration, 2)} ${unit}, mean start ${kit.tf(t.meanStart, 1)}, finish ${kit.tf(t.meanFinish, 1)}`,
      ]),
    )
    .on('mouseleave', () => kit.tip.hide());
  svg
    .append('g')
    .selectAll('text')
    .data(top)
    .join('text')
    .attr('class', 'lane-label')
    .attr('x', m.left - 8)
    .attr('y', (t) => (y(t.id) ?? 0) + y.bandwidth() / 2 + 4)
    .attr('text-anchor', 'end')
    .text((t) => (t.name && t.name !== t.id ? t.name : t.id))
    .call((sel) => kit.fitText(sel, m.left - 14));
  svg
    .append('g')
    .selectAll('text')
    .data(top)
    .join('text')
    .attr('class', 'bar-value')
    .attr('x', (t) => (t.sensitivity >= 0 ? x(t.sensitivity) + 4 : x(t.sensitivity) - 4))
    .attr('text-anchor', (t) => (t.sensitivity >= 0 ? 'start' : 'end'))
    .attr('y', (t) => (y(t.id) ?? 0) + y.bandwidth() / 2 + 4)
    .text((t) => fmt(t.sensitivity, 2));
  svg.append('line').attr('x1', x(0)).attr('x2', x(0)).attr('y1', m.top).attr('y2', m.top + plotH).attr('stroke', '#333');
  svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${m.top + plotH})`).call(d3.axisBottom(x).ticks(10));
  kit.axisLabel(svg, 'Spearman rank correlation of task duration with makespan (−1 to 1; no unit)', (m.left + W - m.right) / 2, m.top + plotH + 34);
  const lh = kit.legend(
    svg,
    [0, 0.5, 1].map((c) => ({ label: `on the critical path in ${pct(c)} of runs`, color: color(c) })),
    m.left,
    m.top + plotH + 50,
    W - m.left - 20,
  );
  kit.fit(svg, W, m.top + plotH + 50 + lh + 4);
}
