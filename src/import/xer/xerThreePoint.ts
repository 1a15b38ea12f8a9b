import type { ImportWarning } from '../ImportedPlan.js';
import type { XerRow, XerTable } from './parseXerTables.js';

/** The numeric data types of P6 user-defined fields (`UDFTYPE.logical_data_type`). */
const NUMERIC_TYPES = new Set(['FT_FLOAT', 'FT_FLOAT_2_DECIMALS', 'FT_INT']);

/** What a field's label must say to hold each point of an estimate (and nothing about cost or quantity). */
const ROLES = [
  { name: 'optimistic', label: /optimistic|best[\s_-]*case|\bmin(imum)?\b|\blow\b/i },
  { name: 'most likely', label: /most[\s_-]*likely|\blikely\b|expected|\bmode\b/i },
  { name: 'pessimistic', label: /pessimistic|worst[\s_-]*case|\bmax(imum)?\b|\bhigh\b/i },
] as const;
const NOT_DURATION = /cost|price|money|budget|qty|quantit|units?\b|rate|percent|%/i;
const IN_HOURS = /hours?\b|\bhrs?\b|\(h\)/i;

/** The three-point estimates user-defined fields give the activities, and how they were found. */
export interface XerThreePoint {
  /** Per `task_id`: optimistic, most likely and pessimistic durations in days. */
  byTask: Map<string, [number, number, number]>;
  /** The fields' labels, in role order; empty when the file has none such. */
  labels: string[];
}

/**
 * Finds three-point duration estimates in P6 user-defined fields: `UDFTYPE` rows of the TASK
 * table with a numeric type whose label names one point each (optimistic / best case / min,
 * most likely / expected, pessimistic / worst case / max; not a cost or quantity), and their
 * `UDFVALUE` numbers by activity. Values are days, or hours when the label says so (divided by
 * `hoursPerDay`). A role two fields claim is ambiguous: none is used, with a warning.
 */
export function xerThreePoint(
  types: XerTable | undefined,
  values: XerTable | undefined,
  hoursPerDay: number,
  readNumber: (table: XerTable, row: XerRow, field: string) => number | undefined,
  warnings: ImportWarning[],
): XerThreePoint {
  const none: XerThreePoint = { byTask: new Map(), labels: [] };
  if (types === undefined || !['udf_type_id', 'table_name', 'udf_type_label'].every((f) => types.fields.includes(f))) return none;
  const found: Array<Array<{ id: string; label: string; hours: boolean }>> = ROLES.map(() => []);
  for (const row of types.rows) {
    if (row.get('table_name') !== 'TASK') continue;
    const type = row.get('logical_data_type');
    if (type !== undefined && type !== '' && !NUMERIC_TYPES.has(type)) continue;
    const label = row.get('udf_type_label') ?? '';
    if (NOT_DURATION.test(label)) continue;
    const roles = ROLES.map((r, i) => (r.label.test(label) ? i : -1)).filter((i) => i >= 0);
    if (roles.length !== 1) continue;
    found[roles[0]].push({ id: row.get('udf_type_id') ?? '', label, hours: IN_HOURS.test(label) });
  }
  if (found.every((f) => f.length === 0)) return none;
  const at = `UDFTYPE line ${types.line}`;
  const missing = ROLES.filter((_, i) => found[i].length === 0).map((r) => r.name);
  if (missing.length > 0) {
    warnings.push({ location: at, message: `user-defined fields ${found.flat().map((f) => JSON.stringify(f.label)).join(', ')} look like a three-point estimate but no field holds the ${missing.join(' or ')} duration: not used` });
    return none;
  }
  const twice = ROLES.filter((_, i) => found[i].length > 1);
  if (twice.length > 0) {
    const r = twice[0];
    const i = ROLES.indexOf(r);
    warnings.push({ location: at, message: `several user-defined fields could hold the ${r.name} duration (${found[i].map((f) => JSON.stringify(f.label)).join(', ')}): no three-point estimate is used` });
    return none;
  }
  const fields = found.map((f) => f[0]);
  const role = new Map(fields.map((f, i) => [f.id, i]));
  const byTask = new Map<string, [number, number, number]>();
  if (values !== undefined && ['udf_type_id', 'fk_id', 'udf_number'].every((f) => values.fields.includes(f))) {
    const seen = new Map<string, number[]>();
    for (const row of values.rows) {
      const i = role.get(row.get('udf_type_id') ?? '');
      if (i === undefined) continue;
      const v = readNumber(values, row, 'udf_number');
      if (v === undefined) continue;
      const task = row.get('fk_id') ?? '';
      const three = seen.get(task) ?? [NaN, NaN, NaN];
      three[i] = fields[i].hours ? v / hoursPerDay : v;
      seen.set(task, three);
    }
    for (const [task, three] of seen) if (three.every((x) => !Number.isNaN(x))) byTask.set(task, three as [number, number, number]);
  }
  return { byTask, labels: fields.map((f) => f.label) };
}
