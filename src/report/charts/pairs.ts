import type { PairedDifference } from '../../montecarlo/MonteCarloResult.js';
import type { ChartKit } from './types.js';

/**
 * Paired makespan differences between strategies with their 95% confidence intervals
 * (runs in the browser: self-contained). Left of zero the first strategy finishes sooner. The
 * axis fits the pairs without the sequential baseline; pairs with it that fall outside sit
 * at the edge, their figures in the note beside them.
 */
export function drawPairs(kit: ChartKit, el: HTMLElement, pairs: PairedDifference[]): void {
  const { d3, tf, pct, unit } = kit;
  const W = 1100;
  const rowH = 32;
  const m = { top: 30, right: 330, bottom: 76, left: 280 };
  const plotH = pairs.length * rowH;
  const H = m.top + plotH + m.bottom;
  // Pairs with the sequential baseline differ by far more than the others: the scale fits the
  // others, and a baseline pair beyond it is clamped to the edge (its figures are written out).
  const topology = new Map(kit.data.model.strategies.map((s) => [s.name, s.topology]));
  const scaled = pairs.filter((p) => topology.get(p.a) !== 'sequential' && topology.get(p.b) !== 'sequential');
  const inScale = scaled.length > 0 ? scaled : pairs;
  const ext = Math.max(0.5, ...inScale.map((p) => Math.max(Math.abs(p.ci95[0]), Math.abs(p.ci95[1]), Math.abs(p.meanDifference))));
  const x = d3.scaleLinear().domain([-ext * 1.1, ext * 1.1]).nice().range([m.left, W - m.right]).clamp(true);
  const key = (p: PairedDifference) => `${p.a}\u0000${p.b}`;
  const y = d3.scaleBand<string>().domain(pairs.map(key)).range([m.top, m.top + plotH]).padding(0.3);
  const svg = kit.svg(el, W, H, `Paired differences of makespan between strategies, in ${unit}`);
  svg.append('rect').attr('x', m.left).attr('y', m.top).attr('width', x(0) - m.left).attr('height', plotH).attr('fill', '#eef5ee');
  svg.append('text').attr('class', 'mark-label').attr('x', m.left + 4).attr('y', m.top - 10).text('← first strategy finishes sooner');
  svg.append('text').attr('class', 'mark-label').attr('x', W - m.right - 4).attr('y', m.top - 10).attr('text-anchor', 'end').text('first strategy finishes later →');
  svg.append('line').attr('x1', x(0)).attr('x2', x(0)).attr('y1', m.top - 4).attr('y2', m.top + plotH).attr('stroke', '#333');
  const g = svg.append('g');
  const mid = (p: PairedDifference) => (y(key(p)) ?? 0) + y.bandwidth() / 2;
  const lines = (p: PairedDifference) => [
    `${p.a} − ${p.b}`,
    `mean difference ${tf(p.meanDifference, 2)} ${unit} (95% CI ${tf(p.ci95[0], 2)} to ${tf(p.ci95[1], 2)})`,
    `${p.a} finishes first in ${pct(p.probabilityAFaster)} of runs`,
  ];
  g.selectAll('line.ci')
    .data(pairs)
    .join('line')
    .attr('class', 'ci')
    .attr('x1', (p) => x(p.ci95[0]))
    .attr('x2', (p) => x(p.ci95[1]))
    .attr('y1', mid)
    .attr('y2', mid)
    .attr('stroke', '#4e79a7')
    .attr('stroke-width', 3);
  for (const side of [0, 1] as const) {
    g.selectAll(`line.cap${side}`)
      .data(pairs)
      .join('line')
      .attr('class', `cap${side}`)
      .attr('x1', (p) => x(p.ci95[side]))
      .attr('x2', (p) => x(p.ci95[side]))
      .attr('y1', (p) => mid(p) - 6)
      .attr('y2', (p) => mid(p) + 6)
      .attr('stroke', '#4e79a7')
      .attr('stroke-width', 2);
  }
  g.selectAll('circle')
    .data(pairs)
    .join('circle')
    .attr('cx', (p) => x(p.meanDifference))
    .attr('cy', mid)
    .attr('r', 5)
    .attr('fill', (p) => (p.ci95[1] < 0 ? '#2e7d32' : p.ci95[0] > 0 ? '#c62828' : '#555'))
    .on('mousemove', (event: MouseEvent, p) => kit.tip.show(event, lines(p)))
    .on('mouseleave', () => kit.tip.hide());
  g.selectAll('text.pair')
    .data(pairs)
    .join('text')
    .attr('class', 'lane-label pair')
    .attr('x', m.left - 8)
    .attr('y', (p) => mid(p) + 4)
    .attr('text-anchor', 'end')
    .text((p) => `${p.a} vs ${p.b}`)
    .call((sel) => kit.fitText(sel, m.left - 14));
  g.selectAll('text.note')
    .data(pairs)
    .join('text')
    .attr('class', 'row-note note')
    .attr('x', W - m.right + 10)
    .attr('y', (p) => mid(p) + 4)
    .text((p) => `${tf(p.meanDifference, 1)} ${unit} (CI ${tf(p.ci95[0], 1)} to ${tf(p.ci95[1], 1)}), first sooner in ${pct(p.probabilityAFaster)}`)
    .call((sel) => kit.fitText(sel, m.right - 14));
  svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${m.top + plotH})`).call(kit.timeAxis(d3.axisBottom(x), x.domain()[0], x.domain()[1], 10, false));
  kit.axisLabel(svg, `makespan difference, first − second strategy (${unit}), paired run by run`, (m.left + W - m.right) / 2, m.top + plotH + 34);
  const lh = kit.legend(
    svg,
    [
      { label: 'mean difference (green: first surely faster, red: surely slower)', color: '#555', shape: 'circle' },
      { label: '95% confidence interval', color: '#4e79a7', shape: 'line' },
    ],
    m.left,
    m.top + plotH + 50,
    W - m.left - 20,
  );
  kit.fit(svg, W, m.top + plotH + 50 + lh + 4);
}
