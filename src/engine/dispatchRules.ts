import { LINK_FF, LINK_FS, LINK_SF, LINK_SS, type DispatchRuleName, type Model, type StrategyModel } from './Model.js';

/**
 * Dispatch ranks (docs/semantics.md §3, §18): the order in which ready work is offered
 * resources. Tasks sort by `priority` (high first), then by the strategy's rule, then by file
 * order; a pinned `order` puts its tasks first, in its order, then the others by priority and
 * file order. Rank 0 is offered first.
 */
export function dispatchRanks(model: Model, strategy?: StrategyModel): Int32Array {
  const T = model.tasks.length;
  const rank = new Int32Array(T);
  const dispatch = strategy?.dispatch ?? { rule: 'file-order' as const, order: null };
  const tasks = model.tasks;
  let listed = 0;
  const isListed = new Uint8Array(T);
  if (dispatch.order !== null) {
    for (const t of dispatch.order) {
      isListed[t] = 1;
      rank[t] = listed++;
    }
  }
  const key = dispatch.order === null && dispatch.rule !== 'file-order' ? ruleKeys(model, dispatch.rule) : null;
  const rest: number[] = [];
  for (let t = 0; t < T; t++) if (isListed[t] === 0) rest.push(t);
  rest
    .sort((a, b) => tasks[b].priority - tasks[a].priority || (key !== null ? key[a] - key[b] : 0) || a - b)
    .forEach((t, k) => (rank[t] = listed + k));
  return rank;
}

/**
 * Per task, the value its rule sorts by, smaller first (so MTS and GRPW, which favour large
 * values, are negated). Durations are means (Kolisch 1996 defines the rules on deterministic
 * durations): LFT the latest finish of a backward pass from the critical-path length, MTS the
 * number of tasks that transitively follow, GRPW the duration plus the immediate successors'
 * durations, SPT the duration.
 */
export function ruleKeys(model: Model, rule: Exclude<DispatchRuleName, 'file-order'>): Float64Array {
  const T = model.tasks.length;
  const d = meanDurations(model);
  const key = new Float64Array(T);
  const succ = model.successors;
  switch (rule) {
    case 'spt':
      for (let t = 0; t < T; t++) key[t] = d[t];
      break;
    case 'grpw':
      for (let t = 0; t < T; t++) {
        let w = d[t];
        for (const s of succ[t]) w += d[s];
        key[t] = -w;
      }
      break;
    case 'mts': {
      // Distinct tasks reachable from each task: a depth-first walk per task with a visit stamp.
      const stamp = new Int32Array(succ.length).fill(-1);
      const stack: number[] = [];
      for (let t = 0; t < T; t++) {
        let n = 0;
        stack.push(t);
        stamp[t] = t;
        while (stack.length > 0) {
          const x = stack.pop()!;
          for (const s of succ[x]) {
            if (stamp[s] === t) continue;
            stamp[s] = t;
            if (s < T) n++;
            stack.push(s);
          }
        }
        key[t] = -n;
      }
      break;
    }
    case 'lft': {
      const lf = latestFinish(model, d);
      for (let t = 0; t < T; t++) key[t] = lf[t];
      break;
    }
  }
  return key;
}

/** Mean duration of every node: tasks (0 for milestones), then gates (their review). */
export function meanDurations(model: Model): Float64Array {
  const T = model.tasks.length;
  const d = new Float64Array(T + model.gates.length);
  model.tasks.forEach((t, i) => (d[i] = t.kind === 'milestone' ? 0 : t.duration.mean));
  model.gates.forEach((g, i) => (d[T + i] = g.review.mean));
  return d;
}

/**
 * Latest finish of every node with durations `d`: a forward pass gives the critical-path
 * length H, then a backward pass from H over every link type and lag (FS: the successor's
 * latest start minus the lag; SS: that plus the node's duration; FF: the successor's latest
 * finish minus the lag; SF: that plus the node's duration).
 */
export function latestFinish(model: Model, d: Float64Array): Float64Array {
  const N = d.length;
  const order = topologicalOrder(model);
  const es = new Float64Array(N);
  let horizon = 0;
  for (const n of order) {
    const ef = es[n] + d[n];
    if (ef > horizon) horizon = ef;
    const list = model.successors[n];
    for (let k = 0; k < list.length; k++) {
      const s = list[k];
      const lag = model.successorLag[n][k];
      let at: number;
      switch (model.successorType[n][k]) {
        case LINK_SS: at = es[n] + lag; break;
        case LINK_FF: at = ef + lag - d[s]; break;
        case LINK_SF: at = es[n] + lag - d[s]; break;
        case LINK_FS:
        default: at = ef + lag;
      }
      if (at > es[s]) es[s] = at;
    }
  }
  const lf = new Float64Array(N).fill(horizon);
  for (let i = order.length - 1; i >= 0; i--) {
    const n = order[i];
    const list = model.successors[n];
    for (let k = 0; k < list.length; k++) {
      const s = list[k];
      const lag = model.successorLag[n][k];
      let at: number;
      switch (model.successorType[n][k]) {
        case LINK_SS: at = lf[s] - d[s] - lag + d[n]; break;
        case LINK_FF: at = lf[s] - lag; break;
        case LINK_SF: at = lf[s] - lag + d[n]; break;
        case LINK_FS:
        default: at = lf[s] - d[s] - lag;
      }
      if (at < lf[n]) lf[n] = at;
    }
  }
  return lf;
}

/** Nodes (tasks, then gates) in an order where every node comes after its predecessors (Kahn, smallest index first among the ready). */
export function topologicalOrder(model: Model): Int32Array {
  const N = model.successors.length;
  const pending = Int32Array.from(model.predecessorCount);
  const order = new Int32Array(N);
  let n = 0;
  for (let i = 0; i < N; i++) if (pending[i] === 0) order[n++] = i;
  for (let q = 0; q < n; q++) {
    for (const s of model.successors[order[q]]) if (--pending[s] === 0) order[n++] = s;
  }
  return order.subarray(0, n);
}
