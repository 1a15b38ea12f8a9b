import { heapSiftDown, heapSiftUp } from '../sim/heap.js';
import { insertRank } from '../sim/insertRank.js';
import { sortInts } from '../sim/sortInts.js';
import type { EngineRunOptions } from './EngineState.js';
import { LINK_FS, type Model, type StrategyModel } from './Model.js';
import type { RunInputs } from './RunInputs.js';
import type { RunState } from './RunState.js';
import { fillHole, nextUnderHole, timeOverflow, WorkOnlyBase } from './_internals/WorkOnlyBase.js';

/**
 * The engine's dispatch (docs/semantics.md §3) for runs with nothing but work: every task on a fixed
 * agent, no gates, and a strategy without handoffs, status updates or checkpoints (`ideal`,
 * `sequential`, or any strategy whose coordination is all switched off). Such a run is a
 * list schedule, so tasks stand in for jobs, each agent's ready tasks sit in a list sorted by
 * dispatch rank, and a (time, sequence) heap holds only task ends.
 *
 * It reproduces the general engine exactly: the same events in the same (time, sequence)
 * order, so the same start and finish times, critical-path links, makespan and event count
 * (checked field by field against the general engine by a property test). The engine uses
 * it when a run is not traced; a traced run takes the general path, which logs every step.
 */
export class WorkOnlySchedule extends WorkOnlyBase {
  /** Can runs of this (model, strategy) take the pure path? */
  static applies(model: Model, s: StrategyModel): boolean {
    // Branches and existence risks skip tasks (the general engine's branches.ts); drivers only scale durations.
    return plainSchedule(model) && model.gates.length === 0 && model.branches.length === 0 && model.existenceRisks.length === 0 && s.handoff === null && s.status === null && s.checkpoint === null && model.tasks.every((t) => t.agent >= 0);
  }

  private readonly agentOf: Int32Array;
  /** Free slots per agent. */
  private readonly free: Int32Array;
  /** Scratch of the dispatch step: the ranks starting at this instant, sorted. */
  private readonly picks: Int32Array;

  constructor(model: Model, strategy: StrategyModel, rank: Int32Array, succOff: Int32Array, succList: Int32Array) {
    const T = model.tasks.length;
    let slots = 0;
    for (const a of model.agents) slots += a.capacity;
    super(model, strategy, rank, succOff, succList, Math.max(1, Math.min(T, slots)) + 1);
    const A = this.A;
    this.agentOf = Int32Array.from(model.tasks, (t) => t.agent);
    this.free = new Int32Array(A);
    this.picks = new Int32Array(T);
    // Each task runs once on its fixed agent: written once, here. In sequential, one ready list for all.
    this.out.taskAgent.set(this.agentOf);
    if (!this.oneAtATime) {
      for (let t = 0; t < T; t++) this.base[this.agentOf[t] + 1]++;
      for (let r = 0; r < A; r++) this.base[r + 1] += this.base[r];
    }
  }

  /** Simulates one run and returns its state (the same `out` object every time). */
  run(inputs: RunInputs, options: EngineRunOptions): RunState {
    const out = this.begin(options);
    const T = this.T;
    for (let r = 0; r < this.A; r++) this.free[r] = this.capacity[r];
    const I = inputs;
    const cal = this.calendars;
    const risky = this.risky;
    const oneAtATime = this.oneAtATime;
    const { agentOf, rank, taskOfRank, succOff, succList, pending, pred, readyAt } = this;
    const { free, lastEndTask, marked, markList, ready, head, tail, picks } = this;
    const et = this.evTime;
    const es = this.evSeq;
    const ek = this.evTask;
    // The whole run is this one loop, inlined by hand: left to TurboFan's inlining budget,
    // some of its steps stayed calls, and different ones in each worker thread.
    let markCount = 0;
    let running = 0;
    let evCount = 0; // entries of the end-time heap; with `hole`, its root is vacant
    let hole = false; // the root was popped: the next push drops into it (one sift, not two)
    let nextSeq = 0;
    let makespan = 0;
    let lastTask = -1;
    // The start signal (one event): tasks without predecessors are ready at 0.
    let processed = 1;
    for (let t = 0; t < T; t++) {
      if (this.predCount[t] !== 0) continue;
      pred[t] = -1;
      readyAt[t] = 0;
      const r = agentOf[t];
      insertRank(ready, head, tail, oneAtATime ? 0 : r, rank[t]);
      if (marked[r] === 0) {
        marked[r] = 1;
        markList[markCount++] = r;
      }
    }
    let now = 0;
    for (;;) {
      // docs/semantics.md §3 at the end of instant `now`: free agents start their best ready tasks, and the
      // starts happen in rank order across agents (the general engine repeatedly starts the
      // best of the marked agents' best tasks; with fixed agents each agent's picks do not
      // depend on the others', so only the order of the starts, hence of their end events, is
      // at stake). In `sequential`, one task at a time, the best of all.
      let m = 0;
      for (let k = 0; k < markCount; k++) {
        const r = markList[k];
        marked[r] = 0;
        if (!oneAtATime) for (let f = free[r]; f > 0 && head[r] < tail[r]; f--) picks[m++] = ready[head[r]++];
      }
      markCount = 0;
      if (oneAtATime) {
        if (running === 0 && head[0] < tail[0]) picks[m++] = ready[head[0]++];
      } else if (m > 1) sortInts(picks, m);
      for (let i = 0; i < m; i++) {
        const t = taskOfRank[picks[i]];
        const r = agentOf[t];
        // On a calendar, work begins at the agent's next working moment (as in the general engine).
        const at = cal !== null ? cal[r].nextWorking(now) : now;
        out.taskStart[t] = at;
        // Waited for the agent: the task that freed it, which ended last on r and so at r's
        // latest end time (events come in time order), is the predecessor on the critical path.
        const prev = lastEndTask[r];
        const rt = readyAt[t];
        if (now > rt && prev >= 0 && out.lastEnd[r] > rt) pred[t] = prev;
        free[r]--;
        running++;
        if (at < out.firstStart[r]) out.firstStart[r] = at;
        // The job store's duration, coord + work + held with coord 0: the same rounding.
        const d = risky ? I.durations[t] + I.riskWork[t] + I.riskHeld[t] : I.durations[t] + 0;
        const end = cal !== null ? cal[r].advance(now, d) : now + d;
        const sq = nextSeq++;
        if (hole) {
          hole = false;
          heapSiftDown(et, es, ek, evCount, 0, end, sq, t);
        } else heapSiftUp(et, es, ek, evCount++, end, sq, t);
      }
      // The next instant: every task end at the least event time.
      if (hole) {
        hole = false;
        evCount = fillHole(et, es, ek, evCount);
      }
      if (evCount === 0) break;
      now = et[0];
      if (!(now < Infinity)) timeOverflow(out, now, processed);
      for (;;) {
        const t = ek[0];
        hole = true;
        processed++;
        const r = agentOf[t];
        free[r]++;
        running--;
        lastEndTask[r] = t;
        if (now > out.lastEnd[r]) out.lastEnd[r] = now;
        if (risky) {
          out.work[r] += I.durations[t] + I.riskWork[t];
          out.held[r] += I.riskHeld[t];
        } else out.work[r] += I.durations[t] + 0; // + 0: the general engine adds the (zero) extra work
        if (marked[r] === 0) {
          marked[r] = 1;
          markList[markCount++] = r;
        }
        if (now >= makespan) {
          makespan = now;
          lastTask = t;
        }
        out.taskFinish[t] = now;
        const last = succOff[t + 1];
        for (let k = succOff[t]; k < last; k++) {
          const s = succList[k];
          pred[s] = t; // the last dependency to end enables the start (unless the agent is busy)
          if (--pending[s] !== 0) continue;
          readyAt[s] = now;
          const rs = agentOf[s];
          insertRank(ready, head, tail, oneAtATime ? 0 : rs, rank[s]);
          if (marked[rs] === 0) {
            marked[rs] = 1;
            markList[markCount++] = rs;
          }
        }
        // Another end at this time?
        if (nextUnderHole(et, evCount) !== now) break;
        hole = false;
        evCount = fillHole(et, es, ek, evCount);
      }
    }
    return this.finish(makespan, lastTask, processed);
  }
}

/**
 * No schedule feature but working calendars: every link finish-to-start without lag, every
 * task work for an agent, no not-before dates and no progress.
 */
function plainSchedule(model: Model): boolean {
  const sch = model.schedule;
  if (!sch.timed) return true;
  if (sch.statusDate !== null) return false;
  if (!model.tasks.every((t) => t.kind === 'work' && t.notBefore === -Infinity && t.actualStart === null)) return false;
  return model.successorType.every((types, n) => types.every((type, k) => type === LINK_FS && model.successorLag[n][k] === 0));
}
