/** A unit the report can show times in. */
export type DisplayUnitName = 'minute' | 'hour' | 'day' | 'week';

/** How the report shows times: in `unit`, `perUnit` of it to one scenario time unit. */
export interface DisplayUnit {
  unit: DisplayUnitName;
  perUnit: number;
}

const MINUTES: Record<DisplayUnitName, number> = { minute: 1, hour: 60, day: 1440, week: 10080 };
const ORDER: DisplayUnitName[] = ['minute', 'hour', 'day', 'week'];

/** Most units a chart's time axis should count before the next larger unit reads better. */
export const MAX_DISPLAY_COUNT = 100;

/**
 * The units a scenario's times convert to exactly, with how many of each make one scenario
 * unit. Dated plans count elapsed civil time (a day is 24 hours, a week 7 days); undated
 * ones count working time, where only minutes and hours convert into each other and a week
 * is `unitsPerWeek` units. Never finer than the scenario's unit but for hours and minutes.
 */
export function displayCandidates(timeUnit: string, unitsPerWeek: number, unitMinutes: number | null): DisplayUnit[] {
  const own = (ORDER as string[]).includes(timeUnit) ? (timeUnit as DisplayUnitName) : 'day';
  if (unitMinutes !== null) {
    const finest = own === 'minute' || own === 'hour' ? 0 : ORDER.indexOf(own) - 1;
    return ORDER.slice(finest).map((unit) => ({ unit, perUnit: unitMinutes / MINUTES[unit] }));
  }
  const out: DisplayUnit[] = [];
  if (own === 'hour') out.push({ unit: 'minute', perUnit: 60 });
  if (own === 'minute') out.push({ unit: 'minute', perUnit: 1 }, { unit: 'hour', perUnit: 1 / 60 });
  if (own === 'hour' || own === 'day') out.push({ unit: own, perUnit: 1 });
  out.push({ unit: 'week', perUnit: own === 'week' ? 1 : 1 / unitsPerWeek });
  return out;
}

/**
 * The unit to show a report's times in, by their magnitude: the finest candidate in which
 * `horizon` (the latest time the charts reach) is at most `MAX_DISPLAY_COUNT` units, so an
 * hour-scale project reads in hours and a year-long one in weeks.
 */
export function displayUnit(timeUnit: string, unitsPerWeek: number, unitMinutes: number | null, horizon: number): DisplayUnit {
  const cands = displayCandidates(timeUnit, unitsPerWeek, unitMinutes);
  const h = Number.isFinite(horizon) && horizon > 0 ? horizon : 0;
  // The scenario's own unit wins when the horizon is nothing to go by.
  if (h === 0) return cands.find((c) => c.perUnit === 1 && c.unit === timeUnit) ?? cands[0];
  return cands.find((c) => h * c.perUnit <= MAX_DISPLAY_COUNT) ?? cands[cands.length - 1];
}
