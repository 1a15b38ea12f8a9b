import type { EngineState } from './EngineState.js';
import { EV_JOB_END } from './events.js';
import { releaseAtStart } from './links.js';
import type { Model, StrategyModel } from './Model.js';
import { traceJob } from './trace.js';
import { J_REMEDIATION, J_TASK } from './_internals/JobStore.js';
import type { UnitState } from './_internals/UnitState.js';

// Resources in units (docs/semantics.md §18). A job holds units of one or more resources for
// its whole length: a task its demands (fixed agents, one pool agent, or units shared by pool
// agents), a rework or remediation what the task's first execution held, a coordination job
// one unit of its payer (or all of a smaller capacity). At each dispatch the ready jobs are
// scanned in dispatch order and each starts when all it needs is free at once (a parallel
// schedule generation scheme, Kolisch 1996).

/** Does a run of this (model, strategy) need resources in units? Otherwise the slot engine runs, as it always has. */
export function unitMode(model: Model, strategy: StrategyModel): boolean {
  return model.units || strategy.pick !== 'first' || strategy.dispatch.order !== null;
}

/** The dispatcher in units: every ready job, in dispatch order, starts if all it needs is free now. */
export function dispatchUnits(st: EngineState, now: number): void {
  const u = st.u!;
  const l = u.ready;
  for (let i = 0; i < l.length; ) {
    if (st.oneAtATime && st.runningTotal > 0) return;
    const j = l[i];
    if (fits(st, u, j, now)) {
      l.splice(i, 1);
      startUnits(st, u, j, now);
    } else i++;
  }
}

/** Can job j start now? On success the fitter holds what it takes. */
function fits(st: EngineState, u: UnitState, j: number, now: number): boolean {
  const J = st.jobs;
  const kind = J.kind[j];
  const f = u.fitter;
  if (kind === J_TASK && J.gate[j] < 0) {
    const t = J.node[j];
    if (u.listed[t] === 1 && u.strict[u.strictNext] !== t) return false;
    return f.task(st.model.tasks[t].demands, u.free, st.interruptedUntil, now, st.out.work);
  }
  if (kind === J_TASK || kind === J_REMEDIATION) {
    // A rework or remediation: the agents of the task's first execution, with the same units.
    const t = J.node[j];
    return f.fixed(u.res, u.units, u.taskOff[t], u.taskLen[t], u.free, st.interruptedUntil, now);
  }
  u.one[0] = J.res[j];
  u.oneUnits[0] = u.coordUnits[J.res[j]];
  return f.fixed(u.one, u.oneUnits, 0, 1, u.free, st.interruptedUntil, now);
}

/** Starts job j on the holdings of its fit: each resource gives its units until the job ends. */
function startUnits(st: EngineState, u: UnitState, j: number, now: number): void {
  const J = st.jobs;
  const out = st.out;
  const off = u.commit(j);
  const n = u.len[j];
  const lead = u.res[off];
  J.res[j] = lead;
  J.slot[j] = -1;
  const at = st.calendared ? st.resourceTime[lead].nextWorking(now) : now;
  J.start[j] = at;
  // Waited for resources: the job that freed the last of them is the predecessor.
  let prev = -1;
  for (let k = 0; k < n; k++) {
    const p = st.lastEndJob[u.res[off + k]];
    if (p >= 0 && J.end[p] > J.ready[j] && (prev < 0 || J.end[p] > J.end[prev])) prev = p;
  }
  if (now > J.ready[j] && prev >= 0) J.pred[j] = prev;
  for (let k = 0; k < n; k++) {
    const r = u.res[off + k];
    u.free[r] -= u.units[off + k];
    st.running[r]++;
    u.runningOn[r].push(j);
    if (at < out.firstStart[r]) out.firstStart[r] = at;
  }
  st.runningTotal++;
  if (J.kind[j] === J_TASK && J.gate[j] < 0) {
    const t = J.node[j];
    out.taskStart[t] = at;
    out.taskAgent[t] = lead;
    u.taskOff[t] = off;
    u.taskLen[t] = n;
    if (u.listed[t] === 1) u.strictNext++;
    // The task is its holders' work from now on: the other eligible agents no longer wait for it.
    for (let k = st.eligOff[t]; k < st.eligOff[t + 1]; k++) if (!holds(u, off, n, st.eligList[k])) st.remaining[st.eligList[k]]--;
  }
  const end = st.calendared ? st.resourceTime[lead].advance(now, J.dur[j]) : now + J.dur[j];
  J.end[j] = end;
  J.event[j] = st.sim.scheduleAt(end, EV_JOB_END, j);
  st.activeEvents++;
  if (st.tracing) traceJob(st, now, j, true);
  if (st.timed && J.kind[j] === J_TASK && J.gate[j] < 0 && st.startLinks[J.node[j]] === 1) releaseAtStart(st, J.node[j], j, at, end);
}

function holds(u: UnitState, off: number, n: number, r: number): boolean {
  for (let k = 0; k < n; k++) if (u.res[off + k] === r) return true;
  return false;
}

/** Job j ended at `now`: each resource takes its units back and is credited units × the job's work, held and coordination time. */
export function releaseUnits(st: EngineState, j: number, now: number): void {
  const u = st.u!;
  const J = st.jobs;
  const out = st.out;
  const off = u.off[j];
  for (let k = 0; k < u.len[j]; k++) {
    const r = u.res[off + k];
    const x = u.units[off + k];
    const on = u.runningOn[r];
    on.splice(on.indexOf(j), 1);
    // Back to the exact capacity when nothing runs, so rounding never accumulates.
    u.free[r] = on.length === 0 ? u.capacity[r] : u.free[r] + x;
    st.running[r]--;
    st.lastEndJob[r] = j;
    if (now > out.lastEnd[r]) out.lastEnd[r] = now;
    out.work[r] += x * J.work[j];
    out.held[r] += x * J.held[j];
    out.coord[r] += x * J.coord[j];
  }
  st.runningTotal--;
  if (J.kind[j] === J_TASK || J.kind[j] === J_REMEDIATION) out.serialTime += J.work[j] + J.held[j];
}

/** A task, rework or remediation job ended: each agent that held it has one work item less. */
export function unitsDone(st: EngineState, j: number): void {
  const u = st.u!;
  const off = u.off[j];
  for (let k = 0; k < u.len[j]; k++) st.remaining[u.res[off + k]]--;
}

/** A rework or remediation of task t is ordered: one more work item for each agent of its first execution. */
export function followUpOrdered(st: EngineState, t: number): void {
  const u = st.u!;
  const off = u.taskOff[t];
  for (let k = 0; k < u.taskLen[t]; k++) st.remaining[u.res[off + k]]++;
}

/** Did one of the agents that ran task t's first execution stand in task s's demands by name (no handoff between them)? */
export function sharesAgent(st: EngineState, t: number, s: number): boolean {
  const u = st.u!;
  const off = u.taskOff[t];
  const demands = st.model.tasks[s].demands;
  for (let k = 0; k < u.taskLen[t]; k++) {
    const r = u.res[off + k];
    for (const d of demands) if (d.agent === r) return true;
  }
  return false;
}

/**
 * A meeting of resource r, booked [from, until), pauses every job running on r. A job held on
 * r alone is extended by the meeting's length d; a joint job pauses once for overlapping
 * meetings of its resources: by the part of [from, until) after its last pause.
 */
export function pauseJobs(st: EngineState, r: number, d: number, from: number, until: number): void {
  const u = st.u!;
  const J = st.jobs;
  const time = st.calendared ? st.resourceTime[r] : null;
  const on = u.runningOn[r];
  for (let k = 0; k < on.length; k++) {
    const j = on[k];
    let ext = d;
    if (u.len[j] > 1) {
      const p = u.paused[j];
      if (until <= p) continue;
      if (from < p) ext = time !== null ? time.workBetween(p, until) : until - p;
      u.paused[j] = until;
    }
    const jobTime = st.calendared ? st.resourceTime[J.res[j]] : null;
    st.sim.queue.cancel(J.event[j]);
    J.end[j] = jobTime !== null ? jobTime.advance(J.end[j], ext) : J.end[j] + ext;
    J.event[j] = st.sim.scheduleAt(J.end[j], EV_JOB_END, j);
  }
}
