import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { cli } from '../helpers.js';

const SEED = 'scenarios/ecommerce-security.yaml';

describe('coordsim run', () => {
  test('--json prints exactly one JSON document with the docs/semantics.md §11 metrics', () => {
    const r = cli(['run', SEED, '--json', '--seed', '4']);
    expect(r.code).toBe(0);
    const m = JSON.parse(r.stdout);
    for (const k of ['makespan', 'sequentialMakespan', 'speedup', 'timeSavings', 'workTime', 'coordinationTime',
      'coordinationOverhead', 'capacityUse', 'criticalPath', 'gates', 'remediations', 'reworks', 'escalations', 'metDeadline']) {
      expect(m, k).toHaveProperty(k);
    }
    expect(Object.keys(m.utilization.byAgent)).toEqual(['architect', 'auth', 'payment', 'crypto', 'compliance']);
    expect(m.speedup).toBeCloseTo(m.sequentialMakespan / m.makespan, 12);
    expect(m.timeSavings).toBeCloseTo(1 - m.makespan / m.sequentialMakespan, 12);
    expect(m.coordinationOverhead).toBeCloseTo(m.coordinationTime / (m.workTime + m.coordinationTime), 12);
  });

  test('the same seed gives byte-identical output; another seed differs', () => {
    const a = cli(['run', SEED, '--json', '--seed', '9']).stdout;
    expect(cli(['run', SEED, '--json', '--seed', '9']).stdout).toBe(a);
    expect(cli(['run', SEED, '--json', '--seed', '10']).stdout).not.toBe(a);
  });

  test('--out writes run.json and a trace.csv with the contract columns and one start/finish pair per execution', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'coordsim-run-')), 'out');
    const r = cli(['run', SEED, '--seed', '2', '--out', dir]);
    expect(r.code).toBe(0);
    const metrics = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8'));
    const rows: Array<Record<string, string>> = parse(readFileSync(join(dir, 'trace.csv'), 'utf8'), { columns: true });
    expect(Object.keys(rows[0]).slice(0, 4)).toEqual(['time', 'kind', 'task', 'agent']);
    const times = rows.map((x) => Number(x.time));
    expect(times.every((t, i) => i === 0 || t >= times[i - 1])).toBe(true);
    for (const [id, t] of Object.entries(metrics.tasks) as Array<[string, { executions: number; agent: string }]>) {
      const starts = rows.filter((x) => x.kind === 'task_start' && x.task === id);
      const finishes = rows.filter((x) => x.kind === 'task_finish' && x.task === id);
      expect(starts.length, id).toBe(t.executions);
      expect(finishes.length, id).toBe(t.executions);
      expect(starts[0].agent).toBe(t.agent);
    }
    expect(Math.max(...times)).toBeCloseTo(metrics.makespan, 9);
  });

  test('an unknown strategy is bad input: exit 2 and the message lists the defined ones', () => {
    const r = cli(['run', SEED, '--strategy', 'nope', '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/unknown strategy 'nope'.*orchestrator, mesh/);
  });

  test('--help lists the commands', () => {
    const r = cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/coordsim run <scenario>/);
    expect(r.stdout).toMatch(/coordsim validate <scenario>/);
  });
});
