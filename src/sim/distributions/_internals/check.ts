import { SimError } from '../../SimError.js';

/** Renders a parameter for an error message: `[5, 3, 8]`, `{median: 5, p90: 3}`, `NaN`. */
export function show(value: unknown, depth = 0): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '0' : String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
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

/** Throws the E_PARAM error `<family>: expected <expected>, got <value>`. */
export function fail(family: string, expected: string, got: unknown): never {
  throw new SimError('E_PARAM', `${family}: expected ${expected}, got ${show(got)}`);
}

/** True for a finite number (not NaN, not ±Infinity, not a string). */
export function isFiniteNumber(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/** Validates the factor of `scale(k)`. */
export function checkScale(family: string, k: number): void {
  if (!(isFiniteNumber(k) && k > 0)) fail(`${family}.scale`, 'a finite k > 0', k);
}

/** Validates the argument of `quantile(p)`. */
export function checkProbability(family: string, p: number): void {
  if (!(p >= 0 && p <= 1)) fail(`${family}.quantile`, '0 <= p <= 1', p);
}
