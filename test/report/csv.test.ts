import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { AGENT_COLUMNS, agentsCsv } from '../../src/report/agentsCsv.js';
import { COMPARE_COLUMNS, compareCsv } from '../../src/report/compareCsv.js';
import { PAIR_COLUMNS, pairsCsv } from '../../src/report/pairsCsv.js';
import { TASK_COLUMNS, tasksCsv } from '../../src/report/tasksCsv.js';
import { TRACE_COLUMNS, traceCsv } from '../../src/report/traceCsv.js';
import { RUNS_COLUMNS, runsCsvHeader, runsCsvRows } from '../../src/report/runsCsv.js';
import { csvCell, toCsv } from '../../src/report/toCsv.js';
import { RUN_COLUMNS } from '../../src/montecarlo/summarizeRange.js';
import { compareFixture, EVIL, monteCarloFixture, poisonedFixtures } from '../fixtures/report/index.js';

/** Parses CSV text into header and rows of strings. */
function read(text: string): { header: string[]; rows: string[][] } {
  const [header, ...rows] = parse(text, { relax_column_count: false }) as string[][];
  return { header, rows };
}

const SNAKE = /^[a-z0-9]+(_[a-z0-9]+)*$/;

describe('tasksCsv', () => {
  it('tasksCsv(result) parses back with a row per task and the snake_case columns', () => {
    const { header, rows } = read(tasksCsv(monteCarloFixture));
    expect(header).toEqual([...TASK_COLUMNS]);
    expect(header.every((h) => SNAKE.test(h))).toBe(true);
    expect(rows).toHaveLength(monteCarloFixture.tasks.length);
    rows.forEach((r, i) => {
      const t = monteCarloFixture.tasks[i];
      expect(r).toHaveLength(header.length);
      expect(r.slice(0, 4)).toEqual([monteCarloFixture.strategy, t.id, t.name, t.assignment]);
      // Unformatted numbers: they parse back to the exact value.
      expect(r.slice(4, -1).map(Number)).toEqual([t.meanDuration, t.meanStart, t.meanFinish, t.criticality, t.sensitivity]);
      expect(r.at(-1)).toBe(monteCarloFixture.timeUnit);
    });
  });

  it('tasksCsv(result) quotes names holding commas, quotes and newlines', () => {
    const evil = poisonedFixtures().montecarlo;
    const { rows } = read(tasksCsv(evil));
    expect(rows.map((r) => r[2])).toEqual(evil.tasks.map((t) => t.name));
    expect(rows[0][2].endsWith(EVIL)).toBe(true);
    expect(rows[0][0]).toBe(evil.strategy);
  });

  it('tasksCsv(compare) has a row per strategy and task', () => {
    const { header, rows } = read(tasksCsv(compareFixture));
    expect(header).toEqual([...TASK_COLUMNS]);
    const expected = compareFixture.strategies.flatMap((s) => s.tasks.map((t) => [s.strategy, t.id]));
    expect(rows.map((r) => r.slice(0, 2))).toEqual(expected);
  });
});

describe('agentsCsv', () => {
  const orchestrator = { id: 'lead', role: 'Integration lead', capacity: 2 };

  it('agentsCsv(result, orchestrator) parses back with a row per agent, then the orchestrator', () => {
    const { header, rows } = read(agentsCsv(monteCarloFixture, orchestrator));
    expect(header).toEqual([...AGENT_COLUMNS]);
    expect(header.every((h) => SNAKE.test(h))).toBe(true);
    expect(rows).toHaveLength(monteCarloFixture.agents.length + 1);
    monteCarloFixture.agents.forEach((a, i) => {
      const r = rows[i];
      expect(r.slice(0, 3)).toEqual([monteCarloFixture.strategy, a.id, a.role]);
      expect(r.slice(3, 8).map(Number)).toEqual([a.capacity, a.utilization, a.workTime, a.coordinationTime, a.idleTime]);
      expect(r.slice(8)).toEqual(['agent', monteCarloFixture.timeUnit]);
    });
    // The result carries no orchestrator statistics: its means are empty cells, not zeros.
    expect(rows.at(-1)).toEqual([monteCarloFixture.strategy, 'lead', 'Integration lead', '2', '', '', '', '', 'orchestrator', monteCarloFixture.timeUnit]);
  });

  it("agentsCsv(result, orchestrator) writes the result's orchestrator means when it carries them", () => {
    const o = { id: 'lead', role: 'x', capacity: 2, utilization: 0.25, workTime: 0, coordinationTime: 3.5, idleTime: -0 };
    const { rows } = read(agentsCsv({ ...monteCarloFixture, orchestrator: o } as typeof monteCarloFixture, orchestrator));
    expect(rows.at(-1)!.slice(4, 8)).toEqual(['0.25', '0', '3.5', '0']);
  });

  it('agentsCsv(compare, orchestrator) has a row per strategy and agent, and the orchestrator per strategy', () => {
    const { header, rows } = read(agentsCsv(compareFixture, orchestrator));
    expect(header).toEqual([...AGENT_COLUMNS]);
    const expected = compareFixture.strategies.flatMap((s) => [...s.agents.map((a) => [s.strategy, a.id, 'agent']), [s.strategy, 'lead', 'orchestrator']]);
    expect(rows.map((r) => [r[0], r[1], r[8]])).toEqual(expected);
  });
});

describe('compareCsv', () => {
  it('compareCsv(result) parses back with a row per strategy and its headline figures', () => {
    const { header, rows } = read(compareCsv(compareFixture));
    expect(header).toEqual([...COMPARE_COLUMNS]);
    expect(header.every((h) => SNAKE.test(h))).toBe(true);
    expect(rows).toHaveLength(compareFixture.strategies.length);
    rows.forEach((r, i) => {
      const s = compareFixture.strategies[i];
      const cell = (c: (typeof COMPARE_COLUMNS)[number]) => r[header.indexOf(c)];
      expect(r).toHaveLength(header.length);
      expect(cell('strategy')).toBe(s.strategy);
      expect(Number(cell('makespan_p50'))).toBe(s.makespan.p50);
      expect(Number(cell('makespan_ci95_low'))).toBe(s.makespan.ci95[0]);
      expect(Number(cell('deadline_probability'))).toBe(s.deadlineProbability);
      expect(Number(cell('coordination_overhead_mean'))).toBe(s.coordinationOverhead.mean);
      expect(Number(cell('time_savings_mean'))).toBe(s.timeSavings.mean);
      expect(cell('time_unit')).toBe(s.timeUnit);
    });
  });

  it('compareCsv(result) leaves deadline cells empty when there is no deadline', () => {
    const noDeadline = { ...compareFixture, strategies: compareFixture.strategies.map((s) => ({ ...s, deadline: null, deadlineProbability: null })) };
    const { header, rows } = read(compareCsv(noDeadline));
    for (const r of rows) {
      expect(r[header.indexOf('deadline')]).toBe('');
      expect(r[header.indexOf('deadline_probability')]).toBe('');
    }
  });
});

describe('pairsCsv', () => {
  it('pairsCsv(result) parses back with a row per pair', () => {
    const { header, rows } = read(pairsCsv(compareFixture));
    expect(header).toEqual([...PAIR_COLUMNS]);
    expect(header.every((h) => SNAKE.test(h))).toBe(true);
    expect(rows).toHaveLength(compareFixture.pairs.length);
    rows.forEach((r, i) => {
      const p = compareFixture.pairs[i];
      expect(r.slice(0, 2)).toEqual([p.a, p.b]);
      expect(r.slice(2, -1).map(Number)).toEqual([p.meanDifference, p.ci95[0], p.ci95[1], p.probabilityAFaster]);
      expect(r.at(-1)).toBe(compareFixture.strategies[0].timeUnit);
    });
  });
});

describe('runsCsvRows', () => {
  const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

  it('RUNS_COLUMNS are the library per-run row columns in snake_case, then time_unit', () => {
    expect([...RUNS_COLUMNS]).toEqual([...RUN_COLUMNS.map(snake), 'time_unit']);
  });

  it('runsCsvRows(rows, strategies) writes the cells toCsv writes, names quoted as it quotes them', () => {
    const W = RUN_COLUMNS.length;
    const strategies = ['plain', 'a,b', 'say "hi"', 'two\nlines', 'ünï'];
    const values = [[0, 0, 1.5, 3, 2, 0.5, 3, 0.25, 0.0769, 0.9, 1], [1, 1, -0, 1e-300, NaN, Infinity, -2.5, 0, 0, 0, 0], [2, 4, 7, 7, 1, 0, 7, 0, 0, 1, NaN]];
    const rows = new Float64Array(values.flat());
    expect(rows.length).toBe(3 * W);
    const expected = toCsv(RUNS_COLUMNS, values.map((v) => [v[0], strategies[v[1]], ...v.slice(2, W - 1), Number.isNaN(v[W - 1]) ? null : v[W - 1] === 1, 'day, "work"']));
    expect(runsCsvHeader() + runsCsvRows(rows, strategies, 'day, "work"')).toBe(expected);
    const parsed = parse(expected) as string[][];
    expect(parsed.slice(1).map((r) => r[1])).toEqual(['plain', 'a,b', 'ünï']);
  });

  it('csvCell(value) is one cell of toCsv', () => {
    for (const v of ['x', 'a,b', '"', '', null, 3, -0.5, NaN, true]) expect(csvCell(v)).toBe(toCsv(['h'], [[v]]).slice(2, -1));
  });
});

describe('toCsv formula injection (OWASP)', () => {
  const RISKY = ['=1+2', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '＝1', '-'];

  it('toCsv(columns, rows) prefixes text cells starting with = + - @ tab CR with a quote', () => {
    const text = toCsv(['v'], RISKY.map((v) => [v]));
    const values = (parse(text) as string[][]).slice(1).map((r) => r[0]);
    expect(values).toEqual(RISKY.map((v) => `'${v}`));
  });

  it('toCsv(columns, rows) leaves numbers, booleans and text that only contains such characters alone', () => {
    const text = toCsv(['a', 'b', 'c', 'd', 'e'], [[-3, -0.5e-7, 'a=b', "'=already", false]]);
    expect(text).toBe("a,b,c,d,e\n-3,-5e-8,a=b,'=already,false\n");
  });

  it('runsCsvRows escapes strategy names as toCsv does', () => {
    const rows = new Float64Array([0, 0, 1, 1, 1, 0, 1, 0, 0, 1, 1]);
    expect(runsCsvRows(rows, ['=cmd|calc'], 'hour')).toBe("0,'=cmd|calc,1,1,1,0,1,0,0,1,true,hour\n");
    expect(csvCell('-fast')).toBe("'-fast");
    expect(csvCell(-2)).toBe('-2');
  });
});

describe('traceCsv', () => {
  it('traceCsv(trace, timeUnit) starts with the contract columns and ends with the time unit', () => {
    const trace = monteCarloFixture.representative.trace;
    const { header, rows } = read(traceCsv(trace, 'hour'));
    expect(header.slice(0, 4)).toEqual(['time', 'kind', 'task', 'agent']);
    expect(header).toEqual([...TRACE_COLUMNS]);
    expect(rows).toHaveLength(trace.length);
    expect(rows.map((r) => [Number(r[0]), r[1], r.at(-1)])).toEqual(trace.map((e) => [e.time, e.kind, 'hour']));
  });
});
