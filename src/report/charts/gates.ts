import type { ChartKit } from './types.js';

/** One gate's outcome figures for `drawGates`: counts in one run, or means per run. */
export interface GateRow {
  id: string;
  name: string;
  rounds: number;
  pass: number;
  remediate: number;
  fail: number;
  /** Share of runs (or 0/1 for one run) in which the gate hit its round bound. */
  exhausted: number;
}

/**
 * Gate outcomes (runs in the browser: self-contained): per gate the review rounds,
 * remediations and reworks as grouped bars, with the assessed tasks' pass count in the tooltip.
 */
export function drawGates(kit: ChartKit, el: HTMLElement, rows: GateRow[], perRun: string): void {
  const { d3, fmt, pct, colors } = kit;
  const series = [
    { key: 'rounds' as const, label: 'review rounds', color: colors.review },
    { key: 'remediate' as const, label: 'remediations', color: colors.remediation },
    { key: 'fail' as const, label: 'reworks (failed, redone)', color: colors.rework },
  ];
  const W = 1100;
  const groupH = 64;
  const m = { top: 12, right: 60, bottom: 74, left: 320 };
  const plotH = rows.length * groupH;
  const H = m.top + plotH + m.bottom;
  const hi = Math.max(1, ...rows.flatMap((r) => series.map((s) => r[s.key])));
  const x = d3.scaleLinear().domain([0, hi]).nice().range([m.left, W - m.right]);
  const y = d3.scaleBand<string>().domain(rows.map((r) => r.id)).range([m.top, m.top + plotH]).paddingInner(0.25).paddingOuter(0.1);
  const sub = d3.scaleBand<string>().domain(series.map((s) => s.key)).range([0, y.bandwidth()]).padding(0.1);
  const svg = kit.svg(el, W, H, 'Gate outcomes: review rounds, remediations and reworks per gate');
  const cells = rows.flatMap((r) => series.map((s) => ({ r, s, v: r[s.key] })));
  svg
    .append('g')
    .selectAll('rect')
    .data(cells)
    .join('rect')
    .attr('x', m.left)
    .attr('width', (c) => Math.max(c.v > 0 ? 2 : 0, x(c.v) - m.left))
    .attr('y', (c) => (y(c.r.id) ?? 0) + (sub(c.s.key) ?? 0))
    .attr('height', sub.bandwidth())
    .attr('fill', (c) => c.s.color)
    .on('mousemove', (event: MouseEvent, c) =>
      kit.tip.show(event, [
        `${c.r.name} (${c.r.id})`,
        `${c.s.label}: ${fmt(c.v, 2)} ${perRun}`,
        `assessed tasks passed: ${fmt(c.r.pass, 2)}, remediated: ${fmt(c.r.remediate, 2)}, failed: ${fmt(c.r.fail, 2)}`,
        `round limit reached: ${pct(c.r.exhausted)}`,
      ]),
    )
    .on('mouseleave', () => kit.tip.hide());
  svg
    .append('g')
    .selectAll('text')
    .data(cells)
    .join('text')
    .attr('class', 'bar-value')
    .attr('x', (c) => x(c.v) + 4)
    .attr('y', (c) => (y(c.r.id) ?? 0) + (sub(c.s.key) ?? 0) + sub.bandwidth() / 2 + 4)
    .text((c) => fmt(c.v, 2));
  const lab = svg.append('g').selectAll('g').data(rows).join('g');
  lab
    .append('text')
    .attr('class', 'lane-label')
    .attr('x', m.left - 8)
    .attr('y', (r) => (y(r.id) ?? 0) + y.bandwidth() / 2)
    .attr('text-anchor', 'end')
    .text((r) => r.name)
    .call((sel) => kit.fitText(sel, m.left - 14));
  lab
    .append('text')
    .attr('class', 'lane-id')
    .attr('x', m.left - 8)
    .attr('y', (r) => (y(r.id) ?? 0) + y.bandwidth() / 2 + 14)
    .attr('text-anchor', 'end')
    .text((r) => `${r.id} · passed ${fmt(r.pass, 1)}${r.exhausted > 0 ? ` · round limit ${pct(r.exhausted)}` : ''}`)
    .call((sel) => kit.fitText(sel, m.left - 14));
  svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${m.top + plotH})`).call(d3.axisBottom(x).ticks(8));
  kit.axisLabel(svg, `count ${perRun}`, (m.left + W - m.right) / 2, m.top + plotH + 34);
  const lh = kit.legend(
    svg,
    series.map((s) => ({ label: s.label, color: s.color })),
    m.left,
    m.top + plotH + 50,
    W - m.left - 20,
  );
  kit.fit(svg, W, m.top + plotH + 50 + lh + 4);
}
