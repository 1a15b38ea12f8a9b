import { describe, expect, it } from 'vitest';
import { laneTotals, periodLoad, weeklyLoad } from '../../src/report/charts/laneLoad.js';
import { traceBars } from '../../src/report/charts/traceBars.js';
import type { Lane } from '../../src/report/charts/types.js';
import type { TraceRecord } from '../../src/engine/TraceRecord.js';
import { fixtureModel, runFixture } from '../fixtures/report/index.js';

const row = (time: number, kind: TraceRecord['kind'], task: string, agent: string, gate = '', detail = '', duration = 0): TraceRecord => ({
  time,
  kind,
  task,
  agent,
  gate,
  detail,
  duration,
});

/** A small run: a risk hold-up, meetings over work, a handoff, a failed gate with rework, a remediation, an escalation. */
const TRACE: TraceRecord[] = [
  row(0, 'task_ready', 'A', 'a1'),
  row(0, 'risk', 'A', 'a1', '', 'delay 0.5, extra work 0', 0.5),
  row(0, 'task_start', 'A', 'a1', '', '', 3.5),
  row(1, 'status_update', '', 'a1', '', '1 peers', 0.1),
  row(1, 'checkpoint', '', 'a1', '', '', 0.2),
  row(1, 'checkpoint', '', 'orch', '', '', 0.2),
  row(2, 'escalation', 'C', 'orch', '', 'from A', 0.5),
  row(3.8, 'task_finish', 'A', 'a1'),
  row(3.8, 'handoff_start', 'B', 'orch', '', 'from A', 0.4),
  row(4.2, 'handoff_finish', 'B', 'orch', '', 'from A'),
  row(4.2, 'task_start', 'B', 'a2', '', '', 2),
  row(6.2, 'task_finish', 'B', 'a2'),
  row(6.2, 'gate_review_start', '', 'orch', 'g', 'round 1', 0.5),
  row(6.7, 'gate_review_finish', '', 'orch', 'g', 'round 1'),
  row(6.7, 'gate_outcome', 'B', 'a2', 'g', 'fail (round 1)'),
  row(6.7, 'task_start', 'B', 'a2', '', 'rework for g', 1),
  row(7.7, 'task_finish', 'B', 'a2', '', 'rework for g'),
  row(7.7, 'remediation_start', 'A', 'a1', 'g', 'blocking', 0.3),
  row(8, 'remediation_finish', 'A', 'a1', 'g', 'blocking'),
  row(8, 'gate_done', '', '', 'g', '1 round(s)'),
];

const LANES: Lane[] = [
  { id: 'a1', label: 'Agent 1', capacity: 1 },
  { id: 'a2', label: 'Agent 2', capacity: 1 },
  { id: 'orch', label: 'Orchestrator', capacity: 1 },
];

describe('traceBars', () => {
  it('traceBars(trace) pairs starts with finishes and lays meetings back to back', () => {
    const { bars, markers, end } = traceBars(TRACE);
    expect(bars.map((b) => [b.lane, b.kind, b.start, +b.end.toFixed(9), b.task, b.gate, b.detail])).toEqual([
      ['a1', 'held', 0, 0.5, 'A', '', 'risk delay'],
      ['a1', 'status', 1, 1.1, '', '', '1 peers'],
      ['a1', 'checkpoint', 1.1, 1.3, '', '', ''],
      ['orch', 'checkpoint', 1, 1.2, '', '', ''],
      ['orch', 'escalation', 2, 2.5, 'C', '', 'from A'],
      ['a1', 'work', 0, 3.8, 'A', '', ''],
      ['orch', 'handoff', 3.8, 4.2, 'B', '', 'from A'],
      ['a2', 'work', 4.2, 6.2, 'B', '', ''],
      ['orch', 'review', 6.2, 6.7, '', 'g', 'round 1'],
      ['a2', 'rework', 6.7, 7.7, 'B', '', 'rework for g'],
      ['a1', 'remediation', 7.7, 8, 'A', 'g', 'blocking'],
    ]);
    expect(markers).toEqual([
      { kind: 'handoff', lane: 'a2', time: 4.2, task: 'B', gate: '', detail: 'from A' },
      { kind: 'gate', lane: '', time: 8, task: '', gate: 'g', detail: '1 round(s); B: fail (round 1)' },
    ]);
    expect(end).toBe(8);
  });

  it('traceBars(trace) closes jobs still open at the end of a truncated trace', () => {
    const { bars } = traceBars([row(0, 'task_start', 'A', 'a1', '', '', 5), row(2, 'status_update', '', 'a2', '', '', 0.1)]);
    expect(bars.map((b) => [b.kind, b.start, b.end])).toEqual([
      ['status', 2, 2.1],
      ['work', 0, 5],
    ]);
  });
});

describe('laneTotals', () => {
  it('laneTotals(bars, lanes) counts paused work once and held time as neither work nor coordination', () => {
    const t = laneTotals(traceBars(TRACE).bars, LANES);
    expect(t.a1.work).toBeCloseTo(3.8 - 0.3 - 0.5 + 0.3, 12);
    expect(t.a1.coordination).toBeCloseTo(0.3, 12);
    expect(t.a1.held).toBeCloseTo(0.5, 12);
    expect(t.a2).toEqual({ work: 3, coordination: 0, held: 0 });
    expect(t.orch.work).toBe(0);
    expect(t.orch.coordination).toBeCloseTo(0.2 + 0.4 + 0.5, 12);
  });

  it('laneTotals agrees with the engine’s metrics on a real run', () => {
    const model = fixtureModel();
    const m = runFixture.metrics;
    expect(m.escalations).toBe(0); // escalation effort is not in the trace
    const lanes: Lane[] = [
      ...model.agents.map((a) => ({ id: a.id, label: a.role, capacity: a.capacity })),
      { id: model.orchestrator.id, label: model.orchestrator.role, capacity: model.orchestrator.capacity },
    ];
    const t = laneTotals(traceBars(runFixture.trace).bars, lanes);
    let work = 0;
    let coordination = 0;
    for (const a of model.agents) {
      expect(t[a.id].work + t[a.id].coordination).toBeCloseTo(m.makespan * a.capacity - m.idleTime.byAgent[a.id], 9);
      work += t[a.id].work;
      coordination += t[a.id].coordination;
    }
    expect(t[model.orchestrator.id].coordination).toBeCloseTo(m.orchestrator.coordinationTime, 9);
    expect(work).toBeCloseTo(m.workTime, 9);
    expect(coordination + t[model.orchestrator.id].coordination).toBeCloseTo(m.coordinationTime, 9);
  });
});

describe('weeklyLoad', () => {
  it('weeklyLoad(bars, lanes, unitsPerWeek, weeks) is the busy share of capacity per week', () => {
    const load = weeklyLoad(traceBars(TRACE).bars, LANES, 2, 5);
    const round = (rows: number[][]) => rows.map((r) => r.map((v) => +v.toFixed(9)));
    expect(round(load)).toEqual([
      [0.75, 0.9, 0, 0.15, 0],
      [0, 0, 0.9, 0.6, 0],
      [0.1, 0.1, 0.1, 0.25, 0],
    ]);
  });

  it('weeklyLoad adds up to each lane’s busy time on a real run', () => {
    const model = fixtureModel();
    const lanes: Lane[] = model.agents.map((a) => ({ id: a.id, label: a.role, capacity: a.capacity }));
    const { bars } = traceBars(runFixture.trace);
    const weeks = Math.ceil(runFixture.metrics.makespan / model.unitsPerWeek);
    const load = weeklyLoad(bars, lanes, model.unitsPerWeek, weeks);
    const totals = laneTotals(bars, lanes);
    lanes.forEach((l, i) => {
      const busy = load[i].reduce((a, b) => a + b, 0) * l.capacity * model.unitsPerWeek;
      expect(busy).toBeCloseTo(totals[l.id].work + totals[l.id].coordination, 9);
      for (const v of load[i]) expect(v).toBeLessThanOrEqual(1 + 1e-9);
    });
  });
});

describe('periodLoad', () => {
  // An office calendar in day units: time 0 is Wednesday 09:00, days run from midnight (-0.375), 8 of 24 hours work.
  const h = 1 / 24;
  const work: Array<[number, number]> = [
    [0, 8 * h],
    [1, 1 + 8 * h],
    [2, 2 + 8 * h],
  ];
  const workIn = (a: number, b: number) => work.reduce((s, [p, q]) => s + Math.max(0, Math.min(b, q) - Math.max(a, p)), 0);
  const edges = [-9 * h, 15 * h, 1 + 15 * h, 2 + 15 * h, 3 + 15 * h];
  const capacity = [8 * h, 8 * h, 8 * h, 0];
  const lane: Lane[] = [{ id: 'x', label: 'x', capacity: 1 }];
  const bar = (start: number, end: number) => ({ lane: 'x', kind: 'work' as const, start, end, task: 't', gate: '', detail: '' });

  it('periodLoad(bars, lanes, edges, work, workIn) counts only working time: a task from 15:00 to 11:00 next day is 2 of 8 hours each day', () => {
    const load = periodLoad([bar(6 * h, 1 + 2 * h)], lane, edges, capacity, workIn);
    expect(load[0].slice(0, 3).map((v) => +v.toFixed(9))).toEqual([0.25, 0.25, 0]);
    // The fourth period has no working time: NaN, not 0.
    expect(load[0][3]).toBeNaN();
  });

  it('periodLoad without a calendar divides elapsed busy time by the period (as weeklyLoad)', () => {
    const load = periodLoad([bar(0, 2 + 8 * h)], lane, [0, 1, 2, 3], [1, 1, 1], null);
    expect(load[0].map((v) => +v.toFixed(9))).toEqual([1, 1, +(8 * h).toFixed(9)]);
  });

  it('periodLoad with workIn: a task from Wednesday 09:00 to Friday 17:00 keeps the agent fully busy each working day', () => {
    const load = periodLoad([bar(0, 2 + 8 * h)], lane, edges, capacity, workIn);
    expect(load[0].slice(0, 3).map((v) => +v.toFixed(9))).toEqual([1, 1, 1]);
  });
});
