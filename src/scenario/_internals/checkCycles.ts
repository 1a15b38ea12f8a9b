import { linkTarget, type LinkSpec, type Scenario } from '../Scenario.js';
import type { Fail } from './fail.js';
import type { ScenarioIndex } from './scenarioIndex.js';

interface GraphNode {
  id: string;
  after: string[];
  /** Path of its `after` list. */
  path: Array<string | number>;
}

/**
 * Fails with E_CYCLE when tasks and gates depend on each other in a loop, naming the ids
 * in dependency order (`a -> b -> c -> a`). References must already be checked.
 * An acyclic graph (the usual case) is told by Kahn's algorithm on integer arrays; only a
 * graph with a cycle is searched again, depth first, for the cycle to name.
 */
export function checkCycles(s: Scenario, ix: ScenarioIndex, fail: Fail): void {
  if (isAcyclic(s, ix)) return;
  reportCycle(s, fail);
}

/** True when no dependency cycle: every node can be taken once all it is after are taken. */
function isAcyclic(s: Scenario, ix: ScenarioIndex): boolean {
  const T = s.tasks.length;
  const gates = s.gates ?? [];
  const N = T + gates.length;
  const number = (id: string): number => {
    const n = ix.nodes.get(id)!;
    return n.kind === 'gate' ? T + n.index : n.index;
  };
  // The ids as `checkReferences` resolved them, else looked up here.
  const resolved = ix.afterNodes;
  let E = 0;
  for (const t of s.tasks) E += t.after?.length ?? 0;
  for (const g of gates) E += g.after.length;
  // Edges p -> n, in file order: from[e] = p, then successors grouped by p (CSR).
  const from = new Int32Array(E);
  const to = new Int32Array(E);
  const waiting = new Int32Array(N);
  const start = new Int32Array(N + 1);
  let e = 0;
  const edges = (after: ReadonlyArray<string | LinkSpec> | undefined, n: number) => {
    if (after === undefined) return;
    for (const a of after) {
      const p = resolved !== null ? resolved[e] : number(typeof a === 'string' ? a : a.task);
      from[e] = p;
      to[e++] = n;
      start[p + 1]++;
      waiting[n]++;
    }
  };
  s.tasks.forEach((t, i) => edges(t.after, i));
  gates.forEach((g, i) => edges(g.after, T + i));
  for (let i = 0; i < N; i++) start[i + 1] += start[i];
  const fill = start.slice(0, N);
  const succ = new Int32Array(E);
  for (let k = 0; k < E; k++) succ[fill[from[k]]++] = to[k];
  const queue = new Int32Array(N);
  let tail = 0;
  for (let i = 0; i < N; i++) if (waiting[i] === 0) queue[tail++] = i;
  for (let head = 0; head < tail; head++) {
    const p = queue[head];
    for (let k = start[p]; k < start[p + 1]; k++) if (--waiting[succ[k]] === 0) queue[tail++] = succ[k];
  }
  return tail === N;
}

/**
 * Fails naming a cycle, found by an iterative depth-first search (no recursion limit on long
 * chains) from each node in file order.
 */
function reportCycle(s: Scenario, fail: Fail): void {
  const nodes: GraphNode[] = [
    ...s.tasks.map((t, i) => ({ id: t.id, after: (t.after ?? []).map(linkTarget), path: ['tasks', i, 'after'] })),
    ...(s.gates ?? []).map((g, i) => ({ id: g.id, after: g.after, path: ['gates', i, 'after'] })),
  ];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const order = new Map(nodes.map((n, i) => [n, i]));
  const state = new Map<string, 'open' | 'done'>();
  for (const root of nodes) {
    if (state.has(root.id)) continue;
    // stack[i + 1] is in stack[i].after: the search walks dependencies backwards.
    const stack: Array<{ node: GraphNode; edge: number }> = [{ node: root, edge: 0 }];
    state.set(root.id, 'open');
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (top.edge === top.node.after.length) {
        state.set(top.node.id, 'done');
        stack.pop();
        continue;
      }
      const k = top.edge++;
      const next = byId.get(top.node.after[k])!;
      const seen = state.get(next.id);
      if (seen === 'open') {
        const from = stack.findIndex((f) => f.node === next);
        report([next, ...stack.slice(from + 1).reverse().map((f) => f.node)], order, fail);
      }
      if (seen === undefined) {
        state.set(next.id, 'open');
        stack.push({ node: next, edge: 0 });
      }
    }
  }
}

/**
 * Fails naming `loop` (in dependency order: each member is after the one before it),
 * rotated to start at its member written first, at the `after` entry of that member
 * which closes the loop: the top-most line of the cycle in the file.
 */
function report(loop: GraphNode[], order: Map<GraphNode, number>, fail: Fail): never {
  let first = 0;
  loop.forEach((n, i) => {
    if (order.get(n)! < order.get(loop[first])!) first = i;
  });
  const rotated = [...loop.slice(first), ...loop.slice(0, first)];
  const [head] = rotated;
  const pred = rotated[rotated.length - 1];
  let ids = [...rotated, head].map((n) => n.id);
  // A cycle through thousands of tasks is shown by its ends.
  if (ids.length > 16) ids = [...ids.slice(0, 8), `… ${ids.length - 13} more …`, ...ids.slice(-5)];
  const size = rotated.length > 15 ? ` (${rotated.length} tasks and gates)` : '';
  return fail('E_CYCLE', `dependency cycle: ${ids.join(' -> ')}${size}`, [...head.path, head.after.indexOf(pred.id)]);
}

/**
 * Fails with E_REFERENCE when a gate assesses a task that is not among its (transitive)
 * predecessors: the review could start before that work is done. Needs an acyclic graph.
 */
export function checkAssessedUpstream(s: Scenario, fail: Fail): void {
  if (!(s.gates ?? []).some((g) => g.assesses !== undefined)) return;
  const afterOf = new Map<string, string[]>([
    ...s.tasks.map((t) => [t.id, (t.after ?? []).map(linkTarget)] as [string, string[]]),
    ...(s.gates ?? []).map((g) => [g.id, g.after] as [string, string[]]),
  ]);
  (s.gates ?? []).forEach((g, i) => {
    if (!g.assesses) return;
    const upstream = new Set<string>();
    const todo = [...g.after];
    while (todo.length) {
      const id = todo.pop()!;
      if (upstream.has(id)) continue;
      upstream.add(id);
      todo.push(...(afterOf.get(id) ?? []));
    }
    g.assesses.forEach((id, k) => {
      if (!upstream.has(id)) {
        fail('E_REFERENCE', `gate '${g.id}' assesses task '${id}', which is not before it: add '${id}' (or a task after it) to the gate's 'after'`, ['gates', i, 'assesses', k]);
      }
    });
  });
}
