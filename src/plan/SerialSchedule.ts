import type { Model } from '../engine/Model.js';
import { UNIT_EPSILON } from '../engine/_internals/Fitter.js';

/**
 * The serial schedule generation scheme (Kelley 1963; Kolisch 1996) for plans whose tasks hold
 * fixed units of named agents: tasks in list order, each at the earliest time at or after its
 * predecessors' finish at which its units are free for its whole length, filling gaps left by
 * the tasks placed before it. It reaches schedules the engine's dispatch (a parallel scheme)
 * cannot, and a schedule it makes, pinned as a start order, replays in the engine no later
 * (docs/semantics.md §18). Forward on the plan, or backward on the plan turned round.
 */
export class SerialSchedule {
  /** Can it schedule this model? Every task is work on fixed agents or a milestone, no gates, plain finish-to-start links. */
  static applies(model: Model): boolean {
    if (model.gates.length > 0) return false;
    if (!model.tasks.every((t) => t.kind === 'milestone' || (t.kind === 'work' && t.demands.every((d) => d.agent >= 0)))) return false;
    return model.successorType.every((types, n) => types.every((type, k) => type === 0 && model.successorLag[n][k] === 0));
  }

  private readonly T: number;
  private readonly preds: Int32Array[];
  private readonly succs: Int32Array[];
  /** Per task its holdings: `res/units[off[t] .. off[t + 1])`. */
  private readonly off: Int32Array;
  private readonly res: Int32Array;
  private readonly units: Float64Array;
  private readonly capacity: Float64Array;
  // The resource profile: breakpoints `at[0 .. n)` ascending, `use[k * R + r]` the units of r in use from at[k] to at[k + 1].
  private at: Float64Array;
  private use: Float64Array;
  private n = 0;
  private readonly R: number;

  constructor(model: Model, private readonly length: Float64Array) {
    const T = model.tasks.length;
    this.T = T;
    this.R = model.agents.length;
    const preds: number[][] = Array.from({ length: T }, () => []);
    this.succs = model.successors.slice(0, T).map((l) => Int32Array.from(l));
    this.succs.forEach((l, t) => l.forEach((s) => preds[s].push(t)));
    this.preds = preds.map((l) => Int32Array.from(l));
    this.off = new Int32Array(T + 1);
    model.tasks.forEach((t, i) => (this.off[i + 1] = this.off[i] + (t.kind === 'work' ? t.demands.length : 0)));
    this.res = new Int32Array(this.off[T]);
    this.units = new Float64Array(this.off[T]);
    model.tasks.forEach((t, i) => {
      if (t.kind !== 'work') return;
      t.demands.forEach((d, k) => {
        this.res[this.off[i] + k] = d.agent;
        this.units[this.off[i] + k] = d.units;
      });
    });
    this.capacity = Float64Array.from(model.agents, (a) => a.capacity);
    this.at = new Float64Array(2 * T + 2);
    this.use = new Float64Array((2 * T + 2) * this.R);
  }

  /**
   * Schedules the tasks in `list` order (a list in which every task comes after its
   * predecessors, or with `backward` after its successors: the plan turned round) into
   * `start`/`finish`, and returns the makespan.
   */
  decode(list: Int32Array, backward: boolean, start: Float64Array, finish: Float64Array): number {
    const before = backward ? this.succs : this.preds;
    const R = this.R;
    this.n = 1;
    this.at[0] = 0;
    this.use.fill(0, 0, R);
    let makespan = 0;
    for (let i = 0; i < this.T; i++) {
      const t = list[i];
      let es = 0;
      for (const p of before[t]) if (finish[p] > es) es = finish[p];
      const d = this.length[t];
      const s = this.earliest(t, es, d);
      start[t] = s;
      const f = s + d;
      finish[t] = f;
      if (f > makespan) makespan = f;
      if (d > 0 && this.off[t + 1] > this.off[t]) this.book(t, s, f);
    }
    return makespan;
  }

  /** The earliest time >= es at which task t's units are free for d: es, or a breakpoint after it. */
  private earliest(t: number, es: number, d: number): number {
    const lo = this.off[t];
    const hi = this.off[t + 1];
    if (hi === lo || d === 0) return es;
    const at = this.at;
    let k = this.segment(es);
    let s = es;
    for (;;) {
      // Check every segment overlapping [s, s + d) from segment k on.
      let bad = -1;
      for (let m = k; m < this.n && at[m] < s + d; m++) {
        if (!this.fitsIn(m, lo, hi)) {
          bad = m;
          break;
        }
      }
      if (bad < 0) return s;
      k = bad + 1;
      if (k >= this.n) throw new Error('SerialSchedule: a task needs more units than its agents have'); // refused by validation
      s = at[k];
    }
  }

  private fitsIn(m: number, lo: number, hi: number): boolean {
    const base = m * this.R;
    for (let q = lo; q < hi; q++) {
      const r = this.res[q];
      if (this.use[base + r] + this.units[q] > this.capacity[r] + UNIT_EPSILON * Math.max(1, this.capacity[r])) return false;
    }
    return true;
  }

  /** Index of the segment that contains time x (the last breakpoint <= x). */
  private segment(x: number): number {
    let lo = 0;
    let hi = this.n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.at[mid] <= x) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Adds task t's units over [s, f) to the profile. */
  private book(t: number, s: number, f: number): void {
    const a = this.split(s);
    const b = this.split(f);
    const R = this.R;
    for (let m = a; m < b; m++) for (let q = this.off[t]; q < this.off[t + 1]; q++) this.use[m * R + this.res[q]] += this.units[q];
  }

  /** Makes x a breakpoint (copying the usage of the segment it falls in) and returns its index. */
  private split(x: number): number {
    const k = this.segment(x);
    if (this.at[k] === x) return k;
    const R = this.R;
    if (this.n === this.at.length) this.grow();
    for (let m = this.n; m > k + 1; m--) {
      this.at[m] = this.at[m - 1];
      this.use.copyWithin(m * R, (m - 1) * R, m * R);
    }
    this.at[k + 1] = x;
    this.use.copyWithin((k + 1) * R, k * R, (k + 1) * R);
    this.n++;
    return k + 1;
  }

  private grow(): void {
    const at = new Float64Array(2 * this.at.length);
    at.set(this.at);
    this.at = at;
    const use = new Float64Array(2 * this.use.length);
    use.set(this.use);
    this.use = use;
  }
}
