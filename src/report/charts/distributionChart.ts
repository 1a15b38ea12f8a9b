import type * as D3 from 'd3';
import type { ChartKit } from './types.js';

/** A vertical mark of a distribution chart: P50, P80, P95. */
export interface DistributionMark {
  label: string;
  v: number;
  dash: string;
  color: string;
  /** Its label beside the line. */
  text: string;
}

/** What `distributionChart` draws: a histogram, its cumulative S-curve, marks and a limit (deadline, budget). */
export interface DistributionSpec {
  edges: number[];
  counts: number[];
  /** Values the x domain must hold besides the histogram (min, max, the limit). */
  extent: number[];
  /** Where the S-curve starts when there are no edges. */
  start: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  title: string;
  /** A bin's fill: `over` when its middle lies past the limit. */
  fill: (over: boolean) => string;
  opacity: number;
  tip: (b: { x0: number; x1: number; c: number }, total: number) => string[];
  /** Dots on the S-curve at each bin edge. */
  dots: boolean;
  marks: DistributionMark[];
  limit: { value: number; cls: string; text: string } | null;
  caption: string;
  /** Shade the project calendar's non-working days (a chart of dates). */
  shade: boolean;
  axis: (axis: D3.Axis<D3.NumberValue>, x: D3.ScaleLinear<number, number>) => D3.Axis<D3.NumberValue>;
  xLabel: string;
  /** How far left of the plot the "runs" label sits. */
  runsOffset: number;
  rightLabel: string;
  legend: Parameters<ChartKit['legend']>[1];
}

/**
 * The layout the makespan histogram and the cost curve share (runs in the browser:
 * self-contained): bars of runs per bin (left axis), the cumulative share of runs as an
 * S-curve (right axis), percentile marks, the limit as a red dashed line, caption, legend.
 */
export function distributionChart(kit: ChartKit, el: HTMLElement, spec: DistributionSpec): void {
  const { d3, colors } = kit;
  const { edges, counts } = spec;
  const total = counts.reduce((a, b) => a + b, 0) || 1;
  const W = 1100;
  const H = spec.height;
  const m = spec.margin;
  const lo = Math.min(edges[0] ?? 0, ...spec.extent);
  const hi = Math.max(edges[edges.length - 1] ?? 1, ...spec.extent);
  const pad = (hi - lo) * 0.03 || 1;
  const x = d3.scaleLinear().domain([lo - pad, hi + pad]).range([m.left, W - m.right]);
  const y = d3.scaleLinear().domain([0, (d3.max(counts) ?? 1) * 1.12]).nice().range([H - m.bottom, m.top]);
  const yc = d3.scaleLinear().domain([0, 1]).range([H - m.bottom, m.top]);
  const svg = kit.svg(el, W, H, spec.title);
  if (spec.shade) kit.shadeOff(svg, x, m.top, H - m.bottom);
  const bins = counts.map((c, i) => ({ x0: edges[i], x1: edges[i + 1], c }));
  const limit = spec.limit;
  const over = (b: { x0: number; x1: number }) => limit !== null && (b.x0 + b.x1) / 2 > limit.value;
  svg
    .append('g')
    .selectAll('rect')
    .data(bins)
    .join('rect')
    .attr('x', (b) => x(b.x0) + 0.5)
    .attr('width', (b) => Math.max(1, x(b.x1) - x(b.x0) - 1))
    .attr('y', (b) => y(b.c))
    .attr('height', (b) => y(0) - y(b.c))
    .attr('fill', (b) => spec.fill(over(b)))
    .attr('fill-opacity', spec.opacity)
    .on('mousemove', (event: MouseEvent, b) => kit.tip.show(event, spec.tip(b, total)))
    .on('mouseleave', () => kit.tip.hide());

  // Cumulative share of runs by each bin's right edge: the S-curve.
  let acc = 0;
  const pts: Array<[number, number]> = [[edges[0] ?? spec.start, 0]];
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
  if (spec.dots) {
    svg
      .append('g')
      .selectAll('circle')
      .data(pts)
      .join('circle')
      .attr('cx', (p) => x(p[0]))
      .attr('cy', (p) => yc(p[1]))
      .attr('r', 2.2)
      .attr('fill', colors.curve);
  }
  const markG = svg.append('g');
  spec.marks.forEach((mk, i) => {
    markG.append('line').attr('x1', x(mk.v)).attr('x2', x(mk.v)).attr('y1', m.top - 4).attr('y2', H - m.bottom).attr('stroke', mk.color).attr('stroke-width', 1.5).attr('stroke-dasharray', mk.dash);
    markG
      .append('text')
      .attr('class', 'mark-label')
      .attr('x', x(mk.v) + 4)
      .attr('y', m.top + 8 + i * 14)
      .text(mk.text);
  });
  if (limit !== null) {
    const dx = x(limit.value);
    markG.append('line').attr('class', limit.cls).attr('x1', dx).attr('x2', dx).attr('y1', m.top - 14).attr('y2', H - m.bottom).attr('stroke', colors.deadline).attr('stroke-width', 2.2).attr('stroke-dasharray', '6 4');
    // Below the caption's line, so the two never meet.
    markG.append('text').attr('class', 'mark-label deadline-label').attr('x', dx - 4).attr('y', m.top - 12).attr('text-anchor', 'end').text(limit.text);
  }
  svg.append('text').attr('class', 'chart-caption').attr('x', m.left).attr('y', 16).text(spec.caption);
  const axisG = svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${H - m.bottom})`).call(spec.axis(d3.axisBottom(x), x));
  kit.declutter(axisG.selectAll('.tick text'));
  svg.append('g').attr('class', 'axis').attr('transform', `translate(${m.left},0)`).call(d3.axisLeft(y).ticks(6));
  svg.append('g').attr('class', 'axis').attr('transform', `translate(${W - m.right},0)`).call(d3.axisRight(yc).ticks(5).tickFormat((v) => `${Math.round(Number(v) * 100)}%`));
  kit.axisLabel(svg, spec.xLabel, (m.left + W - m.right) / 2, H - m.bottom + 36);
  kit.axisLabel(svg, 'runs', m.left - spec.runsOffset, (m.top + H - m.bottom) / 2, true);
  kit.axisLabel(svg, spec.rightLabel, W - m.right + 52, (m.top + H - m.bottom) / 2, true);
  const lh = kit.legend(svg, spec.legend, m.left, H - m.bottom + 52, W - m.left - m.right);
  kit.fit(svg, W, H - m.bottom + 52 + lh + 4);
}
