import type { Histogram, Stats } from './MonteCarloResult.js';
import { ExactSum, FastExactSum } from './ExactSum.js';
import { binnedQuantile, LogHistogram, type HistogramBin, type LogHistogramState } from './LogHistogram.js';
import { studentT975 } from './studentT.js';

/** Plain-data form of a `FigureSummary`. */
export interface FigureSummaryState {
  n: number;
  sum: number[];
  sumSq: number[];
  min: number;
  max: number;
  histogram: LogHistogramState;
}

/**
 * Everything the Monte Carlo summary of one per-run figure needs, in a form that merges
 * exactly (SPEC 6): the count, exact sums of x and x² (`ExactSum`), min, max and a fixed-bin
 * histogram for percentiles. No per-run value is kept.
 */
export class FigureSummary {
  n = 0;
  readonly fastSum = new FastExactSum();
  readonly fastSumSq = new FastExactSum();
  min = Infinity;
  max = -Infinity;
  readonly histogram: LogHistogram;

  constructor(histogram = new LogHistogram()) {
    this.histogram = histogram;
  }

  add(x: number): void {
    this.n++;
    this.fastSum.add(x);
    this.fastSumSq.addSquare(x);
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
    this.histogram.add(x);
  }

  /** Exact sum of the values added. */
  get sum(): ExactSum {
    return this.fastSum.exact();
  }

  /** Exact sum of their squares. */
  get sumSq(): ExactSum {
    return this.fastSumSq.exact();
  }

  merge(o: FigureSummary): void {
    this.n += o.n;
    this.sum.addSum(o.sum);
    this.sumSq.addSum(o.sumSq);
    if (o.min < this.min) this.min = o.min;
    if (o.max > this.max) this.max = o.max;
    this.histogram.merge(o.histogram);
  }

  /** Mean and sample standard deviation from the exact sums (sd exactly 0 when min == max). */
  moments(): { mean: number; sd: number } {
    return moments(this.n, this.sum, this.sumSq, this.min, this.max);
  }

  /** The SPEC 5 statistics: mean, sd, min, max, P10…P95 and the 95% CI of the mean. */
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

  toState(): FigureSummaryState {
    return {
      n: this.n,
      sum: this.sum.canonicalize().p.slice(),
      sumSq: this.sumSq.canonicalize().p.slice(),
      min: this.min,
      max: this.max,
      histogram: this.histogram.toState(),
    };
  }

  static fromState(s: FigureSummaryState): FigureSummary {
    const f = new FigureSummary(LogHistogram.fromState(s.histogram));
    f.n = s.n;
    f.sum.p = s.sum.slice();
    f.sumSq.p = s.sumSq.slice();
    f.min = s.min;
    f.max = s.max;
    return f;
  }
}

/**
 * Mean and sample sd from exact sums of x and x². The sum of squared deviations about the
 * rounded mean m, Σx² − 2mΣx + n·m², is itself summed exactly (products split error-free by
 * `twoProduct`), so the sd is rounded only at the end: no cancellation, whatever the offset.
 */
export function moments(n: number, sum: ExactSum, sumSq: ExactSum, min: number, max: number): { mean: number; sd: number } {
  if (n === 0) return { mean: NaN, sd: NaN };
  if (min === max) return { mean: min, sd: 0 };
  const mean = sum.value() / n;
  if (n < 2) return { mean, sd: 0 };
  const dev = new ExactSum(sumSq.p.slice());
  for (const p of sum.p) addProduct(dev, -2 * mean, p);
  const [mm, mmErr] = twoProduct(mean, mean);
  addProduct(dev, n, mm);
  addProduct(dev, n, mmErr);
  const ss = dev.value();
  return { mean, sd: ss > 0 ? Math.sqrt(ss / (n - 1)) : 0 };
}

/** Two-sided 95% confidence interval of a mean: mean ± t(0.975, n − 1) · sd / √n. */
export function confidenceInterval(n: number, mean: number, sd: number): [number, number] {
  if (n === 0) return [NaN, NaN];
  if (n < 2 || sd === 0) return [mean, mean];
  const half = (studentT975(n - 1) * sd) / Math.sqrt(n);
  return [mean - half, mean + half];
}

function addProduct(s: ExactSum, a: number, b: number): void {
  const [p, e] = twoProduct(a, b);
  s.add(p);
  s.add(e);
}

/** a·b = p + e exactly (Dekker 1971, Veltkamp splitting; no FMA in JavaScript). */
export function twoProduct(a: number, b: number): [number, number] {
  const p = a * b;
  if (!Number.isFinite(p)) return [p, 0];
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  const e = al * bl - (((p - ah * bh) - al * bh) - ah * bl);
  return [p, e];
}

function split(a: number): [number, number] {
  const c = 134217729 * a; // 2^27 + 1
  const hi = c - (c - a);
  return [hi, a - hi];
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
