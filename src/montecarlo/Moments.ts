import { ExactSum, FastExactSum } from './ExactSum.js';

/** Plain-data form of `Moments`. */
export interface MomentsState {
  n: number;
  sum: number[];
  sumSq: number[];
  min: number;
  max: number;
}

/**
 * The one accumulator of count, exact sums of x and x², min and max, used by every summary
 * (per-run figures, paired differences). It merges exactly: the order of adding and merging
 * changes no bit of the result.
 */
export class Moments {
  n = 0;
  readonly fastSum = new FastExactSum();
  readonly fastSumSq = new FastExactSum();
  min = Infinity;
  max = -Infinity;

  add(x: number): void {
    this.n++;
    this.fastSum.add(x);
    this.fastSumSq.addSquare(x);
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
  }

  /** Exact sum of the values added. */
  get sum(): ExactSum {
    return this.fastSum.exact();
  }

  /** Exact sum of their squares. */
  get sumSq(): ExactSum {
    return this.fastSumSq.exact();
  }

  merge(o: Moments): void {
    this.n += o.n;
    this.sum.addSum(o.sum);
    this.sumSq.addSum(o.sumSq);
    if (o.min < this.min) this.min = o.min;
    if (o.max > this.max) this.max = o.max;
  }

  /** Mean and sample standard deviation from the exact sums (sd exactly 0 when min == max). */
  moments(): { mean: number; sd: number } {
    return moments(this.n, this.sum, this.sumSq, this.min, this.max);
  }

  toState(): MomentsState {
    return { n: this.n, sum: this.sum.canonicalize().p.slice(), sumSq: this.sumSq.canonicalize().p.slice(), min: this.min, max: this.max };
  }

  /** Sets this accumulator to a state (as `toState` gave it); returns this. */
  setState(s: MomentsState): this {
    this.n = s.n;
    this.sum.p = s.sum.slice();
    this.sumSq.p = s.sumSq.slice();
    this.min = s.min;
    this.max = s.max;
    return this;
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
