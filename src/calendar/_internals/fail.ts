import { CoordsimError, type CoordsimErrorCode, type ErrorContext } from '../../scenario/CoordsimError.js';

/**
 * Where an input value sits: a path such as `/calendars/office`, or a whole error context
 * (file, path, line) to which the calendar functions append their own sub-path.
 */
export type Where = string | ErrorContext;

/** The context of `where` with `suffix` (e.g. `/hours/1`) appended to its path. */
export function at(where: Where, suffix = ''): ErrorContext {
  if (typeof where === 'string') return { path: where + suffix };
  return { ...where, path: (where.path ?? '') + suffix };
}

/** Throws a CoordsimError with `message` at `where` + `suffix`. */
export function fail(code: CoordsimErrorCode, where: Where, suffix: string, message: string): never {
  throw new CoordsimError(code, message, at(where, suffix));
}

/** Renders an input value for an error message: `"9-5"`, `[mon, tue]`, `{from: …}`, `NaN`. */
export function show(value: unknown, depth = 0): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '0' : String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
  if (value instanceof Date) return `Date(${Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString()})`;
  if (value === null || value === undefined || typeof value !== 'object') return String(value);
  if (depth > 2) return Array.isArray(value) ? '[…]' : '{…}';
  if (Array.isArray(value)) {
    const items = value.slice(0, 8).map((v) => show(v, depth + 1));
    if (value.length > 8) items.push(`… ${value.length - 8} more`);
    return `[${items.join(', ')}]`;
  }
  const entries = Object.entries(value).slice(0, 8);
  return `{${entries.map(([k, v]) => `${k}: ${show(v, depth + 1)}`).join(', ')}}`;
}

/** True for a plain object (not null, not an array, not a Date). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** Fails with E_SCHEMA when `value` has a key outside `allowed` (catches typos such as `holiday`). */
export function checkKeys(value: Record<string, unknown>, allowed: readonly string[], where: Where, suffix: string, what: string): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      fail('E_SCHEMA', where, `${suffix}/${key}`, `${what}: unknown key ${JSON.stringify(key)} (expected one of ${allowed.join(', ')})`);
    }
  }
}
