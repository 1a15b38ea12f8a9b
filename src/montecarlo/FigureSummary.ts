import type { Histogram, Stats } from './MonteCarloResult.js';

export { moments } from './Moments.js';
export { twoProduct } from './Moments.js';
import { Moments, moments, type MomentsState } from './Moments.js';
import { binnedQuantile, LogHistogram, type HistogramBin, type LogHistogramState } from './LogHistogram.js';
import { studentT975 } from './studentT.js';

/** Plain-data form of a `FigureSummary`. */
export interface FigureSummaryState extends MomentsState {
  histogram: LogHistogramState;
}

/**
 * Everything the Monte Carlo summary of one per-run figure needs, in a form that merges
 * exactly: the moments (count, exact sums of x and x², min, max) and a fixed-bin histogram for
 * percentiles. No per-run value is kept.
 */
export class FigureSummary extends Moments {
  readonly histogram: LogHistogram;

  constructor(histogram = new LogHistogram()) {
    super();
    this.histogram = histogram;
  }

  override add(x: number): void {
    super.add(x);
    this.histogram.add(x);
  }

  override merge(o: FigureSummary): void {
    super.merge(o);
    this.histogram.merge(o.histogram);
  }

  /** The statistics: mean, sd, min, max, P10…P95 and the 95% CI of the mean. */
  stats(bins: readonly HistogramBin[] = this.histogram.bins()): Stats {
    const n = this.n;
    const { mean, sd } = this.moments();
    const q = (p: number) => binnedQuantile(bins, n, p, this.min, this.max);
    return {
      n,
      mean,
      sd,
      min: n > 0 ? this.min : NaN,
      max: n > 0 ? this.max : NaN,
      p10: q(0.1),
      p50: q(0.5),
      p80: q(0.8),
      p90: q(0.9),
      p95: q(0.95),
      ci95: confidenceInterval(n, mean, sd),
    };
  }

  override toState(): FigureSummaryState {
    return { ...super.toState(), histogram: this.histogram.toState() };
  }

  static fromState(s: FigureSummaryState): FigureSummary {
    return new FigureSummary(LogHistogram.fromState(s.histogram)).setState(s);
  }
}

/** Two-sided 95% confidence interval of a mean: mean ± t(0.975, n − 1) · sd / √n. */
export function confidenceInterval(n: number, mean: number, sd: number): [number, number] {
  if (n === 0) return [NaN, NaN];
  if (n < 2 || sd === 0) return [mean, mean];
  const half = (studentT975(n - 1) * sd) / Math.sqrt(n);
  return [mean - half, mean + half];
}

/**
 * A histogram for charts: up to 40 equal-width bins from min to max; each fine bin's count goes
 * to the chart bin holding its midpoint (clamped to [min, max]).
 */
export function chartHistogram(bins: readonly HistogramBin[], min: number, max: number): Histogram {
  if (bins.length === 0) return { edges: [], counts: [] };
  if (!(max > min)) return { edges: [min, max], counts: [bins.reduce((a, b) => a + b.count, 0)] };
  const k = 40;
  const width = (max - min) / k;
  const edges = Array.from({ length: k + 1 }, (_, i) => (i === k ? max : min + i * width));
  const counts = new Array<number>(k).fill(0);
  for (const b of bins) {
    const mid = Math.min(max, Math.max(min, 0.5 * (b.lo + b.hi)));
    counts[Math.min(k - 1, Math.floor((mid - min) / width))] += b.count;
  }
  return { edges, counts };
}
