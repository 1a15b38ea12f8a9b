import type { AgentSplit, ChartKit } from './types.js';

/**
 * Per-agent time split into work, coordination and idle (runs in the browser:
 * self-contained): one stacked bar per agent over the project's length × capacity, with the
 * utilisation over the agent's engaged span, that span and its share of the project beside it.
 */
export function drawUtilization(kit: ChartKit, el: HTMLElement, rows: AgentSplit[], caption: string): void {
  const { d3, colors, tf, pct, unit } = kit;
  const W = 1100;
  const rowH = 34;
  const m = { top: 34, right: 330, bottom: 76, left: 220 };
  const plotH = rows.length * rowH;
  const H = m.top + plotH + m.bottom;
  const parts = ['work', 'coordination', 'idle'] as const;
  const totalOf = (r: AgentSplit) => r.work + r.coordination + r.idle;
  const x = d3.scaleLinear().domain([0, Math.max(1e-9, ...rows.map(totalOf))]).range([m.left, W - m.right]);
  const y = d3.scaleBand<string>().domain(rows.map((r) => r.id)).range([m.top, m.top + plotH]).padding(0.22);
  const svg = kit.svg(el, W, H, `Agent time split into work, coordination and idle, in ${unit}`);
  svg.append('text').attr('class', 'chart-caption').attr('x', m.left).attr('y', 16).text(caption);
  const segs = rows.flatMap((r) => {
    let acc = 0;
    return parts.map((p) => {
      const v = Math.max(0, r[p]);
      const s = { row: r, part: p, x0: acc, x1: acc + v };
      acc += v;
      return s;
    });
  });
  svg
    .append('g')
    .selectAll('rect')
    .data(segs)
    .join('rect')
    .attr('x', (s) => x(s.x0))
    .attr('width', (s) => Math.max(0, x(s.x1) - x(s.x0)))
    .attr('y', (s) => y(s.row.id) ?? 0)
    .attr('height', y.bandwidth())
    .attr('fill', (s) => colors[s.part])
    .attr('stroke', 'white')
    .attr('stroke-width', 0.5)
    .on('mousemove', (event: MouseEvent, s) =>
      kit.tip.show(event, [
        kit.laneName(s.row),
        `${s.part}: ${tf(s.x1 - s.x0, 2)} ${unit} (${pct((s.x1 - s.x0) / (totalOf(s.row) || 1))} of the project's length)`,
      ]),
    )
    .on('mouseleave', () => kit.tip.hide());
  svg
    .append('g')
    .selectAll('text')
    .data(segs.filter((s) => x(s.x1) - x(s.x0) > 36 && s.part !== 'idle'))
    .join('text')
    .attr('class', 'bar-label')
    .attr('x', (s) => x(s.x0) + 4)
    .attr('y', (s) => (y(s.row.id) ?? 0) + y.bandwidth() / 2 + 4)
    .text((s) => tf(s.x1 - s.x0));
  const labels = svg.append('g');
  labels
    .selectAll('text')
    .data(rows)
    .join('text')
    .attr('class', 'lane-label')
    .attr('x', m.left - 8)
    .attr('y', (r) => (y(r.id) ?? 0) + y.bandwidth() / 2 + 4)
    .attr('text-anchor', 'end')
    .text((r) => kit.laneName(r))
    .call((sel) => kit.fitText(sel, m.left - 14));
  svg
    .append('g')
    .selectAll('text')
    .data(rows)
    .join('text')
    .attr('class', 'row-note')
    .attr('x', W - m.right + 10)
    .attr('y', (r) => (y(r.id) ?? 0) + y.bandwidth() / 2 + 4)
    .text((r) => r.note)
    .call((sel) => kit.fitText(sel, m.right - 14));
  svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${m.top + plotH})`).call(kit.timeAxis(d3.axisBottom(x), x.domain()[0], x.domain()[1], 10, false));
  kit.axisLabel(svg, `time over the whole project (${unit}; makespan × capacity)`, (m.left + W - m.right) / 2, m.top + plotH + 34);
  const lh = kit.legend(
    svg,
    [
      { label: 'work (tasks, remediation, rework)', color: colors.work },
      { label: 'coordination (handoffs, reviews, status, checkpoints)', color: colors.coordination },
      { label: 'idle or not yet engaged (includes risk hold-ups)', color: colors.idle },
    ],
    m.left,
    m.top + plotH + 50,
    W - m.left - 20,
  );
  kit.fit(svg, W, m.top + plotH + 50 + lh + 4);
}
