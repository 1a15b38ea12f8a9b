import type * as D3 from 'd3';
import type { ChartKit } from './types.js';

/** One series of bars of a ranked chart: each row's value, drawn at `offset`..`offset + height` of the row's band. */
export interface RankedSeries<R> {
  cls?: string;
  value: (r: R) => number;
  offset: number;
  height: number;
  fill: (r: R) => string;
  opacity?: number;
  stroke?: string;
  strokeWidth?: number;
}

/** What `rankedBars` draws: rows top to bottom, bars from zero, a label left and a value beside each row. */
export interface RankedBarsSpec<R> {
  rows: R[];
  key: (r: R) => string;
  label: (r: R) => string;
  title: string;
  rowH: number;
  margin: { top: number; right: number; bottom: number; left: number };
  padding: number;
  /** The x domain before `.nice()`. */
  domain: [number, number];
  series: Array<RankedSeries<R>>;
  tip: (r: R) => string[];
  value: { x: (r: R, x: D3.ScaleLinear<number, number>) => number; y: (r: R, y0: number, band: number) => number; anchor?: (r: R) => string; text: (r: R) => string };
  axis: (axis: D3.Axis<D3.NumberValue>, x: D3.ScaleLinear<number, number>) => D3.Axis<D3.NumberValue>;
  axisText: string;
  legend: Parameters<ChartKit['legend']>[1];
}

/**
 * The layout the tornado, the cost tornado and the risk ranking share (runs in the browser:
 * self-contained): one band per row, bars from zero, row labels shortened to the margin, a
 * value beside each bar, the zero line, the axis, its label and the legend.
 */
export function rankedBars<R>(kit: ChartKit, el: HTMLElement, spec: RankedBarsSpec<R>): void {
  const { d3 } = kit;
  const W = 1100;
  const m = spec.margin;
  const plotH = Math.max(1, spec.rows.length) * spec.rowH;
  const x = d3.scaleLinear().domain(spec.domain).nice().range([m.left, W - m.right]);
  const y = d3.scaleBand<string>().domain(spec.rows.map(spec.key)).range([m.top, m.top + plotH]).padding(spec.padding);
  const svg = kit.svg(el, W, m.top + plotH + m.bottom, spec.title);
  for (const s of spec.series) {
    const bars = svg
      .append('g')
      .selectAll('rect')
      .data(spec.rows)
      .join('rect')
      .attr('class', s.cls ?? null)
      .attr('x', (r) => Math.min(x(0), x(s.value(r))))
      .attr('width', (r) => Math.max(1, Math.abs(x(s.value(r)) - x(0))))
      .attr('y', (r) => (y(spec.key(r)) ?? 0) + s.offset * y.bandwidth())
      .attr('height', s.height * y.bandwidth())
      .attr('fill', (r) => s.fill(r));
    if (s.opacity !== undefined) bars.attr('fill-opacity', s.opacity);
    if (s.stroke !== undefined) bars.attr('stroke', s.stroke).attr('stroke-width', s.strokeWidth ?? 1);
    bars.on('mousemove', (event: MouseEvent, r) => kit.tip.show(event, spec.tip(r))).on('mouseleave', () => kit.tip.hide());
  }
  svg
    .append('g')
    .selectAll('text')
    .data(spec.rows)
    .join('text')
    .attr('class', 'lane-label')
    .attr('x', m.left - 8)
    .attr('y', (r) => (y(spec.key(r)) ?? 0) + y.bandwidth() / 2 + 4)
    .attr('text-anchor', 'end')
    .text(spec.label)
    .call((sel) => kit.fitText(sel, m.left - 14));
  const values = svg
    .append('g')
    .selectAll('text')
    .data(spec.rows)
    .join('text')
    .attr('class', 'bar-value')
    .attr('x', (r) => spec.value.x(r, x));
  if (spec.value.anchor) values.attr('text-anchor', (r) => spec.value.anchor!(r));
  values.attr('y', (r) => spec.value.y(r, y(spec.key(r)) ?? 0, y.bandwidth())).text(spec.value.text);
  svg.append('line').attr('x1', x(0)).attr('x2', x(0)).attr('y1', m.top).attr('y2', m.top + plotH).attr('stroke', '#333');
  svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${m.top + plotH})`).call(spec.axis(d3.axisBottom(x), x));
  kit.axisLabel(svg, spec.axisText, (m.left + W - m.right) / 2, m.top + plotH + 34);
  const lh = kit.legend(svg, spec.legend, m.left, m.top + plotH + 50, W - m.left - 20);
  kit.fit(svg, W, m.top + plotH + 50 + lh + 4);
}
