import type { DemandModel, Model } from '../Model.js';

/** Slack of unit comparisons, relative to a resource's capacity: 0.1 + 0.2 units fit in 0.3. */
export const UNIT_EPSILON = 1e-9;

/**
 * Fits a job's demands into the free units of the resources (docs/semantics.md §18), for both
 * engine paths: demands in order; a fixed agent gives its units; a one-agent pool demand
 * takes the first agent in pick order with the units free; a shared (`needs`) pool demand
 * takes what each agent in pick order has free until it is met. A resource in a meeting
 * gives nothing. On success the holdings are in `res/units[0 .. count)`, one entry per
 * resource, in the order they were first taken.
 * @internal
 */
export class Fitter {
  readonly res: Int32Array;
  readonly units: Float64Array;
  count = 0;
  /** After a failed `task` fit: the demand that could not be met (its resources are the ones to wait for). */
  failed = -1;
  /** Units taken by the current fit, per resource (zero between fits). */
  private readonly taken: Float64Array;
  /** A pool's agents in pick order. */
  private readonly candidates: Int32Array;
  private readonly skillAgents: Int32Array[];

  constructor(model: Model, resources: number, private readonly capacity: Float64Array, private readonly leastBusy: boolean) {
    let most = 1;
    for (const t of model.tasks) {
      let n = 0;
      for (const d of t.demands) n += d.split ? t.eligible.length : 1;
      if (n > most) most = n;
    }
    this.res = new Int32Array(most);
    this.units = new Float64Array(most);
    this.taken = new Float64Array(resources);
    this.candidates = new Int32Array(model.agents.length);
    this.skillAgents = model.skills.map((_, s) => Int32Array.from(model.agents.filter((a) => a.skillIds.includes(s)).map((a) => a.index)));
  }

  /**
   * Can a task with these demands start? `free`: units free per resource; `meetingEnd`: per
   * resource the end of its meetings (null: none), compared with `now`; `work`: work done so
   * far per resource (the least-busy pick).
   */
  task(demands: readonly DemandModel[], free: Float64Array, meetingEnd: Float64Array | null, now: number, work: Float64Array): boolean {
    this.count = 0;
    let ok = true;
    let k = 0;
    for (; ok && k < demands.length; k++) {
      const d = demands[k];
      if (d.agent >= 0) {
        ok = this.take(d.agent, d.units, free, meetingEnd, now);
        continue;
      }
      // In file order (`first`), a pool's agents as they are; least busy first, sorted into `candidates`.
      const c = this.leastBusy ? this.candidates : this.skillAgents[d.skill];
      const n = this.leastBusy ? this.pickOrder(d.skill, work) : c.length;
      if (!d.split) {
        ok = false;
        for (let i = 0; i < n && !ok; i++) ok = this.take(c[i], d.units, free, meetingEnd, now);
        continue;
      }
      let left = d.units;
      const eps = UNIT_EPSILON * Math.max(1, d.units);
      for (let i = 0; i < n && left > eps; i++) {
        const a = c[i];
        const give = Math.min(left, this.available(a, free, meetingEnd, now));
        if (give > UNIT_EPSILON * Math.max(1, this.capacity[a])) {
          this.take(a, give, free, meetingEnd, now);
          left -= give;
        }
      }
      ok = left <= eps;
    }
    this.failed = ok ? -1 : k - 1;
    this.clear();
    return ok;
  }

  /** Can a job holding exactly these units (`res/units[off .. off + n)`) start? */
  fixed(res: Int32Array, units: Float64Array, off: number, n: number, free: Float64Array, meetingEnd: Float64Array | null, now: number): boolean {
    this.count = 0;
    let ok = true;
    for (let k = 0; ok && k < n; k++) ok = this.take(res[off + k], units[off + k], free, meetingEnd, now);
    this.clear();
    return ok;
  }

  private clear(): void {
    for (let k = 0; k < this.count; k++) this.taken[this.res[k]] = 0;
  }

  /** Units of r free now (none while it is in a meeting), less what this fit has taken. */
  private available(r: number, free: Float64Array, meetingEnd: Float64Array | null, now: number): number {
    return meetingEnd !== null && meetingEnd[r] > now ? 0 : free[r] - this.taken[r];
  }

  /** Tentatively takes x units of r, if they are available. */
  private take(r: number, x: number, free: Float64Array, meetingEnd: Float64Array | null, now: number): boolean {
    if (this.available(r, free, meetingEnd, now) < x - UNIT_EPSILON * Math.max(1, this.capacity[r])) return false;
    // A resource already given to this fit adds up into its holding (`taken` is zero until then).
    const before = this.taken[r];
    this.taken[r] += x;
    if (before !== 0) {
      for (let k = 0; k < this.count; k++) {
        if (this.res[k] === r) {
          this.units[k] += x;
          return true;
        }
      }
    }
    this.res[this.count] = r;
    this.units[this.count++] = x;
    return true;
  }

  /** The agents with skill s in pick order: file order, or least work done so far (ties in file order). */
  private pickOrder(s: number, work: Float64Array): number {
    const agents = this.skillAgents[s];
    const c = this.candidates;
    const n = agents.length;
    for (let k = 0; k < n; k++) {
      const a = agents[k];
      let i = k;
      if (this.leastBusy) {
        while (i > 0 && work[c[i - 1]] > work[a]) {
          c[i] = c[i - 1];
          i--;
        }
      }
      c[i] = a;
    }
    return n;
  }
}
