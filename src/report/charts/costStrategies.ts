import type { MonteCarloResult, ParetoPoint } from '../../montecarlo/MonteCarloResult.js';
import type { ChartKit } from './types.js';

/**
 * Cost by strategy (runs in the browser: self-contained): left, each strategy's cost from P10
 * to P90 with its median and P80; right, P80 finish against P80 cost, the strategies on the
 * date–cost Pareto front (no other is both sooner and cheaper) joined by a line.
 */
export function drawCostStrategies(kit: ChartKit, el: HTMLElement, results: MonteCarloResult[], front: ParetoPoint[]): void {
  const { d3, colors, fmt, tf, unit } = kit;
  const cur = results[0]?.currency ? ` ${results[0].currency}` : '';
  const money = (x: number) => `${fmt(x, 0)}${cur}`;
  const W = 1100;
  const rowH = 30;
  const m = { top: 40, right: 30, bottom: 84, left: 170 };
  const plotH = Math.max(results.length * rowH, 220);
  const H = m.top + plotH + m.bottom;
  const split = 560;
  const svg = kit.svg(el, W, H, 'Cost per strategy and the date–cost Pareto front at P80');
  const budget = results[0]?.budget ?? null;
  const lo = Math.min(...results.map((r) => r.cost!.p10), budget ?? Infinity);
  const hi = Math.max(...results.map((r) => r.cost!.p90), budget ?? -Infinity);
  const pad = (hi - lo) * 0.05 || 1;
  const x = d3.scaleLinear().domain([lo - pad, hi + pad]).nice().range([m.left, split - 30]);
  const y = d3.scaleBand<string>().domain(results.map((r) => r.strategy)).range([m.top, m.top + results.length * rowH]).padding(0.25);
  svg.append('text').attr('class', 'panel-title').attr('x', m.left).attr('y', m.top - 14).text('Cost per run: P10–P90, median, P80');
  results.forEach((r) => {
    const c = r.cost!;
    const top = y(r.strategy) ?? 0;
    const g = svg.append('g');
    g.append('text').attr('class', 'lane-label').attr('x', m.left - 8).attr('y', top + y.bandwidth() / 2 + 4).attr('text-anchor', 'end').text(r.strategy).call((sel) => kit.fitText(sel, m.left - 14));
    g.append('rect')
      .attr('x', x(c.p10))
      .attr('width', Math.max(1, x(c.p90) - x(c.p10)))
      .attr('y', top)
      .attr('height', y.bandwidth())
      .attr('fill', '#9bc59d')
      .on('mousemove', (event: MouseEvent) =>
        kit.tip.show(event, [`strategy: ${r.strategy}`, `P10 ${money(c.p10)} · P50 ${money(c.p50)} · P80 ${money(c.p80)} · P90 ${money(c.p90)}`, `mean ${money(c.mean)}`]),
      )
      .on('mouseleave', () => kit.tip.hide());
    g.append('line').attr('x1', x(c.p50)).attr('x2', x(c.p50)).attr('y1', top).attr('y2', top + y.bandwidth()).attr('stroke', '#fff').attr('stroke-width', 2);
    g.append('line').attr('x1', x(c.p80)).attr('x2', x(c.p80)).attr('y1', top).attr('y2', top + y.bandwidth()).attr('stroke', '#222').attr('stroke-width', 1.5);
  });
  if (budget !== null) {
    svg.append('line').attr('x1', x(budget)).attr('x2', x(budget)).attr('y1', m.top - 4).attr('y2', m.top + results.length * rowH).attr('stroke', colors.deadline).attr('stroke-width', 2).attr('stroke-dasharray', '6 4');
  }
  svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${m.top + results.length * rowH})`).call(d3.axisBottom(x).ticks(5));
  kit.axisLabel(svg, `cost per run${cur ? ` (${cur.trim()})` : ''}`, (m.left + split - 30) / 2, m.top + results.length * rowH + 34);

  // Right panel: P80 finish against P80 cost.
  const left = split + 60;
  const px = d3.scaleLinear().domain(d3.extent(front, (p) => p.makespanP80) as [number, number]).nice().range([left, W - m.right]);
  const py = d3.scaleLinear().domain(d3.extent(front, (p) => p.costP80) as [number, number]).nice().range([m.top + plotH - 10, m.top]);
  if (px.domain()[0] === px.domain()[1]) px.domain([px.domain()[0] - 1, px.domain()[0] + 1]);
  if (py.domain()[0] === py.domain()[1]) py.domain([py.domain()[0] - 1, py.domain()[0] + 1]);
  svg.append('text').attr('class', 'panel-title').attr('x', left).attr('y', m.top - 14).text('P80 finish against P80 cost');
  // Strategies of topology ideal are a lower bound, not a way of working: hollow, off the line.
  const topology = new Map(kit.data.model.strategies.map((x) => [x.name, x.topology]));
  const bound = (p: ParetoPoint) => topology.get(p.strategy) === 'ideal';
  const onFront = front.filter((p) => p.dominatedBy.length === 0 && !bound(p)).sort((a, b) => a.makespanP80 - b.makespanP80);
  svg
    .append('path')
    .attr('d', d3.line<ParetoPoint>().x((p) => px(p.makespanP80)).y((p) => py(p.costP80)).curve(d3.curveStepAfter)(onFront) ?? '')
    .attr('fill', 'none')
    .attr('stroke', '#59a14f')
    .attr('stroke-width', 2);
  const g = svg.append('g');
  // Strategies at the same point share one label.
  const labels = new Map<string, string[]>();
  front.forEach((p) => {
    const key = `${p.makespanP80},${p.costP80}`;
    labels.set(key, [...(labels.get(key) ?? []), bound(p) ? `${p.strategy} (lower bound)` : p.strategy]);
  });
  front.forEach((p) => {
    const good = p.dominatedBy.length === 0;
    g.append('circle')
      .attr('cx', px(p.makespanP80))
      .attr('cy', py(p.costP80))
      .attr('r', 6)
      .attr('fill', bound(p) ? '#fff' : good ? '#59a14f' : '#bab0ac')
      .attr('stroke', '#333')
      .on('mousemove', (event: MouseEvent) =>
        kit.tip.show(event, [
          `strategy: ${p.strategy}`,
          `P80 finish ${tf(p.makespanP80, 2)} ${unit}, P80 cost ${money(p.costP80)}`,
          good ? 'on the front: no strategy is both sooner and cheaper' : `dominated by ${p.dominatedBy.join(', ')}`,
        ]),
      )
      .on('mouseleave', () => kit.tip.hide());
    const key = `${p.makespanP80},${p.costP80}`;
    const names = labels.get(key);
    if (names === undefined) return;
    labels.delete(key);
    const nearRight = px(p.makespanP80) > W - m.right - 160;
    g.append('text')
      .attr('class', 'mark-label')
      .attr('x', px(p.makespanP80) + (nearRight ? -9 : 9))
      .attr('y', py(p.costP80) - 7)
      .attr('text-anchor', nearRight ? 'end' : 'start')
      .text(names.join(', '));
  });
  svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${m.top + plotH - 10})`).call(d3.axisBottom(px).ticks(5));
  svg.append('g').attr('class', 'axis').attr('transform', `translate(${left},0)`).call(d3.axisLeft(py).ticks(5));
  kit.axisLabel(svg, `P80 finish (${unit})`, (left + W - m.right) / 2, m.top + plotH + 24);
  const lh = kit.legend(
    svg,
    [
      { label: 'P10–P90 of cost', color: '#9bc59d' },
      { label: 'P80 of cost', color: '#222', shape: 'line' as const },
      ...(budget !== null ? [{ label: 'budget', color: colors.deadline, shape: 'dash' as const }] : []),
      { label: 'on the date–cost front', color: '#59a14f', shape: 'circle' as const },
      { label: 'dominated (another strategy is sooner and cheaper at P80)', color: '#bab0ac', shape: 'circle' as const },
      ...(front.some(bound) ? [{ label: 'ideal: free coordination, a lower bound', color: '#999', shape: 'circle' as const }] : []),
    ],
    m.left,
    m.top + plotH + 44,
    W - m.left - m.right,
  );
  kit.fit(svg, W, m.top + plotH + 44 + lh + 4);
}
