import type { Engine } from '../engine/Engine.js';

/** The per-run figures a Monte Carlo summarises, in `MonteCarloResult` field names. */
export const FIGURES = [
  'makespan',
  'sequentialMakespan',
  'speedup',
  'timeSavings',
  'workTime',
  'coordinationTime',
  'coordinationOverhead',
  'utilization',
  'capacityUse',
] as const;

export type Figure = (typeof FIGURES)[number];

export const F_MAKESPAN = 0;
export const F_SEQUENTIAL = 1;

/**
 * Reads the SPEC 5 figures of the engine's last run into `out` (indexed like `FIGURES`) and
 * each agent's utilisation, work, coordination and idle time into `agents` (4 per agent),
 * without allocating. The arithmetic is `runMetrics`'s, operation for operation, so the numbers
 * are bit-identical to the per-run JSON (tested).
 */
export function readFigures(engine: Engine, out: Float64Array, agents: Float64Array): void {
  const A = engine.model.agents.length;
  const makespan = engine.makespan;
  const work = engine.work;
  const coord = engine.coord;
  const cap = engine.capacity;
  let workTime = 0;
  let coordinationTime = 0;
  let heldTime = 0;
  for (let r = 0; r <= A; r++) {
    workTime += work[r];
    coordinationTime += coord[r];
    heldTime += engine.blocked[r];
  }
  let busyAll = 0;
  let capAll = 0;
  let utilSum = 0;
  let engaged = 0;
  for (let r = 0; r < A; r++) {
    const busy = work[r] + coord[r];
    const start = engine.firstStart[r];
    const len = Number.isFinite(start) ? engine.lastEnd[r] - start : 0;
    const u = len > 0 ? busy / (len * cap[r]) : 0;
    if (len > 0) {
      utilSum += u;
      engaged++;
    }
    agents[4 * r] = u;
    agents[4 * r + 1] = work[r];
    agents[4 * r + 2] = coord[r];
    agents[4 * r + 3] = makespan * cap[r] - busy;
    busyAll += busy;
    capAll += cap[r];
  }
  const seq = workTime + heldTime;
  out[0] = makespan;
  out[1] = seq;
  out[2] = makespan > 0 ? seq / makespan : 1;
  out[3] = seq > 0 ? 1 - makespan / seq : 0;
  out[4] = workTime;
  out[5] = coordinationTime;
  out[6] = workTime + coordinationTime > 0 ? coordinationTime / (workTime + coordinationTime) : 0;
  out[7] = engaged > 0 ? utilSum / engaged : 0;
  out[8] = makespan > 0 && capAll > 0 ? busyAll / (makespan * capAll) : 0;
}
