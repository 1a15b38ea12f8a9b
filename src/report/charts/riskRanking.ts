import type { RiskEffect } from '../../montecarlo/riskAnalysis.js';
import type { ChartKit } from './types.js';

/**
 * Ranked chart of risks (runs in the browser: self-contained), drawn like the tornado: one row
 * per risk, largest effect first, a bar for how much later the P80 finish is with the risk
 * than with it switched off and a thinner one for the mean (common random numbers).
 */
export function drawRiskRanking(kit: ChartKit, el: HTMLElement, risks: RiskEffect[], limit = 12): void {
  const { d3, tf, pct, unit } = kit;
  const top = risks.filter((r) => Number.isFinite(r.finish.p80Shift) && Number.isFinite(r.finish.meanShift)).slice(0, limit);
  const kinds: Record<string, string> = { risk: 'risk', existence: 'existence risk (adds a task)', driver: 'risk driver (scales durations)', branch: 'branch (off: its nominal path)' };
  const color: Record<string, string> = { risk: '#4e79a7', existence: '#e15759', driver: '#b07aa1', branch: '#59a14f' };
  const W = 1100;
  const rowH = 30;
  const m = { top: 14, right: 60, bottom: 78, left: 340 };
  const plotH = Math.max(1, top.length) * rowH;
  const lo = Math.min(0, ...top.map((r) => Math.min(r.finish.p80Shift, r.finish.meanShift)));
  const hi = Math.max(0.1, ...top.map((r) => Math.max(r.finish.p80Shift, r.finish.meanShift)));
  const x = d3.scaleLinear().domain([lo, hi]).nice().range([m.left, W - m.right]);
  const y = d3.scaleBand<string>().domain(top.map((r) => r.id)).range([m.top, m.top + plotH]).padding(0.16);
  const svg = kit.svg(el, W, m.top + plotH + m.bottom, `Risk ranking: how much each risk moves the finish (${unit})`);
  const tipLines = (r: RiskEffect) => [
    `${r.description} (${r.id})`,
    `${kinds[r.kind] ?? r.kind}${Number.isFinite(r.probability) ? `, probability ${pct(r.probability)}` : ', conditional'}`,
    `P80 finish ${tf(r.finish.p80Shift, 2)} ${unit} later with it (P80 ${tf(r.finish.off.p80, 2)} without it)`,
    `mean finish ${tf(r.finish.meanShift, 2)} ${unit} later (95% CI ${tf(r.finish.meanShiftCi95[0], 2)} to ${tf(r.finish.meanShiftCi95[1], 2)})`,
  ];
  const bars = (key: 'p80Shift' | 'meanShift', offset: number, height: number, opacity: number) =>
    svg
      .append('g')
      .selectAll('rect')
      .data(top)
      .join('rect')
      .attr('class', `risk-${key}`)
      .attr('x', (r) => Math.min(x(0), x(r.finish[key])))
      .attr('width', (r) => Math.max(1, Math.abs(x(r.finish[key]) - x(0))))
      .attr('y', (r) => (y(r.id) ?? 0) + offset * y.bandwidth())
      .attr('height', height * y.bandwidth())
      .attr('fill', (r) => color[r.kind] ?? '#999')
      .attr('fill-opacity', opacity)
      .on('mousemove', (event: MouseEvent, r) => kit.tip.show(event, tipLines(r)))
      .on('mouseleave', () => kit.tip.hide());
  bars('p80Shift', 0, 0.6, 1);
  bars('meanShift', 0.62, 0.38, 0.55);
  svg
    .append('g')
    .selectAll('text')
    .data(top)
    .join('text')
    .attr('class', 'lane-label')
    .attr('x', m.left - 8)
    .attr('y', (r) => (y(r.id) ?? 0) + y.bandwidth() / 2 + 4)
    .attr('text-anchor', 'end')
    .text((r) => (r.description && r.description !== r.id ? r.description : r.id))
    .call((sel) => kit.fitText(sel, m.left - 14));
  svg
    .append('g')
    .selectAll('text')
    .data(top)
    .join('text')
    .attr('class', 'bar-value')
    .attr('x', (r) => x(Math.max(0, r.finish.p80Shift)) + 4)
    .attr('y', (r) => (y(r.id) ?? 0) + 0.3 * y.bandwidth() + 4)
    .text((r) => `P80 +${tf(r.finish.p80Shift, 2)}`);
  svg.append('line').attr('x1', x(0)).attr('x2', x(0)).attr('y1', m.top).attr('y2', m.top + plotH).attr('stroke', '#333');
  svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${m.top + plotH})`).call(kit.timeAxis(d3.axisBottom(x), x.domain()[0], x.domain()[1], 10, false));
  kit.axisLabel(svg, `how much later the finish is with the risk than with it switched off (${unit}; thick: P80, thin: mean)`, (m.left + W - m.right) / 2, m.top + plotH + 34);
  const lh = kit.legend(
    svg,
    Object.keys(kinds).filter((k) => top.some((r) => r.kind === k)).map((k) => ({ label: kinds[k], color: color[k] })),
    m.left,
    m.top + plotH + 50,
    W - m.left - 20,
  );
  kit.fit(svg, W, m.top + plotH + 50 + lh + 4);
}
