import { binnedQuantile, LogHistogram, type LogHistogramState } from './LogHistogram.js';

/** Plain-data form of a `QuantileSummary`. */
export interface QuantileSummaryState {
  n: number;
  min: number;
  max: number;
  histogram: LogHistogramState;
}

/** The percentiles a `QuantileSummary` gives. */
export interface Percentiles {
  p10: number;
  p50: number;
  p80: number;
  p90: number;
  p95: number;
}

/**
 * Percentiles of a per-run value without its moments: count, min, max and the fixed-bin
 * histogram (merging by addition, like `FigureSummary`'s), at a fraction of the cost — for
 * per-task starts and finishes, where thousands are added per run.
 */
export class QuantileSummary {
  n = 0;
  min = Infinity;
  max = -Infinity;
  readonly histogram: LogHistogram;

  constructor(histogram = new LogHistogram()) {
    this.histogram = histogram;
  }

  add(x: number): void {
    this.n++;
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
    this.histogram.add(x);
  }

  merge(o: QuantileSummary): void {
    this.n += o.n;
    if (o.min < this.min) this.min = o.min;
    if (o.max > this.max) this.max = o.max;
    this.histogram.merge(o.histogram);
  }

  percentiles(): Percentiles {
    const bins = this.histogram.bins();
    const q = (p: number) => binnedQuantile(bins, this.n, p, this.min, this.max);
    return { p10: q(0.1), p50: q(0.5), p80: q(0.8), p90: q(0.9), p95: q(0.95) };
  }

  toState(): QuantileSummaryState {
    return { n: this.n, min: this.min, max: this.max, histogram: this.histogram.toState() };
  }

  static fromState(s: QuantileSummaryState): QuantileSummary {
    const q = new QuantileSummary(LogHistogram.fromState(s.histogram));
    q.n = s.n;
    q.min = s.min;
    q.max = s.max;
    return q;
  }
}
