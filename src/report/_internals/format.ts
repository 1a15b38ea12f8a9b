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

/** A duration in weeks first, then in the scenario's unit: "5.7 weeks (28.7 days)". */
export function duration(x: number, m: ModelView): string {
  if (m.timeUnit === 'week' || m.unitsPerWeek === 1) return `${num(x)} weeks`;
  return `${num(x / m.unitsPerWeek)} weeks (${num(x)} ${unitPlural(m)})`;
}

/** "a 6-week deadline (30 days)". */
export function deadlinePhrase(deadline: number, m: ModelView): string {
  const whole = (v: number) => (Number.isInteger(v) ? String(v) : num(v));
  if (m.timeUnit === 'week' || m.unitsPerWeek === 1) return `a ${whole(deadline)}-week deadline`;
  return `a ${whole(deadline / m.unitsPerWeek)}-week deadline (${whole(deadline)} ${unitPlural(m)})`;
}
