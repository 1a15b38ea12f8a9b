import type { Model, StrategyModel } from '../Model.js';
import type { RunInputs } from '../RunInputs.js';

/** The result arrays a run fills (the `Engine`'s public fields of the same names). */
export interface PureScheduleResults {
  readonly work: Float64Array;
  readonly blocked: Float64Array;
  readonly firstStart: Float64Array;
  readonly lastEnd: Float64Array;
  readonly critical: Uint8Array;
  readonly taskStart: Float64Array;
  readonly taskFinish: Float64Array;
  readonly taskAgent: Int32Array;
  readonly taskExecutions: Int32Array;
}

/**
 * The engine's dispatch (SPEC 4.2) for runs with nothing but work: every task on a fixed
 * agent, no gates, and a strategy without handoffs, status updates or checkpoints (`ideal`,
 * `sequential`, or any strategy whose coordination is all switched off). Such a run is a
 * list schedule, so tasks stand in for jobs, each agent's ready tasks sit in a heap ordered
 * by dispatch rank, and the event queue holds only task ends.
 *
 * It reproduces the general engine exactly: the same events in the same (time, sequence)
 * order, so the same start and finish times, critical-path links, makespan and event count
 * (checked field by field against the general engine by a property test). The engine uses
 * it when a run is not traced; a traced run takes the general path, which logs every step.
 */
export class PureSchedule {
  /** Can runs of this (model, strategy) take the pure path? */
  static applies(model: Model, s: StrategyModel): boolean {
    return model.gates.length === 0 && s.handoff === null && s.status === null && s.checkpoint === null && model.tasks.every((t) => t.agent >= 0);
  }

  makespan = 0;
  /** Events processed by the last run: the start signal and one per task end, as in the general engine. */
  eventCount = 0;
  /** Task whose end set the makespan (the end of the critical path), or -1. */
  lastTask = -1;
  /** Per task: the task whose end enabled its start (dependency or freed agent), or -1. */
  readonly pred: Int32Array;

  private readonly T: number;
  private readonly R: number;
  private readonly seq: boolean;
  /** The model has risks: extra work and delays are added to the sampled durations. */
  private readonly risky: boolean;
  private readonly capacity: Int32Array;
  private readonly agentOf: Int32Array;
  private readonly rank: Int32Array;
  private readonly taskOfRank: Int32Array;
  private readonly succOff: Int32Array;
  private readonly succList: Int32Array;
  private readonly predCount: Int32Array;
  // Per-run state.
  private readonly pending: Int32Array;
  private readonly readyAt: Float64Array;
  private inputs: RunInputs | null = null;
  private readonly free: Int32Array;
  private readonly lastEndTask: Int32Array;
  private readonly marked: Uint8Array;
  /** Scratch of `dispatch`: the ranks starting at this instant, sorted. */
  private readonly picks: Int32Array;
  private readonly markList: Int32Array;
  private markCount = 0;
  private running = 0;
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
  /** Entries in `ev*[0 .. evCount)`; with `hole`, the root is vacant and they sit in `[1 .. evCount)`. */
  private evCount = 0;
  /**
   * The root was popped but not refilled yet: the next push drops into it (one sift down
   * instead of a sift down and a sift up, the common case of an agent ending one task and
   * starting the next). Pop order is unchanged: a heap always yields its least (time, seq).
   */
  private hole = false;
  private nextSeq = 0;

  constructor(model: Model, strategy: StrategyModel, capacity: Int32Array, rank: Int32Array, succOff: Int32Array, succList: Int32Array) {
    const T = model.tasks.length;
    const A = model.agents.length;
    this.T = T;
    this.R = A;
    this.seq = strategy.topology === 'sequential';
    this.risky = model.risks.length > 0;
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
    this.ready = new Int32Array(T);
    this.base = new Int32Array(A + 1);
    this.head = new Int32Array(A);
    this.tail = new Int32Array(A);
    if (!this.seq) {
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

  /**
   * Simulates one run into `out` (reset here) and this object's `makespan`, `eventCount`,
   * `lastTask`, `pred`. `writeStatic`: also write task agents and execution counts (the same
   * in every run of this path; false when `out` still holds them from the last one).
   */
  run(inputs: RunInputs, out: PureScheduleResults, writeStatic = true): void {
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
      out.blocked[r] = 0;
      out.firstStart[r] = Infinity;
      out.lastEnd[r] = 0;
    }
    // Every task starts and finishes once in such a run, so start, finish, agent and execution
    // count are all written before anything reads them: only what accumulates is reset here.
    this.inputs = inputs;
    for (let t = 0; t < T; t++) {
      this.pending[t] = this.predCount[t];
      out.critical[t] = 0;
    }
    // Fixed agents, one execution each: the same in every run, written when `out` may hold others.
    if (writeStatic) {
      out.taskAgent.set(this.agentOf);
      out.taskExecutions.fill(1);
    }
    this.markCount = 0;
    this.running = 0;
    this.evCount = 0;
    this.hole = false;
    this.nextSeq = 0;
    this.makespan = 0;
    this.lastTask = -1;
    // The start signal (one event): tasks without predecessors are ready at 0, then dispatch.
    let processed = 1;
    for (let t = 0; t < T; t++) {
      if (this.predCount[t] === 0) {
        this.pred[t] = -1;
        this.makeReady(t, 0);
      }
    }
    this.dispatch(0, out);
    for (;;) {
      if (this.hole) this.fillHole();
      if (this.evCount === 0) break;
      const now = this.evTime[0];
      const t = this.evTask[0];
      this.hole = true;
      processed++;
      this.taskEnd(t, now, out);
      if (this.nextTime() !== now) this.dispatch(now, out);
    }
    this.eventCount = processed;
  }

  // The methods below run once or more per task. They read fields into locals once: the
  // bytecode stays small enough for TurboFan to inline the whole loop into `run`.

  /** Task t ended at `now`: its agent is freed, its successors may become ready. */
  private taskEnd(t: number, now: number, out: PureScheduleResults): void {
    const r = this.agentOf[t];
    this.free[r]++;
    this.running--;
    this.lastEndTask[r] = t;
    if (now > out.lastEnd[r]) out.lastEnd[r] = now;
    const I = this.inputs!;
    if (this.risky) {
      out.work[r] += I.durations[t] + I.riskWork[t];
      out.blocked[r] += I.riskDelay[t];
    } else out.work[r] += I.durations[t] + 0; // + 0 as the general engine adds no extra work (-0 becomes +0 there too)
    this.mark(r);
    if (now >= this.makespan) {
      this.makespan = now;
      this.lastTask = t;
    }
    out.taskFinish[t] = now;
    const succ = this.succList;
    const pending = this.pending;
    const pred = this.pred;
    const end = this.succOff[t + 1];
    for (let k = this.succOff[t]; k < end; k++) {
      const s = succ[k];
      pred[s] = t; // the last dependency to end enables the start (unless the agent was busy: `start`)
      if (--pending[s] === 0) this.makeReady(s, now);
    }
  }

  private makeReady(t: number, now: number): void {
    this.readyAt[t] = now;
    const r = this.agentOf[t];
    // Insert the task's rank into its agent's sorted list (the one list in `sequential`).
    const list = this.ready;
    const h = this.seq ? 0 : r;
    const rank = this.rank[t];
    const head = this.head[h];
    let i = this.tail[h]++;
    if (i > head && list[i - 1] > rank) {
      let lo = head;
      let hi = i - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid] < rank) lo = mid + 1;
        else hi = mid;
      }
      for (; i > lo; i--) list[i] = list[i - 1]; // a short move: cheaper than copyWithin's call
    }
    list[i] = rank;
    this.mark(r);
  }

  private mark(r: number): void {
    if (this.marked[r] === 0) {
      this.marked[r] = 1;
      this.markList[this.markCount++] = r;
    }
  }

  /**
   * SPEC 4.2 at the end of an instant: free agents start their best ready tasks, and the
   * starts happen in rank order across agents (the general engine repeatedly starts the best
   * of the marked agents' best tasks; with fixed agents each agent's picks do not depend on
   * the others', so only the order of the starts, hence of their end events, is at stake).
   */
  private dispatch(now: number, out: PureScheduleResults): void {
    const list = this.markList;
    const marked = this.marked;
    const n = this.markCount;
    this.markCount = 0;
    if (this.seq) {
      for (let k = 0; k < n; k++) marked[list[k]] = 0;
      this.dispatchSequential(now, out);
      return;
    }
    // Every free agent's picks (ranks) into `picks`, then the starts in increasing rank.
    const picks = this.picks;
    const free = this.free;
    const head = this.head;
    const tail = this.tail;
    const ready = this.ready;
    let m = 0;
    for (let k = 0; k < n; k++) {
      const r = list[k];
      marked[r] = 0;
      for (let f = free[r]; f > 0 && head[r] < tail[r]; f--) picks[m++] = ready[head[r]++];
    }
    if (m > 1) sortRanks(picks, m);
    const agentOf = this.agentOf;
    const taskOfRank = this.taskOfRank;
    for (let i = 0; i < m; i++) {
      const t = taskOfRank[picks[i]];
      this.start(t, agentOf[t], now, out);
    }
  }

  /** `sequential`: one task at a time, the best of all. */
  private dispatchSequential(now: number, out: PureScheduleResults): void {
    if (this.running > 0 || this.head[0] === this.tail[0]) return;
    const t = this.taskOfRank[this.ready[this.head[0]++]];
    this.start(t, this.agentOf[t], now, out);
  }

  private start(t: number, r: number, now: number, out: PureScheduleResults): void {
    out.taskStart[t] = now;
    // Waited for the agent: the task that freed it is the predecessor on the critical path.
    const prev = this.lastEndTask[r];
    const ready = this.readyAt[t];
    // prev ended last on r, at the latest end time on r so far (events come in time order).
    if (now > ready && prev >= 0 && out.lastEnd[r] > ready) this.pred[t] = prev;
    this.free[r]--;
    this.running++;
    if (now < out.firstStart[r]) out.firstStart[r] = now;
    // The job store's duration, coord + work + held with coord 0: the same rounding.
    const I = this.inputs!;
    const end = now + (this.risky ? I.durations[t] + I.riskWork[t] + I.riskDelay[t] : I.durations[t] + 0);
    this.pushEvent(end, t);
  }

  /** Time of the least pending event (the root, or with a hole the lesser child of the root), or Infinity. */
  private nextTime(): number {
    const n = this.evCount;
    if (!this.hole) return n > 0 ? this.evTime[0] : Infinity;
    if (n <= 1) return Infinity;
    return n > 2 && this.evTime[2] < this.evTime[1] ? this.evTime[2] : this.evTime[1];
  }

  private pushEvent(time: number, t: number): void {
    const s = this.nextSeq++;
    if (this.hole) {
      this.hole = false;
      this.siftDown(time, s, t);
      return;
    }
    const et = this.evTime;
    const es = this.evSeq;
    const ek = this.evTask;
    let i = this.evCount++;
    // A new event has the largest sequence number: it stops below any parent of equal time.
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (et[p] <= time) break;
      et[i] = et[p];
      es[i] = es[p];
      ek[i] = ek[p];
      i = p;
    }
    et[i] = time;
    es[i] = s;
    ek[i] = t;
  }

  /** Refills the vacant root with the last entry. */
  private fillHole(): void {
    this.hole = false;
    const n = --this.evCount;
    if (n > 0) this.siftDown(this.evTime[n], this.evSeq[n], this.evTask[n]);
  }

  /** Places (time, seq, task) at the vacant root or below it, within `evCount` entries. */
  private siftDown(time: number, s: number, task: number): void {
    const et = this.evTime;
    const es = this.evSeq;
    const ek = this.evTask;
    const n = this.evCount;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      let ct = et[c];
      if (c + 1 < n) {
        const rt = et[c + 1];
        if (rt < ct || (rt === ct && es[c + 1] < es[c])) {
          c++;
          ct = rt;
        }
      }
      if (ct > time || (ct === time && es[c] > s)) break;
      et[i] = ct;
      es[i] = es[c];
      ek[i] = ek[c];
      i = c;
    }
    et[i] = time;
    es[i] = s;
    ek[i] = task;
  }
}

/** Sorts `a[0 .. m)` ascending: insertion sort for the few starts of an instant, else the typed-array sort. */
function sortRanks(a: Int32Array, m: number): void {
  if (m > 16) {
    a.subarray(0, m).sort(); // typed arrays sort numerically
    return;
  }
  for (let k = 1; k < m; k++) {
    const x = a[k];
    let i = k - 1;
    while (i >= 0 && a[i] > x) {
      a[i + 1] = a[i];
      i--;
    }
    a[i + 1] = x;
  }
}
