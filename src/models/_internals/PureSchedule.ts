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
  private readonly capacity: Int32Array;
  private readonly agentOf: Int32Array;
  private readonly rank: Int32Array;
  private readonly taskOfRank: Int32Array;
  private readonly succOff: Int32Array;
  private readonly succList: Int32Array;
  private readonly predCount: Int32Array;
  // Per-run state.
  private readonly pending: Int32Array;
  private readonly readyCause: Int32Array;
  private readonly readyAt: Float64Array;
  private readonly endAt: Float64Array;
  private inputs: RunInputs | null = null;
  private readonly free: Int32Array;
  private readonly lastEndTask: Int32Array;
  private readonly marked: Uint8Array;
  /** Scratch of `dispatch`: the ranks starting at this instant, sorted. */
  private readonly picks: Int32Array;
  private readonly markList: Int32Array;
  private markCount = 0;
  private running = 0;
  /** Ready ranks: a binary min-heap per resource in `heap[heapBase[r] ..)` (one heap for all in `sequential`). */
  private readonly heap: Int32Array;
  private readonly heapBase: Int32Array;
  private readonly heapSize: Int32Array;
  /** Task ends: a binary heap on (time, sequence). */
  private readonly evTime: Float64Array;
  private readonly evSeq: Float64Array;
  private readonly evTask: Int32Array;
  private evCount = 0;
  private nextSeq = 0;

  constructor(model: Model, strategy: StrategyModel, capacity: Int32Array, rank: Int32Array, succOff: Int32Array, succList: Int32Array) {
    const T = model.tasks.length;
    const A = model.agents.length;
    this.T = T;
    this.R = A;
    this.seq = strategy.topology === 'sequential';
    this.capacity = capacity;
    this.agentOf = Int32Array.from(model.tasks, (t) => t.agent);
    this.rank = rank;
    this.taskOfRank = new Int32Array(T);
    for (let t = 0; t < T; t++) this.taskOfRank[rank[t]] = t;
    this.succOff = succOff;
    this.succList = succList;
    this.predCount = Int32Array.from(model.predecessorCount.subarray(0, T));
    this.pending = new Int32Array(T);
    this.readyCause = new Int32Array(T);
    this.readyAt = new Float64Array(T);
    this.endAt = new Float64Array(T);
    this.pred = new Int32Array(T);
    this.free = new Int32Array(A);
    this.lastEndTask = new Int32Array(A);
    this.marked = new Uint8Array(A);
    this.picks = new Int32Array(T);
    this.markList = new Int32Array(A);
    this.heap = new Int32Array(T);
    this.heapBase = new Int32Array(A + 1);
    this.heapSize = new Int32Array(A);
    if (!this.seq) {
      for (let t = 0; t < T; t++) this.heapBase[this.agentOf[t] + 1]++;
      for (let r = 0; r < A; r++) this.heapBase[r + 1] += this.heapBase[r];
    }
    let slots = 0;
    for (let r = 0; r < A; r++) slots += capacity[r];
    const E = Math.max(1, Math.min(T, slots)) + 1;
    this.evTime = new Float64Array(E);
    this.evSeq = new Float64Array(E);
    this.evTask = new Int32Array(E);
  }

  /** Simulates one run into `out` (reset here) and this object's `makespan`, `eventCount`, `lastTask`, `pred`. */
  run(inputs: RunInputs, out: PureScheduleResults): void {
    const T = this.T;
    const R = this.R;
    for (let r = 0; r < R; r++) {
      this.free[r] = this.capacity[r];
      this.lastEndTask[r] = -1;
      this.marked[r] = 0;
      this.heapSize[r] = 0;
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
    this.markCount = 0;
    this.running = 0;
    this.evCount = 0;
    this.nextSeq = 0;
    this.makespan = 0;
    this.lastTask = -1;
    if (this.seq) this.heapSize[0] = 0;
    // The start signal (one event): tasks without predecessors are ready at 0, then dispatch.
    let processed = 1;
    for (let t = 0; t < T; t++) {
      if (this.predCount[t] === 0) {
        this.readyCause[t] = -1;
        this.makeReady(t, 0);
      }
    }
    this.dispatch(0, out);
    while (this.evCount > 0) {
      const now = this.evTime[0];
      const t = this.popEvent();
      processed++;
      this.taskEnd(t, now, out);
      if (this.evCount === 0 || this.evTime[0] !== now) this.dispatch(now, out);
    }
    this.eventCount = processed;
  }

  private taskEnd(t: number, now: number, out: PureScheduleResults): void {
    const r = this.agentOf[t];
    this.free[r]++;
    this.running--;
    this.lastEndTask[r] = t;
    if (now > out.lastEnd[r]) out.lastEnd[r] = now;
    const I = this.inputs!;
    out.work[r] += I.durations[t] + I.riskWork[t];
    out.blocked[r] += I.riskDelay[t];
    this.mark(r);
    out.taskExecutions[t] = 1;
    if (now >= this.makespan) {
      this.makespan = now;
      this.lastTask = t;
    }
    out.taskFinish[t] = now;
    const end = this.succOff[t + 1];
    for (let k = this.succOff[t]; k < end; k++) {
      const s = this.succList[k];
      this.readyCause[s] = t;
      if (--this.pending[s] === 0) this.makeReady(s, now);
    }
  }

  private makeReady(t: number, now: number): void {
    this.readyAt[t] = now;
    this.pred[t] = this.readyCause[t];
    const r = this.agentOf[t];
    this.pushReady(this.seq ? 0 : r, this.rank[t]);
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
   * In `sequential`, one task at a time, the best of all.
   */
  private dispatch(now: number, out: PureScheduleResults): void {
    const list = this.markList;
    const n = this.markCount;
    for (let k = 0; k < n; k++) this.marked[list[k]] = 0;
    this.markCount = 0;
    if (this.seq) {
      if (this.running > 0 || this.heapSize[0] === 0) return;
      const t = this.taskOfRank[this.popReady(0)];
      this.start(t, this.agentOf[t], now, out);
      return;
    }
    // Every free agent's picks (ranks) into `picks`, then the starts in increasing rank.
    const picks = this.picks;
    let m = 0;
    for (let k = 0; k < n; k++) {
      const r = list[k];
      let f = this.free[r];
      while (f > 0 && this.heapSize[r] > 0) {
        picks[m++] = this.popReady(r);
        f--;
      }
    }
    if (m > 16) picks.subarray(0, m).sort(); // typed arrays sort numerically
    else {
      for (let k = 1; k < m; k++) {
        const x = picks[k];
        let i = k - 1;
        while (i >= 0 && picks[i] > x) {
          picks[i + 1] = picks[i];
          i--;
        }
        picks[i + 1] = x;
      }
    }
    for (let i = 0; i < m; i++) {
      const t = this.taskOfRank[picks[i]];
      this.start(t, this.agentOf[t], now, out);
    }
  }

  private start(t: number, r: number, now: number, out: PureScheduleResults): void {
    out.taskStart[t] = now;
    out.taskAgent[t] = r;
    // Waited for the agent: the task that freed it is the predecessor on the critical path.
    const prev = this.lastEndTask[r];
    if (now > this.readyAt[t] && prev >= 0 && this.endAt[prev] > this.readyAt[t]) this.pred[t] = prev;
    this.free[r]--;
    this.running++;
    if (now < out.firstStart[r]) out.firstStart[r] = now;
    // The job store's duration, coord + work + held with coord 0: the same rounding.
    const I = this.inputs!;
    const end = now + (I.durations[t] + I.riskWork[t] + I.riskDelay[t]);
    this.endAt[t] = end;
    this.pushEvent(end, t);
  }

  private pushReady(h: number, rank: number): void {
    const heap = this.heap;
    const base = this.heapBase[h];
    let i = this.heapSize[h]++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const v = heap[base + p];
      if (v <= rank) break;
      heap[base + i] = v;
      i = p;
    }
    heap[base + i] = rank;
  }

  private popReady(h: number): number {
    const heap = this.heap;
    const base = this.heapBase[h];
    const top = heap[base];
    const n = --this.heapSize[h];
    const x = heap[base + n];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && heap[base + c + 1] < heap[base + c]) c++;
      if (heap[base + c] >= x) break;
      heap[base + i] = heap[base + c];
      i = c;
    }
    heap[base + i] = x;
    return top;
  }

  private pushEvent(time: number, t: number): void {
    const s = this.nextSeq++;
    let i = this.evCount++;
    // A new event has the largest sequence number: it stops below any parent of equal time.
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.evTime[p] <= time) break;
      this.evTime[i] = this.evTime[p];
      this.evSeq[i] = this.evSeq[p];
      this.evTask[i] = this.evTask[p];
      i = p;
    }
    this.evTime[i] = time;
    this.evSeq[i] = s;
    this.evTask[i] = t;
  }

  private popEvent(): number {
    const top = this.evTask[0];
    const n = --this.evCount;
    const time = this.evTime[n];
    const s = this.evSeq[n];
    const task = this.evTask[n];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && (this.evTime[c + 1] < this.evTime[c] || (this.evTime[c + 1] === this.evTime[c] && this.evSeq[c + 1] < this.evSeq[c]))) c++;
      if (this.evTime[c] > time || (this.evTime[c] === time && this.evSeq[c] > s)) break;
      this.evTime[i] = this.evTime[c];
      this.evSeq[i] = this.evSeq[c];
      this.evTask[i] = this.evTask[c];
      i = c;
    }
    this.evTime[i] = time;
    this.evSeq[i] = s;
    this.evTask[i] = task;
    return top;
  }
}
