import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readGan } from '../../src/import/gan/readGan.js';
import { CoordsimError } from '../../src/scenario/CoordsimError.js';

const FIXTURE = new URL('./fixtures/small-house.gan', import.meta.url);
const fixture = readFileSync(FIXTURE, 'utf8');
/** GanttProject's own sample (fetched from its repository, never committed). */
const SAMPLE = process.env.COORDSIM_GAN_SAMPLE ?? '/work/data/ganttproject/HouseBuildingSample.gan';

function errorOf(fn: () => unknown): CoordsimError {
  try {
    fn();
  } catch (err) {
    if (err instanceof CoordsimError) return err;
    throw new Error(`expected a CoordsimError, got ${String(err)}`);
  }
  throw new Error('expected a CoordsimError, nothing was thrown');
}

/** A minimal project around some task elements. */
function project(tasks: string, extra = ''): string {
  return `<?xml version="1.0"?>\n<project name="p">\n<calendars><day-types><default-week sun="1" mon="0" tue="0" wed="0" thu="0" fri="0" sat="1"/></day-types></calendars>\n<tasks>\n${tasks}\n</tasks>\n${extra}</project>\n`;
}

describe('readGan(small-house.gan)', () => {
  const plan = readGan(fixture, 'small-house.gan');

  it('readGan gives the whole scenario: leaf tasks, wbs paths, summary links carried to subtasks, calendar, agents', () => {
    expect(plan.format).toBe('gan');
    expect(plan.scenario).toEqual({
      name: 'Small house',
      time_unit: 'day',
      start: '2027-01-04',
      calendar: 'Five-days',
      calendars: {
        'Five-days': {
          name: 'Five days',
          days: ['mon', 'tue', 'wed', 'thu', 'fri'],
          holidays: ['2027-01-01', '2027-01-06', '2028-01-01'],
          exceptions: [{ from: '2027-01-09', to: '2027-01-09' }],
        },
      },
      agents: [
        { id: 'Ann', name: 'Ann', source_id: '0', capacity: 'unlimited' },
        { id: 'Bob', name: 'Bob', source_id: '1', capacity: 'unlimited' },
        { id: 'Cy', name: 'Cy', source_id: '2', capacity: 'unlimited' },
      ],
      tasks: [
        { id: '2', name: 'Survey', source_id: '2', wbs: 'Design & specs', duration: 3, agent: 'Ann' },
        {
          id: '3', name: 'Draft', source_id: '3', wbs: 'Design & specs', duration: 2,
          needs: [{ agent: 'Ann', units: 1 }, { agent: 'Bob', units: 0.5 }],
          after: ['2'],
        },
        {
          id: '6', name: 'Walls', source_id: '6', wbs: 'Build / Frame', duration: 2, agents: ['Bob', 'Cy'],
          after: ['2', { task: '3', type: 'SS', lag: 1 }],
        },
        { id: '7', name: 'Frame done', source_id: '7', wbs: 'Build / Frame', after: ['2', '6'], milestone: true },
        { id: '8', name: 'Paint', source_id: '8', wbs: 'Build', duration: 3, agent: 'Cy', after: [{ task: '6', type: 'FF', lag: 2 }] },
        { id: '9', name: 'Order parts', source_id: '9', duration: 1, not_before: '2027-01-12' },
        { id: '10', name: 'Handover', source_id: '10', after: ['6', '7', '8'], milestone: true },
        { id: '11', name: 'Permit', source_id: '11', duration: 1, after: ['2'], not_before: '2027-01-13' },
        { id: '12', name: 'Review', source_id: '12', duration: 1, after: ['2'], not_before: '2027-01-08' },
      ],
    });
  });

  it('readGan counts each duration in working days of the calendar (holiday 01-06 skipped, Saturday 01-09 worked)', () => {
    expect(Object.fromEntries(plan.sourceDates)).toEqual({
      '2': { start: '2027-01-04', finish: '2027-01-07' },
      '3': { start: '2027-01-08', finish: '2027-01-09' },
      '6': { start: '2027-01-09', finish: '2027-01-11' },
      '7': { start: '2027-01-12', finish: '2027-01-12' },
      '8': { start: '2027-01-11', finish: '2027-01-13' },
      '9': { start: '2027-01-12', finish: '2027-01-12' },
      '10': { start: '2027-01-14', finish: '2027-01-14' },
      '11': { start: '2027-01-13', finish: '2027-01-13' },
      '12': { start: '2027-01-08', finish: '2027-01-08' },
    });
  });

  it('readGan warns, located, about what it does not carry over', () => {
    expect(plan.warnings).toEqual([
      { location: 'line 61', message: 'vacation 2027-01-11 to 2027-01-12 of resource 1: not imported (GanttProject does not move tasks for it)' },
      { location: 'line 21, task 2', message: '100% complete: not imported as progress (GanttProject stores no status date); the task is planned in full' },
      { location: 'line 27, task 3', message: 'Bob allocated at 50%: imported as units 0.5 (GanttProject keeps the duration whatever the load)' },
      { location: 'line 5', message: 'yearly recurring calendar events written out for the years 2027 to 2028' },
    ]);
  });
});

describe('readGan on malformed input', () => {
  const task = (id: number, extra = '', body = '') => `<task id="${id}" name="T${id}" start="2027-01-04" duration="2" ${extra}>${body}</task>`;

  it('readGan refuses a truncated file with the line where the XML breaks', () => {
    const cut = fixture.slice(0, fixture.indexOf('<task id="9"'));
    const err = errorOf(() => readGan(cut, 'cut.gan'));
    expect(err.code).toBe('E_PARSE');
    expect(err.context.file).toBe('cut.gan');
    expect(err.context.line).toBe(cut.split('\n').length);
    expect(err.message).toContain('not well-formed XML: the file ends with <project>, <tasks> still open (truncated?)');
    const midTag = errorOf(() => readGan(fixture.slice(0, fixture.indexOf('<task id="9"') + 10), 'cut.gan'));
    expect([midTag.code, midTag.context.line]).toEqual(['E_PARSE', 42]);
  });

  it('readGan refuses a project without <tasks>', () => {
    const err = errorOf(() => readGan('<?xml version="1.0"?>\n<project name="x">\n<resources/>\n</project>', 'no-tasks.gan'));
    expect([err.code, err.context.line]).toEqual(['E_SCHEMA', 2]);
    expect(err.message).toContain('<project> has no <tasks> section');
  });

  it('readGan refuses XML that is not GanttProject (an MSPDI file)', () => {
    const err = errorOf(() => readGan('<?xml version="1.0"?>\n<Project xmlns="http://schemas.microsoft.com/project"><Tasks/></Project>', 'plan.xml'));
    expect([err.code, err.context.line]).toEqual(['E_SCHEMA', 2]);
    expect(err.message).toContain('the root element is <Project>, expected <project>');
  });

  it('readGan refuses bad numbers and dates, naming the attribute and the value', () => {
    const cases: [string, string, RegExp][] = [
      [project(task(1).replace('duration="2"', 'duration="2.5"')), 'E_SCHEMA', /<task id="1"> attribute duration: expected a non-negative whole number, found "2\.5"/],
      [project(task(1).replace('duration="2"', '')), 'E_SCHEMA', /attribute duration missing/],
      [project(task(1).replace('2027-01-04', '2027-02-30')), 'E_SCHEMA', /attribute start: expected a date YYYY-MM-DD, found "2027-02-30"/],
      [project(task(1, '', '<depend id="2" type="7"/>') + task(2)), 'E_SCHEMA', /attribute type: expected 1 \(SS\), 2 \(FS\), 3 \(FF\) or 4 \(SF\), found "7"/],
      [project(task(1, '', '<depend id="2" type="2" difference="x"/>') + task(2)), 'E_SCHEMA', /attribute difference: expected a whole number of days, found "x"/],
      [project(task(1).replace('id="1"', 'id="one"')), 'E_SCHEMA', /<task> attribute id: expected a task number, found "one"/],
      [project(task(1), '<resources><resource id="0" name="A"/></resources>\n<allocations><allocation task-id="1" resource-id="0" load="lots"/></allocations>\n'), 'E_SCHEMA', /attribute load: expected a percentage, found "lots"/],
    ];
    for (const [xml, code, message] of cases) {
      const err = errorOf(() => readGan(xml, 'bad.gan'));
      expect(err.code).toBe(code);
      expect(err.message).toMatch(message);
      expect(err.context.line).toBeGreaterThanOrEqual(5);
    }
  });

  it('readGan refuses a link or an allocation to a missing task or resource', () => {
    const link = errorOf(() => readGan(project(task(1, '', '\n<depend id="7" type="2"/>')), 'ref.gan'));
    expect([link.code, link.context.line]).toEqual(['E_REFERENCE', 6]);
    expect(link.message).toBe('ref.gan:6: task 1 "T1": <depend id="7">: no task has id 7');
    const alloc = errorOf(() => readGan(project(task(1), '<resources/>\n<allocations>\n<allocation task-id="1" resource-id="4" load="100"/></allocations>\n'), 'ref.gan'));
    expect([alloc.code, alloc.context.line]).toEqual(['E_REFERENCE', 9]);
    expect(alloc.message).toContain('no resource has id 4');
  });

  it('readGan refuses a cycle, naming its tasks, including one through a summary task', () => {
    const direct = errorOf(() => readGan(project([task(1, '', '<depend id="2"/>'), task(2, '', '<depend id="3"/>'), task(3, '', '<depend id="1"/>')].join('\n')), 'cycle.gan'));
    expect(direct.code).toBe('E_CYCLE');
    expect(direct.message).toContain('the task links form a cycle: ');
    expect(direct.message).toMatch(/1 "T1" -> 2 "T2" -> 3 "T3" -> 1 "T1"|2 "T2" -> 3 "T3" -> 1 "T1" -> 2 "T2"|3 "T3" -> 1 "T1" -> 2 "T2" -> 3 "T3"/);
    const viaSummary = errorOf(() => readGan(project(`<task id="1" name="S">\n<depend id="3"/>\n${task(2)}\n</task>\n${task(3, '', '<depend id="2"/>')}`), 'cycle.gan'));
    expect(viaSummary.code).toBe('E_CYCLE');
    expect(viaSummary.message).toMatch(/cycle: (2 "T2" -> 3 "T3" -> 2 "T2"|3 "T3" -> 2 "T2" -> 3 "T3")$/);
  });

  it('readGan refuses duplicate task ids with both lines', () => {
    const err = errorOf(() => readGan(project(`${task(1)}\n${task(1)}`), 'dup.gan'));
    expect([err.code, err.context.line]).toEqual(['E_SCHEMA', 6]);
    expect(err.message).toContain('duplicate task id 1: already used by "T1" on line 5');
  });

  it('readGan refuses a document type declaration (no entity is ever expanded)', () => {
    const bomb = '<?xml version="1.0"?>\n<!DOCTYPE project [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<project name="&b;"><tasks/></project>';
    const err = errorOf(() => readGan(bomb, 'bomb.gan'));
    expect([err.code, err.context.line]).toEqual(['E_PARSE', 2]);
  });

  it('readGan refuses absurdly deep nesting instead of overflowing the stack', () => {
    const deep = '<project><tasks>' + '<task id="1" start="2027-01-04" duration="1">'.repeat(5000) + '</task>'.repeat(5000) + '</tasks></project>';
    const err = errorOf(() => readGan(deep, 'deep.gan'));
    expect(err.code).toBe('E_PARSE');
  });
});

describe('readGan details', () => {
  it('readGan decodes entities and character references in names', () => {
    const plan = readGan(project('<task id="1" name="R&amp;D &#233;t&#xE9; &lt;1&gt;" start="2027-01-04" duration="1"/>'), 'e.gan');
    expect((plan.scenario.tasks as { name: string }[])[0].name).toBe('R&D été <1>');
  });

  it('readGan binds every subtask for a summary start link, and warns that this is stricter', () => {
    const xml = project(`<task id="1" name="S" start="2027-01-04" duration="2">\n<depend id="9" type="1" difference="0"/>\n<task id="2" name="A" start="2027-01-04" duration="1"><depend id="3"/></task>\n<task id="3" name="B" start="2027-01-05" duration="1"/>\n</task>\n<task id="9" name="C" start="2027-01-04" duration="1"/>`);
    const plan = readGan(xml, 's.gan');
    const tasks = plan.scenario.tasks as { id: string; after?: unknown[] }[];
    expect(tasks.find((t) => t.id === '9')?.after).toEqual([{ task: '2', type: 'SS' }, { task: '3', type: 'SS' }]);
    expect(plan.warnings).toEqual([{ location: 'line 6, task 1', message: "SS link from task 1 to task 9 binds a summary task's start: imported as a link of every task under it, stricter than GanttProject" }]);
  });

  it('readGan refuses a link between a summary task and a task under it', () => {
    const err = errorOf(() => readGan(project(`<task id="1" name="S">\n<depend id="2"/>\n${'<task id="2" name="A" start="2027-01-04" duration="1"/>'}\n</task>`), 'sub.gan'));
    expect([err.code, err.context.line]).toEqual(['E_SCHEMA', 6]);
  });

  it('readGan keeps agent ids safe from Object built-in names', () => {
    const plan = readGan(project('<task id="1" name="A" start="2027-01-04" duration="1"/>', '<resources><resource id="0" name="__proto__"/><resource id="1" name="constructor"/></resources>\n'), 'p.gan');
    expect((plan.scenario.agents as { id: string }[]).map((a) => a.id)).toEqual(['__proto__-2', 'constructor-2']);
  });

  it('readGan treats every day as working when the file has no <calendars>', () => {
    const plan = readGan('<project name="x"><tasks><task id="1" name="A" start="2027-01-09" duration="3"/></tasks></project>', 'nocal.gan');
    expect(plan.sourceDates.get('1')).toEqual({ start: '2027-01-09', finish: '2027-01-11' });
    expect((plan.scenario.calendars as Record<string, { days: string[] }>).default.days).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
  });
});

describe.skipIf(!existsSync(SAMPLE))("readGan on GanttProject's HouseBuildingSample.gan", () => {
  const text = existsSync(SAMPLE) ? readFileSync(SAMPLE, 'utf8') : '';
  const plan = existsSync(SAMPLE) ? readGan(text, SAMPLE) : undefined;
  const stored = new Map([...text.matchAll(/<task id="(\d+)"[^>]*? start="([\d-]+)"/g)].map((m) => [m[1], m[2]]));

  it('readGan imports the 16 leaf tasks and the 7 resources', () => {
    const tasks = plan?.scenario.tasks as { id: string }[];
    expect(tasks.map((t) => t.id)).toEqual(['9', '10', '17', '12', '13', '14', '1', '2', '4', '5', '16', '18', '6', '15', '20', '49']);
    expect((plan?.scenario.agents as unknown[]).length).toBe(7);
  });

  it("readGan's source start of every task is the start GanttProject stored", () => {
    for (const [id, dates] of plan?.sourceDates ?? []) expect([id, dates.start]).toEqual([id, stored.get(id)]);
  });

  it('every successor of plain links starts on the first working day after its predecessors (milestones: on their day)', () => {
    const tasks = plan?.scenario.tasks as { id: string; after?: (string | object)[]; milestone?: boolean }[];
    const byId = new Map(tasks.map((t) => [t.id, t]));
    const nextWeekday = (iso: string): string => {
      const d = new Date(`${iso}T00:00:00Z`);
      do d.setUTCDate(d.getUTCDate() + 1);
      while (d.getUTCDay() === 0 || d.getUTCDay() === 6);
      return d.toISOString().slice(0, 10);
    };
    let checked = 0;
    for (const t of tasks) {
      if (!t.after || t.after.some((a) => typeof a !== 'string') || t.id === '9') continue; // 9: only a rubber link
      const bound = (t.after as string[])
        .map((p) => (byId.get(p)?.milestone ? (plan?.sourceDates.get(p)?.finish as string) : nextWeekday(plan?.sourceDates.get(p)?.finish as string)))
        .sort()
        .pop();
      expect([t.id, plan?.sourceDates.get(t.id)?.start]).toEqual([t.id, bound]);
      checked++;
    }
    expect(checked).toBe(14);
  });
});
