import type { WorkingTime } from '../calendar/WorkingTime.js';
import { CoordsimError } from '../scenario/CoordsimError.js';
import { heapSiftDown, heapSiftUp } from '../sim/heap.js';
import { sortInts } from '../sim/sortInts.js';
import { criticalOrder } from './criticalPath.js';
import type { EngineRunOptions } from './EngineState.js';
import { LINK_FS, type Model, type StrategyModel } from './Model.js';
import type { RunInputs } from './RunInputs.js';
import { RunState } from './RunState.js';

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
export class WorkOnlySchedule {
  /** Can runs of this (model, strategy) take the pure path? */
  static applies(model: Model, s: StrategyModel): boolean {
    // Branches and existence risks skip tasks (the general engine's branches.ts); drivers only scale durations.
    return plainSchedule(model) && model.gates.length === 0 && model.branches.length === 0 && model.existenceRisks.length === 0 && s.handoff === null && s.status === null && s.checkpoint === null && model.tasks.every((t) => t.agent >= 0);
  }

  /**
   * What every run of this path fills and returns. Coordination and its counts stay zero, and
   * each task runs once on its fixed agent: those fields are written once, here.
   */
  readonly out: RunState;
  /** Per task: the task whose end enabled its start (dependency or freed agent), or -1. */
  readonly pred: Int32Array;

  private readonly T: number;
  private readonly R: number;
  /** The sequential topology: one task at a time, the best of all. */
  private readonly oneAtATime: boolean;
  /** Agents' working times when work runs on calendars, else null. */
  private readonly calendars: WorkingTime[] | null;
  /** The model has risks: extra work and delays are added to the sampled durations. */
  private readonly risky: boolean;
  private readonly capacity: Float64Array;
  private readonly agentOf: Int32Array;
  private readonly rank: Int32Array;
  private readonly taskOfRank: Int32Array;
  private readonly succOff: Int32Array;
  private readonly succList: Int32Array;
  private readonly predCount: Int32Array;
  // Per-run state.
  private readonly pending: Int32Array;
  private readonly readyAt: Float64Array;
  private readonly free: Int32Array;
  private readonly lastEndTask: Int32Array;
  private readonly marked: Uint8Array;
  /** Scratch of the dispatch step: the ranks starting at this instant, sorted. */
  private readonly picks: Int32Array;
  private readonly markList: Int32Array;
  /** Scratch of the critical path: first start of each task on it, and the sort buffer. */
  private readonly pathStart: Float64Array;
  private readonly pathBuf: Int32Array;
  /**
   * Ready ranks, sorted ascending, per resource in `ready[head[r] .. tail[r])` (one list for all
   * in `sequential`): the best is taken from the head, and since tasks mostly become ready in
   * about rank order, an insertion is mostly an append. A list never outgrows its segment
   * `[base[r], base[r + 1])`: it receives each of its tasks once and only its head moves down.
   */
  private readonly ready: Int32Array;
  private readonly base: Int32Array;
  private readonly head: Int32Array;
  private readonly tail: Int32Array;
  /** Task ends: a binary heap on (time, sequence). */
  private readonly evTime: Float64Array;
  private readonly evSeq: Float64Array;
  private readonly evTask: Int32Array;

  constructor(model: Model, strategy: StrategyModel, rank: Int32Array, succOff: Int32Array, succList: Int32Array) {
    const T = model.tasks.length;
    const A = model.agents.length;
    this.T = T;
    this.R = A;
    this.oneAtATime = strategy.topology === 'sequential';
    this.risky = model.risks.length > 0;
    this.calendars = model.schedule.calendared ? model.schedule.resourceTime : null;
    this.out = new RunState(model, strategy);
    const capacity = this.out.capacity;
    this.capacity = capacity;
    this.agentOf = Int32Array.from(model.tasks, (t) => t.agent);
    this.rank = rank;
    this.taskOfRank = new Int32Array(T);
    for (let t = 0; t < T; t++) this.taskOfRank[rank[t]] = t;
    this.succOff = succOff;
    this.succList = succList;
    this.predCount = Int32Array.from(model.predecessorCount.subarray(0, T));
    this.pending = new Int32Array(T);
    this.readyAt = new Float64Array(T);
    this.pred = new Int32Array(T);
    this.free = new Int32Array(A);
    this.lastEndTask = new Int32Array(A);
    this.marked = new Uint8Array(A);
    this.picks = new Int32Array(T);
    this.markList = new Int32Array(A);
    this.pathStart = new Float64Array(T);
    this.pathBuf = new Int32Array(T);
    this.ready = new Int32Array(T);
    this.base = new Int32Array(A + 1);
    this.head = new Int32Array(A);
    this.tail = new Int32Array(A);
    this.out.taskAgent.set(this.agentOf);
    this.out.taskExecutions.fill(1);
    if (!this.oneAtATime) {
      for (let t = 0; t < T; t++) this.base[this.agentOf[t] + 1]++;
      for (let r = 0; r < A; r++) this.base[r + 1] += this.base[r];
    }
    let slots = 0;
    for (let r = 0; r < A; r++) slots += capacity[r];
    const E = Math.max(1, Math.min(T, slots)) + 1;
    this.evTime = new Float64Array(E);
    this.evSeq = new Float64Array(E);
    this.evTask = new Int32Array(E);
  }

  /** Simulates one run and returns its state (the same `out` object every time). */
  run(inputs: RunInputs, options: EngineRunOptions): RunState {
    const out = this.out;
    out.seed = options.seed;
    out.run = options.run;
    const T = this.T;
    const R = this.R;
    for (let r = 0; r < R; r++) {
      this.free[r] = this.capacity[r];
      this.lastEndTask[r] = -1;
      this.marked[r] = 0;
      this.head[r] = this.tail[r] = this.base[r];
    }
    // The engine's resources include the orchestrator (idle here): all of them are reset.
    for (let r = 0; r < out.work.length; r++) {
      out.work[r] = 0;
      out.held[r] = 0;
      out.firstStart[r] = Infinity;
      out.lastEnd[r] = 0;
    }
    // Every task starts and finishes once in such a run, so start, finish, agent and execution
    // count are all written before anything reads them: only what accumulates is reset here.
    for (let t = 0; t < T; t++) {
      this.pending[t] = this.predCount[t];
      out.critical[t] = 0;
    }
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
        const n = --evCount;
        if (n > 0) heapSiftDown(et, es, ek, n, 0, et[n], es[n], ek[n]);
      }
      if (evCount === 0) break;
      now = et[0];
      if (!(now < Infinity)) timeOverflow(this.out, now, processed);
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
        // Another end at this time? (The least entry under a vacant root is the lesser child.)
        const n = evCount;
        const next = n <= 1 ? Infinity : n > 2 && et[2] < et[1] ? et[2] : et[1];
        if (next !== now) break;
        hole = false;
        const c = --evCount;
        heapSiftDown(et, es, ek, c, 0, et[c], es[c], ek[c]);
      }
    }
    out.makespan = makespan;
    out.eventCount = processed;
    // The chain of enabling tasks from the one that set the makespan (each task is one job here).
    const first = this.pathStart;
    first.fill(Infinity);
    let t = lastTask;
    for (let guard = T + 1; t >= 0 && guard-- > 0; t = pred[t]) {
      out.critical[t] = 1;
      if (out.taskStart[t] < first[t]) first[t] = out.taskStart[t];
    }
    out.criticalPath = criticalOrder(out.critical, first, this.pathBuf);
    return out;
  }
}

/** A task end left the finite range (durations added up beyond the largest number): the run stops. Cold path. */
function timeOverflow(out: RunState, time: number, events: number): never {
  throw new CoordsimError('E_RANGE', `run stopped under strategy '${out.strategy.name}': an event time left the finite range (${time}): times added up beyond ${Number.MAX_VALUE}`, { events });
}

/**
 * Inserts `rank` into the sorted ready list `h` (`list[head[h] .. tail[h])`): binary search,
 * then a short move (mostly none: tasks become ready in about rank order).
 */
function insertRank(list: Int32Array, head: Int32Array, tail: Int32Array, h: number, rank: number): void {
  const first = head[h];
  let i = tail[h]++;
  if (i > first && list[i - 1] > rank) {
    let lo = first;
    let hi = i - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid] < rank) lo = mid + 1;
      else hi = mid;
    }
    for (; i > lo; i--) list[i] = list[i - 1];
  }
  list[i] = rank;
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
