import { deliver } from './dependencies.js';
import type { EngineState } from './EngineState.js';
import type { BranchModel } from './Model.js';
import { O_FAIL, O_REMEDIATE } from './RunState.js';
import { traceBranch, traceSkipped } from './trace.js';

// Branches, existence risks and skipped tasks (docs/semantics.md §17). A task on a path not
// taken is *skipped*: when it would have become ready it is passed at once, with no job, no
// agent, no handoff, and its outgoing links are delivered then (so what follows a path waits
// for the branch point, not for work that never happens). The task of an existence risk that
// did not occur is *absent*: its outgoing links are gone from the start of the run.

/** Per-run set-up of absent tasks: their links are removed and no agent counts them as its work. */
export function resetOptionalTasks(st: EngineState): void {
  const absent = st.inputs.taskAbsent;
  const out = st.out;
  for (let t = 0; t < st.T; t++) {
    const a = absent[t];
    st.skipped[t] = a === 1 ? 2 : 0;
    out.taskSkipped[t] = a === 1 ? 2 : 0;
    if (a !== 1) continue;
    for (let k = st.succOff[t]; k < st.succOff[t + 1]; k++) st.pending[st.succList[k]]--;
    for (let k = st.eligOff[t]; k < st.eligOff[t + 1]; k++) st.remaining[st.eligList[k]]--;
  }
  out.branchPath.fill(-1);
}

/** Skipped or absent task t would become ready now: it is passed (no job), and done. */
export function passTask(st: EngineState, t: number, now: number): void {
  const out = st.out;
  out.taskStart[t] = now;
  out.taskFinish[t] = now;
  st.nodeDone[t] = 1;
  st.openNodes--;
  const absent = st.skipped[t] === 2;
  if (st.tracing) traceSkipped(st, now, t, absent);
  // A skipped branch point takes no path: everything on its paths is skipped too.
  if (st.branchesAt[t].length > 0) decideBranches(st, t, now, false);
  if (absent) return;
  const cause = st.readyCause[t];
  for (let k = st.succOff[t]; k < st.succOff[t + 1]; k++) deliver(st, st.succList[k], cause, now);
}

/**
 * Node `node` (a task's first execution, or a gate) finished at `now` (`taken`: it ran; false:
 * it was skipped): each branch after it picks its path, and the tasks of the other paths are
 * skipped. Called before the node's links are released, so no path task is ready yet.
 */
export function decideBranches(st: EngineState, node: number, now: number, taken: boolean): void {
  const list = st.branchesAt[node];
  const branches = st.model.branches;
  for (let i = 0; i < list.length; i++) {
    const b = list[i];
    const br = branches[b];
    const p = taken ? choosePath(st, br, b, node, now) : -1;
    st.out.branchPath[b] = p;
    if (st.tracing) traceBranch(st, now, node, b, p, taken);
    for (let k = 0; k < br.paths.length; k++) {
      if (k === p) continue;
      const tasks = br.paths[k].tasks;
      for (let j = 0; j < tasks.length; j++) skip(st, tasks[j]);
    }
  }
}

/** The path branch b takes: its nominal one when switched off, else drawn or the first whose condition holds. */
function choosePath(st: EngineState, br: BranchModel, b: number, node: number, now: number): number {
  const I = st.inputs;
  if (I.branchOff[b] === 1) return br.nominal;
  const paths = br.paths;
  if (br.kind === 'probability') {
    const u = I.branchDraws[b];
    let acc = 0;
    for (let k = 0; k < paths.length - 1; k++) {
      acc += paths[k].probability;
      if (u < acc) return k;
    }
    return paths.length - 1;
  }
  for (let k = 0; k < paths.length; k++) {
    const p = paths[k];
    if (!p.conditional) return k;
    if (p.finishAfter !== null && !(now > p.finishAfter)) continue;
    if (p.gateOutcome >= 0 && !gateOutcomeHolds(st, node - st.T, p.gateOutcome)) continue;
    return k;
  }
  return -1;
}

/** Outcome condition c (`BRANCH_GATE_OUTCOMES`) of gate g, once it is done. */
function gateOutcomeHolds(st: EngineState, g: number, c: number): boolean {
  const o = st.out;
  const remediated = o.gateOutcomes[3 * g + O_REMEDIATE] > 0;
  const failed = o.gateOutcomes[3 * g + O_FAIL] > 0;
  switch (c) {
    case 0:
      return !remediated && !failed;
    case 1:
      return remediated;
    case 2:
      return o.gateRounds[g] > 1;
    case 3:
      return failed;
    default:
      return o.gateExhausted[g] === 1;
  }
}

/** Task t is on a path not taken: it will be passed when it would become ready, and no agent waits for it. */
function skip(st: EngineState, t: number): void {
  if (st.skipped[t] !== 0) return;
  st.skipped[t] = 1;
  st.out.taskSkipped[t] = 1;
  for (let k = st.eligOff[t]; k < st.eligOff[t + 1]; k++) st.remaining[st.eligList[k]]--;
}
