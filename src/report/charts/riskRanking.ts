import type { RiskEffect } from '../../montecarlo/riskAnalysis.js';
import type { ChartKit } from './types.js';

/**
 * Ranked chart of risks (runs in the browser: self-contained), drawn like the tornado: one row
 * per risk, largest effect first, a bar for how much later the P80 finish is with the risk
 * than with it switched off and a thinner one for the mean (common random numbers).
 */
export function drawRiskRanking(kit: ChartKit, el: HTMLElement, risks: RiskEffect[], limit = 12): void {
  const { tf, pct, unit } = kit;
  const top = risks.filter((r) => Number.isFinite(r.finish.p80Shift) && Number.isFinite(r.finish.meanShift)).slice(0, limit);
  const kinds: Record<string, string> = { risk: 'risk', existence: 'existence risk (adds a task)', driver: 'risk driver (scales durations)', branch: 'branch (off: its nominal path)' };
  const color: Record<string, string> = { risk: '#4e79a7', existence: '#e15759', driver: '#b07aa1', branch: '#59a14f' };
  const lo = Math.min(0, ...top.map((r) => Math.min(r.finish.p80Shift, r.finish.meanShift)));
  const hi = Math.max(0.1, ...top.map((r) => Math.max(r.finish.p80Shift, r.finish.meanShift)));
  const tipLines = (r: RiskEffect) => [
    `${r.description} (${r.id})`,
    `${kinds[r.kind] ?? r.kind}${Number.isFinite(r.probability) ? `, probability ${pct(r.probability)}` : ', conditional'}`,
    `P80 finish ${tf(r.finish.p80Shift, 2)} ${unit} later with it (P80 ${tf(r.finish.off.p80, 2)} without it)`,
    `mean finish ${tf(r.finish.meanShift, 2)} ${unit} later (95% CI ${tf(r.finish.meanShiftCi95[0], 2)} to ${tf(r.finish.meanShiftCi95[1], 2)})`,
  ];
  const fill = (r: RiskEffect) => color[r.kind] ?? '#999';
  kit.rankedBars(kit, el, {
    rows: top,
    key: (r) => r.id,
    label: (r) => (r.description && r.description !== r.id ? r.description : r.id),
    title: `Risk ranking: how much each risk moves the finish (${unit})`,
    rowH: 30,
    margin: { top: 14, right: 60, bottom: 78, left: 340 },
    padding: 0.16,
    domain: [lo, hi],
    series: [
      { cls: 'risk-p80Shift', value: (r) => r.finish.p80Shift, offset: 0, height: 0.6, fill, opacity: 1 },
      { cls: 'risk-meanShift', value: (r) => r.finish.meanShift, offset: 0.62, height: 0.38, fill, opacity: 0.55 },
    ],
    tip: tipLines,
    value: {
      x: (r, x) => x(Math.max(0, r.finish.p80Shift)) + 4,
      y: (_r, y0, band) => y0 + 0.3 * band + 4,
      text: (r) => `P80 +${tf(r.finish.p80Shift, 2)}`,
    },
    axis: (axis, x) => kit.timeAxis(axis, x.domain()[0], x.domain()[1], 10, false),
    axisText: `how much later the finish is with the risk than with it switched off (${unit}; thick: P80, thin: mean)`,
    legend: Object.keys(kinds)
      .filter((k) => top.some((r) => r.kind === k))
      .map((k) => ({ label: kinds[k], color: color[k] })),
  });
}
