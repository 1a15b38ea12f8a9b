/** Mantissa bits that pick a bin inside a binade: 1024 bins per power of two. */
const SUB_BITS = 10;
const SUBS = 1 << SUB_BITS;

/**
 * Relative width of a bin: 2^-10 ≈ 0.098 %. A percentile read from the histogram is within
 * that fraction of the sample percentile (usually much closer: it is interpolated in its bin).
 */
export const HISTOGRAM_RELATIVE_WIDTH = 1 / SUBS;

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
/** Index of the high (sign, exponent) word of a double in `U32`: 1 on little-endian machines. */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** Plain-data form of a histogram: pages of 1024 counts keyed by binary exponent, sorted. */
export interface LogHistogramState {
  pos: Array<[number, Float64Array]>;
  neg: Array<[number, Float64Array]>;
}

/** One non-empty bin: values in [lo, hi) (for negative values (lo, hi]) and how many. */
export interface HistogramBin {
  lo: number;
  hi: number;
  count: number;
}

/**
 * A fixed-bin histogram with log-linear bins, HDR-histogram style: a value's bin is its sign,
 * binary exponent and top 10 mantissa bits, read straight off its IEEE-754 bits, so every
 * double has the same bin in every process and counts merge by addition. Storage is one page
 * of 1024 counts per binade actually hit (8 KB each), so memory does not grow with the runs.
 */
export class LogHistogram {
  private readonly pos = new Map<number, Float64Array>();
  private readonly neg = new Map<number, Float64Array>();
  // One-page cache: consecutive values of a figure mostly fall in the same binade.
  private cacheKey = -1;
  private cachePage: Float64Array | null = null;

  /** Counts x once. */
  add(x: number): void {
    if (x === 0) x = 0; // -0 counts as +0
    F64[0] = x;
    const hw = U32[HI];
    const key = hw >>> 20; // sign and exponent
    let page = this.cachePage;
    if (key !== this.cacheKey || page === null) {
      page = this.page(key >>> 11 === 1 ? this.neg : this.pos, key & 0x7ff);
      this.cacheKey = key;
      this.cachePage = page;
    }
    page[(hw >>> SUB_BITS) & (SUBS - 1)]++;
  }

  /** Adds every count of `other` (merging two run ranges). */
  merge(other: LogHistogram): void {
    for (const [side, mine] of [[other.pos, this.pos], [other.neg, this.neg]] as const) {
      for (const [exp, counts] of side) {
        const page = this.page(mine, exp);
        for (let i = 0; i < SUBS; i++) page[i] += counts[i];
      }
    }
  }

  /** The non-empty bins in increasing order of value. */
  bins(): HistogramBin[] {
    const out: HistogramBin[] = [];
    const negExps = [...this.neg.keys()].sort((a, b) => b - a);
    for (const exp of negExps) {
      const page = this.neg.get(exp)!;
      for (let s = SUBS - 1; s >= 0; s--) {
        if (page[s] > 0) out.push({ lo: -binEdge(exp, s + 1), hi: -binEdge(exp, s), count: page[s] });
      }
    }
    const posExps = [...this.pos.keys()].sort((a, b) => a - b);
    for (const exp of posExps) {
      const page = this.pos.get(exp)!;
      for (let s = 0; s < SUBS; s++) {
        if (page[s] > 0) out.push({ lo: binEdge(exp, s), hi: binEdge(exp, s + 1), count: page[s] });
      }
    }
    return out;
  }

  /** Plain data (structured-clone friendly, canonical: equal counts give deep-equal states). */
  toState(): LogHistogramState {
    const side = (m: Map<number, Float64Array>) =>
      [...m.entries()].sort((a, b) => a[0] - b[0]).map(([e, c]) => [e, Float64Array.from(c)] as [number, Float64Array]);
    return { pos: side(this.pos), neg: side(this.neg) };
  }

  static fromState(state: LogHistogramState): LogHistogram {
    const h = new LogHistogram();
    for (const [e, c] of state.pos) h.pos.set(e, Float64Array.from(c));
    for (const [e, c] of state.neg) h.neg.set(e, Float64Array.from(c));
    return h;
  }

  private page(side: Map<number, Float64Array>, exp: number): Float64Array {
    let p = side.get(exp);
    if (p === undefined) {
      p = new Float64Array(SUBS);
      side.set(exp, p);
    }
    return p;
  }
}

/**
 * The bin of x as one integer that increases with x: for x >= 0 its exponent and top 10 mantissa
 * bits (`(exp << 10) | sub`, 0 for ±0), for x < 0 the one's complement of those of |x| (-1, -2, …
 * going down). The same bins as `LogHistogram.add`, one number per bin.
 */
export function binOrdinal(x: number): number {
  if (x === 0) return 0;
  F64[0] = x;
  const hw = U32[HI];
  return hw < 0x80000000 ? hw >>> SUB_BITS : ~((hw & 0x7fffffff) >>> SUB_BITS);
}

/** The bin of ordinal `o` (`binOrdinal`) holding `count` values, with the edges `LogHistogram.bins` gives it. */
export function ordinalBin(o: number, count: number): HistogramBin {
  if (o >= 0) return { lo: binEdge(o >>> SUB_BITS, o & (SUBS - 1)), hi: binEdge(o >>> SUB_BITS, (o & (SUBS - 1)) + 1), count };
  const m = ~o;
  return { lo: -binEdge(m >>> SUB_BITS, (m & (SUBS - 1)) + 1), hi: -binEdge(m >>> SUB_BITS, m & (SUBS - 1)), count };
}

/** The smallest non-negative double in sub-bin `sub` of binade `exp` (sub = 1024: the next binade). */
function binEdge(exp: number, sub: number): number {
  U32[HI] = ((exp << 20) >>> 0) + (sub << SUB_BITS);
  U32[1 - HI] = 0;
  return F64[0];
}

/**
 * The r-th smallest value (0-based) estimated from sorted bins: the bin holding rank r is
 * split evenly among its values (midpoints), and the result clamped to the exact [min, max].
 */
export function orderStatistic(bins: readonly HistogramBin[], r: number, min: number, max: number): number {
  let before = 0;
  for (const b of bins) {
    if (r < before + b.count) {
      const x = b.lo + ((r - before + 0.5) / b.count) * (b.hi - b.lo);
      return x < min ? min : x > max ? max : x;
    }
    before += b.count;
  }
  return max;
}

/**
 * The p-quantile (0 <= p <= 1) of n values by linear interpolation between order statistics
 * (Hyndman & Fan type 7, the default of R and NumPy), from the binned counts; the extremes
 * are exact (min at p = 0, max at p = 1).
 */
export function binnedQuantile(bins: readonly HistogramBin[], n: number, p: number, min: number, max: number): number {
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const at = (r: number) => (r <= 0 ? min : r >= n - 1 ? max : orderStatistic(bins, r, min, max));
  const x = at(lo);
  return h === lo ? x : x + (h - lo) * (at(lo + 1) - x);
}
