import { describe, expect, test } from 'vitest';
import { CalendarSystem } from '../../src/calendar/index.js';
import { advanceIso, at, iso, officeSystem, retreatIso } from './fixtures.js';

describe('advance(t, work) on Mon–Fri 09:00–17:00 with holidays, in days', () => {
  const sys = officeSystem('day');
  const p = sys.project;

  test('time 0 is Monday 2027-01-04 09:00 and elapsed time counts civil days from it', () => {
    expect(sys.clock.originMinutes).toBe(540);
    expect(iso(sys, 0)).toBe('2027-01-04T09:00');
    expect(at(sys, '2027-01-08T15:00')).toBe(4.25);
    expect(sys.clock.workMinutes).toBe(480);
  });

  test('a 1-day task started Friday 15:00 works 2 h Friday, 6 h Monday and ends Monday 15:00', () => {
    expect(p.advance(4.25, 1)).toBe(7.25);
    expect(p.finishDate(7.25)).toBe('2027-01-11');
  });

  test('work ending exactly at 17:00 Friday ends then, not at 09:00 Monday', () => {
    const fri17 = p.advance(4.25, 0.25);
    expect(iso(sys, fri17)).toBe('2027-01-08T17:00');
    expect(fri17).toBeCloseTo(4 + 8 / 24, 12);
    expect(p.finishDate(fri17)).toBe('2027-01-08');
    expect(p.advance(0, 5)).toBeCloseTo(4 + 8 / 24, 12); // a 5-day task from time 0 ends Friday 17:00
    expect(p.finishDate(p.advance(0, 5))).toBe('2027-01-08');
    // ... and the rest of the day of work continues on Monday
    expect(p.advance(fri17, 0.75)).toBeCloseTo(7.25, 12);
  });

  test('zero work does not move: advance(t, 0) is t even in non-working time', () => {
    const saturday = at(sys, '2027-01-09T12:00');
    expect(p.advance(saturday, 0)).toBe(saturday);
    expect(p.retreat(saturday, 0)).toBe(saturday);
  });

  test('work released in non-working time starts at the next working moment', () => {
    expect(advanceIso(sys, p, '2027-01-09T12:00', 0.5)).toBe('2027-01-11T13:00');
    expect(advanceIso(sys, p, '2027-01-05T20:00', 1)).toBe('2027-01-06T17:00');
    expect(advanceIso(sys, p, '2027-01-05T17:00', 0.125)).toBe('2027-01-06T10:00');
  });

  test('holidays are skipped: 2 days from Thursday 2027-12-23 end Monday 2028-01-03 17:00', () => {
    expect(advanceIso(sys, p, '2027-12-23T09:00', 2)).toBe('2028-01-03T17:00');
    // Friday 2027-01-01 is a holiday: 2 days before Monday 2027-01-04 09:00 start on Wednesday 2026-12-30
    expect(retreatIso(sys, p, '2027-01-04T09:00', 2)).toBe('2026-12-30T09:00');
  });

  test('ten days from time 0 end Friday 2027-01-15 17:00', () => {
    expect(advanceIso(sys, p, '2027-01-04T09:00', 10)).toBe('2027-01-15T17:00');
    expect(p.workBetween(0, p.advance(0, 10))).toBeCloseTo(10, 12);
  });

  test('workBetween counts only working time, negative when reversed', () => {
    const mon = 0;
    const nextMon = at(sys, '2027-01-11T09:00');
    expect(p.workBetween(mon, nextMon)).toBe(5);
    expect(p.workBetween(nextMon, mon)).toBe(-5);
    expect(p.workBetween(at(sys, '2027-01-08T16:00'), at(sys, '2027-01-11T10:00'))).toBe(0.25);
  });

  test('isWorking, nextWorking and lastWorking treat periods as [09:00, 17:00)', () => {
    const fri9 = at(sys, '2027-01-08T09:00');
    const fri17 = at(sys, '2027-01-08T17:00');
    expect([p.isWorking(fri9), p.isWorking(fri17), p.isWorking(fri17 - 1e-6)]).toEqual([true, false, true]);
    expect(iso(sys, p.nextWorking(fri17))).toBe('2027-01-11T09:00');
    expect(p.nextWorking(fri9)).toBe(fri9);
    expect(p.lastWorking(fri17)).toBe(fri17);
    expect(iso(sys, p.lastWorking(at(sys, '2027-01-10T12:00')))).toBe('2027-01-08T17:00');
  });
});

describe('retreat(t, work) and advanceSigned(t, lag)', () => {
  const sys = officeSystem('day');
  const p = sys.project;

  test('a negative lag of one day from Monday 09:00 goes back to Friday 09:00', () => {
    expect(iso(sys, p.advanceSigned(at(sys, '2027-01-11T09:00'), -1))).toBe('2027-01-08T09:00');
    expect(iso(sys, p.advanceSigned(at(sys, '2027-01-11T09:00'), 1))).toBe('2027-01-11T17:00');
  });

  test('half a day back from Wednesday 12:00 is Tuesday 16:00 (3 h Wednesday, 1 h Tuesday)', () => {
    expect(iso(sys, p.advanceSigned(at(sys, '2027-01-06T12:00'), -0.5))).toBe('2027-01-05T16:00');
  });

  test('a start on the boundary between two periods is the later one (Monday 09:00, not Friday 17:00)', () => {
    expect(retreatIso(sys, p, '2027-01-11T17:00', 1)).toBe('2027-01-11T09:00');
    expect(retreatIso(sys, p, '2027-01-11T15:00', 1)).toBe('2027-01-08T15:00');
  });

  test('retreat from non-working time counts back from the end of the last period', () => {
    expect(retreatIso(sys, p, '2027-01-09T12:00', 0.25)).toBe('2027-01-08T15:00');
  });

  test('retreat before time 0 gives negative times', () => {
    expect(p.retreat(0, 1)).toBeCloseTo(-4, 12); // Thursday 2026-12-31 09:00 (Friday is a holiday)
  });
});

describe('hour, minute and week units', () => {
  test('hours: 2 h from Friday 16:00 end Monday 10:00; dates print as date-times', () => {
    const sys = officeSystem('hour');
    const p = sys.project;
    expect(sys.clock.workMinutes).toBe(60);
    const r = p.advance(at(sys, '2027-01-08T16:00'), 2);
    expect(r).toBe(24 * 7 + 1); // Monday 2027-01-11 10:00 in hours since Monday 2027-01-04 09:00
    expect(p.finishDate(r)).toBe('2027-01-11T10:00');
    expect(p.finishDate(p.advance(0, 8))).toBe('2027-01-04T17:00');
    expect(p.startDate(8)).toBe('2027-01-05T09:00');
  });

  test('minutes: 90 min from Friday 16:15 are 45 min Friday and 45 min Monday', () => {
    const sys = officeSystem('minute');
    expect(advanceIso(sys, sys.project, '2027-01-08T16:15', 90)).toBe('2027-01-11T09:45');
    expect(sys.project.finishDate(at(sys, '2027-01-11T09:45'))).toBe('2027-01-11T09:45');
  });

  test('weeks: a week of work is 5 days of 8 h; from Wednesday it ends next Tuesday 17:00', () => {
    const sys = officeSystem('week');
    const p = sys.project;
    expect(sys.clock.workMinutes).toBe(2400);
    expect(p.advance(0, 1)).toBe((4 * 1440 + 480) / 10080);
    expect(advanceIso(sys, p, '2027-01-06T09:00', 1)).toBe('2027-01-12T17:00');
    expect(p.finishDate(p.advance(0, 1))).toBe('2027-01-08');
  });
});

describe('hour ranges, exceptions, vacations and part-time calendars', () => {
  test('ranges 09:00–12:00 and 13:00–17:00: work pauses at lunch and may end at 12:00', () => {
    const sys = CalendarSystem.fromScenario({
      start: '2027-01-04', time_unit: 'hour', calendar: 'split',
      calendars: { split: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], hours: ['13:00-17:00', '09:00-12:00'] } },
    });
    const p = sys.project;
    expect(sys.clock.hoursPerDay).toBe(7);
    expect(advanceIso(sys, p, '2027-01-04T10:00', 4)).toBe('2027-01-04T15:00');
    expect(advanceIso(sys, p, '2027-01-04T10:00', 2)).toBe('2027-01-04T12:00');
    expect(advanceIso(sys, p, '2027-01-04T12:30', 1)).toBe('2027-01-04T14:00');
    expect(retreatIso(sys, p, '2027-01-04T14:00', 2)).toBe('2027-01-04T11:00');
  });

  test('exceptions: a working Saturday, half days and a closed Wednesday', () => {
    const sys = officeSystem('day', {
      special: {
        ...{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], hours: 8 },
        exceptions: [
          { from: '2027-01-16', working: true },
          { from: '2027-01-20', to: '2027-01-21', hours: 4 },
          { from: '2027-01-27', working: false },
          { from: '2027-01-29', hours: ['07:00-09:00'] },
        ],
      },
    });
    const s = sys.workingTime({ calendar: 'special', where: '/agents/0' });
    expect(advanceIso(sys, s, '2027-01-15T13:00', 1)).toBe('2027-01-16T13:00'); // Saturday works 09–17
    expect(advanceIso(sys, s, '2027-01-20T09:00', 1)).toBe('2027-01-21T13:00'); // two 4 h days
    expect(advanceIso(sys, s, '2027-01-26T17:00', 0.5)).toBe('2027-01-28T13:00'); // Wednesday closed
    expect(advanceIso(sys, s, '2027-01-28T16:00', 0.375)).toBe('2027-01-29T09:00'); // 1 h Thu, 07–09 Fri
    expect(advanceIso(sys, s, '2027-01-28T16:00', 0.5)).toBe('2027-02-01T10:00'); // and 1 h on Monday
  });

  test('a vacation starting mid-task pauses the work, which resumes after it', () => {
    const sys = officeSystem('day');
    const auth = sys.workingTime({ off: [{ from: '2027-01-06', to: '2027-01-07' }], where: '/agents/1' });
    expect(advanceIso(sys, auth, '2027-01-05T13:00', 1)).toBe('2027-01-08T13:00');
    expect(advanceIso(sys, auth, '2027-01-05T09:00', 3)).toBe('2027-01-11T17:00');
    expect(auth.isWorking(at(sys, '2027-01-06T10:00'))).toBe(false);
    expect(sys.project.isWorking(at(sys, '2027-01-06T10:00'))).toBe(true);
  });

  test('a part-time calendar (4 h a day) takes two days for a day of work measured in project days', () => {
    const sys = officeSystem('day', { half: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], hours: 4 } });
    const half = sys.workingTime({ calendar: 'half', where: '/agents/2' });
    expect(advanceIso(sys, half, '2027-01-04T09:00', 1)).toBe('2027-01-05T13:00');
    // with workUnit 'own', a day of work is one of its own 4 h days
    const own = sys.workingTime({ calendar: 'half', workUnit: 'own', where: '/tasks/0' });
    expect(advanceIso(sys, own, '2027-01-04T09:00', 1)).toBe('2027-01-04T13:00');
  });

  test('an always-working task calendar ({}) counts project days of work unless workUnit is own', () => {
    const sys = officeSystem('day', { always: {} });
    const curing = sys.workingTime({ calendar: 'always', where: '/tasks/3' });
    expect(curing.alwaysWorking).toBe(true);
    expect(curing.identity).toBe(false);
    expect(curing.advance(0, 3)).toBe(1); // 3 × 8 working hours of a 24 h calendar
    const own = sys.workingTime({ calendar: 'always', workUnit: 'own', where: '/tasks/3' });
    expect(own.identity).toBe(true);
    expect(own.advance(0.5, 10)).toBe(10.5);
  });

  test('an agent who joins late works from the day after `to`; one who leaves cannot finish after `from`', () => {
    const sys = officeSystem('day');
    const late = sys.workingTime({ off: [{ to: '2027-01-10' }], where: '/agents/4' });
    expect(advanceIso(sys, late, '2027-01-04T09:00', 1)).toBe('2027-01-11T17:00');
    expect(() => late.retreat(at(sys, '2027-01-11T17:00'), 2)).toThrow(/no working time before 2027-01-11/);
    const leaver = sys.workingTime({ off: [{ from: '2027-02-01' }], where: '/agents/5' });
    expect(advanceIso(sys, leaver, '2027-01-25T09:00', 5)).toBe('2027-01-29T17:00');
    expect(() => leaver.advance(at(sys, '2027-01-25T09:00'), 6)).toThrow(/at \/agents\/5: 6 day\(s\) of work started at 2027-01-25T09:00 can never finish: this calendar has no working time after 2027-01-31/);
    expect(leaver.nextWorking(at(sys, '2027-02-03T10:00'))).toBe(Infinity);
    expect(leaver.workBetween(at(sys, '2027-01-25T09:00'), Infinity)).toBe(5);
    expect(late.workBetween(-Infinity, at(sys, '2027-01-12T09:00'))).toBe(1);
    expect(sys.project.workBetween(0, Infinity)).toBe(Infinity);
    expect(sys.project.isWorking(Infinity)).toBe(false);
  });
});

describe('time 0, dates and date-times', () => {
  test('a start on a Saturday puts time 0 at Monday 09:00; earlier dates are negative times', () => {
    const sys = officeSystem('day', {}, '2027-01-02');
    expect(sys.clock.originMinutes).toBe(2 * 1440 + 540);
    expect(sys.clock.format(0)).toBe('2027-01-04');
    expect(sys.clock.parseTime('2027-01-02', 'start', '/x')).toBe(-(2 * 1440 + 540) / 1440);
  });

  test('parseTime: a date is 00:00 (start edge) or 24:00 (end edge) of that day, a number stays', () => {
    const sys = officeSystem('day');
    expect(sys.clock.parseTime('2027-03-31', 'end', '/deadline')).toBe(87 - 0.375);
    expect(sys.clock.parseTime('2027-03-31', 'start', '/deadline')).toBe(86 - 0.375);
    expect(sys.clock.parseTime('2027-01-04T13:30', 'end', '/deadline')).toBe(4.5 / 24);
    expect(sys.clock.parseTime(12.5, 'end', '/deadline')).toBe(12.5);
  });

  test('finishDate is the date of the last working moment before t, startDate of the first at or after', () => {
    const sys = officeSystem('day');
    const p = sys.project;
    const tue17 = at(sys, '2027-01-05T17:00');
    expect(p.finishDate(tue17)).toBe('2027-01-05');
    expect(p.finishDate(at(sys, '2027-01-06T03:00'))).toBe('2027-01-05');
    expect(p.finishDate(at(sys, '2027-01-06T09:00'))).toBe('2027-01-05'); // nothing done on Wednesday yet
    expect(p.startDate(tue17)).toBe('2027-01-06');
    expect(p.startDate(at(sys, '2027-01-08T17:00'))).toBe('2027-01-11');
    expect(p.startDate(0)).toBe('2027-01-04');
    // a zero-length item (milestone) at 17:00 Friday or at time 0 has its own date
    const fri17 = p.advance(0, 5);
    expect(p.finishDate(fri17, fri17)).toBe('2027-01-08');
    expect(p.startDate(fri17, fri17)).toBe('2027-01-08');
    expect(p.finishDate(0, 0)).toBe('2027-01-04');
    expect(p.finishDate(0)).toBe('2026-12-31'); // strictly "the last working moment before": Friday 2027-01-01 is a holiday
  });

  test('a zero-length item where a whole working day ends (midnight after Friday, no hours) is dated Friday; one inside the weekend by its own day', () => {
    const sys = CalendarSystem.fromScenario({ start: '2027-01-04', time_unit: 'day', calendars: { week: { days: ['mon', 'tue', 'wed', 'thu', 'fri'] } }, calendar: 'week' });
    const p = sys.project;
    const friEnd = p.advance(0, 5); // five whole days from Monday 00:00
    expect(iso(sys, friEnd)).toBe('2027-01-09T00:00');
    expect(p.startDate(friEnd, friEnd)).toBe('2027-01-08');
    expect(p.finishDate(friEnd, friEnd)).toBe('2027-01-08');
    // not a zero-length item: a task released then starts on Monday, one done then finished on Friday
    expect(p.startDate(friEnd)).toBe('2027-01-11');
    expect(p.finishDate(friEnd)).toBe('2027-01-08');
    const satNoon = at(sys, '2027-01-09T12:00');
    expect(p.startDate(satNoon, satNoon)).toBe('2027-01-09');
    expect(p.startDate(0, 0)).toBe('2027-01-04');
  });

  test('finishDate and startDate in hours print the moments', () => {
    const sys = officeSystem('hour');
    const p = sys.project;
    expect(p.finishDate(at(sys, '2027-01-06T03:00'))).toBe('2027-01-05T17:00');
    expect(p.startDate(at(sys, '2027-01-05T17:00'))).toBe('2027-01-06T09:00');
    expect(p.startDate(at(sys, '2027-01-05T11:20'))).toBe('2027-01-05T11:20');
  });

  test('always working with a start: dates are plain day counts, a task done at t = 2 finishes on day 2', () => {
    const sys = CalendarSystem.fromScenario({ start: '2027-01-04', time_unit: 'day' });
    const p = sys.project;
    expect(p.identity).toBe(true);
    expect(sys.clock.format(0)).toBe('2027-01-04');
    expect(p.finishDate(1)).toBe('2027-01-04');
    expect(p.finishDate(2)).toBe('2027-01-05');
    expect(p.finishDate(2.5)).toBe('2027-01-06');
    expect(p.startDate(1)).toBe('2027-01-05');
    expect(p.finishDate(0, 0)).toBe('2027-01-04');
    expect(p.finishDate(1 - 1e-15)).toBe('2027-01-04');
    expect(p.startDate(1 - 1e-15)).toBe('2027-01-05');
  });
});

describe('a small plan computed the way an engine would, asserted whole', () => {
  test('FS with a lag, a vacation, a part-time agent, FF and a milestone with a negative lag', () => {
    const sys = officeSystem('day', { half: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], hours: ['09:00-13:00'] } });
    const lags = sys.project;
    const auth = sys.workingTime({ off: [{ from: '2027-01-06', to: '2027-01-07' }], where: '/agents/0' });
    const docs = sys.workingTime({ calendar: 'half', where: '/agents/1' });
    const plan: [string, string, string][] = [];
    // design: 3 days by auth from time 0 (Monday 09:00), paused by the vacation
    const designStart = 0;
    const designFinish = auth.advance(designStart, 3);
    plan.push(['design', auth.startDate(designStart), auth.finishDate(designFinish)]);
    // build: FS + 1 day (project calendar), 2 days of project-day work by the 4 h/day agent
    const buildRelease = lags.advanceSigned(designFinish, 1);
    const buildFinish = docs.advance(buildRelease, 2);
    plan.push(['build', docs.startDate(buildRelease), docs.finishDate(buildFinish)]);
    // review: FF + 0.5 day, 1 day long on the project calendar: its finish is bound, its start follows
    const reviewFinish = lags.advanceSigned(buildFinish, 0.5);
    const reviewStart = lags.retreat(reviewFinish, 1);
    plan.push(['review', lags.startDate(reviewStart), lags.finishDate(reviewFinish)]);
    // go-live: a milestone FS − 0.25 day after review
    const goLive = lags.advanceSigned(reviewFinish, -0.25);
    plan.push(['go-live', lags.startDate(goLive, goLive), lags.finishDate(goLive, goLive)]);
    expect(plan).toEqual([
      ['design', '2027-01-04', '2027-01-08'], // Mon, Tue, (Wed, Thu off), Fri until 17:00
      ['build', '2027-01-12', '2027-01-15'], // released Mon 17:00; Tue–Fri 09:00–13:00
      ['review', '2027-01-15', '2027-01-15'], // must finish Fri 17:00, so starts Fri 09:00
      ['go-live', '2027-01-15', '2027-01-15'], // Fri 15:00
    ]);
    expect([designFinish, buildRelease, buildFinish, reviewFinish, reviewStart, goLive].map((t) => iso(sys, t))).toEqual([
      '2027-01-08T17:00', '2027-01-11T17:00', '2027-01-15T13:00', '2027-01-15T17:00', '2027-01-15T09:00', '2027-01-15T15:00',
    ]);
  });
});
