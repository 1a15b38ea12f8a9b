import type { Bar, Lane, LaneTotals } from './types.js';

/**
 * Splits each lane's busy time into work, coordination and held time (runs in the browser:
 * self-contained). A job's bar includes the meetings that paused it, so the overlap with
 * status updates and checkpoints is taken off the job and the meeting counts once per unit
 * of capacity, as the engine accounts it (docs/semantics.md §11).
 */
export function laneTotals(bars: Bar[], lanes: Lane[]): Record<string, LaneTotals> {
  const out: Record<string, LaneTotals> = {};
  for (const lane of lanes) {
    const mine = bars.filter((b) => b.lane === lane.id);
    const meetings = mine.filter((b) => b.kind === 'status' || b.kind === 'checkpoint');
    const t: LaneTotals = { work: 0, coordination: 0, held: 0 };
    for (const b of mine) {
      const len = b.end - b.start;
      if (b.kind === 'status' || b.kind === 'checkpoint') {
        t.coordination += len * lane.capacity;
      } else if (b.kind === 'held') {
        t.held += len;
      } else if (b.kind !== 'escalation') {
        let paused = 0;
        for (const m of meetings) paused += Math.max(0, Math.min(b.end, m.end) - Math.max(b.start, m.start));
        if (b.kind === 'handoff' || b.kind === 'review') t.coordination += len - paused;
        else t.work += len - paused;
      }
    }
    // Held time sits inside a task's bar: it is neither work nor coordination.
    t.work -= t.held;
    out[lane.id] = t;
  }
  return out;
}

/**
 * Load of each lane per period (runs in the browser: self-contained): busy capacity-time in
 * [edges[i], edges[i+1]) divided by capacity × `capacityTime[i]`, so 1 means fully busy; NaN for
 * a period without working time. With `workIn` (the project calendar's working time in an
 * interval) only the working part of each bar counts. Rows follow `lanes`.
 */
export function periodLoad(bars: Bar[], lanes: Lane[], edges: number[], capacityTime: number[], workIn: ((a: number, b: number) => number) | null): number[][] {
  const n = Math.max(0, edges.length - 1);
  const addSpan = (row: number[], start: number, end: number, weight: number) => {
    if (!(end > start) || n === 0) return;
    // The last period starting at or before `start`.
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (edges[mid] <= start) lo = mid;
      else hi = mid - 1;
    }
    for (let w = lo; w < n && edges[w] < end; w++) {
      const a = Math.max(start, edges[w]);
      const b = Math.min(end, edges[w + 1]);
      const overlap = workIn !== null ? workIn(a, b) : b - a;
      if (overlap > 0) row[w] += overlap * weight;
    }
  };
  return lanes.map((lane) => {
    const row = new Array<number>(n).fill(0);
    const mine = bars.filter((b) => b.lane === lane.id);
    const meetings = mine.filter((b) => b.kind === 'status' || b.kind === 'checkpoint');
    for (const b of mine) {
      if (b.kind === 'escalation') continue;
      if (b.kind === 'held') addSpan(row, b.start, b.end, -1);
      else if (b.kind === 'status' || b.kind === 'checkpoint') addSpan(row, b.start, b.end, lane.capacity);
      else {
        addSpan(row, b.start, b.end, 1);
        for (const m of meetings) addSpan(row, Math.max(b.start, m.start), Math.min(b.end, m.end), -1);
      }
    }
    return row.map((v, i) => (capacityTime[i] > 0 ? Math.max(0, v) / (lane.capacity * capacityTime[i]) : NaN));
  });
}

/**
 * Load of each lane per week: busy capacity-time in week w (`[w·unitsPerWeek, (w+1)·unitsPerWeek)`)
 * divided by capacity × unitsPerWeek, so 1 means fully busy. Rows follow `lanes`.
 */
export function weeklyLoad(bars: Bar[], lanes: Lane[], unitsPerWeek: number, weeks: number): number[][] {
  const edges = Array.from({ length: weeks + 1 }, (_, w) => w * unitsPerWeek);
  return periodLoad(bars, lanes, edges, new Array<number>(weeks).fill(unitsPerWeek), null);
}
