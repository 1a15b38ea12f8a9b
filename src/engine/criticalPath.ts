import type { EngineState } from './EngineState.js';
import { J_REMEDIATION, J_TASK } from './_internals/JobStore.js';

/**
 * Backtracks from the job that set the makespan through the jobs that enabled each start
 * (a dependency, a handoff, or the job that freed the resource), marking the tasks whose work
 * (first execution, rework or remediation) lies on that chain.
 */
export function collectCriticalPath(st: EngineState): void {
  const J = st.jobs;
  const out = st.out;
  const first = st.pathStart;
  first.fill(Infinity);
  let j = st.lastJob;
  let guard = J.count + 1;
  while (j >= 0 && guard-- > 0) {
    if (J.kind[j] === J_TASK || J.kind[j] === J_REMEDIATION) {
      const t = J.node[j];
      out.critical[t] = 1;
      if (J.start[j] < first[t]) first[t] = J.start[j];
    }
    j = J.pred[j];
  }
  out.criticalPath = criticalOrder(out.critical, first, st.pathBuf);
}

/**
 * The critical tasks (`critical[t] === 1`) in the order their work first appears on the chain
 * (`first[t]`). Insertion sort by first start (tasks arrive in index order, so ties stay in
 * index order): the same order as sorting by (start, index), without a comparator closure per
 * run. `buf` is scratch of one entry per task.
 */
export function criticalOrder(critical: Uint8Array, first: Float64Array, buf: Int32Array): number[] {
  let n = 0;
  for (let t = 0; t < critical.length; t++) {
    if (!critical[t]) continue;
    let i = n++;
    while (i > 0 && first[buf[i - 1]] > first[t]) {
      buf[i] = buf[i - 1];
      i--;
    }
    buf[i] = t;
  }
  const path = new Array<number>(n);
  for (let i = 0; i < n; i++) path[i] = buf[i];
  return path;
}
