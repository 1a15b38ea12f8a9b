import type { Model } from '../engine/Model.js';

/** The correlated tasks of a model and the factor that correlates their normal scores. */
export interface CorrelationPlan {
  /** Task indices that take part in some correlation group, ascending. */
  tasks: number[];
  /** Requested rank correlations (Spearman) among `tasks`, row-major m × m. */
  target: Float64Array;
  /** Lower Cholesky factor of the normal-score correlation that gives `target` ranks. */
  factor: Float64Array;
}

/**
 * Collects the scenario's `correlations` (groups of tasks with a pairwise rank correlation
 * rho; pairs in no group are uncorrelated) into one matrix and factors it, or returns null
 * when there are none. Normal scores with Pearson r have Spearman (6/π)·asin(r/2), so the
 * factored matrix uses r = 2·sin(π·rho/6) (Kruskal 1958); if that matrix is not positive
 * definite (possible near the edge), rho itself is used (checked positive definite on load).
 */
export function correlationPlan(model: Model): CorrelationPlan | null {
  if (model.correlations.length === 0) return null;
  const set = new Set<number>();
  for (const g of model.correlations) for (const t of g.tasks) set.add(t);
  const tasks = [...set].sort((a, b) => a - b);
  const m = tasks.length;
  const pos = new Map(tasks.map((t, i) => [t, i]));
  const target = new Float64Array(m * m);
  for (let i = 0; i < m; i++) target[i * m + i] = 1;
  for (const g of model.correlations) {
    for (const a of g.tasks) {
      for (const b of g.tasks) {
        if (a !== b) target[pos.get(a)! * m + pos.get(b)!] = g.rho;
      }
    }
  }
  const adjusted = target.map((rho, k) => (k % (m + 1) === 0 ? 1 : 2 * Math.sin((Math.PI * rho) / 6)));
  const factor = cholesky(adjusted, m) ?? cholesky(target, m);
  if (factor === null) throw new Error('correlationPlan: the correlation matrix is not positive definite');
  return { tasks, target, factor };
}

/** Lower Cholesky factor L (row-major m × m) with A = L·Lᵀ, or null when A is not positive definite. */
export function cholesky(a: ArrayLike<number>, m: number): Float64Array | null {
  const l = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * m + j];
      for (let k = 0; k < j; k++) s -= l[i * m + k] * l[j * m + k];
      if (i === j) {
        if (!(s > 1e-12)) return null;
        l[i * m + i] = Math.sqrt(s);
      } else l[i * m + j] = s / l[j * m + j];
    }
  }
  return l;
}

/** Ranks 0..n−1 of `values` (ties broken by position): `rank[i]` is the place of values[i]. */
export function ranksOf(values: ArrayLike<number>): Int32Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
  const rank = new Int32Array(n);
  order.forEach((i, r) => (rank[i] = r));
  return rank;
}

/**
 * Average ranks (1-based, ties share their mean rank), as Spearman's coefficient uses. The
 * values are sorted as a typed array (numeric order, no comparator); each value's tie block
 * [lo, hi) is then found by binary search, and its rank is the block's mean, (lo + 1 + hi) / 2.
 */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    let end = lo + 1;
    if (end < n && sorted[end] === v) {
      hi = n;
      while (end < hi) {
        const mid = (end + hi) >>> 1;
        if (sorted[mid] === v) end = mid + 1;
        else hi = mid;
      }
    }
    out[i] = (lo + 1 + end) / 2;
  }
  return out;
}

/** Pearson correlation of two equal-length series (0 when either is constant). */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (n < 2) return 0;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}

/** Spearman's rank correlation: Pearson on average ranks (0 when either series is constant). */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number {
  return pearson(averageRanks(x), averageRanks(y));
}
