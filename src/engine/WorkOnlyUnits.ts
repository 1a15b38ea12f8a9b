import { heapSiftDown, heapSiftUp } from '../sim/heap.js';
import { insertRank, insertSorted } from '../sim/insertRank.js';
import { sortInts } from '../sim/sortInts.js';
import type { EngineRunOptions } from './EngineState.js';
import type { DemandModel, Model, StrategyModel } from './Model.js';
import type { RunInputs } from './RunInputs.js';
import type { RunState } from './RunState.js';
import { UNIT_EPSILON } from './_internals/Fitter.js';
import { firstShort, shortOf, UnitFitting } from './_internals/UnitFitting.js';
import { pinStartOrder } from './_internals/pinStartOrder.js';
import { layOutTasks, unitsPathApplies } from './_internals/unitsPathLayout.js';
import { UnitHoldings } from './_internals/UnitHoldings.js';
import { fillHole, nextUnderHole, timeOverflow, WorkOnlyBase } from './_internals/WorkOnlyBase.js';

/**
 * The engine's dispatch in units (docs/semantics.md §18) for runs with nothing but work, as
 * `WorkOnlySchedule` is for slots: no gates, no handoffs, status updates or checkpoints, tasks
 * that are work or milestones, finish-to-start links without lag. Joint tasks, shares, pool
 * demands, `pick` and a pinned order all apply. A (time, sequence) heap holds the ends of
 * tasks and milestones; a task holding one unit of one fixed agent ("simple") waits in that
 * agent's list (its head is all that can start), every other task waits as `UnitFitting`
 * says, and the two are merged by rank so that starts happen in dispatch order, exactly as in
 * the general engine (same starts, finishes, critical path, makespan and event count: a
 * property test compares them field by field).
 */
export class WorkOnlyUnits extends WorkOnlyBase {
  /** Can runs of this (model, strategy) take this path? (The caller has found them to be in units.) */
  static applies(model: Model, s: StrategyModel): boolean {
    return unitsPathApplies(model, s);
  }

  /** Per agent: the free units one unit needs (1 less the slack of comparisons). */
  private readonly oneFree: Float64Array;
  private readonly demands: DemandModel[][];
  /** Per task: 0 milestone, 1 simple (one unit of `simpleAgent`), 2 anything else. */
  private readonly shape: Int8Array;
  private readonly simpleAgent: Int32Array;
  /** Pinned order: the listed tasks that hold resources, in order; per task 1 when listed. */
  private strict: Int32Array;
  private readonly listed: Uint8Array;
  private readonly model: Model;
  private readonly fitting: UnitFitting;
  // Per-run state.
  /** Free units and what each started task holds. */
  private readonly hold: UnitHoldings;
  /** Under `sequential`: the ready tasks' ranks, ascending (scanned whole at each dispatch). Otherwise simple tasks wait in `ready`. */
  private readonly cready: Int32Array;
  /** Per task not simple: 0 not waiting (not ready, or started), else the last dispatch (`epoch`, from 2) that looked at it, 1 if none. */
  private readonly seen: Int32Array;
  /** Candidates of a dispatch: simple heads and the other tasks, ranks ascending. */
  private readonly picks: Int32Array;
  private readonly cand: Int32Array;
  /** The tasks that became ready since the last dispatch (not simple). */
  private readonly fresh: Int32Array;
  /** Scratch of a dispatch: the waiting tasks to look at again, once each. */
  private readonly woken: Int32Array;
  /** Scratch of a dispatch: the tasks of fixed holdings that could not start (they wait again once it is over). */
  private readonly later: Int32Array;
  /** Some task of fixed holdings is not simple (it may wait in `UnitFitting.waitFixed`): starts keep `busyUntil`. */
  private fixedWaits = false;
  /** Demands of all tasks (a bound on the waiter entries a dispatch adds). */
  private readonly demandCount: number;

  constructor(model: Model, strategy: StrategyModel, rank: Int32Array, succOff: Int32Array, succList: Int32Array) {
    const T = model.tasks.length;
    super(model, strategy, rank, succOff, succList, T + 1);
    const A = this.A;
    this.demands = model.tasks.map((t) => t.demands);
    this.oneFree = this.capacity.map((c) => 1 - UNIT_EPSILON * Math.max(1, c));
    this.model = model;
    this.fitting = new UnitFitting(model, strategy, this.capacity);
    this.listed = new Uint8Array(T);
    this.strict = new Int32Array(0);
    this.shape = new Int8Array(T);
    this.simpleAgent = new Int32Array(T);
    // Each task holds at most one resource per demand, or per eligible agent for a shared pool demand (as `Fitter` counts).
    const most = model.tasks.reduce((n, t) => n + t.demands.reduce((m, d) => m + (d.split ? t.eligible.length : 1), 0), 0);
    this.hold = new UnitHoldings(A + 1, T, most, this.capacity, this.fitting, this.lastEndTask);
    this.cready = new Int32Array(T);
    this.seen = new Int32Array(T);
    this.picks = new Int32Array(T);
    this.cand = new Int32Array(T);
    this.fresh = new Int32Array(T);
    this.woken = new Int32Array(T);
    this.later = new Int32Array(T);
    this.demandCount = model.tasks.reduce((n, t) => n + t.demands.length, 0);
    this.setDispatch(strategy.dispatch.order ?? []);
  }

  /**
   * The ranks (the array given to the constructor, which the caller may have rewritten) and
   * the pinned start order (task indices; empty: none) changed: rebuilds what depends on them.
   */
  setDispatch(order: ArrayLike<number>): void {
    for (let i = 0; i < this.T; i++) this.taskOfRank[this.rank[i]] = i;
    this.strict = pinStartOrder(this.model.tasks, order, this.listed);
    layOutTasks(this.model, this.oneAtATime, this.listed, this.shape, this.simpleAgent, this.base);
    this.fixedWaits = !this.oneAtATime && this.shape.some((k, t) => k === 2 && this.fitting.fixOff[t] >= 0);
  }

  /** Simulates one run and returns its state (the same `out` object every time). */
  run(inputs: RunInputs, options: EngineRunOptions): RunState {
    const out = this.begin(options);
    const T = this.T;
    const hold = this.hold;
    hold.reset();
    for (let t = 0; t < T; t++) {
      this.seen[t] = 0;
      out.taskAgent[t] = -1;
    }
    out.serialTime = 0;
    const fitting = this.fitting;
    fitting.begin();
    const I = inputs;
    const cal = this.calendars;
    const risky = this.risky;
    const oneAtATime = this.oneAtATime;
    const { shape, simpleAgent, rank, taskOfRank, succOff, succList, pending, pred, readyAt, lastEndTask, capacity, oneFree } = this;
    const { marked, markList, ready, head, tail, cready, picks, cand, listed, demands } = this;
    const { free, running, off: hOff, len: hLen, res: hr, units: hu } = hold;
    const { seen, fresh, woken, later } = this;
    const { fitter, fixOff, fixEnd, fixRes, fixNeed, pooled, skillOff, skillList, poolFree, poolCap, poolHeld, wHead, hooks, busyUntil } = fitting;
    const demandCount = this.demandCount;
    const fixedWaits = this.fixedWaits;
    const strict = this.strict;
    const et = this.evTime;
    const es = this.evSeq;
    const ek = this.evTask;
    // Like WorkOnlySchedule, the run is one loop inlined by hand: counters stay in registers.
    let evCount = 0; // entries of the end-time heap; with `hole`, its root is vacant
    let hole = false; // the root was taken: the next push drops into it (one sift, not two)
    let nextSeq = 0;
    let markCount = 0;
    let freshCount = 0;
    let cCount = 0;
    let hCount = 0;
    let epoch = 1;
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
        insertRank(ready, head, tail, r, rank[t]);
        if (marked[r] === 0) {
          marked[r] = 1;
          markList[markCount++] = r;
        }
      } else if (!oneAtATime) {
        seen[t] = 1;
        fresh[freshCount++] = t;
      } else cCount = insertSorted(cready, cCount, rank[t]);
    }
    for (;;) {
      // Task and milestone ends at `now`, in (time, sequence) order (a milestone made ready by one ends in this instant too).
      while (hole ? nextUnderHole(et, evCount) === now : evCount > 0 && et[0] === now) {
        if (hole) evCount = fillHole(et, es, ek, evCount);
        const t = ek[0];
        hole = true;
        processed++;
        const kind = shape[t];
        if (kind !== 0) {
          const work = risky ? I.durations[t] + I.riskWork[t] : I.durations[t] + 0;
          const held = risky ? I.riskHeld[t] : 0;
          // Each resource takes its units back (to its exact capacity once nothing runs on it, so
          // rounding never accumulates) and is credited units × work and held time (× 1 and + 0
          // change no bit: a simple task's one unit and a run without risks skip them).
          const off = hOff[t];
          const end = kind === 1 ? off + 1 : off + hLen[t];
          for (let k = off; k < end; k++) {
            const r = kind === 1 ? simpleAgent[t] : hr[k];
            const x = kind === 1 ? 1 : hu[k];
            const f = free[r];
            free[r] = --running[r] === 0 ? capacity[r] : f + x;
            if (pooled) {
              for (let q = skillOff[r]; q < skillOff[r + 1]; q++) {
                const s = skillList[q];
                poolFree[s] = --poolHeld[s] === 0 ? poolCap[s] : poolFree[s] + (free[r] - f);
              }
            }
            lastEndTask[r] = t;
            if (now > out.lastEnd[r]) out.lastEnd[r] = now;
            out.work[r] += kind === 1 ? work : x * work;
            if (risky) out.held[r] += x * held;
            // Marked: its ready heads are looked at (bit 1) and, as it freed units, its waiters (bit 2).
            if (marked[r] === 0) markList[markCount++] = r;
            marked[r] = 3;
          }
          runningTotal--;
          out.serialTime += work + held;
          // The tasks that could not start before this end are looked at again (as if newly ready).
          if (hooks[t] >= 0) {
            for (let e = hooks[t]; e >= 0; e = fitting.wNext[e]) fresh[freshCount++] = fitting.wTask[e];
            hooks[t] = -1;
          }
        }
        if (now >= makespan) {
          makespan = now;
          lastTask = t;
        }
        out.taskFinish[t] = now;
        const last = succOff[t + 1];
        for (let k = succOff[t]; k < last; k++) {
          const s = succList[k];
          pred[s] = t; // the last dependency to end enables the start (unless resources are busy)
          if (--pending[s] !== 0) continue;
          // s is ready: a milestone ends at once, a simple task joins its agent's list, any other waits to be looked at.
          readyAt[s] = now;
          const ks = shape[s];
          if (ks === 0) {
            out.taskStart[s] = now;
            if (hole) {
              hole = false;
              heapSiftDown(et, es, ek, evCount, 0, now, nextSeq++, s);
            } else heapSiftUp(et, es, ek, evCount++, now, nextSeq++, s);
          } else if (ks === 1) {
            const r = simpleAgent[s];
            insertRank(ready, head, tail, r, rank[s]);
            if (marked[r] === 0) {
              marked[r] = 1;
              markList[markCount++] = r;
            }
          } else if (!oneAtATime) {
            seen[s] = 1;
            fresh[freshCount++] = s;
          } else cCount = insertSorted(cready, cCount, rank[s]);
        }
      }
      // Dispatch at the end of the instant (docs/semantics.md §18): every task that can start
      // does, in rank order. Candidates, merged by rank: the simple heads that marked agents
      // have units for (`picks`), and the other tasks that may fit: woken because something
      // they wait for freed units, or newly ready (`cand`).
      epoch++;
      let pn = 0;
      let cn = 0;
      let lc = 0;
      let m = 0;
      // Room for every waiter entry this dispatch can add (once per woken task, once per demand of one that does not fit).
      fitting.reserve(2 * T + demandCount);
      const wTask = fitting.wTask;
      const wNext = fitting.wNext;
      // Per marked agent: its simple heads it has units for, and, when it freed units, its
      // waiters (and its pools'), once each. A task of fixed holdings is checked at once: a
      // candidate if it may fit now, else it waits again once the dispatch is over (no list
      // read in this dispatch changes); the others go to `woken[0 .. m)` for `UnitFitting`.
      for (let k = 0; k < markCount; k++) {
        const r = markList[k];
        let f = free[r];
        for (let j = head[r]; j < tail[r] && f >= oneFree[r]; j++) {
          picks[pn++] = ready[j];
          f -= 1;
        }
        const freed = marked[r] === 3;
        marked[r] = 0;
        if (!freed || oneAtATime) continue;
        if (pooled) m = fitting.collectPools(r, epoch, seen, woken, m);
        for (let e = wHead[r]; e >= 0; e = wNext[e]) {
          const t = wTask[e];
          const v = seen[t];
          if (v === 0 || v === epoch) continue;
          seen[t] = epoch;
          const lo = fixOff[t];
          if (lo < 0) {
            woken[m++] = t;
            continue;
          }
          // Without branches on the outcome (it is as often one as the other): a candidate, or later.
          const sh = shortOf(fixRes, fixNeed, free, lo, fixEnd[t]);
          cand[cn] = rank[t];
          later[lc] = t;
          cn += 1 - sh;
          lc += sh;
        }
        wHead[r] = -1;
      }
      if (pn > 1) sortInts(picks, pn);
      if (!oneAtATime) {
        // And the tasks that became ready.
        for (let k = 0; k < freshCount; k++) {
          const t = fresh[k];
          if (seen[t] === epoch) continue;
          seen[t] = epoch;
          const lo = fixOff[t];
          if (lo < 0) woken[m++] = t;
          else if (firstShort(fixRes, fixNeed, free, lo, fixEnd[t]) < 0) cand[cn++] = rank[t];
          else later[lc++] = t;
        }
        // Every list is read: the others may fit, or wait again on what they are short of.
        if (m > 0) cn = fitting.sift(woken, m, free, rank, cand, cn);
        if (cn > 1) sortInts(cand, cn);
      }
      markCount = 0;
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
              // Fixed units of named agents: all free, or it waits again once the dispatch is over.
              if (firstShort(fixRes, fixNeed, free, lo, fixEnd[x]) < 0) {
                t = x;
                fixed = true;
                break;
              }
              later[lc++] = x;
              continue;
            }
            if (fitting.fit(x, free, now, out.work, demands[x])) {
              t = x;
              break;
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
        const off = hCount;
        const rt = readyAt[t];
        let lead = simple;
        let prev = -1;
        if (simple >= 0) {
          // One unit of one agent (most tasks): `UnitHoldings.record` and `take`, inlined.
          hCount++;
          hLen[t] = 1;
          hr[off] = simple;
          hu[off] = 1;
          const at = cal !== null ? cal[simple].nextWorking(now) : now;
          out.taskStart[t] = at;
          const p = lastEndTask[simple];
          if (p >= 0 && out.taskFinish[p] > rt) prev = p;
          free[simple] -= 1;
          if (pooled) {
            for (let q = skillOff[simple]; q < skillOff[simple + 1]; q++) {
              const s = skillList[q];
              poolFree[s] -= 1;
              poolHeld[s]++;
            }
          }
          running[simple]++;
          if (at < out.firstStart[simple]) out.firstStart[simple] = at;
        } else {
          seen[t] = 0;
          const n = fixed ? fixEnd[t] - fixOff[t] : fitter.count;
          hCount += n;
          hLen[t] = n;
          lead = hold.record(t, off, n, fixed);
          // On a calendar, work begins at the lead resource's next working moment (as in the general engine).
          const at = cal !== null ? cal[lead].nextWorking(now) : now;
          out.taskStart[t] = at;
          // Waited for resources: the task that freed the last of them is the predecessor.
          prev = hold.take(out, off, n, rt, at);
        }
        hOff[t] = off;
        out.taskAgent[t] = lead;
        if (now > rt && prev >= 0) pred[t] = prev;
        runningTotal++;
        const d = risky ? I.durations[t] + I.riskWork[t] + I.riskHeld[t] : I.durations[t] + 0;
        const end = cal !== null ? cal[lead].advance(now, d) : now + d;
        if (fixedWaits) {
          if (simple >= 0) {
            if (end > busyUntil[simple]) busyUntil[simple] = end;
          } else for (let k = off; k < hCount; k++) if (end > busyUntil[hr[k]]) busyUntil[hr[k]] = end;
        }
        if (hole) {
          hole = false;
          heapSiftDown(et, es, ek, evCount, 0, end, nextSeq++, t);
        } else heapSiftUp(et, es, ek, evCount++, end, nextSeq++, t);
        if (listed[t] === 1) {
          strictNext++;
          // The next task of the pinned order may have been waiting for its turn.
          if (!oneAtATime && strictNext < strict.length) {
            const x = strict[strictNext];
            if (seen[x] !== 0 && seen[x] !== epoch) {
              seen[x] = epoch;
              cn = insertSorted(cand, cn, rank[x], ci);
            }
          }
        }
      }
      if (oneAtATime) {
        while (c < cCount) cready[w++] = cready[c++];
        cCount = w;
      }
      // The tasks of fixed holdings that could not start wait again, now that this dispatch's starts are known.
      if (lc > 0) fitting.waitFixed(later, lc, free, ready, head, tail, rank, taskOfRank, listed);
      // The next instant: every end at the least event time.
      if (hole) {
        hole = false;
        evCount = fillHole(et, es, ek, evCount);
      }
      if (evCount === 0) break;
      now = et[0];
      if (!(now < Infinity)) timeOverflow(out, now, processed);
    }
    const h = out.holdings!;
    h.res = hold.res;
    h.off.set(hOff);
    h.len.set(hLen);
    return this.finish(makespan, lastTask, processed);
  }
}
