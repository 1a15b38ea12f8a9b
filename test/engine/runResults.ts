import type { RunState } from '../../src/engine/RunState.js';

/**
 * Every result an engine run leaves behind, as plain data (NaN and -0 kept distinct by
 * toStrictEqual): what a fast path and the general engine must agree on, field by field.
 */
export function runResults(e: RunState) {
  return {
    makespan: e.makespan,
    eventCount: e.eventCount,
    work: Array.from(e.work),
    coord: Array.from(e.coord),
    held: Array.from(e.held),
    firstStart: Array.from(e.firstStart),
    lastEnd: Array.from(e.lastEnd),
    coordByKind: Array.from(e.coordByKind),
    critical: Array.from(e.critical),
    criticalPath: e.criticalPath.slice(),
    taskStart: Array.from(e.taskStart),
    taskFinish: Array.from(e.taskFinish),
    taskAgent: Array.from(e.taskAgent),
    taskExecutions: Array.from(e.taskExecutions),
    counts: [e.remediations, e.reworks, e.escalations, e.handoffs],
    holdings: Array.from(e.taskStart, (_, t) => (e.holdings === null ? null : Array.from(e.holdings.res.subarray(e.holdings.off[t], e.holdings.off[t] + e.holdings.len[t])))),
    serialTime: e.serialTime,
  };
}
