import type { DemandModel, Model, StrategyModel } from '../Model.js';
import { Fitter, UNIT_EPSILON } from './Fitter.js';
import { rankPosition } from '../../sim/insertRank.js';
import { grown } from './WorkOnlyBase.js';

/**
 * Whether a task of `WorkOnlyUnits` that is not simple (not one unit of one fixed agent) can
 * start, and where it waits when it cannot. A task that does not fit waits on what it failed
 * on (an agent, or a pool: the agents of a skill) and is looked at again only when that frees
 * units: nothing else could have let it start. A task of fixed holdings waits on the short agent
 * that stays busy longest, or, when it cannot start before the end of some ready task ranked
 * before it (`hookRank`), for that end. Each pool keeps a running total of its agents'
 * free units, so that a task whose pool demand exceeds it is turned down at once, without
 * scanning the pool; any other is fitted as the general engine fits it (`Fitter`). The
 * run's loop reads the waiter lists of agents and checks tasks of fixed holdings itself (the
 * hot path, inlined by hand there); pool waiters and the fitter's cases come here.
 * @internal
 */
export class UnitFitting {
  readonly fitter: Fitter;
  /** Tasks of fixed units of distinct named agents: their holdings `fixRes/fixUnits[fixOff[t] .. fixEnd[t])`; fixOff[t] = -1 for others. */
  readonly fixOff: Int32Array;
  readonly fixEnd: Int32Array;
  readonly fixRes: Int32Array;
  readonly fixUnits: Float64Array;
  /** Per fixed holding: the free units it needs, less the slack of comparisons. */
  readonly fixNeed: Float64Array;
  /** Per fixed holding: 1 if it is the whole of an agent of capacity 1 (where `hookRank` may look). */
  readonly fixWhole: Uint8Array;
  /** Some task has a pool demand: the loop keeps `poolFree` up to date. */
  readonly pooled: boolean;
  /** Pools of agent r: `skillList[skillOff[r] .. skillOff[r + 1])`. */
  readonly skillOff: Int32Array;
  readonly skillList: Int32Array;
  /** Per pool (skill): its agents' free units added up as they change (reset to `poolCap` when all are free). */
  readonly poolFree: Float64Array;
  readonly poolCap: Float64Array;
  /** Per pool: how many of its agents' holdings run now. */
  readonly poolHeld: Int32Array;
  /**
   * Demands of each task `dRes/dNeed[dOff[t] .. dOff[t + 1])`: an agent (r) or a pool (A + skill),
   * and the free units below which it certainly cannot be met: the fitter's slack, and for a
   * pool the rounding of its running total too.
   */
  private readonly dOff: Int32Array;
  private readonly dRes: Int32Array;
  private readonly dNeed: Float64Array;
  /**
   * Waiter lists, one per agent then one per pool (A + skill): entry e is task `wTask[e]`, then
   * entry `wNext[e]`; `wHead[q]` the first (-1: none). A list is emptied when read; entries
   * `[0 .. wCount)` are in use (until the next run).
   */
  readonly wHead: Int32Array;
  wTask: Int32Array;
  wNext: Int32Array;
  wCount = 0;
  /**
   * Per simple task: the first waiter entry of the tasks of fixed holdings that cannot start
   * before its end (see `hookRank`), -1: none. The run's loop looks at them again at that end.
   */
  readonly hooks: Int32Array;
  /**
   * Per resource: the latest end of the tasks it holds units for now, written by the run's loop at
   * each start when tasks of fixed holdings can wait (else it stays 0, and `latestShort` takes the first short agent).
   */
  readonly busyUntil: Float64Array;
  /** The dispatch that last looked at each pool's waiters. */
  private readonly poolSeen: Int32Array;
  /**
   * Per pool: the fewest free units for which one of its waiters might start (−Infinity: any
   * unit freed may do), so that a freed unit which leaves the pool short of all of them wakes none.
   */
  private readonly poolMin: Float64Array;
  /** After `shortOf` found a demand short: the free units it waits for (its `dNeed`). */
  private shortNeed = Infinity; // (a double from the start: no change of field representation in the first pool run)
  private readonly A: number;

  constructor(model: Model, strategy: StrategyModel, capacity: Float64Array) {
    const T = model.tasks.length;
    const A = model.agents.length;
    const S = model.skills.length;
    this.A = A;
    this.fitter = new Fitter(model, A + 1, capacity, strategy.pick === 'least-busy');
    const fixed = model.tasks.map((t) => t.kind === 'work' && t.demands.every((d, k) => d.agent >= 0 && t.demands.findIndex((e) => e.agent === d.agent) === k));
    this.fixOff = new Int32Array(T).fill(-1);
    this.fixEnd = new Int32Array(T);
    const res: number[] = [];
    const units: number[] = [];
    model.tasks.forEach((t, i) => {
      if (!fixed[i]) return;
      this.fixOff[i] = res.length;
      for (const d of t.demands) res.push(d.agent), units.push(d.units);
      this.fixEnd[i] = res.length;
    });
    this.fixRes = Int32Array.from(res);
    this.fixUnits = Float64Array.from(units);
    this.fixNeed = this.fixUnits.map((u, k) => u - UNIT_EPSILON * Math.max(1, capacity[this.fixRes[k]]));
    this.fixWhole = Uint8Array.from(this.fixUnits, (u, k) => +(u === 1 && capacity[this.fixRes[k]] === 1));
    this.poolCap = new Float64Array(S);
    const poolSize = new Int32Array(S);
    const skills: number[] = [];
    this.skillOff = new Int32Array(A + 1);
    for (const a of model.agents) {
      for (const s of a.skillIds) {
        this.poolCap[s] += a.capacity;
        poolSize[s]++;
        skills.push(s);
      }
      this.skillOff[a.index + 1] = skills.length;
    }
    this.skillList = Int32Array.from(skills);
    this.poolFree = new Float64Array(S);
    this.poolHeld = new Int32Array(S);
    this.poolSeen = new Int32Array(S);
    this.poolMin = new Float64Array(S);
    // A pool's running total drifts from the exact sum of its agents' free units by rounding
    // (a few units in the last place per change) and an agent may be left a hair below zero by
    // the fitter's slack: 1e-6 of a unit per agent and per unit of capacity covers both by far.
    const slack = (s: number) => 1e-6 * (poolSize[s] + this.poolCap[s]);
    this.dOff = new Int32Array(T + 1);
    const dRes: number[] = [];
    const dNeed: number[] = [];
    model.tasks.forEach((t, i) => {
      if (t.kind === 'work') {
        for (const d of t.demands) {
          dRes.push(d.agent >= 0 ? d.agent : A + d.skill);
          dNeed.push(d.agent >= 0 ? d.units - UNIT_EPSILON * Math.max(1, capacity[d.agent]) : d.units - UNIT_EPSILON * Math.max(1, d.units) - slack(d.skill));
        }
      }
      this.dOff[i + 1] = dRes.length;
    });
    this.dRes = Int32Array.from(dRes);
    this.dNeed = Float64Array.from(dNeed);
    this.pooled = model.tasks.some((t) => t.kind === 'work' && t.demands.some((d) => d.agent < 0));
    this.hooks = new Int32Array(T);
    this.busyUntil = new Float64Array(A + 1);
    this.wHead = new Int32Array(A + S);
    this.wTask = new Int32Array(Math.max(64, 4 * T));
    this.wNext = new Int32Array(this.wTask.length);
  }

  /** Before a run: every agent free, no waiters. */
  begin(): void {
    this.poolFree.set(this.poolCap);
    this.poolHeld.fill(0);
    this.poolSeen.fill(0);
    this.poolMin.fill(Infinity);
    this.wHead.fill(-1);
    this.wCount = 0;
    this.hooks.fill(-1);
    this.busyUntil.fill(0);
  }

  /**
   * The tasks of fixed holdings `later[0 .. n)` could not start in this dispatch: each waits
   * again. One not in a pinned order (`listed`) that cannot start before the end of some ready
   * task (see `hookRank`) waits for that end, past the ends before it; any other waits on the
   * agent it is short of that stays busy longest (any short agent is exact: it frees units before
   * the task can start). The arrays are the run's: free units, ready lists, ranks.
   */
  waitFixed(later: Int32Array, n: number, free: Float64Array, ready: Int32Array, head: Int32Array, tail: Int32Array, rank: Int32Array, taskOfRank: Int32Array, listed: Uint8Array): void {
    const { fixOff, fixEnd, fixRes, fixNeed, fixWhole, hooks, wHead, wTask, wNext } = this;
    for (let k = 0; k < n; k++) {
      const x = later[k];
      const e = this.wCount++;
      wTask[e] = x;
      const y = listed[x] === 0 ? hookRank(fixRes, fixWhole, ready, head, tail, fixOff[x], fixEnd[x], rank[x]) : -1;
      if (y >= 0) {
        const yt = taskOfRank[y];
        wNext[e] = hooks[yt];
        hooks[yt] = e;
      } else {
        const r = latestShort(fixRes, fixNeed, free, this.busyUntil, fixOff[x], fixEnd[x]);
        wNext[e] = wHead[r];
        wHead[r] = e;
      }
    }
  }

  /**
   * Can task x (not of fixed holdings) start now, with `free` units per resource and `work` done
   * per resource (the least-busy pick)? On success its holdings are the fitter's
   * (`fitter.res/units[0 .. count)`); otherwise it now waits for what it failed on.
   */
  fit(x: number, free: Float64Array, now: number, work: Float64Array, demands: readonly DemandModel[]): boolean {
    const short = this.shortOf(x, free);
    if (short >= 0) {
      this.wait(x, short, this.shortNeed);
      return false;
    }
    if (this.fitter.task(demands, free, null, now, work)) return true;
    // It can start once the demand it failed on can be met: when its agent (or one of its
    // pool's) frees units, or one of an earlier pool demand's does (that demand may then take
    // other agents).
    const lo = this.dOff[x];
    const failed = this.fitter.failed;
    for (let i = 0; i <= failed; i++) {
      const q = this.dRes[lo + i];
      if (i === failed || q >= this.A) this.wait(x, q, -Infinity);
    }
    return false;
  }

  /**
   * Is task x certainly unable to start with these free units? The first of its demands whose
   * agent or pool has too few free units (its waiter list), or -1: it may fit.
   */
  shortOf(x: number, free: Float64Array): number {
    const A = this.A;
    for (let k = this.dOff[x]; k < this.dOff[x + 1]; k++) {
      const q = this.dRes[k];
      if ((q < A ? free[q] : this.poolFree[q - A]) < this.dNeed[k]) {
        this.shortNeed = this.dNeed[k];
        return q;
      }
    }
    return -1;
  }

  /**
   * Agent r freed units: in this dispatch (`epoch`), once each, the waiters of its pools that
   * still wait and were not yet looked at in it (`seen[t]` neither 0 nor `epoch`, then set to
   * `epoch`) go to `woken` from index n; returns the new length. The lists are emptied: `sift` then
   * makes each a candidate or has it wait again, once every list of the dispatch has been read
   * (an entry added to a list still to be read would be passed over, and lost).
   */
  collectPools(r: number, epoch: number, seen: Int32Array, woken: Int32Array, n: number): number {
    for (let k = this.skillOff[r]; k < this.skillOff[r + 1]; k++) {
      const s = this.skillList[k];
      if (this.poolSeen[s] === epoch) continue;
      this.poolSeen[s] = epoch;
      // Free units only fall during the dispatch: a pool short of what every waiter needs stays so.
      if (this.poolFree[s] < this.poolMin[s]) continue;
      this.poolMin[s] = Infinity;
      n = this.collectList(this.A + s, epoch, seen, woken, n);
    }
    return n;
  }

  private collectList(q: number, epoch: number, seen: Int32Array, woken: Int32Array, n: number): number {
    let e = this.wHead[q];
    this.wHead[q] = -1;
    for (; e >= 0; e = this.wNext[e]) {
      const t = this.wTask[e];
      const v = seen[t];
      if (v === 0 || v === epoch) continue;
      seen[t] = epoch;
      woken[n++] = t;
    }
    return n;
  }

  /**
   * The woken tasks `woken[0 .. n)` that may fit now join `cand` (their ranks, from index 0);
   * the others wait again on what they are short of (starts only take units, so they stay
   * short for the rest of the dispatch). `c`: the length of `cand` so far; returns the new one.
   */
  sift(woken: Int32Array, n: number, free: Float64Array, rank: Int32Array, cand: Int32Array, c: number): number {
    for (let k = 0; k < n; k++) {
      const t = woken[k];
      const short = this.shortOf(t, free);
      if (short >= 0) this.wait(t, short, this.shortNeed);
      else cand[c++] = rank[t];
    }
    return c;
  }

  /** Room for k more waiter entries (the arrays may be replaced: read them again after this). */
  reserve(k: number): void {
    const need = this.wCount + k;
    if (need <= this.wTask.length) return;
    const n = Math.max(2 * this.wTask.length, need);
    this.wTask = grown(this.wTask, n);
    this.wNext = grown(this.wNext, n);
  }

  /** Task x waits on list q (an agent, or A + a pool's skill; for a pool, until it has `need` free units). */
  private wait(x: number, q: number, need: number): void {
    if (q >= this.A && need < this.poolMin[q - this.A]) this.poolMin[q - this.A] = need;
    if (this.wCount === this.wTask.length) this.reserve(1);
    this.wTask[this.wCount] = x;
    this.wNext[this.wCount] = this.wHead[q];
    this.wHead[q] = this.wCount++;
  }
}

/** 1 if some fixed holding of `[lo, hi)` has too few free units on its agent, else 0 (no early exit, no branch on the units). */
export function shortOf(res: Int32Array, need: Float64Array, free: Float64Array, lo: number, hi: number): number {
  let s = 0;
  for (let q = lo; q < hi; q++) s |= +(free[res[q]] < need[q]);
  return s;
}

/** The first of the fixed holdings `[lo, hi)` whose agent has too few free units, or -1: they all fit. */
export function firstShort(res: Int32Array, need: Float64Array, free: Float64Array, lo: number, hi: number): number {
  for (let q = lo; q < hi; q++) if (free[res[q]] < need[q]) return q;
  return -1;
}

/**
 * Of the fixed holdings `[lo, hi)` whose agent has too few free units, the agent that stays
 * busy longest (`busyUntil`: the latest end of what it holds now), or -1: they all fit. Any
 * short agent is an exact place to wait (the task cannot start before it frees units); this one
 * frees them last, so the wakes before it, which would find the task short again, are skipped.
 */
export function latestShort(res: Int32Array, need: Float64Array, free: Float64Array, busyUntil: Float64Array, lo: number, hi: number): number {
  let best = -1;
  let until = -Infinity;
  for (let q = lo; q < hi; q++) {
    const r = res[q];
    if (free[r] < need[q] && busyUntil[r] > until) {
      until = busyUntil[r];
      best = r;
    }
  }
  return best;
}

/** `firstShort` in whole units (`WorkOnlyFixed`): the first of the holdings `[lo, hi)` whose agent has fewer free units than it holds, or -1. */
export function firstShortWhole(res: Int32Array, units: Int32Array, free: Int32Array, lo: number, hi: number): number {
  for (let q = lo; q < hi; q++) if (free[res[q]] < units[q]) return q;
  return -1;
}

/** `latestShort` in whole units (`WorkOnlyFixed`): of the agents of `[lo, hi)` with too few free units, the one busy longest, or -1. */
export function latestShortWhole(res: Int32Array, units: Int32Array, free: Int32Array, busyUntil: Float64Array, lo: number, hi: number): number {
  let best = -1;
  let until = -Infinity;
  for (let q = lo; q < hi; q++) {
    const r = res[q];
    if (free[r] < units[q] && busyUntil[r] > until) {
      until = busyUntil[r];
      best = r;
    }
  }
  return best;
}

/**
 * Where a task of fixed holdings `[lo, hi)` and dispatch rank `rank` that cannot start now may
 * wait past several ends: the rank of a ready simple task it cannot start before the end of, or
 * -1. For a holding of the whole of an agent of capacity 1 whose ready list (`ready[head[r] ..
 * tail[r])`, ranks ascending) holds tasks ranked before it, the last of those: until it starts,
 * the agent's best ready task is ranked before the waiting one and takes the agent first at any
 * dispatch where it is free, and then it holds the agent until its end. Of several such agents,
 * the one with the most tasks ranked before it.
 */
export function hookRank(res: Int32Array, whole: Uint8Array, ready: Int32Array, head: Int32Array, tail: Int32Array, lo: number, hi: number, rank: number): number {
  let best = 0;
  let hook = -1;
  for (let q = lo; q < hi; q++) {
    if (whole[q] === 0) continue;
    const r = res[q];
    const h = head[r];
    if (h === tail[r] || ready[h] > rank) continue;
    // The first entry ranked after `rank` (ranks are distinct, and the task is in no ready list).
    const a = rankPosition(ready, h + 1, tail[r], rank);
    if (a - h > best) {
      best = a - h;
      hook = ready[a - 1];
    }
  }
  return hook;
}
