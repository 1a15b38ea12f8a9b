import type { WorkingTime } from '../calendar/WorkingTime.js';
import { heapSiftDown, heapSiftUp } from '../sim/heap.js';
import { criticalOrder } from './criticalPath.js';
import type { EngineRunOptions } from './EngineState.js';
import { LINK_FS, type DemandModel, type Model, type StrategyModel } from './Model.js';
import type { RunInputs } from './RunInputs.js';
import { RunState } from './RunState.js';
import { Fitter, UNIT_EPSILON } from './_internals/Fitter.js';

/**
 * The engine's dispatch in units (docs/semantics.md §17) for runs with nothing but work, as
 * `WorkOnlySchedule` is for slots: no gates, no handoffs, status updates or checkpoints, tasks
 * that are work or milestones, finish-to-start links without lag. Joint tasks, shares, pool
 * demands, `pick` and a pinned order all apply. A (time, sequence) heap holds the ends of
 * tasks and milestones; a task holding one unit of one fixed agent waits in that agent's list
 * (its head is all that can start), every other task in one list scanned in rank order, and
 * the two are merged by rank so that starts happen in dispatch order, exactly as in the
 * general engine (same starts, finishes, critical path, makespan and event count: a property
 * test compares them field by field).
 */
export class WorkOnlyUnits {
  /** Can runs of this (model, strategy) take this path? (The caller has found them to be in units.) */
  static applies(model: Model, s: StrategyModel): boolean {
    if (model.gates.length > 0 || s.handoff !== null || s.status !== null || s.checkpoint !== null) return false;
    const sch = model.schedule;
    if (sch.statusDate !== null) return false;
    if (!model.tasks.every((t) => (t.kind === 'work' || t.kind === 'milestone') && t.notBefore === -Infinity && t.actualStart === null)) return false;
    if (model.risks.some((r) => model.tasks[r.task].kind !== 'work')) return false;
    return model.successorType.every((types, n) => types.every((type, k) => type === LINK_FS && model.successorLag[n][k] === 0));
  }

  readonly out: RunState;
  /** Per task: the task whose end enabled its start (dependency or freed resource), or -1. */
  readonly pred: Int32Array;

  private readonly T: number;
  private readonly A: number;
  private readonly oneAtATime: boolean;
  private readonly calendars: WorkingTime[] | null;
  private readonly risky: boolean;
  private readonly capacity: Float64Array;
  private readonly demands: DemandModel[][];
  /** Per task: 0 milestone, 1 simple (one unit of `simpleAgent`), 2 anything else. */
  private readonly shape: Int8Array;
  private readonly simpleAgent: Int32Array;
  private readonly rank: Int32Array;
  private readonly taskOfRank: Int32Array;
  private readonly succOff: Int32Array;
  private readonly succList: Int32Array;
  private readonly predCount: Int32Array;
  /** Pinned order: the listed tasks that hold resources, in order; per task 1 when listed. */
  private strict: Int32Array;
  private readonly listed: Uint8Array;
  private readonly model: Model;
  private readonly fitter: Fitter;
  // Per-run state.
  private readonly pending: Int32Array;
  private readonly readyAt: Float64Array;
  private readonly free: Float64Array;
  private readonly running: Int32Array;
  private readonly lastEndTask: Int32Array;
  private readonly marked: Uint8Array;
  private readonly markList: Int32Array;
  /** Holdings of each started task: `hRes/hUnits[hOff[t] .. hOff[t] + hLen[t])`. */
  private readonly hOff: Int32Array;
  private readonly hLen: Int32Array;
  private hRes: Int32Array;
  private hUnits: Float64Array;
  /** Simple tasks' ready ranks per agent in `sready[head[r] .. tail[r])` (segments as in WorkOnlySchedule). */
  private readonly sready: Int32Array;
  private readonly base: Int32Array;
  private readonly head: Int32Array;
  private readonly tail: Int32Array;
  /** Other ready tasks' ranks, ascending. */
  private readonly cready: Int32Array;
  /** Merge heap of the dispatch step: (head rank, agent) of agents whose head may start. */
  private readonly mRank: Int32Array;
  private readonly mAgent: Int32Array;
  private readonly evTime: Float64Array;
  private readonly evSeq: Float64Array;
  private readonly evTask: Int32Array;
  private readonly pathStart: Float64Array;
  private readonly pathBuf: Int32Array;

  constructor(model: Model, strategy: StrategyModel, rank: Int32Array, succOff: Int32Array, succList: Int32Array) {
    const T = model.tasks.length;
    const A = model.agents.length;
    this.T = T;
    this.A = A;
    this.oneAtATime = strategy.topology === 'sequential';
    this.risky = model.risks.length > 0;
    this.calendars = model.schedule.calendared ? model.schedule.resourceTime : null;
    this.out = new RunState(model, strategy);
    this.capacity = this.out.capacity;
    this.demands = model.tasks.map((t) => t.demands);
    this.model = model;
    this.listed = new Uint8Array(T);
    this.strict = new Int32Array(0);
    this.shape = new Int8Array(T);
    this.simpleAgent = new Int32Array(T);
    this.rank = rank;
    this.taskOfRank = new Int32Array(T);
    this.succOff = succOff;
    this.succList = succList;
    this.predCount = Int32Array.from(model.predecessorCount.subarray(0, T));
    this.fitter = new Fitter(model, A + 1, this.capacity, strategy.pick === 'least-busy');
    this.pending = new Int32Array(T);
    this.readyAt = new Float64Array(T);
    this.pred = new Int32Array(T);
    this.free = new Float64Array(A + 1);
    this.running = new Int32Array(A + 1);
    this.lastEndTask = new Int32Array(A + 1);
    this.marked = new Uint8Array(A);
    this.markList = new Int32Array(A);
    this.hOff = new Int32Array(T);
    this.hLen = new Int32Array(T);
    this.hRes = new Int32Array(Math.max(16, 2 * T));
    this.hUnits = new Float64Array(this.hRes.length);
    this.sready = new Int32Array(T);
    this.base = new Int32Array(A + 1);
    this.head = new Int32Array(A);
    this.tail = new Int32Array(A);
    this.cready = new Int32Array(T);
    this.mRank = new Int32Array(A);
    this.mAgent = new Int32Array(A);
    this.evTime = new Float64Array(T + 1);
    this.evSeq = new Float64Array(T + 1);
    this.evTask = new Int32Array(T + 1);
    this.pathStart = new Float64Array(T);
    this.pathBuf = new Int32Array(T);
    this.out.taskExecutions.fill(1);
    this.setDispatch(strategy.dispatch.order ?? []);
  }

  /**
   * The ranks (the array given to the constructor, which the caller may have rewritten) and
   * the pinned start order (task indices; empty: none) changed: rebuilds what depends on them.
   */
  setDispatch(order: ArrayLike<number>): void {
    const T = this.T;
    const tasks = this.model.tasks;
    this.listed.fill(0);
    this.strict = Int32Array.from(Array.from(order).filter((t) => tasks[t].kind === 'work'));
    for (const t of this.strict) this.listed[t] = 1;
    this.base.fill(0);
    for (let i = 0; i < T; i++) {
      this.taskOfRank[this.rank[i]] = i;
      this.simpleAgent[i] = -1;
      this.shape[i] = 0;
      if (tasks[i].kind === 'milestone') continue;
      const d = tasks[i].demands;
      const simple = !this.oneAtATime && this.listed[i] === 0 && d.length === 1 && d[0].agent >= 0 && d[0].units === 1;
      this.shape[i] = simple ? 1 : 2;
      if (simple) {
        this.simpleAgent[i] = d[0].agent;
        this.base[d[0].agent + 1]++;
      }
    }
    for (let r = 0; r < this.A; r++) this.base[r + 1] += this.base[r];
  }

  /** Simulates one run and returns its state (the same `out` object every time). */
  run(inputs: RunInputs, options: EngineRunOptions): RunState {
    const out = this.out;
    out.seed = options.seed;
    out.run = options.run;
    const T = this.T;
    const A = this.A;
    for (let r = 0; r < out.work.length; r++) {
      out.work[r] = 0;
      out.held[r] = 0;
      out.coord[r] = 0;
      out.firstStart[r] = Infinity;
      out.lastEnd[r] = 0;
      this.free[r] = this.capacity[r];
      this.running[r] = 0;
      this.lastEndTask[r] = -1;
    }
    for (let r = 0; r < A; r++) {
      this.marked[r] = 0;
      this.head[r] = this.tail[r] = this.base[r];
    }
    for (let t = 0; t < T; t++) {
      this.pending[t] = this.predCount[t];
      out.critical[t] = 0;
      out.taskAgent[t] = -1;
    }
    out.serialTime = 0;
    const I = inputs;
    const cal = this.calendars;
    const risky = this.risky;
    const { shape, simpleAgent, rank, taskOfRank, succOff, succList, pending, pred, readyAt, free, running, lastEndTask } = this;
    const { marked, markList, sready, head, tail, cready, mRank, mAgent, hOff, hLen, strict, listed, fitter } = this;
    const holders = out.taskResources!;
    const et = this.evTime;
    const es = this.evSeq;
    const ek = this.evTask;
    let evCount = 0;
    let nextSeq = 0;
    let markCount = 0;
    let cCount = 0;
    let hCount = 0;
    let runningTotal = 0;
    let strictNext = 0;
    let makespan = 0;
    let lastTask = -1;
    let processed = 1; // the start signal
    let now = 0;

    // A task becomes ready at `now`: a milestone ends at once (its end is scheduled now), a
    // simple task joins its agent's list, any other the common list.
    const ready = (t: number): void => {
      readyAt[t] = now;
      const kind = shape[t];
      if (kind === 0) {
        out.taskStart[t] = now;
        heapSiftUp(et, es, ek, evCount++, now, nextSeq++, t);
        return;
      }
      const rk = rank[t];
      if (kind === 1) {
        const r = simpleAgent[t];
        insertRank(sready, head, tail, r, rk);
        if (marked[r] === 0) {
          marked[r] = 1;
          markList[markCount++] = r;
        }
        return;
      }
      let i = cCount++;
      while (i > 0 && cready[i - 1] > rk) {
        cready[i] = cready[i - 1];
        i--;
      }
      cready[i] = rk;
    };
    // Starts task t on the holdings in `fitter` (or one unit of `simple`).
    const start = (t: number, simple: number): void => {
      const at = cal !== null ? cal[simple >= 0 ? simple : fitter.res[0]].nextWorking(now) : now;
      out.taskStart[t] = at;
      const n = simple >= 0 ? 1 : fitter.count;
      if (hCount + n > this.hRes.length) this.grow(hCount + n);
      const off = hCount;
      hCount += n;
      hOff[t] = off;
      hLen[t] = n;
      const hr = this.hRes;
      const hu = this.hUnits;
      if (simple >= 0) {
        hr[off] = simple;
        hu[off] = 1;
      } else {
        for (let k = 0; k < n; k++) {
          hr[off + k] = fitter.res[k];
          hu[off + k] = fitter.units[k];
        }
      }
      const lead = hr[off];
      out.taskAgent[t] = lead;
      const h = holders[t];
      h.length = 0;
      // Waited for resources: the task that freed the last of them is the predecessor.
      const rt = readyAt[t];
      let prev = -1;
      for (let k = 0; k < n; k++) {
        const r = hr[off + k];
        h.push(r);
        const p = lastEndTask[r];
        if (p >= 0 && out.taskFinish[p] > rt && (prev < 0 || out.taskFinish[p] > out.taskFinish[prev])) prev = p;
        free[r] -= hu[off + k];
        running[r]++;
        if (at < out.firstStart[r]) out.firstStart[r] = at;
      }
      if (now > rt && prev >= 0) pred[t] = prev;
      runningTotal++;
      if (listed[t] === 1) strictNext++;
      const d = risky ? I.durations[t] + I.riskWork[t] + I.riskHeld[t] : I.durations[t] + 0;
      const end = cal !== null ? cal[lead].advance(now, d) : now + d;
      heapSiftUp(et, es, ek, evCount++, end, nextSeq++, t);
    };

    // The start signal: tasks without predecessors, in file order.
    for (let t = 0; t < T; t++) {
      if (this.predCount[t] !== 0) continue;
      pred[t] = -1;
      ready(t);
    }
    for (;;) {
      // Task ends at the least event time, in (time, sequence) order.
      while (evCount > 0 && et[0] === now) {
        const t = ek[0];
        const n = --evCount;
        if (n > 0) heapSiftDown(et, es, ek, n, 0, et[n], es[n], ek[n]);
        processed++;
        if (shape[t] !== 0) {
          const off = hOff[t];
          const hr = this.hRes;
          const hu = this.hUnits;
          const work = risky ? I.durations[t] + I.riskWork[t] : I.durations[t] + 0;
          const held = risky ? I.riskHeld[t] : 0;
          for (let k = 0; k < hLen[t]; k++) {
            const r = hr[off + k];
            const x = hu[off + k];
            free[r] = --running[r] === 0 ? this.capacity[r] : free[r] + x;
            lastEndTask[r] = t;
            if (now > out.lastEnd[r]) out.lastEnd[r] = now;
            out.work[r] += x * work;
            out.held[r] += x * held;
            if (r < A && marked[r] === 0) {
              marked[r] = 1;
              markList[markCount++] = r;
            }
          }
          runningTotal--;
          out.serialTime += work + held;
        }
        if (now >= makespan) {
          makespan = now;
          lastTask = t;
        }
        out.taskFinish[t] = now;
        for (let k = succOff[t]; k < succOff[t + 1]; k++) {
          const s = succList[k];
          pred[s] = t; // the last dependency to end enables the start (unless resources are busy)
          if (--pending[s] === 0) ready(s);
        }
      }
      // Dispatch at the end of the instant: simple heads and the common list, merged by rank.
      let m = 0;
      for (let k = 0; k < markCount; k++) {
        const r = markList[k];
        marked[r] = 0;
        if (head[r] < tail[r] && free[r] >= 1 - UNIT_EPSILON * Math.max(1, this.capacity[r])) m = mergePush(mRank, mAgent, m, sready[head[r]], r);
      }
      markCount = 0;
      let c = 0;
      let w = 0; // common list compacted in place: kept entries go to w
      for (;;) {
        if (this.oneAtATime && runningTotal > 0) break;
        const cr = c < cCount ? cready[c] : 0x7fffffff;
        const hrk = m > 0 ? mRank[0] : 0x7fffffff;
        if (cr === 0x7fffffff && hrk === 0x7fffffff) break;
        if (hrk < cr) {
          const r = mAgent[0];
          m = mergePop(mRank, mAgent, m);
          if (free[r] < 1 - UNIT_EPSILON * Math.max(1, this.capacity[r])) continue;
          head[r]++;
          start(taskOfRank[hrk], r);
          if (head[r] < tail[r] && free[r] >= 1 - UNIT_EPSILON * Math.max(1, this.capacity[r])) m = mergePush(mRank, mAgent, m, sready[head[r]], r);
          continue;
        }
        const t = taskOfRank[cr];
        c++;
        if ((listed[t] === 0 || strict[strictNext] === t) && fitter.task(this.demands[t], free, null, now, out.work)) start(t, -1);
        else cready[w++] = cr;
      }
      while (c < cCount) cready[w++] = cready[c++];
      cCount = w;
      if (evCount === 0) break;
      now = et[0];
    }
    out.makespan = makespan;
    out.eventCount = processed;
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

  private grow(need: number): void {
    const n = Math.max(2 * this.hRes.length, need);
    const res = new Int32Array(n);
    res.set(this.hRes);
    this.hRes = res;
    const units = new Float64Array(n);
    units.set(this.hUnits);
    this.hUnits = units;
  }
}

/** Pushes (rank, agent) on the merge heap of size m (least rank on top); returns the new size. */
function mergePush(rk: Int32Array, ag: Int32Array, m: number, rank: number, agent: number): number {
  let i = m;
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (rk[p] <= rank) break;
    rk[i] = rk[p];
    ag[i] = ag[p];
    i = p;
  }
  rk[i] = rank;
  ag[i] = agent;
  return m + 1;
}

/** Pops the top of the merge heap; returns the new size. */
function mergePop(rk: Int32Array, ag: Int32Array, m: number): number {
  const n = m - 1;
  const rank = rk[n];
  const agent = ag[n];
  let i = 0;
  for (;;) {
    let c = 2 * i + 1;
    if (c >= n) break;
    if (c + 1 < n && rk[c + 1] < rk[c]) c++;
    if (rk[c] >= rank) break;
    rk[i] = rk[c];
    ag[i] = ag[c];
    i = c;
  }
  if (n > 0) {
    rk[i] = rank;
    ag[i] = agent;
  }
  return n;
}

/** Inserts `rank` into agent h's sorted list segment (`list[head[h] .. tail[h])`). */
function insertRank(list: Int32Array, head: Int32Array, tail: Int32Array, h: number, rank: number): void {
  const first = head[h];
  let i = tail[h]++;
  while (i > first && list[i - 1] > rank) {
    list[i] = list[i - 1];
    i--;
  }
  list[i] = rank;
}
