import type { Model, StrategyModel } from '../Model.js';
import { pinStartOrder } from './pinStartOrder.js';
import type { RunState } from '../RunState.js';
import { Fitter } from './Fitter.js';
import type { JobStore } from './JobStore.js';

export { UNIT_EPSILON } from './Fitter.js';

/**
 * The engine's resources in units (docs/semantics.md §18): free units per resource, what each
 * running job holds where, the jobs running on each resource, the ready jobs in dispatch
 * order, and the pinned start order. Built once per (model, strategy) when resources are in
 * units, reset per run.
 * @internal
 */
export class UnitState {
  readonly capacity: Float64Array;
  /** Units a coordination job (handoff, review, escalation effort) holds: one, or the whole of a smaller capacity. */
  readonly coordUnits: Float64Array;
  readonly free: Float64Array;
  /** Jobs running on each resource, in the order they started. */
  readonly runningOn: number[][];
  /** Ready jobs, in dispatch order (key, then creation). */
  readonly ready: number[] = [];
  /** What each job holds: `res/units[off[j] .. off[j] + len[j])`, written when it starts. */
  off = new Int32Array(64);
  len = new Int32Array(64);
  /** Per job: the end of the last meeting that paused it (joint jobs pause once for overlapping meetings). */
  paused = new Float64Array(64);
  res = new Int32Array(256);
  units = new Float64Array(256);
  count = 0;
  /** Per task: where its first execution's holdings are (reworks and remediations hold the same). */
  readonly taskOff: Int32Array;
  readonly taskLen: Int32Array;
  /** Scratch: the one holding of a coordination job. */
  readonly one = new Int32Array(1);
  readonly oneUnits = new Float64Array(1);
  /** Fits demands into free units (the holdings of the last fit). */
  readonly fitter: Fitter;
  /** Pinned start order: the listed tasks that hold resources, in order, and how many have started. */
  strict: Int32Array;
  strictNext = 0;
  /** Per task: 1 when it is in `strict` (its first execution waits for its turn). */
  readonly listed: Uint8Array;
  private readonly model: Model;

  constructor(model: Model, strategy: StrategyModel, capacity: ArrayLike<number>, private readonly jobs: JobStore) {
    const R = capacity.length;
    this.capacity = Float64Array.from(capacity);
    this.coordUnits = this.capacity.map((c) => Math.min(1, c));
    this.free = new Float64Array(R);
    this.runningOn = Array.from({ length: R }, () => []);
    const T = model.tasks.length;
    this.taskOff = new Int32Array(T);
    this.taskLen = new Int32Array(T);
    this.fitter = new Fitter(model, R, this.capacity, strategy.pick === 'least-busy');
    this.model = model;
    this.listed = new Uint8Array(T);
    this.strict = new Int32Array(0);
    this.setOrder(strategy.dispatch.order ?? []);
  }

  /** Pins a start order (task indices; empty: none). Tasks that hold nothing never wait for their turn. */
  setOrder(order: ArrayLike<number>): void {
    this.strict = pinStartOrder(this.model.tasks, order, this.listed);
  }

  reset(): void {
    this.free.set(this.capacity);
    for (const l of this.runningOn) if (l.length !== 0) l.length = 0;
    if (this.ready.length !== 0) this.ready.length = 0;
    this.count = 0;
    this.strictNext = 0;
  }

  /** Hands the first executions' holdings to the run's results. */
  holdings(out: RunState): void {
    const h = out.holdings!;
    h.res = this.res;
    h.off.set(this.taskOff);
    h.len.set(this.taskLen);
  }

  /** Adds ready job j in dispatch order. */
  insert(j: number): void {
    const l = this.ready;
    const J = this.jobs;
    let lo = 0;
    let hi = l.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (J.less(l[mid], j)) lo = mid + 1;
      else hi = mid;
    }
    l.splice(lo, 0, j);
  }

  /** Records the holdings of the last fit as job j's (it starts now) and returns where they are. */
  commit(j: number): number {
    if (j >= this.off.length) this.growJobs(j);
    const f = this.fitter;
    const n = f.count;
    if (this.count + n > this.res.length) this.growHoldings(this.count + n);
    const off = this.count;
    for (let k = 0; k < n; k++) {
      this.res[off + k] = f.res[k];
      this.units[off + k] = f.units[k];
    }
    this.count += n;
    this.off[j] = off;
    this.len[j] = n;
    this.paused[j] = -Infinity;
    return off;
  }

  private growJobs(j: number): void {
    const n = Math.max(2 * this.off.length, j + 1);
    const off = new Int32Array(n);
    off.set(this.off);
    this.off = off;
    const len = new Int32Array(n);
    len.set(this.len);
    this.len = len;
    const paused = new Float64Array(n);
    paused.set(this.paused);
    this.paused = paused;
  }

  private growHoldings(need: number): void {
    const n = Math.max(2 * this.res.length, need);
    const res = new Int32Array(n);
    res.set(this.res);
    this.res = res;
    const units = new Float64Array(n);
    units.set(this.units);
    this.units = units;
  }
}
