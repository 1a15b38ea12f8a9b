import type { ChartKit, Lane } from './types.js';

/**
 * Load per agent per week as a heatmap (runs in the browser: self-contained): each cell is
 * the share of the agent's capacity busy that week, so crowded weeks stand out in dark red.
 */
export function drawHeatmap(kit: ChartKit, el: HTMLElement, lanes: Lane[], load: number[][], deadline: number | null, caption: string): void {
  const { d3, pct, unit, unitsPerWeek, colors } = kit;
  const weeks = Math.max(1, ...load.map((r) => r.length));
  const W = 1100;
  const m = { top: 64, right: 20, bottom: 62, left: 220 };
  const cellH = 30;
  const plotH = lanes.length * cellH;
  const H = m.top + plotH + m.bottom;
  const x = d3.scaleBand<number>().domain(d3.range(weeks)).range([m.left, W - m.right]).padding(0.06);
  const y = d3.scaleBand<string>().domain(lanes.map((l) => l.id)).range([m.top, m.top + plotH]).padding(0.08);
  const color = (v: number) => (v <= 0 ? '#f4f4f4' : d3.interpolateYlOrRd(Math.min(1, v) * 0.85 + 0.05));
  const svg = kit.svg(el, W, H, 'Load per agent per week (share of capacity busy)');
  svg.append('text').attr('class', 'chart-caption').attr('x', m.left).attr('y', 16).text(caption);
  const cells = lanes.flatMap((l, i) => (load[i] ?? []).map((v, w) => ({ lane: l, w, v })));
  svg
    .append('g')
    .selectAll('rect')
    .data(cells)
    .join('rect')
    .attr('class', 'cell')
    .attr('x', (c) => x(c.w) ?? 0)
    .attr('y', (c) => y(c.lane.id) ?? 0)
    .attr('width', x.bandwidth())
    .attr('height', y.bandwidth())
    .attr('fill', (c) => color(c.v))
    .on('mousemove', (event: MouseEvent, c) =>
      kit.tip.show(event, [
        `${c.lane.label} (${c.lane.id})`,
        `week ${c.w + 1} (${unit} ${c.w * unitsPerWeek}–${(c.w + 1) * unitsPerWeek})`,
        `${pct(c.v)} of capacity busy (${kit.fmt(c.v * unitsPerWeek * c.lane.capacity, 2)} ${unit})`,
      ]),
    )
    .on('mouseleave', () => kit.tip.hide());
  svg
    .append('g')
    .selectAll('text')
    .data(cells.filter((c) => x.bandwidth() > 26))
    .join('text')
    .attr('class', 'cell-label')
    .attr('x', (c) => (x(c.w) ?? 0) + x.bandwidth() / 2)
    .attr('y', (c) => (y(c.lane.id) ?? 0) + y.bandwidth() / 2 + 4)
    .attr('text-anchor', 'middle')
    .style('fill', (c) => (c.v > 0.6 ? 'white' : '#333'))
    .text((c) => (c.v > 0.005 ? pct(c.v) : '·'));
  svg
    .append('g')
    .selectAll('text')
    .data(lanes)
    .join('text')
    .attr('class', 'lane-label')
    .attr('x', m.left - 8)
    .attr('y', (l) => (y(l.id) ?? 0) + y.bandwidth() / 2 + 4)
    .attr('text-anchor', 'end')
    .text((l) => l.label)
    .call((sel) => kit.fitText(sel, m.left - 14));
  svg
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(0,${m.top})`)
    .call(d3.axisTop(x).tickFormat((w) => `${Number(w) + 1}`).tickSizeOuter(0));
  kit.axisLabel(svg, `week of the project (${unitsPerWeek} ${unit} each)`, (m.left + W - m.right) / 2, m.top - 26);
  if (deadline !== null) {
    const dw = deadline / unitsPerWeek;
    const k = Math.floor(dw);
    const frac = dw - k;
    const dx = k >= weeks ? W - m.right : (x(k) ?? m.left) + frac * x.step();
    svg.append('line').attr('class', 'deadline').attr('x1', dx).attr('x2', dx).attr('y1', m.top - 6).attr('y2', m.top + plotH + 6).attr('stroke', colors.deadline).attr('stroke-width', 2).attr('stroke-dasharray', '6 4');
  }
  const legendItems = [0, 0.25, 0.5, 0.75, 1].map((v) => ({ label: v === 1 ? '100% busy' : pct(v), color: color(v === 0 ? 0 : v) }));
  const lh = kit.legend(svg, [...legendItems, ...(deadline !== null ? [{ label: 'deadline', color: colors.deadline, shape: 'dash' as const }] : [])], m.left, m.top + plotH + 18, W - m.left - 20);
  kit.fit(svg, W, m.top + plotH + 18 + lh + 4);
}
