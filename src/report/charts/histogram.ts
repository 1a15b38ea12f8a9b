import type { MonteCarloResult } from '../../montecarlo/MonteCarloResult.js';
import type { ChartKit } from './types.js';

/**
 * Makespan histogram with the cumulative S-curve over it (runs in the browser:
 * self-contained). Bars past the deadline are shaded as late; P50, P80, P95 and the
 * deadline are marked and the deadline probability is written out.
 */
export function drawHistogram(kit: ChartKit, el: HTMLElement, r: MonteCarloResult): void {
  const { d3, colors, tf, pct, unit } = kit;
  const { edges, counts } = r.histogram;
  const total = counts.reduce((a, b) => a + b, 0) || 1;
  const W = 1100;
  const H = 400;
  const m = { top: 46, right: 70, bottom: 92, left: 70 };
  const lo = Math.min(edges[0] ?? 0, r.deadline ?? Infinity, r.makespan.min);
  const hi = Math.max(edges[edges.length - 1] ?? 1, r.deadline ?? -Infinity, r.makespan.max);
  const pad = (hi - lo) * 0.03 || 1;
  const x = d3.scaleLinear().domain([lo - pad, hi + pad]).range([m.left, W - m.right]);
  const y = d3.scaleLinear().domain([0, (d3.max(counts) ?? 1) * 1.12]).nice().range([H - m.bottom, m.top]);
  const yc = d3.scaleLinear().domain([0, 1]).range([H - m.bottom, m.top]);
  const svg = kit.svg(el, W, H, `Makespan distribution over ${r.runs} runs, in ${unit}`);
  kit.shadeOff(svg, x, m.top, H - m.bottom);
  const bins = counts.map((c, i) => ({ x0: edges[i], x1: edges[i + 1], c }));
  const late = (b: { x0: number; x1: number }) => r.deadline !== null && (b.x0 + b.x1) / 2 > r.deadline;
  svg
    .append('g')
    .selectAll('rect')
    .data(bins)
    .join('rect')
    .attr('x', (b) => x(b.x0) + 0.5)
    .attr('width', (b) => Math.max(1, x(b.x1) - x(b.x0) - 1))
    .attr('y', (b) => y(b.c))
    .attr('height', (b) => y(0) - y(b.c))
    .attr('fill', (b) => (late(b) ? colors.late : colors.onTime))
    .attr('fill-opacity', 0.85)
    .on('mousemove', (event: MouseEvent, b) =>
      kit.tip.show(event, [`${tf(b.x0, 2)}–${tf(b.x1, 2)} ${unit}`, `${b.c} runs (${pct(b.c / total)})`]),
    )
    .on('mouseleave', () => kit.tip.hide());

  // Cumulative share of runs finished by each bin's right edge: the S-curve.
  let acc = 0;
  const pts: Array<[number, number]> = [[edges[0], 0]];
  counts.forEach((c, i) => {
    acc += c;
    pts.push([edges[i + 1], acc / total]);
  });
  svg
    .append('path')
    .attr('class', 's-curve')
    .attr('d', d3.line<[number, number]>().x((p) => x(p[0])).y((p) => yc(p[1])).curve(d3.curveMonotoneX)(pts) ?? '')
    .attr('fill', 'none')
    .attr('stroke', colors.curve)
    .attr('stroke-width', 2.2);
  svg
    .append('g')
    .selectAll('circle')
    .data(pts)
    .join('circle')
    .attr('cx', (p) => x(p[0]))
    .attr('cy', (p) => yc(p[1]))
    .attr('r', 2.2)
    .attr('fill', colors.curve);

  // Percentiles and deadline.
  const marks = [
    { label: 'P50', v: r.makespan.p50, dash: '2 0', color: '#333' },
    { label: 'P80', v: r.makespan.p80, dash: '6 3', color: '#555' },
    { label: 'P95', v: r.makespan.p95, dash: '2 3', color: '#555' },
  ];
  const markG = svg.append('g');
  marks.forEach((mk, i) => {
    markG.append('line').attr('x1', x(mk.v)).attr('x2', x(mk.v)).attr('y1', m.top - 4).attr('y2', H - m.bottom).attr('stroke', mk.color).attr('stroke-width', 1.5).attr('stroke-dasharray', mk.dash);
    markG
      .append('text')
      .attr('class', 'mark-label')
      .attr('x', x(mk.v) + 4)
      .attr('y', m.top + 8 + i * 14)
      .text(`${mk.label} ${tf(mk.v)}`);
  });
  if (r.deadline !== null) {
    const dx = x(r.deadline);
    markG.append('line').attr('class', 'deadline').attr('x1', dx).attr('x2', dx).attr('y1', m.top - 14).attr('y2', H - m.bottom).attr('stroke', colors.deadline).attr('stroke-width', 2.2).attr('stroke-dasharray', '6 4');
    markG
      .append('text')
      .attr('class', 'mark-label deadline-label')
      .attr('x', dx - 4)
      .attr('y', m.top - 12)
      .attr('text-anchor', 'end')
      .text(`deadline ${tf(r.deadline, 0)} ${unit}: ${pct(r.deadlineProbability ?? NaN)} of runs finish by it`);
  }
  svg
    .append('text')
    .attr('class', 'chart-caption')
    .attr('x', m.left)
    .attr('y', 16)
    .text(
      r.deadline !== null
        ? `Chance to finish by the deadline: ${pct(r.deadlineProbability ?? NaN)}  ·  ${r.runs} runs, strategy ${r.strategy}`
        : `${r.runs} runs, strategy ${r.strategy} (no deadline set)`,
    );

  const axisG = svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${H - m.bottom})`).call(kit.timeAxis(d3.axisBottom(x), x.domain()[0], x.domain()[1], 16));
  kit.declutter(axisG.selectAll('.tick text'));
  svg.append('g').attr('class', 'axis').attr('transform', `translate(${m.left},0)`).call(d3.axisLeft(y).ticks(6));
  svg.append('g').attr('class', 'axis').attr('transform', `translate(${W - m.right},0)`).call(d3.axisRight(yc).ticks(5).tickFormat((v) => `${Math.round(Number(v) * 100)}%`));
  kit.axisLabel(svg, `makespan (${unit})`, (m.left + W - m.right) / 2, H - m.bottom + 36);
  kit.axisLabel(svg, 'runs', m.left - 44, (m.top + H - m.bottom) / 2, true);
  kit.axisLabel(svg, 'share of runs finished (cumulative)', W - m.right + 52, (m.top + H - m.bottom) / 2, true);
  const lh = kit.legend(
    svg,
    [
      { label: 'runs finishing by the deadline', color: colors.onTime },
      ...(r.deadline !== null ? [{ label: 'runs finishing late', color: colors.late }] : []),
      { label: 'cumulative share of runs (right axis)', color: colors.curve, shape: 'line' as const },
      { label: 'P50 / P80 / P95', color: '#444', shape: 'dash' as const },
      ...(r.deadline !== null ? [{ label: 'deadline', color: colors.deadline, shape: 'dash' as const }] : []),
    ],
    m.left,
    H - m.bottom + 52,
    W - m.left - m.right,
  );
  kit.fit(svg, W, H - m.bottom + 52 + lh + 4);
}
