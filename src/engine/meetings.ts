import type { EngineState } from './EngineState.js';
import { EV_CHECKPOINT, EV_JOB_END, EV_STATUS, EV_WAKE } from './events.js';
import { enqueue } from './dispatch.js';
import { C_CHECKPOINT, C_STATUS, COORD_KINDS } from './RunState.js';
import { periodTooShort, stallStarved } from './settle.js';
import { stallMeetings, stallStill } from './stall.js';
import { traceCheckpoint, traceMeetingCut, traceStatus } from './trace.js';
import { pauseJobs } from './units.js';
import { UNIT_EPSILON } from './_internals/UnitState.js';

/**
 * Is resource r on the project at `now`? From the start of its first job of any kind while it
 * still has work items it is eligible for or jobs running. Only engaged agents attend meetings.
 */
export function engaged(st: EngineState, r: number, now: number): boolean {
  return st.out.firstStart[r] <= now && (st.remaining[r] > 0 || st.running[r] > 0);
}

/**
 * On a working calendar, a status update or checkpoint that falls outside a resource's working
 * time is skipped for it (nobody meets on a weekend or a holiday).
 */
function offDuty(st: EngineState, r: number, now: number): boolean {
  return st.calendared && !st.resourceTime[r].isWorking(now);
}

/** Every `every`: each engaged agent reports, for an effort plus a share per peer (mesh). */
export function statusUpdate(st: EngineState, now: number): void {
  const s = st.strategy.status!;
  const peers = st.A - 1;
  for (let r = 0; r < st.A; r++) {
    if (!engaged(st, r, now) || offDuty(st, r, now)) continue;
    let d = s.effort.sample(st.rng);
    if (s.perPeer) d += peers * s.perPeer.sample(st.rng);
    if (st.tracing) traceStatus(st, now, r, peers, d);
    interrupt(st, r, d, now, C_STATUS, s.every);
  }
  periodic(st, EV_STATUS, now + s.every, now);
}

/** A checkpoint: every engaged agent (and the orchestrator, when it attends) meets; batched handoffs are exchanged. */
export function checkpoint(st: EngineState, now: number): void {
  const cp = st.strategy.checkpoint!;
  const d = cp.duration.sample(st.rng);
  let attendees = 0;
  for (let r = 0; r < st.A; r++) {
    if (!engaged(st, r, now) || offDuty(st, r, now)) continue;
    attendees++;
    if (st.tracing) traceCheckpoint(st, now, r, d);
    interrupt(st, r, d, now, C_CHECKPOINT, cp.every);
  }
  if (attendees > 0 && cp.orchestrator && !offDuty(st, st.orch, now)) {
    if (st.tracing) traceCheckpoint(st, now, st.orch, d);
    interrupt(st, st.orch, d, now, C_CHECKPOINT, cp.every);
  }
  for (const hj of st.batched) enqueue(st, hj, now);
  st.batched.length = 0;
  periodic(st, EV_CHECKPOINT, now + cp.every, now);
}

/** Schedules the next periodic event while work remains (and stops a run in which nothing else can happen). */
function periodic(st: EngineState, kind: number, next: number, now: number): void {
  if (st.openNodes === 0 && st.openRemediations === 0) return;
  if (st.activeEvents === 0 && st.runningTotal === 0 && st.batched.length === 0 && !st.dirty) {
    stallStill(st, now);
  }
  if (!(next > now)) periodTooShort(st, kind === EV_STATUS ? 'status updates' : 'checkpoints', kind === EV_STATUS ? st.strategy.status!.every : st.strategy.checkpoint!.every, now);
  st.sim.scheduleAt(next, kind, 0);
}

/** The starvation guard: meetings taking more than this share of a resource's span ... */
const STARVE_SHARE = 0.999;
/** ... over more than this many periods stop the run (E_STALL). */
const STARVE_PERIODS = 1000;

/**
 * Takes resource r away for d (a meeting or status report), after any meeting it is already
 * booked into: its running jobs are paused and extended by d, and each of its slots pays d.
 */
export function interrupt(st: EngineState, r: number, d: number, now: number, kind: number, period: number): void {
  st.out.actsByResourceKind[r * COORD_KINDS.length + kind]++; // an act even when it takes no time
  if (!(d > 0)) return;
  // Meetings that outlast their period pile up for ever: no work could finish (a livelock).
  if (st.interruptedUntil[r] - now > 50 * period) {
    stallMeetings(st, r);
  }
  const out = st.out;
  // On a working calendar the meeting takes d of the resource's working time, from its next
  // working moment, and every running job needs d more of it.
  const time = st.calendared ? st.resourceTime[r] : null;
  let from = Math.max(now, st.interruptedUntil[r]);
  if (time !== null) from = time.nextWorking(from);
  const until = time !== null ? time.advance(from, d) : from + d;
  st.interruptedUntil[r] = until;
  st.prevMeetingKind[r] = st.lastMeetingKind[r];
  st.lastMeetingKind[r] = kind;
  st.lastMeetingFrom[r] = from;
  // Meetings that leave (almost) no time for work, period after period, starve it (a livelock).
  const booked = (st.meetingTime[r] += d);
  const span = until - out.firstStart[r];
  if (span > STARVE_PERIODS * period && booked > STARVE_SHARE * span) stallStarved(st, r, booked / span);
  const c = d * st.meetingSlots[r];
  out.coord[r] += c;
  out.coordByKind[kind] += c;
  out.coordByResourceKind[r * COORD_KINDS.length + kind] += c;
  if (until > out.lastEnd[r]) out.lastEnd[r] = until;
  if (st.u !== null) {
    pauseJobs(st, r, d, from, until);
    if (st.u.free[r] > UNIT_EPSILON * Math.max(1, st.u.capacity[r])) {
      st.sim.scheduleAt(until, EV_WAKE, r);
      st.activeEvents++;
    }
    return;
  }
  const J = st.jobs;
  for (let s = st.slotBase[r]; s < st.slotBase[r + 1]; s++) {
    const j = st.slotJob[s];
    if (j < 0) continue;
    st.sim.queue.cancel(J.event[j]);
    J.end[j] = time !== null ? time.advance(J.end[j], d) : J.end[j] + d;
    J.event[j] = st.sim.scheduleAt(J.end[j], EV_JOB_END, j);
  }
  if (st.free[r] > 0) {
    st.sim.scheduleAt(until, EV_WAKE, r);
    st.activeEvents++;
  }
}

/**
 * Meetings end with the project. An agent can be in a meeting when the last work ends (it
 * was engaged when the meeting began, e.g. waiting for a pool task another agent then took):
 * the part after the makespan is cut off, so coordination stays inside the project and every
 * agent's work + coordination + idle equals makespan × capacity. Traced as `meeting_cut`.
 */
export function cutMeetings(st: EngineState): void {
  const out = st.out;
  const end = out.makespan;
  for (let r = 0; r < st.resourceCount; r++) {
    let over = st.interruptedUntil[r] - end;
    if (!(over > 0)) continue;
    if (st.tracing) traceMeetingCut(st, end, r, over);
    st.interruptedUntil[r] = end;
    if (out.lastEnd[r] > end) out.lastEnd[r] = end;
    const cap = st.meetingSlots[r];
    out.coord[r] -= over * cap;
    // The overhang lies in the last meeting, and in the one before when they were back to back.
    const inLast = end + over - Math.max(st.lastMeetingFrom[r], end); // until − max(from, end)
    out.coordByKind[st.lastMeetingKind[r]] -= inLast * cap;
    out.coordByResourceKind[r * COORD_KINDS.length + st.lastMeetingKind[r]] -= inLast * cap;
    over -= inLast;
    if (over > 0) {
      out.coordByKind[st.prevMeetingKind[r]] -= over * cap;
      out.coordByResourceKind[r * COORD_KINDS.length + st.prevMeetingKind[r]] -= over * cap;
    }
  }
}
