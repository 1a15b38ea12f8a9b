import { binOrdinal, ordinalBin, type HistogramBin, type LogHistogramState } from './LogHistogram.js';

/** Bins a window starts with, and the most it grows to (4 binades: 32 KB of counts). */
const FIRST_WINDOW = 64;
const MAX_WINDOW = 4096;
const SUBS = 1024;

/**
 * `LogHistogram`'s bins (same edges, same counts, same state) stored for values that stay in a
 * narrow range, as one task's start or finish does over runs: one window of counts over
 * consecutive bins (`binOrdinal`), grown as values arrive, and a separate count for the bin of
 * zero. Values that would stretch the window beyond 4 binades go to pages of 1024 bins, as in
 * `LogHistogram`. A few hundred bins per task instead of 8 KB pages: thousands of them fit in
 * the caches and cross threads cheaply (`packQuantiles`).
 */
export class CompactHistogram {
  /** Count of bin 0 (±0 and the smallest subnormals). */
  zero = 0;
  /** Counts of bins lo, lo + 1, … (empty until the first non-zero bin). */
  window: Float64Array = EMPTY;
  lo = 0;
  /** Bins outside the window: 1024-bin pages keyed by `ordinal >> 10`; null while there are none. */
  pages: Map<number, Float64Array> | null = null;

  /** Counts x once. */
  add(x: number): void {
    this.addOrdinal(binOrdinal(x), 1);
  }

  /** Adds `count` to the bin of ordinal `o`. */
  addOrdinal(o: number, count: number): void {
    if (o === 0) {
      this.zero += count;
      return;
    }
    const i = o - this.lo;
    const w = this.window;
    if (i >= 0 && i < w.length) w[i] += count;
    else this.addOutside(o, count);
  }

  /**
   * Makes the window span bins `from`..`to` (ordinals, from <= to) when that stays within
   * `MAX_WINDOW` bins, in one step rather than by repeated growth as values arrive.
   */
  cover(from: number, to: number): void {
    const w = this.window;
    if (w.length > 0 && from >= this.lo && to < this.lo + w.length) return;
    const lo = w.length > 0 ? Math.min(this.lo, from) : from;
    const hi = w.length > 0 ? Math.max(this.lo + w.length, to + 1) : to + 1;
    if (hi - lo > MAX_WINDOW) return;
    // A quarter of the span to spare on each side (at least 16 bins): later values mostly fall inside.
    const spare = Math.max(16, (hi - lo) >> 2);
    const start = Math.max(lo - spare, hi - MAX_WINDOW);
    const size = Math.min(MAX_WINDOW, hi + spare - start);
    const next = new Float64Array(size);
    if (w.length > 0) next.set(w, this.lo - start);
    this.window = next;
    this.lo = start;
  }

  /** Adds every count of `other`. */
  merge(other: CompactHistogram): void {
    this.zero += other.zero;
    const w = other.window;
    if (w.length > 0) this.cover(other.lo, other.lo + w.length - 1); // grow once, not bin by bin
    for (let i = 0; i < w.length; i++) if (w[i] !== 0) this.addOrdinal(other.lo + i, w[i]);
    if (other.pages !== null) for (const [key, page] of other.pages) this.addPage(key, page);
  }

  /** The non-empty bins in increasing order of value (as `LogHistogram.bins`). */
  bins(): HistogramBin[] {
    return this.ordinals().map(([o, c]) => ordinalBin(o, c));
  }

  /** The non-empty bins as (ordinal, count) pairs in increasing order. */
  ordinals(): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    if (this.zero !== 0) out.push([0, this.zero]);
    const w = this.window;
    for (let i = 0; i < w.length; i++) if (w[i] !== 0) out.push([this.lo + i, w[i]]);
    if (this.pages !== null) {
      for (const [key, page] of this.pages) for (let s = 0; s < SUBS; s++) if (page[s] !== 0) out.push([key * SUBS + s, page[s]]);
    }
    // Window, zero and pages hold disjoint bins: sorting by ordinal orders them by value.
    return out.sort((a, b) => a[0] - b[0]);
  }

  /** The state `LogHistogram.toState` gives for the same values. */
  toState(): LogHistogramState {
    const pos = new Map<number, Float64Array>();
    const neg = new Map<number, Float64Array>();
    for (const [o, c] of this.ordinals()) {
      const m = o >= 0 ? o : ~o;
      const side = o >= 0 ? pos : neg;
      const exp = m >>> 10;
      let page = side.get(exp);
      if (page === undefined) side.set(exp, (page = new Float64Array(SUBS)));
      page[m & (SUBS - 1)] = c;
    }
    const sorted = (m: Map<number, Float64Array>) => [...m.entries()].sort((a, b) => a[0] - b[0]);
    return { pos: sorted(pos), neg: sorted(neg) };
  }

  static fromState(state: LogHistogramState): CompactHistogram {
    const h = new CompactHistogram();
    for (const [exp, page] of state.pos) for (let s = 0; s < SUBS; s++) if (page[s] !== 0) h.addOrdinal((exp << 10) | s, page[s]);
    for (const [exp, page] of state.neg) for (let s = 0; s < SUBS; s++) if (page[s] !== 0) h.addOrdinal(~((exp << 10) | s), page[s]);
    return h;
  }

  /** Grows the window to take ordinal o if it stays within `MAX_WINDOW` bins, else counts o in a page. */
  private addOutside(o: number, count: number): void {
    const w = this.window;
    if (w.length === 0) {
      this.window = new Float64Array(FIRST_WINDOW);
      this.lo = o - FIRST_WINDOW / 2;
      this.window[FIRST_WINDOW / 2] = count;
      return;
    }
    const lo = Math.min(this.lo, o);
    const hi = Math.max(this.lo + w.length, o + 1);
    if (hi - lo <= MAX_WINDOW) {
      // Room to spare on the side it grew (values spread both ways): doubling keeps copies rare.
      const size = Math.min(MAX_WINDOW, Math.max(2 * w.length, hi - lo));
      const next = new Float64Array(size);
      const start = o < this.lo ? hi - size : lo;
      next.set(w, this.lo - start);
      next[o - start] = count;
      this.window = next;
      this.lo = start;
      return;
    }
    const pages = (this.pages ??= new Map());
    const key = o >> 10;
    let page = pages.get(key);
    if (page === undefined) pages.set(key, (page = new Float64Array(SUBS)));
    page[o & (SUBS - 1)] += count;
  }

  private addPage(key: number, page: Float64Array): void {
    for (let s = 0; s < SUBS; s++) if (page[s] !== 0) this.addOrdinal(key * SUBS + s, page[s]);
  }
}

const EMPTY = new Float64Array(0);
