import { formatDate, parseDate } from '../civil.js';
import { checkKeys, fail, isRecord, show, type Where } from './fail.js';

/** Whole days `from` … `to`, both inclusive, as day numbers; open ends are -Infinity / Infinity. */
export interface DayRange {
  readonly from: number;
  readonly to: number;
}

/**
 * Parses one range item: a date, or `{from, to}`. `open` allows a missing end (`{from}` runs
 * forever, `{to}` from forever before); otherwise `to` defaults to `from` when `toOptional`.
 */
export function parseDayRange(
  item: unknown,
  what: string,
  where: Where,
  suffix: string,
  mode: 'closed' | 'single-or-closed' | 'open',
  extraKeys: readonly string[] = [],
): DayRange {
  if (!isRecord(item)) {
    if (typeof item === 'string' || item instanceof Date) {
      const d = parseDate(item, where, suffix);
      return { from: d, to: d };
    }
    fail('E_SCHEMA', where, suffix, `${what}: expected a date "YYYY-MM-DD" or {from, to}, found ${show(item)}`);
  }
  checkKeys(item, ['from', 'to', ...extraKeys], where, suffix, what);
  const hasFrom = item.from !== undefined;
  const hasTo = item.to !== undefined;
  if (mode === 'open' ? !hasFrom && !hasTo : !hasFrom) {
    fail('E_SCHEMA', where, suffix, `${what}: expected ${mode === 'open' ? '`from` and/or `to`' : '`from`'} dates, found ${show(item)}`);
  }
  if (mode === 'closed' && !hasTo) fail('E_SCHEMA', where, suffix, `${what}: expected both \`from\` and \`to\` (a single day is written as a plain date), found ${show(item)}`);
  const from = hasFrom ? parseDate(item.from, where, `${suffix}/from`) : -Infinity;
  const to = hasTo ? parseDate(item.to, where, `${suffix}/to`) : mode === 'open' ? Infinity : from;
  if (from > to) {
    fail('E_PARAM', where, suffix, `${what}: \`from\` ${formatDate(from)} is after \`to\` ${formatDate(to)}`);
  }
  return { from, to };
}

/** Parses a list of range items (see `parseDayRange`); `undefined` is the empty list. */
export function parseDayRanges(value: unknown, what: string, where: Where, suffix: string, mode: 'closed' | 'open'): DayRange[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) fail('E_SCHEMA', where, suffix, `${what}: expected a list of dates or {from, to} ranges, found ${show(value)}`);
  return value.map((item, i) => parseDayRange(item, what, where, `${suffix}/${i}`, mode));
}
