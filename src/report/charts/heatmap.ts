import type { ChartKit, Lane } from './types.js';

/** The periods the heatmap counts in: their unit, boundaries and the project calendar's working time in each. */
export interface HeatmapPeriods {
  unit: 'hour' | 'day' | 'week';
  edges: number[];
  work: number[];
}

/**
 * Load per agent per period as a heatmap (runs in the browser: self-contained): each cell is
 * the share of the agent's capacity busy in that hour, day or week, so crowded periods stand
 * out in dark red. Periods without working time in the project calendar are grey columns.
 */
export function drawHeatmap(kit: ChartKit, el: HTMLElement, lanes: Lane[], load: number[][], periods: HeatmapPeriods, deadline: number | null, caption: string): void {
  const { d3, pct, unit, colors } = kit;
  const n = Math.max(1, periods.edges.length - 1);
  const W = 1100;
  const m = { top: 64, right: 20, bottom: 62, left: 220 };
  const cellH = 30;
  const plotH = lanes.length * cellH;
  const H = m.top + plotH + m.bottom;
  const x = d3.scaleBand<number>().domain(d3.range(n)).range([m.left, W - m.right]).padding(0.06);
  const y = d3.scaleBand<string>().domain(lanes.map((l) => l.id)).range([m.top, m.top + plotH]).padding(0.08);
  const color = (v: number) => (v <= 0 ? '#f4f4f4' : d3.interpolateYlOrRd(Math.min(1, v) * 0.85 + 0.05));
  const svg = kit.svg(el, W, H, `Load per agent per ${periods.unit} (share of capacity busy)`);
  svg.append('text').attr('class', 'chart-caption').attr('x', m.left).attr('y', 16).text(caption);
  // Period i's name: a date with dates ("Mon Jan 4", "Jan 4 09:00"), else its number.
  const dates = kit.data.model.dates;
  const origin = dates !== undefined ? Date.parse(`${dates.origin}:00Z`) : 0;
  const at = (t: number) => new Date(origin + t * (dates?.unitMinutes ?? 0) * 60000);
  const fmtDay = d3.utcFormat('%a %b %-d');
  const fmtHour = d3.utcFormat('%a %H:%M');
  const fmtWeek = d3.utcFormat('%b %-d');
  const name = (i: number) =>
    dates !== undefined
      ? periods.unit === 'hour'
        ? fmtHour(at(periods.edges[i]))
        : periods.unit === 'day'
          ? fmtDay(at(periods.edges[i]))
          : `week of ${fmtWeek(at(periods.edges[i]))}`
      : `${periods.unit} ${i + 1}`;
  const tick = (i: number) =>
    dates !== undefined ? (periods.unit === 'hour' ? d3.utcFormat('%H')(at(periods.edges[i])) : periods.unit === 'day' ? d3.utcFormat('%-d')(at(periods.edges[i])) : fmtWeek(at(periods.edges[i]))) : `${i + 1}`;
  // Non-working periods: a grey column under the lanes, no cells.
  const offCols = d3.range(n).filter((i) => !(periods.work[i] > 0));
  svg
    .append('g')
    .attr('class', 'off-days')
    .selectAll('rect')
    .data(offCols)
    .join('rect')
    .attr('class', 'off')
    .attr('x', (i) => x(i) ?? 0)
    .attr('width', x.bandwidth())
    .attr('y', m.top)
    .attr('height', plotH)
    .attr('fill', '#e8e8e8')
    .append('title')
    .text((i) => `${name(i)}: no working time (project calendar)`);
  // Weeks hold working and non-working days: a strip under the cells shades the days off in proportion.
  if (periods.unit === 'week' && dates !== undefined) {
    const strips: Array<{ x: number; w: number }> = [];
    for (const [a, b] of dates.offDays) {
      for (let k = 0; k < n; k++) {
        const e0 = periods.edges[k];
        const e1 = periods.edges[k + 1];
        const lo = Math.max(a, e0);
        const hi = Math.min(b, e1);
        if (!(hi > lo)) continue;
        const x0 = (x(k) ?? 0) + ((lo - e0) / (e1 - e0)) * x.bandwidth();
        strips.push({ x: x0, w: ((hi - lo) / (e1 - e0)) * x.bandwidth() });
      }
    }
    svg
      .append('g')
      .attr('class', 'off-days')
      .selectAll('rect')
      .data(strips)
      .join('rect')
      .attr('class', 'off strip')
      .attr('x', (r) => r.x)
      .attr('width', (r) => r.w)
      .attr('y', m.top + plotH + 2)
      .attr('height', 6)
      .attr('fill', '#bdbdbd')
      .append('title')
      .text('non-working day (project calendar)');
  }
  const cells = lanes.flatMap((l, i) => (load[i] ?? []).map((v, w) => ({ lane: l, w, v })).filter((c) => Number.isFinite(c.v)));
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
        kit.laneName(c.lane),
        `${name(c.w)} (${kit.span(periods.edges[c.w], periods.edges[c.w + 1], 1)})`,
        `${pct(c.v)} of capacity busy (${kit.dur(c.v * (periods.work[c.w] ?? 0) * c.lane.capacity, 2)})`,
      ]),
    )
    .on('mouseleave', () => kit.tip.hide());
  svg
    .append('g')
    .selectAll('text')
    .data(cells.filter(() => x.bandwidth() > 28))
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
    .text((l) => kit.laneName(l))
    .call((sel) => kit.fitText(sel, m.left - 14));
  const axisG = svg
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(0,${m.top})`)
    .call(d3.axisTop(x).tickFormat((w) => tick(Number(w))).tickSizeOuter(0));
  kit.declutter(axisG.selectAll('.tick text'));
  const len = periods.edges.length > 1 ? periods.edges[1] - periods.edges[0] : 0;
  const what = dates !== undefined ? (periods.unit === 'hour' ? 'hour of the day' : periods.unit === 'day' ? 'day of the month' : 'week starting on Monday') : `${periods.unit} of the project`;
  kit.axisLabel(svg, `${what} (${kit.amount(len)} each)`, (m.left + W - m.right) / 2, m.top - 26);
  if (deadline !== null) {
    // Inside the period holding it, in proportion.
    let k = 0;
    while (k < n - 1 && periods.edges[k + 1] <= deadline) k++;
    const e0 = periods.edges[k];
    const e1 = periods.edges[k + 1] ?? e0 + 1;
    const dx = deadline >= periods.edges[n] ? W - m.right : (x(k) ?? m.left) + Math.max(0, Math.min(1, (deadline - e0) / (e1 - e0 || 1))) * x.step();
    svg.append('line').attr('class', 'deadline').attr('x1', dx).attr('x2', dx).attr('y1', m.top - 6).attr('y2', m.top + plotH + 6).attr('stroke', colors.deadline).attr('stroke-width', 2).attr('stroke-dasharray', '6 4');
  }
  const legendItems = [0, 0.25, 0.5, 0.75, 1].map((v) => ({ label: v === 1 ? '100% busy' : pct(v), color: color(v === 0 ? 0 : v) }));
  const lh = kit.legend(
    svg,
    [
      ...legendItems,
      ...(offCols.length > 0 ? [{ label: 'no working time (project calendar)', color: '#e8e8e8' }] : []),
      ...(periods.unit === 'week' && (dates?.offDays.length ?? 0) > 0 ? [{ label: 'non-working days (strip under the weeks)', color: '#bdbdbd' }] : []),
      ...(deadline !== null ? [{ label: 'deadline', color: colors.deadline, shape: 'dash' as const }] : []),
    ],
    m.left,
    m.top + plotH + 18,
    W - m.left - 20,
  );
  kit.fit(svg, W, m.top + plotH + 18 + lh + 4);
}
