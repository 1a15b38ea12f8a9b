import { SimError } from '../sim/SimError.js';
import type { EventHandler } from '../sim/Simulation.js';
import { decideBranches } from './branches.js';
import { collectCriticalPath } from './criticalPath.js';
import { endOfWork, nodeReady } from './dependencies.js';
import { dispatch, mark } from './dispatch.js';
import { EngineState, type EngineRunOptions } from './EngineState.js';
import { escalationPartDone } from './escalation.js';
import { EV_CHECKPOINT, EV_ESCALATION_DELAY, EV_JOB_END, EV_KICK, EV_LAG, EV_LINK, EV_NOT_BEFORE, EV_STATUS, EV_WAKE } from './events.js';
import { linkDue, notBeforeDue, scheduleNotBefore } from './links.js';
import { gateStep, reviewDone } from './gate.js';
import { handOver, handoffDone, release } from './handoff.js';
import { checkpoint, cutMeetings, statusUpdate } from './meetings.js';
import type { Model, StrategyModel } from './Model.js';
import type { RunInputs } from './RunInputs.js';
import { C_ESCALATION, C_HANDOFF, C_REVIEW, COORD_KINDS, RunState } from './RunState.js';
import { runError } from './settle.js';
import { stall } from './stall.js';
import { traceEscalationResolved, traceJob } from './trace.js';
import { releaseUnits, unitsDone } from './units.js';
import { WorkOnlyFixed } from './WorkOnlyFixed.js';
import { WorkOnlySchedule } from './WorkOnlySchedule.js';
import { WorkOnlyUnits } from './WorkOnlyUnits.js';
import { J_ESCALATION, J_HANDOFF, J_REMEDIATION, J_REVIEW, J_TASK } from './_internals/JobStore.js';

export type { EngineRunOptions } from './EngineState.js';
export { COORD_KINDS } from './RunState.js';

/**
 * Runs one strategy over a compiled model: the core of the general event loop. It routes
 * each kernel event to its mechanism (dispatch, handoff, escalation, gate, meetings) and
 * returns the run's `RunState`. Built once per (model, strategy) and reused across runs: all
 * state lives in typed arrays that are reset, not reallocated. Runs with nothing but work
 * take the work-only schedule, which gives the same results at a fraction of the cost.
 */
export class Engine implements EventHandler {
  readonly model: Model;
  readonly strategy: StrategyModel;
  private readonly st: EngineState;
  /** The list-schedule path for runs with nothing but work (null when coordination or gates can occur). */
  private workOnly: WorkOnlySchedule | WorkOnlyUnits | WorkOnlyFixed | null;

  constructor(model: Model, strategy: StrategyModel) {
    this.model = model;
    this.strategy = strategy;
    this.st = new EngineState(model, strategy, new RunState(model, strategy));
    const st = this.st;
    if (st.u !== null) this.workOnly = WorkOnlyFixed.applies(model, strategy) ? new WorkOnlyFixed(model, strategy, st.rank, st.succOff, st.succList) : WorkOnlyUnits.applies(model, strategy) ? new WorkOnlyUnits(model, strategy, st.rank, st.succOff, st.succList) : null;
    else this.workOnly = WorkOnlySchedule.applies(model, strategy) ? new WorkOnlySchedule(model, strategy, st.rank, st.succOff, st.succList) : null;
  }

  /**
   * Simulates one run with the given sampled inputs and returns its state. The same RunState
   * object is refilled by the next run of this engine (on the same path).
   */
  run(inputs: RunInputs, options: EngineRunOptions): RunState {
    // Untraced runs with nothing but work take the list-schedule path: same results, a
    // fraction of the cost (and the event guard would trip exactly where it trips here).
    if (this.workOnly !== null && !options.trace && !options.general && (options.maxEvents === undefined || options.maxEvents > this.st.T)) {
      return this.workOnly.run(inputs, options);
    }
    const st = this.st;
    st.reset(inputs, options);
    const s = this.strategy;
    st.sim.scheduleAt(0, EV_KICK, 0);
    st.activeEvents++;
    if (s.status) st.sim.scheduleAt(s.status.every, EV_STATUS, 0);
    if (s.checkpoint) st.sim.scheduleAt(s.checkpoint.offset, EV_CHECKPOINT, 0);
    if (st.timed) scheduleNotBefore(st);
    try {
      st.sim.run(this, { maxEvents: options.maxEvents });
    } catch (e) {
      if (e instanceof SimError) throw runError(st, e);
      throw e;
    }
    st.out.eventCount = st.sim.eventCount;
    if (st.openNodes > 0 || st.openRemediations > 0) stall(st, 'the event queue ran empty');
    cutMeetings(st);
    collectCriticalPath(st);
    if (st.u !== null) st.u.holdings(st.out);
    if (st.timed) actualStarts(st);
    return st.out;
  }

  /**
   * Replaces the dispatch of an engine in units: `rank` (per task, 0 first) and a pinned start
   * order (task indices; empty: none), whose tasks are ranked in its order (as `dispatchRanks`
   * ranks them). For the planner, which tries many orders on one engine.
   * @internal
   */
  setDispatch(rank: ArrayLike<number>, order: ArrayLike<number>): void {
    const st = this.st;
    if (st.u === null) throw new Error('Engine.setDispatch: only an engine in units can change its dispatch');
    st.rank.set(rank);
    st.u.setOrder(order);
    // The path of whole units takes no pinned order: given one, the engine moves to `WorkOnlyUnits` for good.
    if (this.workOnly instanceof WorkOnlyFixed && order.length > 0) this.workOnly = new WorkOnlyUnits(this.model, this.strategy, st.rank, st.succOff, st.succList);
    if (this.workOnly instanceof WorkOnlyUnits) this.workOnly.setDispatch(order);
    else if (this.workOnly instanceof WorkOnlyFixed) this.workOnly.setDispatch();
  }

  /** @internal kernel callback */
  handle(kind: number, data: number, now: number): void {
    const st = this.st;
    switch (kind) {
      case EV_JOB_END:
        st.activeEvents--;
        jobEnd(st, data, now);
        break;
      case EV_KICK:
        st.activeEvents--;
        for (let n = 0; n < st.pending.length; n++) if (st.pending[n] === 0) nodeReady(st, n, now);
        st.dirty = true;
        break;
      case EV_WAKE:
        st.activeEvents--;
        mark(st, data);
        st.dirty = true;
        break;
      case EV_STATUS:
        statusUpdate(st, now);
        break;
      case EV_CHECKPOINT:
        checkpoint(st, now);
        break;
      case EV_ESCALATION_DELAY:
        st.activeEvents--;
        if (st.tracing) traceEscalationResolved(st, now, data);
        escalationPartDone(st, data, now);
        break;
      case EV_LINK:
        st.activeEvents--;
        linkDue(st, data, now);
        break;
      case EV_LAG:
        st.activeEvents--;
        handOver(st, st.succFrom[data], data, st.edgeCause[data], now);
        break;
      case EV_NOT_BEFORE:
        st.activeEvents--;
        notBeforeDue(st, data, now);
        break;
    }
  }

  /** @internal kernel callback: the dispatcher, once all events of the instant are done. */
  endOfInstant(now: number): void {
    dispatch(this.st, now);
  }
}

/** Started and finished work (progress at the status date) shows its actual start. */
function actualStarts(st: EngineState): void {
  const tasks = st.model.tasks;
  for (let t = 0; t < st.T; t++) if (tasks[t].actualStart !== null) st.out.taskStart[t] = tasks[t].actualStart!;
}

/** A work item of job j (on resource r) is done: its agent, or each agent that held it, has one less. */
function doneWith(st: EngineState, j: number, r: number): void {
  if (r < 0) return;
  if (st.u !== null) unitsDone(st, j);
  else st.remaining[r]--;
}

/** Job j ended at `now`: its resource is freed and its mechanism takes the next step. */
function jobEnd(st: EngineState, j: number, now: number): void {
  const J = st.jobs;
  const out = st.out;
  const r = J.res[j];
  if (st.u !== null) {
    if (r >= 0) releaseUnits(st, j, now);
  } else if (r >= 0) {
    st.slotJob[J.slot[j]] = -1;
    st.free[r]++;
    st.running[r]--;
    st.runningTotal--;
    st.lastEndJob[r] = j;
    if (now > out.lastEnd[r]) out.lastEnd[r] = now;
    out.work[r] += J.work[j];
    out.held[r] += J.held[j];
    out.coord[r] += J.coord[j];
    mark(st, r);
  }
  st.dirty = true;
  if (st.tracing) traceJob(st, now, j, false);
  switch (J.kind[j]) {
    case J_TASK: {
      const t = J.node[j];
      out.taskExecutions[t]++;
      endOfWork(st, j, now);
      const g = J.gate[j];
      if (g >= 0) {
        // A rework ordered by gate g: the gate reviews again once all its reworks are in.
        out.taskReworkFinish[t] = now;
        doneWith(st, j, r);
        st.gateCause[g] = j;
        gateStep(st, g, now);
      } else {
        out.taskFinish[t] = now;
        st.nodeDone[t] = 1;
        st.openNodes--;
        doneWith(st, j, r);
        if (st.optional && st.branchesAt[t].length > 0) decideBranches(st, t, now, true);
        release(st, t, j, now);
      }
      break;
    }
    case J_REMEDIATION: {
      endOfWork(st, j, now);
      doneWith(st, j, r);
      st.openRemediations--;
      const g = J.gate[j];
      if (g >= 0) {
        st.gateCause[g] = j;
        gateStep(st, g, now);
      }
      break;
    }
    case J_REVIEW:
      {
        const c = st.u !== null ? st.u.units[st.u.off[j]] * J.coord[j] : J.coord[j];
        out.coordByKind[C_REVIEW] += c;
        out.coordByResourceKind[r * COORD_KINDS.length + C_REVIEW] += c;
        out.actsByResourceKind[r * COORD_KINDS.length + C_REVIEW]++;
      }
      st.gateCause[J.node[j]] = j;
      reviewDone(st, J.node[j], now);
      break;
    case J_HANDOFF:
      {
        const c = st.u !== null ? st.u.units[st.u.off[j]] * J.coord[j] : J.coord[j];
        out.coordByKind[C_HANDOFF] += c;
        out.coordByResourceKind[r * COORD_KINDS.length + C_HANDOFF] += c;
        out.actsByResourceKind[r * COORD_KINDS.length + C_HANDOFF]++;
      }
      handoffDone(st, j, now);
      break;
    case J_ESCALATION: {
      const c = st.u !== null ? st.u.units[st.u.off[j]] * J.coord[j] : J.coord[j];
      out.coordByKind[C_ESCALATION] += c;
      out.coordByResourceKind[r * COORD_KINDS.length + C_ESCALATION] += c;
      escalationPartDone(st, J.handoffJob[j], now);
      break;
    }
  }
}
