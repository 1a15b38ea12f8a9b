import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPsplib } from '../../src/import/psplib/readPsplib.js';
import { readPsplibBounds, readPsplibSolutions } from '../../src/import/psplib/readPsplibSolutions.js';
import { CoordsimError } from '../../src/scenario/CoordsimError.js';

const fixture = readFileSync(new URL('./fixtures/small12.sm', import.meta.url), 'utf8');
const optFixture = readFileSync(new URL('./fixtures/j12opt.sm', import.meta.url), 'utf8');
/** PSPLIB's J30 set as kept in the kobe-rcpsp repository (fetched, never committed). */
const J30 = process.env.COORDSIM_PSPLIB_J30 ?? '/work/data/psplib/j30.sm';

function errorOf(fn: () => unknown): CoordsimError {
  try {
    fn();
  } catch (err) {
    if (err instanceof CoordsimError) return err;
    throw new Error(`expected a CoordsimError, got ${String(err)}`);
  }
  throw new Error('expected a CoordsimError, nothing was thrown');
}

/** Longest path through the tasks (durations and FS links): the project's critical path length. */
function criticalPath(tasks: { id: string; duration?: number; after?: string[] }[]): number {
  const finish = new Map<string, number>();
  for (const t of tasks) {
    const start = Math.max(0, ...(t.after ?? []).map((p) => finish.get(p) as number));
    finish.set(t.id, start + (t.duration ?? 0));
  }
  return Math.max(...finish.values());
}

describe('readPsplib(small12.sm)', () => {
  const plan = readPsplib(fixture, 'fixtures/small12.sm');

  it('readPsplib gives the whole scenario: capacity-limited agents, demands as needs, predecessors as after, dummies as milestones', () => {
    expect(plan.format).toBe('psplib');
    expect(plan.scenario).toEqual({
      name: 'small12',
      time_unit: 'day',
      agents: [
        { id: 'R1', capacity: 4 },
        { id: 'R2', capacity: 3 },
      ],
      tasks: [
        { id: '1', source_id: '1', milestone: true },
        { id: '2', source_id: '2', duration: 3, needs: [{ agent: 'R1', units: 2 }], after: ['1'] },
        { id: '3', source_id: '3', duration: 4, needs: [{ agent: 'R1', units: 1 }, { agent: 'R2', units: 2 }], after: ['1'] },
        { id: '4', source_id: '4', duration: 2, needs: [{ agent: 'R2', units: 3 }], after: ['1'] },
        { id: '5', source_id: '5', duration: 5, needs: [{ agent: 'R1', units: 2 }, { agent: 'R2', units: 1 }], after: ['2'] },
        { id: '6', source_id: '6', duration: 1, needs: [{ agent: 'R1', units: 3 }], after: ['2'] },
        { id: '7', source_id: '7', duration: 3, needs: [{ agent: 'R2', units: 1 }], after: ['3'] },
        { id: '8', source_id: '8', duration: 4, needs: [{ agent: 'R1', units: 1 }, { agent: 'R2', units: 1 }], after: ['4'] },
        { id: '9', source_id: '9', duration: 2, needs: [{ agent: 'R1', units: 3 }], after: ['5'] },
        { id: '10', source_id: '10', duration: 3, needs: [{ agent: 'R2', units: 2 }], after: ['6', '7'] },
        { id: '11', source_id: '11', duration: 1, needs: [{ agent: 'R1', units: 2 }, { agent: 'R2', units: 2 }], after: ['8'] },
        { id: '12', source_id: '12', after: ['9', '10', '11'], milestone: true },
      ],
    });
    expect(plan.sourceDates.size).toBe(0);
    expect(plan.warnings).toEqual([]);
  });

  it("the imported plan's critical path is the file's MPM-Time (10)", () => {
    expect(criticalPath(plan.scenario.tasks as never)).toBe(10);
  });
});

describe('readPsplib on malformed input', () => {
  const replaceLine = (find: string, by: string) => fixture.replace(find, by);

  it('readPsplib refuses a file cut short, at the section that ends early', () => {
    const cut = fixture.slice(0, fixture.indexOf('  7      1     3'));
    const err = errorOf(() => readPsplib(cut, 'cut.sm'));
    expect([err.code, err.context.file, err.context.line]).toEqual(['E_SCHEMA', 'cut.sm', 40]);
    expect(err.message).toBe('cut.sm:40: REQUESTS/DURATIONS: no row for job 7 (truncated?)');
    const noAvail = fixture.slice(0, fixture.indexOf('RESOURCEAVAILABILITIES'));
    const avail = errorOf(() => readPsplib(noAvail, 'cut.sm'));
    expect([avail.code, avail.context.line]).toEqual(['E_SCHEMA', noAvail.split('\n').length - 1]);
    expect(avail.message).toContain('no RESOURCEAVAILABILITIES: section');
    const cutRows = fixture.slice(0, fixture.indexOf('  10        1')) + fixture.slice(fixture.indexOf('*****', fixture.indexOf('  10        1')));
    const rows = errorOf(() => readPsplib(cutRows, 'cut.sm'));
    expect([rows.code, rows.context.line]).toEqual(['E_SCHEMA', 27]);
    expect(rows.message).toContain('PRECEDENCE RELATIONS: 12 jobs announced, 9 found (truncated?)');
  });

  it('readPsplib refuses a file without a section or header line', () => {
    const noReq = fixture.replace('REQUESTS/DURATIONS:', 'REQUESTS:');
    expect(errorOf(() => readPsplib(noReq, 'x.sm')).message).toContain('no REQUESTS/DURATIONS: section');
    const noJobs = fixture.replace('jobs (incl. supersource/sink )', 'jobs');
    const err = errorOf(() => readPsplib(noJobs, 'x.sm'));
    expect(err.code).toBe('E_SCHEMA');
    expect(err.context.line).toBeGreaterThan(40);
    expect(errorOf(() => readPsplib('<project/>', 'x.sm')).message).toContain('not a PSPLIB .sm file');
  });

  it('readPsplib refuses bad numbers with their line', () => {
    const cases: [string, number, string][] = [
      [replaceLine('  5      1     5       2    1', '  5      1     5.5     2    1'), 39, 'REQUESTS/DURATIONS job 5 duration: expected a non-negative whole number, found "5.5"'],
      [replaceLine('  5      1     5       2    1', '  5      1     5       2'), 39, 'REQUESTS/DURATIONS job 5: expected jobnr., mode, duration and 2 resource demands, found 4 fields'],
      [replaceLine('   4        1          1           8', '   4        1          2           8'), 22, 'PRECEDENCE RELATIONS job 4: 2 successors announced, 1 listed'],
      [replaceLine('    4    3\n', '    4   -3\n'), 50, 'RESOURCEAVAILABILITIES resource 2: expected a non-negative whole number, found "-3"'],
      [replaceLine('   4        1          1           8', '   4        2          1           8'), 22, 'PRECEDENCE RELATIONS job 4: 2 modes; only single-mode files (.sm) are read'],
    ];
    for (const [text, line, message] of cases) {
      const err = errorOf(() => readPsplib(text, 'bad.sm'));
      expect([err.context.line, err.message]).toEqual([line, `bad.sm:${line}: ${message}`]);
    }
  });

  it('readPsplib refuses a successor that is not a job, a job listed twice, and a cycle', () => {
    const ref = errorOf(() => readPsplib(fixture.replace('   8        1          1          11', '   8        1          1          13'), 'ref.sm'));
    expect([ref.code, ref.context.line]).toEqual(['E_REFERENCE', 26]);
    expect(ref.message).toContain('successor 13 is not a job (1..12)');
    const dup = errorOf(() => readPsplib(fixture.replace('  6      1     1       3    0', '  5      1     1       3    0'), 'dup.sm'));
    expect([dup.code, dup.context.line, dup.message]).toEqual(['E_SCHEMA', 40, 'dup.sm:40: REQUESTS/DURATIONS: job 5 is listed twice']);
    const cyc = errorOf(() => readPsplib(fixture.replace('   9        1          1          12', '   9        1          2           2  12'), 'cyc.sm'));
    expect(cyc.code).toBe('E_CYCLE');
    expect(cyc.message).toMatch(/PRECEDENCE RELATIONS form a cycle: jobs (2 -> 5 -> 9 -> 2|5 -> 9 -> 2 -> 5|9 -> 2 -> 5 -> 9)$/);
  });

  it('readPsplib warns about a demand above the capacity and about nonrenewable resources', () => {
    const over = readPsplib(fixture.replace('  9      1     2       3    0', '  9      1     2       5    0'), 'o.sm');
    expect(over.warnings).toEqual([{ location: 'line 43', message: 'job 9 needs 5 of R1, which has 4: it can never start' }]);
    // One nonrenewable resource N1: a third column of demands and availabilities.
    const lines = fixture.split('\n').map((l, i) => (i >= 34 && i <= 45) || i === 49 ? `${l}    7` : l);
    const withN = lines.join('\n').replace(/(- nonrenewable\s*:\s*)0/, '$11');
    const plan = readPsplib(withN, 'n.sm');
    expect(plan.warnings).toEqual([{ location: 'line 10', message: '1 nonrenewable resources: their demands are not imported' }]);
    expect(plan.scenario.agents).toEqual([{ id: 'R1', capacity: 4 }, { id: 'R2', capacity: 3 }]);
    expect((plan.scenario.tasks as { needs?: unknown }[])[2].needs).toEqual([{ agent: 'R1', units: 1 }, { agent: 'R2', units: 2 }]);
  });
});

describe('readPsplibSolutions', () => {
  it('readPsplibSolutions reads a PSPLIB optimum table, naming instances <set><parameter>_<instance>', () => {
    expect(readPsplibSolutions(optFixture, 'j12opt.sm')).toEqual(new Map([['j121_1', 14], ['j121_2', 17], ['j1210_3', 21]]));
  });

  it('readPsplibSolutions takes the set from the file name when there is no Instance Set line', () => {
    const text = optFixture.replace(/Instance Set.*\n/, '');
    expect([...readPsplibSolutions(text, 'data/j30opt.sm').keys()]).toEqual(['j301_1', 'j301_2', 'j3010_3']);
    expect(errorOf(() => readPsplibSolutions(text, 'opt.txt')).code).toBe('E_SCHEMA');
  });

  it('readPsplibSolutions reads the problem,optimum CSV form, keeping only proven optima; readPsplibBounds keeps the bounds', () => {
    const csv = 'problem,optimum\nj1201_1.sm,104..105\nj1201_2.sm,109\nj6048_10.sm,..70\n';
    expect(readPsplibSolutions(csv, 'optimum.csv')).toEqual(new Map([['j1201_2', 109]]));
    expect(readPsplibBounds(csv, 'optimum.csv')).toEqual(new Map([['j1201_1', { lower: 104, upper: 105 }], ['j1201_2', { lower: 109, upper: 109 }], ['j6048_10', { upper: 70 }]]));
  });

  it('readPsplibSolutions refuses a malformed row or a repeated instance with its line', () => {
    const bad = errorOf(() => readPsplibSolutions('problem,optimum\nj301_1.sm,43\nj301_2.sm,x\n', 'o.csv'));
    expect([bad.code, bad.context.line]).toEqual(['E_PARSE', 3]);
    const rep = errorOf(() => readPsplibSolutions(optFixture + '    1            2            17            0.02\n', 'j12opt.sm'));
    expect([rep.code, rep.context.line, rep.message]).toEqual(['E_SCHEMA', 10, 'j12opt.sm:10: instance j121_2 is listed twice']);
    const short = errorOf(() => readPsplibSolutions(optFixture + '    2  3\n', 'j12opt.sm'));
    expect([short.code, short.context.line]).toEqual(['E_PARSE', 10]);
  });
});

describe.skipIf(!existsSync(J30))('readPsplib on the 480 PSPLIB J30 instances', () => {
  const files = existsSync(J30) ? readdirSync(J30).filter((f) => f.endsWith('.sm')).sort() : [];

  it('readPsplib reads all 480 instances: 32 jobs, 4 capacity-limited agents, dummies as milestones, critical path = MPM-Time', () => {
    expect(files.length).toBe(480);
    let needs = 0;
    for (const f of files) {
      const text = readFileSync(join(J30, f), 'utf8');
      const plan = readPsplib(text, f);
      const tasks = plan.scenario.tasks as { id: string; duration?: number; after?: string[]; milestone?: boolean; needs?: unknown[] }[];
      const agents = plan.scenario.agents as { id: string; capacity: number }[];
      expect(tasks.length).toBe(32);
      expect(agents.map((a) => a.id)).toEqual(['R1', 'R2', 'R3', 'R4']);
      expect(agents.every((a) => Number.isInteger(a.capacity) && a.capacity > 0)).toBe(true);
      expect([tasks[0].milestone, tasks[31].milestone, tasks.filter((t) => t.milestone).length]).toEqual([true, true, 2]);
      expect(plan.warnings).toEqual([]);
      const mpm = Number(/PROJECT INFORMATION:\s*\n.*\n\s*\d+\s+\d+\s+\d+\s+\d+\s+\d+\s+(\d+)/.exec(text)?.[1]);
      expect([f, criticalPath(tasks as never)]).toEqual([f, mpm]);
      needs += tasks.reduce((s, t) => s + (t.needs?.length ?? 0), 0);
    }
    expect(needs).toBeGreaterThan(480 * 30);
  });

  it('readPsplibSolutions reads the 480 J30 optima, each at least the critical path of its instance', () => {
    const optima = readPsplibSolutions(readFileSync(join(J30, 'optimum/optimum.csv'), 'utf8'), 'optimum.csv');
    expect(optima.size).toBe(480);
    expect(optima.get('j301_1')).toBe(43);
    for (const f of files) {
      const plan = readPsplib(readFileSync(join(J30, f), 'utf8'), f);
      const name = f.replace(/\.sm$/, '');
      expect(optima.get(name)).toBeGreaterThanOrEqual(criticalPath(plan.scenario.tasks as never));
    }
  });
});
