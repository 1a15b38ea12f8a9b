import { binLow, type JointCell } from './JointHistogram.js';

/** The date and cost met together at a joint confidence level (docs/monte-carlo.md, "Cost and joint confidence"). */
export interface JointConfidence {
  /** The level asked for, e.g. 0.8. */
  level: number;
  /** The date and cost of the point: the upper edges of their bins, at most the largest value seen. */
  date: number;
  cost: number;
  /** The marginal confidence q of the point: at least a share q of runs finish by `date`, and at least q cost no more than `cost`. */
  marginal: number;
  /** Share of runs with finish and cost both in bins at or below the point's: at least `level`. */
  probability: number;
  /** The joint-confidence frontier: for each date (bin edge), the lowest cost met together with it in at least `level` of runs; corners of the staircase, dates increasing, costs decreasing. */
  frontier: Array<[number, number]>;
}

/** Smallest count c with c / n >= level. */
function needed(n: number, level: number): number {
  let c = Math.ceil(level * n);
  while (c > 0 && (c - 1) / n >= level) c--;
  while (c / n < level) c++;
  return c;
}

/**
 * Joint confidence of (finish, cost) at `level` from the cells of a joint histogram of n runs,
 * with the largest finish and cost seen (`xMax`, `yMax`). The point is found along the diagonal
 * of marginal quantiles: the smallest q such that the q-quantile bins of finish and of cost,
 * taken together, hold at least `level` of the runs. Null when there are no runs.
 */
export function jointConfidence(cells: readonly JointCell[], n: number, level: number, xMax: number, yMax: number): JointConfidence | null {
  if (n === 0 || cells.length === 0) return null;
  const need = needed(n, level);
  const xs = distinct(cells.map((c) => c.x));
  const ys = distinct(cells.map((c) => c.y));
  const xCum = cumulative(cells, xs, (c) => c.x);
  const yCum = cumulative(cells, ys, (c) => c.y);
  const date = (i: number) => Math.min(binLow(xs[i] + 1), xMax);
  const cost = (j: number) => Math.min(binLow(ys[j] + 1), yMax);
  // Candidate marginal levels: every cumulative count of either axis, from `need` up.
  const levels = distinct([...xCum, ...yCum].filter((c) => c >= need));
  const at = (q: number) => {
    const i = firstAtLeast(xCum, q);
    const j = firstAtLeast(yCum, q);
    const xb = xs[i];
    const yb = ys[j];
    let joint = 0;
    for (const c of cells) if (c.x <= xb && c.y <= yb) joint += c.count;
    return { i, j, joint };
  };
  // The joint count grows with q (both bins move up): binary search for the first level that holds.
  let lo = 0;
  let hi = levels.length - 1; // q = n takes every run
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at(levels[mid]).joint >= need) hi = mid;
    else lo = mid + 1;
  }
  const q = levels[lo];
  const p = at(q);
  return { level, date: date(p.i), cost: cost(p.j), marginal: q / n, probability: p.joint / n, frontier: frontier(cells, xs, ys, need, date, cost) };
}

/** Sweep over dates: a Fenwick tree over cost bins gives the lowest cost bin reaching `need` runs. */
function frontier(cells: readonly JointCell[], xs: number[], ys: number[], need: number, date: (i: number) => number, cost: (j: number) => number): Array<[number, number]> {
  const yIndex = new Map(ys.map((y, j) => [y, j]));
  const tree = new Float64Array(ys.length + 1);
  let top = 1;
  while (top * 2 <= ys.length) top *= 2;
  const out: Array<[number, number]> = [];
  let total = 0;
  let k = 0;
  let last = Infinity;
  for (let i = 0; i < xs.length; i++) {
    for (; k < cells.length && cells[k].x === xs[i]; k++) {
      total += cells[k].count;
      for (let j = yIndex.get(cells[k].y)! + 1; j <= ys.length; j += j & -j) tree[j] += cells[k].count;
    }
    if (total < need) continue;
    // Largest prefix with a sum below `need`; the cost bin after it is the answer.
    let pos = 0;
    let sum = 0;
    for (let step = top; step > 0; step >>= 1) {
      if (pos + step <= ys.length && sum + tree[pos + step] < need) {
        pos += step;
        sum += tree[pos];
      }
    }
    if (pos < last) {
      out.push([date(i), cost(pos)]);
      last = pos;
    }
  }
  return out;
}

function distinct(v: number[]): number[] {
  return [...new Set(v)].sort((a, b) => a - b);
}

/** Cumulative counts over the sorted distinct bins `bins` of one axis. */
function cumulative(cells: readonly JointCell[], bins: number[], axis: (c: JointCell) => number): number[] {
  const index = new Map(bins.map((b, i) => [b, i]));
  const counts = new Array<number>(bins.length).fill(0);
  for (const c of cells) counts[index.get(axis(c))!] += c.count;
  for (let i = 1; i < counts.length; i++) counts[i] += counts[i - 1];
  return counts;
}

function firstAtLeast(cum: number[], q: number): number {
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid] >= q) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
