import type { RunState } from '../engine/RunState.js';

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

/** Indices into `FIGURES` (and into the figure arrays built from it). */
export const F_MAKESPAN = 0;
export const F_SEQUENTIAL = 1;
export const F_SPEEDUP = 2;
export const F_TIME_SAVINGS = 3;
export const F_WORK = 4;
export const F_COORDINATION = 5;
export const F_OVERHEAD = 6;
export const F_UTILIZATION = 7;
export const F_CAPACITY_USE = 8;

/** Per-agent figures of a run, `AGENT_FIGURES.length` per agent in `readFigures`'s `agents`. */
export const AGENT_FIGURES = ['utilization', 'work', 'coordination', 'idle'] as const;
export const AF_UTILIZATION = 0;
export const AF_WORK = 1;
export const AF_COORDINATION = 2;
export const AF_IDLE = 3;
const AF = AGENT_FIGURES.length;

/**
 * Reads the figures of a run into `out` (indexed like `FIGURES`) and each agent's
 * utilisation, work, coordination and idle time into `agents` (`AGENT_FIGURES` per agent),
 * without allocating. The arithmetic is `runMetrics`'s, operation for operation, so the numbers
 * are bit-identical to the per-run JSON (tested).
 */
export function readFigures(state: RunState, out: Float64Array, agents: Float64Array): void {
  const A = state.model.agents.length;
  const makespan = state.makespan;
  const work = state.work;
  const coord = state.coord;
  const cap = state.capacity;
  let workTime = 0;
  let coordinationTime = 0;
  let heldTime = 0;
  for (let r = 0; r <= A; r++) {
    workTime += work[r];
    coordinationTime += coord[r];
    heldTime += state.held[r];
  }
  let busyAll = 0;
  let capAll = 0;
  let utilSum = 0;
  let engaged = 0;
  for (let r = 0; r < A; r++) {
    const busy = work[r] + coord[r];
    const start = state.firstStart[r];
    const len = Number.isFinite(start) ? state.lastEnd[r] - start : 0;
    const u = len > 0 ? busy / (len * cap[r]) : 0;
    if (len > 0) {
      utilSum += u;
      engaged++;
    }
    agents[AF * r + AF_UTILIZATION] = u;
    agents[AF * r + AF_WORK] = work[r];
    agents[AF * r + AF_COORDINATION] = coord[r];
    agents[AF * r + AF_IDLE] = makespan * cap[r] - busy;
    busyAll += busy;
    capAll += cap[r];
  }
  const seq = workTime + heldTime;
  out[F_MAKESPAN] = makespan;
  out[F_SEQUENTIAL] = seq;
  out[F_SPEEDUP] = makespan > 0 ? seq / makespan : 1;
  out[F_TIME_SAVINGS] = seq > 0 ? 1 - makespan / seq : 0;
  out[F_WORK] = workTime;
  out[F_COORDINATION] = coordinationTime;
  out[F_OVERHEAD] = workTime + coordinationTime > 0 ? coordinationTime / (workTime + coordinationTime) : 0;
  out[F_UTILIZATION] = engaged > 0 ? utilSum / engaged : 0;
  out[F_CAPACITY_USE] = makespan > 0 && capAll > 0 ? busyAll / (makespan * capAll) : 0;
}
