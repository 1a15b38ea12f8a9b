import { sortInts } from '../sim/sortInts.js';
import type { EngineState } from './EngineState.js';
import { EV_JOB_END } from './events.js';
import { releaseAtStart } from './links.js';
import { noResource } from './stall.js';
import { traceJob } from './trace.js';
import { dispatchUnits } from './units.js';
import { J_TASK } from './_internals/JobStore.js';

/**
 * The dispatcher, once all events of an instant are done: free resources start their best
 * ready jobs (coordination first, then work by rank), a skill job going to the first free
 * eligible agent in file order. Under the sequential topology one job runs at a time, the
 * best of all.
 */
export function dispatch(st: EngineState, now: number): void {
  if (!st.dirty) return;
  st.dirty = false;
  if (st.u !== null) {
    dispatchUnits(st, now);
    return;
  }
  const J = st.jobs;
  if (st.oneAtATime) {
    if (st.runningTotal > 0) return;
    const best = st.ready.bestOverall();
    if (best < 0) return;
    const r = J.res[best] >= 0 ? J.res[best] : st.model.tasks[J.node[best]].eligible[0];
    st.ready.remove(best);
    start(st, best, r, now);
    return;
  }
  // Only marked resources can start anything: every other one was found busy or without a
  // job at an earlier dispatch and has not been freed or offered a job since. Scanning them
  // in index order keeps the rule that the first free eligible agent in file order wins.
  const list = st.markList;
  const n = st.markCount;
  sortInts(list, n);
  for (;;) {
    let best = -1;
    let bestRes = -1;
    for (let k = 0; k < n; k++) {
      const r = list[k];
      if (st.free[r] === 0 || st.interruptedUntil[r] > now) continue;
      const h = st.ready.bestFor(r, st.skillsOf[r]);
      // Strictly better only: for a skill job the first free eligible agent in file order wins.
      if (h >= 0 && (best < 0 || J.less(h, best))) {
        best = h;
        bestRes = r;
      }
    }
    if (best < 0) break;
    st.ready.remove(best);
    start(st, best, bestRes, now);
  }
  // Interrupted resources stay marked: they are looked at again once the meeting is over.
  let w = 0;
  for (let k = 0; k < n; k++) {
    const r = list[k];
    if (st.interruptedUntil[r] > now) list[w++] = r;
    else st.marked[r] = 0;
  }
  st.markCount = w;
}

/** Resource r may be able to start a job at the next dispatch. */
export function mark(st: EngineState, r: number): void {
  if (st.marked[r] === 0) {
    st.marked[r] = 1;
    st.markList[st.markCount++] = r;
  }
}

/** Job j becomes ready at `now`: it joins its resource's (or its skill's) ready list. */
export function enqueue(st: EngineState, j: number, now: number): void {
  const J = st.jobs;
  J.ready[j] = now;
  if (J.res[j] === -1 && J.kind[j] !== J_TASK) {
    noResource(st, j);
  }
  if (st.u !== null) {
    st.u.insert(j);
    st.dirty = true;
    return;
  }
  const r = J.res[j];
  if (r >= 0) {
    st.ready.insert(j, r, -1);
    mark(st, r);
  } else {
    const skill = st.model.tasks[J.node[j]].skill;
    st.ready.insert(j, -1, skill);
    const agents = st.skillAgents[skill];
    for (let k = 0; k < agents.length; k++) mark(st, agents[k]);
  }
  st.dirty = true;
}

/** Starts job j on resource r at `now`: it takes a slot until its end event. */
export function start(st: EngineState, j: number, r: number, now: number): void {
  const J = st.jobs;
  const out = st.out;
  J.res[j] = r;
  // On a calendar, work begins at the resource's next working moment (it is booked from now).
  const at = st.calendared ? st.resourceTime[r].nextWorking(now) : now;
  J.start[j] = at;
  // Waited for the resource: the job that freed it is the predecessor (not a meeting).
  const prev = st.lastEndJob[r];
  if (now > J.ready[j] && prev >= 0 && J.end[prev] > J.ready[j]) J.pred[j] = prev;
  st.free[r]--;
  st.running[r]++;
  st.runningTotal++;
  let slot = st.slotBase[r];
  while (st.slotJob[slot] >= 0) slot++;
  st.slotJob[slot] = j;
  J.slot[j] = slot;
  if (at < out.firstStart[r]) out.firstStart[r] = at;
  if (J.kind[j] === J_TASK && J.gate[j] < 0) {
    const t = J.node[j];
    out.taskStart[t] = at;
    out.taskAgent[t] = r;
    // A pool task is r's work from now on: the other agents with the skill no longer wait for it.
    if (st.fixedAgent[t] < 0) {
      for (let k = st.eligOff[t]; k < st.eligOff[t + 1]; k++) if (st.eligList[k] !== r) st.remaining[st.eligList[k]]--;
    }
  }
  const end = st.calendared ? st.resourceTime[r].advance(now, J.dur[j]) : now + J.dur[j];
  J.end[j] = end;
  J.event[j] = st.sim.scheduleAt(end, EV_JOB_END, j);
  st.activeEvents++;
  if (st.tracing) traceJob(st, now, j, true);
  if (st.timed && J.kind[j] === J_TASK && J.gate[j] < 0 && st.startLinks[J.node[j]] === 1) releaseAtStart(st, J.node[j], j, at, end);
}

/**
 * Starts the job of a task that needs nobody (a milestone, or elapsed time such as a
 * delivery): it takes no slot, and runs on its own calendar.
 */
export function startUnassigned(st: EngineState, j: number, now: number): void {
  const J = st.jobs;
  const out = st.out;
  const t = J.node[j];
  const time = st.model.tasks[t].time!;
  const at = J.dur[j] > 0 && st.calendared ? time.nextWorking(now) : now;
  J.start[j] = at;
  out.taskStart[t] = at;
  const end = J.dur[j] > 0 ? time.advance(now, J.dur[j]) : now;
  J.end[j] = end;
  J.event[j] = st.sim.scheduleAt(end, EV_JOB_END, j);
  st.activeEvents++;
  if (st.tracing) traceJob(st, now, j, true);
  if (st.startLinks[t] === 1) releaseAtStart(st, t, j, at, end);
}
