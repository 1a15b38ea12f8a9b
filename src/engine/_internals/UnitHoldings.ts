import type { RunState } from '../RunState.js';
import type { UnitFitting } from './UnitFitting.js';

/**
 * The resources side of `WorkOnlyUnits`: free units per resource (and, through the fitting,
 * per pool) and what each started task holds, written and taken at its start (the loop gives
 * them back at its end, and takes a simple task's one unit, inline: that is the hot path).
 */
export class UnitHoldings {
  readonly free: Float64Array;
  readonly running: Int32Array;
  /** Holdings of each started task: `res/units[off[t] .. off[t] + len[t])`. */
  readonly off: Int32Array;
  readonly len: Int32Array;
  readonly res: Int32Array;
  readonly units: Float64Array;

  /** `holdings`: the most holdings a run can write (each task's first execution holds at most so many). */
  constructor(
    resources: number,
    tasks: number,
    holdings: number,
    private readonly capacity: Float64Array,
    private readonly fitting: UnitFitting,
    private readonly lastEndTask: Int32Array,
  ) {
    this.free = new Float64Array(resources);
    this.running = new Int32Array(resources);
    this.off = new Int32Array(tasks);
    this.len = new Int32Array(tasks);
    this.res = new Int32Array(holdings);
    this.units = new Float64Array(this.res.length);
  }

  /** A new run: every resource free, nothing running. */
  reset(): void {
    for (let r = 0; r < this.free.length; r++) {
      this.free[r] = this.capacity[r];
      this.running[r] = 0;
    }
  }

  /** Writes t's holdings at `[off, off + n)`: its fixed units, or the fitter's choice. Returns the lead resource. */
  record(t: number, off: number, n: number, fixed: boolean): number {
    const hr = this.res;
    const hu = this.units;
    const fitting = this.fitting;
    if (fixed) {
      const lo = fitting.fixOff[t];
      for (let k = 0; k < n; k++) {
        hr[off + k] = fitting.fixRes[lo + k];
        hu[off + k] = fitting.fixUnits[lo + k];
      }
    } else {
      for (let k = 0; k < n; k++) {
        hr[off + k] = fitting.fitter.res[k];
        hu[off + k] = fitting.fitter.units[k];
      }
    }
    return hr[off];
  }

  /**
   * The holdings `[off, off + n)` are taken at `at`: free and pool units fall. Returns the task
   * that freed the last of them after the task was ready at `readyAt` (its predecessor when it
   * waited for resources), or -1.
   */
  take(out: RunState, off: number, n: number, readyAt: number, at: number): number {
    const { free, running, lastEndTask, res: hRes, units: hUnits } = this;
    const { pooled, skillOff, skillList, poolFree, poolHeld } = this.fitting;
    let prev = -1;
    for (let k = 0; k < n; k++) {
      const r = hRes[off + k];
      const x = hUnits[off + k];
      const p = lastEndTask[r];
      if (p >= 0 && out.taskFinish[p] > readyAt && (prev < 0 || out.taskFinish[p] > out.taskFinish[prev])) prev = p;
      free[r] -= x;
      if (pooled) {
        for (let q = skillOff[r]; q < skillOff[r + 1]; q++) {
          const s = skillList[q];
          poolFree[s] -= x;
          poolHeld[s]++;
        }
      }
      running[r]++;
      if (at < out.firstStart[r]) out.firstStart[r] = at;
    }
    return prev;
  }
}
