/**
 * A cycle in a dependency graph, or undefined: the ids along it, the first repeated at the end
 * (`[a, b, c, a]` for a -> b -> c -> a, each depending on the one before it). Iterative
 * depth-first search (white/grey/black colouring), so deep chains cannot overflow the stack;
 * nodes and their predecessor lists are visited in the given order, so the cycle found is
 * always the same one.
 */
export function findCycle(predecessors: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const state = new Map<string, 1 | 2>(); // 1: on the current path, 2: done
  for (const root of predecessors.keys()) {
    if (state.has(root)) continue;
    const path: string[] = [root];
    const next: number[] = [0];
    state.set(root, 1);
    while (path.length > 0) {
      const node = path[path.length - 1];
      const preds = predecessors.get(node) ?? [];
      const i = next[next.length - 1]++;
      if (i >= preds.length) {
        state.set(node, 2);
        path.pop();
        next.pop();
        continue;
      }
      const pred = preds[i];
      const s = state.get(pred);
      if (s === 1) {
        // path[k..] depends, step by step, on pred: report it in dependency order.
        const cycle = path.slice(path.indexOf(pred)).reverse();
        return [...cycle, cycle[0]];
      }
      if (s === undefined && predecessors.has(pred)) {
        state.set(pred, 1);
        path.push(pred);
        next.push(0);
      }
    }
  }
  return undefined;
}
