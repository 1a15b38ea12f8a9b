import { CalendarSystem, type TimeUnit, type WorkingTime } from '../../src/calendar/index.js';

/** Mon–Fri, 8 h from 09:00, the holidays of the scenario format's example. */
export const OFFICE = {
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  hours: 8,
  holidays: ['2027-01-01', { from: '2027-12-24', to: '2027-12-31' }],
};

/** A system whose project calendar is OFFICE (start Monday 2027-01-04), plus `extra` calendars. */
export function officeSystem(unit: TimeUnit, extra: Record<string, unknown> = {}, start = '2027-01-04'): CalendarSystem {
  return CalendarSystem.fromScenario({ start, time_unit: unit, calendars: { office: OFFICE, ...extra }, calendar: 'office' });
}

/** Elapsed time of an ISO date-time on `sys`'s clock. */
export function at(sys: CalendarSystem, iso: string): number {
  return sys.clock.parseTime(iso, 'start', '/test');
}

/** The date-time (to the minute) of elapsed t. */
export function iso(sys: CalendarSystem, t: number): string {
  const days = sys.clock.dayOf(t);
  const x = t * sys.clock.unitMinutes + sys.clock.originMinutes - (days - sys.clock.startDay!) * 1440;
  const m = Math.round(x);
  return `${new Date(days * 86_400_000).toISOString().slice(0, 10)}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/** `wt.advance(start, work)` as a date-time, start given as a date-time. */
export function advanceIso(sys: CalendarSystem, wt: WorkingTime, start: string, work: number): string {
  return iso(sys, wt.advance(at(sys, start), work));
}

/** `wt.retreat(finish, work)` as a date-time. */
export function retreatIso(sys: CalendarSystem, wt: WorkingTime, finish: string, work: number): string {
  return iso(sys, wt.retreat(at(sys, finish), work));
}
