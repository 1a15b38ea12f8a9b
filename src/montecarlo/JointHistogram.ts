/** Mantissa bits of a joint bin: 128 bins per power of two, each 2^-7 ≈ 0.78 % wide relative to its value. */
const SUB_BITS = 7;
const SHIFT = 20 - SUB_BITS;
/** Bin indices of non-negative doubles are below 2^(11 + SUB_BITS); a cell key is `x * Y_SPAN + y`. */
const Y_SPAN = 2 ** (11 + SUB_BITS);

/** Relative width of a bin of the joint histogram on either axis. */
export const JOINT_RELATIVE_WIDTH = 2 ** -SUB_BITS;

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** Plain-data form of a joint histogram: cell keys in increasing order and their counts (canonical). */
export interface JointHistogramState {
  keys: Float64Array;
  counts: Float64Array;
}

/** One occupied cell: bin indices on both axes and its count. */
export interface JointCell {
  x: number;
  y: number;
  count: number;
}

/**
 * A two-dimensional histogram of (finish, cost) pairs with log-linear bins on each axis (a
 * value's bin is its binary exponent and top 7 mantissa bits, read off its IEEE-754 bits, as
 * `LogHistogram` does with 10), stored sparsely: only occupied cells. Every pair has the same
 * cell in every process, so histograms merge by adding counts, exactly and in any order.
 * Values must be >= 0 (times and costs are).
 */
export class JointHistogram {
  private readonly cells = new Map<number, number>();

  /** Counts the pair (x, y) once. */
  add(x: number, y: number): void {
    const k = binOf(x) * Y_SPAN + binOf(y);
    this.cells.set(k, (this.cells.get(k) ?? 0) + 1);
  }

  /** Adds every count of `other`. */
  merge(other: JointHistogram): void {
    for (const [k, c] of other.cells) this.cells.set(k, (this.cells.get(k) ?? 0) + c);
  }

  /** Occupied cells, by x bin then y bin. */
  cellList(): JointCell[] {
    return [...this.cells.keys()].sort((a, b) => a - b).map((k) => ({ x: Math.floor(k / Y_SPAN), y: k % Y_SPAN, count: this.cells.get(k)! }));
  }

  toState(): JointHistogramState {
    const keys = Float64Array.from(this.cells.keys()).sort();
    return { keys, counts: Float64Array.from(keys, (k) => this.cells.get(k)!) };
  }

  static fromState(s: JointHistogramState): JointHistogram {
    const h = new JointHistogram();
    for (let i = 0; i < s.keys.length; i++) h.cells.set(s.keys[i], s.counts[i]);
    return h;
  }
}

/** The bin of a value >= 0 (-0 counts as 0). */
export function binOf(v: number): number {
  F64[0] = v === 0 ? 0 : v;
  return U32[HI] >>> SHIFT;
}

/** The smallest value of bin `b` (so bin b holds [binLow(b), binLow(b + 1))). */
export function binLow(b: number): number {
  U32[HI] = (b << SHIFT) >>> 0;
  U32[1 - HI] = 0;
  return F64[0];
}
