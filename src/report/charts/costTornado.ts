import type { TaskStats } from '../../montecarlo/MonteCarloResult.js';
import type { ChartKit } from './types.js';

/**
 * Tornado of what drives the cost (runs in the browser: self-contained): the task durations
 * and fixed task costs whose sampled values move the run's cost most (rank correlation).
 */
export function drawCostTornado(kit: ChartKit, el: HTMLElement, tasks: TaskStats[], limit = 12): void {
  const { fmt } = kit;
  const drivers = tasks.flatMap((t) => [
    { key: `d:${t.id}`, label: `${t.name && t.name !== t.id ? t.name : t.id}: duration`, rho: t.costSensitivity ?? NaN, kind: 'duration' },
    { key: `c:${t.id}`, label: `${t.name && t.name !== t.id ? t.name : t.id}: fixed cost`, rho: t.fixedCostSensitivity ?? NaN, kind: 'fixed cost' },
  ]);
  const top = drivers
    .filter((d) => Number.isFinite(d.rho))
    .sort((a, b) => Math.abs(b.rho) - Math.abs(a.rho) || a.key.localeCompare(b.key))
    .slice(0, limit);
  const ext = Math.max(0.1, ...top.map((d) => Math.abs(d.rho)));
  const color = (kind: string) => (kind === 'duration' ? '#4e79a7' : '#59a14f');
  kit.rankedBars(kit, el, {
    rows: top,
    key: (d) => d.key,
    label: (d) => d.label,
    title: 'Cost drivers: rank correlation of task durations and fixed costs with the cost of the run',
    rowH: 26,
    margin: { top: 14, right: 40, bottom: 78, left: 340 },
    padding: 0.18,
    domain: [-ext, ext],
    series: [{ value: (d) => d.rho, offset: 0, height: 1, fill: (d) => color(d.kind) }],
    tip: (d) => [d.label, `rank correlation with the run's cost ${fmt(d.rho, 2)}`],
    value: {
      x: (d, x) => (d.rho >= 0 ? x(d.rho) + 4 : x(d.rho) - 4),
      anchor: (d) => (d.rho >= 0 ? 'start' : 'end'),
      y: (_d, y0, band) => y0 + band / 2 + 4,
      text: (d) => fmt(d.rho, 2),
    },
    axis: (axis) => axis.ticks(10),
    axisText: 'Spearman rank correlation with the cost of the run (−1 to 1; no unit)',
    legend: [
      { label: 'task duration', color: color('duration') },
      { label: 'fixed task cost', color: color('fixed cost') },
    ],
  });
}
