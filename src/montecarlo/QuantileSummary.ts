import { CompactHistogram } from './CompactHistogram.js';
import { binnedQuantile, binOrdinal, type LogHistogramState } from './LogHistogram.js';

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

/** Index of the high (sign, exponent) word of a double in a Uint32Array view: 1 on little-endian machines. */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/**
 * Percentiles of a per-run value without its moments: count, min, max and the fixed-bin
 * histogram of `LogHistogram` (merging by addition, like `FigureSummary`'s), kept compact
 * (`CompactHistogram`) — for per-task starts and finishes, where thousands are added per run.
 */
export class QuantileSummary {
  n = 0;
  min = Infinity;
  max = -Infinity;
  readonly histogram: CompactHistogram;

  constructor(histogram = new CompactHistogram()) {
    this.histogram = histogram;
  }

  add(x: number): void {
    this.n++;
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
    this.histogram.add(x);
  }

  /**
   * Adds `count` values of `values` from index `at` in steps of `step` (one task's column of a
   * block of runs); `words` is the Uint32Array view of `values`' buffer. The same as `add` of
   * each in turn, with the bin read straight off the high word of each double.
   */
  addColumn(values: Float64Array, words: Uint32Array, at: number, step: number, count: number): void {
    const h = this.histogram;
    // First the column's range, so that the window grows at most once for it.
    let lo = Infinity;
    let hi = -Infinity;
    let least = Infinity; // the smallest positive value: zeros are counted apart, so cover from there
    for (let r = 0, i = at; r < count; r++, i += step) {
      const x = values[i];
      if (x < lo) lo = x;
      if (x > hi) hi = x;
      if (x > 0 && x < least) least = x;
    }
    if (lo >= 0 && least <= hi) h.cover(binOrdinal(least), binOrdinal(hi));
    else if (hi < 0) h.cover(binOrdinal(lo), binOrdinal(hi));
    let min = this.min;
    let max = this.max;
    if (lo < min) min = lo;
    if (hi > max) max = hi;
    for (let r = 0, i = at; r < count; r++, i += step) {
      const x = values[i];
      if (x === 0) {
        h.zero++;
        continue;
      }
      const hw = words[2 * i + HI];
      const o = hw < 0x80000000 ? hw >>> 10 : ~((hw & 0x7fffffff) >>> 10);
      const k = o - h.lo;
      const w = h.window;
      if (k >= 0 && k < w.length && o !== 0) w[k]++;
      else h.addOrdinal(o, 1);
    }
    this.n += count;
    this.min = min;
    this.max = max;
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
    const q = new QuantileSummary(CompactHistogram.fromState(s.histogram));
    q.n = s.n;
    q.min = s.min;
    q.max = s.max;
    return q;
  }
}

/**
 * Many `QuantileSummary`s in three typed arrays, for handing between threads (a structured
 * clone of a few flat arrays instead of thousands of histogram pages). Not a canonical form:
 * the layout depends on the order values arrived in, the counts do not.
 */
export interface PackedQuantiles {
  /** Per summary: n, min, max, count of bin 0, first ordinal and length of its window. */
  head: Float64Array;
  /** The windows one after another. */
  windows: Float64Array;
  /** Bins kept outside the windows, as (summary, ordinal, count) triples. */
  outside: Float64Array;
}

const HEAD = 6;

/** `qs` packed (`PackedQuantiles`); `unpackQuantiles` gives summaries with the same counts. */
export function packQuantiles(qs: readonly QuantileSummary[]): PackedQuantiles {
  const head = new Float64Array(HEAD * qs.length);
  let size = 0;
  const outside: number[] = [];
  qs.forEach((q, k) => {
    const h = q.histogram;
    const w = h.window;
    // Trim the window to its non-empty bins.
    let a = 0;
    let b = w.length;
    while (a < b && w[a] === 0) a++;
    while (b > a && w[b - 1] === 0) b--;
    const at = HEAD * k;
    head[at] = q.n;
    head[at + 1] = q.min;
    head[at + 2] = q.max;
    head[at + 3] = h.zero;
    head[at + 4] = h.lo + a;
    head[at + 5] = b - a;
    size += b - a;
    if (h.pages !== null) {
      for (const [key, page] of h.pages) for (let s = 0; s < page.length; s++) if (page[s] !== 0) outside.push(k, key * page.length + s, page[s]);
    }
  });
  const windows = new Float64Array(size);
  let at = 0;
  qs.forEach((q, k) => {
    const from = head[HEAD * k + 4] - q.histogram.lo;
    const len = head[HEAD * k + 5];
    windows.set(q.histogram.window.subarray(from, from + len), at);
    at += len;
  });
  return { head, windows, outside: Float64Array.from(outside) };
}

/** The summaries `packQuantiles` packed. */
export function unpackQuantiles(p: PackedQuantiles): QuantileSummary[] {
  const out: QuantileSummary[] = [];
  let at = 0;
  for (let k = 0; k < p.head.length / HEAD; k++) {
    const h = HEAD * k;
    const len = p.head[h + 5];
    const q = new QuantileSummary();
    q.n = p.head[h];
    q.min = p.head[h + 1];
    q.max = p.head[h + 2];
    q.histogram.zero = p.head[h + 3];
    if (len > 0) {
      q.histogram.window = p.windows.slice(at, at + len);
      q.histogram.lo = p.head[h + 4];
    }
    at += len;
    out.push(q);
  }
  for (let i = 0; i < p.outside.length; i += 3) out[p.outside[i]].histogram.addOrdinal(p.outside[i + 1], p.outside[i + 2]);
  return out;
}
