import { heapSiftDown, heapSiftUp } from '../sim/heap.js';
import { insertRank } from '../sim/insertRank.js';
import { sortInts } from '../sim/sortInts.js';
import type { EngineRunOptions } from './EngineState.js';
import type { Model, StrategyModel } from './Model.js';
import type { RunInputs } from './RunInputs.js';
import type { RunState } from './RunState.js';
import { firstShortWhole, hookRank, latestShortWhole } from './_internals/UnitFitting.js';
import { unitsPathApplies } from './_internals/unitsPathLayout.js';
import { fillHole, grown, nextUnderHole, timeOverflow, WorkOnlyBase } from './_internals/WorkOnlyBase.js';

/** `simpleAgent` of a milestone: it holds nothing and ends when it is ready. */
const MILESTONE = -2;

/**
 * The units path (`WorkOnlyUnits`) for the common case of named agents: every task is a
 * milestone or work that holds units of agents it names (one unit of one agent, a share of one,
 * or a joint task of several, as people are), no pool, no pinned order, not one task at a time,
 * and every capacity and share a whole number of 1/S for S one of 1, 2, 4 ... 64 (`unitScale`).
 * Free units are then whole numbers of 1/S, exact, and each task's holdings are known before
 * the run (so they, and its lead agent, are written once, when the path is built). A task of
 * one unit of one agent ("simple") waits in its agent's ready list; any other that cannot start
 * waits on one agent it is short of, or behind one ready task, and is looked at again when that
 * agent frees units or that task ends (see `run`). Same events in the same order as the general
 * engine in units, so the same results (a property test compares them field by field, against
 * the general engine and against `WorkOnlyUnits`).
 */
export class WorkOnlyFixed extends WorkOnlyBase {
  /** Can runs of this (model, strategy) take this path? (The caller has found them to be in units.) */
  static applies(model: Model, s: StrategyModel): boolean {
    if (s.topology === 'sequential' || s.dispatch.order !== null || !unitsPathApplies(model, s) || unitScale(model) === 0) return false;
    // Capacities of at most a million: comparisons in whole numbers of 1/64 unit are then exactly the fitter's, slack included.
    if (!model.agents.every((a) => a.capacity <= 1e6)) return false;
    return model.tasks.every(
      (t) =>
        t.kind === 'milestone' ||
        (t.kind === 'work' &&
          t.demands.length > 0 &&
          t.demands.every((d, k) => d.agent >= 0 && d.units > 0 && d.units <= model.agents[d.agent].capacity && t.demands.findIndex((e) => e.agent === d.agent) === k)),
    );
  }

  /** A unit of work in the path's whole numbers (`unitScale`: 1, or 2, 4 ... 64 when there are shares). */
  private readonly unit: number;
  /** Per agent: its capacity in whole numbers of 1/`unit`. */
  private readonly wholeCapacity: Int32Array;
  /**
   * Per agent: 1 if every holding of it in the model is the whole of it (agents of capacity 1
   * without shares): a task waiting on it needs all of it.
   */
  private readonly heldWhole: Uint8Array;
  /**
   * Holdings of task t: agents `fixRes[fixOff[t] .. fixOff[t + 1])`, their units in whole
   * numbers of 1/`unit` (`fixUnits`) and as given (`fixShare`: what work is credited by).
   */
  private readonly fixOff: Int32Array;
  private readonly fixRes: Int32Array;
  private readonly fixUnits: Int32Array;
  private readonly fixShare: Float64Array;
  /** Per holding: 1 if it is the whole of an agent of capacity 1 (where `hookRank` may look). */
  private readonly fixWhole: Uint8Array;
  /** Per task: its agent when it holds one unit of one agent (it waits in that agent's ready list), `MILESTONE`, or -1 (any other). */
  private readonly simpleAgent: Int32Array;
  /** Some task is not simple: starts keep `busyUntil`. */
  private readonly fixedWaits: boolean;
  // Per-run state.
  /** Free units per agent (whole numbers). */
  private readonly free: Int32Array;
  /** Per agent: the latest end of what it holds now (kept when `fixedWaits`). */
  private readonly busyUntil: Float64Array;
  /**
   * Where tasks that are not simple wait: a list per agent (`wHead[r]`, read when r frees
   * units) and a list per simple task (`hooks[t]`, read at its end); entry e is task `wTask[e]`,
   * then entry `wNext[e]`, -1 ends a list. Entries `[0 .. wCount)` are in use (until the next run).
   * A waiting task is in exactly one list, which is emptied when read: each is looked at once
   * per dispatch, without marks, and it starts or waits again in one list.
   */
  private readonly wHead: Int32Array;
  private readonly hooks: Int32Array;
  private wTask: Int32Array;
  private wNext: Int32Array;
  /** Candidates of a dispatch: simple heads, and the other tasks that may fit (ranks ascending). */
  private readonly picks: Int32Array;
  private readonly cand: Int32Array;
  /** The tasks that are not simple and became ready (or were let go by a hook) since the last dispatch. */
  private readonly fresh: Int32Array;
  /** Scratch of a dispatch: the tasks that are not simple and could not start (they wait again once it is over). */
  private readonly later: Int32Array;
  /** The milestones that became ready in a run, in that order (each ends in the instant it is ready). */
  private readonly milestoneEnds: Int32Array;

  constructor(model: Model, strategy: StrategyModel, rank: Int32Array, succOff: Int32Array, succList: Int32Array) {
    const T = model.tasks.length;
    super(model, strategy, rank, succOff, succList, T + 1);
    const A = this.A;
    const n = model.tasks.reduce((m, t) => m + t.demands.length, 0);
    this.fixOff = new Int32Array(T + 1);
    this.fixRes = new Int32Array(n);
    this.fixUnits = new Int32Array(n);
    this.fixShare = new Float64Array(n);
    this.fixWhole = new Uint8Array(n);
    const S = unitScale(model);
    this.unit = S;
    this.wholeCapacity = Int32Array.from(model.agents, (a) => a.capacity * S);
    this.heldWhole = new Uint8Array(A).fill(1);
    this.simpleAgent = new Int32Array(T).fill(-1);
    let k = 0;
    model.tasks.forEach((t, i) => {
      this.fixOff[i] = k;
      for (const d of t.demands) {
        this.fixRes[k] = d.agent;
        this.fixUnits[k] = d.units * S;
        this.fixShare[k] = d.units;
        this.fixWhole[k] = +(d.units === 1 && this.capacity[d.agent] === 1);
        if (d.units !== this.capacity[d.agent]) this.heldWhole[d.agent] = 0;
        k++;
      }
      if (t.kind === 'milestone') this.simpleAgent[i] = MILESTONE;
      else if (t.demands.length === 1 && t.demands[0].units === 1) {
        this.simpleAgent[i] = t.demands[0].agent;
        this.base[t.demands[0].agent + 1]++;
      }
    });
    this.fixOff[T] = k;
    for (let r = 0; r < A; r++) this.base[r + 1] += this.base[r];
    this.fixedWaits = this.simpleAgent.some((a) => a === -1);
    // What each task holds, and its lead agent (its first), are the same in every run: written once.
    const h = this.out.holdings!;
    h.res = this.fixRes;
    for (let t = 0; t < T; t++) {
      h.off[t] = this.fixOff[t];
      h.len[t] = this.fixOff[t + 1] - this.fixOff[t];
      this.out.taskAgent[t] = this.simpleAgent[t] === MILESTONE ? -1 : this.fixRes[this.fixOff[t]];
    }
    this.free = new Int32Array(A);
    this.busyUntil = new Float64Array(A);
    this.wHead = new Int32Array(A);
    this.hooks = new Int32Array(T);
    this.wTask = new Int32Array(Math.max(64, 4 * T));
    this.wNext = new Int32Array(this.wTask.length);
    this.picks = new Int32Array(T);
    this.cand = new Int32Array(T);
    this.fresh = new Int32Array(T);
    this.later = new Int32Array(T);
    this.milestoneEnds = new Int32Array(T);
  }

  /** The ranks (the array given to the constructor, which the caller may have rewritten) changed. */
  setDispatch(): void {
    for (let i = 0; i < this.T; i++) this.taskOfRank[this.rank[i]] = i;
  }

  /** Simulates one run and returns its state (the same `out` object every time). */
  run(inputs: RunInputs, options: EngineRunOptions): RunState {
    const out = this.begin(options);
    const T = this.T;
    const A = this.A;
    const { free, busyUntil, wHead, hooks, wholeCapacity, heldWhole } = this;
    const unit = this.unit;
    for (let r = 0; r < A; r++) {
      free[r] = wholeCapacity[r];
      busyUntil[r] = 0;
      wHead[r] = -1;
    }
    for (let t = 0; t < T; t++) hooks[t] = -1;
    out.serialTime = 0;
    const I = inputs;
    const cal = this.calendars;
    const risky = this.risky;
    const fixedWaits = this.fixedWaits;
    const { simpleAgent, fixOff, fixRes, fixUnits, fixShare, fixWhole, rank, taskOfRank, succOff, succList, pending, pred, readyAt, lastEndTask } = this;
    const { marked, markList, ready, head, tail, picks, cand, fresh, later } = this;
    let wTask = this.wTask;
    let wNext = this.wNext;
    let wCount = 0;
    const et = this.evTime;
    const es = this.evSeq;
    const ek = this.evTask;
    // Like the other work-only paths, the run is one loop inlined by hand.
    let evCount = 0; // entries of the end-time heap; with `hole`, its root is vacant
    const ends = this.milestoneEnds;
    let endsHead = 0; // milestones ready and not yet ended: ends[endsHead .. endsTail)
    let endsTail = 0;
    let hole = false; // the root was taken: the next push drops into it (one sift, not two)
    let nextSeq = 0;
    let markCount = 0;
    let freshCount = 0;
    let makespan = 0;
    let lastTask = -1;
    let processed = 1; // the start signal
    let now = 0;
    // The start signal: tasks without predecessors become ready, in file order.
    for (let t = 0; t < T; t++) {
      if (this.predCount[t] !== 0) continue;
      pred[t] = -1;
      readyAt[t] = 0;
      const r = simpleAgent[t];
      if (r >= 0) {
        insertRank(ready, head, tail, r, rank[t]);
        if (marked[r] === 0) {
          marked[r] = 1;
          markList[markCount++] = r;
        }
      } else if (r === MILESTONE) {
        out.taskStart[t] = 0;
        ends[endsTail++] = t;
      } else fresh[freshCount++] = t;
    }
    for (;;) {
      // Task and milestone ends at `now`, in (time, sequence) order. A milestone ends when it is
      // ready, after every end already due at `now` (scheduled before it) and the milestones
      // ready before it: first the heap's ends at `now`, then the milestones in the order they
      // became ready (only starts, after this loop, add ends to the heap).
      for (;;) {
        let t: number;
        if (hole ? nextUnderHole(et, evCount) === now : evCount > 0 && et[0] === now) {
          if (hole) evCount = fillHole(et, es, ek, evCount);
          t = ek[0];
          hole = true;
        } else if (endsHead < endsTail) t = ends[endsHead++];
        else break;
        processed++;
        // Each agent takes its units back and is credited units × work and held time (× 1 and
        // + 0 change no bit: a simple task's one unit and a run without risks skip them).
        const sa = simpleAgent[t];
        const work = risky ? I.durations[t] + I.riskWork[t] : I.durations[t] + 0;
        const held = risky ? I.riskHeld[t] : 0;
        if (sa >= 0) {
          free[sa] += unit;
          lastEndTask[sa] = t;
          if (now > out.lastEnd[sa]) out.lastEnd[sa] = now;
          out.work[sa] += work;
          if (risky) out.held[sa] += held;
          // Marked: its ready heads are looked at (bit 1) and, as it freed units, its waiters (bit 2).
          if (marked[sa] === 0) markList[markCount++] = sa;
          marked[sa] = 3;
        } else if (sa !== MILESTONE) {
          for (let k = fixOff[t]; k < fixOff[t + 1]; k++) {
            const r = fixRes[k];
            const x = fixShare[k];
            free[r] += fixUnits[k];
            lastEndTask[r] = t;
            if (now > out.lastEnd[r]) out.lastEnd[r] = now;
            out.work[r] += x * work;
            if (risky) out.held[r] += x * held;
            if (marked[r] === 0) markList[markCount++] = r;
            marked[r] = 3;
          }
        }
        if (sa !== MILESTONE) out.serialTime += work + held;
        // The tasks that could not start before this end are looked at again (as if newly ready).
        if (hooks[t] >= 0) {
          for (let e = hooks[t]; e >= 0; e = wNext[e]) fresh[freshCount++] = wTask[e];
          hooks[t] = -1;
        }
        if (now >= makespan) {
          makespan = now;
          lastTask = t;
        }
        out.taskFinish[t] = now;
        const last = succOff[t + 1];
        for (let k = succOff[t]; k < last; k++) {
          const s = succList[k];
          pred[s] = t; // the last dependency to end enables the start (unless agents are busy)
          if (--pending[s] !== 0) continue;
          // s is ready: a simple task joins its agent's list, a milestone ends at once, any other waits to be looked at.
          readyAt[s] = now;
          const rs = simpleAgent[s];
          if (rs >= 0) {
            insertRank(ready, head, tail, rs, rank[s]);
            if (marked[rs] === 0) {
              marked[rs] = 1;
              markList[markCount++] = rs;
            }
          } else if (rs === MILESTONE) {
            out.taskStart[s] = now;
            ends[endsTail++] = s;
          } else fresh[freshCount++] = s;
        }
      }
      // Dispatch at the end of the instant: every task that can start does, in rank order.
      // Candidates, merged by rank: the simple heads that marked agents have units for
      // (`picks`), and the other tasks that fit now (`cand`): woken because an agent they wait
      // on freed units, newly ready, or let go by a hook. Those that do not fit wait again once
      // the dispatch is over (`later`).
      let pn = 0;
      let cn = 0;
      let lc = 0;
      for (let k = 0; k < markCount; k++) {
        const r = markList[k];
        for (let j = head[r], f = free[r]; j < tail[r] && f >= unit; j++, f -= unit) picks[pn++] = ready[j];
        const freed = marked[r] === 3;
        marked[r] = 0;
        if (!freed || wHead[r] < 0) continue;
        // An agent held whole by every task that holds it, and with ready work, is busy once this
        // dispatch is over (its best ready task takes it, if nothing ranked before takes it
        // first): a waiter that cannot start now, which needs all of it, may stay on it. Any other
        // waits on the short agent busy longest, or once the dispatch is over if that is r.
        const busySoon = heldWhole[r] === 1 && head[r] < tail[r];
        let stay = -1;
        for (let e = wHead[r]; e >= 0; ) {
          const t = wTask[e];
          const next = wNext[e];
          if (firstShortWhole(fixRes, fixUnits, free, fixOff[t], fixOff[t + 1]) < 0) cand[cn++] = rank[t];
          else if (busySoon) {
            wNext[e] = stay;
            stay = e;
          } else {
            const b = latestShortWhole(fixRes, fixUnits, free, busyUntil, fixOff[t], fixOff[t + 1]);
            if (b !== r) {
              wNext[e] = wHead[b];
              wHead[b] = e;
            } else later[lc++] = t;
          }
          e = next;
        }
        wHead[r] = stay;
      }
      markCount = 0;
      if (pn > 1) sortInts(picks, pn);
      if (wCount + freshCount > wTask.length) {
        this.wTask = wTask = grown(wTask, Math.max(2 * wTask.length, wCount + freshCount));
        this.wNext = wNext = grown(wNext, wTask.length);
      }
      for (let k = 0; k < freshCount; k++) {
        const t = fresh[k];
        const b = latestShortWhole(fixRes, fixUnits, free, busyUntil, fixOff[t], fixOff[t + 1]);
        if (b < 0) cand[cn++] = rank[t];
        else {
          const e = wCount++;
          wTask[e] = t;
          wNext[e] = wHead[b];
          wHead[b] = e;
        }
      }
      freshCount = 0;
      if (cn > 1) sortInts(cand, cn);
      let pi = 0;
      let ci = 0;
      for (;;) {
        const pr = pi < pn ? picks[pi] : 0x7fffffff;
        const cr = ci < cn ? cand[ci] : 0x7fffffff;
        if (pr === 0x7fffffff && cr === 0x7fffffff) break;
        // Start the next task: it holds its units until its end.
        let t: number;
        let prev = -1;
        let at: number;
        let end: number;
        if (pr < cr) {
          pi++;
          t = taskOfRank[pr];
          const r = simpleAgent[t];
          // (An agent's picks are its next heads in order: once one finds no unit, so do the rest.)
          if (free[r] < unit) continue;
          head[r]++;
          free[r] -= unit;
          at = cal !== null ? cal[r].nextWorking(now) : now;
          const d = risky ? I.durations[t] + I.riskWork[t] + I.riskHeld[t] : I.durations[t] + 0;
          end = cal !== null ? cal[r].advance(now, d) : now + d;
          const p = lastEndTask[r];
          if (p >= 0 && out.taskFinish[p] > readyAt[t]) prev = p;
          if (at < out.firstStart[r]) out.firstStart[r] = at;
          if (fixedWaits && end > busyUntil[r]) busyUntil[r] = end;
        } else {
          ci++;
          t = taskOfRank[cr];
          const lo = fixOff[t];
          const hi = fixOff[t + 1];
          // All its units free, or it waits again once the dispatch is over.
          if (firstShortWhole(fixRes, fixUnits, free, lo, hi) >= 0) {
            later[lc++] = t;
            continue;
          }
          // On a calendar, work runs on the lead agent's (its first) working time, as in the general engine.
          const lead = fixRes[lo];
          at = cal !== null ? cal[lead].nextWorking(now) : now;
          const d = risky ? I.durations[t] + I.riskWork[t] + I.riskHeld[t] : I.durations[t] + 0;
          end = cal !== null ? cal[lead].advance(now, d) : now + d;
          // Waited for agents: the task that freed the last of them is the predecessor.
          const rt = readyAt[t];
          for (let k = lo; k < hi; k++) {
            const r = fixRes[k];
            const p = lastEndTask[r];
            if (p >= 0 && out.taskFinish[p] > rt && (prev < 0 || out.taskFinish[p] > out.taskFinish[prev])) prev = p;
            free[r] -= fixUnits[k];
            if (at < out.firstStart[r]) out.firstStart[r] = at;
            if (end > busyUntil[r]) busyUntil[r] = end;
          }
        }
        out.taskStart[t] = at;
        if (now > readyAt[t] && prev >= 0) pred[t] = prev;
        if (hole) {
          hole = false;
          heapSiftDown(et, es, ek, evCount, 0, end, nextSeq++, t);
        } else heapSiftUp(et, es, ek, evCount++, end, nextSeq++, t);
      }
      // The tasks that could not start wait again, now that this dispatch's starts are known:
      // behind the last ready task ranked before them on an agent of capacity 1 they need whole
      // (see `hookRank`), else on the short agent that stays busy longest.
      if (lc > 0) {
        if (wCount + lc > wTask.length) {
          this.wTask = wTask = grown(wTask, Math.max(2 * wTask.length, wCount + lc));
          this.wNext = wNext = grown(wNext, wTask.length);
        }
        for (let k = 0; k < lc; k++) {
          const x = later[k];
          const e = wCount++;
          wTask[e] = x;
          const lo = fixOff[x];
          const hi = fixOff[x + 1];
          const y = hookRank(fixRes, fixWhole, ready, head, tail, lo, hi, rank[x]);
          if (y >= 0) {
            const yt = taskOfRank[y];
            wNext[e] = hooks[yt];
            hooks[yt] = e;
          } else {
            const r = latestShortWhole(fixRes, fixUnits, free, busyUntil, lo, hi);
            wNext[e] = wHead[r];
            wHead[r] = e;
          }
        }
      }
      // The next instant: every end at the least event time.
      if (hole) {
        hole = false;
        evCount = fillHole(et, es, ek, evCount);
      }
      if (evCount === 0) break;
      now = et[0];
      if (!(now < Infinity)) timeOverflow(out, now, processed);
    }
    return this.finish(makespan, lastTask, processed);
  }

}

/**
 * The least of 1, 2, 4 ... 64 by which every capacity and unit demand of the model is a whole
 * number, or 0 if there is none. Shares such as 0.5 or 0.25 are then exact in binary, and so are
 * their sums and differences (at most a million units): whole numbers of 1/S compare exactly as
 * the fitter compares units.
 */
export function unitScale(model: Model): number {
  for (let S = 1; S <= 64; S *= 2) {
    if (model.agents.every((a) => Number.isInteger(a.capacity * S)) && model.tasks.every((t) => t.demands.every((d) => Number.isInteger(d.units * S)))) return S;
  }
  return 0;
}
