import type { WorkingTime } from '../calendar/WorkingTime.js';
import { CoordsimError } from '../scenario/CoordsimError.js';
import { heapSiftDown, heapSiftUp } from '../sim/heap.js';
import { sortInts } from '../sim/sortInts.js';
import { criticalOrder } from './criticalPath.js';
import type { EngineRunOptions } from './EngineState.js';
import { LINK_FS, type DemandModel, type Model, type StrategyModel } from './Model.js';
import type { RunInputs } from './RunInputs.js';
import { RunState } from './RunState.js';
import { Fitter, UNIT_EPSILON } from './_internals/Fitter.js';

/**
 * The engine's dispatch in units (docs/semantics.md §18) for runs with nothing but work, as
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
    // Branches and existence risks skip tasks (the general engine's branches.ts); drivers only scale durations.
    if (model.gates.length > 0 || model.branches.length > 0 || model.existenceRisks.length > 0 || s.handoff !== null || s.status !== null || s.checkpoint !== null) return false;
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
  /** Per agent: the free units one unit needs (1 less the slack of comparisons). */
  private readonly oneFree: Float64Array;
  private readonly demands: DemandModel[][];
  /** Tasks of fixed units of distinct named agents: their holdings `fixRes/fixUnits[fixOff[t] .. fixEnd[t])`; fixOff[t] = -1 for others. */
  private readonly fixOff: Int32Array;
  private readonly fixEnd: Int32Array;
  private readonly fixRes: Int32Array;
  private readonly fixUnits: Float64Array;
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
  /** Under `sequential`: the other ready tasks' ranks, ascending (scanned whole at each dispatch). */
  private readonly cready: Int32Array;
  /**
   * Otherwise the other ready tasks wait to be woken: a task that did not fit waits on every
   * agent it could use (`waiters`), and is looked at again only when one of them frees units,
   * or, in a pinned order, when its turn comes. Nothing else could have changed for it.
   */
  private readonly wHead: Int32Array;
  /** Waiter entries (a linked list per agent): task and next entry; reset per run. */
  private wTask: Int32Array;
  private wNext: Int32Array;
  /** Agents of each skill, in file order. */
  private readonly skillAgents: Int32Array[];
  /** Per task: 1 ready and waiting (not simple), 0 otherwise; the dispatch that last queued it. */
  private readonly waiting: Uint8Array;
  private readonly stamp: Int32Array;
  /** Candidates of a dispatch: simple heads and the other tasks, ranks ascending. */
  private readonly picks: Int32Array;
  private readonly cand: Int32Array;
  /** Agents that freed units since the last dispatch, and the tasks that became ready (not simple). */
  private readonly freed: Uint8Array;
  private readonly freedList: Int32Array;
  private readonly fresh: Int32Array;
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
    this.oneFree = this.capacity.map((c) => 1 - UNIT_EPSILON * Math.max(1, c));
    // Tasks of fixed units of distinct named agents: their holdings are their demands (the fitter's result, checked inline).
    const fixed = model.tasks.map((t) => t.kind === 'work' && t.demands.every((d, k) => d.agent >= 0 && t.demands.findIndex((e) => e.agent === d.agent) === k));
    this.fixOff = new Int32Array(T).fill(-1);
    this.fixEnd = new Int32Array(T);
    let nFix = 0;
    model.tasks.forEach((t, i) => {
      if (!fixed[i]) return;
      this.fixOff[i] = nFix;
      nFix += t.demands.length;
      this.fixEnd[i] = nFix;
    });
    this.fixRes = new Int32Array(nFix);
    this.fixUnits = new Float64Array(nFix);
    model.tasks.forEach((t, i) => {
      if (!fixed[i]) return;
      t.demands.forEach((d, k) => {
        this.fixRes[this.fixOff[i] + k] = d.agent;
        this.fixUnits[this.fixOff[i] + k] = d.units;
      });
    });
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
    this.wHead = new Int32Array(A + 1);
    this.wTask = new Int32Array(Math.max(64, 4 * T));
    this.wNext = new Int32Array(this.wTask.length);
    this.skillAgents = model.skills.map((_, k) => Int32Array.from(model.agents.filter((a) => a.skillIds.includes(k)).map((a) => a.index)));
    this.waiting = new Uint8Array(T);
    this.stamp = new Int32Array(T);
    this.picks = new Int32Array(T);
    this.cand = new Int32Array(T);
    this.freed = new Uint8Array(A + 1);
    this.freedList = new Int32Array(A + 1);
    this.fresh = new Int32Array(T);
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
      this.freed[r] = 0;
    }
    for (let r = 0; r < A; r++) {
      this.marked[r] = 0;
      this.head[r] = this.tail[r] = this.base[r];
    }
    this.wHead.fill(-1);
    for (let t = 0; t < T; t++) {
      this.waiting[t] = 0;
      this.stamp[t] = 0;
      this.pending[t] = this.predCount[t];
      out.critical[t] = 0;
      out.taskAgent[t] = -1;
    }
    out.serialTime = 0;
    const I = inputs;
    const cal = this.calendars;
    const risky = this.risky;
    const oneAtATime = this.oneAtATime;
    const { shape, simpleAgent, rank, taskOfRank, succOff, succList, pending, pred, readyAt, free, running, lastEndTask, capacity, oneFree } = this;
    const { marked, markList, sready, head, tail, cready, picks, cand, hOff, hLen, listed, fitter, demands } = this;
    const { freed, freedList, wHead, skillAgents, waiting, stamp, fresh, fixOff, fixEnd, fixRes, fixUnits } = this;
    const strict = this.strict;
    const et = this.evTime;
    const es = this.evSeq;
    const ek = this.evTask;
    // Like WorkOnlySchedule, the run is one loop inlined by hand: counters stay in registers.
    let evCount = 0;
    let nextSeq = 0;
    let markCount = 0;
    let freedCount = 0;
    let freshCount = 0;
    let cCount = 0;
    let hCount = 0;
    let wCount = 0;
    let epoch = 0;
    let runningTotal = 0;
    let strictNext = 0;
    let makespan = 0;
    let lastTask = -1;
    let processed = 1; // the start signal
    let now = 0;
    // The start signal: tasks without predecessors become ready, in file order.
    for (let t = 0; t < T; t++) {
      if (this.predCount[t] !== 0) continue;
      pred[t] = -1;
      readyAt[t] = 0;
      const kind = shape[t];
      if (kind === 0) {
        out.taskStart[t] = 0;
        heapSiftUp(et, es, ek, evCount++, 0, nextSeq++, t);
      } else if (kind === 1) {
        const r = simpleAgent[t];
        insertRank(sready, head, tail, r, rank[t]);
        if (marked[r] === 0) {
          marked[r] = 1;
          markList[markCount++] = r;
        }
      } else if (!oneAtATime) {
        waiting[t] = 1;
        fresh[freshCount++] = t;
      } else cCount = insertSorted(cready, cCount, rank[t]);
    }
    for (;;) {
      // Task and milestone ends at the least event time, in (time, sequence) order.
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
            free[r] = --running[r] === 0 ? capacity[r] : free[r] + x;
            lastEndTask[r] = t;
            if (now > out.lastEnd[r]) out.lastEnd[r] = now;
            out.work[r] += x * work;
            out.held[r] += x * held;
            if (marked[r] === 0) {
              marked[r] = 1;
              markList[markCount++] = r;
            }
            if (freed[r] === 0) {
              freed[r] = 1;
              freedList[freedCount++] = r;
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
          if (--pending[s] !== 0) continue;
          // s is ready: a milestone ends at once, a simple task joins its agent's list, any other waits to be looked at.
          readyAt[s] = now;
          const kind = shape[s];
          if (kind === 0) {
            out.taskStart[s] = now;
            heapSiftUp(et, es, ek, evCount++, now, nextSeq++, s);
          } else if (kind === 1) {
            const r = simpleAgent[s];
            insertRank(sready, head, tail, r, rank[s]);
            if (marked[r] === 0) {
              marked[r] = 1;
              markList[markCount++] = r;
            }
          } else if (!oneAtATime) {
            waiting[s] = 1;
            fresh[freshCount++] = s;
          } else cCount = insertSorted(cready, cCount, rank[s]);
        }
      }
      // Dispatch at the end of the instant (docs/semantics.md §18): every task that can start
      // does, in rank order. Candidates, merged by rank: the simple heads that marked agents
      // have units for (`picks`), and the tasks woken because an agent they wait for freed
      // units or newly ready (`cand`).
      let pn = 0;
      for (let k = 0; k < markCount; k++) {
        const r = markList[k];
        marked[r] = 0;
        let f = free[r];
        for (let j = head[r]; j < tail[r] && f >= oneFree[r]; j++) {
          picks[pn++] = sready[j];
          f -= 1;
        }
      }
      markCount = 0;
      if (pn > 1) sortInts(picks, pn);
      epoch++;
      let cn = 0;
      if (!oneAtATime) {
        for (let k = 0; k < freedCount; k++) {
          const r = freedList[k];
          freed[r] = 0;
          const wt = this.wTask;
          const wn = this.wNext;
          for (let e = wHead[r]; e >= 0; e = wn[e]) {
            const t = wt[e];
            if (waiting[t] === 1 && stamp[t] !== epoch) {
              stamp[t] = epoch;
              cand[cn++] = rank[t];
            }
          }
          wHead[r] = -1;
        }
        for (let k = 0; k < freshCount; k++) {
          const t = fresh[k];
          if (stamp[t] !== epoch) {
            stamp[t] = epoch;
            cand[cn++] = rank[t];
          }
        }
        if (cn > 1) sortInts(cand, cn);
      } else for (let k = 0; k < freedCount; k++) freed[freedList[k]] = 0;
      freedCount = 0;
      freshCount = 0;
      let pi = 0;
      let ci = 0;
      let c = 0; // sequential: scan position in `cready`, and `w` the compacted length
      let w = 0;
      for (;;) {
        // The next task to start, and where its holdings come from: one unit of `simple`, the
        // task's fixed units (`fixed`), or the fitter's choice.
        let t = -1;
        let simple = -1;
        let fixed = false;
        if (!oneAtATime) {
          for (;;) {
            const pr = pi < pn ? picks[pi] : 0x7fffffff;
            const cr = ci < cn ? cand[ci] : 0x7fffffff;
            if (pr === 0x7fffffff && cr === 0x7fffffff) break;
            if (pr < cr) {
              pi++;
              const x = taskOfRank[pr];
              const r = simpleAgent[x];
              // (An agent's picks are its next heads in order: once one finds no unit, so do the rest.)
              if (free[r] < oneFree[r]) continue;
              head[r]++;
              t = x;
              simple = r;
              break;
            }
            ci++;
            const x = taskOfRank[cr];
            if (listed[x] === 1 && strict[strictNext] !== x) continue; // looked at again when its turn comes
            const lo = fixOff[x];
            if (lo >= 0) {
              // Fixed units of named agents: the first short agent is the one to wait for.
              const hi = fixEnd[x];
              let q = lo;
              while (q < hi && free[fixRes[q]] >= fixUnits[q] - UNIT_EPSILON * Math.max(1, capacity[fixRes[q]])) q++;
              if (q === hi) {
                t = x;
                fixed = true;
                break;
              }
              if (wCount === this.wTask.length) this.growWaiters();
              this.wTask[wCount] = x;
              this.wNext[wCount] = wHead[fixRes[q]];
              wHead[fixRes[q]] = wCount++;
              continue;
            }
            if (fitter.task(demands[x], free, null, now, out.work)) {
              t = x;
              break;
            }
            // It can start once the demand it failed on can be met: when its agent (or one of
            // its pool's) frees units, or one of an earlier pool demand's does (that demand
            // may then take other agents).
            const ds = demands[x];
            for (let i = 0; i <= fitter.failed; i++) {
              const d = ds[i];
              if (d.agent >= 0 && i < fitter.failed) continue;
              const agents = d.agent >= 0 ? null : skillAgents[d.skill];
              const na = agents === null ? 1 : agents.length;
              for (let k = 0; k < na; k++) {
                const r = agents === null ? d.agent : agents[k];
                if (wCount === this.wTask.length) this.growWaiters();
                this.wTask[wCount] = x;
                this.wNext[wCount] = wHead[r];
                wHead[r] = wCount++;
              }
            }
          }
        } else if (runningTotal === 0) {
          // Sequential: one task at a time, the first of all that can start.
          while (c < cCount) {
            const cr = cready[c++];
            const x = taskOfRank[cr];
            if ((listed[x] === 0 || strict[strictNext] === x) && fitter.task(demands[x], free, null, now, out.work)) {
              t = x;
              break;
            }
            cready[w++] = cr;
          }
        }
        if (t < 0) break;
        // Start t: it holds its units until its end.
        waiting[t] = 0;
        const at = cal !== null ? cal[simple >= 0 ? simple : fixed ? fixRes[fixOff[t]] : fitter.res[0]].nextWorking(now) : now;
        out.taskStart[t] = at;
        const n = simple >= 0 ? 1 : fixed ? fixEnd[t] - fixOff[t] : fitter.count;
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
        } else if (fixed) {
          const lo = fixOff[t];
          for (let k = 0; k < n; k++) {
            hr[off + k] = fixRes[lo + k];
            hu[off + k] = fixUnits[lo + k];
          }
        } else {
          for (let k = 0; k < n; k++) {
            hr[off + k] = fitter.res[k];
            hu[off + k] = fitter.units[k];
          }
        }
        const lead = hr[off];
        out.taskAgent[t] = lead;
        // Waited for resources: the task that freed the last of them is the predecessor.
        const rt = readyAt[t];
        let prev = -1;
        for (let k = 0; k < n; k++) {
          const r = hr[off + k];
          const p = lastEndTask[r];
          if (p >= 0 && out.taskFinish[p] > rt && (prev < 0 || out.taskFinish[p] > out.taskFinish[prev])) prev = p;
          free[r] -= hu[off + k];
          running[r]++;
          if (at < out.firstStart[r]) out.firstStart[r] = at;
        }
        if (now > rt && prev >= 0) pred[t] = prev;
        runningTotal++;
        const d = risky ? I.durations[t] + I.riskWork[t] + I.riskHeld[t] : I.durations[t] + 0;
        const end = cal !== null ? cal[lead].advance(now, d) : now + d;
        heapSiftUp(et, es, ek, evCount++, end, nextSeq++, t);
        if (listed[t] === 1) {
          strictNext++;
          // The next task of the pinned order may have been waiting for its turn.
          if (!oneAtATime && strictNext < strict.length) {
            const x = strict[strictNext];
            if (waiting[x] === 1 && stamp[x] !== epoch) {
              stamp[x] = epoch;
              cn = insertSorted(cand, cn, rank[x], ci);
            }
          }
        }
      }
      if (oneAtATime) {
        while (c < cCount) cready[w++] = cready[c++];
        cCount = w;
      }
      if (evCount === 0) break;
      now = et[0];
      if (!(now < Infinity)) timeOverflow(out, now, processed);
    }
    out.makespan = makespan;
    out.eventCount = processed;
    const h = out.holdings!;
    h.res = this.hRes;
    h.off.set(hOff);
    h.len.set(hLen);
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

  private growWaiters(): void {
    const n = 2 * this.wTask.length;
    const t = new Int32Array(n);
    t.set(this.wTask);
    this.wTask = t;
    const next = new Int32Array(n);
    next.set(this.wNext);
    this.wNext = next;
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

/** A task end left the finite range (durations added up beyond the largest number): the run stops, as on the other paths. Cold path. */
function timeOverflow(out: RunState, time: number, events: number): never {
  throw new CoordsimError('E_RANGE', `run stopped under strategy '${out.strategy.name}': an event time left the finite range (${time}): times added up beyond ${Number.MAX_VALUE}`, { events });
}

/** Inserts `rank` into the ascending list `list[from .. n)`; returns the new length. */
function insertSorted(list: Int32Array, n: number, rank: number, from = 0): number {
  let i = n;
  while (i > from && list[i - 1] > rank) {
    list[i] = list[i - 1];
    i--;
  }
  list[i] = rank;
  return n + 1;
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
