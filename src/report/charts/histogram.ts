import type { MonteCarloResult } from '../../montecarlo/MonteCarloResult.js';
import type { ChartKit } from './types.js';

/**
 * Makespan histogram with the cumulative S-curve over it (runs in the browser:
 * self-contained). Bars past the deadline are shaded as late; P50, P80, P95 and the
 * deadline are marked and the deadline probability is written out; with dates, the axis
 * reads in dates over the project calendar's non-working days.
 */
export function drawHistogram(kit: ChartKit, el: HTMLElement, r: MonteCarloResult): void {
  const { colors, tf, pct, unit } = kit;
  const marks = [
    { label: 'P50', v: r.makespan.p50, dash: '2 0', color: '#333' },
    { label: 'P80', v: r.makespan.p80, dash: '6 3', color: '#555' },
    { label: 'P95', v: r.makespan.p95, dash: '2 3', color: '#555' },
  ];
  kit.distributionChart(kit, el, {
    edges: r.histogram.edges,
    counts: r.histogram.counts,
    start: r.makespan.min,
    extent: [r.makespan.min, r.makespan.max, ...(r.deadline !== null ? [r.deadline] : [])],
    height: 400,
    margin: { top: 46, right: 70, bottom: 92, left: 70 },
    title: `Makespan distribution over ${r.runs} runs, in ${unit}`,
    fill: (late) => (late ? colors.late : colors.onTime),
    opacity: 0.85,
    tip: (b, total) => [`${tf(b.x0, 2)}–${tf(b.x1, 2)} ${unit}`, `${b.c} runs (${pct(b.c / total)})`],
    dots: true,
    marks: marks.map((mk) => ({ ...mk, text: `${mk.label} ${tf(mk.v)}` })),
    limit: r.deadline !== null ? { value: r.deadline, cls: 'deadline', text: `deadline ${tf(r.deadline, 0)} ${unit}: ${pct(r.deadlineProbability ?? NaN)} of runs finish by it` } : null,
    caption:
      r.deadline !== null
        ? `Chance to finish by the deadline: ${pct(r.deadlineProbability ?? NaN)}  ·  ${r.runs} runs, strategy ${r.strategy}`
        : `${r.runs} runs, strategy ${r.strategy} (no deadline set)`,
    shade: true,
    axis: (axis, x) => kit.timeAxis(axis, x.domain()[0], x.domain()[1], 16),
    xLabel: kit.timeTick !== null ? 'finish date (grey: non-working days)' : `makespan (${unit})`,
    runsOffset: 44,
    rightLabel: 'share of runs finished (cumulative)',
    legend: [
      { label: 'runs finishing by the deadline', color: colors.onTime },
      ...(r.deadline !== null ? [{ label: 'runs finishing late', color: colors.late }] : []),
      { label: 'cumulative share of runs (right axis)', color: colors.curve, shape: 'line' as const },
      { label: 'P50 / P80 / P95', color: '#444', shape: 'dash' as const },
      ...(r.deadline !== null ? [{ label: 'deadline', color: colors.deadline, shape: 'dash' as const }] : []),
    ],
  });
}
