import type { MonteCarloResult } from '../../montecarlo/MonteCarloResult.js';
import type { ChartKit } from './types.js';

/**
 * Cost against finish, one dot per run of the sample (runs in the browser: self-contained),
 * with the deadline and the budget, the joint-confidence frontiers (70%, 80%) and the point
 * of each level: the date and cost met together in that share of runs.
 */
export function drawCostScatter(kit: ChartKit, el: HTMLElement, r: MonteCarloResult): void {
  const { d3, colors, fmt, tf, pct, unit } = kit;
  const pts = (r.costScatter?.makespan ?? []).map((t, i) => [t, r.costScatter!.cost[i]] as [number, number]);
  const cur = r.currency ? ` ${r.currency}` : '';
  const money = (x: number) => `${fmt(x, 0)}${cur}`;
  const jc = r.jointConfidence ?? [];
  const budget = r.budget ?? null;
  const W = 1100;
  const H = 470;
  const m = { top: 34, right: 40, bottom: 92, left: 90 };
  const xs = [...pts.map((p) => p[0]), r.makespan.min, r.makespan.max, ...(r.deadline !== null ? [r.deadline] : [])];
  const ys = [...pts.map((p) => p[1]), r.cost!.min, r.cost!.max, ...(budget !== null ? [budget] : [])];
  const pad = (lo: number, hi: number) => (hi - lo) * 0.04 || 1;
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  const x = d3.scaleLinear().domain([x0 - pad(x0, x1), x1 + pad(x0, x1)]).range([m.left, W - m.right]);
  const y = d3.scaleLinear().domain([y0 - pad(y0, y1), y1 + pad(y0, y1)]).range([H - m.bottom, m.top]);
  const svg = kit.svg(el, W, H, `Cost against finish for ${pts.length} runs`);
  kit.shadeOff(svg, x, m.top, H - m.bottom);
  svg
    .append('g')
    .selectAll('circle')
    .data(pts)
    .join('circle')
    .attr('cx', (p) => x(p[0]))
    .attr('cy', (p) => y(p[1]))
    .attr('r', 2.2)
    .attr('fill', (p) => ((r.deadline !== null && p[0] > r.deadline) || (budget !== null && p[1] > budget) ? colors.late : colors.onTime))
    .attr('fill-opacity', 0.55);
  const levelColor = ['#8c564b', '#222222'];
  jc.forEach((j, i) => {
    // The frontier is a staircase: from each corner the cost holds until the next date.
    const steps: Array<[number, number]> = [];
    j.frontier.forEach((p, k) => {
      if (k > 0) steps.push([p[0], j.frontier[k - 1][1]]);
      steps.push(p);
    });
    if (steps.length > 0) steps.push([x.domain()[1], steps[steps.length - 1][1]]);
    svg
      .append('path')
      .attr('d', d3.line<[number, number]>().x((p) => x(p[0])).y((p) => y(p[1]))(steps) ?? '')
      .attr('fill', 'none')
      .attr('stroke', levelColor[i % 2])
      .attr('stroke-width', 1.8)
      .attr('stroke-dasharray', i === 0 ? '5 3' : null);
    svg
      .append('path')
      .attr('d', `M${x(j.date)},${y(j.cost) - 7} L${x(j.date) + 7},${y(j.cost)} L${x(j.date)},${y(j.cost) + 7} L${x(j.date) - 7},${y(j.cost)} Z`)
      .attr('fill', levelColor[i % 2])
      .on('mousemove', (event: MouseEvent) =>
        kit.tip.show(event, [
          `${pct(j.level)} joint confidence: finish by ${tf(j.date, 2)} ${unit} and cost at most ${money(j.cost)}`,
          `both together in ${pct(j.probability)} of runs; each alone in at least ${pct(j.marginal)}`,
        ]),
      )
      .on('mouseleave', () => kit.tip.hide());
    // Two levels sit close together: the first labelled below-left, the second above-right.
    svg
      .append('text')
      .attr('class', 'mark-label')
      .attr('x', i === 0 ? x(j.date) - 10 : x(j.date) + 10)
      .attr('y', i === 0 ? y(j.cost) + 18 : y(j.cost) - 8)
      .attr('text-anchor', i === 0 ? 'end' : 'start')
      .text(`${pct(j.level)}: ${tf(j.date, 1)} ${unit}, ${money(j.cost)}`);
  });
  if (r.deadline !== null) {
    svg.append('line').attr('x1', x(r.deadline)).attr('x2', x(r.deadline)).attr('y1', m.top).attr('y2', H - m.bottom).attr('stroke', colors.deadline).attr('stroke-width', 2).attr('stroke-dasharray', '6 4');
    svg.append('text').attr('class', 'mark-label deadline-label').attr('x', x(r.deadline) - 4).attr('y', H - m.bottom - 6).attr('text-anchor', 'end').text(`deadline ${tf(r.deadline, 0)} ${unit}`);
  }
  if (budget !== null) {
    svg.append('line').attr('x1', m.left).attr('x2', W - m.right).attr('y1', y(budget)).attr('y2', y(budget)).attr('stroke', colors.deadline).attr('stroke-width', 2).attr('stroke-dasharray', '6 4');
    svg.append('text').attr('class', 'mark-label deadline-label').attr('x', m.left + 4).attr('y', y(budget) - 6).text(`budget ${money(budget)}`);
  }
  svg
    .append('text')
    .attr('class', 'chart-caption')
    .attr('x', m.left)
    .attr('y', 16)
    .text(
      r.jointProbability !== null && r.jointProbability !== undefined
        ? `Both the deadline and the budget are met in ${pct(r.jointProbability)} of ${r.runs} runs (deadline alone ${pct(r.deadlineProbability ?? NaN)}, budget alone ${pct(r.budgetProbability ?? NaN)})`
        : `${pts.length} runs of ${r.runs}, strategy ${r.strategy}`,
    );
  const axisG = svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${H - m.bottom})`).call(kit.timeAxis(d3.axisBottom(x), x.domain()[0], x.domain()[1], 12));
  kit.declutter(axisG.selectAll('.tick text'));
  svg.append('g').attr('class', 'axis').attr('transform', `translate(${m.left},0)`).call(d3.axisLeft(y).ticks(8));
  kit.axisLabel(svg, `finish (makespan, ${unit})`, (m.left + W - m.right) / 2, H - m.bottom + 36);
  kit.axisLabel(svg, `cost${cur ? ` (${cur.trim()})` : ''}`, m.left - 62, (m.top + H - m.bottom) / 2, true);
  const lh = kit.legend(
    svg,
    [
      { label: 'a run within the deadline and budget', color: colors.onTime, shape: 'circle' as const },
      { label: 'a run late or over budget', color: colors.late, shape: 'circle' as const },
      ...jc.map((j, i) => ({ label: `${pct(j.level)} joint-confidence frontier and point`, color: levelColor[i % 2], shape: i === 0 ? ('dash' as const) : ('line' as const) })),
      { label: 'deadline / budget', color: colors.deadline, shape: 'dash' as const },
    ],
    m.left,
    H - m.bottom + 52,
    W - m.left - m.right,
  );
  kit.fit(svg, W, H - m.bottom + 52 + lh + 4);
}
