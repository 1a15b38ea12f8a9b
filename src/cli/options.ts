import { CoordsimError } from '../scenario/CoordsimError.js';

/** A seed flag: integers stay numbers (so `--seed 7` and `--seed 07` agree), anything else is a string seed. */
export function parseSeed(raw: string | number): number | string {
  const s = String(raw).trim();
  if (s === '') throw new CoordsimError('E_USAGE', '--seed: expected an integer or a non-empty string, got an empty value');
  return /^-?\d+$/.test(s) && Number.isSafeInteger(Number(s)) ? Number(s) : s;
}

/** A positive integer flag such as --runs or --workers. */
export function parsePositiveInt(name: string, raw: unknown): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new CoordsimError('E_USAGE', `--${name}: expected a positive integer, got ${JSON.stringify(raw)}`);
  return n;
}
