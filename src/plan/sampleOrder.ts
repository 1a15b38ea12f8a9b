import type { Rng } from '../sim/streams.js';

/**
 * Regret-based biased random sampling of a precedence-feasible task order (Drexl 1991;
 * Kolisch 1996): step by step, among the tasks whose predecessors are all placed, task j is
 * drawn with probability proportional to (max_i v_i − v_j + 1)^alpha, v being the priority
 * value of a "smaller first" rule (LFT). Writes the order into `out` and returns it.
 * `preds[t]`: the tasks that must come before t.
 */
export function sampleOrder(rng: Rng, value: Float64Array, preds: readonly Int32Array[], succs: readonly Int32Array[], alpha: number, out: Int32Array): Int32Array {
  const T = value.length;
  const waiting = new Int32Array(T);
  const eligible: number[] = [];
  for (let t = 0; t < T; t++) {
    waiting[t] = preds[t].length;
    if (waiting[t] === 0) eligible.push(t);
  }
  const weight = new Float64Array(T);
  for (let k = 0; k < T; k++) {
    let max = -Infinity;
    for (const t of eligible) if (value[t] > max) max = value[t];
    let sum = 0;
    for (let i = 0; i < eligible.length; i++) {
      const w = Math.pow(max - value[eligible[i]] + 1, alpha);
      weight[i] = w;
      sum += w;
    }
    let x = rng() * sum;
    let i = 0;
    while (i < eligible.length - 1 && x >= weight[i]) x -= weight[i++];
    const t = eligible[i];
    eligible.splice(i, 1);
    out[k] = t;
    for (const s of succs[t]) if (--waiting[s] === 0) eligible.push(s);
  }
  return out;
}
