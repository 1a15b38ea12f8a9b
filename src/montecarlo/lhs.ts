import { normalQuantile } from '../sim/distributions/_internals/normal.js';
import { Alea, reseedStream, type Rng } from '../sim/streams.js';
import type { Model } from '../engine/Model.js';
import { cholesky, ranksOf, type CorrelationPlan } from './correlation.js';

/**
 * Runs per Latin hypercube block. Replicated LHS: runs [kB, (k+1)B) form one hypercube, so
 * every block is stratified on its own and can be built by whichever worker runs it.
 */
export const LHS_BLOCK = 1000;

/** Largest double below 1: the top of the last stratum (quantile takes p in [0, 1)). */
const BELOW_ONE = 1 - 2 ** -53;

/**
 * The uniforms of Latin hypercube block `block`: row-major `LHS_BLOCK × T` (row = run in the
 * block, column = task). Column t holds one value in each stratum [k/B, (k+1)/B): a random
 * permutation of the strata plus a uniform jitter inside each, both drawn from the stream
 * (seed, block, 'lhs:<task id>'). With a correlation plan, the correlated columns are then
 * reordered by Iman–Conover, which keeps every column's values (so the stratification) intact.
 */
export function lhsBlock(model: Model, seed: number | string, block: number, plan: CorrelationPlan | null): Float64Array {
  const B = LHS_BLOCK;
  const T = model.tasks.length;
  const u = new Float64Array(B * T);
  const gen = new Alea();
  const perm = new Int32Array(B);
  for (let t = 0; t < T; t++) {
    const rng = reseedStream(gen, seed, block, `lhs:${model.tasks[t].id}`);
    shuffle(rng, perm);
    for (let i = 0; i < B; i++) {
      const x = (perm[i] + rng()) / B;
      u[i * T + t] = x < BELOW_ONE ? x : BELOW_ONE;
    }
  }
  if (plan !== null) imanConover(model, u, T, plan, seed, block, gen);
  return u;
}

/** Fisher–Yates shuffle of 0..n−1 into `out` (Durstenfeld's in-place form). */
function shuffle(rng: Rng, out: Int32Array): void {
  const n = out.length;
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = out[i];
    out[i] = out[j];
    out[j] = t;
  }
}

/**
 * Iman & Conover, "A distribution-free approach to inducing rank correlation among input
 * variables", Commun. Statist. B11(3), 1982. Van der Waerden scores Φ⁻¹(k/(B+1)), shuffled
 * per column (stream (seed, block, 'ic:<task id>')), are made to have the target correlation
 * exactly (S* = S·(P·Q⁻¹)ᵀ with target = P·Pᵀ and the scores' own correlation = Q·Qᵀ), then each
 * column of u is reordered to the ranks of S*'s column.
 */
function imanConover(model: Model, u: Float64Array, T: number, plan: CorrelationPlan, seed: number | string, block: number, gen: Alea): void {
  const B = LHS_BLOCK;
  const m = plan.tasks.length;
  const scores = new Float64Array(B);
  for (let k = 0; k < B; k++) scores[k] = normalQuantile((k + 1) / (B + 1));
  const s = new Float64Array(B * m);
  const perm = new Int32Array(B);
  for (let j = 0; j < m; j++) {
    shuffle(reseedStream(gen, seed, block, `ic:${model.tasks[plan.tasks[j]].id}`), perm);
    for (let i = 0; i < B; i++) s[i * m + j] = scores[perm[i]];
  }
  const q = cholesky(correlationOf(s, B, m), m);
  if (q === null) return; // degenerate scores (cannot happen for B > m): leave columns independent
  const mix = multiply(plan.factor, invertLower(q, m), m);
  const mixed = new Float64Array(B * m);
  for (let i = 0; i < B; i++) {
    for (let a = 0; a < m; a++) {
      let v = 0;
      for (let b = 0; b <= a; b++) v += mix[a * m + b] * s[i * m + b]; // mix is lower triangular
      mixed[i * m + a] = v;
    }
  }
  const col = new Float64Array(B);
  for (let j = 0; j < m; j++) {
    const t = plan.tasks[j];
    for (let i = 0; i < B; i++) col[i] = mixed[i * m + j];
    const rank = ranksOf(col);
    const values = new Float64Array(B);
    for (let i = 0; i < B; i++) values[i] = u[i * T + t];
    values.sort();
    for (let i = 0; i < B; i++) u[i * T + t] = values[rank[i]];
  }
}

/** Pearson correlation matrix of the columns of row-major `x` (n × m). */
function correlationOf(x: Float64Array, n: number, m: number): Float64Array {
  const mean = new Float64Array(m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) mean[j] += x[i * m + j];
  for (let j = 0; j < m; j++) mean[j] /= n;
  const c = new Float64Array(m * m);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < m; a++) {
      const da = x[i * m + a] - mean[a];
      for (let b = 0; b <= a; b++) c[a * m + b] += da * (x[i * m + b] - mean[b]);
    }
  }
  for (let a = 0; a < m; a++) for (let b = 0; b < a; b++) c[a * m + b] /= Math.sqrt(c[a * m + a] * c[b * m + b]);
  for (let a = 0; a < m; a++) {
    c[a * m + a] = 1;
    for (let b = 0; b < a; b++) c[b * m + a] = c[a * m + b];
  }
  return c;
}

/** Inverse of a lower-triangular matrix (forward substitution, column by column). */
function invertLower(l: Float64Array, m: number): Float64Array {
  const inv = new Float64Array(m * m);
  for (let j = 0; j < m; j++) {
    inv[j * m + j] = 1 / l[j * m + j];
    for (let i = j + 1; i < m; i++) {
      let s = 0;
      for (let k = j; k < i; k++) s -= l[i * m + k] * inv[k * m + j];
      inv[i * m + j] = s / l[i * m + i];
    }
  }
  return inv;
}

/** Product of two lower-triangular m × m matrices (row-major). */
function multiply(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const c = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = j; k <= i; k++) s += a[i * m + k] * b[k * m + j];
      c[i * m + j] = s;
    }
  }
  return c;
}
