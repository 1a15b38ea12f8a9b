import type { TaskStats } from '../../montecarlo/MonteCarloResult.js';
import type { ChartKit } from './types.js';

/**
 * Tornado of task sensitivity (runs in the browser: self-contained): the tasks whose
 * duration moves the makespan most, as bars of rank correlation, coloured by criticality.
 */
export function drawTornado(kit: ChartKit, el: HTMLElement, tasks: TaskStats[], limit = 12): void {
  const { d3, fmt, pct, unit } = kit;
  const top = tasks
    .filter((t) => Number.isFinite(t.sensitivity))
    .slice()
    .sort((a, b) => Math.abs(b.sensitivity) - Math.abs(a.sensitivity) || a.id.localeCompare(b.id))
    .slice(0, limit);
  const ext = Math.max(0.1, ...top.map((t) => Math.abs(t.sensitivity)));
  const color = (c: number) => d3.interpolateBlues(0.25 + 0.75 * Math.max(0, Math.min(1, c)));
  kit.rankedBars(kit, el, {
    rows: top,
    key: (t) => t.id,
    label: (t) => (t.name && t.name !== t.id ? t.name : t.id),
    title: 'Task sensitivity: rank correlation of task duration with makespan',
    rowH: 26,
    margin: { top: 14, right: 40, bottom: 78, left: 340 },
    padding: 0.18,
    domain: [-ext, ext],
    series: [{ value: (t) => t.sensitivity, offset: 0, height: 1, fill: (t) => color(t.criticality), stroke: '#2b4a6f', strokeWidth: 0.5 }],
    tip: (t) => [
      `${t.name} (${t.id})`,
      `sensitivity ${fmt(t.sensitivity, 2)} · on the critical path in ${pct(t.criticality)} of runs`,
      `mean duration ${kit.tf(t.meanDuration, 2)} ${unit}, mean start ${kit.tf(t.meanStart, 1)}, finish ${kit.tf(t.meanFinish, 1)}`,
    ],
    value: {
      x: (t, x) => (t.sensitivity >= 0 ? x(t.sensitivity) + 4 : x(t.sensitivity) - 4),
      anchor: (t) => (t.sensitivity >= 0 ? 'start' : 'end'),
      y: (_t, y0, band) => y0 + band / 2 + 4,
      text: (t) => fmt(t.sensitivity, 2),
    },
    axis: (axis) => axis.ticks(10),
    axisText: 'Spearman rank correlation of task duration with makespan (−1 to 1; no unit)',
    legend: [0, 0.5, 1].map((c) => ({ label: `on the critical path in ${pct(c)} of runs`, color: color(c) })),
  });
}
