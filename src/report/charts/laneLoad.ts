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
 * Load of each lane per week: busy capacity-time in week w (`[w·unitsPerWeek, (w+1)·unitsPerWeek)`)
 * divided by capacity × unitsPerWeek, so 1 means fully busy. Rows follow `lanes`.
 */
export function weeklyLoad(bars: Bar[], lanes: Lane[], unitsPerWeek: number, weeks: number): number[][] {
  const addSpan = (row: number[], start: number, end: number, weight: number) => {
    if (!(end > start)) return;
    const first = Math.max(0, Math.floor(start / unitsPerWeek));
    const last = Math.min(weeks - 1, Math.floor(end / unitsPerWeek));
    for (let w = first; w <= last; w++) {
      const overlap = Math.min(end, (w + 1) * unitsPerWeek) - Math.max(start, w * unitsPerWeek);
      if (overlap > 0) row[w] += overlap * weight;
    }
  };
  return lanes.map((lane) => {
    const row = new Array<number>(weeks).fill(0);
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
    return row.map((v) => Math.max(0, v) / (lane.capacity * unitsPerWeek));
  });
}
