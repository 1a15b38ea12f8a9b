import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCsvPlan } from '../../src/import/csv/readCsvPlan.js';
import { CoordsimError } from '../../src/scenario/CoordsimError.js';

const fixture = readFileSync(new URL('./fixtures/relaunch.csv', import.meta.url), 'utf8');

function errorOf(fn: () => unknown): CoordsimError {
  try {
    fn();
  } catch (err) {
    if (err instanceof CoordsimError) return err;
    throw new Error(`expected a CoordsimError, got ${String(err)}`);
  }
  throw new Error('expected a CoordsimError, nothing was thrown');
}

describe('readCsvPlan(relaunch.csv)', () => {
  it('readCsvPlan gives the whole scenario: directives, three points, typed links with lags, units, milestones, dates', () => {
    const plan = readCsvPlan(fixture, 'fixtures/relaunch.csv');
    expect(plan.format).toBe('csv');
    expect(plan.scenario).toEqual({
      name: 'Website relaunch',
      time_unit: 'day',
      start: '2027-01-04',
      calendar: 'standard',
      calendars: { standard: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], holidays: ['2027-01-06'] } },
      agents: [
        { id: 'Ann', name: 'Ann', capacity: 'unlimited' },
        { id: 'Bob', name: 'Bob', capacity: 'unlimited' },
        { id: 'Cy', name: 'Cy', capacity: 'unlimited' },
      ],
      tasks: [
        { id: 'A', name: 'Kick-off', source_id: 'A', wbs: 'Start', milestone: true },
        { id: 'B', name: 'Design', source_id: 'B', wbs: 'Build', duration: 5, agent: 'Ann', after: ['A'] },
        { id: 'C', name: 'Backend', source_id: 'C', wbs: 'Build / Code', duration: { pert: [4, 6, 10] }, agents: ['Bob', 'Cy'], after: ['B'] },
        {
          id: 'D', name: 'Frontend', source_id: 'D', wbs: 'Build / Code', duration: 10,
          needs: [{ agent: 'Ann', units: 0.5 }], after: [{ task: 'B', type: 'SS', lag: 2 }], not_before: '2027-01-11',
        },
        { id: 'E', name: 'Tests', source_id: 'E', wbs: 'Build', duration: 2, agent: 'Cy', after: ['C', { task: 'D', type: 'FF', lag: -1 }], deadline: '2027-02-15' },
        { id: 'F', name: 'Launch', source_id: 'F', after: ['E'], milestone: true, deadline: '2027-02-20' },
      ],
    });
    expect(plan.sourceDates.size).toBe(0);
    expect(plan.warnings).toEqual([]);
  });

  it("readCsvPlan reads Microsoft Project's CSV export: row numbers as ids, its duration and date forms, Start/Finish as source dates", () => {
    const text = [
      'ID,Name,Duration,Start,Finish,Predecessors,Resource Names,% Complete',
      '1,Plan,5 days,Mon 1/4/27,Fri 1/8/27,,"Ann,Bob[50%]",0%',
      '2,Build,10 days?,Mon 1/11/27,Fri 1/22/27,1,Bob,0%',
      '3,Check,4 hrs,1/11/2027 8:00 AM,1/11/2027 12:00 PM,"1,2SS+2 days",Ann,0%',
      '4,Done,0 days,Fri 1/22/27,Fri 1/22/27,2;3,,0%',
    ].join('\r\n');
    const plan = readCsvPlan(text, 'export.csv');
    expect(plan.scenario).toEqual({
      name: 'export',
      time_unit: 'day',
      start: '2027-01-04',
      agents: [
        { id: 'Ann', name: 'Ann', capacity: 'unlimited' },
        { id: 'Bob', name: 'Bob', capacity: 'unlimited' },
      ],
      tasks: [
        { id: '1', name: 'Plan', source_id: '1', duration: 5, needs: [{ agent: 'Ann', units: 1 }, { agent: 'Bob', units: 0.5 }] },
        { id: '2', name: 'Build', source_id: '2', duration: 10, agent: 'Bob', after: ['1'] },
        { id: '3', name: 'Check', source_id: '3', duration: 0.5, agent: 'Ann', after: ['1', { task: '2', type: 'SS', lag: 2 }] },
        { id: '4', name: 'Done', source_id: '4', after: ['2', '3'], milestone: true },
      ],
    });
    expect(Object.fromEntries(plan.sourceDates)).toEqual({
      '1': { start: '2027-01-04', finish: '2027-01-08' },
      '2': { start: '2027-01-11', finish: '2027-01-22' },
      '3': { start: '2027-01-11T08:00', finish: '2027-01-11T12:00' },
      '4': { start: '2027-01-22', finish: '2027-01-22' },
    });
    expect(plan.warnings).toEqual([{ location: 'line 1', message: 'column "% Complete" is not used: ignored' }]);
  });

  it('readCsvPlan numbers rows when there is no id column, reads ; as delimiter, and converts hours with # hours_per_day', () => {
    const plan = readCsvPlan('# hours_per_day: 6\nname;duration;after\nA;3h;\nB;1w;1 FS+3h\n', 'semi.csv');
    expect(plan.scenario.tasks).toEqual([
      { id: '1', name: 'A', source_id: '1', duration: 0.5 },
      { id: '2', name: 'B', source_id: '2', duration: 5, after: [{ task: '1', type: 'FS', lag: 0.5 }] },
    ]);
    expect(plan.scenario.start).toBeUndefined();
  });
});

describe('readCsvPlan on malformed input', () => {
  const header = 'id,name,duration,predecessors\n';
  const cases: [string, string, string, number, string][] = [
    ['an unknown column', 'id,name,duration,colour\nA,a,1,red\n', 'E_SCHEMA', 1, 'unknown column "colour": expected one of id, name, duration'],
    ['a missing name column', 'id,duration\nA,1\n', 'E_SCHEMA', 1, 'missing column name'],
    ['a missing duration column', 'id,name\nA,a\n', 'E_SCHEMA', 1, 'missing column duration'],
    ['two columns for one field', 'id,name,Task Name,duration\nA,a,b,1\n', 'E_SCHEMA', 1, 'columns "name" and "Task Name" both give name'],
    ['part of the three points', 'id,name,optimistic,most_likely\nA,a,1,2\n', 'E_SCHEMA', 1, 'missing pessimistic'],
    ['a bad duration', `${header}A,a,1,\nB,b,five,A\n`, 'E_PARSE', 3, 'duration "five": expected a duration such as 5, 5d, 4h or 2w'],
    ['an empty duration', `${header}A,a,,\n`, 'E_SCHEMA', 2, 'empty duration'],
    ['a bad date', 'id,name,duration,deadline\nA,a,1,2027-13-01\n', 'E_PARSE', 2, 'deadline "2027-13-01": expected a date'],
    ['three points out of order', 'id,name,optimistic,most_likely,pessimistic\nA,a,3,2,5\n', 'E_SCHEMA', 2, 'expected optimistic <= most_likely <= pessimistic'],
    ['a link to a missing task', `${header}A,a,1,\nB,b,1,A;Z SS\n`, 'E_REFERENCE', 3, 'predecessor "Z SS": no task has id "Z"'],
    ['a percentage lag', `${header}A,a,1,\nB,b,1,A FS+50%\n`, 'E_SCHEMA', 3, 'percentage lags are not supported'],
    ['a duplicate id', `${header}A,a,1,\nB,b,1,\nA,c,1,\n`, 'E_SCHEMA', 4, 'duplicate id "A": already used on line 2'],
    ['a row with too many fields', `${header}A,a,1,\nB,b,1,A,extra\n`, 'E_PARSE', 3, 'not readable as CSV'],
    ['a file cut inside a quoted field', `${header}A,a,1,\nB,b,1,"A;`, 'E_PARSE', 3, 'not readable as CSV'],
    ['a bad milestone flag', 'id,name,duration,milestone\nA,a,0,maybe\n', 'E_PARSE', 2, 'milestone "maybe": expected yes or no'],
    ['a bad start directive', '# start: 4 Jan\nid,name,duration\nA,a,1\n', 'E_PARSE', 1, '# start: expected a date YYYY-MM-DD'],
    ['a header only', header, 'E_SCHEMA', 1, 'no task rows after the header'],
  ];
  for (const [what, text, code, line, message] of cases) {
    it(`readCsvPlan refuses ${what} with its line`, () => {
      const err = errorOf(() => readCsvPlan(text, 'bad.csv'));
      expect([err.code, err.context.file, err.context.line]).toEqual([code, 'bad.csv', line]);
      expect(err.message).toContain(message);
    });
  }

  it('readCsvPlan refuses a cycle, naming its tasks', () => {
    const err = errorOf(() => readCsvPlan(`${header}A,a,1,C\nB,b,1,A\nC,c,1,B SS\n`, 'c.csv'));
    expect(err.code).toBe('E_CYCLE');
    expect(err.message).toMatch(/the predecessors form a cycle: (A -> B -> C -> A|B -> C -> A -> B|C -> A -> B -> C)$/);
    expect(err.context.line).toBeGreaterThanOrEqual(2);
  });

  it('readCsvPlan keeps ids safe: sanitised, de-duplicated, never an Object built-in name', () => {
    const plan = readCsvPlan(`${header}a b,x,1,\na-b,y,1,a b\nconstructor,z,1,\n`, 'ids.csv');
    expect((plan.scenario.tasks as { id: string; source_id: string }[]).map((t) => [t.id, t.source_id])).toEqual([['a-b', 'a b'], ['a-b-2', 'a-b'], ['constructor-2', 'constructor']]);
    expect((plan.scenario.tasks as { after?: unknown }[])[1].after).toEqual(['a-b']);
  });
});
