import type { MonteCarloResult } from '../../montecarlo/MonteCarloResult.js';
import type { ChartKit } from './types.js';

/**
 * Makespan distribution per strategy, side by side (runs in the browser: self-contained):
 * per row the run histogram as a shaded profile, a box from P10 to P90 with the median,
 * whiskers to min and max, the mean and P95 marked, and the deadline as a red line.
 */
export function drawStrategyBoxes(kit: ChartKit, el: HTMLElement, results: MonteCarloResult[]): void {
  const { d3, colors, tf, pct, unit } = kit;
  const W = 1100;
  const rowH = 58;
  const m = { top: 30, right: 230, bottom: 84, left: 200 };
  const H = m.top + results.length * rowH + m.bottom;
  const deadline = results.find((r) => r.deadline !== null)?.deadline ?? null;
  // The sequential baseline is usually far slower: the scale fits the other strategies, and
  // a baseline that falls outside it is written out instead of squeezing every box.
  const topology = new Map(kit.data.model.strategies.map((s) => [s.name, s.topology]));
  const scaled = results.filter((r) => topology.get(r.strategy) !== 'sequential');
  const inScale = scaled.length > 0 ? scaled : results;
  const lo = Math.min(...inScale.map((r) => r.makespan.min), deadline ?? Infinity);
  const hi = Math.max(...inScale.map((r) => r.makespan.max), deadline ?? -Infinity);
  const pad = (hi - lo) * 0.03 || 1;
  const x = d3.scaleLinear().domain([lo - pad, hi + pad]).nice().range([m.left, W - m.right]).clamp(true);
  const y = d3.scaleBand<string>().domain(results.map((r) => r.strategy)).range([m.top, m.top + results.length * rowH]).padding(0.12);
  // `ideal` is a lower bound, not an option: never highlighted as the fastest.
  const options = results.filter((r) => topology.get(r.strategy) !== 'ideal');
  const best = options.length > 0 ? options.reduce((a, b) => (b.makespan.p50 < a.makespan.p50 ? b : a), options[0]) : null;
  const svg = kit.svg(el, W, H, `Makespan per strategy, in ${unit}`);
  const describe = (r: MonteCarloResult) => [
    `strategy: ${r.strategy}`,
    `P10 ${tf(r.makespan.p10)} · P50 ${tf(r.makespan.p50)} · P90 ${tf(r.makespan.p90)} · P95 ${tf(r.makespan.p95)} ${unit}`,
    `mean ${tf(r.makespan.mean)} (95% CI ${tf(r.makespan.ci95[0], 2)}–${tf(r.makespan.ci95[1], 2)}), min ${tf(r.makespan.min)}, max ${tf(r.makespan.max)}`,
    ...(r.deadlineProbability !== null ? [`finishes by the deadline in ${pct(r.deadlineProbability)} of runs`] : []),
  ];
  results.forEach((r, i) => {
    const top = y(r.strategy) ?? 0;
    const bw = y.bandwidth();
    const mid = top + bw * 0.62;
    const g = svg.append('g').attr('class', 'strategy-row');
    g.append('rect').attr('x', m.left).attr('y', top).attr('width', W - m.left - m.right).attr('height', bw).attr('fill', i % 2 ? '#f7f7f7' : '#fcfcfc');
    const s = r.makespan;
    const [d0, d1] = x.domain();
    if (s.p10 > d1 || s.p90 < d0) {
      const right = s.p10 > d1;
      const ax = right ? W - m.right - 4 : m.left + 4;
      g.append('path')
        .attr('d', right ? `M${ax - 16},${mid - 7} L${ax},${mid} L${ax - 16},${mid + 7} Z` : `M${ax + 16},${mid - 7} L${ax},${mid} L${ax + 16},${mid + 7} Z`)
        .attr('fill', '#7f9cbf')
        .on('mousemove', (event: MouseEvent) => kit.tip.show(event, describe(r)))
        .on('mouseleave', () => kit.tip.hide());
      g.append('text')
        .attr('class', 'row-note')
        .attr('x', right ? ax - 22 : ax + 22)
        .attr('y', mid + 4)
        .attr('text-anchor', right ? 'end' : 'start')
        .text(`off the scale: P10 ${tf(s.p10)} · P50 ${tf(s.p50)} · P90 ${tf(s.p90)} ${unit}`);
      g.append('text').attr('class', 'lane-label').attr('x', m.left - 8).attr('y', mid + 4).attr('text-anchor', 'end').text(r.strategy).call((sel) => kit.fitText(sel, m.left - 14));
      g.append('text').attr('class', 'row-note').attr('x', W - m.right + 10).attr('y', mid - 2).text(`P50 ${tf(s.p50)} · P80 ${tf(s.p80)} ${unit}`);
      g.append('text')
        .attr('class', 'row-note')
        .attr('x', W - m.right + 10)
        .attr('y', mid + 13)
        .text(r.deadlineProbability !== null ? `${pct(r.deadlineProbability)} chance by the deadline` : '');
      return;
    }
    // Histogram profile above the box.
    const maxC = d3.max(r.histogram.counts) ?? 1;
    const prof: Array<[number, number]> = [];
    r.histogram.counts.forEach((c, k) => {
      prof.push([r.histogram.edges[k], c], [r.histogram.edges[k + 1], c]);
    });
    const hy = (c: number) => mid - 8 - (c / maxC) * (bw * 0.62 - 10);
    g.append('path')
      .attr('d', d3.area<[number, number]>().x((p) => x(p[0])).y0(mid - 8).y1((p) => hy(p[1]))(prof) ?? '')
      .attr('fill', r === best ? '#9fc3e6' : '#c9d6e3')
      .attr('stroke', 'none');
    g.append('line').attr('x1', x(s.min)).attr('x2', x(s.max)).attr('y1', mid).attr('y2', mid).attr('stroke', '#555');
    for (const v of [s.min, s.max]) g.append('line').attr('x1', x(v)).attr('x2', x(v)).attr('y1', mid - 5).attr('y2', mid + 5).attr('stroke', '#555');
    g.append('rect')
      .attr('class', 'box')
      .attr('x', x(s.p10))
      .attr('width', Math.max(1, x(s.p90) - x(s.p10)))
      .attr('y', mid - 8)
      .attr('height', 16)
      .attr('fill', r === best ? '#4e79a7' : '#7f9cbf')
      .attr('stroke', '#2b4a6f')
      .on('mousemove', (event: MouseEvent) => kit.tip.show(event, describe(r)))
      .on('mouseleave', () => kit.tip.hide());
    g.append('line').attr('x1', x(s.p50)).attr('x2', x(s.p50)).attr('y1', mid - 10).attr('y2', mid + 10).attr('stroke', 'white').attr('stroke-width', 3);
    g.append('circle').attr('cx', x(s.mean)).attr('cy', mid).attr('r', 3.5).attr('fill', '#111');
    g.append('path').attr('d', `M${x(s.p95)},${mid + 9} l-5,8 l10,0 Z`).attr('fill', '#555');
    g.append('text').attr('class', 'lane-label').attr('x', m.left - 8).attr('y', mid + 4).attr('text-anchor', 'end').text(r.strategy).call((sel) => kit.fitText(sel, m.left - 14));
    g.append('text')
      .attr('class', 'row-note')
      .attr('x', W - m.right + 10)
      .attr('y', mid - 2)
      .text(`P50 ${tf(s.p50)} · P80 ${tf(s.p80)} ${unit}`);
    g.append('text')
      .attr('class', 'row-note')
      .attr('x', W - m.right + 10)
      .attr('y', mid + 13)
      .text(r.deadlineProbability !== null ? `${pct(r.deadlineProbability)} chance by the deadline` : '');
  });
  // With dates, the project calendar's non-working days over the rows.
  const under = svg.insert('g', 'g.strategy-row');
  svg.selectAll<SVGGElement, unknown>('g.strategy-row').each(function () {
    if (this.firstChild) under.node()!.appendChild(this.firstChild);
  });
  kit.shadeOff(under, x, m.top, H - m.bottom);
  if (deadline !== null) {
    svg.append('line').attr('class', 'deadline').attr('x1', x(deadline)).attr('x2', x(deadline)).attr('y1', m.top - 8).attr('y2', H - m.bottom).attr('stroke', colors.deadline).attr('stroke-width', 2).attr('stroke-dasharray', '6 4');
    svg.append('text').attr('class', 'mark-label deadline-label').attr('x', x(deadline) + 4).attr('y', m.top - 12).text(`deadline ${tf(deadline, 0)} ${unit}`);
  }
  const axisG = svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${H - m.bottom})`).call(kit.timeAxis(d3.axisBottom(x), x.domain()[0], x.domain()[1], 14));
  kit.declutter(axisG.selectAll('.tick text'));
  kit.axisLabel(svg, kit.timeTick !== null ? 'finish date (grey: non-working days)' : `makespan (${unit})`, (m.left + W - m.right) / 2, H - m.bottom + 36);
  const lh = kit.legend(
    svg,
    [
      { label: 'P10–P90 of runs (box; fastest median in dark blue, the ideal bound aside)', color: '#7f9cbf' },
      { label: 'median (P50)', color: '#bbb', shape: 'line' },
      { label: 'mean', color: '#111', shape: 'circle' },
      { label: 'P95', color: '#555', shape: 'triangle' },
      { label: 'min–max (whiskers)', color: '#555', shape: 'line' },
      { label: 'distribution of runs', color: '#c9d6e3' },
      ...(deadline !== null ? [{ label: 'deadline', color: colors.deadline, shape: 'dash' as const }] : []),
    ],
    m.left,
    H - m.bottom + 50,
    W - m.left - 20,
  );
  kit.fit(svg, W, H - m.bottom + 50 + lh + 4);
}
