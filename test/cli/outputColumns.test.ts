import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { coordsim, SEED, tempDir } from './_cli.js';

const header = (dir: string, f: string) => readFileSync(join(dir, f), 'utf8').split('\n', 1)[0];

describe('the CSV files of montecarlo --out and compare --out', () => {
  test('headers as docs/cli.md lists them; every file says its time unit; agents.csv has the orchestrator', () => {
    const dir = join(tempDir(), 'out');
    expect(coordsim(['compare', SEED, '--strategies', 'mesh', '--runs', '30', '--out', dir]).code).toBe(0);
    // The seed scenario has costs: each file's cost columns come before time_unit.
    expect(header(dir, 'tasks.csv')).toBe('strategy,task,name,assignment,mean_duration,mean_start,mean_finish,criticality,sensitivity,cost_sensitivity,fixed_cost_sensitivity,time_unit');
    expect(header(dir, 'agents.csv')).toBe('strategy,agent,role,capacity,utilization,work_time,coordination_time,idle_time,kind,cost,time_unit');
    expect(header(dir, 'pairs.csv')).toBe('a,b,mean_difference,ci95_low,ci95_high,probability_a_faster,cost_mean_difference,cost_ci95_low,cost_ci95_high,probability_a_cheaper,time_unit');
    expect(header(dir, 'runs.csv')).toBe(
      'run,strategy,makespan,sequential_makespan,speedup,time_savings,work_time,coordination_time,coordination_overhead,utilization,met_deadline,cost,cost_work,cost_coordination,cost_fixed,cost_risk,met_budget,time_unit',
    );
    expect(header(dir, 'trace.csv')).toBe('time,kind,task,agent,gate,detail,duration,time_unit');
    expect(header(dir, 'compare.csv').split(',').slice(0, 3)).toEqual(['strategy', 'runs', 'makespan_mean']);
    for (const f of ['tasks.csv', 'agents.csv', 'pairs.csv', 'runs.csv', 'trace.csv', 'compare.csv']) {
      const rows: Array<Record<string, string>> = parse(readFileSync(join(dir, f), 'utf8'), { columns: true });
      expect(new Set(rows.map((r) => r.time_unit)), f).toEqual(new Set(['day']));
    }
    const agents: Array<Record<string, string>> = parse(readFileSync(join(dir, 'agents.csv'), 'utf8'), { columns: true });
    expect(agents.filter((a) => a.kind === 'orchestrator').map((a) => [a.strategy, a.agent, a.role])).toEqual([
      ['mesh', 'orchestrator', 'Orchestrator (integration lead)'],
      ['sequential', 'orchestrator', 'Orchestrator (integration lead)'],
      ['ideal', 'orchestrator', 'Orchestrator (integration lead)'],
    ]);
    const compare: Array<Record<string, string>> = parse(readFileSync(join(dir, 'compare.csv'), 'utf8'), { columns: true });
    const json = JSON.parse(readFileSync(join(dir, 'compare.json'), 'utf8'));
    expect(compare.map((r) => [r.strategy, Number(r.makespan_p50)])).toEqual(json.strategies.map((s: { strategy: string; makespan: { p50: number } }) => [s.strategy, s.makespan.p50]));
  });
});
