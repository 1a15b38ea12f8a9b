import type { Model } from '../engine/Model.js';

/**
 * The same project with every dependency turned round (successors become predecessors), for
 * the backward pass of forward-backward improvement: a schedule of it read from its end is a
 * schedule of the original (valid for finish-to-start links without lag, no gates). Shares
 * everything else with `model`.
 */
export function reverseModel(model: Model): Model {
  const N = model.successors.length;
  const succ: number[][] = Array.from({ length: N }, () => []);
  const count = new Int32Array(N);
  model.successors.forEach((list, n) => {
    for (const s of list) {
      succ[s].push(n);
      count[n]++;
    }
  });
  for (const l of succ) l.sort((a, b) => a - b);
  return {
    ...model,
    successors: succ.map((l) => Int32Array.from(l)),
    successorType: succ.map((l) => new Int8Array(l.length)),
    successorLag: succ.map((l) => new Float64Array(l.length)),
    predecessorCount: count,
  };
}
