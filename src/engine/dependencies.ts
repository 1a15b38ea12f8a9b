import { enqueue, startUnassigned } from './dispatch.js';
import { TASK_WORK, type EngineState } from './EngineState.js';
import { startGate } from './gate.js';
import { traceRisk, traceTaskReady } from './trace.js';
import { passTask } from './branches.js';
import { J_TASK } from './_internals/JobStore.js';

/** One dependency of node `n` (a task or a gate) is met, caused by job `cause`. */
export function deliver(st: EngineState, n: number, cause: number, now: number): void {
  st.readyCause[n] = cause;
  if (--st.pending[n] === 0) nodeReady(st, n, now);
}

/** Every dependency of node `n` is met: a task becomes a ready job, a gate starts its first review. */
export function nodeReady(st: EngineState, n: number, now: number): void {
  if (n < st.T) {
    if (st.optional && st.skipped[n] !== 0) {
      passTask(st, n, now);
      return;
    }
    const I = st.inputs;
    const work = I.durations[n] + I.riskWork[n];
    const held = I.riskHeld[n];
    const j = st.jobs.add(J_TASK, n, -1, st.fixedAgent[n], st.rank[n], 0, work, held, st.readyCause[n]);
    if (st.tracing) {
      traceTaskReady(st, now, n);
      if (held > 0 || I.riskWork[n] > 0) traceRisk(st, now, n, held, I.riskWork[n]);
    }
    if (st.timed && st.taskKind[n] !== TASK_WORK) {
      st.jobs.ready[j] = now;
      startUnassigned(st, j, now);
    } else enqueue(st, j, now);
  } else startGate(st, n - st.T, now);
}

/** Work (a task, remediation or gate) ended at `now`, caused by job j: it may set the makespan. */
export function endOfWork(st: EngineState, j: number, now: number): void {
  if (now >= st.out.makespan) {
    st.out.makespan = now;
    st.lastJob = j;
  }
}
