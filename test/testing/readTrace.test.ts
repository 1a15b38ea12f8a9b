import { describe, expect, test } from 'vitest';
import type { TraceRecord } from '../../src/engine/TraceRecord.js';
import { readTrace } from '../../src/testing/index.js';

const row = (time: number, kind: TraceRecord['kind'], task: string, agent: string, duration = 0, detail = '', gate = ''): TraceRecord => ({ time, kind, task, agent, gate, detail, duration });

describe('readTrace', () => {
  test('readTrace pairs starts with finishes and applies meetings to the running jobs of their agent', () => {
    const r = readTrace([
      row(0, 'task_start', 't1', 'a', 3),
      row(0, 'task_start', 't2', 'b', 1),
      row(1, 'task_finish', 't2', 'b'),
      row(2, 'checkpoint', '', 'a', 0.5),
      row(2, 'checkpoint', '', 'a', 0.25),
      row(3.75, 'task_finish', 't1', 'a'),
      row(4, 'task_start', 't1', 'a', 1, 'rework for g'),
      row(5, 'task_finish', 't1', 'a', 0, 'rework for g'),
    ]);
    expect(r.unmatched).toEqual([]);
    expect(r.executions.map((e) => [e.kind, e.task, e.gate, e.agent, e.start, e.finish, e.interrupted, e.expectedFinish])).toEqual([
      ['task', 't1', '', 'a', 0, 3.75, 0.75, 3.75],
      ['task', 't2', '', 'b', 0, 1, 0, 1],
      ['rework', 't1', 'g', 'a', 4, 5, 0, 5],
    ]);
    // The second meeting queues behind the first.
    expect(r.meetings.map((m) => [m.from, m.until])).toEqual([[2, 2.5], [2.5, 2.75]]);
  });

  test('readTrace reports a finish without a start, and leaves an unfinished start open', () => {
    const r = readTrace([row(0, 'handoff_start', 'n', 'orchestrator', 1, 'from s'), row(1, 'task_finish', 'x', 'a')]);
    expect(r.unmatched.map((u) => u.index)).toEqual([1]);
    expect(r.executions[0]).toMatchObject({ kind: 'handoff', from: 's', finish: NaN, finishIndex: -1 });
  });
});
