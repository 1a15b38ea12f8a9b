import { deliver } from './dependencies.js';
import { TASK_ELAPSED, TASK_MILESTONE, type EngineState } from './EngineState.js';
import { EV_LAG, EV_LINK, EV_NOT_BEFORE } from './events.js';
import { LINK_FF, LINK_FS, LINK_SF, LINK_SS } from './Model.js';

// Dependency types and lags, and not-before dates (only models with schedule features).
// Lags are working time of the project calendar. A finish-to-start link with a lag >= 0 is
// released when its predecessor finishes (the lag first, then any handoff); every other link
// (SS, FF, SF, FS with a lead) is released from the predecessor's start, using the finish it
// is scheduled to reach then, and carries no handoff.

/** Is edge k released at its predecessor's finish? */
export function finishSide(st: EngineState, k: number): boolean {
  return st.succType[k] === LINK_FS && !(st.succLag[k] < 0);
}

/** Schedules the not-before dates of a run: each counts as one dependency of its task. */
export function scheduleNotBefore(st: EngineState): void {
  const tasks = st.model.tasks;
  for (let t = 0; t < st.T; t++) {
    const nb = tasks[t].notBefore;
    if (nb === -Infinity) continue;
    st.sim.scheduleAt(Math.max(0, nb), EV_NOT_BEFORE, t);
    st.activeEvents++;
  }
}

/** Releases edge k at time `at` (>= now), caused by job j, through the event `kind`. */
export function releaseLater(st: EngineState, kind: number, k: number, j: number, at: number): void {
  st.edgeCause[k] = j;
  st.sim.scheduleAt(at, kind, k);
  st.activeEvents++;
}

/**
 * Task t's first execution (job j) starts its work at `now` (the current instant or, on a
 * calendar, the next working moment) and is due to end at `end`: its start-side links are
 * released at the successor's earliest start under each link's rule (never before the
 * current instant).
 */
export function releaseAtStart(st: EngineState, t: number, j: number, now: number, end: number): void {
  const clock = st.sim.now;
  const proj = st.projectTime;
  for (let k = st.succOff[t]; k < st.succOff[t + 1]; k++) {
    if (finishSide(st, k)) continue;
    const s = st.succList[k];
    const lag = st.succLag[k];
    let at: number;
    switch (st.succType[k]) {
      case LINK_SS:
        at = proj.advanceSigned(now, lag);
        break;
      case LINK_FS:
        at = proj.advanceSigned(end, lag);
        break;
      case LINK_FF:
        at = latestStart(st, s, proj.advanceSigned(end, lag));
        break;
      case LINK_SF:
      default:
        at = latestStart(st, s, proj.advanceSigned(now, lag));
        break;
    }
    releaseLater(st, EV_LINK, k, j, at > clock ? at : clock);
  }
}

/** The latest start of task s (a successor) for its work to end at `finish`, on the working time it will use. */
function latestStart(st: EngineState, s: number, finish: number): number {
  if (s >= st.T) return finish;
  const kind = st.taskKind[s];
  if (kind === TASK_MILESTONE) return finish;
  const I = st.inputs;
  const d = I.durations[s] + I.riskWork[s] + I.riskHeld[s];
  const time = kind === TASK_ELAPSED ? st.model.tasks[s].time! : st.fixedAgent[s] >= 0 ? st.resourceTime[st.fixedAgent[s]] : st.projectTime;
  return time.retreat(finish, d);
}

/** A start-side link's release time has come (edge k). */
export function linkDue(st: EngineState, k: number, now: number): void {
  deliver(st, st.succList[k], st.edgeCause[k], now);
}

/** Task t's not-before date has come. */
export function notBeforeDue(st: EngineState, t: number, now: number): void {
  deliver(st, t, -1, now);
}
