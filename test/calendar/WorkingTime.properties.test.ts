import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CalendarSystem, SNAP_MINUTES, UNIT_MINUTES, type TimeUnit, type WorkingTime } from '../../src/calendar/index.js';
import { OFFICE } from './fixtures.js';

const UNITS: TimeUnit[] = ['minute', 'hour', 'day', 'week'];

const CALENDARS: Record<string, unknown> = {
  office: OFFICE,
  split: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], hours: ['08:00-12:00', '13:00-17:30'], holidays: [{ from: '2027-04-01', to: '2027-04-12' }] },
  nights: { days: ['sun', 'mon', 'tue', 'wed', 'thu'], hours: ['00:00-04:00', '22:00-24:00'] },
  half: { days: ['tue', 'thu'], hours: 4, day_start: '14:00', exceptions: [{ from: '2027-02-01', to: '2027-02-28', working: false }, { from: '2027-03-06', hours: 24 }] },
  fullWeek: { holidays: ['2027-01-20', { from: '2027-03-01', to: '2027-03-03' }] },
};

interface Case {
  name: string;
  wt: WorkingTime;
  /** Elapsed units per civil day, to draw times and work in sensible ranges. */
  perDay: number;
  workPerDay: number;
}

/** Every calendar above, with and without vacations, in every unit. */
const CASES: Case[] = UNITS.flatMap((unit) => {
  const sys = CalendarSystem.fromScenario({ start: '2027-01-04', time_unit: unit, calendars: CALENDARS, calendar: 'office' });
  const perDay = 1440 / UNIT_MINUTES[unit];
  const workPerDay = 480 / sys.clock.workMinutes;
  return Object.keys(CALENDARS).flatMap((name) => [
    { name: `${name}/${unit}`, wt: sys.workingTime({ calendar: name, where: `/${name}` }), perDay, workPerDay },
    { name: `${name}+off/${unit}`, wt: sys.workingTime({ calendar: name, off: [{ from: '2027-01-11', to: '2027-01-22' }, '2027-05-05'], where: `/${name}` }), perDay, workPerDay },
  ]);
});

/** A case, a time (about -60 … +500 days) and an amount of work (0 … 120 days of 8 h). */
/** Cases by index, so that counterexamples print short. */
const arbCase = fc.integer({ min: 0, max: CASES.length - 1 });
/** Times in days: arbitrary doubles, and whole quarter hours (which hit period boundaries exactly). */
const arbDays = fc.oneof(
  fc.double({ min: -60, max: 500, noNaN: true }),
  fc.integer({ min: -60 * 96, max: 500 * 96 }).map((q) => q / 96 - 0.375),
);
const arbWorkDays = fc.oneof(fc.double({ min: 0, max: 120, noNaN: true }), fc.constantFrom(0, 0.125, 0.5, 1, 2, 5));
const RUNS = { numRuns: 1500, seed: 20270104 };

/**
 * Equal up to the snapping tolerance (SNAP_MINUTES of working time, 1e-8 min) plus float
 * rounding (1e-12 relative to the magnitudes involved); `per` is minutes per unit compared.
 */
const close = (per: number, a: number, b: number, ...mags: number[]) =>
  Math.abs(a - b) <= (2 * SNAP_MINUTES) / per + 1e-12 * Math.max(1, Math.abs(a), Math.abs(b), ...mags.map(Math.abs));
/** Work amounts equal (see `close`). */
const nearW = (c: Case, a: number, b: number, ...mags: number[]) => close(c.wt.workMinutes, a, b, ...mags);
/** Times equal (see `close`). */
const nearT = (c: Case, a: number, b: number, ...mags: number[]) => close(c.wt.unitMinutes, a, b, ...mags);

/** Work well above the snapping tolerance: less than that is no work. */
const resolved = (c: Case, _t: number, w: number) => w * c.wt.workMinutes > 10 * SNAP_MINUTES;

describe('WorkingTime properties over calendars × units × vacations', () => {
  test(`the cases cover ${CASES.length} (calendar, days off, unit) combinations`, () => {
    expect(CASES.length).toBe(40);
  });

  test('advance(t, w) is monotonic in t and in w', () => {
    fc.assert(fc.property(arbCase, arbDays, arbDays, arbWorkDays, arbWorkDays, (ci, d1, d2, w1, w2) => {
      const c = CASES[ci];
      const [ta, tb] = [d1 * c.perDay, d2 * c.perDay].sort((a, b) => a - b);
      const [wa, wb] = [w1 * c.workPerDay, w2 * c.workPerDay].sort((a, b) => a - b);
      expect(c.wt.advance(ta, wa)).toBeLessThanOrEqual(c.wt.advance(tb, wa));
      expect(c.wt.advance(ta, wa)).toBeLessThanOrEqual(c.wt.advance(ta, wb));
      expect(c.wt.retreat(ta, wa)).toBeLessThanOrEqual(c.wt.retreat(tb, wa));
      expect(c.wt.retreat(ta, wb)).toBeLessThanOrEqual(c.wt.retreat(ta, wa));
    }), RUNS);
  });

  test('workBetween(t, advance(t, w)) is w, and workBetween(retreat(t, w), t) is w', () => {
    fc.assert(fc.property(arbCase, arbDays, arbWorkDays, (ci, d, wd) => {
      const c = CASES[ci];
      const t = d * c.perDay;
      const w = wd * c.workPerDay;
      const r = c.wt.advance(t, w);
      expect(nearW(c, c.wt.workBetween(t, r), w, t, r)).toBe(true);
      const s = c.wt.retreat(t, w);
      expect(nearW(c, c.wt.workBetween(s, t), w, t, s)).toBe(true);
    }), RUNS);
  });

  test('advance(t, w) with w > 0 ends in working time or exactly at the end of a working period, never before its first working moment', () => {
    fc.assert(fc.property(arbCase, arbDays, arbWorkDays, (ci, d, wd) => {
      const c = CASES[ci];
      const t = d * c.perDay;
      const w = wd * c.workPerDay;
      fc.pre(w > 0);
      const r = c.wt.advance(t, w);
      expect(c.wt.lastWorking(r)).toBe(r);
      const s = c.wt.retreat(t, w);
      expect(c.wt.lastWorking(s)).toBe(s);
      fc.pre(resolved(c, t, w));
      expect(r).toBeGreaterThanOrEqual(c.wt.nextWorking(t));
      // and it is the earliest such time: just before it, the work is not done
      expect(nearW(c, c.wt.workBetween(t, r), w, t, r)).toBe(true);
      expect(c.wt.isWorking(s)).toBe(true);
      expect(s).toBeLessThanOrEqual(c.wt.lastWorking(t));
    }), RUNS);
  });

  test('retreat(advance(t, w), w) is the first working moment at or after t; advance(retreat(t, w), w) the end of the last work before t', () => {
    fc.assert(fc.property(arbCase, arbDays, arbWorkDays, (ci, d, wd) => {
      const c = CASES[ci];
      const t = d * c.perDay;
      const w = wd * c.workPerDay;
      fc.pre(resolved(c, t, w));
      const r = c.wt.advance(t, w);
      // the same working instant as nextWorking(t): equal, or (t within rounding of a period's
      // end) the next period's start, since retreat prefers the later of two equivalent starts
      const start = c.wt.retreat(r, w);
      const first = c.wt.nextWorking(t);
      expect(nearT(c, start, first, r) || (start > first && nearW(c, c.wt.workBetween(first, start), 0, r))).toBe(true);
      // advance(retreat(t, w), w) is done by t, and no working time lies between it and t
      const s = c.wt.retreat(t, w);
      const back = c.wt.advance(s, w);
      expect(back <= t || nearT(c, back, t, s)).toBe(true);
      expect(nearW(c, c.wt.workBetween(back, t), 0, t, s)).toBe(true);
      expect(c.wt.lastWorking(back)).toBe(back);
    }), RUNS);
  });

  test('advance(advance(t, a), b) is advance(t, a + b) and advanceSigned undoes itself', () => {
    fc.assert(fc.property(arbCase, arbDays, arbWorkDays, arbWorkDays, (ci, d, ad, bd) => {
      const c = CASES[ci];
      const t = d * c.perDay;
      const a = ad * c.workPerDay;
      const b = bd * c.workPerDay;
      const twoSteps = c.wt.advance(c.wt.advance(t, a), b);
      const oneStep = c.wt.advance(t, a + b);
      // equal, or one at a period's end and the other at the next period's start (a second
      // step of tiny work, or work within rounding of a period's end): the same working instant
      expect(nearW(c, c.wt.workBetween(oneStep, twoSteps), 0, t, twoSteps)).toBe(true);
      expect(nearT(c, twoSteps, oneStep, t) || nearT(c, c.wt.nextWorking(oneStep), twoSteps, t) || nearT(c, c.wt.nextWorking(twoSteps), oneStep, t)).toBe(true);
      const lag = -a;
      const back = c.wt.advanceSigned(t, lag);
      expect(nearW(c, c.wt.workBetween(back, t), a, t, back)).toBe(true);
    }), RUNS);
  });

  test('zero work never moves: advance(t, 0) === t === retreat(t, 0)', () => {
    fc.assert(fc.property(arbCase, arbDays, (ci, d) => {
      const c = CASES[ci];
      const t = d * c.perDay;
      expect(c.wt.advance(t, 0)).toBe(t);
      expect(c.wt.retreat(t, 0)).toBe(t);
      expect(c.wt.advanceSigned(t, -0)).toBe(t);
    }), { numRuns: 300, seed: 7 });
  });
});

describe('the always-working default is the identity in floating point', () => {
  const systems = UNITS.flatMap((unit) => [
    CalendarSystem.fromScenario({ time_unit: unit }),
    CalendarSystem.fromScenario({ time_unit: unit, start: '2027-01-04' }),
    CalendarSystem.fromScenario({ time_unit: unit, start: '2027-01-04', calendars: { always: {} }, calendar: 'always' }),
  ]);

  test(`advance, retreat, advanceSigned, workBetween, nextWorking are exact identities (${systems.length} systems)`, () => {
    expect(systems.every((s) => s.project.identity && s.project.alwaysWorking)).toBe(true);
    fc.assert(fc.property(fc.constantFrom(...systems), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
      fc.double({ noNaN: true, min: 0, max: 1e9 }), fc.double({ noNaN: true, min: -1e9, max: 1e9 }), (s, t, w, lag) => {
        const p = s.project;
        expect(p.advance(t, w)).toBe(t + w);
        expect(p.retreat(t, w)).toBe(t - w);
        expect(p.advanceSigned(t, lag)).toBe(t + lag);
        expect(p.workBetween(t, t + w)).toBe(t + w - t);
        expect(p.nextWorking(t)).toBe(t);
        expect(p.lastWorking(t)).toBe(t);
        expect(p.isWorking(t)).toBe(true);
        const agent = s.workingTime({ where: '/agents/0' });
        expect(agent.advance(t, w)).toBe(t + w);
      }), { numRuns: 2000, seed: 3 });
  });
});
