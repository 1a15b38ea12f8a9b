import type { MonteCarloResult, Stats } from '../../montecarlo/MonteCarloResult.js';
import type { ChartKit } from './types.js';

/**
 * Coordination overhead, average utilisation and time saved against sequential per strategy
 * (runs in the browser: self-contained): three panels of bars at the mean with a P10–P90 range.
 */
export function drawStrategyBars(kit: ChartKit, el: HTMLElement, results: MonteCarloResult[]): void {
  const { d3, colors, pct } = kit;
  const W = 1100;
  const rowH = 30;
  const m = { top: 40, right: 20, bottom: 70, left: 190 };
  const panels: Array<{ title: string; axis: string; get: (r: MonteCarloResult) => Stats; color: string }> = [
    { title: 'Coordination overhead', axis: 'share of agent time spent coordinating (%)', get: (r) => r.coordinationOverhead, color: colors.coordination },
    { title: 'Average utilisation', axis: 'busy share of engaged time (%)', get: (r) => r.utilization, color: colors.work },
    { title: 'Time saved vs sequential', axis: '1 − makespan / sequential (%)', get: (r) => r.timeSavings, color: '#59a14f' },
  ];
  const plotH = results.length * rowH;
  const H = m.top + plotH + m.bottom;
  const gap = 36;
  const pw = (W - m.left - m.right - gap * (panels.length - 1)) / panels.length;
  const y = d3.scaleBand<string>().domain(results.map((r) => r.strategy)).range([m.top, m.top + plotH]).padding(0.25);
  const svg = kit.svg(el, W, H, 'Coordination overhead, utilisation and time saved per strategy');
  svg
    .append('g')
    .selectAll('text')
    .data(results)
    .join('text')
    .attr('class', 'lane-label')
    .attr('x', m.left - 8)
    .attr('y', (r) => (y(r.strategy) ?? 0) + y.bandwidth() / 2 + 4)
    .attr('text-anchor', 'end')
    .text((r) => r.strategy)
    .call((sel) => kit.fitText(sel, m.left - 14));
  panels.forEach((p, k) => {
    const left = m.left + k * (pw + gap);
    const hiV = Math.max(0.05, ...results.map((r) => p.get(r).p90), ...results.map((r) => p.get(r).mean));
    const loV = Math.min(0, ...results.map((r) => p.get(r).p10));
    const x = d3.scaleLinear().domain([loV, hiV]).nice().range([left, left + pw]);
    const g = svg.append('g');
    g.append('text').attr('class', 'panel-title').attr('x', left).attr('y', m.top - 14).text(p.title);
    g.selectAll('rect')
      .data(results)
      .join('rect')
      .attr('x', (r) => Math.min(x(0), x(p.get(r).mean)))
      .attr('width', (r) => Math.abs(x(p.get(r).mean) - x(0)))
      .attr('y', (r) => y(r.strategy) ?? 0)
      .attr('height', y.bandwidth())
      .attr('fill', p.color)
      .on('mousemove', (event: MouseEvent, r) => {
        const s = p.get(r);
        kit.tip.show(event, [`${r.strategy}: ${p.title.toLowerCase()}`, `mean ${pct(s.mean)} (P10 ${pct(s.p10)}, P50 ${pct(s.p50)}, P90 ${pct(s.p90)})`]);
      })
      .on('mouseleave', () => kit.tip.hide());
    g.selectAll('line.range')
      .data(results)
      .join('line')
      .attr('class', 'range')
      .attr('x1', (r) => x(p.get(r).p10))
      .attr('x2', (r) => x(p.get(r).p90))
      .attr('y1', (r) => (y(r.strategy) ?? 0) + y.bandwidth() / 2)
      .attr('y2', (r) => (y(r.strategy) ?? 0) + y.bandwidth() / 2)
      .attr('stroke', '#222')
      .attr('stroke-width', 1.4);
    g.selectAll('text.value')
      .data(results)
      .join('text')
      .attr('class', 'value bar-value')
      .attr('x', (r) => Math.max(x(p.get(r).p90), x(p.get(r).mean)) + 4)
      .attr('y', (r) => (y(r.strategy) ?? 0) + y.bandwidth() / 2 + 4)
      .text((r) => pct(p.get(r).mean));
    g.append('g').attr('class', 'axis').attr('transform', `translate(0,${m.top + plotH})`).call(d3.axisBottom(x).ticks(5).tickFormat((v) => `${Math.round(Number(v) * 100)}`));
    kit.axisLabel(g, p.axis, left + pw / 2, m.top + plotH + 34);
  });
  const lh = kit.legend(
    svg,
    [
      { label: 'mean over runs', color: '#999' },
      { label: 'P10–P90 range', color: '#222', shape: 'line' },
    ],
    m.left,
    m.top + plotH + 50,
    W - m.left,
  );
  kit.fit(svg, W, m.top + plotH + 50 + lh + 4);
}
