import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseLocalDateTime } from '../../src/import/_internals/civilDates.js';
import { readMspdi } from '../../src/import/mspdi/index.js';
import { childrenNamed, child, parseXmlTree, textOf } from '../../src/import/mspdi/parseXmlTree.js';
import { readMspdiCalendars } from '../../src/import/mspdi/readMspdiCalendars.js';
import { depotDates, depotMspdiScenario } from './depotExpected.js';
import { expectCoordsimError } from './expectCoordsimError.js';
import { mpxjAvailable, mpxjFiles, mpxjPaths } from './mpxjSamples.js';

const depot = readFileSync(new URL('./fixtures/depot.xml', import.meta.url), 'utf8');

/** A small MSPDI document: project elements, then tasks. */
function mspdi(tasks: string, extra = ''): string {
  return `<?xml version="1.0"?>
<Project xmlns="http://schemas.microsoft.com/project">
<Name>P</Name><StartDate>2027-01-04T08:00:00</StartDate>${extra}
<Tasks>
${tasks}
</Tasks>
</Project>
`;
}
const task = (uid: number, inner = ''): string => `<Task><UID>${uid}</UID><Name>T${uid}</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration>${inner}</Task>`;
const link = (pred: number, type = 1, lag = 0, format = 7): string => `<PredecessorLink><PredecessorUID>${pred}</PredecessorUID><Type>${type}</Type><LinkLag>${lag}</LinkLag><LagFormat>${format}</LagFormat></PredecessorLink>`;

describe('readMspdi on the Depot Upgrade fixture', () => {
  const plan = readMspdi(depot, 'depot.xml');

  test('readMspdi(depot.xml) gives the whole hand-written scenario', () => {
    expect(plan.format).toBe('mspdi');
    expect(plan.scenario).toEqual(depotMspdiScenario);
  });

  test('readMspdi(depot.xml) keeps each task Start and Finish as source dates', () => {
    expect([...plan.sourceDates.keys()]).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect([...plan.sourceDates.values()]).toEqual(depotDates);
  });

  test('readMspdi(depot.xml) keeps the single Duration of the three-point task for the date check', () => {
    // Deliver parts: Duration1-3 32, 40, 64 hours and Duration 40 hours, the same as Duration2
    // (all in days of the calendar that counts them)
    const deliver = (plan.scenario.tasks as Array<{ id: string; duration: { pert: number[] } }>).find((t) => t.id === '4')!;
    expect(deliver.duration.pert[1]).toBeGreaterThan(deliver.duration.pert[0]);
    expect(plan.plannedDurations).toEqual(new Map([['4', deliver.duration.pert[1]]]));
  });

  test('readMspdi(depot.xml) warns about what it approximates', () => {
    expect(plan.warnings).toEqual([
      { location: '/Project/Tasks', message: 'three-point estimates taken from Duration1-3 (optimistic, expected, pessimistic) as {pert: [...]}' },
      { location: '/Project/Assignments/Assignment[4]', message: 'resource Engineer works at 50% on task 3: written as units' },
      { location: '/Project/Assignments', message: 'material and cost resources left out on 4 (material)' },
    ]);
  });
});

describe('readMspdi mapping details', () => {
  test('readMspdi applies a link to or from a summary task to its leaf tasks', () => {
    const text = mspdi(
      `${task(1)}<Task><UID>2</UID><Name>Phase</Name><OutlineLevel>1</OutlineLevel><Summary>1</Summary>${link(1)}</Task>
       <Task><UID>3</UID><Name>T3</Name><OutlineLevel>2</OutlineLevel><Duration>PT4H0M0S</Duration></Task>
       <Task><UID>4</UID><Name>T4</Name><OutlineLevel>2</OutlineLevel><Duration>PT4H0M0S</Duration></Task>
       <Task><UID>5</UID><Name>T5</Name><OutlineLevel>1</OutlineLevel><Duration>PT4H0M0S</Duration>${link(2, 3, 4800)}</Task>`,
    );
    const plan = readMspdi(text, 's.xml');
    const tasks = plan.scenario.tasks as Record<string, unknown>[];
    expect(tasks.map((t) => [t.id, t.wbs, t.after])).toEqual([
      ['1', undefined, undefined],
      ['3', 'Phase', ['1']],
      ['4', 'Phase', ['1']],
      ['5', undefined, [{ task: '3', type: 'SS', lag: 1 }, { task: '4', type: 'SS', lag: 1 }]],
    ]);
    expect(plan.warnings.map((w) => w.message)).toEqual([
      'no project calendar: every day is a working day',
      'link involving a summary task applied to its 2 leaf task pair(s)',
      'link involving a summary task applied to its 2 leaf task pair(s)',
    ]);
  });

  test('readMspdi converts elapsed lags at 24 h a day and drops percentage lags, with warnings', () => {
    const text = mspdi(`${task(1)}${task(2, link(1, 1, 14400 * 2, 8))}${task(3, link(1, 1, 500, 19))}`, '<MinutesPerDay>600</MinutesPerDay>');
    const plan = readMspdi(text, 'l.xml');
    const tasks = plan.scenario.tasks as Record<string, unknown>[];
    expect(tasks.map((t) => [t.duration, t.after])).toEqual([
      [0.8, undefined],
      [0.8, [{ task: '1', lag: 2 }]],
      [0.8, ['1']],
    ]);
    expect(plan.warnings.slice(1).map((w) => `${w.location}: ${w.message}`)).toEqual([
      '/Project/Tasks/Task[2]/PredecessorLink[1]: elapsed lag of 2 calendar days counted as working days',
      '/Project/Tasks/Task[3]/PredecessorLink[1]: percentage lag is not supported: the link is kept without lag',
    ]);
  });

  test('readMspdi maps constraint types 0-7 and Deadline, keeping the earlier finish limit', () => {
    const c = (type: number, date: string, more = ''): string => `<ConstraintType>${type}</ConstraintType><ConstraintDate>${date}</ConstraintDate>${more}`;
    const text = mspdi(
      [
        task(1, c(2, '2027-01-06T10:00:00')),
        task(2, c(7, '2027-01-20T17:00:00', '<Deadline>2027-01-15T12:00:00</Deadline>')),
        task(3, c(1, '2027-01-06T08:00:00')),
        task(4, c(6, '2027-01-06T08:00:00')),
        task(5, c(3, '2027-01-08T17:00:00')),
      ].join(''),
    );
    const plan = readMspdi(text, 'c.xml');
    expect((plan.scenario.tasks as Record<string, unknown>[]).map((t) => [t.not_before, t.deadline])).toEqual([
      ['2027-01-06T10:00', undefined],
      [undefined, '2027-01-15T12:00'],
      [undefined, undefined],
      ['2027-01-06', undefined], // finish no earlier than Wed 08:00: 8 hours before, Wed 00:00 (no calendar)
      [undefined, '2027-01-08T17:00'], // no calendar: the day works to midnight
    ]);
    expect(plan.warnings.slice(1).map((w) => w.message)).toEqual([
      'must-start-on constraint written as start-no-earlier-than (not_before)',
      'as-late-as-possible constraint ignored: the task is scheduled as soon as possible',
      'finish-no-earlier-than constraint written as start-no-earlier-than its planned duration before the date (not_before): approximate, a sampled duration shorter than planned finishes before the date',
      'must-finish-on constraint written as a deadline (it does not move the task)',
    ]);
  });

  test('readMspdi expands recurring exceptions and work weeks into dated exceptions', () => {
    const cal = `<Calendars><Calendar><UID>1</UID><Name>Std</Name><IsBaseCalendar>1</IsBaseCalendar><WeekDays>
      ${[1, 2, 3, 4, 5, 6, 7].map((d) => `<WeekDay><DayType>${d}</DayType><DayWorking>${d === 1 || d === 7 ? 0 : 1}</DayWorking></WeekDay>`).join('')}</WeekDays>
      <Exceptions><Exception><TimePeriod><FromDate>2027-01-01T00:00:00</FromDate><ToDate>2027-03-31T23:59:00</ToDate></TimePeriod><Occurrences>3</Occurrences>
        <Type>5</Type><Period>1</Period><MonthItem>4</MonthItem><MonthPosition>4</MonthPosition><DayWorking>0</DayWorking></Exception></Exceptions>
      <WorkWeeks><WorkWeek><TimePeriod><FromDate>2027-02-01T00:00:00</FromDate><ToDate>2027-02-07T23:59:00</ToDate></TimePeriod><Name>Short</Name>
        <WeekDays><WeekDay><DayType>2</DayType><DayWorking>1</DayWorking><WorkingTimes><WorkingTime><FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime></WorkingTimes></WeekDay></WeekDays></WorkWeek></WorkWeeks>
      </Calendar></Calendars><CalendarUID>1</CalendarUID>`;
    const plan = readMspdi(mspdi(task(1), cal), 'r.xml');
    // The last Monday of January, February and March 2027; Monday 1 February works 08:00-12:00.
    expect((plan.scenario.calendars as Record<string, unknown>).Std).toEqual({
      name: 'Std',
      days: ['mon', 'tue', 'wed', 'thu', 'fri'],
      hours: ['08:00-12:00', '13:00-17:00'],
      holidays: ['2027-01-25', '2027-02-22', '2027-03-29'],
      exceptions: [{ from: '2027-02-01', to: '2027-02-01', hours: ['08:00-12:00'] }],
    });
  });

  test('readMspdi reads a Project element without namespace with a warning', () => {
    const plan = readMspdi(mspdi(task(1)).replace(' xmlns="http://schemas.microsoft.com/project"', ''), 'n.xml');
    expect(plan.warnings[0]).toEqual({ location: '/Project', message: 'the Project element has no namespace (expected http://schemas.microsoft.com/project); read as MSPDI' });
  });
});

describe('readMspdi on malformed files', () => {
  test('readMspdi refuses XML that is not MSPDI', () => {
    expectCoordsimError(() => readMspdi('<?xml version="1.0"?>\n<APIBusinessObjects xmlns="http://xmlns.oracle.com/Primavera/P6/V18.1/API/BusinessObjects"/>', 'p6.xml'), 'E_SCHEMA', { file: 'p6.xml', line: 2 }, 'not a Microsoft Project XML file', 'found APIBusinessObjects');
    expectCoordsimError(() => readMspdi('<Project xmlns="http://schemas.microsoft.com/project"><Name>x</Name></Project>', 'e.xml'), 'E_SCHEMA', { path: '/Project' }, 'no Tasks element');
  });

  test('readMspdi refuses XML that is not well-formed, at its line', () => {
    const text = mspdi(task(1)).replace('</Tasks>', '</Taskz>');
    expectCoordsimError(() => readMspdi(text, 'bad.xml'), 'E_PARSE', { file: 'bad.xml', line: 6 }, 'XML is not well-formed');
  });

  test('readMspdi refuses a DOCTYPE, so entities are never expanded (billion laughs)', () => {
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n<Project xmlns="http://schemas.microsoft.com/project"><Name>&lol2;</Name></Project>`;
    expectCoordsimError(() => readMspdi(bomb, 'bomb.xml'), 'E_PARSE', { line: 2 }, 'DOCTYPE declaration is not allowed');
  });

  test('readMspdi refuses too deep nesting and too large input', () => {
    const deep = '<Project xmlns="http://schemas.microsoft.com/project">' + '<a>'.repeat(100) + '</a>'.repeat(100) + '</Project>';
    expectCoordsimError(() => readMspdi(deep, 'deep.xml'), 'E_PARSE', { line: 1 }, 'nested deeper than 64');
    expectCoordsimError(() => parseXmlTree('<a/>', 'big.xml', new Set(), { maxChars: 3, maxDepth: 8, maxElements: 10 }), 'E_PARSE', { file: 'big.xml' }, 'larger than 3 characters');
  });

  test('readMspdi refuses a link to a missing task', () => {
    expectCoordsimError(() => readMspdi(mspdi(task(1, link(9))), 'm.xml'), 'E_REFERENCE', { line: 5, path: '/Project/Tasks/Task[1]/PredecessorLink[1]' }, 'PredecessorUID 9 is not a task of the file');
  });

  test('readMspdi refuses a cycle and names its tasks', () => {
    expectCoordsimError(() => readMspdi(mspdi(`${task(1, link(2))}\n${task(2, link(1, 0))}`), 'c.xml'), 'E_CYCLE', { file: 'c.xml' }, 'the links form a loop: 1 -> 2 -> 1');
  });

  test('readMspdi refuses duplicate task UIDs', () => {
    expectCoordsimError(() => readMspdi(mspdi(`${task(1)}\n${task(1)}`), 'd.xml'), 'E_SCHEMA', { line: 6, path: '/Project/Tasks/Task[2]' }, 'duplicate task UID 1');
  });

  test('readMspdi refuses a duration that is not ISO 8601, and a non-numeric lag', () => {
    const text = mspdi(task(1).replace('PT8H0M0S', 'eight hours'));
    expectCoordsimError(() => readMspdi(text, 'n.xml'), 'E_SCHEMA', { line: 5, path: '/Project/Tasks/Task[1]/Duration' }, 'Duration must be an ISO 8601 duration such as PT8H0M0S, found "eight hours"');
    const lag = mspdi(`${task(1)}${task(2, link(1).replace('<LinkLag>0', '<LinkLag>ten'))}`);
    expectCoordsimError(() => readMspdi(lag, 'n.xml'), 'E_SCHEMA', { path: '/Project/Tasks/Task[2]/PredecessorLink[1]/LinkLag' }, 'LinkLag must be a number, found "ten"');
  });

  test('readMspdi refuses an unknown link type and a task calendar the file lacks', () => {
    expectCoordsimError(() => readMspdi(mspdi(`${task(1)}${task(2, link(1, 7))}`), 't.xml'), 'E_SCHEMA', { path: '/Project/Tasks/Task[2]/PredecessorLink[1]' }, 'link Type must be 0 (FF), 1 (FS), 2 (SF) or 3 (SS), found "7"');
    expectCoordsimError(() => readMspdi(mspdi(task(1, '<CalendarUID>5</CalendarUID>')), 'k.xml'), 'E_REFERENCE', { path: '/Project/Tasks/Task[1]' }, 'CalendarUID 5 is not a calendar of the file');
  });
});

describe.skipIf(!mpxjAvailable)('readMspdi on the MPXJ sample files (fetched copy, not committed)', () => {
  const all = mpxjAvailable ? mpxjFiles(mpxjPaths('.xml')) : new Map<string, Buffer>();
  const samples = [...all].filter(([, b]) => b.subarray(0, 4000).toString('utf8').includes('schemas.microsoft.com/project'));

  test('every sample with tasks reads, with its task, link and calendar counts and parseable source dates', () => {
    expect(samples.length).toBeGreaterThan(100);
    let read = 0;
    for (const [p, buf] of samples) {
      const text = buf.toString('utf8');
      const root = parseXmlTree(text, p, new Set(['TimephasedData']));
      const taskEls = childrenNamed(child(root, 'Tasks'), 'Task');
      // Independent counts from the elements: real tasks are not summaries, blank rows, inactive or the project task.
      const real = taskEls.filter((t) => textOf(t, 'Summary') !== '1' && textOf(t, 'IsNull') !== '1' && textOf(t, 'OutlineLevel') !== '0' && textOf(t, 'Active') !== '0' && textOf(t, 'UID') !== '0');
      if (real.length === 0) {
        expectCoordsimError(() => readMspdi(text, p), 'E_SCHEMA', {}, 'the file has no tasks');
        continue;
      }
      const plan = readMspdi(text, p);
      read++;
      const tasks = plan.scenario.tasks as Record<string, unknown[]>[];
      expect(tasks.length, p).toBe(real.length);
      const links = real.reduce((s, t) => s + childrenNamed(t, 'PredecessorLink').length, 0);
      expect(tasks.reduce((s, t) => s + (t.after?.length ?? 0), 0), p).toBe(links);
      expect(readMspdiCalendars(root, p, []).length, p).toBe(childrenNamed(child(root, 'Calendars'), 'Calendar').length);
      for (const [id, d] of plan.sourceDates) {
        expect(d.start && parseLocalDateTime(d.start), `${p} ${id} start`).toBeTruthy();
        expect(d.finish && parseLocalDateTime(d.finish), `${p} ${id} finish`).toBeTruthy();
      }
    }
    expect(read).toBeGreaterThan(60);
  });

  test('recurring exceptions of the samples expand to their stored occurrences, ending on ToDate', () => {
    const files = samples.filter(([p]) => p.includes('calendar-recurring-exceptions'));
    expect(files.length).toBe(4);
    for (const [p, buf] of files) {
      const root = parseXmlTree(buf.toString('utf8'), p);
      for (const calEl of childrenNamed(child(root, 'Calendars'), 'Calendar')) {
        for (const x of childrenNamed(child(calEl, 'Exceptions'), 'Exception')) {
          // Each exception alone on a copy of its calendar: Occurrences dates, the last on ToDate.
          const lone = parseXmlTree(`<Project xmlns="http://schemas.microsoft.com/project"><Calendars><Calendar><UID>1</UID><Exceptions><Exception>${x.children.filter((c) => c.name !== 'WorkingTimes').map((c) => `<${c.name}>${c.children.length ? c.children.map((g) => `<${g.name}>${g.text}</${g.name}>`).join('') : c.text}</${c.name}>`).join('')}</Exception></Exceptions></Calendar></Calendars></Project>`, 'x');
          const cal = readMspdiCalendars(lone, p, [])[0];
          const days = [...cal.exceptions.keys()].sort((a, b) => a - b);
          const name = textOf(x, 'Name');
          expect(days.length, `${p} ${name}`).toBe(Number(textOf(x, 'Occurrences')));
          const to = parseLocalDateTime(textOf(child(x, 'TimePeriod')!, 'ToDate')!)!;
          expect(days.at(-1), `${p} ${name}`).toBe(to.day);
        }
      }
    }
  });
});
