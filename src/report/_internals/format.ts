import type { ModelView } from '../ReportData.js';

/** A number with fixed decimals, or an en dash when it is not finite. */
export function num(x: number, digits = 1): string {
  return Number.isFinite(x) ? x.toFixed(digits) : '–';
}

/** A share as a whole percentage: 0.153 → "15%". */
export function pct(x: number | null): string {
  return x !== null && Number.isFinite(x) ? `${Math.round(x * 100)}%` : '–';
}

/** Plural of the scenario's time unit: "days". */
export function unitPlural(m: ModelView): string {
  return m.timeUnit.endsWith('s') ? m.timeUnit : `${m.timeUnit}s`;
}

/** Plural of the unit the report shows times in: "hours". */
export function displayPlural(m: ModelView): string {
  return `${m.display.unit}s`;
}

/** A time in the display unit: 1.5 days → "36.0" when the report shows hours. */
export function inDisplay(x: number, m: ModelView, digits = 1): string {
  return num(x * m.display.perUnit, digits);
}

/** True when the report shows times in the scenario's own unit. */
function ownUnit(m: ModelView): boolean {
  return m.display.perUnit === 1 && m.display.unit === m.timeUnit;
}

/**
 * A duration in the display unit, then in the scenario's unit when that differs
 * ("36.0 hours (1.5 days)"), else in weeks when it is two weeks or more ("28.7 days (5.7 weeks)").
 */
export function duration(x: number, m: ModelView): string {
  const shown = `${inDisplay(x, m)} ${displayPlural(m)}`;
  if (!ownUnit(m)) return `${shown} (${num(x)} ${unitPlural(m)})`;
  if (m.display.unit !== 'week' && m.unitsPerWeek > 0 && x / m.unitsPerWeek >= 2) return `${shown} (${num(x / m.unitsPerWeek)} weeks)`;
  return shown;
}

/** "a 30-day deadline (6 weeks)", "a 5-hour deadline". */
export function deadlinePhrase(deadline: number, m: ModelView): string {
  const whole = (v: number) => (Number.isInteger(v) ? String(v) : num(v));
  const shown = `a ${whole(deadline * m.display.perUnit)}-${m.display.unit} deadline`;
  if (!ownUnit(m)) return `${shown} (${whole(deadline)} ${unitPlural(m)})`;
  if (m.display.unit !== 'week' && m.unitsPerWeek > 0 && deadline / m.unitsPerWeek >= 2) return `${shown} (${whole(deadline / m.unitsPerWeek)} weeks)`;
  return shown;
}
