import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseLocalDateTime } from '../../src/import/_internals/civilDates.js';
import { parseP6CalendarData } from '../../src/import/xer/parseP6CalendarData.js';
import { readXer } from '../../src/import/xer/index.js';
import { readPlan } from '../../src/import/readPlan.js';
import { checkPlanDates } from '../../src/import/checkPlanDates.js';
import { depotDates, depotXerScenario } from './depotExpected.js';
import { expectCoordsimError } from './expectCoordsimError.js';
import { mpxjAvailable, mpxjFiles, mpxjPaths } from './mpxjSamples.js';

const depot = readFileSync(new URL('./fixtures/depot.xer', import.meta.url), 'utf8');

/** A small XER text from tables of [fields, ...rows]. */
function xer(tables: Record<string, string[][]>, end = true): string {
  const lines = ['ERMHDR\t19.12\t2027-01-04\tProject\tadmin'];
  for (const [name, [fields, ...rows]] of Object.entries(tables)) {
    lines.push(`%T\t${name}`, `%F\t${fields.join('\t')}`);
    for (const r of rows) lines.push(`%R\t${r.join('\t')}`);
  }
  if (end) lines.push('%E');
  return lines.join('\n') + '\n';
}
const PROJECT = [['proj_id', 'proj_short_name', 'plan_start_date'], ['1', 'P1', '2027-01-04 08:00']];
const TASK_FIELDS = ['task_id', 'proj_id', 'task_code', 'task_name', 'task_type', 'status_code', 'target_drtn_hr_cnt', 'remain_drtn_hr_cnt'];
const task = (id: string, code: string, hours = '8', proj = '1'): string[] => [id, proj, code, `Task ${code}`, 'TT_Task', 'TK_NotStart', hours, hours];
const PRED_FIELDS = ['task_pred_id', 'task_id', 'pred_task_id', 'pred_type', 'lag_hr_cnt'];

describe('readXer on the Depot Upgrade fixture', () => {
  const plan = readXer(depot, 'depot.xer');

  test('readXer(depot.xer) gives the whole hand-written scenario', () => {
    expect(plan.format).toBe('xer');
    expect(plan.scenario).toEqual(depotXerScenario);
  });

  test('readXer(depot.xer) keeps the early dates P6 stored (actual dates for started work)', () => {
    expect([...plan.sourceDates.keys()]).toEqual(['A1000', 'A1010', 'A1020', 'DLV-1', 'A1040', 'A1050', 'A1060']);
    expect([...plan.sourceDates.values()]).toEqual(depotDates);
  });

  test('readXer(depot.xer) warns about what it approximates, row by row', () => {
    expect(plan.warnings).toEqual([
      { location: 'TASKRSRC row 4 (4004)', message: 'resource ENG works at 50% on A1020: written as units' },
      { location: 'TASKRSRC', message: 'material resources left out (they are quantities, not workers) on DLV 1' },
      { location: 'TASKRSRC', message: 'task-dependent activities whose resources have other calendars: P6 schedules them on the activity calendar (A1000, A1010)' },
    ]);
  });

  test('readXer reads Unix line endings like Windows ones', () => {
    const unix = readXer(depot.replace(/\r\n/g, '\n'), 'depot.xer');
    expect(unix.scenario).toEqual(plan.scenario);
  });
});

describe('readXer mapping details', () => {
  test('readXer reads the first of several projects and ignores the links of the others', () => {
    const text = xer({
      PROJECT: [['proj_id', 'proj_short_name', 'plan_start_date'], ['1', 'ONE', '2027-01-04 00:00'], ['2', 'TWO', '2027-01-04 00:00']],
      TASK: [TASK_FIELDS, task('10', 'A'), task('20', 'B', '8', '2'), task('21', 'C', '8', '2')],
      TASKPRED: [[...PRED_FIELDS, 'pred_proj_id'], ['1', '21', '20', 'PR_FS', '0', '2'], ['2', '10', '20', 'PR_FS', '0', '2']],
    });
    const plan = readXer(text, 'two.xer');
    expect((plan.scenario.tasks as unknown[]).length).toBe(1);
    expect(plan.scenario.tasks).toEqual([{ id: 'A', name: 'Task A', source_id: 'A', duration: 1 }]);
    expect(plan.warnings.map((w) => w.message)).toEqual([
      'the file holds 2 projects; only the first, ONE, is read (not TWO)',
      'no project calendar and no default calendar: every day is a working day',
      'link from an activity of another project dropped (pred_task_id 20)',
    ]);
  });

  test('readXer maps constraints, level of effort and WBS summaries with warnings', () => {
    const fields = [...TASK_FIELDS, 'cstr_type', 'cstr_date', 'cstr_type2', 'cstr_date2'];
    const text = xer({
      PROJECT,
      TASK: [
        fields,
        [...task('1', 'MS'), 'CS_MANDSTART', '2027-01-05 10:00', '', ''],
        [...task('2', 'AL'), 'CS_ALAP', '', 'CS_MEOB', '2027-01-08 00:00'],
        [...task('3', 'FA'), 'CS_MEOA', '2027-01-08 17:00', '', ''],
        ['4', '1', 'LOE', 'Supervision', 'TT_LOE', 'TK_NotStart', '40', '40', '', '', '', ''],
        ['5', '1', 'SUM', 'Summary', 'TT_WBS', 'TK_NotStart', '40', '40', '', '', '', ''],
      ],
      TASKPRED: [PRED_FIELDS, ['1', '4', '5', 'PR_SS', '0']],
    });
    const plan = readXer(text, 'c.xer');
    const tasks = plan.scenario.tasks as Record<string, unknown>[];
    expect(tasks.map((t) => [t.id, t.not_before, t.deadline])).toEqual([
      ['MS', '2027-01-05T10:00', undefined],
      ['AL', undefined, '2027-01-07'], // midnight ends the day before
      ['FA', '2027-01-08T09:00', undefined], // finish on or after Fri 17:00: 8 hours before, on a calendar that always works
      ['LOE', undefined, undefined],
    ]);
    expect(plan.warnings.map((w) => `${w.location}: ${w.message}`)).toEqual([
      'PROJECT row 1 (P1): no project calendar and no default calendar: every day is a working day',
      'TASK row 1 (MS): mandatory start constraint written as start-no-earlier-than (not_before)',
      'TASK row 2 (AL): as-late-as-possible constraint ignored: the task is scheduled as soon as possible',
      'TASK row 3 (FA): finish-on-or-after constraint written as start-no-earlier-than its planned duration before the date (not_before): approximate, a sampled duration shorter than planned finishes before the date',
      "TASK row 4 (LOE): level-of-effort activity imported as a task of its planned duration with no resource (it does not stretch over its predecessors' dates)",
      "TASK row 5 (SUM): WBS summary activity left out: its WBS is the tasks' `wbs` path",
      'TASKPRED row 1 (1): link from a WBS summary activity dropped',
    ]);
  });

  test('readXer keeps quoted values with tabs and doubled quotes, and sanitises activity ids', () => {
    const text = xer({ PROJECT, TASK: [TASK_FIELDS, ['1', '1', 'A 1/x', '"Tab\there, ""quoted"""', 'TT_Task', 'TK_NotStart', '8', '8'], ['2', '1', 'constructor', 'C', 'TT_Task', 'TK_NotStart', '8', '8']] });
    const tasks = readXer(text, 'q.xer').scenario.tasks as Record<string, unknown>[];
    expect(tasks.map((t) => [t.id, t.source_id, t.name])).toEqual([
      ['A-1-x', 'A 1/x', 'Tab\there, "quoted"'],
      ['constructor-2', 'constructor', 'C'],
    ]);
  });

  test('readXer counts lags on other calendars with a warning naming the P6 option', () => {
    const text = xer({
      PROJECT,
      SCHEDOPTIONS: [['proj_id', 'sched_calendar_on_relationship_lag'], ['1', 'rcal_24Hour']],
      TASK: [TASK_FIELDS, task('1', 'A'), task('2', 'B')],
      TASKPRED: [PRED_FIELDS, ['7', '2', '1', 'PR_FS', '12']],
    });
    const plan = readXer(text, 'lag.xer');
    expect((plan.scenario.tasks as Record<string, unknown>[])[1].after).toEqual([{ task: 'A', lag: 1.5 }]);
    expect(plan.warnings.at(-1)).toEqual({ location: 'TASKPRED row 1 (7)', message: 'lag of 12 h is counted by P6 on the 24-hour calendar (rcal_24Hour); here on the project calendar' });
  });
});

describe('readXer: three-point estimates in user-defined fields', () => {
  const UDFTYPE = [
    ['udf_type_id', 'table_name', 'udf_type_name', 'udf_type_label', 'logical_data_type'],
    ['900', 'TASK', 'user_field_900', 'Optimistic Duration (h)', 'FT_FLOAT_2_DECIMALS'],
    ['901', 'TASK', 'user_field_901', 'Most Likely Duration (h)', 'FT_FLOAT_2_DECIMALS'],
    ['902', 'TASK', 'user_field_902', 'Pessimistic Duration (h)', 'FT_FLOAT_2_DECIMALS'],
    ['903', 'TASK', 'user_field_903', 'Max Cost', 'FT_MONEY'],
    ['904', 'PROJWBS', 'user_field_904', 'Optimistic Duration (h)', 'FT_FLOAT_2_DECIMALS'],
  ];
  const values = (rows: string[][]) => [['udf_type_id', 'fk_id', 'proj_id', 'udf_date', 'udf_number', 'udf_text'], ...rows];
  const started = ['3', '1', 'C', 'Task C', 'TT_Task', 'TK_Active', '8', '4', '2027-01-04 08:00'];

  test('readXer turns Optimistic/Most Likely/Pessimistic fields (hours) into {pert} in days, in order only, for activities not started', () => {
    const text = xer({
      PROJECT,
      TASK: [[...TASK_FIELDS, 'act_start_date'], [...task('1', 'A'), ''], [...task('2', 'B'), ''], started],
      UDFVALUE: values([
        ['900', '1', '1', '', '6', ''], ['901', '1', '1', '', '8', ''], ['902', '1', '1', '', '16', ''], ['903', '1', '1', '', '5000', ''],
        ['900', '2', '1', '', '9', ''], ['901', '2', '1', '', '8', ''], ['902', '2', '1', '', '16', ''],
        ['900', '3', '1', '', '2', ''], ['901', '3', '1', '', '4', ''], ['902', '3', '1', '', '8', ''],
      ]),
      UDFTYPE,
    });
    const plan = readXer(text, 'udf.xer');
    const tasks = plan.scenario.tasks as Record<string, unknown>[];
    // 8-hour days: 6, 8, 16 hours are 0.75, 1 and 2 days; B's optimistic is above its most likely.
    expect(tasks.map((t) => [t.id, t.duration])).toEqual([
      ['A', { pert: [0.75, 1, 2] }],
      ['B', 1],
      ['C', 1],
    ]);
    expect(plan.plannedDurations).toEqual(new Map([['A', 1]]));
    const messages = plan.warnings.map((w) => w.message);
    expect(messages).toContain('three-point estimate 1.125, 1, 2 days is not in optimistic <= most likely <= pessimistic order: the planned duration is used');
    expect(messages).toContain('three-point estimates of 1 not-started activities taken from the user-defined fields "Optimistic Duration (h)", "Most Likely Duration (h)", "Pessimistic Duration (h)" as {pert: [optimistic, most likely, pessimistic]} (started activities keep their remaining duration)');
  });

  test('checkPlanDates runs an imported three-point plan with the durations P6 scheduled with', () => {
    const text = xer({ PROJECT, TASK: [TASK_FIELDS, task('1', 'A', '16')], UDFVALUE: values([['900', '1', '1', '', '4', ''], ['901', '1', '1', '', '16', ''], ['902', '1', '1', '', '40', '']]), UDFTYPE });
    const plan = readXer(text, 'udf.xer');
    expect((plan.scenario.tasks as Record<string, unknown>[])[0].duration).toEqual({ pert: [0.5, 2, 5] });
    const { run } = checkPlanDates(plan);
    const a = run.metrics.tasks.A;
    expect(a.finish - a.start).toBe(2);
  });

  test('readXer uses no field when two could hold one point, or one point has no field', () => {
    const two = [...UDFTYPE, ['905', 'TASK', 'user_field_905', 'Best Case Duration', 'FT_FLOAT']];
    const plan = readXer(xer({ PROJECT, TASK: [TASK_FIELDS, task('1', 'A')], UDFVALUE: values([['900', '1', '1', '', '6', ''], ['901', '1', '1', '', '8', ''], ['902', '1', '1', '', '16', '']]), UDFTYPE: two }), 'udf.xer');
    expect((plan.scenario.tasks as Record<string, unknown>[])[0].duration).toBe(1);
    expect(plan.warnings.map((w) => w.message)).toContain('several user-defined fields could hold the optimistic duration ("Optimistic Duration (h)", "Best Case Duration"): no three-point estimate is used');
    const one = readXer(xer({ PROJECT, TASK: [TASK_FIELDS, task('1', 'A')], UDFTYPE: UDFTYPE.slice(0, 2) }), 'udf.xer');
    expect(one.warnings.map((w) => w.message)).toContain('user-defined fields "Optimistic Duration (h)" look like a three-point estimate but no field holds the most likely or pessimistic duration: not used');
  });
});

describe('readXer on malformed files', () => {
  test('readXer refuses a file without the ERMHDR header', () => {
    expectCoordsimError(() => readXer('%T\tTASK\n', 'x.xer'), 'E_PARSE', { file: 'x.xer', line: 1 }, 'expected the ERMHDR header line');
  });

  test('readXer refuses a truncated file (no %E end record), naming the table it stops in', () => {
    const text = xer({ PROJECT, TASK: [TASK_FIELDS, task('1', 'A')] }, false);
    expectCoordsimError(() => readXer(text, 't.xer'), 'E_PARSE', { line: 7 }, 'table TASK is cut short', 'without the %E end record');
  });

  test('readXer refuses a %R row before the %F field list', () => {
    const text = 'ERMHDR\t19.12\n%T\tTASK\n%R\t1\t2\n%E\n';
    expectCoordsimError(() => readXer(text, 'r.xer'), 'E_PARSE', { line: 3 }, 'table TASK: %R row before the %F field list');
  });

  test('readXer refuses a row with more values than fields', () => {
    const text = xer({ PROJECT, TASK: [TASK_FIELDS, [...task('1', 'A'), 'extra']] });
    expectCoordsimError(() => readXer(text, 'v.xer'), 'E_PARSE', { line: 7 }, 'TASK row 1', '9 values for 8 fields');
  });

  test('readXer refuses a TASK field list without a required field', () => {
    const text = xer({ PROJECT, TASK: [['task_id', 'proj_id', 'task_name'], ['1', '1', 'A']] });
    expectCoordsimError(() => readXer(text, 'f.xer'), 'E_SCHEMA', { line: 6 }, 'TASK %F', 'the field list has no task_code');
  });

  test('readXer refuses a file without a TASK table', () => {
    expectCoordsimError(() => readXer(xer({ PROJECT }), 'n.xer'), 'E_SCHEMA', { file: 'n.xer' }, 'no TASK table');
  });

  test('readXer refuses a link to a missing task', () => {
    const text = xer({ PROJECT, TASK: [TASK_FIELDS, task('1', 'A')], TASKPRED: [PRED_FIELDS, ['5', '1', '99', 'PR_FS', '0']] });
    expectCoordsimError(() => readXer(text, 'm.xer'), 'E_REFERENCE', { line: 10 }, 'TASKPRED row 1 (5)', 'pred_task_id 99 (predecessor of A) is not in the TASK table');
  });

  test('readXer refuses a cycle and names its tasks in order', () => {
    const text = xer({
      PROJECT,
      TASK: [TASK_FIELDS, task('1', 'A'), task('2', 'B'), task('3', 'C')],
      TASKPRED: [PRED_FIELDS, ['1', '2', '1', 'PR_FS', '0'], ['2', '3', '2', 'PR_SS', '0'], ['3', '1', '3', 'PR_FF', '0']],
    });
    expectCoordsimError(() => readXer(text, 'c.xer'), 'E_CYCLE', { file: 'c.xer' }, 'the links form a loop: A -> B -> C -> A');
  });

  test('readXer refuses duplicate task_id and duplicate activity IDs', () => {
    const dupId = xer({ PROJECT, TASK: [TASK_FIELDS, task('1', 'A'), task('1', 'B')] });
    expectCoordsimError(() => readXer(dupId, 'd.xer'), 'E_SCHEMA', { line: 8 }, 'TASK row 2 (B)', 'duplicate task_id 1');
    const dupCode = xer({ PROJECT, TASK: [TASK_FIELDS, task('1', 'A'), task('2', 'A')] });
    expectCoordsimError(() => readXer(dupCode, 'd.xer'), 'E_SCHEMA', { line: 8 }, 'duplicate activity id "A" (also at TASK row 1 (A))');
  });

  test('readXer refuses a non-numeric duration, naming the field and value', () => {
    const text = xer({ PROJECT, TASK: [TASK_FIELDS, task('1', 'A', 'eight')] });
    expectCoordsimError(() => readXer(text, 'n.xer'), 'E_SCHEMA', { line: 7 }, 'TASK row 1 (A)', 'target_drtn_hr_cnt must be a number, found "eight"');
  });

  test('readXer refuses an unknown link type and a bad date', () => {
    const badType = xer({ PROJECT, TASK: [TASK_FIELDS, task('1', 'A'), task('2', 'B')], TASKPRED: [PRED_FIELDS, ['1', '2', '1', 'PR_XX', '0']] });
    expectCoordsimError(() => readXer(badType, 'l.xer'), 'E_SCHEMA', { line: 11 }, 'pred_type must be PR_FS, PR_SS, PR_FF or PR_SF, found "PR_XX"');
    const badDate = xer({ PROJECT: [['proj_id', 'proj_short_name', 'plan_start_date'], ['1', 'P1', '2027-02-30 08:00']], TASK: [TASK_FIELDS, task('1', 'A')] });
    expectCoordsimError(() => readXer(badDate, 'd.xer'), 'E_SCHEMA', { line: 4 }, 'plan_start_date must be a date YYYY-MM-DD HH:MM, found "2027-02-30 08:00"');
  });
});

describe('parseP6CalendarData', () => {
  test('parseP6CalendarData reads days Sunday-first, midnight ends and 12-hour times', () => {
    const d = parseP6CalendarData('(0||CalendarData()((0||DaysOfWeek()((0||1()())(0||2()((0||0(s|22:00|f|00:00)())))(0||3()((0||0(s|8:00 AM|f|4:30 PM)())))))(0||Exceptions()((0||0(d|1)())(0||1(d|46417)((0||0(s|09:00|f|13:00)())))))))');
    expect(d.problems).toEqual([]);
    expect(d.week).toEqual([[], [{ start: 1320, end: 1440 }], [{ start: 480, end: 990 }], [], [], [], []]);
    // Day 1 is 1899-12-31; day 46417 is 2027-01-30.
    const day = (iso: string): number => (parseLocalDateTime(iso) as { day: number }).day;
    expect([...d.exceptions]).toEqual([
      [day('1899-12-31'), []],
      [day('2027-01-30'), [{ start: 540, end: 780 }]],
    ]);
  });

  test('parseP6CalendarData keeps what it read before broken data and says where it broke', () => {
    const d = parseP6CalendarData('(0||CalendarData()((0||DaysOfWeek()((0||2()((0||0(s|08:00|f|16:00)())))');
    expect(d.week?.[1]).toEqual([{ start: 480, end: 960 }]);
    expect(d.problems).toEqual(["at character 72: expected record DaysOfWeek: child list end ')', found the end"]);
  });
});

test('readXer reads a generated 4,000-activity XER whole (its speed is measured by a benchmark, not here)', () => {
  const n = 4000;
  const tasks: string[][] = [TASK_FIELDS];
  const preds: string[][] = [PRED_FIELDS];
  const assigns: string[][] = [['taskrsrc_id', 'task_id', 'rsrc_id', 'target_qty_per_hr']];
  for (let i = 1; i <= n; i++) {
    tasks.push(task(String(i), `A${i}`, String(8 + (i % 5) * 8)));
    if (i > 1) preds.push([String(i), String(i), String(i - 1), 'PR_FS', '0']);
    if (i > 10) preds.push([String(n + i), String(i), String(i - 10), 'PR_SS', '4']);
    assigns.push([String(i), String(i), String(1 + (i % 20)), '1']);
  }
  const rsrc: string[][] = [['rsrc_id', 'rsrc_name', 'rsrc_short_name']];
  for (let r = 1; r <= 20; r++) rsrc.push([String(r), `Resource ${r}`, `R${r}`]);
  const cal = '(0||CalendarData()((0||DaysOfWeek()((0||1()())(0||2()((0||0(s|08:00|f|16:00)())))(0||3()((0||0(s|08:00|f|16:00)())))(0||4()((0||0(s|08:00|f|16:00)())))(0||5()((0||0(s|08:00|f|16:00)())))(0||6()((0||0(s|08:00|f|16:00)())))(0||7()())))(0||Exceptions()())))';
  const text = xer({
    PROJECT: [['proj_id', 'proj_short_name', 'plan_start_date', 'clndr_id'], ['1', 'BIG', '2027-01-04 08:00', '1']],
    CALENDAR: [['clndr_id', 'clndr_name', 'day_hr_cnt', 'clndr_data'], ['1', 'Std', '8', cal]],
    RSRC: rsrc,
    TASK: tasks,
    TASKPRED: preds,
    TASKRSRC: assigns,
  });
  const plan = readXer(text, 'big.xer');
  expect((plan.scenario.tasks as unknown[]).length).toBe(n);
  expect((plan.scenario.tasks as Record<string, unknown[]>[]).reduce((s, t) => s + (t.after?.length ?? 0), 0)).toBe(n - 1 + n - 10);
});

describe.skipIf(!mpxjAvailable)('readXer on the MPXJ sample files (fetched copy, not committed)', () => {
  const paths = mpxjAvailable ? mpxjPaths('.xer') : [];
  const files = mpxjAvailable ? mpxjFiles(paths) : new Map<string, Buffer>();

  test('every sample XER reads, with its activity and link counts and parseable source dates', () => {
    expect(paths.length).toBeGreaterThanOrEqual(7);
    for (const [p, buf] of files) {
      const text = buf.toString('latin1'); // P6 writes Windows-1252
      const plan = readXer(text, p);
      // Counts straight from the text: TASK %R lines (none are WBS summaries here) and TASKPRED %R lines.
      const rows = (table: string): number => {
        const m = text.split(/\r?\n/);
        const start = m.findIndex((l) => l === `%T\t${table}`);
        if (start < 0) return 0;
        let k = 0;
        for (let i = start + 2; i < m.length && m[i].startsWith('%R'); i++) k++;
        return k;
      };
      const tasks = plan.scenario.tasks as Record<string, unknown[]>[];
      expect(tasks.length, p).toBe(rows('TASK'));
      expect(tasks.reduce((s, t) => s + (t.after?.length ?? 0), 0), p).toBe(rows('TASKPRED'));
      expect(Object.keys(plan.scenario.calendars as object).length, p).toBe(1);
      for (const [id, d] of plan.sourceDates) {
        expect(d.start && parseLocalDateTime(d.start), `${p} ${id} start`).toBeTruthy();
        expect(d.finish && parseLocalDateTime(d.finish), `${p} ${id} finish`).toBeTruthy();
      }
    }
  });

  test('the invalid-calendar sample warns about the broken calendar and keeps the good ones', () => {
    const p = 'junit/data/calendar/invalid/invalid-8.4.xer';
    const plan = readXer((files.get(p) as Buffer).toString('latin1'), p);
    expect(plan.warnings).toEqual([{ location: 'CALENDAR row 3 (Test - Invalid)', message: "clndr_data: at character 20: expected record CalendarData: child list end ')', found the end" }]);
    const cal = (plan.scenario.calendars as Record<string, Record<string, unknown>>)['Corporate-Standard-Full-Time'];
    expect(cal.hours).toEqual(['08:00-16:00']);
    expect((cal.holidays as unknown[]).length).toBe(24);
  });
});

test('readPlan reads an XER as UTF-8 when its bytes are UTF-8, else as Latin-1', () => {
  const utf8 = readFileSync(new URL('./fixtures/depot.xer', import.meta.url));
  const names = (p: ReturnType<typeof readPlan>) => (p.scenario.tasks as { name: string }[]).map((t) => t.name);
  expect(names(readPlan(utf8, 'depot.xer'))[4]).toBe('Install & wire — bay 1');
  const latin1 = Buffer.from(utf8.toString('utf8').replace('Install & wire — bay 1', 'Café'), 'latin1');
  expect(names(readPlan(latin1, 'depot.xer'))[4]).toBe('Café');
});
