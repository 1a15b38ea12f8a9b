import { describe, expect, it } from 'vitest';
import { compileModel, parseScenario } from '../../src/index.js';
import { displayCandidates, displayUnit } from '../../src/report/_internals/displayUnit.js';
import { reportPeriods, workPeriods } from '../../src/report/_internals/periods.js';
import { modelView } from '../../src/report/ReportData.js';
import { deadlinePhrase, duration } from '../../src/report/_internals/format.js';

describe('displayUnit', () => {
  it('displayUnit(hour scenario, 5 hours) stays in hours, never a fraction of a week', () => {
    expect(displayUnit('hour', 40, null, 5)).toEqual({ unit: 'hour', perUnit: 1 });
    expect(displayUnit('hour', 40, null, 1.5)).toEqual({ unit: 'minute', perUnit: 60 });
    expect(displayUnit('hour', 40, null, 30)).toEqual({ unit: 'hour', perUnit: 1 });
    expect(displayUnit('hour', 40, null, 800)).toEqual({ unit: 'week', perUnit: 1 / 40 });
  });

  it('displayUnit(minute scenario) moves to hours past 100 minutes', () => {
    expect(displayUnit('minute', 2400, null, 90)).toEqual({ unit: 'minute', perUnit: 1 });
    expect(displayUnit('minute', 2400, null, 240)).toEqual({ unit: 'hour', perUnit: 1 / 60 });
  });

  it('displayUnit(day scenario) keeps days up to 100 and weeks beyond, never hours without dates', () => {
    expect(displayUnit('day', 5, null, 0.5)).toEqual({ unit: 'day', perUnit: 1 });
    expect(displayUnit('day', 5, null, 30)).toEqual({ unit: 'day', perUnit: 1 });
    expect(displayUnit('day', 5, null, 260)).toEqual({ unit: 'week', perUnit: 1 / 5 });
  });

  it('displayUnit with dates converts civil time: a 3-day dated plan in hours, a 30-day one in days', () => {
    expect(displayUnit('day', 5, 1440, 3)).toEqual({ unit: 'hour', perUnit: 24 });
    expect(displayUnit('day', 5, 1440, 30)).toEqual({ unit: 'day', perUnit: 1 });
    expect(displayUnit('day', 5, 1440, 200)).toEqual({ unit: 'week', perUnit: 1 / 7 });
  });

  it('displayCandidates(week) is weeks only without dates', () => {
    expect(displayCandidates('week', 1, null)).toEqual([{ unit: 'week', perUnit: 1 }]);
  });
});

const DATED = `
name: dated
time_unit: day
start: 2027-01-06
calendars:
  office: {days: [mon, tue, wed, thu, fri], hours: 8}
calendar: office
agents: [{id: x}]
tasks:
  - {id: one, agent: x, duration: 3}
deadline: 12
`;

describe('periods', () => {
  it('workPeriods(dated office plan) is 09:00–17:00 on weekdays from Wednesday 2027-01-06 (time 0 = Wed 09:00)', () => {
    const m = compileModel(parseScenario(DATED, 'dated.yaml'));
    const p = workPeriods(m, 7)!;
    const h = 1 / 24;
    // Wed, Thu, Fri, then Mon 11th, Tue 12th, Wed 13th (the weekend of the 9th and 10th is off).
    const want = [0, 1, 2, 5, 6, 7].map((d) => [d, d + 8 * h]);
    expect(p.length).toBe(want.length);
    p.forEach(([a, b], i) => {
      expect(a).toBeCloseTo(want[i][0], 9);
      expect(b).toBeCloseTo(want[i][1], 9);
    });
  });

  it('modelView(dated plan).dates lists the weekends as [Saturday 00:00, Monday 00:00) times', () => {
    const m = compileModel(parseScenario(DATED, 'dated.yaml'));
    const off = modelView(m, 12).dates!.offDays;
    expect(off.length).toBe(2);
    expect(off[0][0]).toBeCloseTo(2 + 15 / 24, 12);
    expect(off[0][1]).toBeCloseTo(4 + 15 / 24, 12);
    expect(off[1][0]).toBeCloseTo(9 + 15 / 24, 12);
  });

  it('reportPeriods(dated plan of 12 days) counts days from midnight, a third of a day of work on weekdays, none at weekends', () => {
    const m = compileModel(parseScenario(DATED, 'dated.yaml'));
    const p = reportPeriods(m, 12);
    expect(p.unit).toBe('day');
    expect(p.edges[0]).toBeCloseTo(-9 / 24, 12);
    expect(p.edges[1] - p.edges[0]).toBeCloseTo(1, 12);
    // Wed Thu Fri Sat Sun Mon ...
    expect(p.work.slice(0, 6).map((w) => Math.round(w * 24))).toEqual([8, 8, 8, 0, 0, 8]);
  });

  it('reportPeriods(undated) picks hours, days or weeks by the horizon', () => {
    const hours = compileModel(parseScenario('name: h\ntime_unit: hour\nagents: [{id: x}]\ntasks: [{id: a, agent: x, duration: 5}]\n', 'h.yaml'));
    expect(reportPeriods(hours, 5)).toEqual({ unit: 'hour', edges: [0, 1, 2, 3, 4, 5], work: [1, 1, 1, 1, 1] });
    // 100 hours at 40 a week: days of 8 hours.
    expect(reportPeriods(hours, 100).unit).toBe('day');
    expect(reportPeriods(hours, 100).edges[1]).toBe(8);
    const days = compileModel(parseScenario('name: d\ntime_unit: day\nagents: [{id: x}]\ntasks: [{id: a, agent: x, duration: 5}]\n', 'd.yaml'));
    expect(reportPeriods(days, 30).unit).toBe('day');
    expect(reportPeriods(days, 120)).toMatchObject({ unit: 'week', edges: [0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95, 100, 105, 110, 115, 120] });
  });

  it('modelView lists task links with their types', () => {
    const m = compileModel(
      parseScenario('name: l\ntime_unit: day\nagents: [{id: x}]\ntasks:\n  - {id: a, agent: x, duration: 1}\n  - {id: b, agent: x, duration: 1, after: [a]}\n  - {id: c, agent: x, duration: 1, after: [{task: a, type: SS}, {task: b, type: FF}]}\n', 'l.yaml'),
    );
    expect(modelView(m, 3).links).toEqual([
      ['a', 'b', 'FS'],
      ['a', 'c', 'SS'],
      ['b', 'c', 'FF'],
    ]);
  });
});

describe('duration and deadlinePhrase', () => {
  const hours = modelView(compileModel(parseScenario('name: h\ntime_unit: hour\ndeadline: 5\nagents: [{id: x}]\ntasks: [{id: a, agent: x, duration: 4}]\n', 'h.yaml')), 5);
  const minutes = modelView(compileModel(parseScenario('name: m\ntime_unit: minute\nagents: [{id: x}]\ntasks: [{id: a, agent: x, duration: 150}]\n', 'm.yaml')), 240);
  it('duration(x) reads in the display unit, with the scenario unit beside it when that differs', () => {
    expect(duration(150, minutes)).toBe('2.5 hours (150.0 minutes)');
    expect(deadlinePhrase(240, minutes)).toBe('a 4-hour deadline (240 minutes)');
  });
  it('deadlinePhrase of an hour-scale plan is in hours, without weeks', () => {
    expect(hours.display).toEqual({ unit: 'hour', perUnit: 1 });
    expect(deadlinePhrase(5, hours)).toBe('a 5-hour deadline');
    expect(duration(4.25, hours)).toBe('4.3 hours');
  });
});

describe('createKit time helpers', () => {
  it('kit.dateTicks(0, 61, 12) of a plan starting Wednesday 2027-01-06 09:00 are Mondays a week apart', async () => {
    const d3 = await import('d3');
    const { createKit } = await import('../../src/report/charts/createKit.js');
    const m = compileModel(parseScenario(DATED, 'dated.yaml'));
    const data = { kind: 'run' as const, model: modelView(m, 61), metrics: {} as never, trace: [] };
    const kit = createKit(d3, data, {} as never);
    const ticks = kit.dateTicks(0, 61, 12);
    expect(ticks[0]).toBeCloseTo(4 + 15 / 24, 9);
    expect(ticks.slice(1).map((t, i) => +(t - ticks[i]).toFixed(9))).toEqual(new Array(ticks.length - 1).fill(7));
    expect(kit.timeTick!(ticks[0])).toBe('Jan 11');
  });

  it('kit.tf, kit.dur and kit.amount write times in the display unit, the scenario unit beside', async () => {
    const d3 = await import('d3');
    const { createKit } = await import('../../src/report/charts/createKit.js');
    const m = compileModel(parseScenario('name: m\ntime_unit: minute\nagents: [{id: x}]\ntasks: [{id: a, agent: x, duration: 150}]\n', 'm.yaml'));
    const kit = createKit(d3, { kind: 'run', model: modelView(m, 240), metrics: {} as never, trace: [] }, {} as never);
    expect(kit.unit).toBe('hours');
    expect(kit.tf(90)).toBe('1.5');
    expect(kit.dur(90)).toBe('1.50 hours (90.00 minutes)');
    expect(kit.amount(60)).toBe('1 hour');
    expect(kit.span(30, 90, 1)).toBe('0.5 → 1.5 hours (30.0 → 90.0 minutes)');
  });
});
